/**
 * Seeds a migrated database for the benchmark: staff (a logged-in agent in the
 * repair team, a manager, handlers per team), ~size/20 customers with contacts,
 * and `size` work orders; then ANALYZE so the planner sees the real sizes, and
 * CHECKPOINT so the load is on disk before anything is timed.
 * Returns who logs in and the search queries drawn from the seeded data.
 */
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { hashPassword } from '../src/modules/identity/secrets.ts';
import { rng } from './corpus.ts';
import { type SeededCustomer, seedCustomers } from './seedCustomers.ts';
import { type Staff, seedWorkOrders } from './seedWorkOrders.ts';

export const BENCH_PASSWORD = 'bench-password-1';

export interface SearchQuery {
  /** `miss`: words in no seeded record (typos, other vocabulary), measured apart from the headline mix. */
  kind: 'cjk1' | 'cjk2' | 'customer' | 'phone4' | 'number' | 'miss';
  q: string;
}

export interface Seeded {
  agent: string;
  manager: string;
  customerIds: string[];
  queries: SearchQuery[];
  seconds: number;
}

async function addUser(database: Database, username: string, role: 'agent' | 'manager' | 'technician', teamIds: string[], password?: string) {
  const user = await database.db
    .insertInto('users')
    .values({
      username,
      display_name: username,
      role,
      password_hash: password ? await hashPassword(password) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (teamIds.length) {
    await database.db.insertInto('team_members').values(teamIds.map((team_id) => ({ team_id, user_id: user.id }))).execute();
  }
  return user.id;
}

async function seedStaff(database: Database): Promise<{ staff: Staff; agent: string; manager: string }> {
  const teams = await database.db.selectFrom('teams').select(['id', 'key']).execute();
  const team = (key: string) => teams.find((t) => t.key === key)!.id;
  const types = await database.db.selectFrom('work_order_types').select(['key', 'default_team_id']).execute();
  const agentId = await addUser(database, 'bench_agent', 'agent', [team('repair')], BENCH_PASSWORD);
  await addUser(database, 'bench_manager', 'manager', [], BENCH_PASSWORD);
  const desk = [agentId, await addUser(database, 'desk_1', 'agent', [team('service')]), await addUser(database, 'desk_2', 'agent', [team('service')])];
  const handlers = new Map<string, string[]>();
  for (const t of teams) {
    const ids = [];
    for (let i = 1; i <= 3; i++) ids.push(await addUser(database, `tech_${t.key}_${i}`, 'technician', [t.id]));
    handlers.set(t.id, ids);
  }
  handlers.get(team('repair'))!.push(agentId);
  const teamOfType = new Map(types.map((t) => [t.key, t.default_team_id ?? team('service')]));
  return { staff: { desk, handlers, teamOfType, allTeams: teams.map((t) => t.id) }, agent: 'bench_agent', manager: 'bench_manager' };
}

function fragment(name: string): string {
  // "杭州西湖电子有限公司" → "西湖电子"; English names → their second word.
  if (/^[A-Za-z]/.test(name)) return name.split(' ')[1] ?? name;
  return Array.from(name).slice(2, 6).join('');
}

function searchQueries(customers: SeededCustomer[], numbers: string[]): SearchQuery[] {
  const queries: SearchQuery[] = [];
  for (const q of ['修', '机', '卡', '网']) queries.push({ kind: 'cjk1', q });
  for (const q of ['打印', '卡纸', '投诉', '巡检', '黑屏']) queries.push({ kind: 'cjk2', q });
  const step = Math.max(1, Math.floor(customers.length / 10));
  for (let i = 0; i < customers.length && queries.length < 30; i += step) {
    const c = customers[i]!;
    queries.push({ kind: 'customer', q: fragment(c.name) });
    queries.push({ kind: 'phone4', q: c.contacts[0]!.phone.slice(-4) });
  }
  for (const n of numbers.slice(0, 10)) queries.push({ kind: 'number', q: n });
  for (const q of ['printer', 'toner', 'zzqx', '鲸鱼']) queries.push({ kind: 'miss', q });
  return queries;
}

export async function seed(database: Database, size: number): Promise<Seeded> {
  const started = performance.now();
  const random = rng(size);
  const { staff, agent, manager } = await seedStaff(database);
  const customers = await seedCustomers(database.db, random, Math.max(1, Math.ceil(size / 20)));
  const numbers = await seedWorkOrders(database.db, random, size, customers, staff);
  // A real database of this size was vacuumed long ago; left to autovacuum, the bulk
  // load's first vacuum (hundreds of thousands of new rows) runs during the measurements.
  await sql`vacuum analyze`.execute(database.db);
  // Write the bulk load out now: otherwise its write-back slows the fsyncs of the measurements that follow.
  await sql`checkpoint`.execute(database.db).catch(() => console.log('note: no CHECKPOINT privilege; the bulk load may still be writing back'));
  return {
    agent,
    manager,
    customerIds: customers.map((c) => c.id),
    queries: searchQueries(customers, numbers),
    seconds: (performance.now() - started) / 1000,
  };
}
