-- Identity: teams, users (staff and customer users), sessions, API tokens, login attempts.
create table teams (
  id uuid primary key default gen_random_uuid(),
  key text unique,
  name text not null,
  name_en text not null default '',
  description text not null default '',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index teams_name on teams (name) where archived_at is null;

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  display_name text not null,
  email text not null default '',
  phone text not null default '',
  role text not null check (role in ('admin', 'manager', 'agent', 'technician', 'quality', 'customer')),
  customer_id uuid references customers (id),
  contact_id uuid references contacts (id),
  password_hash text,
  locale text not null default 'zh-CN',
  disabled_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((role = 'customer') = (customer_id is not null))
);
create unique index users_username on users (lower(username));
create index users_customer on users (customer_id) where customer_id is not null;

create table team_members (
  team_id uuid not null references teams (id),
  user_id uuid not null references users (id),
  is_lead boolean not null default false,
  primary key (team_id, user_id)
);
create index team_members_user on team_members (user_id);

create table sessions (
  id text primary key, -- sha256 of the cookie token; the token itself is never stored
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text not null default '',
  user_agent text not null default ''
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table login_attempts (
  id bigserial primary key,
  username text not null,
  ip text not null,
  success boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_username on login_attempts (lower(username), at);
create index login_attempts_ip on login_attempts (ip, at);
