/**
 * An order's SLA timer fires: in one transaction, with the order and its clocks
 * locked, every step of every running clock whose moment has come and that is
 * not yet in the clock's `fired` is handled — warning or breach logged (event
 * log, breach log, timeline) and its escalation actions run — and the order's
 * timer moves to its next step. Re-reading the clocks makes the run idempotent:
 * a stale, early or second run finds nothing to do, so each step takes effect
 * once even with several instances.
 */
import type { JobContext } from '../../jobs/defineJob.ts';
import { inSystemTransaction } from '../../jobs/systemContext.ts';
import { recordEvent } from '../events/record.ts';
import { BREACH_PERCENT, type ClockRow, clockOf, percentsOf, reachableMoment } from './clockMath.ts';
import { runActions } from './escalate.ts';
import { afterClocksChanged, engine, liveClocks, logEvents, plan, save } from './store.ts';

/** pg-boss starts a job once its start time has passed; this absorbs clock differences between hosts. */
const TOLERANCE_MS = 250;

type TimerData = { workOrderIds: string[] } | { clockId: string; percent: number };

export async function fireTimer(data: TimerData, context: JobContext): Promise<void> {
  const orderIds = 'workOrderIds' in data ? data.workOrderIds : await orderOfClock(context, data.clockId);
  // One transaction per order: a shared timer does not hold several orders' locks at once.
  for (const workOrderId of orderIds) await fireOrder(workOrderId, context);
}

async function orderOfClock(context: JobContext, clockId: string): Promise<string[]> {
  const row = await context.database.db.selectFrom('work_order_sla_clocks').select('work_order_id').where('id', '=', clockId).executeTakeFirst();
  return row ? [row.work_order_id] : [];
}

/** Whether a live clock of the order still waits for this job (else it was moved, or nothing is left). */
async function isCurrentTimer(context: JobContext, workOrderId: string): Promise<boolean> {
  const row = await context.database.db
    .selectFrom('work_order_sla_clocks')
    .select('id')
    .where('work_order_id', '=', workOrderId)
    .where('stopped_at', 'is', null)
    .where('superseded_at', 'is', null)
    .where('job_id', '=', context.jobId)
    .executeTakeFirst();
  return row !== undefined;
}

interface Reached {
  row: ClockRow;
  percents: number[];
  breach: boolean;
}

async function fireOrder(workOrderId: string, context: JobContext): Promise<void> {
  // Checked before taking any lock: a timer that was moved ends here.
  if (!(await isCurrentTimer(context, workOrderId))) return;
  await inSystemTransaction(context, async (ctx) => {
    // Same lock order as commands: the order first, then its clocks.
    const order = await ctx.tx.selectFrom('work_orders').select(['id', 'team_id', 'assignee_id']).where('id', '=', workOrderId).forUpdate().executeTakeFirst();
    if (!order) return;
    const e = engine(ctx);
    const now = Date.now();
    const at = new Date(now);
    const reached: Reached[] = [];
    for (const row of await liveClocks(ctx, workOrderId)) {
      if (row.paused_since) continue;
      const clock = clockOf(row, await e.calendars(row));
      const moment = (p: number) => reachableMoment(clock, p)?.getTime() ?? Infinity;
      const percents = percentsOf(row).filter((p) => !row.fired.includes(p) && moment(p) <= now + TOLERANCE_MS);
      if (!percents.length) continue;
      row.fired = [...row.fired, ...percents];
      const breach = percents.includes(BREACH_PERCENT) && !row.breached_at;
      if (breach) row.breached_at = clock.dueAt();
      if (percents.some((p) => p < BREACH_PERCENT) && !row.warned_at) row.warned_at = at;
      await plan(e, row);
      await save(ctx, row);
      reached.push({ row, percents, breach });
    }
    // Early or stale runs reach nothing and only make sure the order's timer is the right one.
    if (!reached.length) {
      await afterClocksChanged(e, workOrderId, context.jobId);
      return;
    }
    for (const { row, breach } of reached) {
      if (!breach) continue;
      const policy = await ctx.tx.selectFrom('sla_policies').select('name').where('id', '=', row.policy_id).executeTakeFirstOrThrow();
      await ctx.tx
        .insertInto('sla_breaches')
        .values({
          clock_id: row.id,
          work_order_id: row.work_order_id,
          clock: row.clock,
          policy_id: row.policy_id,
          policy_name: policy.name,
          due_at: row.breached_at!,
          breached_at: at,
          team_id: order.team_id,
          assignee_id: order.assignee_id,
        })
        .onConflict((oc) => oc.column('clock_id').doNothing())
        .execute();
    }
    await afterClocksChanged(e, workOrderId, context.jobId);

    for (const { row, percents } of reached) {
      for (const percent of percents) {
        const step = row.steps.find((s) => s.atPercent === percent);
        const actions = step ? await runActions(ctx, row, percent, step.actions.map((a) => a.type)) : [];
        const kind = percent === BREACH_PERCENT ? 'breach' : 'warning';
        const facts = { clock: row.clock, percent, dueAt: row.due_at?.toISOString() ?? null, actions };
        await logEvents(ctx, [{ row, kind, at, data: facts }]);
        await recordEvent(ctx, {
          subjectType: 'work_order',
          subjectId: row.work_order_id,
          type: percent >= BREACH_PERCENT ? 'sla.breached' : 'sla.warning',
          data: facts,
        });
      }
    }
  });
}
