/** HTTP routes of return/exchange/repair forms (RMA) on a work order. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createRma } from './commands/createRma.ts';
import { decideRma } from './commands/decideRma.ts';
import { addRmaItem, removeRmaItem, updateRmaItem } from './commands/editItems.ts';
import { loadRma } from './commands/loadRma.ts';
import { inspectRma, receiveRma } from './commands/receiveAndInspect.ts';
import { closeRma, shipRma } from './commands/shipAndClose.ts';
import { presentRma } from './present.ts';
import {
  CloseBody,
  CreateRmaBody,
  DecisionBody,
  InspectionBody,
  ReceiptBody,
  RmaItemBody,
  RmaView,
  ShipmentBody,
  UpdateRmaItemBody,
} from './schema.ts';

const IdParams = z.object({ id: z.uuid() });
const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
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
  // Items change only until the goods are received.
  r.post('/work-orders/:id/rma/items', { schema: { tags, params: IdParams, body: RmaItemBody, response: { 201: RmaView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => addRmaItem(ctx, request.params.id, request.body))),
  );
  r.patch('/work-orders/:id/rma/items/:itemId', { schema: { tags, params: ItemParams, body: UpdateRmaItemBody, response: view } }, (request) =>
    withCtx(request, (ctx) => updateRmaItem(ctx, request.params.id, request.params.itemId, request.body)),
  );
  r.delete('/work-orders/:id/rma/items/:itemId', { schema: { tags, params: ItemParams, response: view } }, (request) =>
    withCtx(request, (ctx) => removeRmaItem(ctx, request.params.id, request.params.itemId)),
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
