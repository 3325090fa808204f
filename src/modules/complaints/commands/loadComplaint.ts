/**
 * Loads the complaint of a visible complaint work order, creating its record the
 * first time anyone looks at or writes to it (the work order create command stays
 * unaware of process modules). Creation fixes the first-reply deadline and flags
 * a repeat complaint with an internal event.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { loadVisibleWorkOrder } from '../../workOrders/policy.ts';
import type { WorkOrdersTable } from '../../workOrders/tables.ts';
import { complaintReplyDue } from '../../sla/complaintDue.ts';
import { firstReplyDue, loadComplaintSettings } from '../settings.ts';
import type { ComplaintsTable, ReceivedVia } from '../tables.ts';
import '../messages.ts';

export const COMPLAINT_TYPE = 'complaint';

type Order = Selectable<WorkOrdersTable>;

const VIA: Record<string, ReceivedVia> = { phone: 'phone', email: 'email', portal: 'portal', visit: 'visit' };

/** Earlier complaints of the same customer on the same asset within the repeat window. */
export async function earlierComplaints(ctx: Ctx, order: Order, windowMonths: number) {
  if (!order.asset_id) return [];
  const since = new Date(order.created_at);
  since.setUTCMonth(since.getUTCMonth() - windowMonths);
  return ctx.tx
    .selectFrom('work_orders')
    .select(['id', 'number', 'created_at'])
    .where('type_key', '=', COMPLAINT_TYPE)
    .where('customer_id', '=', order.customer_id)
    .where('asset_id', '=', order.asset_id)
    .where('id', '<>', order.id)
    .where('created_at', '>=', since)
    .where('created_at', '<=', order.created_at)
    .orderBy('created_at')
    .execute();
}

export async function loadComplaint(
  ctx: Ctx,
  workOrderId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ order: Order; complaint: Selectable<ComplaintsTable> }> {
  const order = await loadVisibleWorkOrder(ctx, workOrderId, options);
  if (order.type_key !== COMPLAINT_TYPE) throw notFound('COMPLAINT_NOT_FOUND');
  let q = ctx.tx.selectFrom('complaints').selectAll().where('work_order_id', '=', order.id);
  if (options.forUpdate) q = q.forUpdate();
  const found = await q.executeTakeFirst();
  if (found) return { order, complaint: found };

  const settings = await loadComplaintSettings(ctx.tx);
  // The SLA complaint-reply clock, when the order has one, sets the deadline (one deadline, not two).
  const slaDue = await complaintReplyDue(ctx.tx, order.id);
  // Two first readers at once: one inserts, the other reads the row it made.
  const inserted = await ctx.tx
    .insertInto('complaints')
    .values({
      work_order_id: order.id,
      received_via: VIA[order.channel] ?? 'other',
      received_at: order.created_at,
      content: order.description,
      first_reply_due_at: slaDue ?? firstReplyDue(order.created_at, settings.firstReplyHours),
    })
    .onConflict((oc) => oc.column('work_order_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    const complaint = await ctx.tx.selectFrom('complaints').selectAll().where('work_order_id', '=', order.id).executeTakeFirstOrThrow();
    return { order, complaint };
  }
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'complaint.opened',
    data: { firstReplyDueAt: inserted.first_reply_due_at.toISOString(), firstReplyHours: settings.firstReplyHours },
  });
  const earlier = await earlierComplaints(ctx, order, settings.repeatWindowMonths);
  if (earlier.length) {
    await recordEvent(ctx, {
      subjectType: 'work_order',
      subjectId: order.id,
      type: 'complaint.repeatFlagged',
      data: { assetId: order.asset_id, earlierNumbers: earlier.map((e) => e.number), windowMonths: settings.repeatWindowMonths },
    });
  }
  return { order, complaint: inserted };
}
