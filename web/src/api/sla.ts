/** Service levels of work orders: an order's clocks and the breach log (the policies are in slaPolicies.ts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from './client';
import type { SlaClock, SlaMode } from './slaPolicies';
import type { Page } from './types';

export type SlaState = 'running' | 'paused' | 'met' | 'breached';
export const SLA_FILTERS = ['breached', 'dueSoon', 'running'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

export interface SlaClockView {
  clock: SlaClock;
  mode: SlaMode;
  targetSeconds: number;
  startedAt: string;
  /** Null while paused. */
  dueAt: string | null;
  pausedSince: string | null;
  stoppedAt: string | null;
  state: SlaState;
  breachedAt: string | null;
  warnedAt: string | null;
}

export interface OrderSla {
  policy: { id: string; name: string } | null;
  clocks: SlaClockView[];
  /** The server's time when it answered: countdowns correct the browser's clock by it. */
  serverNow: string;
}

/** The order's clocks, with the browser's clock offset (server minus browser, ms) measured at receipt. */
export function useOrderSla(workOrderId: string) {
  return useQuery({
    // Under ['workOrders', …]: replies and transitions invalidate it like the order itself.
    queryKey: ['workOrders', 'sla', workOrderId],
    queryFn: async () => {
      const reply = await get<OrderSla>(`/work-orders/${workOrderId}/sla`);
      return { ...reply, skewMs: new Date(reply.serverNow).getTime() - Date.now() };
    },
    // A breach is decided by the server's timer: look again now and then.
    refetchInterval: 30_000,
  });
}

export interface SlaBreach {
  id: string;
  workOrderId: string;
  number: string;
  subject: string;
  clock: SlaClock;
  policyName: string;
  dueAt: string;
  breachedAt: string;
  teamId: string | null;
  assigneeId: string | null;
}

export interface BreachQuery {
  clock?: SlaClock;
  page: number;
  pageSize: number;
}

export function useSlaBreaches(query: BreachQuery) {
  return useQuery({
    queryKey: ['slaBreaches', query],
    queryFn: () => get<Page<SlaBreach>>('/sla/breaches', { ...query }),
    placeholderData: keepPreviousData,
  });
}
