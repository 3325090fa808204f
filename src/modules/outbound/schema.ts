/** How an outgoing message looks to staff: where it went and how delivery went, never its text. */
import { z } from 'zod';

export const OutboundMessageView = z.object({
  id: z.uuid(),
  channel: z.literal('sms'),
  /** Masked: only the last four digits. */
  recipient: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  /**
   * Why it is not (yet) sent: NO_GATEWAY (no SMS gateway configured: it stays
   * queued and is never sent), GATEWAY_ERROR (last try failed; retried while
   * queued), EXPIRED, SUPERSEDED (a newer message replaced it).
   */
  reason: z.enum(['NO_GATEWAY', 'GATEWAY_ERROR', 'EXPIRED', 'SUPERSEDED']).nullable(),
  /** The gateway's last answer, for staff looking into a failure. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboundMessageView = z.infer<typeof OutboundMessageView>;
