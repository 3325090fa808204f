-- Service levels (SLA): policies matched in position order, one clock per target
-- per order (a clock row per cycle: next response restarts after each customer
-- reply, resolution after a reopen), an event log of every clock change, the breach
-- log, and the order's most urgent due time on the order itself for queue sorting.
create table sla_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  position int not null default 0,
  active boolean not null default true,
  -- null = the default business calendar
  calendar_id uuid references business_calendars (id),
  -- empty list = any value
  match_tier_keys text[] not null default '{}',
  match_type_keys text[] not null default '{}',
  match_priorities text[] not null default '{}',
  match_channels text[] not null default '{}',
  -- [{ clock, seconds, mode }]
  targets jsonb not null default '[]',
  -- [{ clock, atPercent, actions: [{ type }] }]
  escalations jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sla_policies_active on sla_policies (position, created_at) where active;

create table work_order_sla_clocks (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references work_orders (id),
  policy_id uuid not null references sla_policies (id),
  clock text not null check (clock in ('firstResponse', 'nextResponse', 'resolution', 'callback', 'handling', 'complaintReply')),
  mode text not null check (mode in ('business', 'calendar')),
  target_seconds int not null check (target_seconds >= 1),
  calendar_id uuid references business_calendars (id),
  started_at timestamptz not null,
  -- closed pauses [{ from, to }]; the running one is paused_since
  pauses jsonb not null default '[]',
  paused_since timestamptz,
  -- null while paused
  due_at timestamptz,
  -- escalation steps copied from the policy: [{ atPercent, actions }]
  steps jsonb not null default '[]',
  -- percents already handled (warnings, the breach at 100, later steps)
  fired int[] not null default '{}',
  warned_at timestamptz,
  breached_at timestamptz,
  stopped_at timestamptz,
  -- a policy change removed this clock (its target is gone); hidden from views
  superseded_at timestamptz,
  state text not null check (state in ('running', 'paused', 'met', 'breached')),
  -- the one queued timer of this clock (pg-boss id) and the step it is for
  job_id text,
  job_percent int,
  job_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index work_order_sla_clocks_order on work_order_sla_clocks (work_order_id, created_at);
-- at most one live clock of a kind per order
create unique index work_order_sla_clocks_live on work_order_sla_clocks (work_order_id, clock)
  where stopped_at is null and superseded_at is null;

create table sla_events (
  id bigserial primary key,
  work_order_id uuid not null references work_orders (id),
  clock_id uuid not null references work_order_sla_clocks (id),
  clock text not null,
  kind text not null check (kind in ('start', 'pause', 'resume', 'warning', 'breach', 'fulfil', 'retarget', 'cancel')),
  at timestamptz not null,
  data jsonb not null default '{}'
);
create index sla_events_order on sla_events (work_order_id, id);

create table sla_breaches (
  id uuid primary key default gen_random_uuid(),
  clock_id uuid not null unique references work_order_sla_clocks (id),
  work_order_id uuid not null references work_orders (id),
  clock text not null,
  policy_id uuid not null references sla_policies (id),
  policy_name text not null,
  due_at timestamptz not null,
  breached_at timestamptz not null,
  team_id uuid references teams (id),
  assignee_id uuid references users (id),
  created_at timestamptz not null default now()
);
create index sla_breaches_time on sla_breaches (breached_at desc, id);
create index sla_breaches_order on sla_breaches (work_order_id);

-- The most urgent live clock, kept by the SLA module, so queues sort and filter by it.
alter table work_orders add column sla_due_at timestamptz;
alter table work_orders add column sla_state text check (sla_state in ('running', 'paused', 'met', 'breached'));
create index work_orders_sla_due on work_orders (sla_due_at, id) where sla_due_at is not null;

-- Example policies (admins edit them). First match in position order wins.
-- Business-mode targets count in the default calendar (Mon–Fri 09:00–12:00, 13:30–18:00, holidays).
insert into sla_policies (name, position, match_channels, targets, escalations) values (
  '在线聊天：60 秒首次响应', 1, '{chat}',
  '[{"clock": "firstResponse", "seconds": 60, "mode": "calendar"},
    {"clock": "nextResponse", "seconds": 60, "mode": "calendar"},
    {"clock": "resolution", "seconds": 28800, "mode": "business"}]',
  '[{"clock": "firstResponse", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "firstResponse", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]},
    {"clock": "resolution", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "resolution", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]}]'
);
insert into sla_policies (name, position, match_tier_keys, targets, escalations) values (
  '钻石客户（大客户）', 2, '{diamond}',
  '[{"clock": "firstResponse", "seconds": 1800, "mode": "business"},
    {"clock": "nextResponse", "seconds": 3600, "mode": "business"},
    {"clock": "resolution", "seconds": 27000, "mode": "business"},
    {"clock": "complaintReply", "seconds": 43200, "mode": "calendar"},
    {"clock": "callback", "seconds": 900, "mode": "calendar"}]',
  '[{"clock": "firstResponse", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "firstResponse", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]},
    {"clock": "resolution", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "resolution", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "reassignToTeamLead"}, {"type": "raisePriority"}]},
    {"clock": "complaintReply", "atPercent": 80, "actions": [{"type": "notifyAssignee"}, {"type": "notifyFirstContact"}]},
    {"clock": "complaintReply", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]}]'
);
insert into sla_policies (name, position, match_type_keys, targets, escalations) values (
  '投诉：24 小时内首次答复', 3, '{complaint}',
  '[{"clock": "complaintReply", "seconds": 86400, "mode": "calendar"},
    {"clock": "resolution", "seconds": 604800, "mode": "calendar"}]',
  '[{"clock": "complaintReply", "atPercent": 80, "actions": [{"type": "notifyAssignee"}, {"type": "notifyFirstContact"}]},
    {"clock": "complaintReply", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]},
    {"clock": "resolution", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}]}]'
);
insert into sla_policies (name, position, match_type_keys, targets, escalations) values (
  '报修：30 分钟内回电', 4, '{repair,maintenance}',
  '[{"clock": "callback", "seconds": 1800, "mode": "calendar"},
    {"clock": "handling", "seconds": 7200, "mode": "business"},
    {"clock": "resolution", "seconds": 172800, "mode": "calendar"}]',
  '[{"clock": "callback", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "callback", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]},
    {"clock": "handling", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "handling", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]}]'
);
insert into sla_policies (name, position, targets, escalations) values (
  '默认', 5,
  '[{"clock": "firstResponse", "seconds": 14400, "mode": "business"},
    {"clock": "resolution", "seconds": 81000, "mode": "business"}]',
  '[{"clock": "firstResponse", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "firstResponse", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]},
    {"clock": "resolution", "atPercent": 80, "actions": [{"type": "notifyAssignee"}]},
    {"clock": "resolution", "atPercent": 100, "actions": [{"type": "notifyTeamLead"}, {"type": "raisePriority"}]}]'
);
