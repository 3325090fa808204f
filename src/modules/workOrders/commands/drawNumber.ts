/**
 * Drawing a work order number, before the order's own transaction.
 *
 * Why not bump the counter inside the create transaction: the counter row's lock
 * would then be held until that transaction's commit is flushed to disk, so every
 * create in the country waits for the previous one's fsync — creates would run
 * one at a time. Here the counter is bumped by one statement of its own that
 * commits without waiting for its flush (synchronous_commit off for it alone), so
 * the lock lasts microseconds and the creates' flushes group together.
 *
 * Nothing is lost by that: the order that uses the number commits later with a
 * normal, flushed commit, and flushing the log up to it flushes the counter bump
 * before it. If the server dies before the order commits, the bump may be lost
 * too and the number is drawn again: still no gap, no duplicate.
 *
 * The statement checks the references first and bumps nothing when one is bad, so
 * bad input leaves no gap. A create that fails later (a race with an archive, a
 * crash) hands its number back when no later number was drawn (giveBackNumber);
 * otherwise that one number stays unused — the only way a gap appears.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { formatNumber, serviceDay } from '../numbering.ts';
import type { Workflow } from '../tables.ts';

export interface RefChecks {
  workflow: Workflow | null;
  customerOk: SqlBool;
  contactOk: SqlBool;
  assetOk: SqlBool;
  teamOk: SqlBool;
}

export interface RefInput {
  typeKey: string;
  customerId: string;
  contactId?: string | null;
  assetId?: string | null;
  teamId?: string | null;
}

/** What the checks read that the create needs again: the customer's service tier (SLA matching). */
export interface DrawFacts {
  tier: string | null;
}

export interface DrawnNumber {
  day: string;
  sequence: number;
  number: string;
}

/** SQL for the reference checks of a create, as one row of booleans plus the type's workflow. */
export function refChecksSql(input: RefInput) {
  const exists = (table: string, id: string | null | undefined, extra: ReturnType<typeof sql>) =>
    id ? sql<boolean>`exists(select 1 from ${sql.table(table)} where id = ${id}::uuid and ${extra})` : sql<boolean>`true`;
  return sql`select
      (select workflow from work_order_types where key = ${input.typeKey} and archived_at is null) as workflow,
      exists(select 1 from customers where id = ${input.customerId}::uuid and archived_at is null) as "customerOk",
      ${exists('contacts', input.contactId, sql`customer_id = ${input.customerId}::uuid`)} as "contactOk",
      ${exists('assets', input.assetId, sql`customer_id = ${input.customerId}::uuid`)} as "assetOk",
      ${exists('teams', input.teamId, sql`archived_at is null`)} as "teamOk"`;
}

/** True when every reference is good (the type's initial status is checked by the insert). */
export function refsOk(refs: RefChecks): boolean {
  return Boolean(refs.workflow && refs.customerOk && refs.contactOk && refs.assetOk && refs.teamOk);
}

/** The checks and, when they pass, the next number of the service day. */
export async function drawNumber(
  db: Kysely<DB>,
  input: RefInput,
  now = new Date(),
): Promise<{ refs: RefChecks; drawn: DrawnNumber | null; facts: DrawFacts }> {
  const day = serviceDay(now);
  const { rows } = await sql<RefChecks & { last: number | null; tier: string | null }>`
    with checks as (${refChecksSql(input)}),
    counter as (
      insert into work_order_counters (day, last)
      select ${day}::date, 1 from checks
      where checks.workflow is not null and checks."customerOk" and checks."contactOk" and checks."assetOk" and checks."teamOk"
      on conflict (day) do update set last = work_order_counters.last + 1
      returning last
    )
    select checks.*, (select last from counter) as last,
      (select tier from customers where id = ${input.customerId}::uuid) as tier,
      -- This statement's own commit need not wait for its flush (see the header).
      set_config('synchronous_commit', 'off', true) as sync
    from checks`.execute(db);
  const row = rows[0]!;
  const last = row.last === null ? null : Number(row.last);
  return {
    refs: row,
    drawn: last === null ? null : { day, sequence: last, number: formatNumber(day, last) },
    facts: { tier: row.tier ?? null },
  };
}

/** Hands a number back after its create failed, when it is still the day's last one. */
export async function giveBackNumber(db: Kysely<DB>, drawn: DrawnNumber): Promise<void> {
  await sql`update work_order_counters set last = last - 1 where day = ${drawn.day}::date and last = ${drawn.sequence}`.execute(db);
}
