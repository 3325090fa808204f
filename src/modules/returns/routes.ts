/** HTTP routes of return/exchange/repair forms (RMA) on a work order. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createRma } from './commands/createRma.ts';
import { decideRma } from './commands/decideRma.ts';
import { loadRma } from './commands/loadRma.ts';
import { inspectRma, receiveRma } from './commands/receiveAndInspect.ts';
import { closeRma, shipRma } from './commands/shipAndClose.ts';
import { presentRma } from './present.ts';
import { CloseBody, CreateRmaBody, DecisionBody, InspectionBody, ReceiptBody, RmaView, ShipmentBody } from './schema.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['returns'];
const view = { 200: RmaView };

export async function returnRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/work-orders/:id/rma', { schema: { tags, params: IdParams, body: CreateRmaBody, response: { 201: RmaView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createRma(ctx, request.params.id, request.body))),
  );
  r.get('/work-orders/:id/rma', { schema: { tags, params: IdParams, response: view } }, (request) =>
    withCtx(request, async (ctx) => presentRma(ctx, await loadRma(ctx, request.params.id))),
  );
  r.post('/work-orders/:id/rma/receipt', { schema: { tags, params: IdParams, body: ReceiptBody, response: view } }, (request) =>
    withCtx(request, (ctx) => receiveRma(ctx, request.params.id, request.body)),
  );
  r.post('/work-orders/:id/rma/inspection', { schema: { tags, params: IdParams, body: InspectionBody, response: view } }, (request) =>
    withCtx(request, (ctx) => inspectRma(ctx, request.params.id, request.body)),
  );
  r.post('/work-orders/:id/rma/decision', { schema: { tags, params: IdParams, body: DecisionBody, response: view } }, (request) =>
    withCtx(request, (ctx) => decideRma(ctx, request.params.id, request.body)),
  );
  r.post('/work-orders/:id/rma/shipment', { schema: { tags, params: IdParams, body: ShipmentBody, response: view } }, (request) =>
    withCtx(request, (ctx) => shipRma(ctx, request.params.id, request.body)),
  );
  r.post('/work-orders/:id/rma/close', { schema: { tags, params: IdParams, body: CloseBody, response: view } }, (request) =>
    withCtx(request, (ctx) => closeRma(ctx, request.params.id, request.body)),
  );
}
