/** A user's named work order filters (/api/v1/saved-views): the list query without paging. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from './client';
import type { WorkOrderFilter } from './workOrders';

export type SavedFilters = Omit<WorkOrderFilter, 'page' | 'pageSize'>;

export interface SavedView {
  id: string;
  name: string;
  filters: Partial<SavedFilters>;
  createdAt: string;
}

export function useSavedViews() {
  return useQuery({
    queryKey: ['savedViews'],
    queryFn: () => get<{ items: SavedView[] }>('/saved-views'),
    select: (reply) => reply.items,
  });
}

function useSavedViewChange<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['savedViews'] }) });
}

export const useCreateSavedView = () =>
  useSavedViewChange((body: { name: string; filters: Partial<SavedFilters> }) => post<SavedView>('/saved-views', body));
export const useDeleteSavedView = () => useSavedViewChange((id: string) => del<{ ok: true }>(`/saved-views/${id}`));
