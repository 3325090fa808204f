/** The caller's choice of notification kinds (stored as the kinds turned off). */
import type { Ctx } from '../../../lib/context.ts';
import { recordEvent } from '../../events/record.ts';
import { NOTIFICATION_KINDS } from '../notify.ts';
import type { NotificationPreferencesBody, NotificationPreferencesView } from '../schema.ts';

async function mutedKinds(ctx: Ctx): Promise<string[]> {
  const row = await ctx.tx.selectFrom('notification_preferences').select('muted_kinds').where('user_id', '=', ctx.actor.id).executeTakeFirst();
  return row?.muted_kinds ?? [];
}

function toView(muted: readonly string[]): NotificationPreferencesView {
  return { inApp: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !muted.includes(k)])) as NotificationPreferencesView['inApp'] };
}

export async function getPreferences(ctx: Ctx): Promise<NotificationPreferencesView> {
  return toView(await mutedKinds(ctx));
}

export async function setPreferences(ctx: Ctx, body: NotificationPreferencesBody): Promise<NotificationPreferencesView> {
  const before = await mutedKinds(ctx);
  const muted = NOTIFICATION_KINDS.filter((k) => (body.inApp[k] === undefined ? before.includes(k) : !body.inApp[k]));
  const changed = muted.length !== before.length || muted.some((k) => !before.includes(k));
  if (!changed) return toView(before);
  await ctx.tx
    .insertInto('notification_preferences')
    .values({ user_id: ctx.actor.id, muted_kinds: muted })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ muted_kinds: muted, updated_at: new Date() }))
    .execute();
  await recordEvent(ctx, {
    subjectType: 'user',
    subjectId: ctx.actor.id,
    type: 'user.notificationPreferencesChanged',
    data: { before: { muted: before }, after: { muted } },
  });
  return toView(muted);
}
