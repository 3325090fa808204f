-- Work orders (工单): types with their workflows, numbering, the orders, attachments, saved views.
create table work_order_types (
  key text primary key,
  name text not null,
  name_en text not null default '',
  -- { statuses: [{ key, name, nameEn, category }], transitions: [{ from, to }], initial }
  workflow jsonb not null,
  -- new orders of this type land in this team's queue unless the creator picks another
  default_team_id uuid references teams (id),
  position int not null default 0,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table work_order_counters (
  day date primary key,
  last int not null
);

create table work_orders (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  type_key text not null references work_order_types (key),
  channel text not null check (channel in ('phone', 'email', 'portal', 'visit', 'chat', 'api', 'monitoring')),
  subject text not null,
  description text not null default '',
  customer_id uuid not null references customers (id),
  contact_id uuid references contacts (id),
  asset_id uuid references assets (id),
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  status text not null,
  status_category text not null check (status_category in ('new', 'open', 'pending', 'resolved', 'closed')),
  team_id uuid references teams (id),
  assignee_id uuid references users (id),
  first_contact_id uuid references users (id),
  created_by uuid not null references users (id),
  tags text[] not null default '{}',
  custom_fields jsonb not null default '{}',
  due_at timestamptz,
  first_responded_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  search tsvector not null default ''::tsvector,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index work_orders_team_queue on work_orders (team_id, status_category, created_at desc, id);
create index work_orders_assignee on work_orders (assignee_id, status_category, created_at desc, id);
create index work_orders_customer on work_orders (customer_id, created_at desc, id);
create index work_orders_created on work_orders (created_at desc, id);
-- Queues across all teams by status (a manager's new/open view): the capped count walks only matching rows.
create index work_orders_category on work_orders (status_category, created_at desc, id);
create index work_orders_first_contact on work_orders (first_contact_id);
create index work_orders_search on work_orders using gin (search);
create index work_orders_tags on work_orders using gin (tags);

create table work_order_collaborators (
  work_order_id uuid not null references work_orders (id),
  user_id uuid not null references users (id),
  primary key (work_order_id, user_id)
);
create index work_order_collaborators_user on work_order_collaborators (user_id);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references work_orders (id),
  event_id bigint references events (id),
  filename text not null,
  content_type text not null,
  size_bytes int not null,
  storage_key text not null unique,
  public boolean not null default true,
  uploaded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index attachments_work_order on attachments (work_order_id);

create table saved_views (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  name text not null,
  filters jsonb not null,
  created_at timestamptz not null default now()
);
create index saved_views_user on saved_views (user_id);
