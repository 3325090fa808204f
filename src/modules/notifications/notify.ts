/**
 * The one way any module tells staff about something in-app (assignment, customer
 * reply, mention, SLA warning/breach, duty routing, automation rules). Writes one
 * notification per recipient in the caller's transaction and announces them over
 * realtime, delivered only if that transaction commits.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { publish } from './publish.ts';

export type NotificationKind = 'assigned' | 'customerReply' | 'mention' | 'slaWarning' | 'slaBreach' | 'dutyNewOrder' | 'rule';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'assigned',
  'customerReply',
  'mention',
  'slaWarning',
  'slaBreach',
  'dutyNewOrder',
  'rule',
];

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  workOrderId?: string | null;
  /** What the UI needs to word it (e.g. clockLabel, ruleName); number and subject are filled in from the order. */
  data?: Record<string, unknown>;
}

/**
 * Notifies each user once, skipping the actor (nobody is told about their own
 * action), disabled users, and users who turned this kind off.
 */
export async function notify(ctx: Ctx, input: NotifyInput): Promise<void> {
  const actorId = ctx.actor.via === 'system' ? null : ctx.actor.id;
  const candidates = [...new Set(input.userIds)].filter((id) => id !== actorId);
  if (!candidates.length) return;

  const recipients = await ctx.tx
    .selectFrom('users')
    .leftJoin('notification_preferences as p', 'p.user_id', 'users.id')
    .select('users.id')
    .where('users.id', 'in', candidates)
    .where('users.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('p.muted_kinds', 'is', null), sql<boolean>`not (${input.kind} = any(p.muted_kinds))`]))
    .execute();
  if (!recipients.length) return;

  const data = { ...(await orderFacts(ctx, input.workOrderId)), ...input.data };
  await ctx.tx
    .insertInto('notifications')
    .values(
      recipients.map((r) => ({
        user_id: r.id,
        kind: input.kind,
        work_order_id: input.workOrderId ?? null,
        data: JSON.stringify(data),
        actor_id: actorId,
      })),
    )
    .execute();
  await publish(ctx.tx, { k: 'n', u: recipients.map((r) => r.id) });
}

/** Number and subject as they were when notified, so the text needs no second lookup. */
async function orderFacts(ctx: Ctx, workOrderId: string | null | undefined): Promise<Record<string, unknown>> {
  if (!workOrderId) return {};
  const row = await ctx.tx.selectFrom('work_orders').select(['number', 'subject']).where('id', '=', workOrderId).executeTakeFirst();
  return row ? { number: row.number, subject: row.subject } : {};
}
