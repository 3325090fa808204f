/**
 * Files attached to work orders. Who may see the order may see its public
 * files; internal files are for staff only. Rows and the timeline event are
 * written in one transaction with the rename that makes a file final.
 */
import crypto from 'node:crypto';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import type { AttachmentView } from '../attachmentSchema.ts';
import { can, loadVisibleWorkOrder, visibleTo } from '../policy.ts';
import { commitFile, type ReceivedFile } from './attachmentStorage.ts';
import { isImage } from './attachmentTypes.ts';

/** Throws unless the actor may attach files to the order; checked before any byte is stored. */
export async function assertCanAttach(ctx: Ctx, workOrderId: string) {
  const order = await loadVisibleWorkOrder(ctx, workOrderId);
  if (!can(ctx.actor, 'attach', order)) throw forbidden();
  return order;
}

export async function addAttachments(
  ctx: Ctx,
  workOrderId: string,
  input: { files: ReceivedFile[]; internal: boolean },
): Promise<AttachmentView[]> {
  const order = await assertCanAttach(ctx, workOrderId);
  // Customers never post internal files, whatever the form says.
  const isPublic = !(input.internal && can(ctx.actor, 'seeInternal', order));
  const files = input.files.map((f) => ({ ...f, id: crypto.randomUUID() }));
  const eventId = await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'workOrder.attachmentAdded',
    public: isPublic,
    data: {
      attachments: files.map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes })),
    },
  });
  // now() is the same for the whole transaction, and PGlite's clock can repeat within
  // a millisecond: one millisecond apart per file keeps them in upload order.
  const uploadedAt = Date.now();
  for (const [index, f] of files.entries()) {
    await commitFile(f);
    await ctx.tx
      .insertInto('attachments')
      .values({
        id: f.id,
        work_order_id: order.id,
        event_id: eventId,
        filename: f.filename,
        content_type: f.contentType,
        size_bytes: f.sizeBytes,
        storage_key: f.storageKey,
        public: isPublic,
        uploaded_by: ctx.actor.id,
        created_at: new Date(uploadedAt + index),
      })
      .execute();
  }
  await ctx.tx.updateTable('work_orders').set({ updated_at: new Date() }).where('id', '=', order.id).execute();
  return listAttachments(ctx, order.id, files.map((f) => f.id));
}

/** The order's attachments the actor may see, oldest first. */
export async function listAttachments(ctx: Ctx, workOrderId: string, onlyIds?: string[]): Promise<AttachmentView[]> {
  const order = await loadVisibleWorkOrder(ctx, workOrderId);
  let q = ctx.tx
    .selectFrom('attachments as a')
    .innerJoin('users as u', 'u.id', 'a.uploaded_by')
    .select(['a.id', 'a.work_order_id', 'a.filename', 'a.content_type', 'a.size_bytes', 'a.public', 'a.uploaded_by', 'a.created_at'])
    .select('u.display_name')
    .where('a.work_order_id', '=', order.id)
    .orderBy('a.created_at')
    .orderBy('a.id');
  if (!can(ctx.actor, 'seeInternal', order)) q = q.where('a.public', '=', true);
  if (onlyIds) q = q.where('a.id', 'in', onlyIds);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    workOrderId: r.work_order_id,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    public: r.public,
    isImage: isImage(r.content_type),
    uploadedBy: { id: r.uploaded_by, displayName: r.display_name },
    createdAt: r.created_at.toISOString(),
    url: `/api/v1/attachments/${r.id}`,
  }));
}

/**
 * The attachment row for a download, only when the actor sees its order and,
 * for internal files, may see internal content. Every refusal is a 404.
 */
export async function attachmentForDownload(ctx: Ctx, attachmentId: string) {
  const att = await ctx.tx.selectFrom('attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
  if (!att) throw notFound('ATTACHMENT_NOT_FOUND');
  const order = await ctx.tx
    .selectFrom('work_orders')
    .select(['id', 'team_id', 'assignee_id', 'customer_id', 'type_key', 'first_contact_id', 'created_by'])
    .where('id', '=', att.work_order_id)
    .where(visibleTo(ctx.actor))
    .executeTakeFirst();
  if (!order) throw notFound('ATTACHMENT_NOT_FOUND');
  if (!att.public && !can(ctx.actor, 'seeInternal', order)) throw notFound('ATTACHMENT_NOT_FOUND');
  return att;
}
