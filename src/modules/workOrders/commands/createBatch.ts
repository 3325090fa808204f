/**
 * Group commit for work order creates. The create is the busiest write there is
 * (every call, mail, chat and portal request), and most of its time is spent
 * waiting: for the number draw, for the insert's round trip, for the commit's
 * flush to disk. Creates that arrive while earlier ones are being written are
 * therefore taken together: one statement checks all their references and draws
 * all their numbers, one statement inserts all the orders with their events and
 * SLA clocks (createWorkOrder.ts), and one commit makes them durable.
 *
 * Nothing waits for company: a create that finds no batch being written is
 * written at once, as a batch of one; only creates arriving meanwhile queue, and
 * at most MAX_IN_FLIGHT batches are written at a time per instance.
 *
 * Each caller still gets its own answer, with its own actor, language and event
 * reactions. A create whose references are bad is refused alone, before anything
 * is written. When a create fails inside the shared transaction, the transaction
 * rolls back for all of them: their numbers are handed back and each is written
 * again on its own, so only the failing one fails.
 */
import type { Database } from '../../../db/database.ts';
import { configCacheOf } from '../../../lib/configCache.ts';
import { type Actor, inSharedCommandTransaction, type MakeCtx } from '../../../lib/context.ts';
import { AppError } from '../../../lib/errors.ts';
import type { CreatedWorkOrderView, CreateWorkOrderBody, PortalCreateWorkOrderBody } from '../schema.ts';
import type { Workflow } from '../tables.ts';
import { createWorkOrders, normalize, throwIfRefsBad } from './createWorkOrder.ts';
import { type Draw, type DrawnNumber, drawNumbers, giveBackNumbers } from './drawNumber.ts';

const MAX_BATCH = 50;
/**
 * Batches written at once: PostgreSQL overlaps two (one inserting while the other
 * waits for its commit's flush); PGlite has one connection, where a second batch
 * would only wait for the first while taking creates that could have joined it.
 */
const MAX_IN_FLIGHT: Record<Database['kind'], number> = { postgres: 2, pglite: 1 };

export interface CreateRequest {
  actor: Actor;
  body: CreateWorkOrderBody | PortalCreateWorkOrderBody;
  /** The caller's context on the shared transaction (requestContext.ts ctxMaker). */
  makeCtx: MakeCtx;
}

interface Waiting {
  input: CreateWorkOrderBody;
  makeCtx: MakeCtx;
  resolve: (view: CreatedWorkOrderView) => void;
  reject: (error: unknown) => void;
}

/** The type's workflow, cached with the configuration (type edits are configuration events). */
async function workflowOf(database: Database, typeKey: string): Promise<Workflow> {
  const load = async () => {
    const types = await database.db.selectFrom('work_order_types').select(['key', 'workflow']).where('archived_at', 'is', null).execute();
    return new Map(types.map((t) => [t.key, t.workflow]));
  };
  const cached = (await configCacheOf(database).get('workOrderTypes.workflows', load)).get(typeKey);
  if (cached) return cached;
  // A type added after this instance filled its cache and before hearing of the change.
  const row = await database.db.selectFrom('work_order_types').select('workflow').where('key', '=', typeKey).executeTakeFirstOrThrow();
  return row.workflow;
}

export class CreateBatcher {
  readonly #queue: Waiting[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(private readonly database: Database) {}

  /** Opens one work order; resolves with its view or rejects with its own error. */
  create(request: CreateRequest): Promise<CreatedWorkOrderView> {
    return new Promise((resolve, reject) => {
      // A customer user without an organisation is refused here, before anything queues.
      const input = normalize(request.actor, request.body);
      this.#queue.push({ input, makeCtx: request.makeCtx, resolve, reject });
      this.#pump();
    });
  }

  /**
   * Starts a batch when one may start, after the requests already received in this
   * turn of the event loop have joined the queue (on PGlite the database works in
   * this thread, so requests arrive in bursts between its statements).
   */
  #pump(): void {
    if (this.#scheduled || this.#inFlight >= MAX_IN_FLIGHT[this.database.kind] || !this.#queue.length) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const batch = this.#queue.splice(0, MAX_BATCH);
      if (!batch.length) return;
      this.#inFlight++;
      this.#write(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
      this.#pump();
    });
  }

  async #write(batch: Waiting[]): Promise<void> {
    let draws: Draw[];
    try {
      draws = await drawNumbers(
        this.database.db,
        batch.map((w) => w.input),
      );
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    const ready: Array<{ w: Waiting; draw: Draw; drawn: DrawnNumber; workflow?: Workflow }> = [];
    batch.forEach((w, i) => {
      const draw = draws[i]!;
      try {
        throwIfRefsBad(draw.refs);
        if (!draw.drawn) throw new AppError('WORK_ORDER_TYPE_UNKNOWN', 500);
        ready.push({ w, draw, drawn: draw.drawn });
      } catch (error) {
        w.reject(error);
      }
    });
    if (!ready.length) return;
    try {
      for (const r of ready) r.workflow = await workflowOf(this.database, r.w.input.typeKey);
      const views = await inSharedCommandTransaction(
        this.database,
        ready.map(({ w }) => w.makeCtx),
        (ctxs) =>
          createWorkOrders(
            ready.map((r, i) => ({
              ctx: ctxs[i]!,
              input: r.w.input,
              drawn: r.drawn,
              known: { ...r.draw.facts, workflow: r.workflow! },
            })),
          ),
      );
      ready.forEach(({ w }, i) => {
        w.resolve(views[i]!);
      });
    } catch (error) {
      await giveBackNumbers(
        this.database.db,
        ready.map((r) => r.drawn),
      ).catch(() => {});
      if (ready.length === 1) {
        ready[0]!.w.reject(error);
        return;
      }
      // One create took the others down with it: each is written again on its own.
      for (const { w } of ready) await this.#write([w]);
    }
  }
}

const batchers = new WeakMap<Database, CreateBatcher>();

/** The instance's create batcher for this database. */
export function workOrderCreates(database: Database): CreateBatcher {
  let batcher = batchers.get(database);
  if (!batcher) {
    batcher = new CreateBatcher(database);
    batchers.set(database, batcher);
  }
  return batcher;
}
