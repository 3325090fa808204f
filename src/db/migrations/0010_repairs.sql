-- Repair dispatch (报修 → 派工 → 上门 → 验收): the paid-service price list, the
-- stock of materials with its movements, and per work order the dispatch,
-- visits, quote lines, materials used and the customer's acceptance.
-- Money is integer cents (bigint); quantities are whole units.

create table price_items (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  unit text not null,
  price_cents bigint not null check (price_cents >= 0),
  -- labour and parts are free while the order is in warranty; travel and other stay chargeable
  category text not null check (category in ('labour', 'parts', 'travel', 'other')),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table stock_items (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  unit text not null,
  quantity_on_hand int not null default 0 check (quantity_on_hand >= 0),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Every change of quantity_on_hand, so stock history is auditable.
create table stock_movements (
  id bigint generated always as identity primary key,
  stock_item_id uuid not null references stock_items (id),
  delta int not null,
  quantity_after int not null,
  reason text not null check (reason in ('adjustment', 'material_used', 'material_returned')),
  note text not null default '',
  work_order_id uuid references work_orders (id),
  actor_id uuid references users (id),
  created_at timestamptz not null default now()
);
create index stock_movements_item on stock_movements (stock_item_id, id desc);

create table repair_orders (
  work_order_id uuid primary key references work_orders (id),
  dispatcher_id uuid not null references users (id),
  technician_id uuid not null references users (id),
  dispatched_at timestamptz not null default now(),
  -- a supervisor's decision replacing the computed warranty status
  warranty_override boolean,
  warranty_override_reason text,
  quote_decision text check (quote_decision in ('accepted', 'refused')),
  quote_decided_at timestamptz,
  quote_decided_by uuid references users (id),
  accepted_at timestamptz,
  acceptance_method text check (acceptance_method in ('signature', 'code')),
  signature_key text,
  -- sha256 of the 6-digit confirmation code; the code itself is never stored
  code_hash text,
  code_contact_id uuid references contacts (id),
  code_expires_at timestamptz,
  code_attempts int not null default 0,
  updated_at timestamptz not null default now()
);

create table repair_visits (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references work_orders (id),
  technician_id uuid not null references users (id),
  appointment_start timestamptz not null,
  appointment_end timestamptz not null check (appointment_end > appointment_start),
  status text not null default 'scheduled'
    check (status in ('scheduled', 'en_route', 'on_site', 'done', 'nobody_home', 'cancelled')),
  departed_at timestamptz,
  arrived_at timestamptz,
  finished_at timestamptz,
  findings text not null default '',
  solution text not null default '',
  note_left text not null default '',
  created_at timestamptz not null default now()
);
create index repair_visits_order on repair_visits (work_order_id, created_at);
create index repair_visits_technician on repair_visits (technician_id, appointment_start);

create table repair_quote_lines (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references work_orders (id),
  -- null for a custom line; code/name/unit/price are a snapshot of the price list
  price_item_id uuid references price_items (id),
  code text not null default '',
  name text not null,
  unit text not null,
  category text not null check (category in ('labour', 'parts', 'travel', 'other')),
  unit_price_cents bigint not null check (unit_price_cents >= 0),
  quantity int not null check (quantity > 0),
  approval text not null check (approval in ('not_needed', 'pending', 'approved')),
  approved_by uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index repair_quote_lines_order on repair_quote_lines (work_order_id, created_at);

create table repair_materials (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references work_orders (id),
  stock_item_id uuid not null references stock_items (id),
  quantity int not null check (quantity > 0),
  customer_supplied boolean not null default false,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index repair_materials_order on repair_materials (work_order_id, created_at);
