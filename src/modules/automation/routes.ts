/** HTTP routes of automation rules (触发器): rules, their order, dry runs and the execution log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged } from '../../lib/pagination.ts';
import { withCtx } from '../../server/requestContext.ts';
import { dryRun } from './commands/dryRun.ts';
import { createRule, deleteRule, listRules, reorderRules, updateRule } from './commands/rules.ts';
import { listRuns } from './commands/runs.ts';
import { CreateRuleBody, DryRunBody, DryRunView, ReorderBody, RuleView, RunPage, RunsQuery, UpdateRuleBody } from './schema.ts';

const tags = ['automation'];
const IdParams = z.object({ id: z.uuid() });
const RuleList = z.object({ items: z.array(RuleView) });

export async function automationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/automation/rules', { schema: { tags, response: { 200: RuleList } } }, async (request) => ({
    items: await withCtx(request, listRules),
  }));
  r.post('/automation/rules', { schema: { tags, body: CreateRuleBody, response: { 201: RuleView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createRule(ctx, request.body))),
  );
  r.patch('/automation/rules/:id', { schema: { tags, params: IdParams, body: UpdateRuleBody, response: { 200: RuleView } } }, (request) =>
    withCtx(request, (ctx) => updateRule(ctx, request.params.id, request.body)),
  );
  r.delete('/automation/rules/:id', { schema: { tags, params: IdParams } }, async (request, reply) => {
    await withCtx(request, (ctx) => deleteRule(ctx, request.params.id));
    return reply.code(204).send();
  });
  r.post('/automation/rules/order', { schema: { tags, body: ReorderBody, response: { 200: RuleList } } }, async (request) => ({
    items: await withCtx(request, (ctx) => reorderRules(ctx, request.body.ids)),
  }));
  r.post('/automation/dry-run', { schema: { tags, body: DryRunBody, response: { 200: DryRunView } } }, (request) =>
    withCtx(request, (ctx) => dryRun(ctx, request.body)),
  );
  r.get('/automation/runs', { schema: { tags, querystring: RunsQuery, response: { 200: RunPage } } }, async (request) =>
    paged(request.query, await withCtx(request, (ctx) => listRuns(ctx, request.query))),
  );
}
