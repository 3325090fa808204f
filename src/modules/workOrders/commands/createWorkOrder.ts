/**
 * Opening a work order, by staff (any channel, any customer) or by a customer
 * user (portal channel, their own organisation only). One statement does it all:
 * checks the type, customer, contact, asset and team, bumps the per-day counter,
 * inserts the order and records its event — inserting nothing when a check fails,
 * so the command throws the check's 400 with nothing written. An assignee or
 * custom fields need their own queries first (with the same checks, in order).
 */
import crypto from 'node:crypto';
import { type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, invalid } from '../../../lib/errors.ts';
import { textTokens } from '../../../lib/search.ts';
import { mergeCustomFields } from '../../customFields/validate.ts';
import { eventRow } from '../../events/record.ts';
import type { CreatedWorkOrderView, CreateWorkOrderBody, PortalCreateWorkOrderBody } from '../schema.ts';
import type { StatusCategory, Workflow } from '../tables.ts';
import { nextNumberSql, searchVectorSql, serviceDay } from '../numbering.ts';
import { statusRef } from '../workflow.ts';
import { checkAssignee } from './checks.ts';

/** The checks alone, for a request that needs the default team or valid references before its own queries. */
async function loadRefs(ctx: Ctx, input: CreateWorkOrderBody) {
  return ctx.tx
    .selectNoFrom((eb) => [
      eb
        .selectFrom('work_order_types')
        .select('workflow')
        .where('key', '=', input.typeKey)
        .where('archived_at', 'is', null)
        .as('workflow'),
      eb
        .selectFrom('work_order_types')
        .select('default_team_id')
        .where('key', '=', input.typeKey)
        .as('defaultTeamId'),
      eb.exists(
        eb.selectFrom('customers').select(sql`1`.as('one')).where('id', '=', input.customerId).where('archived_at', 'is', null),
      ).as('customerOk'),
      input.contactId
        ? eb
            .exists(
              eb
                .selectFrom('contacts')
                .select(sql`1`.as('one'))
                .where('id', '=', input.contactId)
                .where('customer_id', '=', input.customerId),
            )
            .as('contactOk')
        : sql<boolean>`true`.as('contactOk'),
      input.assetId
        ? eb
            .exists(
              eb
                .selectFrom('assets')
                .select(sql`1`.as('one'))
                .where('id', '=', input.assetId)
                .where('customer_id', '=', input.customerId),
            )
            .as('assetOk')
        : sql<boolean>`true`.as('assetOk'),
      input.teamId
        ? eb
            .exists(eb.selectFrom('teams').select(sql`1`.as('one')).where('id', '=', input.teamId).where('archived_at', 'is', null))
            .as('teamOk')
        : sql<boolean>`true`.as('teamOk'),
    ])
    .executeTakeFirstOrThrow();
}

/** Staff body, or the portal body widened with what the server decides for a customer. */
function normalize(ctx: Ctx, input: CreateWorkOrderBody | PortalCreateWorkOrderBody): CreateWorkOrderBody {
  if (ctx.actor.role !== 'customer') return input as CreateWorkOrderBody;
  if (!ctx.actor.customerId) throw forbidden();
  const portal = input as PortalCreateWorkOrderBody;
  return {
    typeKey: portal.typeKey,
    subject: portal.subject,
    description: portal.description,
    contactId: portal.contactId,
    assetId: portal.assetId,
    customFields: portal.customFields,
    channel: 'portal',
    customerId: ctx.actor.customerId,
  };
}

interface RefChecks {
  workflow: Workflow | null;
  customerOk: SqlBool;
  contactOk: SqlBool;
  assetOk: SqlBool;
  teamOk: SqlBool;
}

/** Throws the first failed check's 400, in the order the fields appear in the form. */
function throwIfRefsBad(refs: RefChecks): asserts refs is RefChecks & { workflow: Workflow } {
  if (!refs.workflow) throw invalid({ field: 'typeKey' }, 'WORK_ORDER_TYPE_UNKNOWN');
  if (!refs.customerOk) throw invalid({ field: 'customerId', reason: 'unknown or archived customer' });
  if (!refs.contactOk) throw invalid({ field: 'contactId', reason: 'not a contact of this customer' });
  if (!refs.assetOk) throw invalid({ field: 'assetId', reason: 'not an asset of this customer' });
  if (!refs.teamOk) throw invalid({ field: 'teamId', reason: 'unknown or archived team' });
}

interface Inserted extends RefChecks {
  /** Null when a check failed and nothing was written. */
  number: string | null;
  created_at: Date;
  first_contact_id: string | null;
  team_id: string | null;
  status: string;
  status_category: StatusCategory;
}

/** Without an assignee or custom fields the command is one statement (see withSingleStatement). */
export function createsInOneStatement(body: CreateWorkOrderBody | PortalCreateWorkOrderBody): boolean {
  return !('assigneeId' in body && body.assigneeId) && !body.customFields;
}

