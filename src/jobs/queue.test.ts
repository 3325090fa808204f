/**
 * The job queue on a real database: a timer fires at its moment and not before,
 * a pending timer survives a restart, and with two instances on one PostgreSQL
 * database every job runs exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../db/database.ts';
import { createTestDatabase, type TestDatabase, testDbKind } from '../../test/testDatabase.ts';
import { defineJob } from './defineJob.ts';
import { type JobQueue, startJobQueue } from './queue.ts';

const fired: Array<{ key: string; at: number; instance: string }> = [];

function recorder(instance: string) {
  return defineJob({
    name: 'test.record',
    schema: z.object({ key: z.string() }),
    async handler(data) {
      fired.push({ key: data.key, at: Date.now(), instance });
    },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await sleep(100);
}

let testDb: TestDatabase;
const queues: JobQueue[] = [];
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  for (const q of queues) await q.stop().catch(() => {});
  await testDb?.drop();
});

describe('job queue', () => {
  it('runs a timer at its start time, not before, once', async () => {
    const queue = await startJobQueue(testDb.database, [recorder('a')], { work: true });
    queues.push(queue);
    const due = Date.now() + 1500;
    await queue.send(recorder('a'), { key: 'timer-1' }, { startAfter: new Date(due) });
    await sleep(800);
    expect(fired.filter((f) => f.key === 'timer-1')).toEqual([]);
    await waitFor(() => fired.some((f) => f.key === 'timer-1'), 8000);
    const runs = fired.filter((f) => f.key === 'timer-1');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.at).toBeGreaterThanOrEqual(due);
    await sleep(1200);
    expect(fired.filter((f) => f.key === 'timer-1')).toHaveLength(1);
  }, 30_000);

  it('keeps a pending timer across a restart of the queue', async () => {
    const first = queues.pop()!;
    await first.send(recorder('a'), { key: 'timer-2' }, { startAfter: new Date(Date.now() + 1500) });
    await first.stop();
    const second = await startJobQueue(testDb.database, [recorder('b')], { work: true });
    queues.push(second);
    await waitFor(() => fired.some((f) => f.key === 'timer-2'), 10_000);
    expect(fired.filter((f) => f.key === 'timer-2').map((f) => f.instance)).toEqual(['b']);
  }, 30_000);

  it('sends inside a transaction: the job runs only if the transaction commits', async () => {
    const queue = queues[0]!;
    await testDb.database.db.transaction().execute(async (tx) => {
      await queue.sendIn(tx, recorder('a'), { key: 'committed' });
    });
    await testDb.database.db
      .transaction()
      .execute(async (tx) => {
        await queue.sendIn(tx, recorder('a'), { key: 'rolled-back' });
        throw new Error('roll back');
      })
      .catch(() => {});
    await waitFor(() => fired.some((f) => f.key === 'committed'), 8000);
    await sleep(1500);
    expect(fired.filter((f) => f.key === 'committed')).toHaveLength(1);
    expect(fired.filter((f) => f.key === 'rolled-back')).toEqual([]);
  }, 30_000);

  it('sends several jobs in one statement inside a transaction, each at its moment, with their ids', async () => {
    const queue = queues[0]!;
    const now = Date.now();
    const ids = await testDb.database.db.transaction().execute((tx) =>
      queue.sendManyIn(tx, recorder('a'), [
        { data: { key: 'many-1' }, options: { startAfter: new Date(now + 1200) } },
        { data: { key: 'many-2' } },
      ]),
    );
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    await waitFor(() => fired.some((f) => f.key === 'many-2'), 8000);
    expect(fired.filter((f) => f.key === 'many-1')).toEqual([]);
    await waitFor(() => fired.some((f) => f.key === 'many-1'), 8000);
    expect(fired.find((f) => f.key === 'many-1')!.at).toBeGreaterThanOrEqual(now + 1200);
    await queue.cancel(recorder('a'), ids);
    await expect(queue.sendManyIn(testDb.database.db, recorder('a'), [{ data: { key: 42 } }])).rejects.toThrow();
  }, 30_000);

  it('refuses job data that does not match the schema', async () => {
    await expect(queues[0]!.send(recorder('a'), { key: 42 })).rejects.toThrow();
  });
});

describe.runIf(testDbKind() === 'postgres')('two instances on one PostgreSQL database', () => {
  it('run each job exactly once between them', async () => {
    const other = await openDatabase({ url: testDb.url!, poolSize: 5 });
    const instanceB = await startJobQueue(other, [recorder('other')], { work: true });
    queues.push(instanceB);
    const start = new Date(Date.now() + 1000);
    const keys = Array.from({ length: 30 }, (_, i) => `both-${i}`);
    for (const key of keys) await queues[0]!.send(recorder('x'), { key }, { startAfter: start });
    await waitFor(() => keys.every((k) => fired.some((f) => f.key === k)), 20_000);
    await sleep(1500);
    for (const key of keys) expect(fired.filter((f) => f.key === key)).toHaveLength(1);
    await instanceB.stop();
    queues.pop();
    await other.close();
  }, 60_000);
});
