/**
 * Clock rows and their timer: the engine a change works with, recomputing a
 * clock's due time and moving its one timer job, saving it, logging clock
 * events, and the order's SLA summary. clocks.ts builds the transitions on it.
 */
import { sql } from 'kysely';
import { BusinessTimeError } from '../../lib/businessTime/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { syncComplaintDue } from './complaintDue.ts';
import { type ClockRow, calendarLoader, clockOf, nextTimer, stateOf } from './clockMath.ts';
import type { PolicyRow } from './match.ts';
import type { ClockKind, SlaEventKind, Step } from './tables.ts';
import { slaTimerJob } from './timerJob.ts';

type Calendars = ReturnType<typeof calendarLoader>;

export interface Engine {
  ctx: Ctx;
  calendars: Calendars;
}

export function engine(ctx: Ctx): Engine {
  return { ctx, calendars: calendarLoader(ctx) };
}

export function stepsFor(policy: PolicyRow, clock: ClockKind): Step[] {
  return policy.escalations.filter((e) => e.clock === clock).map((e) => ({ atPercent: e.atPercent, actions: e.actions }));
}

export async function logEvents(ctx: Ctx, rows: Array<{ row: ClockRow; kind: SlaEventKind; at: Date; data?: Record<string, unknown> }>) {
  if (!rows.length) return;
  await ctx.tx
    .insertInto('sla_events')
    .values(rows.map((e) => ({ work_order_id: e.row.work_order_id, clock_id: e.row.id, clock: e.row.clock, kind: e.kind, at: e.at, data: JSON.stringify(e.data ?? {}) })))
    .execute();
}

export type Timer = NonNullable<ReturnType<typeof nextTimer>>;

/** Recomputes the row's due time and state; returns the timer it should have (no side effects). */
export async function plan(e: Engine, row: ClockRow): Promise<Timer | null> {
  const clock = clockOf(row, await e.calendars(row));
  let want: ReturnType<typeof nextTimer> = null;
  try {
    row.due_at = clock.dueAt();
    want = nextTimer(row, clock);
  } catch (error) {
    // A business target the calendar cannot reach within the library's span (a
    // huge target on a calendar with few hours): no due time, no timer, and the
    // order's change still goes through.
    if (!(error instanceof BusinessTimeError)) throw error;
    row.due_at = null;
  }
  row.state = stateOf(row);
  return want;
}

/**
 * Recomputes due times and states and moves each row's timer when its step or
 * moment changed: one cancel and one insert for all rows. `runningJobId` is the
 * job now executing (never cancelled by itself).
 */
export async function settleAll(e: Engine, rows: ClockRow[], runningJobId?: string): Promise<void> {
  const moves: Array<{ row: ClockRow; want: Timer | null }> = [];
  for (const row of rows) {
    const want = await plan(e, row);
    const same = want && row.job_id && row.job_percent === want.percent && row.job_at?.getTime() === want.at.getTime();
    if (!same) moves.push({ row, want });
  }
  const stale = moves.map((m) => m.row.job_id).filter((id): id is string => id !== null && id !== runningJobId);
  if (stale.length) await e.ctx.jobs.cancel(slaTimerJob, stale);
  for (const { row } of moves) {
    row.job_id = null;
    row.job_percent = null;
    row.job_at = null;
  }
  const wanted = moves.filter((m) => m.want !== null) as Array<{ row: ClockRow; want: Timer }>;
  const ids = await e.ctx.jobs.scheduleMany(
    slaTimerJob,
    wanted.map(({ row, want }) => timerJobItem(row, want)),
  );
  wanted.forEach(({ row, want }, i) => {
    setTimer(row, want, ids[i]!);
  });
}

/** The timer job for a clock's next step: one per clock, step and moment. */
export function timerJobItem(row: ClockRow, want: Timer) {
  return {
    data: { clockId: row.id, percent: want.percent },
    options: { startAfter: want.at, singletonKey: `${row.id}:${want.percent}:${want.at.getTime()}` },
  };
}

export function setTimer(row: ClockRow, want: Timer, jobId: string): void {
  row.job_id = jobId;
  row.job_percent = want.percent;
  row.job_at = want.at;
}

export function settle(e: Engine, row: ClockRow, runningJobId?: string): Promise<void> {
  return settleAll(e, [row], runningJobId);
}

export async function save(ctx: Ctx, row: ClockRow): Promise<void> {
  await ctx.tx
    .updateTable('work_order_sla_clocks')
    .set({
      policy_id: row.policy_id,
      mode: row.mode,
      target_seconds: row.target_seconds,
      calendar_id: row.calendar_id,
      steps: JSON.stringify(row.steps),
      started_at: row.started_at,
      pauses: JSON.stringify(row.pauses),
      paused_since: row.paused_since,
      due_at: row.due_at,
      fired: row.fired,
      warned_at: row.warned_at,
      breached_at: row.breached_at,
      stopped_at: row.stopped_at,
      superseded_at: row.superseded_at,
      state: row.state,
      job_id: row.job_id,
      job_percent: row.job_percent,
      job_at: row.job_at,
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .execute();
  if (row.clock === 'complaintReply' && row.due_at && !row.superseded_at) await syncComplaintDue(ctx.tx, row.work_order_id, row.due_at);
}

/** The order's most urgent live clock, kept on the order so queues sort and filter by it. */
export async function refreshSummary(ctx: Ctx, workOrderId: string): Promise<void> {
  await sql`
    update work_orders w set sla_due_at = s.due, sla_state = s.state
    from (
      select
        min(due_at) filter (where stopped_at is null and paused_since is null) as due,
        case
          when bool_or(stopped_at is null and breached_at is not null) then 'breached'
          when bool_or(stopped_at is null and paused_since is null) then 'running'
          when bool_or(stopped_at is null) then 'paused'
          when bool_or(breached_at is not null) then 'breached'
          when count(*) > 0 then 'met'
        end as state
      from work_order_sla_clocks where work_order_id = ${workOrderId}::uuid and superseded_at is null
    ) s
    where w.id = ${workOrderId}::uuid`.execute(ctx.tx);
}

export async function liveClocks(ctx: Ctx, workOrderId: string, kinds?: ClockKind[]): Promise<ClockRow[]> {
  let q = ctx.tx
    .selectFrom('work_order_sla_clocks')
    .selectAll()
    .where('work_order_id', '=', workOrderId)
    .where('stopped_at', 'is', null)
    .where('superseded_at', 'is', null);
  if (kinds) q = q.where('clock', 'in', kinds);
  return q.orderBy('created_at').forUpdate().execute();
}
