-- Core: the event stream every change writes to, and key/value settings.
create table events (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  subject_type text not null,
  subject_id uuid not null,
  type text not null,
  data jsonb not null default '{}',
  -- public events appear on the customer's side of a work order timeline
  public boolean not null default false
);
create index events_subject on events (subject_type, subject_id, id);
create index events_type_time on events (type, occurred_at);

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
