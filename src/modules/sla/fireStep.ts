/**
 * A clock's timer fires: in one transaction, with the order and the clock
 * locked, every step whose moment has come and that is not yet in `fired` is
 * handled — warning or breach logged (event log, breach log, timeline) and its
 * escalation actions run — and the timer moves to the next step. Re-reading the
 * clock makes the run idempotent: a stale, early or second run finds nothing to
 * do, so each step takes effect once even with several instances.
 */
import type { JobContext } from '../../jobs/defineJob.ts';
import { inSystemTransaction } from '../../jobs/systemContext.ts';
import { recordEvent } from '../events/record.ts';
import { BREACH_PERCENT, clockOf, isLive, percentsOf, reachableMoment } from './clockMath.ts';
import { engine, logEvents, refreshSummary, save, settle } from './store.ts';
import { runActions } from './escalate.ts';

/** pg-boss starts a job once its start time has passed; this absorbs clock differences between hosts. */
const TOLERANCE_MS = 250;

export async function fireStep(data: { clockId: string; percent: number }, context: JobContext): Promise<void> {
  await inSystemTransaction(context, async (ctx) => {
    const head = await ctx.tx.selectFrom('work_order_sla_clocks').select('work_order_id').where('id', '=', data.clockId).executeTakeFirst();
    if (!head) return;
    // Same lock order as commands: the order first, then its clocks.
    const order = await ctx.tx
      .selectFrom('work_orders')
      .select(['id', 'team_id', 'assignee_id'])
      .where('id', '=', head.work_order_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const row = await ctx.tx.selectFrom('work_order_sla_clocks').selectAll().where('id', '=', data.clockId).forUpdate().executeTakeFirstOrThrow();
    if (!isLive(row) || row.paused_since) return;
    // This run is over once it ends; a timer for the next step must be a new job.
    if (row.job_id === context.jobId) row.job_id = null;
    const e = engine(ctx);
    const clock = clockOf(row, await e.calendars(row));
    const now = Date.now();
    const moment = (p: number) => reachableMoment(clock, p)?.getTime() ?? Infinity;
    const reached = percentsOf(row).filter((p) => !row.fired.includes(p) && moment(p) <= now + TOLERANCE_MS);
    if (!reached.length) {
      // Early or stale: make sure the clock's own timer is the right one.
      await settle(e, row, context.jobId);
      await save(ctx, row);
      return;
    }
    const at = new Date(now);
    row.fired = [...row.fired, ...reached];
    const breach = reached.includes(BREACH_PERCENT) && !row.breached_at;
    if (breach) row.breached_at = clock.dueAt();
    if (reached.some((p) => p < BREACH_PERCENT) && !row.warned_at) row.warned_at = at;
    await settle(e, row, context.jobId);
    await save(ctx, row);

    if (breach) {
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
    await refreshSummary(ctx, row.work_order_id);

    for (const percent of reached) {
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
  });
}
