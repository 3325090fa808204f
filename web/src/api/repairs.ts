/** Repair dispatch (/api/v1/work-orders/:id/repair, /api/v1/repair/visits/today): the technician's day and visit steps. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, put } from './client';
import type { OutboundMessage } from './outbound';

export type VisitStatus = 'scheduled' | 'en_route' | 'on_site' | 'done' | 'nobody_home' | 'cancelled';

export interface TodayVisit {
  visitId: string;
  workOrderId: string;
  number: string;
  subject: string;
  status: VisitStatus;
  orderStatus: string;
  appointmentStart: string;
  appointmentEnd: string;
  customer: { id: string; name: string; address: string };
  contact: { name: string; phone: string | null } | null;
  asset: { id: string; name: string; model: string } | null;
}

export interface Visit {
  id: string;
  technician: { id: string; name: string } | null;
  appointmentStart: string;
  appointmentEnd: string;
  status: VisitStatus;
  arrivedAt: string | null;
  findings: string;
  solution: string;
}

export interface QuoteLine {
  id: string;
  code: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
  chargedCents: number;
  free: boolean;
  approval: 'not_needed' | 'pending' | 'approved';
}

export type StockReason = 'adjustment' | 'material_used' | 'material_returned';

/** A stock movement caused by this order (staff only). */
export interface OrderStockMovement {
  id: number;
  stockItem: { id: string; code: string; name: string; unit: string };
  delta: number;
  quantityAfter: number;
  reason: StockReason;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

export interface Repair {
  workOrderId: string;
  dispatched: boolean;
  technician: { id: string; name: string } | null;
  visits: Visit[];
  warranty: { inWarranty: boolean; serviceDay: string };
  quote: { lines: QuoteLine[]; totalCents: number; chargedCents: number; pendingApproval: boolean; decision: 'accepted' | 'refused' | null };
  materials: Material[];
  stockMovements: OrderStockMovement[];
  acceptance: { accepted: boolean; method: 'signature' | 'code' | null; codePending: boolean; codeMessage?: OutboundMessage | null };
  abilities: { dispatch: boolean; actOnVisit: boolean; supervise: boolean; decideQuote: boolean; editQuote: boolean };
}

export interface PriceItem {
  id: string;
  code: string;
  name: string;
  unit: string;
  priceCents: number;
  category: string;
}

/** ¥ from integer cents without floating point: whole yuan and the two-digit remainder. */
export function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}¥${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function useTodayVisits() {
  return useQuery({ queryKey: ['repairs', 'today'], queryFn: () => get<{ items: TodayVisit[] }>('/repair/visits/today') });
}

export function useRepair(workOrderId: string) {
  return useQuery({ queryKey: ['repairs', workOrderId], queryFn: () => get<Repair>(`/work-orders/${workOrderId}/repair`) });
}

export function usePriceItems() {
  return useQuery({ queryKey: ['priceItems'], queryFn: () => get<{ items: PriceItem[] }>('/price-items') });
}

/** Each step may change the order too (status, timeline), so both are refreshed. */
export function useRepairStep<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['repairs'] });
      queryClient.invalidateQueries({ queryKey: ['workOrders'] });
    },
  });
}

const base = (id: string) => `/work-orders/${id}/repair`;

export const repairApi = {
  visitStep: (id: string, visitId: string, step: 'depart' | 'arrive' | 'complete') => post<Repair>(`${base(id)}/visits/${visitId}/${step}`),
  record: (id: string, visitId: string, body: { findings?: string; solution?: string }) =>
    post<Repair>(`${base(id)}/visits/${visitId}/record`, body),
  addLine: (id: string, priceItemId: string, quantity: number) => post<Repair>(`${base(id)}/quote/lines`, { priceItemId, quantity }),
  /** A line not on the price list; it waits for a supervisor's approval. */
  addCustomLine: (id: string, custom: CustomLine, quantity: number) => post<Repair>(`${base(id)}/quote/lines`, { custom, quantity }),
  removeLine: (id: string, lineId: string) => del<Repair>(`${base(id)}/quote/lines/${lineId}`),
  decide: (id: string, decision: 'accept' | 'refuse') => post<Repair>(`${base(id)}/quote/decision`, { decision }),
  sign: (id: string, signature: string) => post<Repair>(`${base(id)}/acceptance/signature`, { signature }),
  resolve: (id: string) => post(`/work-orders/${id}/transitions`, { to: 'resolved' }),
};

