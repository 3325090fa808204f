/**
 * Opening a work order, by staff (any channel, any customer) or by a customer
 * user (portal channel, their own organisation only). `openWorkOrder` draws the
 * number first (drawNumber.ts explains why outside the transaction), then one
 * transaction inserts the order, its event and its SLA clocks with their timers
 * (sla/newOrder.ts explains why here) — re-checking the references in the same
 * statement, inserting nothing when one went bad meanwhile — and lets the event's
 * subscribers (routing, rules, notifications) react.
 */
import crypto from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Actor, Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, invalid } from '../../../lib/errors.ts';
import { codeTokens, textTokens, toTsVector } from '../../../lib/search.ts';
import { mergeCustomFields } from '../../customFields/validate.ts';
import { planNewOrderSla } from '../../sla/newOrder.ts';
import { dispatchEvent, hasSubscribers } from '../../events/dispatch.ts';
import { eventRow, eventsWritten, type NewEvent } from '../../events/record.ts';
import type { CreatedWorkOrderView, CreateWorkOrderBody, PortalCreateWorkOrderBody } from '../schema.ts';
import type { StatusCategory, Workflow } from '../tables.ts';
import { statusRef } from '../workflow.ts';
import { checkAssignee } from './checks.ts';
import { type DrawFacts, type DrawnNumber, drawNumber, giveBackNumber, type RefChecks, refChecksSql } from './drawNumber.ts';

async function defaultTeamOf(ctx: Ctx, typeKey: string): Promise<string | null> {
  const row = await ctx.tx.selectFrom('work_order_types').select('default_team_id').where('key', '=', typeKey).executeTakeFirst();
  return row?.default_team_id ?? null;
}

