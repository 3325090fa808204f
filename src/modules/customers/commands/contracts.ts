/** Contracts/agreements (合同/协议) of a customer with their service terms: create, change, archive, restore, list. */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { can, loadVisibleCustomer } from '../policy.ts';
import { presentContract } from '../present.ts';
import type { ContractBody, ContractView, UpdateContractBody } from '../schema.ts';
import type { ContractsTable } from '../tables.ts';
import { childChanged, openParent } from './children.ts';

function auditable(row: Selectable<ContractsTable>) {
  return { number: row.number, startsOn: row.starts_on, endsOn: row.ends_on, serviceTerms: row.service_terms };
}

async function loadContract(ctx: Ctx, id: string) {
  const row = await ctx.tx.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('CONTRACT_NOT_FOUND');
  await loadVisibleCustomer(ctx, row.customer_id).catch(() => {
    throw notFound('CONTRACT_NOT_FOUND');
  });
  return row;
}

function checkPeriod(startsOn: string | null, endsOn: string | null): void {
  if (startsOn && endsOn && endsOn < startsOn) throw invalid({ field: 'endsOn', reason: 'before the start date' });
}

export async function listContracts(ctx: Ctx, customerId: string, includeArchived: boolean): Promise<ContractView[]> {
  await loadVisibleCustomer(ctx, customerId);
  let q = ctx.tx.selectFrom('contracts').selectAll().where('customer_id', '=', customerId);
  if (!includeArchived || !can(ctx.actor, 'seeArchived')) q = q.where('archived_at', 'is', null);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => presentContract(r));
}

export async function getContract(ctx: Ctx, id: string): Promise<ContractView> {
  return presentContract(await loadContract(ctx, id));
}

export async function createContract(ctx: Ctx, customerId: string, input: z.infer<typeof ContractBody>): Promise<ContractView> {
  await openParent(ctx, customerId);
  checkPeriod(input.startsOn ?? null, input.endsOn ?? null);
  const row = await ctx.tx
    .insertInto('contracts')
    .values({
      customer_id: customerId,
      number: input.number,
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      service_terms: input.serviceTerms ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'contract', 'created', customerId, row.id, null, auditable(row));
  return presentContract(row);
}

export async function updateContract(ctx: Ctx, id: string, input: z.infer<typeof UpdateContractBody>): Promise<ContractView> {
  const before = await loadContract(ctx, id);
  await openParent(ctx, before.customer_id);
  const startsOn = input.startsOn === undefined ? before.starts_on : input.startsOn;
  const endsOn = input.endsOn === undefined ? before.ends_on : input.endsOn;
  checkPeriod(startsOn, endsOn);
  const after = await ctx.tx
    .updateTable('contracts')
    .set({
      number: input.number ?? before.number,
      starts_on: startsOn,
      ends_on: endsOn,
      service_terms: input.serviceTerms ?? before.service_terms,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'contract', 'updated', before.customer_id, id, auditable(before), auditable(after));
  return presentContract(after);
}

export async function setContractArchived(ctx: Ctx, id: string, archived: boolean): Promise<ContractView> {
  const before = await loadContract(ctx, id);
  await openParent(ctx, before.customer_id, 'archive');
  if (archived === (before.archived_at !== null)) return presentContract(before);
  const after = await ctx.tx
    .updateTable('contracts')
    .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await childChanged(ctx, 'contract', archived ? 'archived' : 'restored', before.customer_id, id, { archived: !archived }, { archived });
  return presentContract(after);
}
