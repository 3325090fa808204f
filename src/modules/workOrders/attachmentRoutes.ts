/** HTTP routes for work order attachments: upload (multipart), list, download. */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';
import { withCtx } from '../../server/requestContext.ts';
import { AttachmentIdParams, AttachmentList, DownloadQuery, UploadFields, WorkOrderIdParams } from './attachmentSchema.ts';
import { addAttachments, assertCanAttach, attachmentForDownload, listAttachments } from './commands/attachments.ts';
import { discard, receiveUpload, storedPath } from './commands/attachmentStorage.ts';
import { contentDisposition, isImage } from './commands/attachmentTypes.ts';
import './messages.ts';

const tags = ['attachments'];

export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dir = app.config.attachmentsDir;

  r.post(
    '/work-orders/:id/attachments',
    { schema: { tags, params: WorkOrderIdParams, consumes: ['multipart/form-data'], response: { 201: AttachmentList } } },
    async (request, reply) => {
      const { id } = request.params;
      // A short check first, so nobody who may not attach gets to store bytes.
      await withCtx(request, (ctx) => assertCanAttach(ctx, id));
      const upload = await receiveUpload(request.parts(), dir);
      try {
        const fields = UploadFields.safeParse(upload.fields);
        if (!fields.success) throw new AppError('VALIDATION_FAILED', 400, {}, { issues: fields.error.issues });
        if (!upload.files.length) throw new AppError('ATTACHMENT_NONE', 400);
        const internal = fields.data.internal === 'true' || fields.data.internal === '1';
        const items = await withCtx(request, (ctx) => addAttachments(ctx, id, { files: upload.files, internal }));
        return reply.code(201).send({ items });
      } catch (error) {
        await discard(upload.files);
        throw error;
      }
    },
  );

  r.get(
    '/work-orders/:id/attachments',
    { schema: { tags, params: WorkOrderIdParams, response: { 200: AttachmentList } } },
    async (request) => ({ items: await withCtx(request, (ctx) => listAttachments(ctx, request.params.id)) }),
  );

  r.get(
    '/attachments/:id',
    { schema: { tags, params: AttachmentIdParams, querystring: DownloadQuery } },
    async (request, reply) => {
      const att = await withCtx(request, (ctx) => attachmentForDownload(ctx, request.params.id));
      const file = storedPath(dir, att.storage_key);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat?.isFile()) {
        request.log.error({ attachmentId: att.id }, 'attachment file missing on disk');
        throw new AppError('ATTACHMENT_NOT_FOUND', 404);
      }
      const wantsInline = request.query.inline === '1' || request.query.inline === 'true';
      const inline = wantsInline && isImage(att.content_type);
      return reply
        .header('content-type', att.content_type)
        .header('content-length', String(stat.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', att.filename))
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream(file));
    },
  );
}
