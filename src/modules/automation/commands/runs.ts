/** The rule execution log, newest first, filtered by rule and/or work order. */
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { offsetOf } from '../../../lib/pagination.ts';
import { authorizeRead } from '../policy.ts';
import type { RunsQuery, RunView } from '../schema.ts';

export async function listRuns(ctx: Ctx, query: z.infer<typeof RunsQuery>): Promise<{ items: RunView[]; total: number }> {
  authorizeRead(ctx.actor);
  let q = ctx.tx.selectFrom('automation_rule_runs as r');
  if (query.ruleId) q = q.where('r.rule_id', '=', query.ruleId);
  if (query.workOrderId) q = q.where('r.work_order_id', '=', query.workOrderId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .innerJoin('work_orders as wo', 'wo.id', 'r.work_order_id')
    .select(['r.id', 'r.rule_id', 'r.rule_name', 'r.work_order_id', 'wo.number', 'wo.subject', 'r.event_type', 'r.trigger', 'r.matched'])
    .select(['r.conditions', 'r.actions', 'r.error', 'r.created_at'])
    .orderBy('r.seq', 'desc')
    .limit(query.pageSize)
    .offset(offsetOf(query))
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      workOrder: { id: r.work_order_id, number: r.number, subject: r.subject },
      eventType: r.event_type,
      trigger: r.trigger,
      matched: r.matched,
      conditions: r.conditions,
      actions: r.actions,
      error: r.error,
      at: r.created_at.toISOString(),
    })),
  };
}
