/** Request and response schemas of complaints (投诉) and their actions. */
import { z } from 'zod';

const Text = (max: number) => z.string().trim().max(max);
export const ReceivedVia = z.enum(['phone', 'email', 'portal', 'visit', 'letter', 'other']);
export const ActionKind = z.enum(['corrective', 'preventive']);
export const ActionStatus = z.enum(['open', 'in_progress', 'done', 'cancelled']);

export const UpdateComplaintBody = z.strictObject({
  complainantName: Text(100).optional(),
  complainantContact: Text(200).optional(),
  receivedVia: ReceivedVia.optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  content: Text(10_000).optional(),
  rootCause: Text(10_000).optional(),
});
export type UpdateComplaintBody = z.infer<typeof UpdateComplaintBody>;

export const ResponsibilityBody = z.strictObject({
  companyAtFault: z.boolean(),
  explanation: Text(5_000).optional(),
});

export const CreateActionBody = z.strictObject({
  kind: ActionKind,
  description: Text(2_000).min(1),
  ownerId: z.uuid(),
  dueOn: z.iso.date(),
});
export type CreateActionBody = z.infer<typeof CreateActionBody>;

export const UpdateActionBody = z.strictObject({
  description: Text(2_000).min(1).optional(),
  ownerId: z.uuid().optional(),
  dueOn: z.iso.date().optional(),
  status: ActionStatus.optional(),
});
export type UpdateActionBody = z.infer<typeof UpdateActionBody>;

export const VerificationBody = z.strictObject({ effective: z.boolean(), notes: Text(5_000).default('') });
export const FinalReplyBody = z.strictObject({ body: Text(20_000).min(1) });
export const SatisfactionBody = z.strictObject({ score: z.number().int().min(1).max(5), comment: Text(2_000).default('') });

export const ComplaintConfig = z.strictObject({
  firstReplyHours: z.number().int().min(1).max(24 * 30),
  repeatWindowMonths: z.number().int().min(1).max(60),
});

export const ActionView = z.object({
  id: z.string(),
  kind: ActionKind,
  description: z.string(),
  owner: z.object({ id: z.string(), displayName: z.string() }),
  dueOn: z.string(),
  status: ActionStatus,
  overdue: z.boolean(),
  canUpdate: z.boolean(),
});
export type ActionView = z.infer<typeof ActionView>;

const FirstReply = z.object({
  dueAt: z.string(),
  repliedAt: z.string().nullable(),
  state: z.enum(['due', 'met', 'overdue']),
  /** due: seconds left; met: seconds to spare; overdue: seconds past the deadline (until now or until the late reply). */
  seconds: z.number().int(),
});

/** Staff see everything; a customer sees the fields marked optional left out. */
export const ComplaintView = z.object({
  workOrderId: z.string(),
  number: z.string(),
  complainantName: z.string(),
  complainantContact: z.string(),
  receivedVia: ReceivedVia,
  receivedAt: z.string(),
  content: z.string(),
  firstReply: FirstReply,
  responsibility: z.object({ companyAtFault: z.boolean(), explanation: z.string() }).nullable(),
  rootCause: z.string().optional(),
  actions: z.array(ActionView).optional(),
  verification: z
    .object({ effective: z.boolean(), notes: z.string(), verifiedAt: z.string(), verifiedBy: z.string().nullable() })
    .nullable()
    .optional(),
  verified: z.boolean(),
  finalReply: z.object({ body: z.string(), repliedAt: z.string() }).nullable(),
  satisfaction: z.object({ score: z.number(), comment: z.string() }).nullable(),
  repeat: z.boolean().optional(),
  earlierComplaints: z.array(z.object({ id: z.string(), number: z.string(), createdAt: z.string() })).optional(),
  abilities: z.object({ edit: z.boolean(), verify: z.boolean(), rate: z.boolean(), addAction: z.boolean() }),
});
export type ComplaintView = z.infer<typeof ComplaintView>;
