/**
 * The databases under test: a fresh PostgreSQL database (dropped afterwards) or a
 * fresh PGlite data directory on disk (removed afterwards), migrated and with the
 * administrator created; and the server process started over it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensureAdmin } from '../src/server/firstStart.ts';

export const ADMIN_PASSWORD = 'bench-admin-password';
const SERVER_START_MS = 60_000;

export interface Target {
  kind: DatabaseKind;
  database: Database;
  /** The server process opens its own connection; PGlite allows one process per data dir. */
  closeDatabase(): Promise<void>;
  /** Environment for the server process: where its database is. */
  serverEnv: Record<string, string>;
  dispose(): Promise<void>;
}

function serverUrl(): string {
  return process.env.KEFU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Cleanups still to run; an interrupted run (Ctrl-C) runs them so no database or directory is left behind. */
const pending = new Set<() => Promise<void>>();

export async function disposeAll(): Promise<void> {
  for (const cleanup of [...pending].reverse()) await cleanup().catch(() => {});
}

export async function openTarget(kind: DatabaseKind): Promise<Target> {
  const attachments = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-att-'));
  let database: Database;
  let serverEnv: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const name = `kefu_bench_${process.pid}`;
    await adminQuery(`drop database if exists "${name}" with (force)`);
    await adminQuery(`create database "${name}"`);
    const url = new URL(serverUrl());
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
    serverEnv = { KEFU_BENCH_SERVER_DB_URL: url.toString() };
    cleanup = () => adminQuery(`drop database if exists "${name}" with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-pglite-'));
    database = await openDatabase({ dataDir: dir });
    serverEnv = { KEFU_BENCH_SERVER_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await migrate(database);
  await ensureAdmin(database, ADMIN_PASSWORD);
  let closed = false;
  const target: Target = {
    kind,
    database,
    async closeDatabase() {
      if (!closed) await database.close();
      closed = true;
    },
    serverEnv: { ...serverEnv, KEFU_BENCH_SERVER_ATTACHMENTS: attachments },
    async dispose() {
      pending.delete(target.dispose);
      if (!closed) await database.close().catch(() => {});
      closed = true;
      await cleanup();
      fs.rmSync(attachments, { recursive: true, force: true });
    },
  };
  pending.add(target.dispose);
  return target;
}

export interface RunningServer {
  url: string;
  /** CPU time the server process has used so far (ms; NaN where /proc is missing). */
  cpuMs(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux

function processCpuMs(pid: number | undefined): number {
  try {
    // Fields after the ")" of the command name: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

/** Starts bench/server.ts over the target's database (call closeDatabase first for PGlite). */
export async function startServer(target: Target, profileDir?: string): Promise<RunningServer> {
  const script = fileURLToPath(new URL('./server.ts', import.meta.url));
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: { ...process.env, ...target.serverEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start in time')), SERVER_START_MS);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const stop = async () => {
    pending.delete(stop);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  pending.add(stop);
  return { url: `http://127.0.0.1:${port}`, cpuMs: () => processCpuMs(child.pid), stop };
}
