/** Complaints (/api/v1/work-orders/:id/complaint): the complaint view of a complaint work order and its steps. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put } from './client';

export const RECEIVED_VIA = ['phone', 'email', 'portal', 'visit', 'letter', 'other'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ComplaintAction {
  id: string;
  kind: 'corrective' | 'preventive';
  description: string;
  owner: { id: string; displayName: string };
  dueOn: string;
  status: ActionStatus;
  overdue: boolean;
  canUpdate: boolean;
}

export interface Complaint {
  workOrderId: string;
  number: string;
  complainantName: string;
  complainantContact: string;
  receivedVia: ReceivedVia;
  receivedAt: string;
  content: string;
  firstReply: { dueAt: string; repliedAt: string | null; state: 'due' | 'met' | 'overdue'; seconds: number };
  responsibility: { companyAtFault: boolean; explanation: string } | null;
  rootCause?: string;
  actions?: ComplaintAction[];
  verification?: { effective: boolean; notes: string; verifiedAt: string; verifiedBy: string | null } | null;
  verified: boolean;
  finalReply: { body: string; repliedAt: string } | null;
  satisfaction: { score: number; comment: string } | null;
  repeat?: boolean;
  earlierComplaints?: { id: string; number: string; createdAt: string }[];
  abilities: { edit: boolean; verify: boolean; rate: boolean; addAction: boolean };
}

const base = (id: string) => `/work-orders/${id}/complaint`;

export function useComplaint(id: string) {
  return useQuery({ queryKey: ['complaints', id], queryFn: () => get<Complaint>(base(id)) });
}

/** Every complaint step may change the order too (replies, timeline), so both are refreshed. */
function useStep<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['complaints'] });
      queryClient.invalidateQueries({ queryKey: ['workOrders'] });
    },
  });
}

export interface ComplaintFields {
  complainantName?: string;
  complainantContact?: string;
  receivedVia?: ReceivedVia;
  receivedAt?: string;
  content?: string;
  rootCause?: string;
}

export const useUpdateComplaint = () => useStep(({ id, ...body }: ComplaintFields & { id: string }) => patch(base(id), body));
export const useDecideResponsibility = () =>
  useStep(({ id, ...body }: { id: string; companyAtFault: boolean; explanation?: string }) => put(`${base(id)}/responsibility`, body));
export const useAddAction = () =>
  useStep(({ id, ...body }: { id: string; kind: ComplaintAction['kind']; description: string; ownerId: string; dueOn: string }) =>
    post(`${base(id)}/actions`, body),
  );
export const useUpdateAction = () =>
  useStep(({ id, actionId, ...body }: { id: string; actionId: string; status: ActionStatus }) => patch(`${base(id)}/actions/${actionId}`, body));
export const useVerifyComplaint = () =>
  useStep(({ id, ...body }: { id: string; effective: boolean; notes: string }) => post(`${base(id)}/verification`, body));
export const useFinalReply = () => useStep(({ id, body }: { id: string; body: string }) => post(`${base(id)}/final-reply`, { body }));
export const useRateComplaint = () =>
  useStep(({ id, ...body }: { id: string; score: number; comment: string }) => put(`${base(id)}/satisfaction`, body));
