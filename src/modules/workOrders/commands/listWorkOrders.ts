/**
 * Queues and filtered lists of work orders, always narrowed by the visibility
 * rule first. Queue views map onto the (team | assignee, status_category,
 * created_at) indexes; search uses the order's own vector and the customers'.
 */
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Ctx } from '../../../lib/context.ts';
import { offsetOf } from '../../../lib/pagination.ts';
import { buildTsQuery } from '../../../lib/search.ts';
import { visibleTo } from '../policy.ts';
import { LIST_COLUMNS, presentList } from '../present.ts';
import type { WorkOrderListItem, WorkOrderListQuery } from '../schema.ts';
import type { StatusCategory } from '../tables.ts';

type Q = SelectQueryBuilder<DB, 'work_orders', object>;
type WO = ExpressionBuilder<DB, 'work_orders'>;

const OPEN: StatusCategory[] = ['new', 'open', 'pending'];
/**
 * Totals are counted up to this many: an exact count over a large queue scans
 * every matching row, which is what made lists slow at 100k orders. Beyond it the
 * reply says `totalCapped` and the UI shows "1000+".
 */
export const COUNT_CAP = 1000;
/** Enough customers to cover any sensible name query; beyond that the user should type more. */
const MAX_MATCHED_CUSTOMERS = 500;

function applyView(ctx: Ctx, q: Q, view: WorkOrderListQuery['view']): Q {
  const { actor } = ctx;
  switch (view) {
    case 'mine':
      return q.where('work_orders.assignee_id', '=', actor.id).where('work_orders.status_category', 'in', OPEN);
    case 'team':
      if (actor.teamIds.length === 0) return q.where(sql<boolean>`false`);
      return q.where('work_orders.team_id', 'in', actor.teamIds).where('work_orders.status_category', 'in', OPEN);
    case 'unassigned': {
      const open = q.where('work_orders.assignee_id', 'is', null).where('work_orders.status_category', 'in', OPEN);
      if (actor.role === 'admin' || actor.role === 'manager' || actor.role === 'customer') return open;
      if (actor.teamIds.length === 0) return q.where(sql<boolean>`false`);
      return open.where('work_orders.team_id', 'in', actor.teamIds);
    }
    case 'overdue':
      return q.where('work_orders.due_at', '<', new Date()).where('work_orders.status_category', 'in', OPEN);
    case 'all':
      return q;
  }
}

/** The q filter: the order's own tokens, or a customer whose tokens match. */
async function searchCondition(ctx: Ctx, text: string) {
  const query = buildTsQuery(text);
  if (!query) return null;
  const customers = await ctx.tx
    .selectFrom('customers')
    .select('id')
    .where(sql<boolean>`search @@ ${query}::tsquery`)
    .limit(MAX_MATCHED_CUSTOMERS)
    .execute();
  const customerIds = customers.map((c) => c.id);
  return (eb: WO) => {
    const own = eb(sql`work_orders.search`, '@@', sql`${query}::tsquery`);
    return customerIds.length ? eb.or([own, eb('work_orders.customer_id', 'in', customerIds)]) : own;
  };
}

async function applyFilters(ctx: Ctx, q: Q, f: WorkOrderListQuery): Promise<Q> {
  q = applyView(ctx, q, f.view);
  if (f.status) q = q.where('work_orders.status', '=', f.status);
  if (f.statusCategory?.length) q = q.where('work_orders.status_category', 'in', f.statusCategory);
  if (f.typeKey) q = q.where('work_orders.type_key', '=', f.typeKey);
  if (f.priority) q = q.where('work_orders.priority', '=', f.priority);
  if (f.channel) q = q.where('work_orders.channel', '=', f.channel);
  if (f.teamId) q = q.where('work_orders.team_id', '=', f.teamId);
  if (f.assigneeId) q = q.where('work_orders.assignee_id', '=', f.assigneeId);
  if (f.customerId) q = q.where('work_orders.customer_id', '=', f.customerId);
  if (f.tag) q = q.where(sql<boolean>`work_orders.tags @> array[${f.tag}]::text[]`);
  if (f.createdFrom) q = q.where('work_orders.created_at', '>=', new Date(f.createdFrom));
  if (f.createdTo) q = q.where('work_orders.created_at', '<', new Date(f.createdTo));
  if (f.sla) q = q.where(slaCondition(f.sla));
  if (f.q) {
    const condition = await searchCondition(ctx, f.q);
    q = condition ? q.where(condition) : q.where(sql<boolean>`false`);
  }
  return q;
}

/** Due within this many ms counts as "due soon" in the SLA filter. */
export const SLA_DUE_SOON_MS = 3600_000;

