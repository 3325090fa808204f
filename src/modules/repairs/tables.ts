import type { ColumnType, Generated } from 'kysely';
import type { PriceCategory } from '../priceList/tables.ts';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Created = ColumnType<Date, Date | undefined, never>;

export type VisitStatus = 'scheduled' | 'en_route' | 'on_site' | 'done' | 'nobody_home' | 'cancelled';

export interface RepairOrdersTable {
  work_order_id: string;
  dispatcher_id: string;
  technician_id: string;
  dispatched_at: ColumnType<Date, Date | undefined, Date>;
  warranty_override: Nullable<boolean>;
  warranty_override_reason: Nullable<string>;
  quote_decision: Nullable<'accepted' | 'refused'>;
  quote_decided_at: Nullable<Date>;
  quote_decided_by: Nullable<string>;
  accepted_at: Nullable<Date>;
  acceptance_method: Nullable<'signature' | 'code'>;
  signature_key: Nullable<string>;
  code_hash: Nullable<string>;
  code_contact_id: Nullable<string>;
  code_expires_at: Nullable<Date>;
  code_attempts: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface RepairVisitsTable {
  id: Generated<string>;
  work_order_id: string;
  technician_id: string;
  appointment_start: Date;
  appointment_end: Date;
  status: ColumnType<VisitStatus, VisitStatus | undefined, VisitStatus>;
  departed_at: Nullable<Date>;
  arrived_at: Nullable<Date>;
  finished_at: Nullable<Date>;
  findings: ColumnType<string, string | undefined, string>;
  solution: ColumnType<string, string | undefined, string>;
  note_left: ColumnType<string, string | undefined, string>;
  created_at: Created;
}

export interface RepairQuoteLinesTable {
  id: Generated<string>;
  work_order_id: string;
  price_item_id: string | null;
  code: ColumnType<string, string | undefined, string>;
  name: string;
  unit: string;
  category: PriceCategory;
  unit_price_cents: number;
  quantity: number;
  approval: 'not_needed' | 'pending' | 'approved';
  approved_by: Nullable<string>;
  created_by: string;
  created_at: Created;
}

export interface RepairMaterialsTable {
  id: Generated<string>;
  work_order_id: string;
  stock_item_id: string;
  quantity: number;
  customer_supplied: boolean;
  created_by: string;
  created_at: Created;
}

export interface RepairTables {
  repair_orders: RepairOrdersTable;
  repair_visits: RepairVisitsTable;
  repair_quote_lines: RepairQuoteLinesTable;
  repair_materials: RepairMaterialsTable;
}
