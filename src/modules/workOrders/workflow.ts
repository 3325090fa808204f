/**
 * Reading a work order type's workflow: statuses with localized names, and which
 * transitions leave a status. The workflow JSON is edited by administrators, so
 * every lookup tolerates a status that has since been removed.
 */
import type { Tx } from '../../lib/context.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { StatusCategory, Workflow, WorkflowStatus } from './tables.ts';

export interface TypeInfo {
  key: string;
  name: string;
  nameEn: string;
  workflow: Workflow;
}

export interface StatusRef {
  key: string;
  name: string;
  category: StatusCategory;
}

export function findStatus(workflow: Workflow, key: string): WorkflowStatus | undefined {
  return workflow.statuses.find((s) => s.key === key);
}

export function statusRef(workflow: Workflow | undefined, key: string, category: StatusCategory, lang: Lang): StatusRef {
  const s = workflow ? findStatus(workflow, key) : undefined;
  if (!s) return { key, name: key, category };
  return { key, name: lang === 'en' ? s.nameEn || s.name : s.name, category: s.category };
}

/** Statuses reachable from `from` in one step, in the workflow's order. */
export function nextStatuses(workflow: Workflow, from: string): WorkflowStatus[] {
  const targets = new Set(workflow.transitions.filter((t) => t.from === from).map((t) => t.to));
  return workflow.statuses.filter((s) => targets.has(s.key));
}

export function typeName(type: TypeInfo | undefined, key: string, lang: Lang): string {
  if (!type) return key;
  return lang === 'en' ? type.nameEn || type.name : type.name;
}

/** Types by key (a small table; one query per request that needs names or workflows). */
export async function loadTypes(tx: Tx, keys: string[]): Promise<Map<string, TypeInfo>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .selectFrom('work_order_types')
    .select(['key', 'name', 'name_en', 'workflow'])
    .where('key', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.key, { key: r.key, name: r.name, nameEn: r.name_en, workflow: r.workflow }]));
}
