/**
 * Drawing work order numbers, before the orders' own transaction (for one create
 * or for several taken together: createBatch.ts).
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
 * bad input leaves no gap. Creates that fail later (a race with an archive, an
 * assignee outside the team, a crash) hand their numbers back when no later number
 * was drawn (giveBackNumbers); otherwise those numbers stay unused — the only way
 * a gap appears.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { formatNumber, serviceDay } from '../numbering.ts';

export interface RefChecks {
  /** The type exists and is not archived (its workflow comes from the configuration cache). */
  typeOk: SqlBool;
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

/** Where the checks read each reference from: parameters (one create) or columns (several). */
export interface RefSource {
  typeKey: RawBuilder<unknown>;
  customerId: RawBuilder<unknown>;
  contactId: RawBuilder<unknown>;
  assetId: RawBuilder<unknown>;
  teamId: RawBuilder<unknown>;
}

/** The references as columns of the row source `x` (jsonb_to_recordset of the creates). */
export function refColumns(x = 'x'): RefSource {
  const col = (name: string) => sql`${sql.ref(`${x}.${name}`)}`;
  return {
    typeKey: col('type_key'),
    customerId: col('customer_id'),
    contactId: col('contact_id'),
    assetId: col('asset_id'),
    teamId: col('team_id'),
  };
}

/**
 * The reference checks of a create as select-list columns of booleans.
 *
 * Written as correlated scalar subqueries, not EXISTS: PostgreSQL may turn an
 * EXISTS in the select list into a hashed subplan that reads the whole referenced
 * table once per statement, and it does so here because it cannot know how few
 * rows jsonb_to_recordset yields (it assumes 100) — every create then scanned all
 * customers. A scalar subquery is always one primary key lookup per row.
 */
export function refChecksColumns(v: RefSource) {
  const found = (lookup: RawBuilder<unknown>) => sql`coalesce((${lookup}), false)`;
  return sql`${found(sql`select true from work_order_types where key = ${v.typeKey} and archived_at is null`)} as "typeOk",
      ${found(sql`select true from customers where id = ${v.customerId} and archived_at is null`)} as "customerOk",
      (${v.contactId} is null or ${found(sql`select true from contacts where id = ${v.contactId} and customer_id = ${v.customerId}`)}) as "contactOk",
      (${v.assetId} is null or ${found(sql`select true from assets where id = ${v.assetId} and customer_id = ${v.customerId}`)}) as "assetOk",
      (${v.teamId} is null or ${found(sql`select true from teams where id = ${v.teamId} and archived_at is null`)}) as "teamOk"`;
}

/** The creates' references as rows for jsonb_to_recordset (see REF_RECORD). */
export function refRecords(inputs: RefInput[]): Array<Record<string, unknown>> {
  return inputs.map((input, i) => ({
    i,
    type_key: input.typeKey,
    customer_id: input.customerId,
    contact_id: input.contactId ?? null,
    asset_id: input.assetId ?? null,
    team_id: input.teamId ?? null,
  }));
}

export interface Draw {
  refs: RefChecks;
  /** Null when a check failed (nothing was drawn for it). */
  drawn: DrawnNumber | null;
  facts: DrawFacts;
}

/**
 * The checks of one or more creates and, for those that pass, the next numbers of
 * the service day in the given order: one statement, one counter bump.
 */
export async function drawNumbers(db: Kysely<DB>, inputs: RefInput[], now = new Date()): Promise<Draw[]> {
  const day = serviceDay(now);
  const { rows } = await sql<RefChecks & { i: number; sequence: number | null; tier: string | null }>`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(refRecords(inputs))}::jsonb)
        as x(i int, type_key text, customer_id uuid, contact_id uuid, asset_id uuid, team_id uuid)
    ),
    checks as (
      select x.i, ${refChecksColumns(refColumns())}, (select tier from customers where id = x.customer_id) as tier
      from x
    ),
    good as (
      select i, row_number() over (order by i) as rn, count(*) over () as n from checks
      where "typeOk" and "customerOk" and "contactOk" and "assetOk" and "teamOk"
    ),
    counter as (
      insert into work_order_counters (day, last)
      select ${day}::date, count(*) from good having count(*) > 0
      on conflict (day) do update set last = work_order_counters.last + excluded.last
      returning last
    )
    select checks.*, (select last from counter) - good.n + good.rn as sequence,
      -- This statement's own commit need not wait for its flush (see the header).
      set_config('synchronous_commit', 'off', true) as sync
    from checks left join good on good.i = checks.i
    order by checks.i`.execute(db);
  return rows.map((row) => {
    const sequence = row.sequence === null ? null : Number(row.sequence);
    return {
      refs: row,
      drawn: sequence === null ? null : { day, sequence, number: formatNumber(day, sequence) },
      facts: { tier: row.tier ?? null },
    };
  });
}

/**
 * Hands numbers back after their creates failed, when they are still the day's
 * last ones (`drawn` consecutive, in drawing order).
 */
export async function giveBackNumbers(db: Kysely<DB>, drawn: DrawnNumber[]): Promise<void> {
  const last = drawn.at(-1);
  if (!last) return;
  await sql`update work_order_counters set last = last - ${drawn.length}::int
    where day = ${last.day}::date and last = ${last.sequence}`.execute(db);
}
