/** Category sets (分类维度, e.g. 规模, 合作方式) and their options: list, create, rename, reorder, archive. */
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { authorizeConfigure, CONFIG_SUBJECT_ID, canConfigure } from '../policy.ts';
import type {
  CategorySetView,
  CreateCategoryOptionBody,
  CreateCategorySetBody,
  UpdateCategoryOptionBody,
  UpdateCategorySetBody,
} from '../schema.ts';

type Named = { name: string; name_en: string; position: number; archived_at: Date | null };
const auditable = (row: Named) => ({ name: row.name, nameEn: row.name_en, position: row.position, archived: row.archived_at !== null });

function record(ctx: Ctx, type: string, data: Record<string, unknown>) {
  return recordEvent(ctx, { subjectType: 'config', subjectId: CONFIG_SUBJECT_ID, type, data });
}

/** Sets with their options; archived ones only for administrators who ask for them. */
export async function listCategorySets(ctx: Ctx, includeArchived: boolean): Promise<CategorySetView[]> {
  const withArchived = includeArchived && canConfigure(ctx.actor);
  let sets = ctx.tx.selectFrom('category_sets').selectAll().orderBy('position').orderBy('key');
  let options = ctx.tx.selectFrom('category_options').selectAll().orderBy('position').orderBy('key');
  if (!withArchived) {
    sets = sets.where('archived_at', 'is', null);
    options = options.where('archived_at', 'is', null);
  }
  const optionRows = await options.execute();
  return (await sets.execute()).map((s) => ({
    key: s.key,
    name: s.name,
    nameEn: s.name_en,
    position: s.position,
    archived: s.archived_at !== null,
    options: optionRows
      .filter((o) => o.set_key === s.key)
      .map((o) => ({ key: o.key, name: o.name, nameEn: o.name_en, position: o.position, archived: o.archived_at !== null })),
  }));
}

async function getSet(ctx: Ctx, key: string): Promise<CategorySetView> {
  const set = (await listCategorySets(ctx, true)).find((s) => s.key === key);
  if (!set) throw notFound('CATEGORY_SET_NOT_FOUND');
  return set;
}

async function loadSet(ctx: Ctx, key: string) {
  const row = await ctx.tx.selectFrom('category_sets').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
  if (!row) throw notFound('CATEGORY_SET_NOT_FOUND');
  return row;
}

export async function createCategorySet(ctx: Ctx, input: z.infer<typeof CreateCategorySetBody>) {
  authorizeConfigure(ctx.actor);
  if (await ctx.tx.selectFrom('category_sets').select('key').where('key', '=', input.key).executeTakeFirst()) {
    throw conflict('CATEGORY_SET_EXISTS');
  }
  const max = await ctx.tx.selectFrom('category_sets').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const row = await ctx.tx
    .insertInto('category_sets')
    .values({ key: input.key, name: input.name, name_en: input.nameEn ?? '', position: input.position ?? Number(max?.p ?? 0) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
  await record(ctx, 'config.categorySetCreated', { entity: 'categorySet', entityId: row.key, before: null, after: auditable(row) });
  return getSet(ctx, row.key);
}

export async function updateCategorySet(ctx: Ctx, key: string, input: z.infer<typeof UpdateCategorySetBody>) {
  authorizeConfigure(ctx.actor);
  const before = await loadSet(ctx, key);
  const after = await ctx.tx
    .updateTable('category_sets')
    .set({
      name: input.name ?? before.name,
      name_en: input.nameEn ?? before.name_en,
      position: input.position ?? before.position,
      archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
    })
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirstOrThrow();
  const change = diff(auditable(before), auditable(after));
  if (change) await record(ctx, 'config.categorySetUpdated', { entity: 'categorySet', entityId: key, ...change });
  return getSet(ctx, key);
}

export async function createCategoryOption(ctx: Ctx, setKey: string, input: z.infer<typeof CreateCategoryOptionBody>) {
  authorizeConfigure(ctx.actor);
  await loadSet(ctx, setKey);
  const exists = await ctx.tx
    .selectFrom('category_options')
    .select('key')
    .where('set_key', '=', setKey)
    .where('key', '=', input.key)
    .executeTakeFirst();
  if (exists) throw conflict('CATEGORY_OPTION_EXISTS');
  const max = await ctx.tx
    .selectFrom('category_options')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('set_key', '=', setKey)
    .executeTakeFirst();
  const row = await ctx.tx
    .insertInto('category_options')
    .values({
      set_key: setKey,
      key: input.key,
      name: input.name,
      name_en: input.nameEn ?? '',
      position: input.position ?? Number(max?.p ?? 0) + 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await record(ctx, 'config.categoryOptionCreated', { entity: 'categoryOption', entityId: `${setKey}:${row.key}`, before: null, after: auditable(row) });
  return getSet(ctx, setKey);
}

export async function updateCategoryOption(ctx: Ctx, setKey: string, optionKey: string, input: z.infer<typeof UpdateCategoryOptionBody>) {
  authorizeConfigure(ctx.actor);
  await loadSet(ctx, setKey);
  const before = await ctx.tx
    .selectFrom('category_options')
    .selectAll()
    .where('set_key', '=', setKey)
    .where('key', '=', optionKey)
    .executeTakeFirst();
  if (!before) throw notFound('CATEGORY_OPTION_NOT_FOUND');
  const after = await ctx.tx
    .updateTable('category_options')
    .set({
      name: input.name ?? before.name,
      name_en: input.nameEn ?? before.name_en,
      position: input.position ?? before.position,
      archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
    })
    .where('set_key', '=', setKey)
    .where('key', '=', optionKey)
    .returningAll()
    .executeTakeFirstOrThrow();
  const change = diff(auditable(before), auditable(after));
  if (change) await record(ctx, 'config.categoryOptionUpdated', { entity: 'categoryOption', entityId: `${setKey}:${optionKey}`, ...change });
  return getSet(ctx, setKey);
}

/** Puts a set's options in the given order; every option of the set must be named once. */
export async function reorderCategoryOptions(ctx: Ctx, setKey: string, keys: string[]) {
  authorizeConfigure(ctx.actor);
  await loadSet(ctx, setKey);
  const current = await ctx.tx.selectFrom('category_options').select(['key', 'position']).where('set_key', '=', setKey).execute();
  const known = new Set(current.map((o) => o.key));
  if (new Set(keys).size !== keys.length || keys.length !== known.size || keys.some((k) => !known.has(k))) {
    throw invalid({ field: 'keys', reason: 'must list every option of the set exactly once' });
  }
  for (const [index, key] of keys.entries()) {
    await ctx.tx.updateTable('category_options').set({ position: index + 1 }).where('set_key', '=', setKey).where('key', '=', key).execute();
  }
  const before = [...current].sort((a, b) => a.position - b.position).map((o) => o.key);
  await record(ctx, 'config.categoryOptionsReordered', { entity: 'categorySet', entityId: setKey, before: { order: before }, after: { order: keys } });
  return getSet(ctx, setKey);
}
