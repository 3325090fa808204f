import type { ColumnType, Generated } from 'kysely';

export type StockReason = 'adjustment' | 'material_used' | 'material_returned';

export interface StockItemsTable {
  id: Generated<string>;
  code: string;
  name: string;
  unit: string;
  quantity_on_hand: ColumnType<number, number | undefined, number>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface StockMovementsTable {
  id: Generated<number>;
  stock_item_id: string;
  delta: number;
  quantity_after: number;
  reason: StockReason;
  note: ColumnType<string, string | undefined, string>;
  work_order_id: string | null;
  actor_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface StockTables {
  stock_items: StockItemsTable;
  stock_movements: StockMovementsTable;
}