/** Staff body, or the portal body widened with what the server decides for a customer. */
function normalize(actor: Actor, input: CreateWorkOrderBody | PortalCreateWorkOrderBody): CreateWorkOrderBody {
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
function throwIfRefsBad(refs: RefChecks): asserts refs is RefChecks & { workflow: Workflow } {
  if (!refs.workflow) throw invalid({ field: 'typeKey' }, 'WORK_ORDER_TYPE_UNKNOWN');
  if (!refs.customerOk) throw invalid({ field: 'customerId', reason: 'unknown or archived customer' });
  if (!refs.contactOk) throw invalid({ field: 'contactId', reason: 'not a contact of this customer' });
  if (!refs.assetOk) throw invalid({ field: 'assetId', reason: 'not an asset of this customer' });
  if (!refs.teamOk) throw invalid({ field: 'teamId', reason: 'unknown or archived team' });
}

interface Inserted extends Omit<RefChecks, 'workflow'> {
  /** The type is still there (its workflow is not sent back: the draw read it already). */
  typeOk: boolean;
  /** Null when a check failed and nothing was written. */
  number: string | null;
  created_at: Date;
  event_id: number | null;
  first_contact_id: string | null;
  team_id: string | null;
  status: string;
  status_category: StatusCategory;
}

/**
 * The whole create for any caller: draws the number, then runs the create in the
 * caller's transaction (`inTx`, e.g. withCtx), handing the number back if it fails.
 */
export async function openWorkOrder(
  db: Kysely<DB>,
  actor: Actor,
  body: CreateWorkOrderBody | PortalCreateWorkOrderBody,
  inTx: <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>,
): Promise<CreatedWorkOrderView> {
  const input = normalize(actor, body);
  const { refs, drawn, facts } = await drawNumber(db, input);
  throwIfRefsBad(refs);
  if (!drawn) throw new AppError('WORK_ORDER_TYPE_UNKNOWN', 500);
  try {
    return await inTx((ctx) => createWorkOrder(ctx, input, drawn, { ...facts, workflow: refs.workflow }));
  } catch (error) {
    await giveBackNumber(db, drawn).catch(() => {});
    throw error;
  }
}

/** Inserts the order under a drawn number; see openWorkOrder. */
export async function createWorkOrder(
  ctx: Ctx,
  input: CreateWorkOrderBody,
  drawn: DrawnNumber,
  known: DrawFacts & { workflow: Workflow },
): Promise<CreatedWorkOrderView> {
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
  const search = [...textTokens(input.subject, input.description), ...codeTokens(drawn.number)];
  const createdAt = new Date();
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
  const { rows } = await sql<Inserted>`
    with t as (
      select workflow, default_team_id, workflow->>'initial' as status,
        (select s->>'category' from jsonb_array_elements(workflow->'statuses') s where s->>'key' = workflow->>'initial' limit 1) as status_category
      from work_order_types where key = ${input.typeKey} and archived_at is null
    ),
    checks as (${refChecksSql(input)}),
    ok as (
      select t.status, t.status_category, coalesce(${input.teamId ?? null}::uuid, t.default_team_id) as team_id
      from t, checks
      where checks."customerOk" and checks."contactOk" and checks."assetOk" and checks."teamOk" and t.status_category is not null
    ),
    wo as (
      insert into work_orders (id, number, type_key, channel, subject, description, customer_id, contact_id, asset_id,
        priority, status, status_category, team_id, assignee_id, first_contact_id, created_by, tags, custom_fields, due_at, search,
        sla_due_at, sla_state, created_at, updated_at)
      select ${id}::uuid, ${drawn.number}::text, ${input.typeKey}::text, ${input.channel}::text, ${input.subject}::text,
        ${input.description ?? ''}::text, ${input.customerId}::uuid, ${input.contactId ?? null}::uuid, ${input.assetId ?? null}::uuid,
        ${priority}::text, ok.status, ok.status_category, ok.team_id, ${assigneeId}::uuid,
        -- A customer's own order has no first-contact owner until a staff member takes it up.
        ${isCustomer ? null : ctx.actor.id}::uuid, ${ctx.actor.id}::uuid, ${tags}::text[], ${JSON.stringify(customFields)}::jsonb,
        ${input.dueAt ? new Date(input.dueAt) : null}::timestamptz, ${toTsVector(search)},
        ${sla?.dueAt ?? null}::timestamptz, ${sla?.state ?? null}::text, ${createdAt}::timestamptz, ${createdAt}::timestamptz
      from ok
      returning number, created_at, first_contact_id, team_id, status, status_category
    ),
    event as (
      insert into events (actor_id, subject_type, subject_id, type, data, public)
      select ${eventValues.actor_id}::uuid, ${eventValues.subject_type}::text, ${eventValues.subject_id}::uuid, ${eventValues.type}::text,
        ${eventValues.data}::jsonb || jsonb_build_object('status', wo.status, 'teamId', wo.team_id, 'number', wo.number), ${eventValues.public}
      from wo
      returning id
    )${sla?.ctes ?? sql``}
    select checks.workflow is not null as "typeOk", checks."customerOk", checks."contactOk", checks."assetOk", checks."teamOk",
      wo.*, (select id from event) as event_id
    from checks left join wo on true`.execute(ctx.tx);
  const row = rows[0]!;
  if (!row.number) {
    throwIfRefsBad({ ...row, workflow: row.typeOk ? known.workflow : null });
    throw new AppError('WORK_ORDER_TYPE_UNKNOWN', 500); // the type's initial status is not in its workflow
  }
  // Subscribers (routing, rules) may change team, assignee, priority or tags: answer with what they left.
  // Subscribers (routing, rules) may change team, assignee, priority or tags, each change with its
  // own event: when any was written, answer with what they left.
  const written = eventsWritten(ctx);
  if (hasSubscribers(event.type)) {
    const data = { ...event.data, status: row.status, teamId: row.team_id, number: row.number };
    await dispatchEvent(ctx, { ...event, data, id: Number(row.event_id), actorId: eventValues.actor_id });
  }
  const after =
    eventsWritten(ctx) > written
      ? await ctx.tx
          .selectFrom('work_orders')
          .select(['team_id', 'assignee_id', 'priority', 'tags', 'status', 'status_category'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      : null;
  return {
    id,
    number: row.number,
    typeKey: input.typeKey,
    channel: input.channel,
    subject: input.subject,
    customerId: input.customerId,
    contactId: input.contactId ?? null,
    assetId: input.assetId ?? null,
    priority: after?.priority ?? priority,
    status: statusRef(known.workflow, after?.status ?? row.status, after?.status_category ?? row.status_category, ctx.lang),
    teamId: after ? after.team_id : row.team_id,
    assigneeId: after ? after.assignee_id : assigneeId,
    firstContactId: row.first_contact_id,
    tags: after?.tags ?? tags,
    customFields,
    dueAt: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
