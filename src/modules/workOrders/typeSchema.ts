/** Request and response shapes of the work order type admin API (types and their workflows). */
import { z } from 'zod';

const Key = z.string().min(1).max(40).regex(/^[a-z0-9_]+$/, 'a-z, 0-9 and _ only');
const Name = z.string().trim().min(1).max(50);
const NameEn = z.string().trim().max(50);

export const StatusCategory = z.enum(['new', 'open', 'pending', 'resolved', 'closed']);

export const WorkflowBody = z.strictObject({
  initial: Key,
  statuses: z
    .array(z.strictObject({ key: Key, name: Name, nameEn: NameEn.default(''), category: StatusCategory }))
    .min(1)
    .max(30),
  transitions: z.array(z.strictObject({ from: Key, to: Key })).max(300),
});

export const CreateWorkOrderTypeBody = z.strictObject({
  key: Key,
  name: Name,
  nameEn: NameEn.optional(),
  defaultTeamId: z.uuid().nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
  workflow: WorkflowBody,
});

export const UpdateWorkOrderTypeBody = CreateWorkOrderTypeBody.omit({ key: true }).partial().strict();

export const TypeKeyParams = z.object({ key: Key });

export const TypeListQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() });

const StatusView = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The name in the request's language. */
  label: z.string(),
  category: StatusCategory,
});

export const WorkOrderTypeView = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  label: z.string(),
  defaultTeam: z.object({ id: z.uuid(), name: z.string(), label: z.string() }).nullable(),
  position: z.number().int(),
  archived: z.boolean(),
  workflow: z.object({
    initial: z.string(),
    statuses: z.array(StatusView),
    transitions: z.array(z.object({ from: z.string(), to: z.string() })),
  }),
});
export type WorkOrderTypeView = z.infer<typeof WorkOrderTypeView>;
