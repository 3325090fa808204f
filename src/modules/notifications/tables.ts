import type { ColumnType, Generated } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface NotificationsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  user_id: string;
  kind: string;
  work_order_id: Nullable<string>;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  actor_id: Nullable<string>;
  read_at: Nullable<Date>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface NotificationPreferencesTable {
  user_id: string;
  muted_kinds: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}
