/**
 * "Test this rule against work order X": which conditions hold now and what each
 * action would do. The actions really run — through the same commands, so a
 * refused transition shows as skipped exactly as it would — inside a savepoint
 * that is always rolled back: a dry run writes nothing.
 */
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { evaluate } from '../conditions.ts';
import { runActions, ruleContext } from '../engine.ts';
import { loadFacts } from '../facts.ts';
import { authorizeManage } from '../policy.ts';
import { inSavepoint } from '../savepoint.ts';
import type { DryRunBody, DryRunView } from '../schema.ts';

export async function dryRun(ctx: Ctx, input: DryRunBody): Promise<DryRunView> {
  authorizeManage(ctx.actor);
  const id = input.workOrderId ?? (await ctx.tx.selectFrom('work_orders').select('id').where('number', '=', input.number ?? '').executeTakeFirst())?.id;
  const facts = id ? await loadFacts(ctx.tx, id) : null;
  if (!facts) throw notFound('WORK_ORDER_NOT_FOUND');
  const { results, matched } = evaluate(input.conditions, facts);
  const rctx = ruleContext(ctx, { id: 'dry-run', name: input.name });
  const { outcomes } = await inSavepoint(rctx, () => runActions(rctx, input.actions, facts), { keep: false });
  return {
    workOrderId: facts.id,
    number: facts.number,
    matched,
    conditions: results.map((m) => ({ matched: m })),
    actions: outcomes,
  };
}
