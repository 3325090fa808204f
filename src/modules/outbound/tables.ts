import type { ColumnType, Generated } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type OutboundStatus = 'queued' | 'sent' | 'failed';

export interface OutboundMessagesTable {
  id: Generated<string>;
  channel: 'sms';
  purpose: string;
  recipient: string;
  body: string;
  body_redacted: string;
  status: ColumnType<OutboundStatus, OutboundStatus | undefined, OutboundStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: Nullable<string>;
  expires_at: Nullable<Date>;
  work_order_id: Nullable<string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  sent_at: Nullable<Date>;
}

export interface OutboundTables {
  outbound_messages: OutboundMessagesTable;
}
