/** A complaint order may not reach a closed status before quality verified its actions as effective. No override. */
import { conflict } from '../../lib/errors.ts';
import { registerTransitionGuard } from '../workOrders/transitionGuards.ts';
import { COMPLAINT_TYPE } from './commands/loadComplaint.ts';

export function registerComplaintGuard(): void {
  registerTransitionGuard('complaints.verification', async (ctx, order, to) => {
    if (order.type_key !== COMPLAINT_TYPE || to.category !== 'closed') return;
    const row = await ctx.tx
      .selectFrom('complaints')
      .select('verification_effective')
      .where('work_order_id', '=', order.id)
      .executeTakeFirst();
    if (row?.verification_effective !== true) throw conflict('COMPLAINT_VERIFICATION_REQUIRED');
  });
}
