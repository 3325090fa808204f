/**
 * Turns the measurements into a console table with pass/fail per target, the
 * full JSON record (bench/results/<timestamp>.json) and the flat metric → number
 * file (bench/results/latest.json) used to compare runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '../src/db/database.ts';
import type { LoadResult } from './http.ts';
import type { ListResult, SearchResult } from './scenarios.ts';

export const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

export interface DbResult {
  kind: DatabaseKind;
  workOrders: number;
  customers: number;
  seedSeconds: number;
  rawInsert: { rows: number; perSecond: number; seconds: number };
  create: LoadResult;
  /** The same creates with fewer in flight (scenarios.ts CREATE_FEW_CONCURRENCY). */
  createFew: LoadResult;
  list: ListResult;
  search: SearchResult;
  /** Server process CPU per measured request (list and search include their few warm-up requests). */
  serverCpuMsPerRequest: { create: number; list: number; search: number };
}

const PREFIX: Record<DatabaseKind, string> = { postgres: 'pg', pglite: 'pglite' };

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function flatMetrics(results: DbResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) {
    const p = PREFIX[r.kind];
    out[r.kind === 'postgres' ? 'work_orders' : 'pglite_work_orders'] = r.workOrders;
    Object.assign(out, {
      [`${p}_customers`]: r.customers,
      [`${p}_seed_s`]: r1(r.seedSeconds),
      [`${p}_raw_insert_per_s`]: r1(r.rawInsert.perSecond),
      [`${p}_create_per_s`]: r.create.perSecond,
      [`${p}_create_vs_raw_pct`]: r1((100 * r.create.perSecond) / r.rawInsert.perSecond),
      [`${p}_create_p50_ms`]: r.create.p50,
      [`${p}_create_p95_ms`]: r.create.p95,
      [`${p}_create_errors`]: r.create.errors + r.createFew.errors,
      [`${p}_create_8_per_s`]: r.createFew.perSecond,
      [`${p}_create_8_p50_ms`]: r.createFew.p50,
      [`${p}_create_server_cpu_ms`]: r.serverCpuMsPerRequest.create,
      [`${p}_list_p50_ms`]: r.list.all.p50,
      [`${p}_list_p95_ms`]: r.list.all.p95,
      [`${p}_list_team_p95_ms`]: r.list.team.p95,
      [`${p}_list_open_p95_ms`]: r.list.openQueue.p95,
      [`${p}_list_errors`]: r.list.all.errors,
      [`${p}_list_server_cpu_ms`]: r.serverCpuMsPerRequest.list,
      [`${p}_search_p50_ms`]: r.search.all.p50,
      [`${p}_search_p95_ms`]: r.search.all.p95,
      [`${p}_search_errors`]: r.search.all.errors,
      [`${p}_search_server_cpu_ms`]: r.serverCpuMsPerRequest.search,
    });
    for (const [kind, k] of Object.entries(r.search.byKind)) out[`${p}_search_${kind}_p95_ms`] = k.p95;
  }
  return out;
}

interface Check {
  name: string;
  value: number;
  target: string;
  pass: boolean;
}

/** The targets; a measurement with failed requests never passes. */
export function checks(m: Record<string, number>): Check[] {
  const out: Check[] = [];
  if (m.pg_create_per_s !== undefined) {
    const ok = m.pg_create_errors === 0;
    out.push(
      { name: 'pg_create_per_s', value: m.pg_create_per_s, target: `≥ 50% of raw (${r1(m.pg_raw_insert_per_s! / 2)})`, pass: ok && m.pg_create_per_s >= m.pg_raw_insert_per_s! / 2 },
      { name: 'pg_list_p95_ms', value: m.pg_list_p95_ms!, target: '< 50 (at 100k)', pass: m.pg_list_errors === 0 && m.pg_list_p95_ms! < 50 },
      { name: 'pg_search_p95_ms', value: m.pg_search_p95_ms!, target: '< 100 (at 100k)', pass: m.pg_search_errors === 0 && m.pg_search_p95_ms! < 100 },
    );
  }
  if (m.web_first_load_js_gzip_kb !== undefined) {
    out.push({ name: 'web_first_load_js_gzip_kb', value: m.web_first_load_js_gzip_kb, target: '< 600', pass: m.web_first_load_js_gzip_kb < 600 });
  }
  if (m.pglite_create_per_s !== undefined) {
    out.push({ name: 'pglite_create_per_s', value: m.pglite_create_per_s, target: '≥ 300', pass: m.pglite_create_errors === 0 && m.pglite_create_per_s >= 300 });
  }
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join('  ')).join('\n');
}

export function printReport(results: DbResult[], metrics: Record<string, number>): void {
  const rows = [['metric', 'value']];
  for (const [k, v] of Object.entries(metrics)) rows.push([k, String(v)]);
  console.log(`\n${table(rows)}\n`);
  for (const r of results) {
    console.log(
      `${r.kind}: search endpoint ${r.search.endpoint}; seeded work order numbers found ${r.search.seededNumbersFound}/${r.search.seededNumbersTried}`,
    );
    for (const part of [['create', r.create], ['list', r.list.all], ['search', r.search.all]] as const) {
      if (part[1].errors) console.log(`  ${part[0]}: ${part[1].errors} failed requests, first: ${part[1].firstError}`);
    }
  }
  const c = checks(metrics);
  console.log(`\n${table([['target', 'value', 'goal', 'result'], ...c.map((x) => [x.name, String(x.value), x.target, x.pass ? 'PASS' : 'FAIL'])])}\n`);
}

export function writeResults(args: Record<string, unknown>, results: DbResult[], metrics: Record<string, number>): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const at = new Date().toISOString();
  const file = path.join(RESULTS_DIR, `${at.replace(/[:.]/g, '-')}.json`);
  const detail = {
    at,
    args,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: r1(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map(r1) },
    metrics,
    checks: checks(metrics),
    results,
  };
  fs.writeFileSync(file, `${JSON.stringify(detail, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  return file;
}
