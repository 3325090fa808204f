/** Stock movements (/api/v1/stock-items/:id/movements), paged, newest first. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from './client';
import type { StockReason } from './repairs';

export interface StockMovement {
  id: number;
  delta: number;
  quantityAfter: number;
  reason: StockReason;
  note: string;
  /** Named only when the reader may see the order; hiddenWorkOrder says one is there. */
  workOrder: { id: string; number: string } | null;
  hiddenWorkOrder: boolean;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

export interface MovementPage {
  items: StockMovement[];
  total: number;
  page: number;
  pageSize: number;
}

export function useStockMovements(stockItemId: string, page: number, pageSize = 10) {
  return useQuery({
    // Under 'stockItems' so an adjustment refreshes the open movement lists too.
    queryKey: ['stockItems', stockItemId, 'movements', page, pageSize],
    queryFn: () => get<MovementPage>(`/stock-items/${stockItemId}/movements`, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
