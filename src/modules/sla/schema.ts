/** Request and response shapes of the SLA API (policies, an order's clocks, event and breach logs). */
import { z } from 'zod';
import { PageQuery, pageOf } from '../../lib/pagination.ts';
import { ACTION_TYPES, CLOCKS } from './tables.ts';

const Clock = z.enum(CLOCKS);
const Mode = z.enum(['business', 'calendar']);
const MAX_TARGET_SECONDS = 366 * 24 * 3600;

const Target = z.strictObject({ clock: Clock, seconds: z.number().int().min(1).max(MAX_TARGET_SECONDS), mode: Mode });
const Action = z.strictObject({ type: z.enum(ACTION_TYPES) });
const Escalation = z.strictObject({
  clock: Clock,
  atPercent: z.number().int().min(1).max(1000),
  actions: z.array(Action).min(1).max(5),
});
const Keys = z.array(z.string().trim().min(1).max(64)).max(50);
const Match = z.strictObject({ tierIds: Keys, typeKeys: Keys, priorities: z.array(z.enum(['low', 'normal', 'high', 'urgent'])).max(4), channels: Keys });

export const CreatePolicyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  active: z.boolean().default(true),
  calendarId: z.uuid().nullable().default(null),
  match: Match.partial().default({}),
  targets: z.array(Target).min(1).max(CLOCKS.length),
  escalations: z.array(Escalation).max(30).default([]),
});
export type CreatePolicyBody = z.infer<typeof CreatePolicyBody>;

export const UpdatePolicyBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  active: z.boolean().optional(),
  calendarId: z.uuid().nullable().optional(),
  match: Match.partial().optional(),
  targets: z.array(Target).min(1).max(CLOCKS.length).optional(),
  escalations: z.array(Escalation).max(30).optional(),
});
export type UpdatePolicyBody = z.infer<typeof UpdatePolicyBody>;

export const ReorderPoliciesBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });

export const SlaPolicyView = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number(),
  active: z.boolean(),
  calendarId: z.uuid().nullable(),
  match: z.object({ tierIds: z.array(z.string()), typeKeys: z.array(z.string()), priorities: z.array(z.string()), channels: z.array(z.string()) }),
  targets: z.array(z.object({ clock: Clock, seconds: z.number(), mode: Mode })),
  escalations: z.array(z.object({ clock: Clock, atPercent: z.number(), actions: z.array(z.object({ type: z.enum(ACTION_TYPES) })) })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SlaPolicyView = z.infer<typeof SlaPolicyView>;
export const SlaPolicyList = z.object({ items: z.array(SlaPolicyView) });

const State = z.enum(['running', 'paused', 'met', 'breached']);
export const ClockView = z.object({
  clock: Clock,
  mode: Mode,
  targetSeconds: z.number(),
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  pausedSince: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  state: State,
  breachedAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
});
export type ClockView = z.infer<typeof ClockView>;
export const OrderSlaView = z.object({
  policy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  clocks: z.array(ClockView),
  serverNow: z.string(),
});
export type OrderSlaView = z.infer<typeof OrderSlaView>;

export const SlaEventView = z.object({
  id: z.number(),
  clock: Clock,
  kind: z.enum(['start', 'pause', 'resume', 'warning', 'breach', 'fulfil', 'retarget', 'cancel']),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export const SlaEventList = z.object({ items: z.array(SlaEventView) });

export const BreachQuery = z.object({
  clock: Clock.optional(),
  teamId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...PageQuery.shape,
});
export type BreachQuery = z.infer<typeof BreachQuery>;
export const BreachView = z.object({
  id: z.uuid(),
  workOrderId: z.uuid(),
  number: z.string(),
  subject: z.string(),
  clock: Clock,
  policyName: z.string(),
  dueAt: z.string(),
  breachedAt: z.string(),
  teamId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
});
export const BreachList = pageOf(BreachView);
