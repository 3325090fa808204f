-- Outgoing messages (SMS for now): written in the transaction of the change that
-- needs them, delivered after commit by a durable job (outbound.send). The row is
-- the record of what was sent, to whom, and how delivery went.
create table outbound_messages (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('sms')),
  -- what the message is for, so a newer one of the same purpose supersedes it
  purpose text not null,
  recipient text not null,
  -- the text to send; replaced by body_redacted once the message leaves 'queued',
  -- so a one-time code is not kept in clear longer than delivery needs
  body text not null,
  body_redacted text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts int not null default 0,
  -- NO_GATEWAY, EXPIRED, SUPERSEDED, or the gateway's answer
  last_error text,
  -- not delivered after this moment (a code that has expired is useless)
  expires_at timestamptz,
  work_order_id uuid references work_orders (id),
  created_at timestamptz not null default now(),
  sent_at timestamptz
);

create index outbound_messages_work_order on outbound_messages (work_order_id, purpose, created_at);
