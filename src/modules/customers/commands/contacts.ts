/** Contacts (联系人) of a customer: create, change, archive, restore, list. */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { can, loadVisibleCustomer } from '../policy.ts';
import { presentContact } from '../present.ts';
import type { ContactBody, ContactView, UpdateContactBody } from '../schema.ts';
import type { ContactsTable } from '../tables.ts';
import { childChanged, openParent } from './children.ts';

function auditable(row: Selectable<ContactsTable>) {
  return { name: row.name, phones: row.phones, email: row.email, position: row.position, birthday: row.birthday, notes: row.notes };
}

async function loadContact(ctx: Ctx, id: string) {
  const row = await ctx.tx.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  // A contact of a customer the actor cannot see does not exist for them.
  if (!row) throw notFound('CONTACT_NOT_FOUND');
  await loadVisibleCustomer(ctx, row.customer_id).catch(() => {
    throw notFound('CONTACT_NOT_FOUND');
  });
  return row;
}

export async function listContacts(ctx: Ctx, customerId: string, includeArchived: boolean): Promise<ContactView[]> {
  await loadVisibleCustomer(ctx, customerId);
  let q = ctx.tx.selectFrom('contacts').selectAll().where('customer_id', '=', customerId);
  if (!includeArchived || !can(ctx.actor, 'seeArchived')) q = q.where('archived_at', 'is', null);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => presentContact(r, ctx.actor));
}

export async function getContact(ctx: Ctx, id: string): Promise<ContactView> {
  return presentContact(await loadContact(ctx, id), ctx.actor);
}

export async function createContact(ctx: Ctx, customerId: string, input: z.infer<typeof ContactBody>): Promise<ContactView> {
  await openParent(ctx, customerId);
  const row = await ctx.tx
    .insertInto('contacts')
    .values({
      customer_id: customerId,
      name: input.name,
      phones: input.phones ?? [],
      email: input.email ?? '',
      position: input.position ?? '',
      birthday: input.birthday ?? null,
      notes: input.notes ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'contact', 'created', customerId, row.id, null, auditable(row));
  return presentContact(row, ctx.actor);
}

export async function updateContact(ctx: Ctx, id: string, input: z.infer<typeof UpdateContactBody>): Promise<ContactView> {
  const before = await loadContact(ctx, id);
  await openParent(ctx, before.customer_id);
  const after = await ctx.tx
    .updateTable('contacts')
    .set({
      name: input.name ?? before.name,
      phones: input.phones ?? before.phones,
      email: input.email ?? before.email,
      position: input.position ?? before.position,
      birthday: input.birthday === undefined ? before.birthday : input.birthday,
      notes: input.notes ?? before.notes,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'contact', 'updated', before.customer_id, id, auditable(before), auditable(after));
  return presentContact(after, ctx.actor);
}

export async function setContactArchived(ctx: Ctx, id: string, archived: boolean): Promise<ContactView> {
  const before = await loadContact(ctx, id);
  await openParent(ctx, before.customer_id, 'archive');
  if (archived === (before.archived_at !== null)) return presentContact(before, ctx.actor);
  const after = await ctx.tx
    .updateTable('contacts')
    .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'contact', archived ? 'archived' : 'restored', before.customer_id, id, { archived: !archived }, { archived });
  return presentContact(after, ctx.actor);
}
