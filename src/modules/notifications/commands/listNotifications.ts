/** The caller's own notifications, newest first, and their unread count. */
import type { Ctx, Tx } from '../../../lib/context.ts';
import { offsetOf, paged } from '../../../lib/pagination.ts';
import type { ListNotificationsQuery, NotificationView } from '../schema.ts';

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
  const items: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationView['kind'],
    workOrderId: r.work_order_id,
    data: r.data,
    actor: r.actor_id && r.actor_name ? { id: r.actor_id, displayName: r.actor_name } : null,
    readAt: r.read_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  }));
  return { ...paged(query, { items, total: Number(total.n) }), unread };
}
