/** Evaluating a rule's conditions against an order: pure, all conditions must hold. */
import type { OrderFacts } from './facts.ts';
import type { ConditionSpec } from './schema.ts';

function among(actual: string | null, op: 'in' | 'notIn', values: readonly string[]): boolean {
  const hit = actual !== null && values.includes(actual);
  return op === 'in' ? hit : !hit;
}

function refOrEmpty(actual: string | null, op: 'in' | 'notIn' | 'isEmpty' | 'isNotEmpty', values: readonly string[]): boolean {
  if (op === 'isEmpty') return actual === null;
  if (op === 'isNotEmpty') return actual !== null;
  return among(actual, op, values);
}

/** Text search ignores case; tags match whole tags, case-insensitively. */
function contains(haystack: string | string[], op: 'contains' | 'notContains', needle: string): boolean {
  const n = needle.toLowerCase();
  const hit = Array.isArray(haystack) ? haystack.some((t) => t.toLowerCase() === n) : haystack.toLowerCase().includes(n);
  return op === 'contains' ? hit : !hit;
}

export function conditionHolds(c: ConditionSpec, o: OrderFacts): boolean {
  switch (c.field) {
    case 'type':
      return among(o.typeKey, c.op, c.values);
    case 'priority':
      return among(o.priority, c.op, c.values);
    case 'channel':
      return among(o.channel, c.op, c.values);
    case 'status':
      return among(o.status, c.op, c.values);
    case 'statusCategory':
      return among(o.statusCategory, c.op, c.values);
    case 'customerTier':
      return among(o.customerTier, c.op, c.values);
    case 'classification':
      return among(o.classification[c.setKey] ?? null, c.op, c.values);
    case 'team':
      return refOrEmpty(o.teamId, c.op, c.values);
    case 'assignee':
      return refOrEmpty(o.assigneeId, c.op, c.values);
    case 'tags':
      return contains(o.tags, c.op, c.value);
    case 'subject':
      return contains(o.subject, c.op, c.value);
    case 'description':
      return contains(o.description, c.op, c.value);
    case 'createdBy':
      return o.createdBy === c.value;
  }
}

/** Each condition's result, and whether the rule matches (no conditions = always). */
export function evaluate(conditions: readonly ConditionSpec[], o: OrderFacts): { results: boolean[]; matched: boolean } {
  const results = conditions.map((c) => conditionHolds(c, o));
  return { results, matched: results.every(Boolean) };
}
