/**
 * Quality's verification of the corrective and preventive actions. Effective
 * verification is what allows the complaint to close; an ineffective one sends
 * the finished actions back to work.
 */
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { can } from '../policy.ts';
import { presentComplaint } from '../present.ts';
import type { ComplaintView } from '../schema.ts';
import { actionCounts } from './actions.ts';
import { loadComplaint } from './loadComplaint.ts';

export async function verifyComplaint(ctx: Ctx, workOrderId: string, input: { effective: boolean; notes: string }): Promise<ComplaintView> {
  const { order } = await loadComplaint(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'verify', order)) throw forbidden();
  const counts = await actionCounts(ctx, order.id);
  if (counts.live === 0) throw conflict('COMPLAINT_NO_ACTIONS');
  if (counts.open > 0) throw conflict('COMPLAINT_ACTIONS_OPEN', {}, { open: counts.open });
  const now = new Date();
  const row = await ctx.tx
    .updateTable('complaints')
    .set({ verified_at: now, verified_by: ctx.actor.id, verification_effective: input.effective, verification_notes: input.notes, updated_at: now })
    .where('work_order_id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  let reopened: string[] = [];
  if (!input.effective) {
    reopened = (
      await ctx.tx
        .updateTable('complaint_actions')
        .set({ status: 'open', updated_at: now })
        .where('work_order_id', '=', order.id)
        .where('status', '=', 'done')
        .returning('id')
        .execute()
    ).map((a) => a.id);
  }
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'complaint.verified',
    data: { effective: input.effective, notes: input.notes, reopenedActionIds: reopened },
  });
  return presentComplaint(ctx, order, row);
}
