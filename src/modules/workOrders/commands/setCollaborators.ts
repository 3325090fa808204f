/** Collaborators: staff who help on an order (and so may see it) without being its handler. */
import type { Ctx } from '../../../lib/context.ts';
import { invalid } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { loadVisibleWorkOrder } from '../policy.ts';
import { presentDetail } from '../present.ts';
import type { WorkOrderView } from '../schema.ts';
import { authorize } from './checks.ts';

export async function setCollaborators(ctx: Ctx, id: string, userIds: string[]): Promise<WorkOrderView> {
  const order = await loadVisibleWorkOrder(ctx, id, { forUpdate: true });
  authorize(ctx, 'edit', order);
  const wanted = [...new Set(userIds)].sort();
  if (wanted.length) {
    const staff = await ctx.tx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', wanted)
      .where('role', '<>', 'customer')
      .where('disabled_at', 'is', null)
      .execute();
    if (staff.length !== wanted.length) throw invalid({ field: 'userIds', reason: 'only active staff can collaborate' });
  }
  const current = (
    await ctx.tx.selectFrom('work_order_collaborators').select('user_id').where('work_order_id', '=', id).execute()
  )
    .map((r) => r.user_id)
    .sort();
  if (JSON.stringify(current) === JSON.stringify(wanted)) return presentDetail(ctx, order);
  await ctx.tx.deleteFrom('work_order_collaborators').where('work_order_id', '=', id).execute();
  if (wanted.length) {
    await ctx.tx
      .insertInto('work_order_collaborators')
      .values(wanted.map((user_id) => ({ work_order_id: id, user_id })))
      .execute();
  }
  const row = await ctx.tx
    .updateTable('work_orders')
    .set({ updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: id,
    type: 'workOrder.collaboratorsChanged',
    data: { before: current, after: wanted },
  });
  return presentDetail(ctx, row);
}
