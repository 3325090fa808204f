/**
 * Marking notifications read. A read mark is the reader's own bookkeeping, not a
 * change to anything others see, so it records no event; the user's other tabs
 * still hear of it over realtime so their bells agree.
 */
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { publish } from '../publish.ts';
import { unreadCount } from './listNotifications.ts';

/** Marks one of the caller's notifications read; someone else's is 404 like a missing one. */
export async function markRead(ctx: Ctx, id: string) {
  const row = await ctx.tx
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirst();
  if (!row) throw notFound('NOTIFICATION_NOT_FOUND');
  let marked = 0;
  if (!row.read_at) {
    await ctx.tx.updateTable('notifications').set({ read_at: new Date() }).where('id', '=', id).execute();
    publish(ctx, { k: 'n', u: [ctx.actor.id] });
    marked = 1;
  }
  return { marked, unread: await unreadCount(ctx.tx, ctx.actor.id) };
}

/** Marks all of the caller's unread notifications read (optionally those of one work order). */
export async function markAllRead(ctx: Ctx, input: { workOrderId?: string }) {
  let q = ctx.tx.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', ctx.actor.id).where('read_at', 'is', null);
  if (input.workOrderId) q = q.where('work_order_id', '=', input.workOrderId);
  const result = await q.executeTakeFirst();
  const marked = Number(result.numUpdatedRows);
  if (marked) publish(ctx, { k: 'n', u: [ctx.actor.id] });
  return { marked, unread: await unreadCount(ctx.tx, ctx.actor.id) };
}
