/** HTTP routes of the paid-service price list. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createPriceItem, listPriceItems, updatePriceItem } from './commands.ts';
import { CreatePriceItemBody, PriceItemView, PriceListQuery, UpdatePriceItemBody } from './schema.ts';

const tags = ['repairs'];
const IdParams = z.object({ id: z.uuid() });

export async function priceListRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/price-items',
    { schema: { tags, querystring: PriceListQuery, response: { 200: z.object({ items: z.array(PriceItemView) }) } } },
    async (request) => ({ items: await withCtx(request, (ctx) => listPriceItems(ctx, request.query.includeArchived === 'true')) }),
  );
  r.post('/price-items', { schema: { tags, body: CreatePriceItemBody, response: { 201: PriceItemView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createPriceItem(ctx, request.body))),
  );
  r.patch(
    '/price-items/:id',
    { schema: { tags, params: IdParams, body: UpdatePriceItemBody, response: { 200: PriceItemView } } },
    (request) => withCtx(request, (ctx) => updatePriceItem(ctx, request.params.id, request.body)),
  );
}
