import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string | undefined, string>;

export const CLOCKS = ['firstResponse', 'nextResponse', 'resolution', 'callback', 'handling', 'complaintReply'] as const;
export type ClockKind = (typeof CLOCKS)[number];
export type TimeMode = 'business' | 'calendar';
export type ClockState = 'running' | 'paused' | 'met' | 'breached';
export const ACTION_TYPES = ['notifyAssignee', 'notifyTeamLead', 'notifyFirstContact', 'reassignToTeamLead', 'raisePriority'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface Target {
  clock: ClockKind;
  seconds: number;
  mode: TimeMode;
}
export interface Escalation {
  clock: ClockKind;
  atPercent: number;
  actions: Array<{ type: ActionType }>;
}
export interface Step {
  atPercent: number;
  actions: Array<{ type: ActionType }>;
}
export interface StoredPause {
  from: string;
  to: string;
}

export interface SlaPoliciesTable {
  id: Generated<string>;
  name: string;
  position: Defaulted<number>;
  active: Defaulted<boolean>;
  calendar_id: Nullable<string>;
  match_tier_keys: Defaulted<string[]>;
  match_type_keys: Defaulted<string[]>;
  match_priorities: Defaulted<string[]>;
  match_channels: Defaulted<string[]>;
  targets: Json<Target[]>;
  escalations: Json<Escalation[]>;
  created_at: Created;
  updated_at: Updated;
}

export interface WorkOrderSlaClocksTable {
  id: Generated<string>;
  work_order_id: string;
  policy_id: string;
  clock: ClockKind;
  mode: TimeMode;
  target_seconds: number;
  calendar_id: Nullable<string>;
  started_at: Date;
  pauses: Json<StoredPause[]>;
  paused_since: Nullable<Date>;
  due_at: Nullable<Date>;
  steps: Json<Step[]>;
  fired: Defaulted<number[]>;
  warned_at: Nullable<Date>;
  breached_at: Nullable<Date>;
  stopped_at: Nullable<Date>;
  superseded_at: Nullable<Date>;
  state: ClockState;
  job_id: Nullable<string>;
  job_percent: Nullable<number>;
  job_at: Nullable<Date>;
  created_at: Created;
  updated_at: Updated;
}

export type SlaEventKind = 'start' | 'pause' | 'resume' | 'warning' | 'breach' | 'fulfil' | 'retarget' | 'cancel';

export interface SlaEventsTable {
  id: Generated<number>;
  work_order_id: string;
  clock_id: string;
  clock: ClockKind;
  kind: SlaEventKind;
  at: Date;
  data: Json<Record<string, unknown>>;
}

export interface SlaBreachesTable {
  id: Generated<string>;
  clock_id: string;
  work_order_id: string;
  clock: ClockKind;
  policy_id: string;
  policy_name: string;
  due_at: Date;
  breached_at: Date;
  team_id: Nullable<string>;
  assignee_id: Nullable<string>;
  created_at: Created;
}

export interface SlaTables {
  sla_policies: SlaPoliciesTable;
  work_order_sla_clocks: WorkOrderSlaClocksTable;
  sla_events: SlaEventsTable;
  sla_breaches: SlaBreachesTable;
}
