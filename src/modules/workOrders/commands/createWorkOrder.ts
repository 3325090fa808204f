/**
 * Opening work orders, by staff (any channel, any customer) or by a customer user
 * (portal channel, their own organisation only). createBatch.ts draws the numbers
 * first (drawNumber.ts explains why outside the transaction); then, in one
 * transaction, one statement inserts the orders, their created events and their
 * SLA clocks with their timers (sla/newOrder.ts explains why there) — re-checking
 * the references, inserting nothing when one went bad meanwhile — and each
 * order's event subscribers (routing, rules, notifications) react in turn.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, invalid } from '../../../lib/errors.ts';
import { codeTokens, textTokens, tsvectorTokens } from '../../../lib/search.ts';
import { mergeCustomFields } from '../../customFields/validate.ts';
import { type NewOrderSla, newOrdersSlaCtes, planNewOrderSla } from '../../sla/newOrder.ts';
import { dispatchEvent, hasSubscribers } from '../../events/dispatch.ts';
import { eventRow, eventsWritten, type NewEvent } from '../../events/record.ts';
import type { CreatedWorkOrderView, CreateWorkOrderBody, PortalCreateWorkOrderBody } from '../schema.ts';
import type { StatusCategory, Workflow } from '../tables.ts';
import { statusRef } from '../workflow.ts';
import { checkAssignee } from './checks.ts';
import { type DrawFacts, type DrawnNumber, type RefChecks, refChecksColumns, refColumns } from './drawNumber.ts';

async function defaultTeamOf(ctx: Ctx, typeKey: string): Promise<string | null> {
  const row = await ctx.tx.selectFrom('work_order_types').select('default_team_id').where('key', '=', typeKey).executeTakeFirst();
  return row?.default_team_id ?? null;
}

/** Staff body, or the portal body widened with what the server decides for a customer. */
export function normalize(actor: Actor, input: CreateWorkOrderBody | PortalCreateWorkOrderBody): CreateWorkOrderBody {
  if (actor.role !== 'customer') return input as CreateWorkOrderBody;
  if (!actor.customerId) throw forbidden();
  const portal = input as PortalCreateWorkOrderBody;
  return {
    typeKey: portal.typeKey,
    subject: portal.subject,
    description: portal.description,
    contactId: portal.contactId,
    assetId: portal.assetId,
    customFields: portal.customFields,
    channel: 'portal',
    customerId: actor.customerId,
  };
}

/** Throws the first failed check's 400, in the order the fields appear in the form. */
export function throwIfRefsBad(refs: RefChecks): void {
  if (!refs.typeOk) throw invalid({ field: 'typeKey' }, 'WORK_ORDER_TYPE_UNKNOWN');
  if (!refs.customerOk) throw invalid({ field: 'customerId', reason: 'unknown or archived customer' });
  if (!refs.contactOk) throw invalid({ field: 'contactId', reason: 'not a contact of this customer' });
  if (!refs.assetOk) throw invalid({ field: 'assetId', reason: 'not an asset of this customer' });
  if (!refs.teamOk) throw invalid({ field: 'teamId', reason: 'unknown or archived team' });
}

interface Inserted extends RefChecks {
  i: number;
  /** Null when a check failed and nothing was written. */
  number: string | null;
  created_at: Date;
  event_id: number | null;
  first_contact_id: string | null;
  team_id: string | null;
  status: string;
  status_category: StatusCategory;
}

/** One order to insert: its caller's context on the shared transaction, its input and drawn number. */
export interface CreatePart {
  ctx: Ctx;
  input: CreateWorkOrderBody;
  drawn: DrawnNumber;
  known: DrawFacts & { workflow: Workflow };
}

/** What is decided in Kefu before the statement, per order. */
interface Planned {
  part: CreatePart;
  id: string;
  priority: NonNullable<CreateWorkOrderBody['priority']>;
  assigneeId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  event: NewEvent;
  sla: NewOrderSla | null;
  record: Record<string, unknown>;
}

