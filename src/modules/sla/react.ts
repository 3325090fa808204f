/**
 * How work order changes move the clocks (called by the subscriber, in the
 * change's transaction, with the order row already locked by the command):
 *
 * - created: the matched policy's clocks start with the order, written by the
 *   create's own statement (newOrder.ts) — first response, resolution, callback,
 *   handling, and complaint reply on complaint orders. Next response starts only
 *   with a customer reply.
 * - a public staff reply meets first response, next response, callback and
 *   complaint reply (the callback counts the first outbound contact: staff
 *   answering the customer by any channel is recorded as a public reply).
 * - a customer reply starts a next-response clock when none is live and the
 *   first response was given; an earlier unanswered message keeps its clock.
 * - status category pending (waiting on the customer) pauses every live clock;
 *   leaving pending resumes them. Resolved or closed meets every live clock
 *   (a resolved order needs no further response); reopening starts a new
 *   resolution cycle with the full target (the met one stays in history).
 * - a complaint's corrected receipt time moves the start of its complaint-reply
 *   clock, so the complaint record and the SLA keep one deadline (complaintDue.ts).
 * - a change of priority or customer tier re-matches: clocks of a kind both
 *   policies have keep their start and pauses and take the new target; clocks
 *   the new policy lacks are cancelled; targets it adds start from the order's
 *   creation. Editing a policy does not move clocks already running.
 */
import type { Ctx } from '../../lib/context.ts';
import { recordEvent } from '../events/record.ts';
import { pauseClocks, restartClockAt, resumeClocks, retargetClock, startClocks, stopClocks, supersedeClocks } from './clocks.ts';
import { matchPolicy, type PolicyRow } from './match.ts';
import { initialTargets } from './newOrder.ts';
import { afterClocksChanged, engine, liveClocks } from './store.ts';
import type { ClockKind } from './tables.ts';

const MET_BY_STAFF_REPLY: ClockKind[] = ['firstResponse', 'nextResponse', 'callback', 'complaintReply'];
const DONE = ['resolved', 'closed'];

export async function onStaffReply(ctx: Ctx, workOrderId: string): Promise<void> {
  const live = await liveClocks(ctx, workOrderId, MET_BY_STAFF_REPLY);
  if (!live.length) return;
  const e = engine(ctx);
  await stopClocks(e, live, new Date(), 'staffReply');
  await afterClocksChanged(e, workOrderId);
}

