import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type TsVector = ColumnType<string, unknown, unknown>;

export type StatusCategory = 'new' | 'open' | 'pending' | 'resolved' | 'closed';
export type Channel = 'phone' | 'email' | 'portal' | 'visit' | 'chat' | 'api' | 'monitoring';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface WorkflowStatus {
  key: string;
  name: string;
  nameEn: string;
  category: StatusCategory;
}

export interface Workflow {
  initial: string;
  statuses: WorkflowStatus[];
  transitions: Array<{ from: string; to: string }>;
}

export interface WorkOrderTypesTable {
  key: string;
  name: string;
  name_en: ColumnType<string, string | undefined, string>;
  workflow: Json<Workflow>;
  default_team_id: Nullable<string>;
  position: ColumnType<number, number | undefined, number>;
  archived_at: Nullable<Date>;
  created_at: Created;
  updated_at: Updated;
}

export interface WorkOrderCountersTable {
  day: string;
  last: number;
}

export interface WorkOrdersTable {
  id: Generated<string>;
  number: string;
  type_key: string;
  channel: Channel;
  subject: string;
  description: ColumnType<string, string | undefined, string>;
  customer_id: string;
  contact_id: Nullable<string>;
  asset_id: Nullable<string>;
  priority: Priority;
  status: string;
  status_category: StatusCategory;
  team_id: Nullable<string>;
  assignee_id: Nullable<string>;
  first_contact_id: Nullable<string>;
  created_by: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  custom_fields: Json<Record<string, unknown>>;
  due_at: Nullable<Date>;
  /** Kept by the SLA module: the most urgent live clock's due time and state (queues sort by it). */
  sla_due_at: Nullable<Date>;
  sla_state: Nullable<'running' | 'paused' | 'met' | 'breached'>;
  first_responded_at: Nullable<Date>;
  resolved_at: Nullable<Date>;
  closed_at: Nullable<Date>;
  search: TsVector;
  created_at: Created;
  updated_at: Updated;
}

export interface WorkOrderCollaboratorsTable {
  work_order_id: string;
  user_id: string;
}

export interface AttachmentsTable {
  id: Generated<string>;
  work_order_id: string;
  event_id: Nullable<number>;
  filename: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  public: ColumnType<boolean, boolean | undefined, boolean>;
  uploaded_by: string;
  created_at: Created;
}

export interface SavedViewsTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  filters: Json<Record<string, unknown>>;
  created_at: Created;
}

export interface WorkOrderTables {
  work_order_types: WorkOrderTypesTable;
  work_order_counters: WorkOrderCountersTable;
  work_orders: WorkOrdersTable;
  work_order_collaborators: WorkOrderCollaboratorsTable;
  attachments: AttachmentsTable;
  saved_views: SavedViewsTable;
}