async function planOrder(part: CreatePart, i: number, createdAt: Date): Promise<Planned> {
  const { ctx, input, drawn, known } = part;
  const isCustomer = ctx.actor.role === 'customer';
  let customFields: Record<string, unknown> = {};
  if (input.assigneeId || input.customFields) {
    const teamId = input.teamId ?? (await defaultTeamOf(ctx, input.typeKey));
    if (input.assigneeId) await checkAssignee(ctx, teamId, input.assigneeId);
    if (input.customFields) customFields = await mergeCustomFields(ctx.tx, 'work_order', input.customFields);
  }
  const tags = [...new Set(input.tags ?? [])];
  const id = crypto.randomUUID();
  const priority = input.priority ?? 'normal';
  const assigneeId = input.assigneeId ?? null;
  // Status and team come from the type inside the statement; the event adds them (and the number) there.
  const event: NewEvent = {
    subjectType: 'work_order',
    subjectId: id,
    type: 'workOrder.created',
    public: true,
    data: { typeKey: input.typeKey, channel: input.channel, subject: input.subject, priority, customerId: input.customerId, assigneeId },
  };
  const eventValues = eventRow(ctx, event);
  const initial = known.workflow.statuses.find((st) => st.key === known.workflow.initial);
  const sla = await planNewOrderSla(ctx, {
    workOrderId: id,
    typeKey: input.typeKey,
    priority,
    channel: input.channel,
    tier: known.tier,
    createdAt,
    statusCategory: initial?.category ?? 'new',
  });
  const record = {
    i,
    id,
    number: drawn.number,
    type_key: input.typeKey,
    channel: input.channel,
    subject: input.subject,
    description: input.description ?? '',
    customer_id: input.customerId,
    contact_id: input.contactId ?? null,
    asset_id: input.assetId ?? null,
    team_id: input.teamId ?? null,
    priority,
    assignee_id: assigneeId,
    // A customer's own order has no first-contact owner until a staff member takes it up.
    first_contact_id: isCustomer ? null : ctx.actor.id,
    created_by: ctx.actor.id,
    tags,
    custom_fields: customFields,
    due_at: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    search: tsvectorTokens([...textTokens(input.subject, input.description), ...codeTokens(drawn.number)]),
    sla_due_at: sla?.dueAt?.toISOString() ?? null,
    sla_state: sla?.state ?? null,
    event_actor_id: eventValues.actor_id,
    event_data: JSON.parse(eventValues.data),
    event_public: eventValues.public,
  };
  return { part, id, priority, assigneeId, tags, customFields, event, sla, record };
}

/**
 * Inserts orders under drawn numbers, all in their callers' shared transaction
 * (createBatch.ts): one statement for every order, then each order's created
 * event goes to its subscribers. Throws the first failed order's error; the
 * caller's transaction then writes none of them.
 */
