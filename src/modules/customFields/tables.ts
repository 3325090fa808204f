import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | undefined, never>;
type Archived = ColumnType<Date | null, Date | null | undefined, Date | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type CustomFieldEntity = 'customer' | 'work_order';
export type CustomFieldKind = 'text' | 'number' | 'date' | 'select';
export interface CustomFieldOption {
  key: string;
  label: string;
  labelEn?: string;
}

export interface CustomFieldDefsTable {
  id: Generated<string>;
  entity: CustomFieldEntity;
  key: string;
  label: string;
  label_en: ColumnType<string, string | undefined, string>;
  kind: CustomFieldKind;
  options: Json<CustomFieldOption[]>;
  position: ColumnType<number, number | undefined, number>;
  archived_at: Archived;
  created_at: Created;
}

export interface CustomFieldTables {
  custom_field_defs: CustomFieldDefsTable;
}
