/**
 * The clock transitions: start, pause, resume, stop (fulfil), supersede and
 * retarget the SLA clocks of one order, each logged in sla_events. Callers hold
 * the order row lock (commands load it FOR UPDATE; the timer job locks it), so
 * clock rows of one order never race, and finish with afterClocksChanged
 * (store.ts), which moves the order's timer and refreshes its summary.
 */
import crypto from 'node:crypto';
import { recordEvent } from '../events/record.ts';
import { syncComplaintDue } from './complaintDue.ts';
import { type ClockRow, clockOf, isLive, reachableMoment } from './clockMath.ts';
import type { PolicyRow } from './match.ts';
import { type Engine, logEvents, plan, recompute, save, stepsFor } from './store.ts';
import type { Target } from './tables.ts';

export interface StartOptions {
  startedAt: Date;
  /** The order waits on the customer: the clock starts paused. */
  paused: boolean;
}

/** Clock rows for targets starting now, before their due times are computed. */
export function newClockRows(workOrderId: string, policy: PolicyRow, targets: Target[], o: StartOptions): ClockRow[] {
  const now = new Date();
  return targets.map((t) => ({
    id: crypto.randomUUID(),
    work_order_id: workOrderId,
    policy_id: policy.id,
    clock: t.clock,
    mode: t.mode,
    target_seconds: t.seconds,
    calendar_id: policy.calendar_id,
    started_at: o.startedAt,
    pauses: [],
    paused_since: o.paused ? o.startedAt : null,
    due_at: null,
    steps: stepsFor(policy, t.clock),
    fired: [],
    warned_at: null,
    breached_at: null,
    stopped_at: null,
    superseded_at: null,
    state: o.paused ? 'paused' : 'running',
    job_id: null,
    job_percent: null,
    job_at: null,
    created_at: now,
    updated_at: now,
  }));
}

/** The start event each new clock logs. */
export function startEvents(rows: ClockRow[], policy: PolicyRow, startedAt: Date) {
  return rows.map((row) => ({
    work_order_id: row.work_order_id,
    clock_id: row.id,
    clock: row.clock,
    kind: 'start' as const,
    at: startedAt,
    data: { policyId: policy.id, targetSeconds: row.target_seconds, mode: row.mode, dueAt: row.due_at?.toISOString() ?? null },
  }));
}

export async function startClocks(e: Engine, workOrderId: string, policy: PolicyRow, targets: Target[], o: StartOptions): Promise<ClockRow[]> {
  if (!targets.length) return [];
  // Rows have their due times before the one insert; the timer follows in afterClocksChanged.
  const rows = newClockRows(workOrderId, policy, targets, o);
  await recompute(e, rows);
  const clocks = rows.map((r) => ({ ...r, pauses: JSON.stringify(r.pauses), steps: JSON.stringify(r.steps) }));
  const events = startEvents(rows, policy, o.startedAt).map((ev) => ({ ...ev, data: JSON.stringify(ev.data) }));
  // One round trip: the clocks and their start events.
  await e.ctx.tx
    .with('c', (db) => db.insertInto('work_order_sla_clocks').values(clocks).returning('id'))
    .with('ev', (db) => db.insertInto('sla_events').values(events).returning('id'))
    .selectFrom('c')
    .select('c.id')
    .execute();
  for (const row of rows) {
    if (row.clock === 'complaintReply' && row.due_at) await syncComplaintDue(e.ctx.tx, row.work_order_id, row.due_at);
  }
  return rows;
}

export async function pauseClocks(e: Engine, rows: ClockRow[], at: Date): Promise<void> {
  const running = rows.filter((r) => isLive(r) && !r.paused_since);
  for (const row of running) row.paused_since = at;
  await recompute(e, running);
  for (const row of running) await save(e.ctx, row);
  await logEvents(e.ctx, running.map((row) => ({ row, kind: 'pause' as const, at })));
}

