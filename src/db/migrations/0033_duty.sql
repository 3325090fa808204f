-- Duty roster (值班) and routing of new work: per team its shifts, a weekly
-- pattern of who works each shift on each weekday, per-date overrides (swaps,
-- holidays, extra days) that replace the pattern for that date, and the team's
-- routing setting with its round-robin pointer.

-- One row per team that has a roster or routing. The routing subscriber reads it
-- by primary key and locks it, which serializes concurrent creates of the team.
create table duty_teams (
  team_id uuid primary key references teams (id),
  time_zone text not null default 'Asia/Shanghai',
  routing_mode text not null default 'off' check (routing_mode in ('off', 'roundRobin', 'leastOpen')),
  routed_type_keys text[] not null default '{}',
  -- round robin: who got the team's last routed order; the next goes to the on-duty member after them
  last_routed_user_id uuid references users (id),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- Times are minutes after local midnight; end <= start means the shift ends the
-- next day (overnight), start = end is a 24-hour shift. A shift belongs to the
-- date it starts on, so its overnight part uses that date's roster.
create table duty_shifts (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references teams (id),
  name text not null,
  start_minute int not null check (start_minute between 0 and 1439),
  end_minute int not null check (end_minute between 0 and 1440),
  -- 0 = Sunday … 6 = Saturday: the days the weekly pattern applies
  weekdays smallint[] not null default '{1,2,3,4,5}',
  position int not null default 0,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index duty_shifts_team on duty_shifts (team_id) where archived_at is null;

create table duty_pattern (
  shift_id uuid not null references duty_shifts (id),
  weekday smallint not null check (weekday between 0 and 6),
  user_ids uuid[] not null default '{}',
  primary key (shift_id, weekday)
);

-- An override replaces the pattern for one date of one shift; an empty list means nobody.
create table duty_overrides (
  shift_id uuid not null references duty_shifts (id),
  on_date date not null,
  user_ids uuid[] not null default '{}',
  note text not null default '',
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (shift_id, on_date)
);
