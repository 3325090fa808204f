/** HTTP routes of the work order core: create, list, read, edit, transitions, assignment, timeline. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { paged, pageOf } from '../../lib/pagination.ts';
import { ctxMaker, withCtx } from '../../server/requestContext.ts';
import { AppError } from '../../lib/errors.ts';
import { assignWorkOrder } from './commands/assignWorkOrder.ts';
import { workOrderCreates } from './commands/createBatch.ts';
import { getWorkOrder } from './commands/getWorkOrder.ts';
import { listWorkOrders } from './commands/listWorkOrders.ts';
import { replyToWorkOrder } from './commands/replies.ts';
import { setCollaborators } from './commands/setCollaborators.ts';
import { getTimeline } from './commands/timeline.ts';
import { transitionWorkOrder } from './commands/transitionWorkOrder.ts';
import { updateWorkOrder } from './commands/updateWorkOrder.ts';
import './messages.ts';
import {
  AssignBody,
  CollaboratorsBody,
  CreatedWorkOrderView,
  CreateWorkOrderBody,
  PortalCreateWorkOrderBody,
  ReplyBody,
  TimelineItem,
  TransitionBody,
  UpdateWorkOrderBody,
  WorkOrderListItem,
  WorkOrderListQuery,
  WorkOrderView,
} from './schema.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['work orders'];

export async function workOrderRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/work-orders',
    {
      schema: {
        tags,
        description: 'Staff send CreateWorkOrderBody; customer users send the portal body (own organisation, portal channel).',
        body: z.union([CreateWorkOrderBody, PortalCreateWorkOrderBody]),
        response: { 201: CreatedWorkOrderView },
      },
    },
    async (request, reply) => {
      // The body schema depends on who calls: a customer may not name customer, team, assignee or priority.
      const schema = request.actor?.role === 'customer' ? PortalCreateWorkOrderBody : CreateWorkOrderBody;
      const parsed = schema.safeParse(request.body);
      if (!parsed.success) {
        throw invalid({ issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message, code: i.code })) });
      }
      const actor = request.actor;
      if (!actor) throw new AppError('UNAUTHENTICATED', 401);
      const view = await workOrderCreates(request.server.database).create({ actor, body: parsed.data, makeCtx: ctxMaker(request) });
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/work-orders',
    { schema: { tags, querystring: WorkOrderListQuery, response: { 200: pageOf(WorkOrderListItem).extend({ totalCapped: z.boolean() }) } } },
    async (request) => {
      const result = await withCtx(request, (ctx) => listWorkOrders(ctx, request.query));
      return { ...paged(request.query, result), totalCapped: result.totalCapped };
    },
  );

  r.get('/work-orders/:id', { schema: { tags, params: IdParams, response: { 200: WorkOrderView } } }, (request) =>
    withCtx(request, (ctx) => getWorkOrder(ctx, request.params.id)),
  );

  r.patch(
    '/work-orders/:id',
    { schema: { tags, params: IdParams, body: UpdateWorkOrderBody, response: { 200: WorkOrderView } } },
    (request) => withCtx(request, (ctx) => updateWorkOrder(ctx, request.params.id, request.body)),
  );

  r.post(
    '/work-orders/:id/transitions',
    { schema: { tags, params: IdParams, body: TransitionBody, response: { 200: WorkOrderView } } },
    (request) => withCtx(request, (ctx) => transitionWorkOrder(ctx, request.params.id, request.body)),
  );

  r.post(
    '/work-orders/:id/assign',
    { schema: { tags, params: IdParams, body: AssignBody, response: { 200: WorkOrderView } } },
    (request) => withCtx(request, (ctx) => assignWorkOrder(ctx, request.params.id, request.body)),
  );

  r.put(
    '/work-orders/:id/collaborators',
    { schema: { tags, params: IdParams, body: CollaboratorsBody, response: { 200: WorkOrderView } } },
    (request) => withCtx(request, (ctx) => setCollaborators(ctx, request.params.id, request.body.userIds)),
  );

  r.post(
    '/work-orders/:id/replies',
    { schema: { tags, params: IdParams, body: ReplyBody, response: { 201: TimelineItem } } },
    async (request, reply) =>
      reply.code(201).send(await withCtx(request, (ctx) => replyToWorkOrder(ctx, request.params.id, request.body))),
  );

  r.get(
    '/work-orders/:id/timeline',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(TimelineItem) }) } } },
    async (request) => ({ items: await withCtx(request, (ctx) => getTimeline(ctx, request.params.id)) }),
  );
}
