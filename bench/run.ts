/**
 * npm run bench -- [size=100000] [--only pglite|postgres] [--pglite-size N]
 *                  [--raw-seconds 5] [--creates N] [--reads 400] [--profile DIR]
 *
 * For each database: seed `size` work orders (PGlite: --pglite-size, default
 * min(size, 20000), as seeding it is slower), measure the raw single-row insert
 * rate, then start the real server and measure work order creation, queue
 * listing and quick search over HTTP. Prints a table and writes bench/results/.
 */
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../src/db/database.ts';
import { BenchClient } from './http.ts';
import { rawInsertRate } from './rawInsert.ts';
import { type DbResult, flatMetrics, printReport, writeResults } from './report.ts';
import { CREATE_FEW_CONCURRENCY, measureCreate, measureList, measureSearch, warmUpCreates } from './scenarios.ts';
import { BENCH_PASSWORD, seed } from './seed.ts';
import { disposeAll, openTarget, startServer } from './target.ts';
import { firstLoadJsGzipBytes } from '../web/bundleSize.ts';
import { ensureWebBuilt } from '../web/ensureBuilt.ts';

export interface BenchArgs {
  size: number;
  pgliteSize: number;
  only: DatabaseKind | null;
  rawSeconds: number;
  creates: { postgres: number; pglite: number };
  reads: number;
  /** Directory for V8 CPU profiles of the server process (--profile DIR). */
  profileDir: string | null;
}

function count(text: string | undefined, name: string): number {
  const m = /^(\d+(?:\.\d+)?)(k)?$/i.exec(text ?? '');
  if (!m) throw new Error(`${name}: expected a number such as 20000 or 20k, got ${text}`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

export function parseArgs(argv: string[]): BenchArgs {
  let size = 100_000;
  let pgliteSize: number | undefined;
  let only: DatabaseKind | null = null;
  let rawSeconds = 5;
  let creates: number | undefined;
  let reads = 400;
  let profileDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only') {
      const v = argv[++i];
      if (v !== 'pglite' && v !== 'postgres') throw new Error('--only takes pglite or postgres');
      only = v;
    } else if (a === '--pglite-size') pgliteSize = count(argv[++i], a);
    else if (a === '--raw-seconds') rawSeconds = count(argv[++i], a);
    else if (a === '--creates') creates = count(argv[++i], a);
    else if (a === '--reads') reads = count(argv[++i], a);
    else if (a === '--profile') profileDir = argv[++i] ?? null;
    else size = count(a.replace(/^size=/, ''), 'size');
  }
  return {
    size,
    pgliteSize: pgliteSize ?? Math.min(size, 20_000),
    only,
    rawSeconds,
    creates: { postgres: creates ?? 6000, pglite: creates ?? 2000 },
    reads,
    profileDir,
  };
}

function log(kind: string, message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${kind}: ${message}`);
}

async function benchOne(kind: DatabaseKind, args: BenchArgs): Promise<DbResult> {
  const size = kind === 'postgres' ? args.size : args.pgliteSize;
  const target = await openTarget(kind);
  try {
    log(kind, `seeding ${size} work orders`);
    const seeded = await seed(target.database, size);
    log(kind, `seeded in ${seeded.seconds.toFixed(1)} s; raw insert for ${args.rawSeconds} s`);
    const raw = await rawInsertRate(target.database, args.rawSeconds);
    log(kind, `raw insert ${raw.perSecond.toFixed(0)}/s; starting the server`);
    await target.closeDatabase();
    const server = await startServer(target, args.profileDir ? path.resolve(args.profileDir, kind) : undefined);
    try {
      const agent = await new BenchClient(server.url).login(seeded.agent, BENCH_PASSWORD);
      const manager = await new BenchClient(server.url).login(seeded.manager, BENCH_PASSWORD);
      // Server CPU per request tells whether Node or the database is the limit.
      const cpuPer = async <T>(requests: (r: T) => number, run: () => Promise<T>) => {
        const before = server.cpuMs();
        const result = await run();
        return { result, cpuMs: Math.round(((server.cpuMs() - before) / requests(result)) * 100) / 100 };
      };
      log(kind, `creating ${args.creates[kind]} work orders over HTTP (after a warm-up)`);
      await warmUpCreates(agent, seeded.customerIds);
      const create = await cpuPer((r) => r.requests, () => measureCreate(agent, seeded.customerIds, args.creates[kind]));
      const createFew = await measureCreate(agent, seeded.customerIds, Math.ceil(args.creates[kind] / 2), CREATE_FEW_CONCURRENCY);
      log(kind, `create ${create.result.perSecond}/s (${create.result.errors} failed), ${createFew.perSecond}/s with ${CREATE_FEW_CONCURRENCY} in flight; listing`);
      const list = await cpuPer((r) => r.all.requests + r.team.requests + r.openQueue.requests, () => measureList(agent, manager, args.reads));
      log(kind, `list p95 ${list.result.all.p95} ms; searching`);
      const search = await cpuPer(
        (r) => r.all.requests + Object.values(r.byKind).reduce((n, k) => n + k.requests, 0),
        () => measureSearch(agent, manager, seeded.queries, args.reads),
      );
      log(kind, `search p95 ${search.result.all.p95} ms via ${search.result.endpoint}`);
      return {
        kind,
        workOrders: size,
        customers: seeded.customerIds.length,
        seedSeconds: seeded.seconds,
        rawInsert: { rows: raw.rows, perSecond: raw.perSecond, seconds: args.rawSeconds },
        create: create.result,
        createFew,
        list: list.result,
        search: search.result,
        serverCpuMsPerRequest: { create: create.cpuMs, list: list.cpuMs, search: search.cpuMs },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await target.dispose();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg()[0]!;
  if (loadAtStart > os.cpus().length) {
    console.log(`note: load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores; other work will show in the figures`);
  }
  const kinds: DatabaseKind[] = args.only ? [args.only] : ['postgres', 'pglite'];
  // Build the UI (if stale) before the database runs, so the build does not compete with them.
  await ensureWebBuilt({ quiet: true });
  const webKb = Math.round(firstLoadJsGzipBytes() / 102.4) / 10;
  const results: DbResult[] = [];
  for (const kind of kinds) results.push(await benchOne(kind, args));
  const metrics = { ...flatMetrics(results), web_first_load_js_gzip_kb: webKb };
  printReport(results, metrics);
  console.log(`written: ${writeResults({ ...args, loadAverageAtStart: Math.round(loadAtStart * 10) / 10 }, results, metrics)} and bench/results/latest.json`);
}

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  console.log('\ninterrupted: dropping the benchmark databases and directories');
  void disposeAll().finally(() => process.exit(130));
});

main().catch((error: unknown) => {
  if (interrupted) return; // requests fail as the server stops; the SIGINT handler exits
  console.error('bench failed:', error);
  process.exit(1);
});
