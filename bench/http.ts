/**
 * A small HTTP load driver: a logged-in client (session cookie, like the web UI)
 * and a bounded run of requests with a fixed number in flight, timing each one.
 */
import http from 'node:http';

export interface Timed {
  status: number;
  ms: number;
  body: unknown;
}

/**
 * Requests go through node:http with kept-alive sockets rather than fetch: the
 * load driver shares the machine's cores with the server and the database it
 * measures, and fetch spent about three times the CPU per request.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export class BenchClient {
  cookie = '';

  constructor(readonly baseUrl: string) {}

  request(method: string, path: string, body?: unknown): Promise<Timed> {
    const headers: Record<string, string> = { 'accept-language': 'zh-CN' };
    if (this.cookie) headers.cookie = this.cookie;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const started = performance.now();
    return new Promise<Timed>((resolve, reject) => {
      const req = http.request(`${this.baseUrl}${path}`, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          // Reading the body is part of the latency a user sees.
          const text = Buffer.concat(chunks).toString('utf8');
          const ms = performance.now() - started;
          const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('kefu_session='));
          if (cookie) this.cookie = cookie.split(';')[0]!;
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text for error reports
          }
          resolve({ status: res.statusCode ?? 0, ms, body: parsed });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async login(username: string, password: string): Promise<this> {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  firstError?: string;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Summarizes timed replies; `ok` decides which statuses count as success. */
export function summarize(replies: Timed[], seconds: number, ok: (status: number) => boolean): LoadResult {
  const sorted = replies.map((r) => r.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  for (const r of replies) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (!ok(r.status)) {
      errors++;
      firstError ??= `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;
    }
  }
  return {
    requests: replies.length,
    errors,
    seconds: round(seconds, 3),
    perSecond: round(replies.length / seconds, 1),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    statuses,
    ...(firstError ? { firstError } : {}),
  };
}

/** Runs `count` requests with `concurrency` in flight; `send(i)` makes request number i. */
export async function runLoad(
  count: number,
  concurrency: number,
  send: (i: number) => Promise<Timed>,
  ok: (status: number) => boolean = (s) => s >= 200 && s < 300,
): Promise<LoadResult> {
  const replies: Timed[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      replies.push(await send(i));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return summarize(replies, (performance.now() - started) / 1000, ok);
}
