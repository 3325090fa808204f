import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type RequestedAction = 'return' | 'exchange' | 'repair';
export type RmaDecision = RequestedAction | 'reject';
export type RmaStatus = 'requested' | 'received' | 'inspected' | 'decided' | 'shipped' | 'closed';
export type InspectionResult = 'fault_confirmed' | 'no_fault_found' | 'customer_damage';

export interface RmaFormsTable {
  work_order_id: string;
  requested_action: RequestedAction;
  status: Defaulted<RmaStatus>;
  notes: Defaulted<string>;
  created_by: string;
  received_at: Nullable<Date>;
  received_by: Nullable<string>;
  receipt_notes: Defaulted<string>;
  quantity_mismatch: Defaulted<boolean>;
  inspected_at: Nullable<Date>;
  inspected_by: Nullable<string>;
  inspection_notes: Defaulted<string>;
  decision: Nullable<RmaDecision>;
  decision_reason: Defaulted<string>;
  in_warranty: Nullable<boolean>;
  warranty_computed: Nullable<boolean>;
  warranty_override_reason: Nullable<string>;
  /** integer cents; bigint is parsed to a number by the database layer */
  charge_cents: Nullable<number>;
  decided_at: Nullable<Date>;
  decided_by: Nullable<string>;
  carrier: Nullable<string>;
  tracking_no: Nullable<string>;
  shipped_at: Nullable<Date>;
  shipped_by: Nullable<string>;
  closed_at: Nullable<Date>;
  closed_by: Nullable<string>;
  closing_notes: Defaulted<string>;
  created_at: Created;
  updated_at: Updated;
}

export interface RmaItemsTable {
  id: Generated<string>;
  work_order_id: string;
  position: number;
  asset_id: Nullable<string>;
  product: string;
  serial: Defaulted<string>;
  quantity: number;
  fault_description: Defaulted<string>;
  received_quantity: Nullable<number>;
  inspection_result: Nullable<InspectionResult>;
  inspection_notes: Defaulted<string>;
  in_warranty: Nullable<boolean>;
}

export interface ReturnTables {
  rma_forms: RmaFormsTable;
  rma_items: RmaItemsTable;
}
