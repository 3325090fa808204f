import type { Selectable } from 'kysely';
import type { RuleView } from './schema.ts';
import type { AutomationRulesTable } from './tables.ts';

export function presentRule(row: Selectable<AutomationRulesTable>): RuleView {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    position: row.position,
    trigger: row.trigger,
    conditions: row.conditions,
    actions: row.actions,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
