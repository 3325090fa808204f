/** HTTP routes for work order types and their workflows (read by all, changed by administrators). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createWorkOrderType, listWorkOrderTypes, updateWorkOrderType } from './commands/types.ts';
import './messages.ts';
import { CreateWorkOrderTypeBody, TypeKeyParams, TypeListQuery, UpdateWorkOrderTypeBody, WorkOrderTypeView } from './typeSchema.ts';

const tags = ['work order types'];

export async function workOrderTypeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/work-order-types',
    { schema: { tags, querystring: TypeListQuery, response: { 200: z.object({ items: z.array(WorkOrderTypeView) }) } } },
    async (request) => ({
      items: await withCtx(request, (ctx) =>
        listWorkOrderTypes(ctx, { includeArchived: request.query.includeArchived === 'true' }),
      ),
    }),
  );
  r.post(
    '/work-order-types',
    { schema: { tags, body: CreateWorkOrderTypeBody, response: { 201: WorkOrderTypeView } } },
    async (request, reply) => reply.code(201).send(await withCtx(request, (ctx) => createWorkOrderType(ctx, request.body))),
  );
  r.patch(
    '/work-order-types/:key',
    { schema: { tags, params: TypeKeyParams, body: UpdateWorkOrderTypeBody, response: { 200: WorkOrderTypeView } } },
    (request) => withCtx(request, (ctx) => updateWorkOrderType(ctx, request.params.key, request.body)),
  );
}
