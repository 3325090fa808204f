/** The final reply to the customer and the customer's satisfaction with the handling. */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { replyToWorkOrder } from '../../workOrders/commands/replies.ts';
import { can } from '../policy.ts';
import { presentComplaint } from '../present.ts';
import type { ComplaintView } from '../schema.ts';
import { loadComplaint } from './loadComplaint.ts';

/** Sent as an ordinary public reply (the customer sees it on the order) and kept on the complaint. */
export async function giveFinalReply(ctx: Ctx, workOrderId: string, input: { body: string }): Promise<ComplaintView> {
  const { order } = await loadComplaint(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', order)) throw forbidden();
  const reply = await replyToWorkOrder(ctx, order.id, { body: input.body, internal: false });
  const row = await ctx.tx
    .updateTable('complaints')
    .set({ final_reply: input.body, final_replied_at: new Date(), updated_at: new Date() })
    .where('work_order_id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, { subjectType: 'work_order', subjectId: order.id, type: 'complaint.finalReplied', data: { replyEventId: reply.id } });
  const fresh = await ctx.tx.selectFrom('work_orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
  return presentComplaint(ctx, fresh, row);
}

/** Given by the customer user, or by staff on the customer's behalf (e.g. from a callback). */
export async function rateComplaint(ctx: Ctx, workOrderId: string, input: { score: number; comment: string }): Promise<ComplaintView> {
  const { order, complaint } = await loadComplaint(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'rate', order)) throw forbidden();
  const row = await ctx.tx
    .updateTable('complaints')
    .set({ satisfaction_score: input.score, satisfaction_comment: input.comment, satisfaction_by: ctx.actor.id, updated_at: new Date() })
    .where('work_order_id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'complaint.rated',
    public: true,
    data: {
      before: { score: complaint.satisfaction_score, comment: complaint.satisfaction_comment },
      after: { score: input.score, comment: input.comment },
      onBehalf: ctx.actor.role !== 'customer',
    },
  });
  return presentComplaint(ctx, order, row);
}
