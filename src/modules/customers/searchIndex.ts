/**
 * Keeps a customer's derived columns current: the search vector (name, credit
 * code, region and address, phones, email, and every active contact's name,
 * phones and email) and the completeness score. Every command that changes a
 * customer or one of its contacts/assets/contracts calls `refreshCustomer`.
 */
import type { Tx } from '../../lib/context.ts';
import { emailTokens, phoneTokens, textTokens, toTsVector } from '../../lib/search.ts';
import { recomputeCompleteness } from './completeness.ts';

export async function refreshSearch(tx: Tx, customerId: string): Promise<void> {
  const c = await tx.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirstOrThrow();
  const contacts = await tx
    .selectFrom('contacts')
    .select(['name', 'phones', 'email'])
    .where('customer_id', '=', customerId)
    .where('archived_at', 'is', null)
    .execute();
  const tokens = [
    ...textTokens(c.name, c.credit_code, c.province, c.city, c.county, c.address),
    ...c.phones.flatMap(phoneTokens),
    ...emailTokens(c.email),
    ...contacts.flatMap((p) => [...textTokens(p.name), ...p.phones.flatMap(phoneTokens), ...emailTokens(p.email)]),
  ];
  await tx.updateTable('customers').set({ search: toTsVector(tokens) }).where('id', '=', customerId).execute();
}

export async function refreshCustomer(tx: Tx, customerId: string): Promise<void> {
  await refreshSearch(tx, customerId);
  await recomputeCompleteness(tx, customerId);
}
