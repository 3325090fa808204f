-- Complaints (投诉): per complaint work order the register fields, the first-reply
-- deadline, the responsibility decision, root cause, corrective and preventive
-- actions, verification by quality, the final reply and the customer's satisfaction.
create table complaints (
  work_order_id uuid primary key references work_orders (id),
  complainant_name text not null default '',
  complainant_contact text not null default '',
  received_via text not null check (received_via in ('phone', 'email', 'portal', 'visit', 'letter', 'other')),
  received_at timestamptz not null,
  content text not null default '',
  -- fixed from received_at and the setting when received_at is set, so a later
  -- change of the setting does not move deadlines already announced
  first_reply_due_at timestamptz not null,
  company_at_fault boolean,
  responsibility_explanation text not null default '',
  root_cause text not null default '',
  verified_at timestamptz,
  verified_by uuid references users (id),
  verification_effective boolean,
  verification_notes text not null default '',
  final_reply text,
  final_replied_at timestamptz,
  satisfaction_score int check (satisfaction_score between 1 and 5),
  satisfaction_comment text not null default '',
  satisfaction_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table complaint_actions (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references complaints (work_order_id),
  kind text not null check (kind in ('corrective', 'preventive')),
  description text not null,
  owner_id uuid not null references users (id),
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index complaint_actions_order on complaint_actions (work_order_id, created_at);
create index complaint_actions_owner on complaint_actions (owner_id) where status in ('open', 'in_progress');

insert into settings (key, value) values
  ('complaints.firstReplyHours', '24'),
  ('complaints.repeatWindowMonths', '12');
