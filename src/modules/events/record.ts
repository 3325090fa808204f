/**
 * Every change writes one event row in the same transaction. The work order
 * timeline and the audit log read these rows; subscribers (dispatch.ts) react to them.
 */
import type { Ctx } from '../../lib/context.ts';
import { dispatchEvent } from './dispatch.ts';

export type SubjectType = 'customer' | 'work_order' | 'user' | 'team' | 'config';

export interface NewEvent {
  subjectType: SubjectType;
  subjectId: string;
  type: string;
  data?: Record<string, unknown>;
  /** Shown to the customer on their side of a work order. */
  public?: boolean;
}

/** The events row for an event, for commands that insert it within a larger statement. */
export function eventRow(ctx: Ctx, event: NewEvent) {
  return {
    actor_id: ctx.actor.via === 'system' ? null : ctx.actor.id,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    type: event.type,
    // A change made by an automation rule says so in the event itself (timeline, audit).
    data: JSON.stringify(ctx.rule ? { ...event.data, rule: ctx.rule } : (event.data ?? {})),
    public: event.public ?? false,
  };
}

/** Events written per command transaction (keyed by its afterCommit list, shared by every ctx derived from it). */
const written = new WeakMap<object, number>();

/** How many events this ctx's transaction has written through recordEvent so far. */
export function eventsWritten(ctx: Ctx): number {
  return written.get(ctx.afterCommit) ?? 0;
}

/** Writes the event and runs its subscribers (dispatch.ts), all in ctx's transaction. */
export async function recordEvent(ctx: Ctx, event: NewEvent): Promise<number> {
  const values = eventRow(ctx, event);
  const row = await ctx.tx.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow();
  written.set(ctx.afterCommit, eventsWritten(ctx) + 1);
  await dispatchEvent(ctx, { ...event, id: row.id, actorId: values.actor_id });
  return row.id;
}

/** Field-level before/after for the audit log: only the keys whose values differ. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
