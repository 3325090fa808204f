/**
 * Event subscribers: what reacts to a change inside the change's own transaction
 * (SLA clocks, duty routing, automation rules, notifications, realtime push).
 * Each module exports its subscribers; src/server/eventSubscribers.ts lists them
 * all in order and installs the list at start. recordEvent calls dispatchEvent
 * after writing the event, so a reaction commits or rolls back with the change.
 *
 * A subscriber that changes something records events of its own, which dispatch
 * again one level deeper (ctx.eventDepth). Past MAX_EVENT_DEPTH nothing more is
 * dispatched: a chain of reactions cannot loop forever.
 */
import type { Ctx } from '../../lib/context.ts';
import type { NewEvent } from './record.ts';

export interface RecordedEvent extends NewEvent {
  id: number;
  /** Null for the system actor (jobs, timers). */
  actorId: string | null;
}

export interface EventSubscriber {
  /** For logs and ordering; e.g. 'sla.clocks'. */
  name: string;
  /** Event types it reacts to (e.g. 'workOrder.created'), or '*' for all. */
  types: readonly string[] | '*';
  handle(ctx: Ctx, event: RecordedEvent): Promise<void>;
}

export const MAX_EVENT_DEPTH = 4;

let subscribers: readonly EventSubscriber[] = [];

/** Installs the subscriber list (once at start, from src/server/eventSubscribers.ts). */
export function setEventSubscribers(list: readonly EventSubscriber[]): void {
  subscribers = list;
}

function matches(subscriber: EventSubscriber, type: string): boolean {
  return subscriber.types === '*' || subscriber.types.includes(type);
}

export function hasSubscribers(type: string): boolean {
  return subscribers.some((s) => matches(s, type));
}

/** Events waiting for their turn, per transaction, while an earlier event is being dispatched. */
const waiting = new WeakMap<object, Array<() => Promise<void>>>();

/**
 * Runs every matching subscriber, in list order, in the event's transaction.
 * Events are dispatched in the order they happened: an event recorded by a
 * subscriber waits until every subscriber has seen the event being handled. So
 * when rules raise a new order's priority, SLA sees 'created' before 'updated',
 * as it happened, and not the other way round. The outermost call returns only
 * when every reaction, however deep, has run.
 */
export async function dispatchEvent(ctx: Ctx, event: RecordedEvent): Promise<void> {
  const depth = ctx.eventDepth ?? 0;
  if (depth >= MAX_EVENT_DEPTH) return;
  const inner: Ctx = { ...ctx, eventDepth: depth + 1 };
  const run = async () => {
    for (const subscriber of subscribers) {
      if (matches(subscriber, event.type)) await subscriber.handle(inner, event);
    }
  };
  const queue = waiting.get(ctx.tx);
  if (queue) {
    queue.push(run);
    return;
  }
  const mine = [run];
  waiting.set(ctx.tx, mine);
  try {
    for (let next = mine.shift(); next; next = mine.shift()) await next();
  } finally {
    waiting.delete(ctx.tx);
  }
}
