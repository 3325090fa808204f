import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Archived = ColumnType<Date | null, Date | null | undefined, Date | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string | undefined, string>;
/** tsvector: read as text, written through sql (array_to_tsvector). */
type TsVector = ColumnType<string, unknown, unknown>;

export interface CategorySetsTable {
  key: string;
  name: string;
  name_en: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
  archived_at: Archived;
}

export interface CategoryOptionsTable {
  set_key: string;
  key: string;
  name: string;
  name_en: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
  archived_at: Archived;
}

export interface ServiceTiersTable {
  key: string;
  name: string;
  name_en: ColumnType<string, string | undefined, string>;
  rank: ColumnType<number, number | undefined, number>;
  archived_at: Archived;
}

export interface CustomersTable {
  id: Generated<string>;
  name: string;
  credit_code: string | null;
  province: ColumnType<string, string | undefined, string>;
  city: ColumnType<string, string | undefined, string>;
  county: ColumnType<string, string | undefined, string>;
  address: ColumnType<string, string | undefined, string>;
  phones: ColumnType<string[], string[] | undefined, string[]>;
  email: ColumnType<string, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  classification: Json<Record<string, string>>;
  tier: string | null;
  custom_fields: Json<Record<string, unknown>>;
  completeness: ColumnType<number, number | undefined, number>;
  search: TsVector;
  archived_at: Archived;
  created_by: string | null;
  created_at: Created;
  updated_at: Updated;
}

export interface ContactsTable {
  id: Generated<string>;
  customer_id: string;
  name: string;
  phones: ColumnType<string[], string[] | undefined, string[]>;
  email: ColumnType<string, string | undefined, string>;
  position: ColumnType<string, string | undefined, string>;
  birthday: string | null;
  notes: ColumnType<string, string | undefined, string>;
  archived_at: Archived;
  created_at: Created;
  updated_at: Updated;
}

export interface AssetsTable {
  id: Generated<string>;
  customer_id: string;
  kind: 'product' | 'device' | 'site' | 'system';
  name: string;
  model: ColumnType<string, string | undefined, string>;
  serial: ColumnType<string, string | undefined, string>;
  install_date: string | null;
  warranty_end: string | null;
  notes: ColumnType<string, string | undefined, string>;
  archived_at: Archived;
  created_at: Created;
  updated_at: Updated;
}

export interface ContractsTable {
  id: Generated<string>;
  customer_id: string;
  number: string;
  starts_on: string | null;
  ends_on: string | null;
  service_terms: ColumnType<string, string | undefined, string>;
  archived_at: Archived;
  created_at: Created;
  updated_at: Updated;
}

export interface CustomerTables {
  category_sets: CategorySetsTable;
  category_options: CategoryOptionsTable;
  service_tiers: ServiceTiersTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  assets: AssetsTable;
  contracts: ContractsTable;
}
