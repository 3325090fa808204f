/**
 * Clock rows and their timer: the engine a change works with, recomputing a
 * clock's due time, saving it, logging clock events, moving the order's one
 * timer job and refreshing the order's SLA summary. clocks.ts builds the
 * transitions on it.
 *
 * Why one timer per order and not one per clock: a new order starts three or
 * four clocks, and a job per clock was a third of the rows a create wrote.
 */
import { sql } from 'kysely';
import { BusinessTimeError } from '../../lib/businessTime/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { syncComplaintDue } from './complaintDue.ts';
import { type ClockRow, calendarLoader, clockOf, isLive, nextTimer, stateOf } from './clockMath.ts';
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

/** Recomputes each row's due time and state (the order's timer follows in syncTimer). */
export async function recompute(e: Engine, rows: ClockRow[]): Promise<void> {
  for (const row of rows) await plan(e, row);
}

/**
 * The timer job that checks orders' clocks at a moment: the earliest next step
 * (a warning percentage or a breach) of each order's live clocks. Orders created
 * together, whose first steps fall on the same moment, share one job.
 */
export function timerJobItem(workOrderIds: string[], at: Date) {
  return { data: { workOrderIds }, options: { startAfter: at } };
}

/**
 * Gives the order one pending timer, due at the earliest next step of its live
 * clocks, and records it on every live clock row (job_id, job_at; job_percent is
 * the clock's own next step). Call after the order's clocks changed and were
 * saved, holding the order's lock; `runningJobId` is the timer now running, which
 * cannot serve as the next one.
 *
 * A timer that no longer applies is not cancelled — it may be shared with other
 * orders — so it runs and, finding that no clock refers to it, does nothing
 * (fireStep.ts isCurrentTimer).
 */
export async function syncTimer(e: Engine, workOrderId: string, runningJobId?: string): Promise<void> {
  const rows = await liveClocks(e.ctx, workOrderId);
  const wants = new Map<string, Timer | null>();
  for (const row of rows) wants.set(row.id, await plan(e, row));
  const moments = [...wants.values()].flatMap((w) => (w ? [w.at.getTime()] : []));
  const at = moments.length ? new Date(Math.min(...moments)) : null;
  const current = rows[0]?.job_id ?? null;
  const armed =
    at !== null &&
    current !== null &&
    current !== runningJobId &&
    rows.every((r) => r.job_id === current && r.job_at?.getTime() === at.getTime());
  const unchanged = (at === null ? rows.every((r) => r.job_id === null) : armed) && rows.every((r) => r.job_percent === (wants.get(r.id)?.percent ?? null));
  if (unchanged) return;
  const jobId = at === null ? null : armed ? current : (await e.ctx.jobs.scheduleMany(slaTimerJob, [timerJobItem([workOrderId], at)]))[0]!;
  const percents = rows.map((r) => ({ id: r.id, percent: wants.get(r.id)?.percent ?? null }));
  await sql`
    update work_order_sla_clocks c set job_id = ${jobId}::text, job_at = ${at}::timestamptz, job_percent = v.percent, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(percents)}::jsonb) as v(id uuid, percent int)
    where c.id = v.id`.execute(e.ctx.tx);
}

/** After an order's clocks changed: its timer and its SLA summary. */
export async function afterClocksChanged(e: Engine, workOrderId: string, runningJobId?: string): Promise<void> {
  await syncTimer(e, workOrderId, runningJobId);
  await refreshSummary(e.ctx, workOrderId);
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
      // A stopped clock waits for no timer; a live one's timer is syncTimer's.
      ...(isLive(row) ? {} : { job_id: null, job_at: null, job_percent: null }),
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
