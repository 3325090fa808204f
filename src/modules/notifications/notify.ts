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

  const found = await ctx.tx
    .selectFrom('users')
    .leftJoin('notification_preferences as p', 'p.user_id', 'users.id')
    .select('users.id')
    .where('users.id', 'in', candidates)
    .where('users.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('p.muted_kinds', 'is', null), sql<boolean>`not (${input.kind} = any(p.muted_kinds))`]))
    .execute();
  if (!found.length) return;
  const toldBetter = await alreadyToldBetter(ctx, input, found.map((r) => r.id));
  const recipients = found.filter((r) => !toldBetter.has(r.id));
  if (!recipients.length) return;

  const data = { ...(await orderFacts(ctx, input.workOrderId)), ...input.data };
  await dropSuperseded(ctx, input, recipients.map((r) => r.id));
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
  publish(ctx, { k: 'n', u: recipients.map((r) => r.id) });
}

/**
 * Kinds that say more than another kind about the same news: duty routing
 * assigns (which notifies 'assigned') and says why (dutyNewOrder). Within one
 * change, whichever comes second, the user keeps only the more telling one.
 */
const SUPERSEDES: Partial<Record<NotificationKind, NotificationKind[]>> = { dutyNewOrder: ['assigned'] };
const supersededBy = (kind: NotificationKind) =>
  (Object.keys(SUPERSEDES) as NotificationKind[]).filter((k) => SUPERSEDES[k]!.includes(kind));

// now() is the transaction's start: it picks out rows written by this same change.
const sameChange = sql<Date>`now()`;

/** Recipients who already have the more telling kind of this news from this change. */
async function alreadyToldBetter(ctx: Ctx, input: NotifyInput, userIds: string[]): Promise<Set<string>> {
  const better = supersededBy(input.kind);
  if (!better.length || !input.workOrderId) return new Set();
  const rows = await ctx.tx
    .selectFrom('notifications')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('work_order_id', '=', input.workOrderId)
    .where('kind', 'in', better)
    .where('created_at', '=', sameChange)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Removes the less telling kinds of this news written earlier in this change. */
async function dropSuperseded(ctx: Ctx, input: NotifyInput, userIds: string[]): Promise<void> {
  const superseded = SUPERSEDES[input.kind];
  if (!superseded || !input.workOrderId) return;
  await ctx.tx
    .deleteFrom('notifications')
    .where('user_id', 'in', userIds)
    .where('work_order_id', '=', input.workOrderId)
    .where('kind', 'in', superseded)
    .where('created_at', '=', sameChange)
    .execute();
}

/** Number and subject as they were when notified, so the text needs no second lookup. */
async function orderFacts(ctx: Ctx, workOrderId: string | null | undefined): Promise<Record<string, unknown>> {
  if (!workOrderId) return {};
  const row = await ctx.tx.selectFrom('work_orders').select(['number', 'subject']).where('id', '=', workOrderId).executeTakeFirst();
  return row ? { number: row.number, subject: row.subject } : {};
}
