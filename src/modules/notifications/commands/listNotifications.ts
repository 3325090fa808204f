/** The caller's own notifications, newest first, and their unread count. */
import type { Ctx, Tx } from '../../../lib/context.ts';
import { offsetOf, paged } from '../../../lib/pagination.ts';
import { visibleTo } from '../../workOrders/policy.ts';
import type { ListNotificationsQuery, NotificationView } from '../schema.ts';

/** What a notification may still say about an order its reader can no longer see (moved to another team). */
const KEPT_WHEN_HIDDEN = ['number', 'clock', 'percent', 'transfer'];

/** The orders among these that the caller may see now. */
async function stillVisible(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ctx.tx.selectFrom('work_orders').select('id').where('id', 'in', ids).where(visibleTo(ctx.actor)).execute();
  return new Set(rows.map((r) => r.id));
}

export async function unreadCount(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(ctx: Ctx, query: ListNotificationsQuery) {
  let base = ctx.tx.selectFrom('notifications as n').where('n.user_id', '=', ctx.actor.id);
  if (query.unread === 'true') base = base.where('n.read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    base
      .leftJoin('users as a', 'a.id', 'n.actor_id')
      .select(['n.id', 'n.kind', 'n.work_order_id', 'n.data', 'n.actor_id', 'n.read_at', 'n.created_at', 'a.display_name as actor_name'])
      .orderBy('n.seq', 'desc')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unreadCount(ctx.tx, ctx.actor.id),
  ]);
  const visible = await stillVisible(ctx, [...new Set(rows.flatMap((r) => (r.work_order_id ? [r.work_order_id] : [])))]);
  const items = rows.map((r) => present(r, r.work_order_id !== null && !visible.has(r.work_order_id)));
  return { ...paged(query, { items, total: Number(total.n) }), unread };
}

interface Row {
  id: string;
  kind: string;
  work_order_id: string | null;
  data: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
  read_at: Date | null;
  created_at: Date;
}

/** `hidden`: the reader may no longer see the order; its subject and what was said stay with those who may. */
function present(r: Row, hidden: boolean): NotificationView {
  return {
    id: r.id,
    kind: r.kind as NotificationView['kind'],
    workOrderId: hidden ? null : r.work_order_id,
    data: hidden ? Object.fromEntries(Object.entries(r.data).filter(([k]) => KEPT_WHEN_HIDDEN.includes(k))) : r.data,
    actor: r.actor_id && r.actor_name ? { id: r.actor_id, displayName: r.actor_name } : null,
    readAt: r.read_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}
