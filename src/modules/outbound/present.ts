import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import type { OutboundMessageView } from './schema.ts';
import type { OutboundMessagesTable } from './tables.ts';

/** Last four digits only: the view is for telling staff where a message went, not for reading numbers. */
export const maskPhone = (phone: string) => (phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : phone);

const REASONS = ['NO_GATEWAY', 'EXPIRED', 'SUPERSEDED'] as const;

export function presentOutbound(row: Selectable<OutboundMessagesTable>): OutboundMessageView {
  const known = REASONS.find((r) => r === row.last_error);
  const reason = known ?? (row.last_error && row.status !== 'sent' ? 'GATEWAY_ERROR' : null);
  return {
    id: row.id,
    channel: row.channel,
    recipient: maskPhone(row.recipient),
    status: row.status,
    reason,
    error: known ? null : row.last_error,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

/** The newest message of a purpose on a work order, or null. */
export async function latestOutbound(ctx: Ctx, workOrderId: string, purpose: string): Promise<OutboundMessageView | null> {
  const row = await ctx.tx
    .selectFrom('outbound_messages')
    .selectAll()
    .where('work_order_id', '=', workOrderId)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? presentOutbound(row) : null;
}
