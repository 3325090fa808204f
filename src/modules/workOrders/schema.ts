/** Request and response schemas of the work order API (bodies are strict: unknown fields are refused). */
import { z } from 'zod';
import { PageQuery } from '../../lib/pagination.ts';

export const CHANNELS = ['phone', 'email', 'portal', 'visit', 'chat', 'api', 'monitoring'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const STATUS_CATEGORIES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const VIEWS = ['mine', 'team', 'unassigned', 'all', 'overdue'] as const;

const TypeKey = z.string().trim().min(1).max(64);
const Subject = z.string().trim().min(1).max(200);
const Description = z.string().max(20_000);
const Tags = z.array(z.string().trim().min(1).max(30)).max(20);
const DateTime = z.iso.datetime({ offset: true });
/** Values are checked against the administrator's definitions by mergeCustomFields. */
const CustomFields = z
  .record(z.string().min(1).max(64), z.union([z.string().max(2000), z.number(), z.null()]))
  .refine((o) => Object.keys(o).length <= 50, 'at most 50 custom fields');

export const CreateWorkOrderBody = z.strictObject({
  typeKey: TypeKey,
  channel: z.enum(CHANNELS),
  subject: Subject,
  description: Description.optional(),
  customerId: z.uuid(),
  contactId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  priority: z.enum(PRIORITIES).optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  tags: Tags.optional(),
  customFields: CustomFields.optional(),
  dueAt: DateTime.optional(),
});
export type CreateWorkOrderBody = z.infer<typeof CreateWorkOrderBody>;

/** What a customer (portal user or their API token) may set: never organisation, team, assignee, status or priority. */
export const PortalCreateWorkOrderBody = z.strictObject({
  typeKey: TypeKey,
  subject: Subject,
  description: Description.optional(),
  contactId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  customFields: CustomFields.optional(),
});
export type PortalCreateWorkOrderBody = z.infer<typeof PortalCreateWorkOrderBody>;

export const UpdateWorkOrderBody = z.strictObject({
  subject: Subject.optional(),
  description: Description.optional(),
  priority: z.enum(PRIORITIES).optional(),
  contactId: z.uuid().nullable().optional(),
  assetId: z.uuid().nullable().optional(),
  tags: Tags.optional(),
  customFields: CustomFields.optional(),
  dueAt: DateTime.nullable().optional(),
});
export type UpdateWorkOrderBody = z.infer<typeof UpdateWorkOrderBody>;

export const TransitionBody = z.strictObject({
  to: z.string().trim().min(1).max(64),
  comment: z.string().trim().max(2000).optional(),
  /** A supervisor's reason for passing a process rule (e.g. resolve a repair without the customer's acceptance). */
  overrideReason: z.string().trim().min(1).max(500).optional(),
});

export const AssignBody = z.strictObject({
  teamId: z.uuid().nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});

export const CollaboratorsBody = z.strictObject({ userIds: z.array(z.uuid()).max(50) });

export const ReplyBody = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  internal: z.boolean(),
});

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const WorkOrderListQuery = z.object({
  view: z.enum(VIEWS).default('all'),
  status: z.string().trim().min(1).max(64).optional(),
  statusCategory: csv(STATUS_CATEGORIES).optional(),
  typeKey: TypeKey.optional(),
  priority: z.enum(PRIORITIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(30).optional(),
  createdFrom: DateTime.optional(),
  createdTo: DateTime.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['createdAt', 'updatedAt', 'priority', 'dueAt', 'slaDue']).default('createdAt'),
  /** SLA: breached (a live clock is past due), dueSoon (due within the hour), running (any live clock counting). */
  sla: z.enum(['breached', 'dueSoon', 'running']).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...PageQuery.shape,
});
export type WorkOrderListQuery = z.infer<typeof WorkOrderListQuery>;

const Ref = z.object({ id: z.uuid(), name: z.string() });
const Person = z.object({ id: z.uuid(), displayName: z.string() });
const StatusRef = z.object({ key: z.string(), name: z.string(), category: z.enum(STATUS_CATEGORIES) });

export const WorkOrderListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.object({ key: z.string(), name: z.string() }),
  status: StatusRef,
  statusCategory: z.enum(STATUS_CATEGORIES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  customer: Ref,
  team: Ref.nullable(),
  assignee: Person.nullable(),
  firstContact: Person.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  dueAt: z.string().nullable(),
  tags: z.array(z.string()),
  /** The most urgent live SLA clock (see modules/sla): its due time, null while paused or when none runs. */
  slaDueAt: z.string().nullable(),
  slaState: z.enum(['running', 'paused', 'met', 'breached']).nullable(),
});
export type WorkOrderListItem = z.infer<typeof WorkOrderListItem>;

export const WorkOrderView = WorkOrderListItem.extend({
  description: z.string(),
  contact: Ref.nullable(),
  asset: Ref.nullable(),
  createdBy: Person.nullable(),
  collaborators: z.array(Person),
  customFields: z.record(z.string(), z.unknown()),
  allowedTransitions: z.array(StatusRef),
  firstRespondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  abilities: z.object({
    reply: z.boolean(),
    note: z.boolean(),
    seeInternal: z.boolean(),
    edit: z.boolean(),
    transition: z.boolean(),
    assign: z.boolean(),
    attach: z.boolean(),
  }),
});
export type WorkOrderView = z.infer<typeof WorkOrderView>;

/** The reply to a create: everything known without further queries (creation stays cheap). */
export const CreatedWorkOrderView = z.object({
  id: z.uuid(),
  number: z.string(),
  typeKey: z.string(),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  customerId: z.uuid(),
  contactId: z.uuid().nullable(),
  assetId: z.uuid().nullable(),
  priority: z.enum(PRIORITIES),
  status: StatusRef,
  teamId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  firstContactId: z.uuid().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CreatedWorkOrderView = z.infer<typeof CreatedWorkOrderView>;

export const TimelineItem = z.object({
  id: z.number().int(),
  type: z.string(),
  at: z.string(),
  public: z.boolean(),
  actor: Person.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof TimelineItem>;
