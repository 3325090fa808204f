/**
 * The two things a newcomer does first: start Kefu on a fresh data directory
 * (schema created, administrator printed) and start it again (data kept).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../test/testDatabase.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

interface Started {
  url: string;
  output: string;
  stop(): Promise<void>;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', KEFU_LOG_LEVEL: 'warn', ...env },
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match && /\n {2}API docs/.test(output)) {
        clearTimeout(timer);
        setTimeout(() =>
          resolve({
            url: match[1]!,
            output,
            stop: () =>
              new Promise((done) => {
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          }),
        50);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`exited ${code}:\n${output}`), { output }));
    });
  });
}

async function login(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

describe.runIf(testDbKind() === 'pglite')('npm start on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-start-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates the schema and an administrator with a printed password, and keeps data across restarts', async () => {
    const first = await start({ KEFU_DATA_DIR: dataDir });
    const password = first.output.match(/password (\S+) {2}\(generated/)?.[1];
    expect(password).toBeTruthy();
    const health: any = await (await fetch(`${first.url}/api/v1/health`)).json();
    expect(health.database).toBe('pglite');
    const cookie = await login(first.url, password!);
    const created = await fetch(`${first.url}/api/v1/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: '售后服务部' }),
    });
    expect(created.status).toBe(201);
    await first.stop();

    const second = await start({ KEFU_DATA_DIR: dataDir });
    expect(second.output).not.toMatch(/first start/);
    const cookie2 = await login(second.url, password!);
    const teams: any = await (await fetch(`${second.url}/api/v1/teams`, { headers: { cookie: cookie2 } })).json();
    expect(teams.items.map((t: { name: string }) => t.name)).toContain('售后服务部');
    await second.stop();
  }, 120_000);

  it('refuses a bad configuration with one line naming the variable', async () => {
    const failure = await start({ KEFU_DATA_DIR: dataDir, PORT: 'eighty' }).catch((e: { output: string }) => e);
    expect((failure as { output: string }).output).toMatch(/PORT:/);
  }, 60_000);
});

describe.runIf(testDbKind() === 'postgres')('npm start with DATABASE_URL', () => {
  it('runs on the PostgreSQL server with the password from KEFU_ADMIN_PASSWORD', async () => {
    const { createTestDatabase } = await import('../../test/testDatabase.ts');
    const { database, url, drop } = await createTestDatabase();
    await database.close();
    try {
      expect(url).toBeTruthy();
      const server = await start({ DATABASE_URL: url!, KEFU_ADMIN_PASSWORD: 'pg-admin-password' });
      const health: any = await (await fetch(`${server.url}/api/v1/health`)).json();
      expect(health.database).toBe('postgres');
      await login(server.url, 'pg-admin-password');
      await server.stop();
    } finally {
      await drop().catch(() => {});
    }
  }, 120_000);
});
