/**
 * Realtime messages leave through PostgreSQL NOTIFY on one channel, so every
 * instance LISTENing hears every change (a client on instance B sees what
 * instance A wrote). Payloads carry ids and kinds only; clients refetch.
 *
 * Messages are sent AFTER the change commits (ctx.afterCommit), batched per
 * instance every few milliseconds into one NOTIFY of a JSON array. Why not NOTIFY
 * inside the change's transaction: PostgreSQL serialises the commits of all
 * transactions that notified (one database-wide lock held through each commit's
 * flush), which made every work order create wait for the previous one's disk
 * flush. A crash between commit and send loses only the push; clients refetch
 * on reconnect.
 */
import type { Database } from '../../db/database.ts';
import type { Ctx } from '../../lib/context.ts';

export const REALTIME_CHANNEL = 'kefu_realtime';

/** What travels on the channel; the hub decides per socket who may hear it. */
export type RealtimeMessage =
  /** New notifications (or read marks) for these recipients: refetch the bell. */
  | { k: 'n'; u: string[] }
  /** A work order event: refetch queues and the order if it is open. */
  | { k: 'wo'; id: string; type: string; pub: boolean };

/** pg_notify refuses payloads of 8000 bytes or more; stay well below. */
const MAX_PAYLOAD = 7000;
/** Recipients per message, so even a large team stays far below the limit. */
const USERS_PER_MESSAGE = 100;
const FLUSH_DELAY_MS = 20;

/** Queues a message to go out once ctx's transaction has committed. */
export function publish(ctx: Ctx, message: RealtimeMessage): void {
  const messages =
    message.k === 'n' && message.u.length > USERS_PER_MESSAGE
      ? Array.from({ length: Math.ceil(message.u.length / USERS_PER_MESSAGE) }, (_, i) => ({
          k: 'n' as const,
          u: message.u.slice(i * USERS_PER_MESSAGE, (i + 1) * USERS_PER_MESSAGE),
        }))
      : [message];
  ctx.afterCommit.push((database) => outboxOf(database).add(messages));
}

/** Splits messages into JSON arrays that each fit one NOTIFY. */
export function packMessages(messages: RealtimeMessage[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const message of messages) {
    const text = JSON.stringify(message);
    if (current.length && size + text.length + 1 > MAX_PAYLOAD) {
      payloads.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length) payloads.push(`[${current.join(',')}]`);
  return payloads;
}

/** What a NOTIFY payload carries: a batch (array) or, from older senders, one message. */
export function unpackMessages(payload: string): RealtimeMessage[] {
  try {
    const parsed = JSON.parse(payload) as RealtimeMessage | RealtimeMessage[];
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return [];
  }
}

class Outbox {
  #pending: RealtimeMessage[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly database: Database) {}

  add(messages: RealtimeMessage[]): void {
    this.#pending.push(...messages);
    this.#timer ??= setTimeout(() => this.#flush(), FLUSH_DELAY_MS);
  }

  #flush(): void {
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = [];
    for (const payload of packMessages(batch)) {
      // One autocommit statement per batch; a lost push is recovered by clients refetching.
      this.database.query('select pg_notify($1, $2)', [REALTIME_CHANNEL, payload]).catch(() => {});
    }
  }
}

const outboxes = new WeakMap<Database, Outbox>();

function outboxOf(database: Database): Outbox {
  let outbox = outboxes.get(database);
  if (!outbox) {
    outbox = new Outbox(database);
    outboxes.set(database, outbox);
  }
  return outbox;
}
