-- In-app notifications (the bell) and each user's choice of which kinds they want.
-- A notification belongs to exactly one recipient; the text is rendered by the UI
-- from kind + data, so a notification reads in the reader's language.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  -- newest first without ties: PGlite's clock can repeat within a millisecond
  seq bigint generated always as identity,
  user_id uuid not null references users (id),
  kind text not null check (kind in ('assigned', 'customerReply', 'mention', 'slaWarning', 'slaBreach', 'dutyNewOrder', 'rule')),
  work_order_id uuid references work_orders (id),
  data jsonb not null default '{}',
  actor_id uuid references users (id),
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_user on notifications (user_id, seq desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- Kinds a user turned off; no row (or an empty list) means every kind is on, so a
-- kind added later reaches everyone until they choose otherwise.
create table notification_preferences (
  user_id uuid primary key references users (id),
  muted_kinds text[] not null default '{}',
  updated_at timestamptz not null default now()
);
