/**
 * The paid-service price list (有偿服务项目收费标准). Administrators maintain
 * it; staff read it to quote. Items are archived, never deleted, because quote
 * lines point to them (and keep their own snapshot of code, name and price).
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { diff, recordEvent } from '../events/record.ts';
import type { CreatePriceItemBody, PriceItemView, UpdatePriceItemBody } from './schema.ts';
import type { PriceItemsTable } from './tables.ts';
import './messages.ts';

function present(row: Selectable<PriceItemsTable>): PriceItemView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    priceCents: row.price_cents,
    category: row.category,
    archived: row.archived_at !== null,
  };
}

function authorizeEdit(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin') throw forbidden();
}

export async function listPriceItems(ctx: Ctx, includeArchived: boolean): Promise<PriceItemView[]> {
  if (ctx.actor.role === 'customer') throw forbidden();
  let q = ctx.tx.selectFrom('price_items').selectAll().orderBy('category').orderBy('code');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return (await q.execute()).map(present);
}

async function codeFree(ctx: Ctx, code: string, exceptId?: string): Promise<void> {
  let q = ctx.tx.selectFrom('price_items').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('PRICE_ITEM_CODE_TAKEN', { code });
}

export async function createPriceItem(ctx: Ctx, input: CreatePriceItemBody): Promise<PriceItemView> {
  authorizeEdit(ctx);
  await codeFree(ctx, input.code);
  const row = await ctx.tx
    .insertInto('price_items')
    .values({ code: input.code, name: input.name, unit: input.unit, price_cents: input.priceCents, category: input.category })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, { subjectType: 'config', subjectId: row.id, type: 'priceList.created', data: { item: present(row) } });
  return present(row);
}

export async function updatePriceItem(ctx: Ctx, id: string, input: UpdatePriceItemBody): Promise<PriceItemView> {
  authorizeEdit(ctx);
  const before = await ctx.tx.selectFrom('price_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw notFound('PRICE_ITEM_NOT_FOUND');
  if (input.code !== undefined) await codeFree(ctx, input.code, id);
  const row = await ctx.tx
    .updateTable('price_items')
    .set({
      code: input.code ?? before.code,
      name: input.name ?? before.name,
      unit: input.unit ?? before.unit,
      price_cents: input.priceCents ?? before.price_cents,
      category: input.category ?? before.category,
      archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changes = diff(present(before), present(row));
  if (changes) await recordEvent(ctx, { subjectType: 'config', subjectId: id, type: 'priceList.updated', data: changes });
  return present(row);
}
