/**
 * A real HTTP SMS gateway for tests: a local server that takes what Kefu posts
 * to KEFU_SMS_WEBHOOK_URL ({to, text}) and keeps it, so a test reads the code
 * the customer would get. It can be told to refuse the next posts (a gateway outage).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sms {
  to: string;
  text: string;
  at: number;
}

export interface SmsGateway {
  url: string;
  /** Every accepted message, in arrival order. */
  received: Sms[];
  /** Posts that were refused with 503. */
  refused: number;
  /** Refuse the next n posts with 503. */
  failNext(n: number): void;
  /** Waits for the next not yet taken message that matches, and takes it. */
  take(match: (sms: Sms) => boolean, timeoutMs?: number): Promise<Sms>;
  close(): Promise<void>;
}

export async function startSmsGateway(): Promise<SmsGateway> {
  const taken = new Set<Sms>();
  let failing = 0;
  const gateway = {
    url: '',
    received: [] as Sms[],
    refused: 0,
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      if (failing > 0) {
        failing -= 1;
        gateway.refused += 1;
        response.writeHead(503).end('gateway busy');
        return;
      }
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string };
        gateway.received.push({ to: body.to, text: body.text, at: Date.now() });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } catch {
        response.writeHead(400).end('bad json');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return Object.assign(gateway, {
    failNext(n: number) {
      failing = n;
    },
    async take(match: (sms: Sms) => boolean, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = gateway.received.find((m) => !taken.has(m) && match(m));
        if (found) {
          taken.add(found);
          return found;
        }
        if (Date.now() > until) throw new Error(`no SMS arrived within ${timeoutMs} ms; received: ${JSON.stringify(gateway.received)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The 6-digit code of an acceptance SMS for a work order number. */
export function codeIn(sms: Sms): string {
  const found = /确认码为 (\d{6})/.exec(sms.text);
  if (!found) throw new Error(`no code in: ${sms.text}`);
  return found[1]!;
}
