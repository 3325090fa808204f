import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type ReceivedVia = 'phone' | 'email' | 'portal' | 'visit' | 'letter' | 'other';
export type ActionKind = 'corrective' | 'preventive';
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface ComplaintsTable {
  work_order_id: string;
  complainant_name: Defaulted<string>;
  complainant_contact: Defaulted<string>;
  received_via: ReceivedVia;
  received_at: Date;
  content: Defaulted<string>;
  first_reply_due_at: Date;
  company_at_fault: Nullable<boolean>;
  responsibility_explanation: Defaulted<string>;
  root_cause: Defaulted<string>;
  verified_at: Nullable<Date>;
  verified_by: Nullable<string>;
  verification_effective: Nullable<boolean>;
  verification_notes: Defaulted<string>;
  final_reply: Nullable<string>;
  final_replied_at: Nullable<Date>;
  satisfaction_score: Nullable<number>;
  satisfaction_comment: Defaulted<string>;
  satisfaction_by: Nullable<string>;
  created_at: Created;
  updated_at: Updated;
}

export interface ComplaintActionsTable {
  id: Generated<string>;
  work_order_id: string;
  kind: ActionKind;
  description: string;
  owner_id: string;
  due_on: string;
  status: Defaulted<ActionStatus>;
  created_by: string;
  created_at: Created;
  updated_at: Updated;
}

export interface ComplaintTables {
  complaints: ComplaintsTable;
  complaint_actions: ComplaintActionsTable;
}
