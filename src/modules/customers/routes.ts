/** HTTP routes of the customers module: organisations, their audit log, and the completeness setting. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery, paged, pageOf } from '../../lib/pagination.ts';
import { withCtx } from '../../server/requestContext.ts';
import { customerAudit } from './commands/audit.ts';
import { getCompletenessConfig, setCompletenessConfig } from './commands/completenessConfig.ts';
import { createCustomer, getCustomer, setCustomerArchived, updateCustomer } from './commands/customers.ts';
import { listCustomers } from './commands/listCustomers.ts';
import { childRoutes } from './childRoutes.ts';
import { customerImportRoutes } from './importRoutes.ts';
import './messages.ts';
import {
  AuditEntryView,
  CompletenessConfigBody,
  CompletenessConfigView,
  CreateCustomerBody,
  CustomerListQuery,
  CustomerSummary,
  CustomerView,
  UpdateCustomerBody,
} from './schema.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['customers'];

export async function customerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/customers', { schema: { tags, querystring: CustomerListQuery, response: { 200: pageOf(CustomerSummary) } } }, async (request) =>
    paged(request.query, await withCtx(request, (ctx) => listCustomers(ctx, request.query))),
  );
  r.post('/customers', { schema: { tags, body: CreateCustomerBody, response: { 201: CustomerView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createCustomer(ctx, request.body))),
  );
  r.get('/customers/:id', { schema: { tags, params: IdParams, response: { 200: CustomerView } } }, (request) =>
    withCtx(request, (ctx) => getCustomer(ctx, request.params.id)),
  );
  r.patch('/customers/:id', { schema: { tags, params: IdParams, body: UpdateCustomerBody, response: { 200: CustomerView } } }, (request) =>
    withCtx(request, (ctx) => updateCustomer(ctx, request.params.id, request.body)),
  );
  r.post('/customers/:id/archive', { schema: { tags, params: IdParams, response: { 200: CustomerView } } }, (request) =>
    withCtx(request, (ctx) => setCustomerArchived(ctx, request.params.id, true)),
  );
  r.post('/customers/:id/restore', { schema: { tags, params: IdParams, response: { 200: CustomerView } } }, (request) =>
    withCtx(request, (ctx) => setCustomerArchived(ctx, request.params.id, false)),
  );
  r.get(
    '/customers/:id/audit',
    { schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: pageOf(AuditEntryView) } } },
    async (request) => paged(request.query, await withCtx(request, (ctx) => customerAudit(ctx, request.params.id, request.query))),
  );

  r.get('/config/completeness', { schema: { tags: ['config'], response: { 200: CompletenessConfigView } } }, (request) =>
    withCtx(request, getCompletenessConfig),
  );
  r.put(
    '/config/completeness',
    { schema: { tags: ['config'], body: CompletenessConfigBody, response: { 200: CompletenessConfigView } } },
    (request) => withCtx(request, (ctx) => setCompletenessConfig(ctx, request.body)),
  );

  await app.register(childRoutes);
  await app.register(customerImportRoutes);
}