export async function resumeClocks(e: Engine, rows: ClockRow[], at: Date): Promise<void> {
  const paused = rows.filter((r) => isLive(r) && r.paused_since);
  for (const row of paused) {
    row.pauses = [...row.pauses, { from: row.paused_since!.toISOString(), to: at.toISOString() }];
    row.paused_since = null;
  }
  await recompute(e, paused);
  for (const row of paused) await save(e.ctx, row);
  await logEvents(e.ctx, paused.map((row) => ({ row, kind: 'resume' as const, at, data: { dueAt: row.due_at?.toISOString() ?? null } })));
}

/** Fulfils clocks: met, or met late when already breached. Each goes to the timeline as sla.met. */
export async function stopClocks(e: Engine, rows: ClockRow[], at: Date, reason: string): Promise<void> {
  const live = rows.filter(isLive);
  for (const row of live) {
    if (row.paused_since) {
      row.pauses = [...row.pauses, { from: row.paused_since.toISOString(), to: at.toISOString() }];
      row.paused_since = null;
    }
    row.stopped_at = at;
  }
  await recompute(e, live);
  for (const row of live) await save(e.ctx, row);
  await logEvents(e.ctx, live.map((row) => ({ row, kind: 'fulfil' as const, at, data: { reason, late: row.breached_at !== null } })));
  for (const row of live) {
    await recordEvent(e.ctx, {
      subjectType: 'work_order',
      subjectId: row.work_order_id,
      type: 'sla.met',
      data: { clock: row.clock, dueAt: row.due_at?.toISOString() ?? null, late: row.breached_at !== null, reason },
    });
  }
}

/** Removes clocks a new policy has no target for; they leave views and timers. */
export async function supersedeClocks(e: Engine, rows: ClockRow[], at: Date, reason: string): Promise<void> {
  const live = rows.filter(isLive);
  for (const row of live) row.superseded_at = at;
  await recompute(e, live);
  for (const row of live) await save(e.ctx, row);
  await logEvents(e.ctx, live.map((row) => ({ row, kind: 'cancel' as const, at, data: { reason } })));
}

/** Moves a live clock onto another policy's target, keeping its start and pauses. */
export async function retargetClock(e: Engine, row: ClockRow, policy: PolicyRow, target: Target, at: Date): Promise<void> {
  const before = { policyId: row.policy_id, targetSeconds: row.target_seconds, mode: row.mode };
  row.policy_id = policy.id;
  row.target_seconds = target.seconds;
  row.mode = target.mode;
  row.calendar_id = policy.calendar_id;
  row.steps = stepsFor(policy, row.clock);
  // Steps already reached under the new target stay done; the rest wait for their new moments.
  const clock = clockOf(row, await e.calendars(row));
  row.fired = row.fired.filter((p) => {
    const m = reachableMoment(clock, p);
    return m !== null && m.getTime() <= at.getTime();
  });
  if (row.breached_at) row.fired = [...new Set([...row.fired, 100])];
  await plan(e, row);
  await save(e.ctx, row);
  await logEvents(e.ctx, [{ row, kind: 'retarget', at, data: { before, after: { policyId: policy.id, targetSeconds: target.seconds, mode: target.mode }, dueAt: row.due_at?.toISOString() ?? null } }]);
}

/** Moves a live clock's start (a complaint's corrected receipt time); pauses before the new start drop out. */
export async function restartClockAt(e: Engine, row: ClockRow, startedAt: Date, at: Date): Promise<void> {
  const before = row.started_at.toISOString();
  row.started_at = startedAt;
  row.pauses = row.pauses.filter((p) => new Date(p.to).getTime() > startedAt.getTime());
  const clock = clockOf(row, await e.calendars(row));
  row.fired = row.fired.filter((p) => {
    const m = reachableMoment(clock, p);
    return m !== null && m.getTime() <= at.getTime();
  });
  if (row.breached_at) row.fired = [...new Set([...row.fired, 100])];
  await plan(e, row);
  await save(e.ctx, row);
  await logEvents(e.ctx, [{ row, kind: 'retarget', at, data: { before: { startedAt: before }, after: { startedAt: startedAt.toISOString() }, dueAt: row.due_at?.toISOString() ?? null } }]);
}
