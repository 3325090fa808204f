import type { ColumnType, Generated } from 'kysely';

export interface EventsTable {
  id: Generated<number>;
  occurred_at: ColumnType<Date, Date | undefined, never>;
  actor_id: string | null;
  subject_type: string;
  subject_id: string;
  type: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  public: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EventTables {
  events: EventsTable;
  settings: SettingsTable;
}