export async function createWorkOrders(parts: CreatePart[]): Promise<CreatedWorkOrderView[]> {
  const first = parts[0];
  if (!first) return [];
  const tx = first.ctx.tx;
  // One moment for the batch: the orders' creation, their events and their clocks' start.
  const createdAt = new Date();
  const planned: Planned[] = [];
  for (const [i, part] of parts.entries()) planned.push(await planOrder(part, i, createdAt));
  const slaCtes = await newOrdersSlaCtes(
    first.ctx,
    planned.flatMap((p) => (p.sla ? [p.sla] : [])),
  );
  const { rows } = await sql<Inserted>`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(planned.map((p) => p.record))}::jsonb) as x(
        i int, id uuid, number text, type_key text, channel text, subject text, description text, customer_id uuid,
        contact_id uuid, asset_id uuid, team_id uuid, priority text, assignee_id uuid, first_contact_id uuid, created_by uuid,
        tags text[], custom_fields jsonb, due_at timestamptz, search text[], sla_due_at timestamptz, sla_state text,
        event_actor_id uuid, event_data jsonb, event_public boolean)
    ),
    checks as (select x.i, ${refChecksColumns(refColumns())} from x),
    ok as (
      select x.*, t.workflow->>'initial' as status, coalesce(x.team_id, t.default_team_id) as eff_team_id,
        (select s->>'category' from jsonb_array_elements(t.workflow->'statuses') s where s->>'key' = t.workflow->>'initial' limit 1) as status_category
      from x
      join checks on checks.i = x.i
      join work_order_types t on t.key = x.type_key and t.archived_at is null
      where checks."customerOk" and checks."contactOk" and checks."assetOk" and checks."teamOk"
    ),
    wo as (
      insert into work_orders (id, number, type_key, channel, subject, description, customer_id, contact_id, asset_id,
        priority, status, status_category, team_id, assignee_id, first_contact_id, created_by, tags, custom_fields, due_at, search,
        sla_due_at, sla_state, created_at, updated_at)
      select id, number, type_key, channel, subject, description, customer_id, contact_id, asset_id,
        priority, status, status_category, eff_team_id, assignee_id, first_contact_id, created_by, tags, custom_fields, due_at,
        array_to_tsvector(search), sla_due_at, sla_state, ${createdAt}::timestamptz, ${createdAt}::timestamptz
      from ok where status_category is not null
      returning id, number, created_at, first_contact_id, team_id, status, status_category
    ),
    event as (
      insert into events (occurred_at, actor_id, subject_type, subject_id, type, data, public)
      select ${createdAt}::timestamptz, x.event_actor_id, 'work_order', wo.id, 'workOrder.created',
        x.event_data || jsonb_build_object('status', wo.status, 'teamId', wo.team_id, 'number', wo.number), x.event_public
      from wo join x on x.id = wo.id
      returning id, subject_id
    )${slaCtes}
    select checks.*, wo.*, event.id as event_id
    from x
    join checks on checks.i = x.i
    left join wo on wo.id = x.id
    left join event on event.subject_id = x.id
    order by x.i`.execute(tx);
  for (const row of rows) {
    if (row.number) continue;
    throwIfRefsBad(row);
    throw new AppError('WORK_ORDER_TYPE_UNKNOWN', 500); // the type's initial status is not in its workflow
  }
  const views: CreatedWorkOrderView[] = [];
  for (const [i, p] of planned.entries()) views.push(await announce(p, rows[i]!));
  return views;
}

/**
 * Runs the order's created event through its subscribers, which may change team,
 * assignee, priority or tags, each change with its own event: when any was
 * written, the answer carries what they left.
 */
async function announce(p: Planned, row: Inserted): Promise<CreatedWorkOrderView> {
  const { ctx, input, known } = p.part;
  const written = eventsWritten(ctx);
  if (hasSubscribers(p.event.type)) {
    const data = { ...p.event.data, status: row.status, teamId: row.team_id, number: row.number };
    await dispatchEvent(ctx, { ...p.event, data, id: Number(row.event_id), actorId: eventRow(ctx, p.event).actor_id });
  }
  const after =
    eventsWritten(ctx) > written
      ? await ctx.tx
          .selectFrom('work_orders')
          .select(['team_id', 'assignee_id', 'priority', 'tags', 'status', 'status_category'])
          .where('id', '=', p.id)
          .executeTakeFirstOrThrow()
      : null;
  return {
    id: p.id,
    number: row.number!,
    typeKey: input.typeKey,
    channel: input.channel,
    subject: input.subject,
    customerId: input.customerId,
    contactId: input.contactId ?? null,
    assetId: input.assetId ?? null,
    priority: after?.priority ?? p.priority,
    status: statusRef(known.workflow, after?.status ?? row.status, after?.status_category ?? row.status_category, ctx.lang),
    teamId: after ? after.team_id : row.team_id,
    assigneeId: after ? after.assignee_id : p.assigneeId,
    firstContactId: row.first_contact_id,
    tags: after?.tags ?? p.tags,
    customFields: p.customFields,
    dueAt: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
