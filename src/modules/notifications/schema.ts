import { z } from 'zod';
import { PageQuery, pageOf } from '../../lib/pagination.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './notify.ts';

export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS as [NotificationKind, ...NotificationKind[]]);

export const NotificationView = z.object({
  id: z.uuid(),
  kind: NotificationKindSchema,
  workOrderId: z.uuid().nullable(),
  /** What the UI words the text from: number, subject, and per kind e.g. excerpt, clockLabel, ruleName. */
  data: z.record(z.string(), z.unknown()),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const ListNotificationsQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).default('false').describe('"true" lists unread notifications only'),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const NotificationPage = pageOf(NotificationView).extend({ unread: z.number().int() });

export const UnreadCountView = z.object({ unread: z.number().int() });

export const MarkedView = z.object({ marked: z.number().int(), unread: z.number().int() });

const kindSwitches = z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>);

/** Which kinds reach the user in-app (true = on). Every kind is on until turned off. */
export const NotificationPreferencesView = z.object({ inApp: kindSwitches });
export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesView>;

/** Kinds left out keep their setting. */
export const NotificationPreferencesBody = z.strictObject({ inApp: kindSwitches.partial() });
export type NotificationPreferencesBody = z.infer<typeof NotificationPreferencesBody>;

/** What the realtime socket sends (documented as its reply: it has no other); the client refetches what it names. */
export const SocketMessage = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('hello'), userId: z.uuid() }),
    z.object({ type: z.literal('notifications') }),
    z.object({ type: z.literal('workOrder'), id: z.uuid(), event: z.string() }),
    z.object({ type: z.literal('resync') }),
  ])
  .describe('One message on the socket');
export type SocketMessage = z.infer<typeof SocketMessage>;
