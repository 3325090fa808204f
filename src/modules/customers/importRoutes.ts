/** HTTP routes of customer import (preview a file, commit a chunk), the import template, and export. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';
import { serviceDay } from '../../lib/serviceDay.ts';
import { withCtx } from '../../server/requestContext.ts';
import { contentDisposition } from '../workOrders/commands/attachmentTypes.ts';
import { exportCustomers, importTemplate } from './commands/exportCustomers.ts';
import { commitImport, previewImport } from './commands/importCustomers.ts';
import { ExportQuery, IMPORT_MAX_BYTES, ImportCommitBody, ImportCommitView, ImportPreviewView, TemplateQuery } from './importSchema.ts';
import './messages.ts';
import { authorize } from './policy.ts';
import { type Grid, type SheetFormat, writeCsv, xlsxStream } from './spreadsheet.ts';

const tags = ['customers'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendSheet(reply: FastifyReply, grid: Grid, format: SheetFormat, basename: string) {
  const body = format === 'xlsx' ? xlsxStream(grid, 'customers') : Buffer.from(writeCsv(grid), 'utf8');
  return reply
    .header('content-type', format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition('attachment', `${basename}-${serviceDay()}.${format}`))
    .header('cache-control', 'no-store')
    .send(body);
}

export async function customerImportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/customers/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportPreviewView } } },
    async (request) => {
      // Refuse before reading the upload when the actor may not create customers.
      await withCtx(request, async (ctx) => authorize(ctx.actor, 'edit'));
      const file = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
      if (!file) throw new AppError('IMPORT_NO_FILE', 400);
      const bytes = await file.toBuffer();
      return withCtx(request, (ctx) => previewImport(ctx, bytes));
    },
  );
  r.post('/customers/import/commit', { schema: { tags, body: ImportCommitBody, response: { 200: ImportCommitView } } }, (request) =>
    withCtx(request, (ctx) => commitImport(ctx, request.body.items)),
  );
  r.get('/customers/import/template', { schema: { tags, querystring: TemplateQuery } }, async (request, reply) =>
    sendSheet(reply, await withCtx(request, importTemplate), request.query.format, 'customer-import-template'),
  );
  r.get('/customers/export', { schema: { tags, querystring: ExportQuery } }, async (request, reply) =>
    sendSheet(reply, await withCtx(request, (ctx) => exportCustomers(ctx, request.query)), request.query.format, 'customers'),
  );
}
