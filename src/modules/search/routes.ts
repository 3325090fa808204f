/**
 * Quick search (the box staff use all day): customers and work orders for one
 * query, each filtered by its own module's visibility rule — the same rule the
 * lists use, so search never shows what a list would hide.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { searchCustomers } from '../customers/commands/listCustomers.ts';
import { CustomerSummary } from '../customers/schema.ts';
import { searchWorkOrders } from '../workOrders/commands/listWorkOrders.ts';
import { WorkOrderListItem } from '../workOrders/schema.ts';

const QuickSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});

const QuickSearchView = z.object({
  customers: z.array(CustomerSummary),
  workOrders: z.array(WorkOrderListItem),
});

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/search',
    { schema: { tags: ['search'], querystring: QuickSearchQuery, response: { 200: QuickSearchView } } },
    (request) =>
      withCtx(request, async (ctx) => ({
        customers: await searchCustomers(ctx, request.query.q, request.query.limit),
        workOrders: await searchWorkOrders(ctx, request.query.q, request.query.limit),
      })),
  );
}
