/** Which fields count towards information completeness; changing them rescores every customer. */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../../lib/errors.ts';
import { CONFIG_SUBJECT_ID } from '../../classification/policy.ts';
import { recordEvent } from '../../events/record.ts';
import { BUILT_IN_FIELDS, loadRequiredFields, REQUIRED_FIELDS_SETTING, recomputeCompleteness } from '../completeness.ts';


export async function getCompletenessConfig(ctx: Ctx) {
  if (ctx.actor.role === 'customer') throw notFound();
  return { requiredFields: await loadRequiredFields(ctx.tx), builtInFields: [...BUILT_IN_FIELDS] };
}

async function unknownKeys(ctx: Ctx, keys: string[]): Promise<string[]> {
  const sets = new Set((await ctx.tx.selectFrom('category_sets').select('key').where('archived_at', 'is', null).execute()).map((s) => s.key));
  const fields = new Set(
    (
      await ctx.tx
        .selectFrom('custom_field_defs')
        .select('key')
        .where('entity', '=', 'customer')
        .where('archived_at', 'is', null)
        .execute()
    ).map((f) => f.key),
  );
  const builtIn = new Set<string>(BUILT_IN_FIELDS);
  return keys.filter((key) => {
    if (key.startsWith('classification.')) return !sets.has(key.slice('classification.'.length));
    if (key.startsWith('custom.')) return !fields.has(key.slice('custom.'.length));
    return !builtIn.has(key);
  });
}

export async function setCompletenessConfig(ctx: Ctx, input: { requiredFields: string[] }) {
  if (ctx.actor.role !== 'admin') throw forbidden();
  const required = [...new Set(input.requiredFields)];
  const unknown = await unknownKeys(ctx, required);
  if (unknown.length) throw new AppError('UNKNOWN_REQUIRED_FIELD', 400, { field: unknown.join(', ') }, { fields: unknown });
  // Every customer write locks its customer row first; this waits for those in
  // flight and holds new ones back, so no score is computed from the old setting.
  await sql`lock table customers in exclusive mode`.execute(ctx.tx);
  const before = await loadRequiredFields(ctx.tx);
  await ctx.tx
    .insertInto('settings')
    .values({ key: REQUIRED_FIELDS_SETTING, value: JSON.stringify(required), updated_at: new Date() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(required), updated_at: new Date() }))
    .execute();
  await recomputeCompleteness(ctx.tx);
  await recordEvent(ctx, {
    subjectType: 'config',
    subjectId: CONFIG_SUBJECT_ID,
    type: 'config.completenessChanged',
    data: { entity: 'setting', entityId: REQUIRED_FIELDS_SETTING, before: { requiredFields: before }, after: { requiredFields: required } },
  });
  return getCompletenessConfig(ctx);
}
