/**
 * The SLA clocks of a new work order, planned before the order is inserted so
 * that the create writes order, clocks, their start events and their timers in
 * one statement (commands/createWorkOrder.ts), with the order's SLA summary in
 * its own row from the start.
 *
 * Why not react to the created event like every other change: the clocks then
 * needed a policy query, an insert, a timer insert and an update of the order
 * just written — the update rewrote the new row and all its indexes (the search
 * index among them) — which together cost the database more than the order.
 *
 * The policy is matched against the cached active policies (policy changes are
 * configuration events, which drop the cache), with the customer's tier read by
 * the create's reference checks. A rule that changes the new order's priority
 * re-matches through the update's event, as any later priority change does.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import type { ClockRow } from './clockMath.ts';
import { newClockRows, startEvents } from './clocks.ts';
import type { PolicyRow } from './match.ts';
import { engine, plan, timerJobItem } from './store.ts';
import type { Target } from './tables.ts';
import { slaTimerJob } from './timerJob.ts';

const COMPLAINT_TYPE = 'complaint';

export interface NewOrderFacts {
  workOrderId: string;
  typeKey: string;
  priority: string;
  channel: string;
  /** The customer's service tier; null when none is set. */
  tier: string | null;
  createdAt: Date;
  /** The initial status's category: 'pending' starts the clocks paused. */
  statusCategory: string;
}

export interface NewOrderSla {
  /** The order's own summary columns. */
  dueAt: Date | null;
  state: 'running' | 'paused';
  clocks: ClockRow[];
  startEvents: ReturnType<typeof startEvents>;
  /** The order's first timer: the earliest first step of its clocks; null when none has one. */
  timerAt: Date | null;
}

/** Targets that start with the order (next response waits for a customer message). */
export function initialTargets(policy: PolicyRow, typeKey: string): Target[] {
  return policy.targets.filter((t) => t.clock !== 'nextResponse' && (t.clock !== 'complaintReply' || typeKey === COMPLAINT_TYPE));
}

/** Active policies in match order, cached with the configuration. */
function activePolicies(ctx: Ctx): Promise<PolicyRow[]> {
  const load = () => ctx.tx.selectFrom('sla_policies').selectAll().where('active', '=', true).orderBy('position').orderBy('created_at').execute();
  return ctx.configCache ? ctx.configCache.get('sla.policies', load) : load();
}

/** The same rule as match.ts matchPolicy: every non-empty list must contain the order's value. */
export function pickPolicy(policies: PolicyRow[], f: Pick<NewOrderFacts, 'tier' | 'typeKey' | 'priority' | 'channel'>): PolicyRow | null {
  const fits = (list: string[], value: string | null) => list.length === 0 || (value !== null && list.includes(value));
  return (
    policies.find(
      (p) => fits(p.match_tier_keys, f.tier) && fits(p.match_type_keys, f.typeKey) && fits(p.match_priorities, f.priority) && fits(p.match_channels, f.channel),
    ) ?? null
  );
}

/** The new order's clocks, due times and timers; null when no policy applies. */
export async function planNewOrderSla(ctx: Ctx, f: NewOrderFacts): Promise<NewOrderSla | null> {
  const policy = pickPolicy(await activePolicies(ctx), f);
  if (!policy) return null;
  const targets = initialTargets(policy, f.typeKey);
  if (!targets.length) return null;
  const paused = f.statusCategory === 'pending';
  const rows = newClockRows(f.workOrderId, policy, targets, { startedAt: f.createdAt, paused });
  const e = engine(ctx);
  const moments: number[] = [];
  for (const row of rows) {
    const want = await plan(e, row);
    row.job_percent = want?.percent ?? null;
    if (want) moments.push(want.at.getTime());
  }
  const dues = rows.filter((r) => r.state === 'running' && r.due_at).map((r) => r.due_at!.getTime());
  return {
    dueAt: dues.length ? new Date(Math.min(...dues)) : null,
    state: dues.length ? 'running' : 'paused',
    clocks: rows,
    startEvents: startEvents(rows, policy, f.createdAt),
    timerAt: moments.length ? new Date(Math.min(...moments)) : null,
  };
}

/**
 * Data-modifying CTEs (each preceded by a comma) writing the planned clocks of
 * new orders, their start events and their timers — one job per moment, shared
 * by the orders whose first step falls on it (orders created together under one
 * policy) — and recording each order's timer on its clocks; `wo` must name the
 * orders' insert, and only clocks of orders it inserted are written.
 */
export async function newOrdersSlaCtes(ctx: Ctx, plans: NewOrderSla[]): Promise<RawBuilder<unknown>> {
  if (!plans.length) return sql``;
  const byMoment = new Map<number, NewOrderSla[]>();
  for (const p of plans) {
    if (!p.timerAt) continue;
    const at = p.timerAt.getTime();
    byMoment.set(at, [...(byMoment.get(at) ?? []), p]);
  }
  const moments = [...byMoment.entries()];
  const jobs = moments.length
    ? await ctx.jobs.insertFragment(
        slaTimerJob,
        moments.map(([at, sharing]) => timerJobItem([...new Set(sharing.map((p) => p.clocks[0]!.work_order_id))], new Date(at))),
      )
    : null;
  moments.forEach(([at, sharing], i) => {
    for (const row of sharing.flatMap((p) => p.clocks)) {
      row.job_id = jobs!.ids[i]!;
      row.job_at = new Date(at);
    }
  });
  return sql`,
    sla_clocks as (
      insert into work_order_sla_clocks
      select * from jsonb_populate_recordset(null::work_order_sla_clocks, ${JSON.stringify(plans.flatMap((p) => p.clocks))}::jsonb) r
      where r.work_order_id in (select id from wo)
      returning id
    ),
    sla_log as (
      insert into sla_events (work_order_id, clock_id, clock, kind, at, data)
      select work_order_id, clock_id, clock, kind, at, data
      from jsonb_populate_recordset(null::sla_events, ${JSON.stringify(plans.flatMap((p) => p.startEvents))}::jsonb) r
      where r.work_order_id in (select id from wo)
      returning id
    )${jobs ? sql`,
    sla_timers as (${jobs.sql})` : sql``}`;
}
