/**
 * GET /api/v1/realtime, upgraded to a WebSocket: the browser's one live channel
 * for the bell and open queues. Logged-in browser sessions only, same origin only.
 * Starts this instance's LISTEN on the realtime channel and stops it on close.
 * (The WebSocket plugin itself is registered in server/app.ts, before authentication.)
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { checkWebSocketOrigin } from '../../server/security.ts';
import { SESSION_COOKIE } from '../identity/sessionCookie.ts';
import { RealtimeHub } from './hub.ts';
import './messages.ts';
import { REALTIME_CHANNEL } from './publish.ts';
import { SocketMessage } from './schema.ts';

export async function realtimeRoutes(app: FastifyInstance): Promise<void> {
  const hub = new RealtimeHub(app.database.db, (error) => app.log.warn({ err: error }, 'realtime delivery failed'));
  const unlisten = await app.database.listen(REALTIME_CHANNEL, (payload) => hub.receive(payload), () => hub.resync());
  app.addHook('onClose', async () => {
    hub.stop();
    await unlisten();
  });

  app.get(
    '/realtime',
    {
      websocket: true,
      schema: {
        tags: ['notifications'],
        summary: 'WebSocket: live notifications and work order changes',
        description:
          'Upgrade with the session cookie from the same origin. The server sends JSON messages naming what changed; the client refetches it. Close code 4401: the session ended.',
        response: { 200: SocketMessage },
      },
      preValidation: async (request) => {
        checkWebSocketOrigin(request, app.config.publicOrigin);
        // The socket re-reads its user from the session on every message; API tokens use polling.
        if (request.actor?.via !== 'session') throw new AppError('REALTIME_SESSION_REQUIRED', 403);
      },
    },
    (socket, request) => {
      hub.add(socket, request.cookies[SESSION_COOKIE]!, request.actor!);
    },
  );
}
