/**
 * A WebSocket client for tests of the realtime channel: connects with a logged-in
 * client's session cookie like a browser tab, and collects what it hears.
 */
import WebSocket from 'ws';
import type { Client } from './harness.ts';

export interface TestSocket {
  /** Every message heard so far, parsed. */
  messages: Array<Record<string, any>>;
  /** Resolves with the first message (already heard or coming) that matches, or rejects after ms. */
  next(match: (m: Record<string, any>) => boolean, ms?: number): Promise<Record<string, any>>;
  close(): void;
  /** Resolves with the close code when the server (or close()) ends the socket. */
  closed: Promise<number>;
}

/** Opens the realtime socket as `client`; resolves once the server has said hello (it is subscribed). */
export function openSocket(baseUrl: string, client: Client, headers: Record<string, string> = {}): Promise<TestSocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`;
  const ws = new WebSocket(url, { headers: { cookie: client.cookie, origin: baseUrl, ...headers } });
  const messages: Array<Record<string, any>> = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const wake of waiters) wake();
  });
  const socket: TestSocket = {
    messages,
    next(match, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching realtime message within ${ms} ms; heard ${JSON.stringify(messages)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => ws.close(),
    closed: new Promise((resolve) => ws.once('close', (code) => resolve(code))),
  };
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(new Error(`handshake refused: ${res.statusCode}`));
    });
    ws.once('error', reject);
    socket.next((m) => m.type === 'hello').then(() => resolve(socket), reject);
  });
}

/** The HTTP status a refused handshake got (or 101 when it was accepted). */
export function handshakeStatus(baseUrl: string, headers: Record<string, string>): Promise<number> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`;
  const ws = new WebSocket(url, { headers });
  return new Promise((resolve) => {
    ws.once('unexpected-response', (req, res) => {
      // The refused handshake's connection stays open otherwise (and holds up server close).
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('error', () => resolve(0));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
