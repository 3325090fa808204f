/** How an outgoing message (SMS) went, as the server reports it on a repair's acceptance code. */
export interface OutboundMessage {
  id: string;
  channel: 'sms';
  recipient: string;
  status: 'queued' | 'sent' | 'failed';
  reason: 'NO_GATEWAY' | 'GATEWAY_ERROR' | 'EXPIRED' | 'SUPERSEDED' | null;
  error: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}
