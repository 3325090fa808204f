import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type RoutingMode = 'off' | 'roundRobin' | 'leastOpen';

export interface DutyTeamsTable {
  team_id: string;
  time_zone: Defaulted<string>;
  routing_mode: Defaulted<RoutingMode>;
  routed_type_keys: Defaulted<string[]>;
  last_routed_user_id: Nullable<string>;
  updated_by: Nullable<string>;
  updated_at: Updated;
}

export interface DutyShiftsTable {
  id: Generated<string>;
  team_id: string;
  name: string;
  start_minute: number;
  end_minute: number;
  weekdays: Defaulted<number[]>;
  position: Defaulted<number>;
  archived_at: Nullable<Date>;
  created_at: Created;
  updated_at: Updated;
}

export interface DutyPatternTable {
  shift_id: string;
  weekday: number;
  user_ids: Defaulted<string[]>;
}

export interface DutyOverridesTable {
  shift_id: string;
  /** YYYY-MM-DD (the pg driver is set to return dates as text). */
  on_date: string;
  user_ids: Defaulted<string[]>;
  note: Defaulted<string>;
  updated_by: Nullable<string>;
  updated_at: Updated;
}

export interface DutyTables {
  duty_teams: DutyTeamsTable;
  duty_shifts: DutyShiftsTable;
  duty_pattern: DutyPatternTable;
  duty_overrides: DutyOverridesTable;
}
