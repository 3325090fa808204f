/**
 * Opening a work order, by staff (any channel, any customer) or by a customer
 * user (portal channel, their own organisation only). Few statements: one check
 * query, then one INSERT that also allocates the number and records the event,
 * last, so the per-day counter row is locked only for the end of the transaction.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, invalid } from '../../../lib/errors.ts';
import { textTokens } from '../../../lib/search.ts';
import { mergeCustomFields } from '../../customFields/validate.ts';
import { eventRow } from '../../events/record.ts';
import type { CreatedWorkOrderView, CreateWorkOrderBody, PortalCreateWorkOrderBody } from '../schema.ts';
import type { Workflow } from '../tables.ts';
import { nextNumberSql, searchVectorSql, serviceDay } from '../numbering.ts';
import { findStatus, statusRef } from '../workflow.ts';
import { checkAssignee } from './checks.ts';

/** One round trip: type, customer, contact, asset and team checked together. */
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

export async function createWorkOrder(
  ctx: Ctx,
  body: CreateWorkOrderBody | PortalCreateWorkOrderBody,
): Promise<CreatedWorkOrderView> {
  const input = normalize(ctx, body);
  const isCustomer = ctx.actor.role === 'customer';
  const refs = await loadRefs(ctx, input);
  const workflow = refs.workflow as Workflow | null;
  if (!workflow) throw invalid({ field: 'typeKey' }, 'WORK_ORDER_TYPE_UNKNOWN');
  if (!refs.customerOk) throw invalid({ field: 'customerId', reason: 'unknown or archived customer' });
  if (!refs.contactOk) throw invalid({ field: 'contactId', reason: 'not a contact of this customer' });
  if (!refs.assetOk) throw invalid({ field: 'assetId', reason: 'not an asset of this customer' });
  if (!refs.teamOk) throw invalid({ field: 'teamId', reason: 'unknown or archived team' });
  const teamId = input.teamId ?? (refs.defaultTeamId as string | null) ?? null;
  if (input.assigneeId) await checkAssignee(ctx, teamId, input.assigneeId);
  const initial = findStatus(workflow, workflow.initial);
  if (!initial) throw new AppError('WORK_ORDER_TYPE_UNKNOWN', 500);
  const customFields = input.customFields ? await mergeCustomFields(ctx.tx, 'work_order', input.customFields) : {};
  const tags = [...new Set(input.tags ?? [])];

  const id = crypto.randomUUID();
  const event = eventRow(ctx, {
    subjectType: 'work_order',
    subjectId: id,
    type: 'workOrder.created',
    public: true,
    data: {
      typeKey: input.typeKey,
      channel: input.channel,
      subject: input.subject,
      priority: input.priority ?? 'normal',
      status: initial.key,
      customerId: input.customerId,
      teamId,
      assigneeId: input.assigneeId ?? null,
    },
  });

  // One statement bumps the per-day counter, inserts the order and records its event
  // (with the number). Last: the counter row stays locked until commit, so nothing
  // slow may follow it.
  const day = serviceDay();
  const row = await ctx.tx
    .with('counter', (db) =>
      db
        .insertInto('work_order_counters')
        .values({ day, last: 1 })
        .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`work_order_counters.last + 1` }))
        .returning('last'),
    )
    .with('n', (db) => db.selectFrom('counter').select(nextNumberSql(day).as('number')))
    .with('event', (db) =>
      db
        .insertInto('events')
        .values({ ...event, data: sql`${event.data}::jsonb || jsonb_build_object('number', (select number from n))` })
        .returning('id'),
    )
    .insertInto('work_orders')
    .values({
      id,
      number: sql<string>`(select number from n)`,
      type_key: input.typeKey,
      channel: input.channel,
      subject: input.subject,
      description: input.description ?? '',
      customer_id: input.customerId,
      contact_id: input.contactId ?? null,
      asset_id: input.assetId ?? null,
      priority: input.priority ?? 'normal',
      status: initial.key,
      status_category: initial.category,
      team_id: teamId,
      assignee_id: input.assigneeId ?? null,
      // A customer's own order has no first-contact owner until a staff member takes it up.
      first_contact_id: isCustomer ? null : ctx.actor.id,
      created_by: ctx.actor.id,
      tags,
      custom_fields: JSON.stringify(customFields),
      due_at: input.dueAt ? new Date(input.dueAt) : null,
      search: searchVectorSql(day, textTokens(input.subject, input.description)),
    })
    .returning(['number', 'created_at', 'first_contact_id'])
    .executeTakeFirstOrThrow();
  return {
    id,
    number: row.number,
    typeKey: input.typeKey,
    channel: input.channel,
    subject: input.subject,
    customerId: input.customerId,
    contactId: input.contactId ?? null,
    assetId: input.assetId ?? null,
    priority: input.priority ?? 'normal',
    status: statusRef(workflow, initial.key, initial.category, ctx.lang),
    teamId,
    assigneeId: input.assigneeId ?? null,
    firstContactId: row.first_contact_id,
    tags,
    customFields,
    dueAt: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
