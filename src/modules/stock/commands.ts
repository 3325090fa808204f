/**
 * The simple stock list: items with their quantity on hand. Administrators and
 * managers maintain it; staff read it (policy.ts). Quantities change only through
 * `moveStock`, so every change has a movement row (who, why, which order).
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { diff, recordEvent } from '../events/record.ts';
import { moveStock } from './move.ts';
import { authorizeStockEdit, authorizeStockRead } from './policy.ts';
import type { CreateStockItemBody, StockItemView, UpdateStockItemBody } from './schema.ts';
import type { StockItemsTable } from './tables.ts';

export function presentStockItem(row: Selectable<StockItemsTable>): StockItemView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    quantityOnHand: row.quantity_on_hand,
    archived: row.archived_at !== null,
  };
}

const authorizeEdit = (ctx: Ctx) => authorizeStockEdit(ctx.actor);
const authorizeRead = (ctx: Ctx) => authorizeStockRead(ctx.actor);

async function load(ctx: Ctx, id: string) {
  const row = await ctx.tx.selectFrom('stock_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('STOCK_ITEM_NOT_FOUND');
  return row;
}

export async function listStockItems(ctx: Ctx, includeArchived: boolean): Promise<StockItemView[]> {
  authorizeRead(ctx);
  let q = ctx.tx.selectFrom('stock_items').selectAll().orderBy('code');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return (await q.execute()).map(presentStockItem);
}

export async function createStockItem(ctx: Ctx, input: CreateStockItemBody): Promise<StockItemView> {
  authorizeEdit(ctx);
  if (await ctx.tx.selectFrom('stock_items').select('id').where('code', '=', input.code).executeTakeFirst()) {
    throw conflict('STOCK_ITEM_CODE_TAKEN', { code: input.code });
  }
  const row = await ctx.tx
    .insertInto('stock_items')
    .values({ code: input.code, name: input.name, unit: input.unit })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.quantityOnHand > 0) {
    await moveStock(ctx, { stockItemId: row.id, delta: input.quantityOnHand, reason: 'adjustment', note: 'opening stock' });
  }
  await recordEvent(ctx, { subjectType: 'config', subjectId: row.id, type: 'stock.created', data: { code: row.code } });
  return presentStockItem(await load(ctx, row.id));
}

export async function updateStockItem(ctx: Ctx, id: string, input: UpdateStockItemBody): Promise<StockItemView> {
  authorizeEdit(ctx);
  const before = await load(ctx, id);
  const row = await ctx.tx
    .updateTable('stock_items')
    .set({
      name: input.name ?? before.name,
      unit: input.unit ?? before.unit,
      archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changes = diff(presentStockItem(before), presentStockItem(row));
  if (changes) await recordEvent(ctx, { subjectType: 'config', subjectId: id, type: 'stock.updated', data: changes });
  return presentStockItem(row);
}

export async function adjustStock(ctx: Ctx, id: string, input: { delta: number; note: string }): Promise<StockItemView> {
  authorizeEdit(ctx);
  await moveStock(ctx, { stockItemId: id, delta: input.delta, reason: 'adjustment', note: input.note });
  return presentStockItem(await load(ctx, id));
}
