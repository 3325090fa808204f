-- Returns, exchanges and repairs of products (退/换/维修单, RMA): one form per work
-- order, its items, and the steps in order: receipt at the warehouse, inspection
-- by quality, decision (with warranty), shipment back, closure.
-- Money is integer cents (bigint).
create table rma_forms (
  work_order_id uuid primary key references work_orders (id),
  requested_action text not null check (requested_action in ('return', 'exchange', 'repair')),
  status text not null default 'requested'
    check (status in ('requested', 'received', 'inspected', 'decided', 'shipped', 'closed')),
  notes text not null default '',
  created_by uuid not null references users (id),
  received_at timestamptz,
  received_by uuid references users (id),
  receipt_notes text not null default '',
  quantity_mismatch boolean not null default false,
  inspected_at timestamptz,
  inspected_by uuid references users (id),
  inspection_notes text not null default '',
  decision text check (decision in ('return', 'exchange', 'repair', 'reject')),
  decision_reason text not null default '',
  -- the warranty status the decision used: computed, or a supervisor's override with its reason
  in_warranty boolean,
  warranty_computed boolean,
  warranty_override_reason text,
  charge_cents bigint check (charge_cents >= 0),
  decided_at timestamptz,
  decided_by uuid references users (id),
  carrier text,
  tracking_no text,
  shipped_at timestamptz,
  shipped_by uuid references users (id),
  closed_at timestamptz,
  closed_by uuid references users (id),
  closing_notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table rma_items (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references rma_forms (work_order_id),
  position int not null,
  asset_id uuid references assets (id),
  product text not null,
  serial text not null default '',
  quantity int not null check (quantity > 0),
  fault_description text not null default '',
  received_quantity int check (received_quantity >= 0),
  inspection_result text check (inspection_result in ('fault_confirmed', 'no_fault_found', 'customer_damage')),
  inspection_notes text not null default '',
  in_warranty boolean,
  unique (work_order_id, position)
);
