/** Automation rules (触发器): when <trigger> and <all conditions> then <actions>; dry runs and the execution log. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from './client';
import type { Page } from './types';

export const TRIGGERS = ['created', 'statusChanged', 'assigned', 'customerReplied', 'staffReplied', 'noted', 'updated', 'slaWarning', 'slaBreached'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const CONDITION_FIELDS = [
  'type', 'priority', 'channel', 'status', 'statusCategory', 'customerTier', 'classification',
  'team', 'assignee', 'tags', 'subject', 'description', 'createdBy',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];
export type ConditionOp = 'in' | 'notIn' | 'isEmpty' | 'isNotEmpty' | 'contains' | 'notContains' | 'is';

/** One condition; which keys are used depends on the field (see opsOf). */
export interface Condition {
  field: ConditionField;
  op: ConditionOp;
  values?: string[];
  value?: string;
  setKey?: string;
}

export const ACTION_TYPES = ['setPriority', 'setStatus', 'setTeam', 'setAssignee', 'addTag', 'removeTag', 'addNote', 'notify'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface Action {
  type: ActionType;
  priority?: string;
  status?: string;
  teamId?: string;
  assigneeId?: string;
  tag?: string;
  body?: string;
  assignee?: boolean;
  teamLeads?: boolean;
  userIds?: string[];
  message?: string;
}

/** The operators each field offers, the first being the default. */
export function opsOf(field: ConditionField): ConditionOp[] {
  if (field === 'team' || field === 'assignee') return ['in', 'notIn', 'isEmpty', 'isNotEmpty'];
  if (field === 'tags' || field === 'subject' || field === 'description') return ['contains', 'notContains'];
  if (field === 'createdBy') return ['is'];
  return ['in', 'notIn'];
}

export interface Rule {
  id: string;
  name: string;
  active: boolean;
  position: number;
  trigger: Trigger;
  conditions: Condition[];
  actions: Action[];
  createdAt: string;
  updatedAt: string;
}
export type RuleInput = Pick<Rule, 'name' | 'active' | 'trigger' | 'conditions' | 'actions'>;

export interface ActionOutcome {
  type: ActionType;
  status: 'done' | 'skipped' | 'failed';
  reason?: string;
}

export interface DryRunResult {
  workOrderId: string;
  number: string;
  matched: boolean;
  conditions: { matched: boolean }[];
  actions: ActionOutcome[];
}

export interface RuleRun {
  id: string;
  ruleId: string | null;
  ruleName: string;
  workOrder: { id: string; number: string; subject: string };
  eventType: string;
  trigger: Trigger;
  matched: boolean;
  conditions: boolean[];
  actions: ActionOutcome[];
  error: string | null;
  at: string;
}

export function useRules() {
  return useQuery({
    queryKey: ['automationRules'],
    queryFn: () => get<{ items: Rule[] }>('/automation/rules'),
    select: (reply) => reply.items,
  });
}

export function useRuleRuns(filter: { ruleId?: string; workOrderId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['automationRuns', filter],
    queryFn: () => get<Page<RuleRun>>('/automation/runs', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

function useRuleChange<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['automationRules'] }) });
}

export const useCreateRule = () => useRuleChange((input: RuleInput) => post<Rule>('/automation/rules', input));
export const useUpdateRule = () =>
  useRuleChange(({ id, ...input }: Partial<RuleInput> & { id: string }) => patch<Rule>(`/automation/rules/${id}`, input));
export const useDeleteRule = () => useRuleChange((id: string) => del<void>(`/automation/rules/${id}`));
export const useReorderRules = () => useRuleChange((ids: string[]) => post('/automation/rules/order', { ids }));
export const useDryRun = () =>
  useMutation({
    mutationFn: (input: { number: string; name: string; conditions: Condition[]; actions: Action[] }) =>
      post<DryRunResult>('/automation/dry-run', input),
  });
