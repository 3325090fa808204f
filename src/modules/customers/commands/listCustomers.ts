/** The customer list with filters, sorting and paging, and the quick search other modules call. */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { offsetOf } from '../../../lib/pagination.ts';
import { buildTsQuery } from '../../../lib/search.ts';
import { visibleTo } from '../policy.ts';
import { presentSummaries } from '../present.ts';
import type { CustomerListQuery, CustomerSummary } from '../schema.ts';

function parseClassification(param: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of param ? param.split(',') : []) {
    const [setKey, option] = pair.split(':');
    if (setKey && option) out[setKey] = option;
  }
  return out;
}

/** The list's filters and visibility, shared with the export. */
export function baseQuery(ctx: Ctx, query: Partial<CustomerListQuery>) {
  let q = ctx.tx.selectFrom('customers').where(visibleTo(ctx.actor));
  if (query.archived !== 'all') q = q.where('archived_at', query.archived === 'true' ? 'is not' : 'is', null);
  if (query.q) {
    const tsquery = buildTsQuery(query.q);
    q = tsquery ? q.where(sql<boolean>`customers.search @@ ${tsquery}::tsquery`) : q.where(sql<boolean>`false`);
  }
  const classification = parseClassification(query.classification);
  if (Object.keys(classification).length) {
    // jsonb containment uses the GIN index on classification.
    q = q.where(sql<boolean>`customers.classification @> ${JSON.stringify(classification)}::jsonb`);
  }
  if (query.tier) q = q.where('tier', '=', query.tier);
  if (query.province) q = q.where('province', '=', query.province);
  if (query.city) q = q.where('city', '=', query.city);
  if (query.completenessMin !== undefined) q = q.where('completeness', '>=', query.completenessMin);
  if (query.completenessMax !== undefined) q = q.where('completeness', '<=', query.completenessMax);
  return q;
}

export const SORT_COLUMNS = { name: 'name', createdAt: 'created_at', completeness: 'completeness' } as const;

export async function listCustomers(ctx: Ctx, query: CustomerListQuery): Promise<{ items: CustomerSummary[]; total: number }> {
  const base = baseQuery(ctx, query);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const order = query.order ?? (query.sort === 'name' ? 'asc' : 'desc');
  const rows = await base
    .selectAll()
    .orderBy(SORT_COLUMNS[query.sort], order)
    .orderBy('id', order)
    .limit(query.pageSize)
    .offset(offsetOf(query))
    .execute();
  return { items: await presentSummaries(ctx.tx, rows), total: Number(total) };
}

/**
 * Quick search by name (Chinese partial), credit code, phone (full or last
 * digits), email, or a contact's name/phone/email — filtered by the same
 * visibility rule as the list. Archived customers only with `includeArchived`.
 */
export async function searchCustomers(
  ctx: Ctx,
  q: string,
  limit: number,
  options: { includeArchived?: boolean } = {},
): Promise<CustomerSummary[]> {
  if (!buildTsQuery(q)) return [];
  const rows = await baseQuery(ctx, { q, archived: options.includeArchived ? 'all' : 'false' })
    .selectAll()
    .orderBy(sql`archived_at is not null`)
    .orderBy('name')
    .orderBy('id')
    .limit(Math.max(1, Math.min(limit, 100)))
    .execute();
  return presentSummaries(ctx.tx, rows);
}
