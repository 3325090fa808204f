-- Automation rules (触发器): "when <trigger> and <all conditions> then <actions>",
-- run in position order by the automation subscriber, and their execution log.
-- Conditions and actions are JSON checked by the API's Zod schemas (src/modules/automation/schema.ts).
create table automation_rules (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  active boolean not null default true,
  position integer not null default 0,
  trigger text not null,
  conditions jsonb not null default '[]',
  actions jsonb not null default '[]',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The engine's one query per event: the active rules of a trigger, in order.
create index automation_rules_trigger on automation_rules (trigger, position) where active;

-- One row per rule evaluated for one event: matched or not, what each action did.
-- The rule name is copied so the log still reads after the rule is deleted.
create table automation_rule_runs (
  id uuid primary key default gen_random_uuid(),
  -- newest first without ties: PGlite's clock can repeat within a millisecond
  seq bigint generated always as identity,
  rule_id uuid references automation_rules (id) on delete set null,
  rule_name text not null,
  work_order_id uuid not null references work_orders (id),
  event_id bigint,
  event_type text not null,
  trigger text not null,
  matched boolean not null,
  conditions jsonb not null default '[]',
  actions jsonb not null default '[]',
  error text,
  created_at timestamptz not null default now()
);
create index automation_rule_runs_seq on automation_rule_runs (seq desc);
create index automation_rule_runs_rule on automation_rule_runs (rule_id, seq desc);
create index automation_rule_runs_order on automation_rule_runs (work_order_id, seq desc);
