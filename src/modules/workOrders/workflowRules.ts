/**
 * The rules a work order type's workflow must satisfy before it is saved.
 * Pure: no database. Each problem names its rule so the admin UI can point at it.
 */
import type { Workflow } from './tables.ts';

export type WorkflowRule =
  | 'DUPLICATE_STATUS'
  | 'INITIAL_MISSING'
  | 'INITIAL_NOT_NEW'
  | 'TRANSITION_UNKNOWN_STATUS'
  | 'SELF_TRANSITION'
  | 'DUPLICATE_TRANSITION'
  | 'NO_CLOSED_STATUS'
  | 'UNREACHABLE_STATUS';

export interface WorkflowProblem {
  rule: WorkflowRule;
  status?: string;
  from?: string;
  to?: string;
}

/** Every problem with the workflow; an empty list means it may be saved. */
export function workflowProblems(workflow: Workflow): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const keys = new Set<string>();
  for (const s of workflow.statuses) {
    if (keys.has(s.key)) problems.push({ rule: 'DUPLICATE_STATUS', status: s.key });
    keys.add(s.key);
  }

  const initial = workflow.statuses.find((s) => s.key === workflow.initial);
  if (!initial) problems.push({ rule: 'INITIAL_MISSING', status: workflow.initial });
  else if (initial.category !== 'new') problems.push({ rule: 'INITIAL_NOT_NEW', status: initial.key });

  const seen = new Set<string>();
  for (const { from, to } of workflow.transitions) {
    if (!keys.has(from) || !keys.has(to)) problems.push({ rule: 'TRANSITION_UNKNOWN_STATUS', from, to });
    else if (from === to) problems.push({ rule: 'SELF_TRANSITION', from, to });
    else if (seen.has(`${from}\u0000${to}`)) problems.push({ rule: 'DUPLICATE_TRANSITION', from, to });
    seen.add(`${from}\u0000${to}`);
  }

  if (!workflow.statuses.some((s) => s.category === 'closed')) problems.push({ rule: 'NO_CLOSED_STATUS' });

  // A status nobody can reach would strand the configuration: no order could ever be in it.
  if (initial) {
    const reached = reachableFrom(workflow, initial.key);
    for (const key of keys) if (!reached.has(key)) problems.push({ rule: 'UNREACHABLE_STATUS', status: key });
  }
  return problems;
}

function reachableFrom(workflow: Workflow, start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const { from, to } of workflow.transitions) next.set(from, [...(next.get(from) ?? []), to]);
  const reached = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const to of next.get(queue.shift()!) ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  return reached;
}

