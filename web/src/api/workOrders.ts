/** Work orders (/api/v1/work-orders) and their types (/api/v1/work-order-types). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put } from './client';
import type { Page } from './types';

export const CHANNELS = ['phone', 'email', 'portal', 'visit', 'chat', 'api', 'monitoring'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const STATUS_CATEGORIES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const VIEWS = ['mine', 'team', 'unassigned', 'all', 'overdue'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];
export type View = (typeof VIEWS)[number];

interface Ref {
  id: string;
  name: string;
}
interface Person {
  id: string;
  displayName: string;
}
export interface StatusRef {
  key: string;
  name: string;
  category: StatusCategory;
}

export interface WorkOrderListItem {
  id: string;
  number: string;
  type: { key: string; name: string };
  status: StatusRef;
  statusCategory: StatusCategory;
  priority: Priority;
  channel: Channel;
  subject: string;
  customer: Ref;
  team: Ref | null;
  assignee: Person | null;
  firstContact: Person | null;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  tags: string[];
  /** The most urgent live SLA clock's due time (null while paused or when no clock runs) and state. */
  slaDueAt: string | null;
  slaState: 'running' | 'paused' | 'met' | 'breached' | null;
}

export interface WorkOrder extends WorkOrderListItem {
  description: string;
  contact: Ref | null;
  asset: Ref | null;
  createdBy: Person | null;
  collaborators: Person[];
  customFields: Record<string, unknown>;
  allowedTransitions: StatusRef[];
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  abilities: { reply: boolean; note: boolean; seeInternal: boolean; edit: boolean; transition: boolean; assign: boolean; attach: boolean };
}

export interface TimelineItem {
  id: number;
  type: string;
  at: string;
  public: boolean;
  actor: Person | null;
  data: Record<string, unknown>;
}

export interface WorkOrderType {
  key: string;
  name: string;
  nameEn: string;
  label: string;
  defaultTeam: { id: string; name: string; label: string } | null;
  archived: boolean;
  workflow: {
    initial: string;
    statuses: { key: string; name: string; nameEn: string; label: string; category: StatusCategory }[];
    transitions: { from: string; to: string }[];
  };
}

export interface WorkOrderSort {
  sort: 'createdAt' | 'updatedAt' | 'priority' | 'dueAt' | 'slaDue';
  order: 'asc' | 'desc';
}

export interface WorkOrderFilter extends Partial<WorkOrderSort> {
  view: View;
  q?: string;
  statusCategory?: string;
  priority?: Priority;
  typeKey?: string;
  customerId?: string;
  /** SLA: breached, due within the hour, or any clock running. */
  sla?: 'breached' | 'dueSoon' | 'running';
  page: number;
  pageSize: number;
}

export interface CreateWorkOrderInput {
  typeKey: string;
  channel: Channel;
  subject: string;
  description?: string;
  customerId: string;
  contactId?: string;
  assetId?: string;
  priority?: Priority;
  teamId?: string;
  assigneeId?: string;
  customFields?: Record<string, unknown>;
}

export function useWorkOrders(filter: WorkOrderFilter) {
  return useQuery({
    queryKey: ['workOrders', filter],
    queryFn: () => get<Page<WorkOrderListItem>>('/work-orders', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useWorkOrder(id: string | undefined) {
  return useQuery({ queryKey: ['workOrders', 'one', id], queryFn: () => get<WorkOrder>(`/work-orders/${id}`), enabled: Boolean(id) });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['workOrders', 'timeline', id],
    queryFn: () => get<{ items: TimelineItem[] }>(`/work-orders/${id}/timeline`),
    select: (reply) => reply.items,
  });
}

export function useWorkOrderTypes(includeArchived = false) {
  return useQuery({
    queryKey: ['workOrderTypes', includeArchived],
    queryFn: () => get<{ items: WorkOrderType[] }>('/work-order-types', { includeArchived: includeArchived ? 'true' : undefined }),
    select: (reply) => reply.items,
    staleTime: 300_000,
  });
}

function useWorkOrderChange<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workOrders'] }) });
}

export const useCreateWorkOrder = () =>
  useWorkOrderChange((input: CreateWorkOrderInput) => post<{ id: string; number: string }>('/work-orders', input));
export const useTransition = () =>
  useWorkOrderChange(({ id, ...body }: { id: string; to: string; comment?: string }) =>
    post<WorkOrder>(`/work-orders/${id}/transitions`, body),
  );
export const useReply = () =>
  useWorkOrderChange(({ id, ...body }: { id: string; body: string; internal: boolean }) =>
    post<TimelineItem>(`/work-orders/${id}/replies`, body),
  );
export const useAssign = () =>
  useWorkOrderChange(({ id, ...body }: { id: string; teamId?: string | null; assigneeId?: string | null; reason?: string }) =>
    post<WorkOrder>(`/work-orders/${id}/assign`, body),
  );
export const useUpdateWorkOrder = () =>
  useWorkOrderChange(
    ({ id, ...body }: { id: string; priority?: Priority; subject?: string; description?: string; tags?: string[]; customFields?: Record<string, unknown> }) =>
      patch<WorkOrder>(`/work-orders/${id}`, body),
  );
export const useSetCollaborators = () =>
  useWorkOrderChange(({ id, userIds }: { id: string; userIds: string[] }) => put<WorkOrder>(`/work-orders/${id}/collaborators`, { userIds }));