/** The policy the order's clocks run under (the latest clock's), if any. */
async function currentPolicy(ctx: Ctx, workOrderId: string): Promise<PolicyRow | null> {
  const row = await ctx.tx
    .selectFrom('work_order_sla_clocks as c')
    .innerJoin('sla_policies as p', 'p.id', 'c.policy_id')
    .selectAll('p')
    .where('c.work_order_id', '=', workOrderId)
    .where('c.superseded_at', 'is', null)
    .orderBy('c.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function onCustomerReply(ctx: Ctx, workOrderId: string): Promise<void> {
  const live = await liveClocks(ctx, workOrderId, ['firstResponse', 'nextResponse']);
  if (live.length) return;
  const policy = await currentPolicy(ctx, workOrderId);
  const target = policy?.targets.find((t) => t.clock === 'nextResponse');
  if (!policy || !target) return;
  const order = await ctx.tx.selectFrom('work_orders').select('status_category').where('id', '=', workOrderId).executeTakeFirstOrThrow();
  if (DONE.includes(order.status_category)) return;
  const e = engine(ctx);
  await startClocks(e, workOrderId, policy, [target], { startedAt: new Date(), paused: order.status_category === 'pending' });
  await afterClocksChanged(e, workOrderId);
}

export async function onStatusChanged(ctx: Ctx, workOrderId: string, from: string, to: string): Promise<void> {
  const now = new Date();
  const e = engine(ctx);
  let changed = false;
  if (DONE.includes(to) && !DONE.includes(from)) {
    const live = await liveClocks(ctx, workOrderId);
    if (live.length) {
      await stopClocks(e, live, now, 'resolved');
      changed = true;
    }
  } else if (to === 'pending' && from !== 'pending') {
    const live = await liveClocks(ctx, workOrderId);
    await pauseClocks(e, live, now);
    changed = live.length > 0;
  } else if (from === 'pending' && to !== 'pending') {
    const live = await liveClocks(ctx, workOrderId);
    await resumeClocks(e, live, now);
    changed = live.length > 0;
  }
  if (DONE.includes(from) && !DONE.includes(to)) {
    const policy = await currentPolicy(ctx, workOrderId);
    const target = policy?.targets.find((t) => t.clock === 'resolution');
    if (policy && target && !(await liveClocks(ctx, workOrderId, ['resolution'])).length) {
      await startClocks(e, workOrderId, policy, [target], { startedAt: now, paused: to === 'pending' });
      changed = true;
    }
  }
  if (changed) await afterClocksChanged(e, workOrderId);
}

/** Re-matches after a priority or tier change; see the header for what happens to running clocks. */
export async function rematch(ctx: Ctx, workOrderId: string): Promise<void> {
  const order = await ctx.tx
    .selectFrom('work_orders')
    .select(['customer_id', 'type_key', 'priority', 'channel', 'status_category', 'created_at'])
    .where('id', '=', workOrderId)
    .executeTakeFirstOrThrow();
  if (DONE.includes(order.status_category)) return;
  const [policy, current] = await Promise.all([
    matchPolicy(ctx.tx, { customerId: order.customer_id, typeKey: order.type_key, priority: order.priority, channel: order.channel }),
    currentPolicy(ctx, workOrderId),
  ]);
  if ((policy?.id ?? null) === (current?.id ?? null)) return;
  const now = new Date();
  const e = engine(ctx);
  const live = await liveClocks(ctx, workOrderId);
  const keep = live.filter((row) => policy?.targets.some((t) => t.clock === row.clock));
  await supersedeClocks(e, live.filter((row) => !keep.includes(row)), now, 'policyChanged');
  for (const row of keep) await retargetClock(e, row, policy!, policy!.targets.find((t) => t.clock === row.clock)!, now);
  if (policy) {
    const had = await ctx.tx.selectFrom('work_order_sla_clocks').select('clock').distinct().where('work_order_id', '=', workOrderId).execute();
    const missing = initialTargets(policy, order.type_key).filter((t) => !had.some((h) => h.clock === t.clock));
    await startClocks(e, workOrderId, policy, missing, { startedAt: order.created_at, paused: order.status_category === 'pending' });
  }
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: workOrderId,
    type: 'sla.policyChanged',
    data: { from: current ? { id: current.id, name: current.name } : null, to: policy ? { id: policy.id, name: policy.name } : null },
  });
  await afterClocksChanged(e, workOrderId);
}

/** A customer's tier changed: re-match their open orders (bounded; older ones keep their clocks). */
export async function rematchCustomer(ctx: Ctx, customerId: string): Promise<void> {
  const orders = await ctx.tx
    .selectFrom('work_orders')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status_category', 'in', ['new', 'open', 'pending'])
    .orderBy('created_at', 'desc')
    .limit(200)
    .forUpdate()
    .execute();
  for (const o of orders) await rematch(ctx, o.id);
}

/** The complaint's receipt time was corrected: its complaint-reply clock counts from then. */
export async function onComplaintReceived(ctx: Ctx, workOrderId: string, receivedAt: Date): Promise<void> {
  const [row] = await liveClocks(ctx, workOrderId, ['complaintReply']);
  if (!row || row.started_at.getTime() === receivedAt.getTime()) return;
  const e = engine(ctx);
  await restartClockAt(e, row, receivedAt, new Date());
  await afterClocksChanged(e, workOrderId);
}
