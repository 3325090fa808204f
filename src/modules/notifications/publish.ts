/**
 * Realtime messages leave through PostgreSQL NOTIFY on one channel. NOTIFY inside a
 * transaction is delivered only when it commits, so a client never hears of a
 * change that rolled back, and every instance LISTENing hears every commit
 * (a client on instance B sees what instance A wrote). Payloads carry ids and
 * kinds only (pg_notify refuses more than 8000 bytes); clients refetch.
 */
import { sql } from 'kysely';
import type { Tx } from '../../lib/context.ts';

export const REALTIME_CHANNEL = 'kefu_realtime';

/** What travels on the channel; the hub decides per socket who may hear it. */
export type RealtimeMessage =
  /** New notifications (or read marks) for these recipients: refetch the bell. */
  | { k: 'n'; u: string[] }
  /** A work order event: refetch queues and the order if it is open. */
  | { k: 'wo'; id: string; type: string; pub: boolean };

/** Recipients per message, so even a large team stays far below the 8000-byte limit. */
const USERS_PER_MESSAGE = 100;

export async function publish(tx: Tx, message: RealtimeMessage): Promise<void> {
  if (message.k === 'n' && message.u.length > USERS_PER_MESSAGE) {
    for (let i = 0; i < message.u.length; i += USERS_PER_MESSAGE) {
      await publish(tx, { k: 'n', u: message.u.slice(i, i + USERS_PER_MESSAGE) });
    }
    return;
  }
  await sql`select pg_notify(${REALTIME_CHANNEL}, ${JSON.stringify(message)})`.execute(tx);
}
