/**
 * The measured scenarios, all over HTTP against the real server: creating work
 * orders, listing queues, and quick search. Each is a bounded number of requests
 * with a few in flight, after a short warm-up that is not counted.
 */
import { pick, rng } from './corpus.ts';
import { type BenchClient, type LoadResult, runLoad } from './http.ts';
import type { SearchQuery } from './seed.ts';

/**
 * Creates in flight. A create rate is the rate the server sustains, so it is
 * measured with enough creates in flight to keep it busy: 32, as from a service
 * desk's agents, portal and mail intake together. Creates that arrive together
 * are committed together (workOrders/commands/createBatch.ts), which only shows
 * under such load. The rate with 8 in flight, the headline of earlier runs, is
 * reported beside it (`*_create_8_per_s`).
 */
export const CREATE_CONCURRENCY = 32;
export const CREATE_FEW_CONCURRENCY = 8;
export const READ_CONCURRENCY = 4;
const WARM_UP = 20;
/**
 * Creates before the measured ones, not counted: a server that has just started
 * compiles its hot code while it serves the first thousand or so creates (on a
 * second core the database also needs), and the rate a service desk sees is the
 * rate of a server that has been running.
 */
const CREATE_WARM_UP = 1000;

const SUBJECTS = ['打印机卡纸，无法打印', 'Server room UPS alarm', '监控画面黑屏', '咨询延保价格', 'NAS disk failure warning'];

function createBodies(customerIds: string[], seed: number) {
  const random = rng(seed);
  const body = (i: number) => ({
    typeKey: 'repair',
    channel: 'phone',
    subject: `${pick(random, SUBJECTS)} #${i}`,
    description: '客户来电反映设备故障，已指导重启无效，需要安排工程师上门检查。Model HP LaserJet M404dn, serial SN20261125.',
    customerId: pick(random, customerIds),
    priority: 'normal',
  });
  return body;
}

/** The uncounted creates before the measured ones (CREATE_WARM_UP). */
export async function warmUpCreates(agent: BenchClient, customerIds: string[]): Promise<void> {
  const body = createBodies(customerIds, 7);
  await runLoad(CREATE_WARM_UP, CREATE_CONCURRENCY, (i) => agent.request('POST', '/api/v1/work-orders', body(i)));
}

export async function measureCreate(
  agent: BenchClient,
  customerIds: string[],
  count: number,
  concurrency = CREATE_CONCURRENCY,
): Promise<LoadResult> {
  const body = createBodies(customerIds, 42);
  return runLoad(count, concurrency, (i) => agent.request('POST', '/api/v1/work-orders', body(i)));
}

export interface ListResult {
  all: LoadResult;
  team: LoadResult;
  openQueue: LoadResult;
}

export async function measureList(agent: BenchClient, manager: BenchClient, count: number): Promise<ListResult> {
  const team = '/api/v1/work-orders?view=team&pageSize=20';
  const openQueue = '/api/v1/work-orders?view=all&statusCategory=new,open&pageSize=20';
  for (let i = 0; i < WARM_UP; i++) {
    await agent.request('GET', team);
    await manager.request('GET', openQueue);
  }
  const half = Math.ceil(count / 2);
  const teamResult = await runLoad(half, READ_CONCURRENCY, () => agent.request('GET', team));
  const openResult = await runLoad(half, READ_CONCURRENCY, () => manager.request('GET', openQueue));
  // Both queues together, interleaved, give the headline percentiles.
  const all = await runLoad(count, READ_CONCURRENCY, (i) => (i % 2 ? agent.request('GET', team) : manager.request('GET', openQueue)));
  return { all, team: teamResult, openQueue: openResult };
}

export interface SearchResult {
  endpoint: string;
  /** Seeded work order numbers that search found (as a manager, who sees all): proves the seeded tokens match. */
  seededNumbersFound: number;
  seededNumbersTried: number;
  all: LoadResult;
  byKind: Record<string, LoadResult>;
}

/** The lead's quick search if it exists, else the work order list's q filter. */
export async function searchEndpoint(agent: BenchClient): Promise<string> {
  const res = await agent.request('GET', `/api/v1/search?q=${encodeURIComponent('打印')}`);
  return res.status === 404 ? '/api/v1/work-orders?pageSize=10&q=' : '/api/v1/search?q=';
}

function numbersIn(body: unknown): string[] {
  const b = body as { workOrders?: Array<{ number: string }>; items?: Array<{ number: string }> };
  return (b.workOrders ?? b.items ?? []).map((w) => w.number);
}

export async function measureSearch(agent: BenchClient, manager: BenchClient, queries: SearchQuery[], count: number): Promise<SearchResult> {
  const endpoint = await searchEndpoint(agent);
  const url = (q: SearchQuery) => `${endpoint}${encodeURIComponent(q.q)}`;
  const numbers = queries.filter((q) => q.kind === 'number');
  let found = 0;
  for (const q of numbers) if (numbersIn((await manager.request('GET', url(q))).body).includes(q.q)) found++;
  // The headline mix is what people type to find something that exists; misses are reported on their own.
  const mix = queries.filter((q) => q.kind !== 'miss');
  for (let i = 0; i < WARM_UP; i++) await agent.request('GET', url(mix[i % mix.length]!));
  const all = await runLoad(count, READ_CONCURRENCY, (i) => agent.request('GET', url(mix[i % mix.length]!)));
  const byKind: Record<string, LoadResult> = {};
  for (const kind of [...new Set(queries.map((q) => q.kind))]) {
    const mine = queries.filter((q) => q.kind === kind);
    byKind[kind] = await runLoad(Math.max(20, Math.ceil(count / 10)), READ_CONCURRENCY, (i) => agent.request('GET', url(mine[i % mine.length]!)));
  }
  return {
    endpoint: endpoint.replace(/[?&]?q=$/, ''),
    seededNumbersFound: found,
    seededNumbersTried: numbers.length,
    all,
    byKind,
  };
}
