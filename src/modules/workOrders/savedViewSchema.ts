/**
 * Saved views: a user's named filters over the work order list. `WorkOrderFilters`
 * is the list endpoint's query (minus paging); a saved view stores exactly it,
 * so opening a view is sending its filters as the list query.
 */
import { z } from 'zod';

const CATEGORIES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;

/** Values are kept as the list query spells them, e.g. statusCategory "open,pending". */
export const WorkOrderFilters = z.strictObject({
  /** Preset queues: my open orders, my teams' queue, unassigned, overdue, everything visible. */
  view: z.enum(['mine', 'team', 'unassigned', 'all', 'overdue']).optional(),
  status: z.string().trim().min(1).max(64).optional(),
  statusCategory: z
    .string()
    .max(200)
    .refine((s) => s.split(',').every((v) => (CATEGORIES as readonly string[]).includes(v.trim())), 'unknown status category')
    .optional(),
  typeKey: z.string().trim().min(1).max(64).optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  channel: z.enum(['phone', 'email', 'portal', 'visit', 'chat', 'api', 'monitoring']).optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(30).optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['createdAt', 'updatedAt', 'priority', 'dueAt', 'slaDue']).optional(),
  /** SLA filter (see the list query): breached, due within the hour, or a clock running. */
  sla: z.enum(['breached', 'dueSoon', 'running']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type WorkOrderFilters = z.infer<typeof WorkOrderFilters>;

export const MAX_SAVED_VIEWS = 50;

const Name = z.string().trim().min(1).max(50);

export const CreateSavedViewBody = z.strictObject({ name: Name, filters: WorkOrderFilters });
export const UpdateSavedViewBody = z.strictObject({ name: Name.optional(), filters: WorkOrderFilters.optional() });
export const SavedViewParams = z.object({ id: z.uuid() });

export const SavedViewView = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: WorkOrderFilters,
  createdAt: z.string(),
});
export type SavedViewView = z.infer<typeof SavedViewView>;
