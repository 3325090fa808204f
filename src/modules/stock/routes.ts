/** HTTP routes of the stock list and its movements. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { PageQuery, pageOf, paged } from '../../lib/pagination.ts';
import { adjustStock, createStockItem, listStockItems, updateStockItem } from './commands.ts';
import { listStockMovements } from './movements.ts';
import { AdjustStockBody, CreateStockItemBody, StockItemView, StockListQuery, StockMovementView, UpdateStockItemBody } from './schema.ts';

const tags = ['repairs'];
const IdParams = z.object({ id: z.uuid() });

export async function stockRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/stock-items',
    { schema: { tags, querystring: StockListQuery, response: { 200: z.object({ items: z.array(StockItemView) }) } } },
    async (request) => ({ items: await withCtx(request, (ctx) => listStockItems(ctx, request.query.includeArchived === 'true')) }),
  );
  r.post('/stock-items', { schema: { tags, body: CreateStockItemBody, response: { 201: StockItemView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createStockItem(ctx, request.body))),
  );
  r.patch(
    '/stock-items/:id',
    { schema: { tags, params: IdParams, body: UpdateStockItemBody, response: { 200: StockItemView } } },
    (request) => withCtx(request, (ctx) => updateStockItem(ctx, request.params.id, request.body)),
  );
  r.post(
    '/stock-items/:id/adjustments',
    { schema: { tags, params: IdParams, body: AdjustStockBody, response: { 200: StockItemView } } },
    (request) => withCtx(request, (ctx) => adjustStock(ctx, request.params.id, request.body)),
  );
  r.get(
    '/stock-items/:id/movements',
    { schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: pageOf(StockMovementView) } } },
    async (request) => paged(request.query, await withCtx(request, (ctx) => listStockMovements(ctx, request.params.id, request.query))),
  );
}
