import { z } from 'zod';
import { PageQuery } from '../../lib/pagination.ts';

export const AuditQuery = PageQuery.extend({
  subjectType: z.enum(['customer', 'work_order', 'user', 'team', 'config']).optional(),
  subjectId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  type: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const AuditEntryView = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  subjectType: z.string(),
  subjectId: z.uuid(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;
