/** Custom field definitions for customers and work orders: list, create, change, archive (administrators). */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { authorizeConfigure, canConfigure } from '../../classification/policy.ts';
import { diff, recordEvent } from '../../events/record.ts';
import type { CreateCustomFieldBody, CustomFieldListQuery, CustomFieldView, UpdateCustomFieldBody } from '../schema.ts';
import type { CustomFieldDefsTable, CustomFieldKind, CustomFieldOption } from '../tables.ts';

type DefRow = Selectable<CustomFieldDefsTable>;

function present(row: DefRow): CustomFieldView {
  return {
    id: row.id,
    entity: row.entity,
    key: row.key,
    label: row.label,
    labelEn: row.label_en,
    kind: row.kind,
    options: row.options,
    position: row.position,
    archived: row.archived_at !== null,
  };
}

const auditable = (row: DefRow) => {
  const { id: _id, ...rest } = present(row);
  return rest;
};

function checkOptions(kind: CustomFieldKind, options: CustomFieldOption[] | undefined): void {
  if (kind !== 'select') {
    if (options?.length) throw invalid({ field: 'options', reason: 'only select fields have options' });
    return;
  }
  if (!options?.length) throw invalid({ field: 'options', reason: 'a select field needs options' });
  if (new Set(options.map((o) => o.key)).size !== options.length) throw invalid({ field: 'options', reason: 'duplicate option key' });
}

export async function listCustomFields(ctx: Ctx, query: z.infer<typeof CustomFieldListQuery>): Promise<CustomFieldView[]> {
  let q = ctx.tx.selectFrom('custom_field_defs').selectAll().orderBy('entity').orderBy('position').orderBy('created_at');
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (!(query.includeArchived === 'true' && canConfigure(ctx.actor))) q = q.where('archived_at', 'is', null);
  return (await q.execute()).map(present);
}

export async function createCustomField(ctx: Ctx, input: z.infer<typeof CreateCustomFieldBody>): Promise<CustomFieldView> {
  authorizeConfigure(ctx.actor);
  checkOptions(input.kind, input.options);
  const exists = await ctx.tx
    .selectFrom('custom_field_defs')
    .select('id')
    .where('entity', '=', input.entity)
    .where('key', '=', input.key)
    .executeTakeFirst();
  if (exists) throw conflict('CUSTOM_FIELD_EXISTS');
  const row = await ctx.tx
    .insertInto('custom_field_defs')
    .values({
      entity: input.entity,
      key: input.key,
      label: input.label,
      label_en: input.labelEn ?? '',
      kind: input.kind,
      options: JSON.stringify(input.options ?? []),
      position: input.position ?? 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'config',
    subjectId: row.id,
    type: 'config.customFieldCreated',
    data: { entity: 'customField', entityId: row.id, before: null, after: auditable(row) },
  });
  return present(row);
}

export async function updateCustomField(ctx: Ctx, id: string, input: z.infer<typeof UpdateCustomFieldBody>): Promise<CustomFieldView> {
  authorizeConfigure(ctx.actor);
  const before = await ctx.tx.selectFrom('custom_field_defs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw notFound('CUSTOM_FIELD_NOT_FOUND');
  if (input.options) checkOptions(before.kind, input.options);
  const after = await ctx.tx
    .updateTable('custom_field_defs')
    .set({
      label: input.label ?? before.label,
      label_en: input.labelEn ?? before.label_en,
      options: JSON.stringify(input.options ?? before.options),
      position: input.position ?? before.position,
      archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const change = diff(auditable(before), auditable(after));
  if (change) {
    await recordEvent(ctx, {
      subjectType: 'config',
      subjectId: id,
      type: 'config.customFieldUpdated',
      data: { entity: 'customField', entityId: id, ...change },
    });
  }
  return present(after);
}
