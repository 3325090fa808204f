/**
 * Customer export: the list's filtered customers (same filters and visibility
 * as GET /customers) as a grid in the import's own layout — one row per active
 * contact, or one row for a customer without contacts — so an export imports back.
 */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { type CategoryCatalog, headerRow, loadCatalog, localName } from '../importColumns.ts';
import { EXPORT_MAX_ROWS, type ExportQuery } from '../importSchema.ts';
import { can } from '../policy.ts';
import type { Grid } from '../spreadsheet.ts';
import { baseQuery, SORT_COLUMNS } from './listCustomers.ts';

const BATCH = 1000;

/** Column headers only: the downloadable import template. */
export async function importTemplate(ctx: Ctx): Promise<Grid> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  return [headerRow(await loadCatalog(ctx.tx), ctx.lang)];
}

export async function exportCustomers(ctx: Ctx, query: ExportQuery): Promise<Grid> {
  // Staff only: a customer user has one organisation and the portal for it.
  if (!can(ctx.actor, 'seeNotes')) throw forbidden();
  const base = baseQuery(ctx, query);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  if (Number(total) > EXPORT_MAX_ROWS) throw invalid({ total: Number(total), max: EXPORT_MAX_ROWS }, 'EXPORT_TOO_MANY', { max: EXPORT_MAX_ROWS });
  const catalog = await loadCatalog(ctx.tx);
  const tierNames = await tierNameMap(ctx);
  const grid: Grid = [headerRow(catalog, ctx.lang)];
  const order = query.order ?? (query.sort === 'name' ? 'asc' : 'desc');
  for (let offset = 0; offset < Number(total); offset += BATCH) {
    const customers = await base.selectAll().orderBy(SORT_COLUMNS[query.sort], order).orderBy('id', order).limit(BATCH).offset(offset).execute();
    if (!customers.length) break;
    const contacts = await ctx.tx
      .selectFrom('contacts')
      .select(['customer_id', 'name', 'phones', 'email', 'position'])
      .where('customer_id', 'in', customers.map((c) => c.id))
      .where('archived_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const byCustomer = new Map<string, typeof contacts>();
    for (const k of contacts) byCustomer.set(k.customer_id, [...(byCustomer.get(k.customer_id) ?? []), k]);
    for (const c of customers) {
      const head = [
        c.name,
        c.credit_code ?? '',
        c.province,
        c.city,
        c.county,
        c.address,
        c.phones.join('; '),
        c.email,
        c.notes,
        c.tier ? (tierNames.get(c.tier) ?? c.tier) : '',
        ...classificationCells(catalog, c.classification, ctx.lang),
      ];
      const mine = byCustomer.get(c.id) ?? [];
      if (!mine.length) grid.push([...head, '', '', '', '']);
      for (const k of mine) grid.push([...head, k.name, k.phones.join('; '), k.email, k.position]);
    }
  }
  return grid;
}

function classificationCells(catalog: CategoryCatalog, classification: Record<string, string>, lang: Ctx['lang']): string[] {
  return catalog.sets.map((set) => {
    const option = set.options.find((o) => o.key === classification[set.key]);
    return option ? localName(option, lang) : (classification[set.key] ?? '');
  });
}

/** Tier names including archived tiers: a customer keeps a tier that was archived later. */
async function tierNameMap(ctx: Ctx): Promise<Map<string, string>> {
  const tiers = await ctx.tx.selectFrom('service_tiers').select(['key', 'name', 'name_en']).execute();
  return new Map(tiers.map((t) => [t.key, localName({ name: t.name, nameEn: t.name_en }, ctx.lang)]));
}
