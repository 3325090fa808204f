/** HTTP routes of repair dispatch: dispatch, visits, quote, warranty, materials, acceptance, today's visits. */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../lib/errors.ts';
import { withCtx } from '../../server/requestContext.ts';
import { smsGatewayOf } from '../outbound/gateway.ts';
import { registerTransitionGuard } from '../workOrders/transitionGuards.ts';
import { acceptWithSignature, decodeSignature, sendAcceptanceCode, signaturePath, verifyAcceptanceCode } from './commands/acceptance.ts';
import { dispatchRepair } from './commands/dispatch.ts';
import { getRepair } from './commands/getRepair.ts';
import { addMaterial, removeMaterial } from './commands/materials.ts';
import { addQuoteLine, approveQuoteLine, decideQuote, overrideWarranty, removeQuoteLine } from './commands/quote.ts';
import { todayVisits } from './commands/todayVisits.ts';
import { arriveVisit, completeVisit, departVisit, nobodyHome, recordVisit } from './commands/visits.ts';
import { acceptanceGuard } from './guard.ts';
import {
  DispatchBody,
  LineParams,
  MaterialBody,
  NobodyHomeBody,
  QuoteDecisionBody,
  QuoteLineBody,
  RecordVisitBody,
  RepairView,
  SendCodeBody,
  SignatureBody,
  TodayQuery,
  TodayVisitView,
  VerifyCodeBody,
  VisitParams,
  WarrantyOverrideBody,
  WorkOrderParams,
} from './schema.ts';

const tags = ['repairs'];
const ok = { 200: RepairView };
const MaterialParams = z.object({ id: z.uuid(), materialId: z.uuid() });

export async function repairRoutes(app: FastifyInstance): Promise<void> {
  registerTransitionGuard('repairs.acceptance', acceptanceGuard);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/work-orders/:id/repair';
  const dir = app.config.attachmentsDir;

  r.get(base, { schema: { tags, params: WorkOrderParams, response: ok } }, (req) => withCtx(req, (ctx) => getRepair(ctx, req.params.id)));
  r.post(`${base}/dispatch`, { schema: { tags, params: WorkOrderParams, body: DispatchBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => dispatchRepair(ctx, req.params.id, req.body)),
  );

  // Visit steps: the visit's own technician only.
  const visit = `${base}/visits/:visitId`;
  r.post(`${visit}/depart`, { schema: { tags, params: VisitParams, response: ok } }, (req) =>
    withCtx(req, (ctx) => departVisit(ctx, req.params.id, req.params.visitId)),
  );
  r.post(`${visit}/arrive`, { schema: { tags, params: VisitParams, response: ok } }, (req) =>
    withCtx(req, (ctx) => arriveVisit(ctx, req.params.id, req.params.visitId)),
  );
  r.post(`${visit}/record`, { schema: { tags, params: VisitParams, body: RecordVisitBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => recordVisit(ctx, req.params.id, req.params.visitId, req.body)),
  );
  r.post(`${visit}/complete`, { schema: { tags, params: VisitParams, response: ok } }, (req) =>
    withCtx(req, (ctx) => completeVisit(ctx, req.params.id, req.params.visitId)),
  );
  r.post(`${visit}/nobody-home`, { schema: { tags, params: VisitParams, body: NobodyHomeBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => nobodyHome(ctx, req.params.id, req.params.visitId, req.body)),
  );

  // Quote and warranty.
  r.post(`${base}/quote/lines`, { schema: { tags, params: WorkOrderParams, body: QuoteLineBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => addQuoteLine(ctx, req.params.id, req.body)),
  );
  r.delete(`${base}/quote/lines/:lineId`, { schema: { tags, params: LineParams, response: ok } }, (req) =>
    withCtx(req, (ctx) => removeQuoteLine(ctx, req.params.id, req.params.lineId)),
  );
  r.post(`${base}/quote/lines/:lineId/approve`, { schema: { tags, params: LineParams, response: ok } }, (req) =>
    withCtx(req, (ctx) => approveQuoteLine(ctx, req.params.id, req.params.lineId)),
  );
  r.post(`${base}/quote/decision`, { schema: { tags, params: WorkOrderParams, body: QuoteDecisionBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => decideQuote(ctx, req.params.id, req.body.decision)),
  );
  r.put(`${base}/warranty`, { schema: { tags, params: WorkOrderParams, body: WarrantyOverrideBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => overrideWarranty(ctx, req.params.id, req.body)),
  );

  // Materials.
  r.post(`${base}/materials`, { schema: { tags, params: WorkOrderParams, body: MaterialBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => addMaterial(ctx, req.params.id, req.body)),
  );
  r.delete(`${base}/materials/:materialId`, { schema: { tags, params: MaterialParams, response: ok } }, (req) =>
    withCtx(req, (ctx) => removeMaterial(ctx, req.params.id, req.params.materialId)),
  );

  // Acceptance.
  r.post(`${base}/acceptance/signature`, { schema: { tags, params: WorkOrderParams, body: SignatureBody, response: ok } }, async (req) => {
    const png = decodeSignature(req.body.signature);
    const written: string[] = [];
    try {
      return await withCtx(req, (ctx) => acceptWithSignature(ctx, req.params.id, png, dir, written));
    } catch (error) {
      await Promise.all(written.map((f) => fs.promises.rm(f, { force: true })));
      throw error;
    }
  });
  r.get(`${base}/acceptance/signature`, { schema: { tags, params: WorkOrderParams } }, async (req, reply) => {
    const file = await withCtx(req, (ctx) => signaturePath(ctx, req.params.id, dir));
    if (!file) throw notFound('NOT_FOUND');
    return reply.type('image/png').header('cache-control', 'private, no-store').send(fs.createReadStream(file));
  });
  r.post(`${base}/acceptance/code`, { schema: { tags, params: WorkOrderParams, body: SendCodeBody, response: ok } }, (req) =>
    withCtx(req, (ctx) => sendAcceptanceCode(ctx, req.params.id, req.body, { gatewayConfigured: smsGatewayOf(app.database) !== null })),
  );
  r.post(`${base}/acceptance/verify`, { schema: { tags, params: WorkOrderParams, body: VerifyCodeBody, response: ok } }, async (req) => {
    const outcome = await withCtx(req, (ctx) => verifyAcceptanceCode(ctx, req.params.id, req.body.code));
    // Raised after commit, so the wrong try stays counted.
    if (!outcome.ok) throw new AppError('CONFIRMATION_CODE_WRONG', 400, { remaining: outcome.remaining }, { remaining: outcome.remaining });
    return outcome.view;
  });

  r.get(
    '/repair/visits/today',
    { schema: { tags, querystring: TodayQuery, response: { 200: z.object({ items: z.array(TodayVisitView) }) } } },
    async (req) => ({ items: await withCtx(req, (ctx) => todayVisits(ctx, req.query.technicianId)) }),
  );
}
