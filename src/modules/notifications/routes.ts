/** HTTP routes of notifications: the caller's own list, unread count, read marks and preferences. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { listNotifications, unreadCount } from './commands/listNotifications.ts';
import { markAllRead, markRead } from './commands/markRead.ts';
import { getPreferences, setPreferences } from './commands/preferences.ts';
import './messages.ts';
import {
  ListNotificationsQuery,
  MarkedView,
  NotificationPage,
  NotificationPreferencesBody,
  NotificationPreferencesView,
  UnreadCountView,
} from './schema.ts';

const tags = ['notifications'];
const IdParams = z.object({ id: z.uuid() });
const ReadAllBody = z.strictObject({ workOrderId: z.uuid().optional() });

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/notifications', { schema: { tags, querystring: ListNotificationsQuery, response: { 200: NotificationPage } } }, (request) =>
    withCtx(request, (ctx) => listNotifications(ctx, request.query)),
  );
  r.get('/notifications/unread-count', { schema: { tags, response: { 200: UnreadCountView } } }, (request) =>
    withCtx(request, async (ctx) => ({ unread: await unreadCount(ctx.tx, ctx.actor.id) })),
  );
  r.post('/notifications/:id/read', { schema: { tags, params: IdParams, response: { 200: MarkedView } } }, (request) =>
    withCtx(request, (ctx) => markRead(ctx, request.params.id)),
  );
  r.post('/notifications/read-all', { schema: { tags, body: ReadAllBody, response: { 200: MarkedView } } }, (request) =>
    withCtx(request, (ctx) => markAllRead(ctx, request.body)),
  );
  r.get('/me/notification-preferences', { schema: { tags, response: { 200: NotificationPreferencesView } } }, (request) =>
    withCtx(request, getPreferences),
  );
  r.put(
    '/me/notification-preferences',
    { schema: { tags, body: NotificationPreferencesBody, response: { 200: NotificationPreferencesView } } },
    (request) => withCtx(request, (ctx) => setPreferences(ctx, request.body)),
  );
}
