/**
 * Request and response schemas of automation rules. Conditions and actions are
 * closed unions: an unknown field, operator or action type is a 400.
 */
import { z } from 'zod';
import { PageQuery, pageOf } from '../../lib/pagination.ts';

export const TRIGGERS = [
  'created',
  'statusChanged',
  'assigned',
  'customerReplied',
  'staffReplied',
  'noted',
  'updated',
  'slaWarning',
  'slaBreached',
] as const;
export const Trigger = z.enum(TRIGGERS);
export type Trigger = z.infer<typeof Trigger>;

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const CHANNELS = ['phone', 'email', 'portal', 'visit', 'chat', 'api', 'monitoring'] as const;
const CATEGORIES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
const Key = z.string().min(1).max(50);
const AmongOp = z.enum(['in', 'notIn']);
const Text = z.string().trim().min(1).max(200);

/** "is one of" / "is none of" over a list of values. */
const among = <F extends string, V extends z.ZodType>(field: F, value: V) =>
  z.strictObject({ field: z.literal(field), op: AmongOp, values: z.array(value).min(1).max(50) });

/** Team and assignee: one of the listed, or empty / not empty. */
const refOrEmpty = <F extends string>(field: F) =>
  z.strictObject({
    field: z.literal(field),
    op: z.enum(['in', 'notIn', 'isEmpty', 'isNotEmpty']),
    values: z.array(z.uuid()).max(50).default([]),
  }).refine((c) => c.op === 'isEmpty' || c.op === 'isNotEmpty' || c.values.length > 0, {
    message: 'values required for in / notIn',
    path: ['values'],
  });

const contains = <F extends string>(field: F) =>
  z.strictObject({ field: z.literal(field), op: z.enum(['contains', 'notContains']), value: Text });

export const ConditionSpec = z.union([
  among('type', Key),
  among('priority', z.enum(PRIORITIES)),
  among('channel', z.enum(CHANNELS)),
  among('status', Key),
  among('statusCategory', z.enum(CATEGORIES)),
  among('customerTier', Key),
  z.strictObject({ field: z.literal('classification'), setKey: Key, op: AmongOp, values: z.array(Key).min(1).max(50) }),
  refOrEmpty('team'),
  refOrEmpty('assignee'),
  contains('tags'),
  contains('subject'),
  contains('description'),
  z.strictObject({ field: z.literal('createdBy'), op: z.literal('is'), value: z.enum(['customer', 'staff']) }),
]);
export type ConditionSpec = z.infer<typeof ConditionSpec>;
export const CONDITION_FIELDS = [
  'type', 'priority', 'channel', 'status', 'statusCategory', 'customerTier', 'classification',
  'team', 'assignee', 'tags', 'subject', 'description', 'createdBy',
] as const;

export const ActionSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setPriority'), priority: z.enum(PRIORITIES) }),
  z.strictObject({ type: z.literal('setStatus'), status: Key }),
  z.strictObject({ type: z.literal('setTeam'), teamId: z.uuid() }),
  z.strictObject({ type: z.literal('setAssignee'), assigneeId: z.uuid() }),
  z.strictObject({ type: z.literal('addTag'), tag: z.string().trim().min(1).max(50) }),
  z.strictObject({ type: z.literal('removeTag'), tag: z.string().trim().min(1).max(50) }),
  /** Placeholders {number}, {subject}, {priority}, {status}, {rule} are filled in when it runs. */
  z.strictObject({ type: z.literal('addNote'), body: z.string().trim().min(1).max(2000) }),
  z
    .strictObject({
      type: z.literal('notify'),
      assignee: z.boolean().default(false),
      teamLeads: z.boolean().default(false),
      userIds: z.array(z.uuid()).max(50).default([]),
      message: z.string().trim().max(500).default(''),
    })
    .refine((a) => a.assignee || a.teamLeads || a.userIds.length > 0, { message: 'no recipients', path: ['userIds'] }),
]);
export type ActionSpec = z.infer<typeof ActionSpec>;
export const ACTION_TYPES = ['setPriority', 'setStatus', 'setTeam', 'setAssignee', 'addTag', 'removeTag', 'addNote', 'notify'] as const;

const RuleFields = {
  name: z.string().trim().min(1).max(100),
  active: z.boolean(),
  trigger: Trigger,
  conditions: z.array(ConditionSpec).max(20),
  actions: z.array(ActionSpec).min(1).max(10),
};
export const CreateRuleBody = z.strictObject({ ...RuleFields, active: RuleFields.active.default(true), conditions: RuleFields.conditions.default([]) });
export type CreateRuleBody = z.infer<typeof CreateRuleBody>;
export const UpdateRuleBody = z.strictObject({
  name: RuleFields.name.optional(),
  active: RuleFields.active.optional(),
  trigger: RuleFields.trigger.optional(),
  conditions: RuleFields.conditions.optional(),
  actions: RuleFields.actions.optional(),
});
export type UpdateRuleBody = z.infer<typeof UpdateRuleBody>;
export const ReorderBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });

export const RuleView = z.object({
  id: z.uuid(),
  name: z.string(),
  active: z.boolean(),
  position: z.number().int(),
  trigger: Trigger,
  conditions: z.array(ConditionSpec),
  actions: z.array(ActionSpec),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof RuleView>;

export const DryRunBody = z.strictObject({
  /** The order to test against, by id or by its number (as people know it). */
  workOrderId: z.uuid().optional(),
  number: z.string().trim().min(1).max(50).optional(),
  conditions: RuleFields.conditions.default([]),
  actions: RuleFields.actions,
  /** Shown in placeholders and notifications as it would be. */
  name: z.string().trim().max(100).default(''),
}).refine((b) => Boolean(b.workOrderId) !== Boolean(b.number), { message: 'give workOrderId or number', path: ['workOrderId'] });
export type DryRunBody = z.infer<typeof DryRunBody>;

const Outcome = z.object({
  type: z.enum(ACTION_TYPES),
  status: z.enum(['done', 'skipped', 'failed']),
  reason: z.string().optional(),
});
export const DryRunView = z.object({
  workOrderId: z.uuid(),
  number: z.string(),
  matched: z.boolean(),
  conditions: z.array(z.object({ matched: z.boolean() })),
  /** What each action would do if the rule matched now ('done' = would change the order). */
  actions: z.array(Outcome),
});
export type DryRunView = z.infer<typeof DryRunView>;

export const RunsQuery = PageQuery.extend({ ruleId: z.uuid().optional(), workOrderId: z.uuid().optional() });
export const RunView = z.object({
  id: z.uuid(),
  ruleId: z.uuid().nullable(),
  ruleName: z.string(),
  workOrder: z.object({ id: z.uuid(), number: z.string(), subject: z.string() }),
  eventType: z.string(),
  trigger: z.string(),
  matched: z.boolean(),
  conditions: z.array(z.boolean()),
  actions: z.array(Outcome),
  error: z.string().nullable(),
  at: z.string(),
});
export type RunView = z.infer<typeof RunView>;
export const RunPage = pageOf(RunView);
