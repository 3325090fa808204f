/** HTTP routes of service levels: policies (admin writes), an order's clocks and SLA log, the breach log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createPolicy, listPolicies, reorderPolicies, updatePolicy } from './commands/policies.ts';
import { getOrderSla, listBreaches, listOrderSlaEvents } from './commands/views.ts';
import {
  BreachList,
  BreachQuery,
  CreatePolicyBody,
  OrderSlaView,
  ReorderPoliciesBody,
  SlaEventList,
  SlaPolicyList,
  SlaPolicyView,
  UpdatePolicyBody,
} from './schema.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['sla'];

export async function slaRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/sla/policies', { schema: { tags, response: { 200: SlaPolicyList } } }, (request) => withCtx(request, listPolicies));
  r.post('/sla/policies', { schema: { tags, body: CreatePolicyBody, response: { 201: SlaPolicyView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createPolicy(ctx, request.body))),
  );
  r.patch('/sla/policies/:id', { schema: { tags, params: IdParams, body: UpdatePolicyBody, response: { 200: SlaPolicyView } } }, (request) =>
    withCtx(request, (ctx) => updatePolicy(ctx, request.params.id, request.body)),
  );
  r.post('/sla/policies/order', { schema: { tags, body: ReorderPoliciesBody, response: { 200: SlaPolicyList } } }, (request) =>
    withCtx(request, (ctx) => reorderPolicies(ctx, request.body.ids)),
  );
  r.get('/sla/breaches', { schema: { tags, querystring: BreachQuery, response: { 200: BreachList } } }, (request) =>
    withCtx(request, (ctx) => listBreaches(ctx, request.query)),
  );
  r.get('/work-orders/:id/sla', { schema: { tags, params: IdParams, response: { 200: OrderSlaView } } }, (request) =>
    withCtx(request, (ctx) => getOrderSla(ctx, request.params.id)),
  );
  r.get('/work-orders/:id/sla/events', { schema: { tags, params: IdParams, response: { 200: SlaEventList } } }, (request) =>
    withCtx(request, (ctx) => listOrderSlaEvents(ctx, request.params.id)),
  );
}
