/**
 * Delivers one queued message after the transaction that wrote it committed.
 * Three steps so the database is never held during the HTTP call (PGlite has
 * one connection): claim the row (count the attempt), post to the gateway,
 * settle the row. A failed post is retried by a new job with a growing delay,
 * up to MAX_ATTEMPTS; then the message is marked failed. Delivery is at least
 * once: a crash between the gateway's answer and the settle step sends again.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../../jobs/defineJob.ts';
import { inSystemTransaction } from '../../jobs/systemContext.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordEvent } from '../events/record.ts';
import { postSms, smsGatewayOf } from './gateway.ts';
import { maskPhone } from './present.ts';
import type { OutboundMessagesTable } from './tables.ts';

export const MAX_ATTEMPTS = 3;
/** 5 s after the first failure, 20 s after the second. */
const retryDelayMs = (attempts: number) => 5_000 * 4 ** (attempts - 1);

type Row = Selectable<OutboundMessagesTable>;

async function outboundEvent(ctx: Ctx, row: Row, type: 'smsSent' | 'smsFailed', extra: Record<string, unknown> = {}) {
  if (!row.work_order_id) return;
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: row.work_order_id,
    type: `outbound.${type}`,
    data: { messageId: row.id, purpose: row.purpose, recipient: maskPhone(row.recipient), ...extra },
  });
}

/** Marks a message failed for good, with its text redacted. */
async function fail(ctx: Ctx, row: Row, reason: string): Promise<void> {
  await ctx.tx
    .updateTable('outbound_messages')
    .set({ status: 'failed', last_error: reason, body: row.body_redacted })
    .where('id', '=', row.id)
    .execute();
  await outboundEvent(ctx, row, 'smsFailed', { reason });
}

/** Locks a still-queued message and counts this attempt; null when there is nothing to send. */
async function claim(ctx: Ctx, id: string, gateway: string | null): Promise<Row | null> {
  const row = await ctx.tx.selectFrom('outbound_messages').selectAll().where('id', '=', id).where('status', '=', 'queued').forUpdate().executeTakeFirst();
  if (!row) return null;
  if (row.expires_at && row.expires_at.getTime() <= Date.now()) {
    await fail(ctx, row, 'EXPIRED');
    return null;
  }
  if (!gateway) {
    // This worker has no gateway: the message stays queued, visibly unsent, without its secret.
    await ctx.tx.updateTable('outbound_messages').set({ last_error: 'NO_GATEWAY', body: row.body_redacted }).where('id', '=', id).execute();
    return null;
  }
  const attempts = row.attempts + 1;
  await ctx.tx.updateTable('outbound_messages').set({ attempts }).where('id', '=', id).execute();
  return { ...row, attempts };
}

async function settle(ctx: Ctx, row: Row, error: string | null): Promise<void> {
  if (!error) {
    await ctx.tx
      .updateTable('outbound_messages')
      .set({ status: 'sent', sent_at: new Date(), last_error: null, body: row.body_redacted })
      .where('id', '=', row.id)
      .execute();
    await outboundEvent(ctx, row, 'smsSent');
    return;
  }
  if (row.attempts >= MAX_ATTEMPTS) {
    await fail(ctx, row, error);
    return;
  }
  await ctx.tx.updateTable('outbound_messages').set({ last_error: error }).where('id', '=', row.id).execute();
  await ctx.jobs.schedule(sendOutboundJob, { messageId: row.id }, { startAfter: new Date(Date.now() + retryDelayMs(row.attempts)) });
}

export const sendOutboundJob = defineJob({
  name: 'outbound.send',
  schema: z.object({ messageId: z.uuid() }),
  async handler(data, context) {
    const gateway = smsGatewayOf(context.database);
    const row = await inSystemTransaction(context, (ctx) => claim(ctx, data.messageId, gateway));
    if (!row || !gateway) return;
    let error: string | null = null;
    try {
      await postSms(gateway, { to: row.recipient, text: row.body });
    } catch (e) {
      error = (e as Error).message;
    }
    await inSystemTransaction(context, (ctx) => settle(ctx, row, error));
  },
});
