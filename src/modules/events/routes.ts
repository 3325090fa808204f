import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { paged, pageOf } from '../../lib/pagination.ts';
import { withCtx } from '../../server/requestContext.ts';
import { listAudit } from './listAudit.ts';
import { AuditEntryView, AuditQuery } from './schema.ts';

export async function eventRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: pageOf(AuditEntryView) } } },
    async (request) => paged(request.query, await withCtx(request, (ctx) => listAudit(ctx, request.query))),
  );
}
