/** Queries and changes of users and teams (/api/v1/users, /api/v1/teams). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put } from './client';
import type { Page, Role, Team, User } from './types';

export interface UserFilter {
  role?: Role;
  teamId?: string;
  q?: string;
  includeDisabled?: boolean;
  page: number;
  pageSize: number;
}

export interface UserInput {
  username?: string;
  displayName?: string;
  email?: string;
  phone?: string;
  role?: Role;
  password?: string;
  locale?: 'zh-CN' | 'en';
  teamIds?: string[];
  disabled?: boolean;
  customerId?: string;
  contactId?: string;
}

export interface TeamInput {
  name?: string;
  nameEn?: string;
  description?: string;
  archived?: boolean;
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: () => get<Page<User>>('/users', { ...filter, includeDisabled: filter.includeDisabled ? 'true' : undefined }),
    placeholderData: keepPreviousData,
  });
}

/** Staff who can be picked as team members (the API pages at 100). */
export function useStaffOptions(q: string) {
  return useQuery({
    queryKey: ['users', 'options', q],
    queryFn: () => get<Page<User>>('/users', { q, pageSize: 50 }),
    select: (page) => page.items.filter((user) => user.role !== 'customer'),
    placeholderData: keepPreviousData,
  });
}

export function useTeams(includeArchived = false) {
  return useQuery({
    queryKey: ['teams', { includeArchived }],
    queryFn: () => get<{ items: Team[] }>('/teams', { includeArchived: includeArchived ? 'true' : undefined }),
    select: (reply) => reply.items,
  });
}

function useInvalidating<TArgs>(keys: string[][], fn: (args: TArgs) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useCreateUser = () => useInvalidating([['users'], ['teams']], (input: UserInput) => post<User>('/users', input));
export const useUpdateUser = () =>
  useInvalidating([['users'], ['teams'], ['me']], ({ id, ...input }: UserInput & { id: string }) => patch<User>(`/users/${id}`, input));
export const useSetPassword = () =>
  useInvalidating([], ({ id, ...input }: { id: string; currentPassword?: string; newPassword: string }) =>
    post<{ ok: true }>(`/users/${id}/password`, input),
  );

export const useCreateTeam = () => useInvalidating([['teams']], (input: TeamInput) => post<Team>('/teams', input));
export const useUpdateTeam = () =>
  useInvalidating([['teams'], ['users']], ({ id, ...input }: TeamInput & { id: string }) => patch<Team>(`/teams/${id}`, input));
export const useSetTeamMembers = () =>
  useInvalidating([['teams'], ['users']], ({ id, members }: { id: string; members: { userId: string; isLead: boolean }[] }) =>
    put<Team>(`/teams/${id}/members`, { members }),
  );
