/**
 * The SLA history a seeded order would have: a first-response and a resolution
 * clock under the default policy (counted in calendar time here), met when the
 * order was answered or resolved, breached when that came late or has not come,
 * with their start and fulfil events and the order's SLA summary.
 *
 * Why seed it at all: a real database of this size holds clocks for its orders.
 * An empty clock table, analysed as empty, also makes PostgreSQL plan the foreign
 * key check of each new clock event as a scan of the whole clock table, and keep
 * that plan: the create rate then measured a state no real installation is in.
 */
import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DB } from '../src/db/schema.ts';

const TARGETS = [
  { clock: 'firstResponse' as const, seconds: 4 * 3600 },
  { clock: 'resolution' as const, seconds: 48 * 3600 },
];

export interface SeededOrderTimes {
  id: string;
  createdAt: Date;
  respondedAt: Date | null;
  resolvedAt: Date | null;
}

export interface SlaHistory {
  clocks: Insertable<DB['work_order_sla_clocks']>[];
  events: Insertable<DB['sla_events']>[];
  dueAt: Date | null;
  state: 'running' | 'met' | 'breached';
}

export function slaHistory(order: SeededOrderTimes, policyId: string, now: number): SlaHistory {
  const clocks: SlaHistory['clocks'] = [];
  const events: SlaHistory['events'] = [];
  let dueAt: Date | null = null;
  let anyBreached = false;
  let anyLive = false;
  for (const t of TARGETS) {
    const id = crypto.randomUUID();
    const due = new Date(order.createdAt.getTime() + t.seconds * 1000);
    const stopped = t.clock === 'firstResponse' ? order.respondedAt : order.resolvedAt;
    const late = (stopped?.getTime() ?? now) > due.getTime();
    if (late) anyBreached = true;
    if (!stopped) {
      anyLive = true;
      if (!dueAt || due < dueAt) dueAt = due;
    }
    clocks.push({
      id,
      work_order_id: order.id,
      policy_id: policyId,
      clock: t.clock,
      mode: 'calendar',
      target_seconds: t.seconds,
      calendar_id: null,
      started_at: order.createdAt,
      pauses: '[]',
      paused_since: null,
      due_at: due,
      steps: '[]',
      fired: late ? [100] : [],
      breached_at: late ? due : null,
      stopped_at: stopped,
      state: late ? 'breached' : stopped ? 'met' : 'running',
      created_at: order.createdAt,
      updated_at: stopped ?? (late ? due : order.createdAt),
    });
    const data = JSON.stringify({ policyId, targetSeconds: t.seconds, mode: 'calendar', seeded: true });
    events.push({ work_order_id: order.id, clock_id: id, clock: t.clock, kind: 'start', at: order.createdAt, data });
    if (stopped) events.push({ work_order_id: order.id, clock_id: id, clock: t.clock, kind: 'fulfil', at: stopped, data: JSON.stringify({ late }) });
  }
  const state = anyBreached ? 'breached' : anyLive ? 'running' : 'met';
  return { clocks, events, dueAt, state };
}