function slaCondition(filter: NonNullable<WorkOrderListQuery['sla']>) {
  const now = new Date();
  return (eb: WO) => {
    // A running clock past its due moment is breached even before its timer job has run.
    const overdue = eb.and([eb('work_orders.sla_state', '=', 'running'), eb('work_orders.sla_due_at', '<=', now)]);
    switch (filter) {
      case 'breached':
        return eb.and([eb('work_orders.status_category', 'in', OPEN), eb.or([eb('work_orders.sla_state', '=', 'breached'), overdue])]);
      case 'dueSoon':
        return eb.and([
          eb('work_orders.sla_state', '=', 'running'),
          eb('work_orders.sla_due_at', '>', now),
          eb('work_orders.sla_due_at', '<=', new Date(now.getTime() + SLA_DUE_SOON_MS)),
        ]);
      case 'running':
        return eb('work_orders.sla_state', 'in', ['running', 'breached']).and('work_orders.sla_due_at', 'is not', null);
    }
  };
}

const PRIORITY_RANK = sql<number>`case work_orders.priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end`;

function applySort(q: Q, f: WorkOrderListQuery): Q {
  const dir = f.order;
  const nulls = dir === 'asc' ? sql`asc nulls last` : sql`desc nulls last`;
  switch (f.sort) {
    case 'updatedAt':
      q = q.orderBy('work_orders.updated_at', dir);
      break;
    case 'priority':
      q = q.orderBy(PRIORITY_RANK, dir).orderBy('work_orders.created_at', 'desc');
      break;
    case 'dueAt':
      q = q.orderBy(sql`work_orders.due_at ${nulls}`);
      break;
    case 'createdAt':
      q = q.orderBy('work_orders.created_at', dir);
      break;
    case 'slaDue':
      q = q.orderBy(sql`work_orders.sla_due_at ${nulls}`);
      break;
  }
  return q.orderBy('work_orders.id', dir);
}

export async function listWorkOrders(
  ctx: Ctx,
  f: WorkOrderListQuery,
): Promise<{ items: WorkOrderListItem[]; total: number; totalCapped: boolean }> {
  const base = await applyFilters(ctx, ctx.tx.selectFrom('work_orders').where(visibleTo(ctx.actor)), f);
  const [count, rows] = await Promise.all([
    ctx.tx
      .selectFrom(
        base
          .select(sql`1`.as('one'))
          .limit(COUNT_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    applySort(base, f).select(LIST_COLUMNS).limit(f.pageSize).offset(offsetOf(f)).execute(),
  ]);
  const n = Number(count.n);
  return { items: await presentList(ctx, rows), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/**
 * Quick search takes the matches through the GIN (and customer) indexes first, up
 * to this many. Walking the created_at index and testing each row instead is fast
 * only when matches are common: a rare term or a miss walked all 100k orders.
 */
const SEARCH_HIT_CAP = 200;

/** Quick search across visible orders (number, number suffix, subject words, customer name), newest first. */
export async function searchWorkOrders(ctx: Ctx, text: string, limit = 10): Promise<WorkOrderListItem[]> {
  const condition = await searchCondition(ctx, text);
  if (!condition) return [];
  const take = Math.min(Math.max(limit, 1), 50);
  const matching = () => ctx.tx.selectFrom('work_orders').where(visibleTo(ctx.actor)).where(condition);
  // Few matches: order just those. The count says whether the cap cut the set short.
  const few = await ctx.tx
    .with(
      (cte) => cte('hits').materialized(),
      () => matching().select('work_orders.id').limit(SEARCH_HIT_CAP + 1),
    )
    .selectFrom('work_orders')
    .where('work_orders.id', 'in', (eb) => eb.selectFrom('hits').select('hits.id'))
    .select(LIST_COLUMNS)
    .select((eb) => eb.selectFrom('hits').select(eb.fn.countAll<string>().as('n')).as('hit_count'))
    .orderBy('work_orders.created_at', 'desc')
    .orderBy('work_orders.id', 'desc')
    .limit(take)
    .execute();
  if (few.length === 0 || Number(few[0]!.hit_count) <= SEARCH_HIT_CAP) {
    return presentList(
      ctx,
      few.map(({ hit_count: _, ...row }) => row),
    );
  }
  // Many matches: the newest ones are near the top of the created_at index.
  const rows = await matching()
    .select(LIST_COLUMNS)
    .orderBy('work_orders.created_at', 'desc')
    .orderBy('work_orders.id', 'desc')
    .limit(take)
    .execute();
  return presentList(ctx, rows);
}
