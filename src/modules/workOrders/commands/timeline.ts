/**
 * A work order's timeline: its events in order with the actors' names. Customers
 * see public events only, and of those only what concerns them.
 */
import type { Ctx } from '../../../lib/context.ts';
import { can, loadVisibleWorkOrder } from '../policy.ts';
import type { TimelineItem } from '../schema.ts';

/**
 * For these public event types a customer reads only the listed keys (teams and
 * staff ids stay inside). Other public events (e.g. attachments) are written for
 * customers by their module and pass through whole.
 */
const PUBLIC_KEYS: Record<string, string[]> = {
  'workOrder.created': ['typeKey', 'channel', 'subject', 'status'],
  'workOrder.statusChanged': ['from', 'to', 'fromCategory', 'toCategory', 'comment', 'reason'],
  'workOrder.replied': ['body'],
};

const MAX_EVENTS = 1000;

function baseQuery(ctx: Ctx) {
  return ctx.tx
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.type', 'e.occurred_at', 'e.public', 'e.actor_id', 'e.data', 'u.display_name'])
    .where('e.subject_type', '=', 'work_order');
}

type EventRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function present(row: EventRow, customerView: boolean): TimelineItem {
  let data = row.data;
  if (customerView) {
    const keys = PUBLIC_KEYS[row.type];
    if (keys) data = Object.fromEntries(keys.filter((k) => k in row.data).map((k) => [k, row.data[k]]));
  }
  return {
    id: row.id,
    type: row.type,
    at: row.occurred_at.toISOString(),
    public: row.public,
    actor: row.actor_id ? { id: row.actor_id, displayName: row.display_name ?? '' } : null,
    data,
  };
}

export async function getTimeline(ctx: Ctx, id: string): Promise<TimelineItem[]> {
  const order = await loadVisibleWorkOrder(ctx, id);
  const seeInternal = can(ctx.actor, 'seeInternal', order);
  let q = baseQuery(ctx).where('e.subject_id', '=', id);
  if (!seeInternal) q = q.where('e.public', '=', true);
  const rows = await q.orderBy('e.id').limit(MAX_EVENTS).execute();
  return rows.map((row) => present(row, !seeInternal));
}

/** One event as a timeline item (the reply just written). */
export async function getTimelineItem(ctx: Ctx, eventId: number): Promise<TimelineItem> {
  const row = await baseQuery(ctx).where('e.id', '=', eventId).executeTakeFirstOrThrow();
  return present(row, ctx.actor.role === 'customer');
}
