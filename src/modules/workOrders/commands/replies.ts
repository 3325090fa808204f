/**
 * Public replies and internal notes. The first public staff reply is the first
 * response (SLA); a customer's answer to an order waiting on them reopens it.
 */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { loadVisibleWorkOrder } from '../policy.ts';
import type { TimelineItem } from '../schema.ts';
import { authorize, touchBy } from './checks.ts';
import { getTimelineItem } from './timeline.ts';
import { allowedNext, applyStatus } from './transitionWorkOrder.ts';

export async function replyToWorkOrder(ctx: Ctx, id: string, input: { body: string; internal: boolean }): Promise<TimelineItem> {
  const order = await loadVisibleWorkOrder(ctx, id, { forUpdate: true });
  if (input.internal && ctx.actor.role === 'customer') throw forbidden();
  authorize(ctx, input.internal ? 'note' : 'reply', order);
  const isStaff = ctx.actor.role !== 'customer';

  const eventId = await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: id,
    type: input.internal ? 'workOrder.noted' : 'workOrder.replied',
    public: !input.internal,
    data: { body: input.body },
  });
  const firstResponse = isStaff && !input.internal && order.first_responded_at === null;
  const updated = await ctx.tx
    .updateTable('work_orders')
    .set({ ...touchBy(ctx, order), ...(firstResponse ? { first_responded_at: new Date() } : {}) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

  if (!isStaff && order.status_category === 'pending') {
    const reopen = (await allowedNext(ctx, order)).find((s) => s.category === 'open');
    if (reopen) await applyStatus(ctx, updated, reopen, { reason: 'customerReplied' });
  }
  return getTimelineItem(ctx, eventId);
}
