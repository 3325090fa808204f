/** Duty roster (值班) and routing (/api/v1/duty/...): shifts, weekly pattern, date overrides, routing, who is on duty. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, put } from './client';

export const ROUTING_MODES = ['off', 'roundRobin', 'leastOpen'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

export interface Shift {
  id: string;
  teamId: string;
  name: string;
  startTime: string;
  endTime: string;
  overnight: boolean;
  weekdays: number[];
  position: number;
}

export interface Routing {
  teamId: string;
  mode: RoutingMode;
  typeKeys: string[];
  timeZone: string;
}

export interface RosterCell {
  date: string;
  shiftId: string;
  userIds: string[];
  overridden: boolean;
  note: string;
  startsAt: string;
  endsAt: string;
}

export interface Roster {
  team: { id: string; name: string };
  routing: Routing;
  shifts: Shift[];
  pattern: { shiftId: string; weekday: number; userIds: string[] }[];
  days: RosterCell[];
  members: { id: string; displayName: string; isLead: boolean }[];
  canManage: boolean;
}

export interface OnDuty {
  teamId: string;
  teamName: string;
  at: string;
  timeZone: string;
  routingMode: RoutingMode;
  people: { id: string; displayName: string; shiftNames: string[]; until: string }[];
}

export interface DutyTeam {
  id: string;
  name: string;
  routingMode: RoutingMode;
  canManage: boolean;
}

export interface ShiftFields {
  name: string;
  startTime: string;
  endTime: string;
  weekdays: number[];
}

export function useDutyTeams() {
  return useQuery({ queryKey: ['duty', 'teams'], queryFn: () => get<{ items: DutyTeam[] }>('/duty/teams'), select: (r) => r.items });
}

export function useRoster(teamId: string | undefined, from: string, days = 7) {
  return useQuery({
    queryKey: ['duty', 'roster', teamId, from, days],
    queryFn: () => get<Roster>(`/duty/teams/${teamId}/roster`, { from, days }),
    enabled: Boolean(teamId),
  });
}

/** On duty now in my teams; refreshed each minute so shift changes show without reloading. */
export function useOnDutyNow() {
  return useQuery({
    queryKey: ['duty', 'onDuty'],
    queryFn: () => get<{ items: OnDuty[] }>('/duty/on-duty'),
    select: (r) => r.items,
    refetchInterval: 60_000,
  });
}

function useDutyChange<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty'] }) });
}

export const useCreateShift = () => useDutyChange((v: ShiftFields & { teamId: string }) => post<Shift>(`/duty/teams/${v.teamId}/shifts`, { ...v, teamId: undefined }));
export const useUpdateShift = () => useDutyChange((v: Partial<ShiftFields> & { id: string; archived?: boolean }) => patch<Shift>(`/duty/shifts/${v.id}`, { ...v, id: undefined }));
export const useSetPattern = () =>
  useDutyChange((v: { shiftId: string; weekday: number; userIds: string[] }) => put(`/duty/shifts/${v.shiftId}/pattern/${v.weekday}`, { userIds: v.userIds }));
export const useSetOverride = () =>
  useDutyChange((v: { shiftId: string; date: string; userIds: string[]; note: string }) =>
    put(`/duty/shifts/${v.shiftId}/overrides/${v.date}`, { userIds: v.userIds, note: v.note }),
  );
export const useClearOverride = () => useDutyChange((v: { shiftId: string; date: string }) => del(`/duty/shifts/${v.shiftId}/overrides/${v.date}`));
export const useSetRouting = () =>
  useDutyChange((v: Routing) => put<Routing>(`/duty/teams/${v.teamId}/routing`, { mode: v.mode, typeKeys: v.typeKeys, timeZone: v.timeZone }));

export function useOnDutyTeam(teamId: string | undefined) {
  return useQuery({
    queryKey: ['duty', 'onDuty', teamId],
    queryFn: () => get<OnDuty>(`/duty/teams/${teamId}/on-duty`),
    enabled: Boolean(teamId),
    refetchInterval: 60_000,
  });
}

export interface MyDuty {
  date: string;
  teamId: string;
  teamName: string;
  shiftId: string;
  shiftName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** My shifts over the next `days` days, across my teams. */
export function useMyDuty(days = 14) {
  return useQuery({ queryKey: ['duty', 'me', days], queryFn: () => get<{ items: MyDuty[] }>('/duty/me', { days }), select: (r) => r.items });
}
