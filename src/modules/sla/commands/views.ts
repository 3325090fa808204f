/**
 * Reading SLA state: an order's clocks (latest cycle of each kind), its SLA event
 * log, and the breach log. Staff only; an order is readable exactly when the
 * work order is (visibility rule of work orders), the breach log filtered by it in SQL.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { offsetOf } from '../../../lib/pagination.ts';
import { loadVisibleWorkOrder, visibleTo } from '../../workOrders/policy.ts';
import type { BreachQuery, ClockView, OrderSlaView } from '../schema.ts';
import { CLOCKS } from '../tables.ts';

async function visibleToStaff(ctx: Ctx, workOrderId: string) {
  if (ctx.actor.role === 'customer') throw notFound('WORK_ORDER_NOT_FOUND');
  return loadVisibleWorkOrder(ctx, workOrderId);
}

export async function getOrderSla(ctx: Ctx, workOrderId: string): Promise<OrderSlaView> {
  await visibleToStaff(ctx, workOrderId);
  const rows = await ctx.tx
    .selectFrom('work_order_sla_clocks')
    .selectAll()
    .where('work_order_id', '=', workOrderId)
    .where('superseded_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  // One clock per kind: the latest cycle (next response restarts, resolution restarts on reopen).
  const latest = CLOCKS.map((kind) => rows.find((r) => r.clock === kind)).filter((r) => r !== undefined);
  const policyId = rows[0]?.policy_id;
  const policy = policyId ? await ctx.tx.selectFrom('sla_policies').select(['id', 'name']).where('id', '=', policyId).executeTakeFirst() : undefined;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const clocks: ClockView[] = latest.map((r) => ({
    clock: r.clock,
    mode: r.mode,
    targetSeconds: r.target_seconds,
    startedAt: r.started_at.toISOString(),
    dueAt: iso(r.due_at),
    pausedSince: iso(r.paused_since),
    stoppedAt: iso(r.stopped_at),
    state: r.state,
    breachedAt: iso(r.breached_at),
    warnedAt: iso(r.warned_at),
  }));
  return { policy: policy ?? null, clocks, serverNow: new Date().toISOString() };
}

export async function listOrderSlaEvents(ctx: Ctx, workOrderId: string) {
  await visibleToStaff(ctx, workOrderId);
  const rows = await ctx.tx.selectFrom('sla_events').selectAll().where('work_order_id', '=', workOrderId).orderBy('id').limit(1000).execute();
  return { items: rows.map((r) => ({ id: Number(r.id), clock: r.clock, kind: r.kind, at: r.at.toISOString(), data: r.data })) };
}

export async function listBreaches(ctx: Ctx, q: BreachQuery) {
  if (ctx.actor.role === 'customer') throw forbidden();
  let base = ctx.tx.selectFrom('sla_breaches as b').innerJoin('work_orders', 'work_orders.id', 'b.work_order_id').where(visibleTo(ctx.actor));
  if (q.clock) base = base.where('b.clock', '=', q.clock);
  if (q.teamId) base = base.where('b.team_id', '=', q.teamId);
  if (q.from) base = base.where('b.breached_at', '>=', new Date(q.from));
  if (q.to) base = base.where('b.breached_at', '<', new Date(q.to));
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    base
      .select(['b.id', 'b.work_order_id', 'work_orders.number', 'work_orders.subject', 'b.clock', 'b.policy_name', 'b.due_at', 'b.breached_at', 'b.team_id', 'b.assignee_id'])
      .orderBy('b.breached_at', 'desc')
      .orderBy('b.id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      workOrderId: r.work_order_id,
      number: r.number,
      subject: r.subject,
      clock: r.clock,
      policyName: r.policy_name,
      dueAt: r.due_at.toISOString(),
      breachedAt: r.breached_at.toISOString(),
      teamId: r.team_id,
      assigneeId: r.assignee_id,
    })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}
