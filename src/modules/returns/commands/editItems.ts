/**
 * Changing the items of an RMA form: add, change, remove — only until the
 * warehouse receives the goods (409 RMA_ITEMS_LOCKED afterwards), since the
 * receipt count, inspection and decision all refer to the items as they were.
 * Every change is on the timeline, visible to the customer like the form itself.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import type { WorkOrdersTable } from '../../workOrders/tables.ts';
import { can } from '../policy.ts';
import { presentRma } from '../present.ts';
import { MAX_RMA_ITEMS, type RmaItemBody, type RmaView, type UpdateRmaItemBody } from '../schema.ts';
import { checkItemsEditable } from '../steps.ts';
import { type Loaded, loadRma } from './loadRma.ts';

/** Assets on a form must belong to the order's customer (400 RMA_ASSET_INVALID otherwise). */
export async function checkAssets(ctx: Ctx, order: Selectable<WorkOrdersTable>, assetIds: string[]): Promise<void> {
  const ids = [...new Set(assetIds)];
  if (!ids.length) return;
  const found = await ctx.tx.selectFrom('assets').select('id').where('id', 'in', ids).where('customer_id', '=', order.customer_id).execute();
  if (found.length !== ids.length) throw invalid({ field: 'items.assetId' }, 'RMA_ASSET_INVALID');
}

async function loadEditable(ctx: Ctx, workOrderId: string): Promise<Loaded> {
  const loaded = await loadRma(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', loaded.order)) throw forbidden();
  checkItemsEditable(loaded.form);
  return loaded;
}

function findItem(loaded: Loaded, itemId: string) {
  const item = loaded.items.find((i) => i.id === itemId);
  if (!item) throw notFound('RMA_ITEM_NOT_FOUND');
  return item;
}

const itemEvent = (ctx: Ctx, workOrderId: string, type: string, data: Record<string, unknown>) =>
  recordEvent(ctx, { subjectType: 'work_order', subjectId: workOrderId, type: `rma.${type}`, public: true, data });

export async function addRmaItem(ctx: Ctx, workOrderId: string, input: RmaItemBody): Promise<RmaView> {
  const loaded = await loadEditable(ctx, workOrderId);
  if (loaded.items.length >= MAX_RMA_ITEMS) throw conflict('RMA_TOO_MANY_ITEMS', { max: MAX_RMA_ITEMS });
  await checkAssets(ctx, loaded.order, input.assetId ? [input.assetId] : []);
  const position = Math.max(0, ...loaded.items.map((i) => i.position)) + 1;
  const row = await ctx.tx
    .insertInto('rma_items')
    .values({
      work_order_id: loaded.order.id,
      position,
      asset_id: input.assetId ?? null,
      product: input.product,
      serial: input.serial,
      quantity: input.quantity,
      fault_description: input.faultDescription,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await itemEvent(ctx, loaded.order.id, 'itemAdded', { itemId: row.id, product: input.product, serial: input.serial, quantity: input.quantity });
  return presentRma(ctx, await loadRma(ctx, loaded.order.id));
}

export async function updateRmaItem(ctx: Ctx, workOrderId: string, itemId: string, input: UpdateRmaItemBody): Promise<RmaView> {
  const loaded = await loadEditable(ctx, workOrderId);
  const before = findItem(loaded, itemId);
  if (input.assetId) await checkAssets(ctx, loaded.order, [input.assetId]);
  const after = {
    asset_id: input.assetId === undefined ? before.asset_id : input.assetId,
    product: input.product ?? before.product,
    serial: input.serial ?? before.serial,
    quantity: input.quantity ?? before.quantity,
    fault_description: input.faultDescription ?? before.fault_description,
  };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (after[key] !== before[key]) changes[key] = { from: before[key], to: after[key] };
  }
  if (Object.keys(changes).length) {
    await ctx.tx.updateTable('rma_items').set(after).where('id', '=', itemId).execute();
    await itemEvent(ctx, loaded.order.id, 'itemChanged', { itemId, product: after.product, changes });
  }
  return presentRma(ctx, await loadRma(ctx, loaded.order.id));
}

export async function removeRmaItem(ctx: Ctx, workOrderId: string, itemId: string): Promise<RmaView> {
  const loaded = await loadEditable(ctx, workOrderId);
  const item = findItem(loaded, itemId);
  if (loaded.items.length === 1) throw conflict('RMA_LAST_ITEM');
  await ctx.tx.deleteFrom('rma_items').where('id', '=', itemId).execute();
  await itemEvent(ctx, loaded.order.id, 'itemRemoved', { itemId, product: item.product, serial: item.serial, quantity: item.quantity });
  return presentRma(ctx, await loadRma(ctx, loaded.order.id));
}
