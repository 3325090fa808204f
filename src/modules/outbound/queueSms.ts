/**
 * Queues an SMS in the caller's transaction: the row and its send job exist
 * only if the change that needs the message commits, and the job runs after
 * that commit. Without a configured gateway the row is kept, marked NO_GATEWAY,
 * with the text already redacted: nothing will send it, so it must not hold a
 * secret in clear.
 */
import type { Ctx } from '../../lib/context.ts';
import { sendOutboundJob } from './sendJob.ts';

export interface SmsInput {
  /** e.g. 'repair.acceptanceCode'; a newer queued message of the same purpose on the same order replaces older ones. */
  purpose: string;
  recipient: string;
  body: string;
  /** The same text with any secret (a code) masked, kept once the message leaves the queue. */
  bodyRedacted: string;
  workOrderId?: string;
  /** Not delivered after this moment. */
  expiresAt?: Date;
  /** Whether this server has KEFU_SMS_WEBHOOK_URL. */
  gatewayConfigured: boolean;
}

export async function queueSms(ctx: Ctx, input: SmsInput): Promise<string> {
  if (input.workOrderId) {
    await ctx.tx
      .updateTable('outbound_messages')
      .set((eb) => ({ status: 'failed', last_error: 'SUPERSEDED', body: eb.ref('body_redacted') }))
      .where('work_order_id', '=', input.workOrderId)
      .where('purpose', '=', input.purpose)
      .where('status', '=', 'queued')
      .execute();
  }
  const row = await ctx.tx
    .insertInto('outbound_messages')
    .values({
      channel: 'sms',
      purpose: input.purpose,
      recipient: input.recipient,
      body: input.gatewayConfigured ? input.body : input.bodyRedacted,
      body_redacted: input.bodyRedacted,
      last_error: input.gatewayConfigured ? null : 'NO_GATEWAY',
      expires_at: input.expiresAt ?? null,
      work_order_id: input.workOrderId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.gatewayConfigured) await ctx.jobs.schedule(sendOutboundJob, { messageId: row.id });
  return row.id;
}
