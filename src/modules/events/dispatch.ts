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

/** Runs every matching subscriber, in list order, in the event's transaction. */
export async function dispatchEvent(ctx: Ctx, event: RecordedEvent): Promise<void> {
  const depth = ctx.eventDepth ?? 0;
  if (depth >= MAX_EVENT_DEPTH) return;
  const inner: Ctx = { ...ctx, eventDepth: depth + 1 };
  for (const subscriber of subscribers) {
    if (matches(subscriber, event.type)) await subscriber.handle(inner, event);
  }
}
