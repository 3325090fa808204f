import type { ColumnType, Generated } from 'kysely';
import type { ActionSpec, ConditionSpec, Trigger } from './schema.ts';

type Json<T> = ColumnType<T, string | undefined, string>;

export interface AutomationRulesTable {
  id: Generated<string>;
  name: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  position: ColumnType<number, number | undefined, number>;
  trigger: Trigger;
  conditions: Json<ConditionSpec[]>;
  actions: Json<ActionSpec[]>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** What one action did in one run; kept in the log and in the timeline event. */
export interface ActionOutcome {
  type: ActionSpec['type'];
  status: 'done' | 'skipped' | 'failed';
  /** Why it was skipped (an error code such as TRANSITION_NOT_ALLOWED, or 'unchanged') or why it failed. */
  reason?: string;
}

export interface AutomationRuleRunsTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  rule_id: string | null;
  rule_name: string;
  work_order_id: string;
  event_id: number | null;
  event_type: string;
  trigger: string;
  matched: boolean;
  conditions: Json<boolean[]>;
  actions: Json<ActionOutcome[]>;
  error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface AutomationTables {
  automation_rules: AutomationRulesTable;
  automation_rule_runs: AutomationRuleRunsTable;
}
