/** SLA policies (服务级别策略): matched in order; targets per clock and escalation steps. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from './client';

export const SLA_CLOCKS = ['firstResponse', 'nextResponse', 'resolution', 'callback', 'handling', 'complaintReply'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];
export const SLA_ACTIONS = ['notifyAssignee', 'notifyTeamLead', 'notifyFirstContact', 'reassignToTeamLead', 'raisePriority'] as const;
export type SlaAction = (typeof SLA_ACTIONS)[number];
export type SlaMode = 'business' | 'calendar';

export interface SlaTarget {
  clock: SlaClock;
  seconds: number;
  mode: SlaMode;
}

export interface SlaEscalation {
  clock: SlaClock;
  atPercent: number;
  actions: { type: SlaAction }[];
}

export interface SlaMatch {
  tierIds: string[];
  typeKeys: string[];
  priorities: string[];
  channels: string[];
}

export interface SlaPolicy {
  id: string;
  name: string;
  position: number;
  active: boolean;
  calendarId: string | null;
  match: SlaMatch;
  targets: SlaTarget[];
  escalations: SlaEscalation[];
  createdAt: string;
  updatedAt: string;
}

export type SlaPolicyInput = Pick<SlaPolicy, 'name' | 'active' | 'calendarId' | 'match' | 'targets' | 'escalations'>;

export function useSlaPolicies() {
  return useQuery({
    queryKey: ['slaPolicies'],
    queryFn: () => get<{ items: SlaPolicy[] }>('/sla/policies'),
    select: (reply) => reply.items,
  });
}

function useSlaChange<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['slaPolicies'] }) });
}

export const useCreateSlaPolicy = () => useSlaChange((input: SlaPolicyInput) => post<SlaPolicy>('/sla/policies', input));
export const useUpdateSlaPolicy = () =>
  useSlaChange(({ id, ...input }: Partial<SlaPolicyInput> & { id: string }) => patch<SlaPolicy>(`/sla/policies/${id}`, input));
export const useReorderSlaPolicies = () => useSlaChange((ids: string[]) => post('/sla/policies/order', { ids }));
