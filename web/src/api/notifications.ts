/** The caller's notifications (/api/v1/notifications) and which kinds they want (/api/v1/me/notification-preferences). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from './client';
import type { Page } from './types';

export const NOTIFICATION_KINDS = ['assigned', 'customerReply', 'mention', 'slaWarning', 'slaBreach', 'dutyNewOrder', 'rule'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  workOrderId: string | null;
  data: Record<string, unknown>;
  actor: { id: string; displayName: string } | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPreferences {
  inApp: Record<NotificationKind, boolean>;
}

interface Marked {
  marked: number;
  unread: number;
}

/** Realtime invalidates this key when notifications arrive or are read elsewhere. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: () => get<{ unread: number }>('/notifications/unread-count'),
    enabled,
  });
}

export function useNotifications(query: { unread: boolean; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', query],
    queryFn: () => get<Page<Notification> & { unread: number }>('/notifications', { ...query, unread: query.unread ? 'true' : undefined }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useMarkMutation<T>(fn: (input: T) => Promise<Marked>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }) });
}

export const useMarkRead = () => useMarkMutation((id: string) => post<Marked>(`/notifications/${id}/read`));
export const useMarkAllRead = () => useMarkMutation(() => post<Marked>('/notifications/read-all', {}));

const PREFERENCES_KEY = [...NOTIFICATIONS_KEY, 'preferences'];

export function useNotificationPreferences() {
  return useQuery({ queryKey: PREFERENCES_KEY, queryFn: () => get<NotificationPreferences>('/me/notification-preferences') });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inApp: Partial<Record<NotificationKind, boolean>>) => put<NotificationPreferences>('/me/notification-preferences', { inApp }),
    onSuccess: (saved) => queryClient.setQueryData(PREFERENCES_KEY, saved),
  });
}
