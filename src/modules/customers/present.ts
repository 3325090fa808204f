/** Rows → views. Notes are left out for customer users. */
import type { Selectable } from 'kysely';
import type { Actor, Tx } from '../../lib/context.ts';
import { serviceDay } from '../../lib/serviceDay.ts';
import { abilitiesOf, can } from './policy.ts';
import type { AssetView, ContactView, ContractView, CustomerSummary, CustomerView } from './schema.ts';
import type { AssetsTable, ContactsTable, ContractsTable, CustomersTable } from './tables.ts';

type CustomerRow = Selectable<CustomersTable>;

export function warrantyStatus(warrantyEnd: string | null, today: string): AssetView['warrantyStatus'] {
  if (!warrantyEnd) return 'unknown';
  return warrantyEnd >= today ? 'in_warranty' : 'expired';
}

export function contractStatus(startsOn: string | null, endsOn: string | null, today: string): ContractView['status'] {
  if (endsOn && endsOn < today) return 'expired';
  if (startsOn && startsOn > today) return 'not_started';
  return 'active';
}

function withNotes<T extends object>(actor: Actor, view: T, notes: string): T & { notes?: string } {
  return can(actor, 'seeNotes') ? { ...view, notes } : view;
}

export function presentContact(row: Selectable<ContactsTable>, actor: Actor): ContactView {
  const view = {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    phones: row.phones,
    email: row.email,
    position: row.position,
    birthday: row.birthday,
    archived: row.archived_at !== null,
  };
  return withNotes(actor, view, row.notes);
}

export function presentAsset(row: Selectable<AssetsTable>, actor: Actor, today = serviceDay()): AssetView {
  const view = {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    name: row.name,
    model: row.model,
    serial: row.serial,
    installDate: row.install_date,
    warrantyEnd: row.warranty_end,
    warrantyStatus: warrantyStatus(row.warranty_end, today),
    archived: row.archived_at !== null,
  };
  return withNotes(actor, view, row.notes);
}

export function presentContract(row: Selectable<ContractsTable>, today = serviceDay()): ContractView {
  return {
    id: row.id,
    customerId: row.customer_id,
    number: row.number,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: contractStatus(row.starts_on, row.ends_on, today),
    serviceTerms: row.service_terms,
    archived: row.archived_at !== null,
  };
}

type TierRef = CustomerSummary['tier'];

export async function tierRefs(tx: Tx): Promise<Map<string, NonNullable<TierRef>>> {
  const rows = await tx.selectFrom('service_tiers').select(['key', 'name', 'name_en']).execute();
  return new Map(rows.map((r) => [r.key, { key: r.key, name: r.name, nameEn: r.name_en }]));
}

export function presentSummary(row: CustomerRow, tiers: Map<string, NonNullable<TierRef>>): CustomerSummary {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    province: row.province,
    city: row.city,
    county: row.county,
    phones: row.phones,
    email: row.email,
    classification: row.classification,
    tier: row.tier ? (tiers.get(row.tier) ?? null) : null,
    completeness: row.completeness,
    archived: row.archived_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function presentSummaries(tx: Tx, rows: CustomerRow[]): Promise<CustomerSummary[]> {
  const tiers = await tierRefs(tx);
  return rows.map((row) => presentSummary(row, tiers));
}

/** The full customer page: contacts, assets, contracts (active and archived), names of its classification. */
export async function presentCustomer(tx: Tx, row: CustomerRow, actor: Actor): Promise<CustomerView> {
  const today = serviceDay();
  // One connection per transaction (PGlite): queries run one after another.
  const tiers = await tierRefs(tx);
  const contacts = await tx.selectFrom('contacts').selectAll().where('customer_id', '=', row.id).orderBy('created_at').execute();
  const assets = await tx.selectFrom('assets').selectAll().where('customer_id', '=', row.id).orderBy('created_at').execute();
  const contracts = await tx.selectFrom('contracts').selectAll().where('customer_id', '=', row.id).orderBy('created_at').execute();
  const options = await tx
    .selectFrom('category_options as o')
    .innerJoin('category_sets as s', 's.key', 'o.set_key')
    .select(['s.key as set_key', 's.name as set_name', 's.position', 'o.key', 'o.name', 'o.name_en'])
    .where('s.key', 'in', [...Object.keys(row.classification), ''])
    .orderBy('s.position')
    .execute();
  // Customer users see what is current; staff also see what was archived.
  const shown = <T extends { archived_at: Date | null }>(rows: T[]) => (can(actor, 'seeArchived') ? rows : rows.filter((r) => r.archived_at === null));
  const view: CustomerView = {
    ...presentSummary(row, tiers),
    address: row.address,
    classificationNames: options
      .filter((o) => row.classification[o.set_key] === o.key)
      .map((o) => ({ setKey: o.set_key, setName: o.set_name, option: { key: o.key, name: o.name, nameEn: o.name_en } })),
    customFields: row.custom_fields,
    contacts: shown(contacts).map((c) => presentContact(c, actor)),
    assets: shown(assets).map((a) => presentAsset(a, actor, today)),
    contracts: shown(contracts).map((c) => presentContract(c, today)),
    updatedAt: row.updated_at.toISOString(),
    abilities: abilitiesOf(actor),
  };
  return withNotes(actor, view, row.notes);
}
