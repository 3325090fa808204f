/**
 * Work order rows → views. Names of customers, teams and people are loaded for a
 * whole page at once (one query per table), never copied into the order row.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { abilitiesOf } from './policy.ts';
import type { WorkOrderListItem, WorkOrderView } from './schema.ts';
import type { WorkOrdersTable } from './tables.ts';
import { loadTypes, nextStatuses, statusRef, typeName } from './workflow.ts';

/** Columns a list item needs (not the description or the search vector). */
export const LIST_COLUMNS = [
  'work_orders.id',
  'work_orders.number',
  'work_orders.type_key',
  'work_orders.status',
  'work_orders.status_category',
  'work_orders.priority',
  'work_orders.channel',
  'work_orders.subject',
  'work_orders.customer_id',
  'work_orders.team_id',
  'work_orders.assignee_id',
  'work_orders.first_contact_id',
  'work_orders.created_at',
  'work_orders.updated_at',
  'work_orders.due_at',
  'work_orders.tags',
  'work_orders.sla_due_at',
  'work_orders.sla_state',
] as const;

type Row = Selectable<WorkOrdersTable>;
export type ListRow = Pick<
  Row,
  | 'id'
  | 'number'
  | 'type_key'
  | 'status'
  | 'status_category'
  | 'priority'
  | 'channel'
  | 'subject'
  | 'customer_id'
  | 'team_id'
  | 'assignee_id'
  | 'first_contact_id'
  | 'created_at'
  | 'updated_at'
  | 'due_at'
  | 'tags'
  | 'sla_due_at'
  | 'sla_state'
>;

interface Names {
  customers: Map<string, string>;
  teams: Map<string, string>;
  users: Map<string, string>;
}

function ids(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

async function loadNames(ctx: Ctx, customerIds: string[], teamIds: string[], userIds: string[]): Promise<Names> {
  const [customers, teams, users] = await Promise.all([
    customerIds.length ? ctx.tx.selectFrom('customers').select(['id', 'name']).where('id', 'in', customerIds).execute() : [],
    teamIds.length ? ctx.tx.selectFrom('teams').select(['id', 'name', 'name_en']).where('id', 'in', teamIds).execute() : [],
    userIds.length ? ctx.tx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute() : [],
  ]);
  return {
    customers: new Map(customers.map((c) => [c.id, c.name])),
    teams: new Map(teams.map((t) => [t.id, ctx.lang === 'en' ? t.name_en || t.name : t.name])),
    users: new Map(users.map((u) => [u.id, u.display_name])),
  };
}

function ref(map: Map<string, string>, id: string | null) {
  return id ? { id, name: map.get(id) ?? '' } : null;
}

function person(names: Names, id: string | null) {
  return id ? { id, displayName: names.users.get(id) ?? '' } : null;
}

function item(ctx: Ctx, row: ListRow, names: Names, types: Awaited<ReturnType<typeof loadTypes>>): WorkOrderListItem {
  const type = types.get(row.type_key);
  const status = statusRef(type?.workflow, row.status, row.status_category, ctx.lang);
  return {
    id: row.id,
    number: row.number,
    type: { key: row.type_key, name: typeName(type, row.type_key, ctx.lang) },
    // The row's category is authoritative even if an administrator later recategorised the status.
    status: { ...status, category: row.status_category },
    statusCategory: row.status_category,
    priority: row.priority,
    channel: row.channel,
    subject: row.subject,
    customer: { id: row.customer_id, name: names.customers.get(row.customer_id) ?? '' },
    team: ref(names.teams, row.team_id),
    assignee: person(names, row.assignee_id),
    firstContact: person(names, row.first_contact_id),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    dueAt: row.due_at?.toISOString() ?? null,
    tags: row.tags,
    // Internal targets: customers see their orders without them.
    slaDueAt: ctx.actor.role === 'customer' ? null : (row.sla_due_at?.toISOString() ?? null),
    slaState: ctx.actor.role === 'customer' ? null : row.sla_state,
  };
}

export async function presentList(ctx: Ctx, rows: ListRow[]): Promise<WorkOrderListItem[]> {
  if (rows.length === 0) return [];
  const [names, types] = await Promise.all([
    loadNames(
      ctx,
      ids(rows.map((r) => r.customer_id)),
      ids(rows.map((r) => r.team_id)),
      ids(rows.flatMap((r) => [r.assignee_id, r.first_contact_id])),
    ),
    loadTypes(
      ctx.tx,
      rows.map((r) => r.type_key),
    ),
  ]);
  return rows.map((row) => item(ctx, row, names, types));
}

export async function presentDetail(ctx: Ctx, row: Row): Promise<WorkOrderView> {
  const [collaboratorRows, contact, asset, types] = await Promise.all([
    ctx.tx
      .selectFrom('work_order_collaborators as woc')
      .innerJoin('users as u', 'u.id', 'woc.user_id')
      .select(['u.id', 'u.display_name'])
      .where('woc.work_order_id', '=', row.id)
      .orderBy('u.display_name')
      .execute(),
    row.contact_id
      ? ctx.tx.selectFrom('contacts').select(['id', 'name']).where('id', '=', row.contact_id).executeTakeFirst()
      : undefined,
    row.asset_id ? ctx.tx.selectFrom('assets').select(['id', 'name']).where('id', '=', row.asset_id).executeTakeFirst() : undefined,
    loadTypes(ctx.tx, [row.type_key]),
  ]);
  const names = await loadNames(ctx, [row.customer_id], ids([row.team_id]), ids([row.assignee_id, row.first_contact_id, row.created_by]));
  const workflow = types.get(row.type_key)?.workflow;
  return {
    ...item(ctx, row, names, types),
    description: row.description,
    contact: contact ?? null,
    asset: asset ?? null,
    createdBy: person(names, row.created_by),
    collaborators: collaboratorRows.map((c) => ({ id: c.id, displayName: c.display_name })),
    customFields: row.custom_fields,
    allowedTransitions: workflow
      ? nextStatuses(workflow, row.status).map((s) => statusRef(workflow, s.key, s.category, ctx.lang))
      : [],
    firstRespondedAt: row.first_responded_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    abilities: abilitiesOf(ctx.actor, row),
  };
}
