/**
 * What notifications and realtime make of work order events: every event is
 * announced to open queues; assignment, a customer's reply and @mentions become
 * notifications. SLA, duty and rule notifications are sent by those modules via notify().
 */
import type { Ctx } from '../../lib/context.ts';
import type { EventSubscriber, RecordedEvent } from '../events/dispatch.ts';
import { loadActors, whoMaySee } from './audience.ts';
import { parseMentions } from './mentions.ts';
import { notify } from './notify.ts';
import { publish } from './publish.ts';

/** Every committed work order event reaches the open queues of those who may see it (see hub.ts). */
export const realtimeWorkOrderEvents: EventSubscriber = {
  name: 'notifications.realtime',
  types: '*',
  async handle(ctx, event) {
    if (event.subjectType !== 'work_order') return;
    publish(ctx, { k: 'wo', id: event.subjectId, type: event.type, pub: event.public ?? false });
  },
};

const EXCERPT_LENGTH = 120;

function excerpt(body: unknown): string {
  const text = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim() : '';
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

interface Movement {
  from?: { assigneeId?: string | null };
  to?: { assigneeId?: string | null };
  reason?: string;
}

async function onAssigned(ctx: Ctx, event: RecordedEvent): Promise<void> {
  const data = (event.data ?? {}) as Movement & { assigneeId?: string | null };
  const to = event.type === 'workOrder.created' ? data.assigneeId : data.to?.assigneeId;
  if (!to || to === data.from?.assigneeId) return;
  await notify(ctx, {
    userIds: [to],
    kind: 'assigned',
    workOrderId: event.subjectId,
    data: { transfer: event.type === 'workOrder.transferred', ...(data.reason ? { reason: data.reason } : {}) },
  });
}

async function roleOf(ctx: Ctx, userId: string): Promise<string | null> {
  if (ctx.actor.id === userId) return ctx.actor.role;
  const row = await ctx.tx.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  return row?.role ?? null;
}

/** A customer's public reply goes to the handler, or to the team's members while nobody handles it. */
async function onCustomerReply(ctx: Ctx, event: RecordedEvent): Promise<void> {
  const order = await ctx.tx.selectFrom('work_orders').select(['assignee_id', 'team_id']).where('id', '=', event.subjectId).executeTakeFirst();
  if (!order) return;
  let userIds: string[] = [];
  if (order.assignee_id) userIds = [order.assignee_id];
  else if (order.team_id) {
    const members = await ctx.tx.selectFrom('team_members').select('user_id').where('team_id', '=', order.team_id).execute();
    userIds = members.map((m) => m.user_id);
  }
  await notify(ctx, { userIds, kind: 'customerReply', workOrderId: event.subjectId, data: { excerpt: excerpt(event.data?.body) } });
}

/** @username in a staff note or reply tells that staff member, if they may see the order at all. */
async function onMentions(ctx: Ctx, event: RecordedEvent): Promise<void> {
  const names = parseMentions(typeof event.data?.body === 'string' ? event.data.body : '');
  if (!names.length) return;
  const users = await ctx.tx
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), 'in', names))
    .where('role', '<>', 'customer')
    .where('disabled_at', 'is', null)
    .execute();
  const actors = await loadActors(ctx.tx, users.map((u) => u.id));
  const allowed = await whoMaySee(ctx.tx, event.subjectId, actors);
  await notify(ctx, {
    userIds: [...allowed],
    kind: 'mention',
    workOrderId: event.subjectId,
    data: { internal: event.type === 'workOrder.noted', excerpt: excerpt(event.data?.body) },
  });
}

export const notificationEvents: EventSubscriber = {
  name: 'notifications.notify',
  types: ['workOrder.created', 'workOrder.assigned', 'workOrder.transferred', 'workOrder.replied', 'workOrder.noted'],
  async handle(ctx, event) {
    if (event.subjectType !== 'work_order') return;
    if (event.type === 'workOrder.replied' && event.actorId && (await roleOf(ctx, event.actorId)) === 'customer') {
      return onCustomerReply(ctx, event);
    }
    if (event.type === 'workOrder.replied' || event.type === 'workOrder.noted') return onMentions(ctx, event);
    return onAssigned(ctx, event);
  },
};
