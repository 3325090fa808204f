/** Service tiers (服务等级, e.g. 钻石/金牌/银牌/基础): list, create, rename, rank, archive. */
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, notFound } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { authorizeConfigure, CONFIG_SUBJECT_ID, canConfigure } from '../policy.ts';
import type { CreateServiceTierBody, ServiceTierView, UpdateServiceTierBody } from '../schema.ts';

type TierRow = { key: string; name: string; name_en: string; rank: number; archived_at: Date | null };

function present(row: TierRow): ServiceTierView {
  return { key: row.key, name: row.name, nameEn: row.name_en, rank: row.rank, archived: row.archived_at !== null };
}

const auditable = (row: TierRow) => {
  const { key: _key, ...rest } = present(row);
  return rest;
};

/** Highest rank first. */
export async function listServiceTiers(ctx: Ctx, includeArchived: boolean): Promise<ServiceTierView[]> {
  let q = ctx.tx.selectFrom('service_tiers').selectAll().orderBy('rank', 'desc').orderBy('key');
  if (!(includeArchived && canConfigure(ctx.actor))) q = q.where('archived_at', 'is', null);
  return (await q.execute()).map(present);
}

export async function createServiceTier(ctx: Ctx, input: z.infer<typeof CreateServiceTierBody>): Promise<ServiceTierView> {
  authorizeConfigure(ctx.actor);
  if (await ctx.tx.selectFrom('service_tiers').select('key').where('key', '=', input.key).executeTakeFirst()) {
    throw conflict('SERVICE_TIER_EXISTS');
  }
  const row = await ctx.tx
    .insertInto('service_tiers')
    .values({ key: input.key, name: input.name, name_en: input.nameEn ?? '', rank: input.rank ?? 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'config',
    subjectId: CONFIG_SUBJECT_ID,
    type: 'config.serviceTierCreated',
    data: { entity: 'serviceTier', entityId: row.key, before: null, after: auditable(row) },
  });
  return present(row);
}

export async function updateServiceTier(ctx: Ctx, key: string, input: z.infer<typeof UpdateServiceTierBody>): Promise<ServiceTierView> {
  authorizeConfigure(ctx.actor);
  const before = await ctx.tx.selectFrom('service_tiers').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
  if (!before) throw notFound('SERVICE_TIER_NOT_FOUND');
  const after = await ctx.tx
    .updateTable('service_tiers')
    .set({
      name: input.name ?? before.name,
      name_en: input.nameEn ?? before.name_en,
      rank: input.rank ?? before.rank,
      archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
    })
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirstOrThrow();
  const change = diff(auditable(before), auditable(after));
  if (change) {
    await recordEvent(ctx, {
      subjectType: 'config',
      subjectId: CONFIG_SUBJECT_ID,
      type: 'config.serviceTierUpdated',
      data: { entity: 'serviceTier', entityId: key, ...change },
    });
  }
  return present(after);
}
