/** Return/exchange/repair forms (/api/v1/work-orders/:id/rma) and their steps. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, del, get, patch, post } from './client';

export const REQUESTED_ACTIONS = ['return', 'exchange', 'repair'] as const;
export const DECISIONS = ['return', 'exchange', 'repair', 'reject'] as const;
export const INSPECTION_RESULTS = ['fault_confirmed', 'no_fault_found', 'customer_damage'] as const;
export type RequestedAction = (typeof REQUESTED_ACTIONS)[number];
export type Decision = (typeof DECISIONS)[number];
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export type RmaStep = 'receipt' | 'inspection' | 'decision' | 'shipment' | 'close';

export interface RmaItem {
  id: string;
  assetId: string | null;
  product: string;
  serial: string;
  quantity: number;
  faultDescription: string;
  receivedQuantity: number | null;
  quantityMismatch: boolean;
  inspectionResult: InspectionResult | null;
  inspectionNotes?: string;
  inWarranty: boolean;
  warrantyBasis: 'asset' | 'contract' | 'none';
}

export interface Rma {
  workOrderId: string;
  requestedAction: RequestedAction;
  status: 'requested' | 'received' | 'inspected' | 'decided' | 'shipped' | 'closed';
  notes: string;
  items: RmaItem[];
  receivedAt: string | null;
  quantityMismatch: boolean;
  inspectedAt: string | null;
  inspectionNotes?: string;
  warranty: { serviceDay: string; inWarranty: boolean; computed: boolean; overrideReason?: string | null };
  decision: { decision: Decision; reason: string; chargeable: boolean; chargeCents: number; decidedAt: string } | null;
  shipment: { carrier: string; trackingNo: string; shippedAt: string } | null;
  closedAt: string | null;
  nextSteps: RmaStep[];
  abilities: { edit: boolean; editItems: boolean; inspect: boolean; overrideWarranty: boolean };
}

const base = (id: string) => `/work-orders/${id}/rma`;

/** null when the order has no form yet (the server answers 404 RMA_NOT_FOUND). */
export function useRma(id: string) {
  return useQuery({
    queryKey: ['rma', id],
    queryFn: async () => {
      try {
        return await get<Rma>(base(id));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'RMA_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

function useStep<V extends { id: string }>(path: (vars: V) => string, body: (vars: V) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => post<Rma>(path(vars), body(vars)),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['rma'] });
      queryClient.invalidateQueries({ queryKey: ['workOrders'] });
    },
  });
}

const without = <V extends { id: string }>({ id: _id, ...rest }: V) => rest;

export interface NewRmaItem {
  assetId?: string;
  product: string;
  serial: string;
  quantity: number;
  faultDescription: string;
}
export const useCreateRma = () =>
  useStep((v: { id: string; requestedAction: RequestedAction; items: NewRmaItem[] }) => base(v.id), without);
export const useRmaStep = () =>
  useStep((v: { id: string; step: RmaStep; body: Record<string, unknown> }) => `${base(v.id)}/${v.step}`, (v) => v.body);

/** Item edits (until the goods are received): add, change (only the given fields), remove. */
export type RmaItemEdit =
  | { id: string; op: 'add'; body: NewRmaItem }
  | { id: string; op: 'update'; itemId: string; body: Partial<Omit<NewRmaItem, 'assetId'>> & { assetId?: string | null } }
  | { id: string; op: 'remove'; itemId: string };

export function useRmaItemEdit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: RmaItemEdit) => {
      if (edit.op === 'add') return post<Rma>(`${base(edit.id)}/items`, edit.body);
      if (edit.op === 'update') return patch<Rma>(`${base(edit.id)}/items/${edit.itemId}`, edit.body);
      return del<Rma>(`${base(edit.id)}/items/${edit.itemId}`);
    },
    onSuccess: (rma) => {
      queryClient.setQueryData(['rma', rma.workOrderId], rma);
      queryClient.invalidateQueries({ queryKey: ['workOrders'] });
    },
  });
}
