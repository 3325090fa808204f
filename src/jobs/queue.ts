/**
 * The durable job queue (pg-boss) on Kefu's own database: PGlite or PostgreSQL,
 * same code. Timers are jobs with a start time, so they survive restarts and fire
 * at their moment (polled every half second); on PostgreSQL several instances
 * share the queue and each job runs once (pg-boss fetches with SKIP LOCKED).
 *
 * pg-boss talks to the database through `Database.query`, so on PGlite its
 * statements wait for the single connection like any request and never land
 * inside another transaction.
 */
import crypto from 'node:crypto';
import { CompiledQuery, type RawBuilder, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { Tx } from '../lib/context.ts';
import type { JobDefinition } from './defineJob.ts';

export interface SendOptions {
  /** Run no earlier than this moment (timers). */
  startAfter?: Date;
  /** At most one queued job with this key per queue (e.g. one SLA timer per order and clock). */
  singletonKey?: string;
  retryLimit?: number;
}

export interface JobQueue {
  send<T>(job: JobDefinition, data: T, options?: SendOptions): Promise<string | null>;
  /**
   * Sends inside a transaction: the job row is written by that transaction, so it
   * exists only if the transaction commits (an SLA timer never outlives a rolled-back change).
   */
  sendIn<T>(tx: Tx, job: JobDefinition, data: T, options?: SendOptions): Promise<string | null>;
  /**
   * Several jobs of one definition in one statement, inside a transaction (e.g. the
   * SLA timers of a new work order's clocks); returns their ids in the given order.
   */
  sendManyIn<T>(tx: Tx, job: JobDefinition, items: Array<{ data: T; options?: SendOptions }>): Promise<string[]>;
  /**
   * The insert of several jobs as a statement fragment to embed in the caller's
   * own statement (a data-modifying CTE), with the ids chosen here: the work order
   * create starts its SLA timers in the same round trip as the order.
   */
  insertFragment<T>(job: JobDefinition, items: Array<{ data: T; options?: SendOptions }>): Promise<JobInsert>;
  /** Cancels queued jobs by id (e.g. a timer that no longer applies). */
  cancel(job: JobDefinition, ids: string[]): Promise<void>;
  /** Cancels inside a transaction, undone if it rolls back. */
  cancelIn(tx: Tx, job: JobDefinition, ids: string[]): Promise<void>;
  stop(): Promise<void>;
}

export interface JobInsert {
  ids: string[];
  sql: RawBuilder<unknown>;
}

/**
 * pg-boss's own statement with its positional parameters turned into a Kysely
 * fragment, so Kysely numbers them within the statement it is embedded in.
 */
function fragmentOf(text: string, values: unknown[]): RawBuilder<unknown> {
  const parts = text.split(/\$(\d+)\b/);
  const strings: string[] = [parts[0]!];
  const args: unknown[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    args.push(values[Number(parts[i]) - 1]);
    strings.push(parts[i + 1]!);
  }
  return sql(Object.assign([...strings], { raw: strings }) as TemplateStringsArray, ...args);
}

/** pg-boss's database interface over a Kysely transaction. */
function executorFor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await tx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

export interface QueueOptions {
  /** Handle jobs in this process (KEFU_ROLE all|worker); web-only instances only send. */
  work: boolean;
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

export async function startJobQueue(
  database: Database,
  jobs: JobDefinition[],
  options: QueueOptions,
): Promise<JobQueue> {
  // A handler still running when stop() gave up waiting finishes later: its job's
  // completion is then dropped (the database may be closed by now), and the job
  // runs again once its lease expires, as after a crash.
  let stopped = false;
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values: unknown[]) => (stopped ? { rows: [] } : database.query(text, values)) },
    schema: 'pgboss',
    // Kefu schedules with start times, not cron; maintenance still runs.
    schedule: false,
  });
  boss.on('error', (error: Error) => (options.onError ?? ((e) => console.error('job queue:', e.message)))(error));
  await boss.start();

  const sendVia = async (db: PgBoss.Db | undefined, job: JobDefinition, data: unknown, sendOptions: SendOptions = {}) => {
    const payload = job.schema.parse(data) as object;
    return boss.send(job.name, payload, {
      startAfter: sendOptions.startAfter,
      singletonKey: sendOptions.singletonKey,
      retryLimit: sendOptions.retryLimit ?? 3,
      ...(db ? { db } : {}),
    });
  };

  const jobRows = (job: JobDefinition, items: Array<{ data: unknown; options?: SendOptions }>) =>
    // Ids chosen here, so the caller knows each job's id whatever the insert returns.
    items.map(({ data, options = {} }) => ({
      id: crypto.randomUUID(),
      name: job.name,
      data: job.schema.parse(data) as object,
      startAfter: options.startAfter?.toISOString(),
      singletonKey: options.singletonKey,
      retryLimit: options.retryLimit ?? 3,
    }));

  const queue: JobQueue = {
    send: (job, data, sendOptions) => sendVia(undefined, job, data, sendOptions),
    sendIn: (tx, job, data, sendOptions) => sendVia(executorFor(tx), job, data, sendOptions),
    async sendManyIn(tx, job, items) {
      if (!items.length) return [];
      const jobs = jobRows(job, items);
      await boss.insert(jobs, { db: executorFor(tx) });
      return jobs.map((j) => j.id);
    },
    async insertFragment(job, items) {
      const jobs = jobRows(job, items);
      // pg-boss builds its insert; it is captured here instead of being run.
      let captured: RawBuilder<unknown> | null = null;
      await boss.insert(jobs, {
        db: {
          async executeSql(text: string, values: unknown[]) {
            captured = fragmentOf(text, values);
            return { rows: [] };
          },
        },
      });
      if (!captured) throw new Error('pg-boss did not build its insert');
      return { ids: jobs.map((j) => j.id), sql: captured };
    },
    async cancel(job, ids) {
      if (ids.length) await boss.cancel(job.name, ids);
    },
    async cancelIn(tx, job, ids) {
      if (ids.length) await boss.cancel(job.name, ids, { db: executorFor(tx) });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      stopped = true;
    },
  };

  for (const job of jobs) {
    await boss.createQueue(job.name);
    if (!options.work) continue;
    await boss.work(
      job.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5, batchSize: 1 },
      async ([item]) => {
        if (!item) return;
        const data = job.schema.parse(item.data);
        await job.handler(data, { database, jobId: item.id, queue });
      },
    );
  }

  return queue;
}
