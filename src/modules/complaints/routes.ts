/** HTTP routes of complaints (投诉): the complaint view and its steps, actions, and the complaint settings. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { addAction, updateAction } from './commands/actions.ts';
import { giveFinalReply, rateComplaint } from './commands/closeOut.ts';
import { getComplaintConfig, setComplaintConfig } from './commands/config.ts';
import { loadComplaint } from './commands/loadComplaint.ts';
import { decideResponsibility, updateComplaint } from './commands/updateComplaint.ts';
import { verifyComplaint } from './commands/verifyComplaint.ts';
import { registerComplaintGuard } from './guard.ts';
import { presentComplaint } from './present.ts';
import {
  ActionView,
  ComplaintConfig,
  ComplaintView,
  CreateActionBody,
  FinalReplyBody,
  ResponsibilityBody,
  SatisfactionBody,
  UpdateActionBody,
  UpdateComplaintBody,
  VerificationBody,
} from './schema.ts';

const IdParams = z.object({ id: z.uuid() });
const ActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
const tags = ['complaints'];
const view = { 200: ComplaintView };

export async function complaintRoutes(app: FastifyInstance): Promise<void> {
  registerComplaintGuard();
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/work-orders/:id/complaint', { schema: { tags, params: IdParams, response: view } }, (request) =>
    withCtx(request, async (ctx) => {
      const { order, complaint } = await loadComplaint(ctx, request.params.id);
      return presentComplaint(ctx, order, complaint);
    }),
  );
  r.patch('/work-orders/:id/complaint', { schema: { tags, params: IdParams, body: UpdateComplaintBody, response: view } }, (request) =>
    withCtx(request, (ctx) => updateComplaint(ctx, request.params.id, request.body)),
  );
  r.put(
    '/work-orders/:id/complaint/responsibility',
    { schema: { tags, params: IdParams, body: ResponsibilityBody, response: view } },
    (request) => withCtx(request, (ctx) => decideResponsibility(ctx, request.params.id, request.body)),
  );
  r.post(
    '/work-orders/:id/complaint/actions',
    { schema: { tags, params: IdParams, body: CreateActionBody, response: { 201: ActionView } } },
    async (request, reply) => reply.code(201).send(await withCtx(request, (ctx) => addAction(ctx, request.params.id, request.body))),
  );
  r.patch(
    '/work-orders/:id/complaint/actions/:actionId',
    { schema: { tags, params: ActionParams, body: UpdateActionBody, response: { 200: ActionView } } },
    (request) => withCtx(request, (ctx) => updateAction(ctx, request.params.id, request.params.actionId, request.body)),
  );
  r.post(
    '/work-orders/:id/complaint/verification',
    { schema: { tags, params: IdParams, body: VerificationBody, response: view } },
    (request) => withCtx(request, (ctx) => verifyComplaint(ctx, request.params.id, request.body)),
  );
  r.post('/work-orders/:id/complaint/final-reply', { schema: { tags, params: IdParams, body: FinalReplyBody, response: view } }, (request) =>
    withCtx(request, (ctx) => giveFinalReply(ctx, request.params.id, request.body)),
  );
  r.put('/work-orders/:id/complaint/satisfaction', { schema: { tags, params: IdParams, body: SatisfactionBody, response: view } }, (request) =>
    withCtx(request, (ctx) => rateComplaint(ctx, request.params.id, request.body)),
  );

  r.get('/config/complaints', { schema: { tags: ['config'], response: { 200: ComplaintConfig } } }, (request) =>
    withCtx(request, getComplaintConfig),
  );
  r.put('/config/complaints', { schema: { tags: ['config'], body: ComplaintConfig, response: { 200: ComplaintConfig } } }, (request) =>
    withCtx(request, (ctx) => setComplaintConfig(ctx, request.body)),
  );
}
