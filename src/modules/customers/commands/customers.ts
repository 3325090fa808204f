/** Creating, reading, changing, archiving and restoring customer organisations (客户单位). */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { conflict } from '../../../lib/errors.ts';
import { checkTier, mergeClassification } from '../../classification/validate.ts';
import { mergeCustomFields } from '../../customFields/validate.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { authorize, loadVisibleCustomer } from '../policy.ts';
import { presentCustomer } from '../present.ts';
import type { CreateCustomerBody, CustomerView, UpdateCustomerBody } from '../schema.ts';
import { refreshCustomer } from '../searchIndex.ts';
import type { CustomersTable } from '../tables.ts';

/** The audited fields of a customer, named as in the API. */
function auditable(row: Selectable<CustomersTable>) {
  return {
    name: row.name,
    creditCode: row.credit_code,
    province: row.province,
    city: row.city,
    county: row.county,
    address: row.address,
    phones: row.phones,
    email: row.email,
    notes: row.notes,
    classification: row.classification,
    tier: row.tier,
    customFields: row.custom_fields,
  };
}

async function assertCreditCodeFree(ctx: Ctx, code: string | null | undefined, exceptId?: string): Promise<void> {
  if (!code) return;
  let q = ctx.tx.selectFrom('customers').select('id').where('credit_code', '=', code).where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('CREDIT_CODE_TAKEN', {}, { field: 'creditCode' });
}

/** Two requests racing past the check above meet the partial unique index; answer them the same way. */
async function guardCreditCode<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const pg = error as { code?: string; constraint?: string };
    if (pg.code === '23505' && (pg.constraint ?? 'customers_credit_code') === 'customers_credit_code') {
      throw conflict('CREDIT_CODE_TAKEN', {}, { field: 'creditCode' });
    }
    throw error;
  }
}

export async function getCustomer(ctx: Ctx, id: string): Promise<CustomerView> {
  return presentCustomer(ctx.tx, await loadVisibleCustomer(ctx, id), ctx.actor);
}

export async function createCustomer(ctx: Ctx, input: CreateCustomerBody): Promise<CustomerView> {
  return getCustomer(ctx, await insertCustomer(ctx, input));
}

/** createCustomer without reading the new customer back; returns its id (the import creates thousands). */
export async function insertCustomer(ctx: Ctx, input: CreateCustomerBody): Promise<string> {
  authorize(ctx.actor, 'edit');
  await assertCreditCodeFree(ctx, input.creditCode);
  const classification = await mergeClassification(ctx.tx, input.classification ?? {});
  await checkTier(ctx.tx, input.tier ?? null);
  const customFields = await mergeCustomFields(ctx.tx, 'customer', input.customFields ?? {});
  const row = await guardCreditCode(
    ctx.tx
      .insertInto('customers')
      .values({
        name: input.name,
        credit_code: input.creditCode ?? null,
        province: input.province ?? '',
        city: input.city ?? '',
        county: input.county ?? '',
        address: input.address ?? '',
        phones: input.phones ?? [],
        email: input.email ?? '',
        notes: input.notes ?? '',
        classification: JSON.stringify(classification),
        tier: input.tier ?? null,
        custom_fields: JSON.stringify(customFields),
        created_by: ctx.actor.via === 'system' ? null : ctx.actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  await refreshCustomer(ctx.tx, row.id);
  await recordEvent(ctx, {
    subjectType: 'customer',
    subjectId: row.id,
    type: 'customer.created',
    data: { entity: 'customer', entityId: row.id, before: null, after: auditable(row) },
  });
  return row.id;
}

export async function updateCustomer(ctx: Ctx, id: string, input: UpdateCustomerBody): Promise<CustomerView> {
  const before = await loadVisibleCustomer(ctx, id, { forUpdate: true });
  authorize(ctx.actor, 'edit');
  if (input.creditCode && input.creditCode !== before.credit_code && before.archived_at === null) {
    await assertCreditCodeFree(ctx, input.creditCode, id);
  }
  const classification = input.classification
    ? await mergeClassification(ctx.tx, input.classification, before.classification)
    : before.classification;
  if (input.tier !== undefined) await checkTier(ctx.tx, input.tier, before.tier);
  const customFields = input.customFields
    ? await mergeCustomFields(ctx.tx, 'customer', input.customFields, before.custom_fields)
    : before.custom_fields;
  const after = await guardCreditCode(
    ctx.tx
      .updateTable('customers')
      .set({
        name: input.name ?? before.name,
        credit_code: input.creditCode === undefined ? before.credit_code : input.creditCode,
        province: input.province ?? before.province,
        city: input.city ?? before.city,
        county: input.county ?? before.county,
        address: input.address ?? before.address,
        phones: input.phones ?? before.phones,
        email: input.email ?? before.email,
        notes: input.notes ?? before.notes,
        classification: JSON.stringify(classification),
        tier: input.tier === undefined ? before.tier : input.tier,
        custom_fields: JSON.stringify(customFields),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  await refreshCustomer(ctx.tx, id);
  const change = diff(auditable(before), auditable(after));
  if (change) {
    await recordEvent(ctx, {
      subjectType: 'customer',
      subjectId: id,
      type: 'customer.updated',
      data: { entity: 'customer', entityId: id, ...change },
    });
  }
  return getCustomer(ctx, id);
}

/** Archives (archived = true) or restores a customer; never deletes it. */
export async function setCustomerArchived(ctx: Ctx, id: string, archived: boolean): Promise<CustomerView> {
  const before = await loadVisibleCustomer(ctx, id, { forUpdate: true });
  authorize(ctx.actor, 'archive');
  if (archived === (before.archived_at !== null)) return getCustomer(ctx, id);
  // The credit code is unique among active customers only; a restored one must not clash.
  if (!archived) await assertCreditCodeFree(ctx, before.credit_code, id);
  const archivedAt = archived ? new Date() : null;
  await guardCreditCode(ctx.tx.updateTable('customers').set({ archived_at: archivedAt, updated_at: new Date() }).where('id', '=', id).execute());
  await recordEvent(ctx, {
    subjectType: 'customer',
    subjectId: id,
    type: archived ? 'customer.archived' : 'customer.restored',
    data: {
      entity: 'customer',
      entityId: id,
      before: { archived: !archived },
      after: { archived },
    },
  });
  return getCustomer(ctx, id);
}
