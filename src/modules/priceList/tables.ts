import type { ColumnType, Generated } from 'kysely';

export type PriceCategory = 'labour' | 'parts' | 'travel' | 'other';

export interface PriceItemsTable {
  id: Generated<string>;
  code: string;
  name: string;
  unit: string;
  price_cents: number;
  category: PriceCategory;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PriceListTables {
  price_items: PriceItemsTable;
}
