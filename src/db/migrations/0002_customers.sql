-- Customers: organisations, contacts, assets, contracts, classification, custom fields.
create table category_sets (
  key text primary key,
  name text not null,
  name_en text not null default '',
  position int not null default 0,
  archived_at timestamptz
);

create table category_options (
  set_key text not null references category_sets (key),
  key text not null,
  name text not null,
  name_en text not null default '',
  position int not null default 0,
  archived_at timestamptz,
  primary key (set_key, key)
);

create table service_tiers (
  key text primary key,
  name text not null,
  name_en text not null default '',
  rank int not null default 0,
  archived_at timestamptz
);

create table custom_field_defs (
  id uuid primary key default gen_random_uuid(),
  entity text not null check (entity in ('customer', 'work_order')),
  key text not null,
  label text not null,
  label_en text not null default '',
  kind text not null check (kind in ('text', 'number', 'date', 'select')),
  options jsonb not null default '[]',
  position int not null default 0,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  unique (entity, key)
);

create table customers (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  credit_code text,
  province text not null default '',
  city text not null default '',
  county text not null default '',
  address text not null default '',
  phones text[] not null default '{}',
  email text not null default '',
  notes text not null default '',
  classification jsonb not null default '{}',
  tier text references service_tiers (key),
  custom_fields jsonb not null default '{}',
  completeness int not null default 0,
  search tsvector not null default ''::tsvector,
  archived_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index customers_credit_code on customers (credit_code) where credit_code is not null and archived_at is null;
create index customers_search on customers using gin (search);
create index customers_name on customers (name);
create index customers_completeness on customers (completeness, id);
create index customers_created on customers (created_at desc, id);
create index customers_classification on customers using gin (classification jsonb_path_ops);

create table contacts (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id),
  name text not null,
  phones text[] not null default '{}',
  email text not null default '',
  position text not null default '',
  birthday date,
  notes text not null default '',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contacts_customer on contacts (customer_id);

create table assets (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id),
  kind text not null check (kind in ('product', 'device', 'site', 'system')),
  name text not null,
  model text not null default '',
  serial text not null default '',
  install_date date,
  warranty_end date,
  notes text not null default '',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index assets_customer on assets (customer_id);
create index assets_serial on assets (serial) where serial <> '';

create table contracts (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id),
  number text not null,
  starts_on date,
  ends_on date,
  service_terms text not null default '',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contracts_customer on contracts (customer_id);
