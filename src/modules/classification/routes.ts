/** HTTP routes for classification configuration: category sets with options, and service tiers. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import {
  createCategoryOption,
  createCategorySet,
  listCategorySets,
  reorderCategoryOptions,
  updateCategoryOption,
  updateCategorySet,
} from './commands/categorySets.ts';
import { createServiceTier, listServiceTiers, updateServiceTier } from './commands/serviceTiers.ts';
import './messages.ts';
import {
  CategorySetView,
  CreateCategoryOptionBody,
  CreateCategorySetBody,
  CreateServiceTierBody,
  IncludeArchivedQuery,
  OptionParams,
  ReorderBody,
  ServiceTierView,
  SetKeyParams,
  TierParams,
  UpdateCategoryOptionBody,
  UpdateCategorySetBody,
  UpdateServiceTierBody,
} from './schema.ts';

const tags = ['config'];

export async function classificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setReply = { 200: CategorySetView };

  r.get(
    '/config/category-sets',
    { schema: { tags, querystring: IncludeArchivedQuery, response: { 200: z.object({ items: z.array(CategorySetView) }) } } },
    async (request) => ({ items: await withCtx(request, (ctx) => listCategorySets(ctx, request.query.includeArchived === 'true')) }),
  );
  r.post('/config/category-sets', { schema: { tags, body: CreateCategorySetBody, response: { 201: CategorySetView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createCategorySet(ctx, request.body))),
  );
  r.patch('/config/category-sets/:setKey', { schema: { tags, params: SetKeyParams, body: UpdateCategorySetBody, response: setReply } }, (request) =>
    withCtx(request, (ctx) => updateCategorySet(ctx, request.params.setKey, request.body)),
  );
  r.post(
    '/config/category-sets/:setKey/options',
    { schema: { tags, params: SetKeyParams, body: CreateCategoryOptionBody, response: { 201: CategorySetView } } },
    async (request, reply) => reply.code(201).send(await withCtx(request, (ctx) => createCategoryOption(ctx, request.params.setKey, request.body))),
  );
  r.patch(
    '/config/category-sets/:setKey/options/:optionKey',
    { schema: { tags, params: OptionParams, body: UpdateCategoryOptionBody, response: setReply } },
    (request) => withCtx(request, (ctx) => updateCategoryOption(ctx, request.params.setKey, request.params.optionKey, request.body)),
  );
  r.put('/config/category-sets/:setKey/order', { schema: { tags, params: SetKeyParams, body: ReorderBody, response: setReply } }, (request) =>
    withCtx(request, (ctx) => reorderCategoryOptions(ctx, request.params.setKey, request.body.keys)),
  );

  r.get(
    '/config/service-tiers',
    { schema: { tags, querystring: IncludeArchivedQuery, response: { 200: z.object({ items: z.array(ServiceTierView) }) } } },
    async (request) => ({ items: await withCtx(request, (ctx) => listServiceTiers(ctx, request.query.includeArchived === 'true')) }),
  );
  r.post('/config/service-tiers', { schema: { tags, body: CreateServiceTierBody, response: { 201: ServiceTierView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createServiceTier(ctx, request.body))),
  );
  r.patch('/config/service-tiers/:key', { schema: { tags, params: TierParams, body: UpdateServiceTierBody, response: { 200: ServiceTierView } } }, (request) =>
    withCtx(request, (ctx) => updateServiceTier(ctx, request.params.key, request.body)),
  );
}
