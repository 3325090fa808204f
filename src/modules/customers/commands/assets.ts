/** Assets of a customer (products, devices, sites, central systems): create, change, archive, restore, list. */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { can, loadVisibleCustomer } from '../policy.ts';
import { presentAsset } from '../present.ts';
import type { AssetBody, AssetView, UpdateAssetBody } from '../schema.ts';
import type { AssetsTable } from '../tables.ts';
import { childChanged, openParent } from './children.ts';

function auditable(row: Selectable<AssetsTable>) {
  return {
    kind: row.kind,
    name: row.name,
    model: row.model,
    serial: row.serial,
    installDate: row.install_date,
    warrantyEnd: row.warranty_end,
    notes: row.notes,
  };
}

async function loadAsset(ctx: Ctx, id: string) {
  const row = await ctx.tx.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ASSET_NOT_FOUND');
  await loadVisibleCustomer(ctx, row.customer_id).catch(() => {
    throw notFound('ASSET_NOT_FOUND');
  });
  return row;
}

function checkDates(installDate: string | null, warrantyEnd: string | null): void {
  if (installDate && warrantyEnd && warrantyEnd < installDate) {
    throw invalid({ field: 'warrantyEnd', reason: 'before the install date' });
  }
}

export async function listAssets(ctx: Ctx, customerId: string, includeArchived: boolean): Promise<AssetView[]> {
  await loadVisibleCustomer(ctx, customerId);
  let q = ctx.tx.selectFrom('assets').selectAll().where('customer_id', '=', customerId);
  if (!includeArchived || !can(ctx.actor, 'seeArchived')) q = q.where('archived_at', 'is', null);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => presentAsset(r, ctx.actor));
}

export async function getAsset(ctx: Ctx, id: string): Promise<AssetView> {
  return presentAsset(await loadAsset(ctx, id), ctx.actor);
}

export async function createAsset(ctx: Ctx, customerId: string, input: z.infer<typeof AssetBody>): Promise<AssetView> {
  await openParent(ctx, customerId);
  checkDates(input.installDate ?? null, input.warrantyEnd ?? null);
  const row = await ctx.tx
    .insertInto('assets')
    .values({
      customer_id: customerId,
      kind: input.kind,
      name: input.name,
      model: input.model ?? '',
      serial: input.serial ?? '',
      install_date: input.installDate ?? null,
      warranty_end: input.warrantyEnd ?? null,
      notes: input.notes ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'asset', 'created', customerId, row.id, null, auditable(row));
  return presentAsset(row, ctx.actor);
}

export async function updateAsset(ctx: Ctx, id: string, input: z.infer<typeof UpdateAssetBody>): Promise<AssetView> {
  const before = await loadAsset(ctx, id);
  await openParent(ctx, before.customer_id);
  const installDate = input.installDate === undefined ? before.install_date : input.installDate;
  const warrantyEnd = input.warrantyEnd === undefined ? before.warranty_end : input.warrantyEnd;
  checkDates(installDate, warrantyEnd);
  const after = await ctx.tx
    .updateTable('assets')
    .set({
      kind: input.kind ?? before.kind,
      name: input.name ?? before.name,
      model: input.model ?? before.model,
      serial: input.serial ?? before.serial,
      install_date: installDate,
      warranty_end: warrantyEnd,
      notes: input.notes ?? before.notes,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'asset', 'updated', before.customer_id, id, auditable(before), auditable(after));
  return presentAsset(after, ctx.actor);
}

export async function setAssetArchived(ctx: Ctx, id: string, archived: boolean): Promise<AssetView> {
  const before = await loadAsset(ctx, id);
  await openParent(ctx, before.customer_id, 'archive');
  if (archived === (before.archived_at !== null)) return presentAsset(before, ctx.actor);
  const after = await ctx.tx
    .updateTable('assets')
    .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'asset', archived ? 'archived' : 'restored', before.customer_id, id, { archived: !archived }, { archived });
  return presentAsset(after, ctx.actor);
}
