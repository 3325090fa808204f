/**
 * The one live connection to the server (GET /api/v1/realtime as a WebSocket).
 * The server sends only ids and kinds; this turns them into TanStack Query
 * invalidations, so whatever is on screen (the bell, queues, an open order)
 * refetches itself. Reconnects with growing, jittered delays; after a reconnect
 * everything live is refetched, since messages may have been missed meanwhile.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NOTIFICATIONS_KEY } from '../api/notifications';

export type RealtimeMessage =
  | { type: 'hello'; userId: string }
  | { type: 'notifications' }
  | { type: 'workOrder'; id: string; event: string }
  | { type: 'resync' };

/** The server closes with this code when the session ended: log in again rather than reconnect. */
const SESSION_ENDED = 4401;
const MAX_DELAY_MS = 30_000;
/** Several events of one change arrive together: refetch once for all of them. */
const BATCH_MS = 150;

type Listener = (message: RealtimeMessage) => void;
const listeners = new Set<Listener>();

/** Hears every realtime message (for a page that wants more than the standard refetching). */
export function useRealtimeListener(listener: Listener): void {
  useEffect(() => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listener]);
}

function invalidator(queryClient: QueryClient) {
  const orders = new Set<string>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const ids = [...orders];
    orders.clear();
    // Lists, the order itself and its timeline all live under 'workOrders'; other panels of
    // an open order (SLA, complaint, repair) carry its id in their key.
    void queryClient.invalidateQueries({ queryKey: ['workOrders'] });
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'workOrders' && q.queryKey.some((part) => ids.includes(part as string)) });
  };
  return (id: string) => {
    orders.add(id);
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, BATCH_MS);
  };
}

function connect(queryClient: QueryClient): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let failures = 0;
  let everConnected = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const orderChanged = invalidator(queryClient);

  const handle = (message: RealtimeMessage) => {
    if (message.type === 'hello') {
      failures = 0;
      if (everConnected) void queryClient.invalidateQueries();
      everConnected = true;
    } else if (message.type === 'notifications') {
      void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    } else if (message.type === 'workOrder') {
      orderChanged(message.id);
    } else if (message.type === 'resync') {
      void queryClient.invalidateQueries();
    }
    for (const listener of listeners) listener(message);
  };

  const open = () => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${window.location.host}/api/v1/realtime`);
    socket.onmessage = (event) => {
      if (stopped) return;
      try {
        handle(JSON.parse(String(event.data)) as RealtimeMessage);
      } catch {
        // Not ours to understand; the next message will do.
      }
    };
    socket.onclose = (event) => {
      socket = null;
      if (stopped) return;
      if (event.code === SESSION_ENDED) {
        // The 'me' query then answers 401 and the router shows the login page.
        void queryClient.invalidateQueries({ queryKey: ['me'] });
        return;
      }
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** failures) * (0.5 + Math.random() / 2);
      failures++;
      retry = setTimeout(open, delay);
    };
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    // Closing while still connecting makes the browser log an error; close once open instead.
    if (socket?.readyState === WebSocket.CONNECTING) {
      const pending = socket;
      pending.onopen = () => pending.close();
    } else socket?.close();
  };
}

/** Keeps the live connection open while `userId` is logged in (call once, in the layout). */
export function useRealtime(userId: string | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId || typeof WebSocket === 'undefined') return;
    return connect(queryClient);
  }, [userId, queryClient]);
}
