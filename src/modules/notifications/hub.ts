/**
 * This instance's open WebSockets and what they may hear. Every instance LISTENs
 * on the realtime channel (publish.ts), so a change committed anywhere reaches
 * sockets everywhere; here each message is filtered per socket with the same
 * rules as the API: notifications only to their recipient, a work order event
 * only to users who may see that order (workOrders/policy.ts via audience.ts),
 * and to customer users only the events shown on their side.
 *
 * A socket's user is looked up again from its session for every message
 * (cached a few seconds like every request), so a logout, a disabled account or
 * a changed team takes effect on open sockets too.
 */
import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import { actorFromSession } from '../identity/authenticate.ts';
import { whoMaySee } from './audience.ts';
import { type RealtimeMessage, unpackMessages } from './publish.ts';
import type { SocketMessage as ClientMessage } from './schema.ts';

/** Close code for a socket whose session ended (the client logs in again instead of reconnecting). */
export const SESSION_ENDED = 4401;

const PING_EVERY_MS = 30_000;

interface Connection {
  socket: WebSocket;
  token: string;
  actor: Actor;
  alive: boolean;
}

export class RealtimeHub {
  readonly #connections = new Set<Connection>();
  #queue: Promise<void> = Promise.resolve();
  readonly #ping: NodeJS.Timeout;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (error: unknown) => void,
  ) {
    // Proxies drop silent connections, and a vanished client never says goodbye.
    this.#ping = setInterval(() => this.#heartbeat(), PING_EVERY_MS);
    this.#ping.unref();
  }

  add(socket: WebSocket, token: string, actor: Actor): void {
    const connection: Connection = { socket, token, actor, alive: true };
    this.#connections.add(connection);
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('close', () => this.#connections.delete(connection));
    socket.on('error', () => this.#connections.delete(connection));
    send(connection, { type: 'hello', userId: actor.id });
  }

  /** A payload from the channel; handled one at a time so sockets hear changes in commit order. */
  /** A NOTIFY payload: a batch of messages (publish.ts). */
  receive(payload: string): void {
    for (const message of unpackMessages(payload)) {
      this.#queue = this.#queue.then(() => this.#deliver(message)).catch(this.onError);
    }
  }

  resync(): void {
    for (const connection of this.#connections) send(connection, { type: 'resync' });
  }

  stop(): void {
    clearInterval(this.#ping);
  }

  async #deliver(message: RealtimeMessage): Promise<void> {
    if (!this.#connections.size) return;
    const live = await this.#refreshActors();
    if (message.k === 'n') {
      const recipients = new Set(message.u);
      for (const c of live) if (recipients.has(c.actor.id)) send(c, { type: 'notifications' });
      return;
    }
    // Customers hear only what their side of the order shows.
    const listeners = live.filter((c) => message.pub || c.actor.role !== 'customer');
    if (!listeners.length) return;
    const actors = [...new Map(listeners.map((c) => [c.actor.id, c.actor])).values()];
    const allowed = await whoMaySee(this.db, message.id, actors);
    for (const c of listeners) {
      if (allowed.has(c.actor.id)) send(c, { type: 'workOrder', id: message.id, event: message.type });
    }
  }

  /** Current user of every socket; sockets whose session ended are closed. */
  async #refreshActors(): Promise<Connection[]> {
    const connections = [...this.#connections];
    const actors = await Promise.all(connections.map((c) => actorFromSession(this.db, c.token)));
    const live: Connection[] = [];
    connections.forEach((c, i) => {
      const actor = actors[i];
      if (actor && actor.id === c.actor.id) {
        c.actor = actor;
        live.push(c);
      } else {
        this.#connections.delete(c);
        c.socket.close(SESSION_ENDED, 'session ended');
      }
    });
    return live;
  }

  #heartbeat(): void {
    for (const c of this.#connections) {
      if (!c.alive) {
        this.#connections.delete(c);
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }
}

function send(connection: Connection, message: ClientMessage): void {
  if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message));
}
