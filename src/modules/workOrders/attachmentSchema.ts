/** Request and response shapes of work order attachments. */
import { z } from 'zod';

export const WorkOrderIdParams = z.object({ id: z.uuid() });
export const AttachmentIdParams = z.object({ id: z.uuid() });

export const DownloadQuery = z.object({
  /** Previews: images only may be shown inline. */
  inline: z.enum(['1', 'true', '0', 'false']).optional(),
});

/** Multipart text fields of an upload; files come as file parts under any field name. */
export const UploadFields = z.object({ internal: z.enum(['true', 'false', '1', '0']).optional() });

export const AttachmentView = z.object({
  id: z.uuid(),
  workOrderId: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  public: z.boolean(),
  isImage: z.boolean(),
  uploadedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  createdAt: z.string(),
  /** Download URL (always as a file); images add `?inline=1` for previews. */
  url: z.string(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

export const AttachmentList = z.object({ items: z.array(AttachmentView) });
