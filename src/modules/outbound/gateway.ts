/**
 * The SMS gateway: an HTTP endpoint (KEFU_SMS_WEBHOOK_URL) that takes
 * POST {"to": "<phone>", "text": "<message>"} and answers 2xx when it has the
 * message. Each server binds the gateway of its configuration to its database,
 * so the send job (which knows only the database) finds it, and two servers in
 * one process (tests) keep their own.
 */
import type { Database } from '../../db/database.ts';

const gateways = new WeakMap<Database, string | null>();

export function bindSmsGateway(database: Database, url: string | undefined): void {
  gateways.set(database, url ?? null);
}

export function smsGatewayOf(database: Database): string | null {
  return gateways.get(database) ?? null;
}

/** Gives up on a gateway that does not answer; the job tries again later. */
const TIMEOUT_MS = 10_000;

/** Posts one SMS; resolves when the gateway accepted it, throws with a short reason when not. */
export async function postSms(url: string, message: { to: string; text: string }): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    throw new Error(`gateway unreachable: ${(error as Error).message}`.slice(0, 300));
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).slice(0, 200);
    throw new Error(`gateway answered ${response.status}${text ? `: ${text}` : ''}`);
  }
  await response.body?.cancel().catch(() => {});
}