export async function createWorkOrder(
  ctx: Ctx,
  body: CreateWorkOrderBody | PortalCreateWorkOrderBody,
): Promise<CreatedWorkOrderView> {
  const input = normalize(ctx, body);
  const isCustomer = ctx.actor.role === 'customer';
  let customFields: Record<string, unknown> = {};
  if (!createsInOneStatement(input)) {
    const refs = await loadRefs(ctx, input);
    throwIfRefsBad(refs);
    const teamId = input.teamId ?? (refs.defaultTeamId as string | null) ?? null;
    if (input.assigneeId) await checkAssignee(ctx, teamId, input.assigneeId);
    if (input.customFields) customFields = await mergeCustomFields(ctx.tx, 'work_order', input.customFields);
  }
  const tags = [...new Set(input.tags ?? [])];
  const id = crypto.randomUUID();
  const priority = input.priority ?? 'normal';
  const assigneeId = input.assigneeId ?? null;
  // Status and team come from the type inside the statement; the event adds them (and the number) there.
  const event = eventRow(ctx, {
    subjectType: 'work_order',
    subjectId: id,
    type: 'workOrder.created',
    public: true,
    data: { typeKey: input.typeKey, channel: input.channel, subject: input.subject, priority, customerId: input.customerId, assigneeId },
  });
  const exists = (table: string, id: string | undefined, extra: ReturnType<typeof sql>) =>
    id ? sql<boolean>`exists(select 1 from ${sql.table(table)} where id = ${id}::uuid and ${extra})` : sql<boolean>`true`;
  const day = serviceDay();
  // The counter is bumped last of the writes that can wait on nothing: its row stays locked until commit.
  const { rows } = await sql<Inserted>`
    with t as (
      select workflow, default_team_id, workflow->>'initial' as status,
        (select s->>'category' from jsonb_array_elements(workflow->'statuses') s where s->>'key' = workflow->>'initial' limit 1) as status_category
      from work_order_types where key = ${input.typeKey} and archived_at is null
    ),
    checks as (
      select (select workflow from t) as workflow,
        exists(select 1 from customers where id = ${input.customerId}::uuid and archived_at is null) as "customerOk",
        ${exists('contacts', input.contactId, sql`customer_id = ${input.customerId}::uuid`)} as "contactOk",
        ${exists('assets', input.assetId, sql`customer_id = ${input.customerId}::uuid`)} as "assetOk",
        ${exists('teams', input.teamId, sql`archived_at is null`)} as "teamOk"
    ),
    ok as (
      select t.status, t.status_category, coalesce(${input.teamId ?? null}::uuid, t.default_team_id) as team_id
      from t, checks
      where checks."customerOk" and checks."contactOk" and checks."assetOk" and checks."teamOk" and t.status_category is not null
    ),
    counter as (
      insert into work_order_counters (day, last) select ${day}::date, 1 from ok
      on conflict (day) do update set last = work_order_counters.last + 1
      returning last
    ),
    n as (select ${nextNumberSql(day)} as number from counter),
    wo as (
      insert into work_orders (id, number, type_key, channel, subject, description, customer_id, contact_id, asset_id,
        priority, status, status_category, team_id, assignee_id, first_contact_id, created_by, tags, custom_fields, due_at, search)
      select ${id}::uuid, n.number, ${input.typeKey}::text, ${input.channel}::text, ${input.subject}::text,
        ${input.description ?? ''}::text, ${input.customerId}::uuid, ${input.contactId ?? null}::uuid, ${input.assetId ?? null}::uuid,
        ${priority}::text, ok.status, ok.status_category, ok.team_id, ${assigneeId}::uuid,
        -- A customer's own order has no first-contact owner until a staff member takes it up.
        ${isCustomer ? null : ctx.actor.id}::uuid, ${ctx.actor.id}::uuid, ${tags}::text[], ${JSON.stringify(customFields)}::jsonb,
        ${input.dueAt ? new Date(input.dueAt) : null}::timestamptz, ${searchVectorSql(day, textTokens(input.subject, input.description))}
      from n, ok
      returning number, created_at, first_contact_id, team_id, status, status_category
    ),
    event as (
      insert into events (actor_id, subject_type, subject_id, type, data, public)
      select ${event.actor_id}::uuid, ${event.subject_type}::text, ${event.subject_id}::uuid, ${event.type}::text,
        ${event.data}::jsonb || jsonb_build_object('status', wo.status, 'teamId', wo.team_id, 'number', wo.number), ${event.public}
      from wo
    )
    select checks.*, wo.* from checks left join wo on true`.execute(ctx.tx);
  const row = rows[0]!;
  if (!row.number) {
    throwIfRefsBad(row);
    throw new AppError('WORK_ORDER_TYPE_UNKNOWN', 500); // the type's initial status is not in its workflow
  }
  return {
    id,
    number: row.number,
    typeKey: input.typeKey,
    channel: input.channel,
    subject: input.subject,
    customerId: input.customerId,
    contactId: input.contactId ?? null,
    assetId: input.assetId ?? null,
    priority,
    status: statusRef(row.workflow ?? undefined, row.status, row.status_category, ctx.lang),
    teamId: row.team_id,
    assigneeId,
    firstContactId: row.first_contact_id,
    tags,
    customFields,
    dueAt: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