export const PRICE_CATEGORIES = ['labour', 'parts', 'travel', 'other'] as const;
export interface CustomLine {
  name: string;
  unit: string;
  category: (typeof PRICE_CATEGORIES)[number];
  unitPriceCents: number;
}

export const supervisorApi = {
  dispatch: (id: string, body: { technicianId: string; appointmentStart: string; appointmentEnd: string; note?: string }) =>
    post<Repair>(`${base(id)}/dispatch`, body),
  approveLine: (id: string, lineId: string) => post<Repair>(`${base(id)}/quote/lines/${lineId}/approve`),
  overrideWarranty: (id: string, inWarranty: boolean, reason: string) => put<Repair>(`${base(id)}/warranty`, { inWarranty, reason }),
};

export interface StockItem {
  id: string;
  code: string;
  name: string;
  unit: string;
  quantityOnHand: number;
}

export interface Material {
  id: string;
  stockItem: { id: string; code: string; name: string; unit: string };
  quantity: number;
  customerSupplied: boolean;
}

export function useStockItems() {
  return useQuery({ queryKey: ['stockItems'], queryFn: () => get<{ items: StockItem[] }>('/stock-items') });
}

export const siteApi = {
  nobodyHome: (id: string, visitId: string, body: { noteLeft: string; nextAppointmentStart: string; nextAppointmentEnd: string }) =>
    post<Repair>(`${base(id)}/visits/${visitId}/nobody-home`, body),
  addMaterial: (id: string, body: { stockItemId: string; quantity: number; customerSupplied: boolean }) => post<Repair>(`${base(id)}/materials`, body),
  returnMaterial: (id: string, materialId: string) => del<Repair>(`${base(id)}/materials/${materialId}`),
};

export function useAllPriceItems() {
  return useQuery({ queryKey: ['priceItems', 'all'], queryFn: () => get<{ items: (PriceItem & { archived: boolean })[] }>('/price-items', { includeArchived: 'true' }) });
}

export function useAllStockItems() {
  return useQuery({ queryKey: ['stockItems', 'all'], queryFn: () => get<{ items: (StockItem & { archived: boolean })[] }>('/stock-items', { includeArchived: 'true' }) });
}

/** Price list and stock maintenance; both lists are refreshed after any change. */
export function useRepairConfigChange<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['priceItems'] });
      queryClient.invalidateQueries({ queryKey: ['stockItems'] });
    },
  });
}

export const repairConfigApi = {
  createPriceItem: (body: { code: string; name: string; unit: string; priceCents: number; category: string }) => post('/price-items', body),
  updatePriceItem: (id: string, body: { priceCents?: number; archived?: boolean }) => patch(`/price-items/${id}`, body),
  createStockItem: (body: { code: string; name: string; unit: string; quantityOnHand: number }) => post('/stock-items', body),
  adjustStock: (id: string, delta: number, note: string) => post(`/stock-items/${id}/adjustments`, { delta, note }),
  updateStockItem: (id: string, body: { archived?: boolean }) => patch(`/stock-items/${id}`, body),
};

/** Parses "12.5" / "12.50" yuan into integer cents without floating point; null if malformed. */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export const codeApi = {
  send: (id: string) => post<Repair>(`${base(id)}/acceptance/code`),
  verify: (id: string, code: string) => post<Repair>(`${base(id)}/acceptance/verify`, { code }),
};
