/**
 * Starts the real Kefu server on a random port over a fresh database, and gives
 * tests an HTTP client that keeps its session cookie like a browser would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { type JobQueue, startJobQueue } from '../src/jobs/queue.ts';
import { ALL_JOBS } from '../src/jobs/registry.ts';
import { buildApp } from '../src/server/app.ts';
import { ensureAdmin } from '../src/server/firstStart.ts';
import { createTestDatabase } from './testDatabase.ts';

export const ADMIN_PASSWORD = 'admin-password-1';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Client {
  cookie = '';

  constructor(
    readonly baseUrl: string,
    readonly lang: 'zh-CN' | 'en' = 'zh-CN',
    readonly bearer?: string,
  ) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { 'accept-language': this.lang, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') {
      payload = body;
      h['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${url}`, { method, headers: h, body: payload });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('kefu_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json') ? await res.json() : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = any>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async login(username: string, password: string): Promise<this> {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  jobs: JobQueue;
  database: Database;
  attachmentsDir: string;
  /** A fresh client, not logged in. */
  client(lang?: 'zh-CN' | 'en'): Client;
  /** A client logged in as the seeded administrator. */
  admin(): Promise<Client>;
  close(): Promise<void>;
}

export interface StartOptions {
  /**
   * Serve this already migrated database instead of a fresh one (a second
   * instance on the same PostgreSQL database); close() then leaves it open.
   */
  database?: Database;
}

export async function startServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  const { database, drop } = options.database
    ? { database: options.database, drop: async () => {} }
    : await createTestDatabase();
  const attachmentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-att-'));
  const config = loadConfig({
    KEFU_LOG_LEVEL: 'silent',
    KEFU_ATTACHMENTS_DIR: attachmentsDir,
    KEFU_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...env,
  });
  await ensureAdmin(database, ADMIN_PASSWORD);
  // The server works its own job queue, as `npm start` does: SLA timers and other jobs fire in tests.
  const jobs = await startJobQueue(database, ALL_JOBS, { work: true, pollingIntervalSeconds: 0.5, onError: () => {} });
  const app = await buildApp(config, database, jobs);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    app,
    jobs,
    database,
    attachmentsDir,
    client: (lang = 'zh-CN') => new Client(url, lang),
    admin: () => new Client(url).login('admin', ADMIN_PASSWORD),
    async close() {
      await app.close();
      await jobs.stop();
      await drop();
      fs.rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}

export interface TwoInstances {
  /** Two servers on one new PostgreSQL database, as behind a load balancer. */
  a: TestServer;
  b: TestServer;
  close(): Promise<void>;
}

/** Two instances of Kefu sharing one fresh PostgreSQL database (postgres test project only). */
export async function startTwoInstances(): Promise<TwoInstances> {
  const testDb = await createTestDatabase();
  if (!testDb.url) throw new Error('two instances need the postgres test project');
  const secondDb = await openDatabase({ url: testDb.url, poolSize: 5 });
  const a = await startServer({}, { database: testDb.database });
  const b = await startServer({}, { database: secondDb });
  return {
    a,
    b,
    async close() {
      await b.close();
      await a.close();
      await secondDb.close();
      await testDb.drop();
    },
  };
}
