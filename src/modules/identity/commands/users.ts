/** Creating, changing and listing user accounts (staff and customer portal users). */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { offsetOf, type PageQuery } from '../../../lib/pagination.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { authorize, can } from '../policy.ts';
import { presentUsers } from '../present.ts';
import type { CreateUserBody, UpdateUserBody, UserListQuery, UserView } from '../schema.ts';
import { hashPassword } from '../secrets.ts';

async function setTeams(ctx: Ctx, userId: string, teamIds: string[]): Promise<void> {
  const unique = [...new Set(teamIds)];
  if (unique.length) {
    const found = await ctx.tx.selectFrom('teams').select('id').where('id', 'in', unique).where('archived_at', 'is', null).execute();
    if (found.length !== unique.length) throw new AppError('TEAM_NOT_FOUND', 400);
  }
  const current = await ctx.tx.selectFrom('team_members').select(['team_id', 'is_lead']).where('user_id', '=', userId).execute();
  const keep = new Set(unique);
  await ctx.tx.deleteFrom('team_members').where('user_id', '=', userId).execute();
  if (unique.length) {
    const wasLead = new Set(current.filter((c) => c.is_lead && keep.has(c.team_id)).map((c) => c.team_id));
    await ctx.tx
      .insertInto('team_members')
      .values(unique.map((team_id) => ({ team_id, user_id: userId, is_lead: wasLead.has(team_id) })))
      .execute();
  }
}

export async function getUser(ctx: Ctx, userId: string): Promise<UserView> {
  if (!can(ctx.actor, 'listUsers') && ctx.actor.id !== userId) throw notFound('USER_NOT_FOUND');
  const row = await ctx.tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('USER_NOT_FOUND');
  const [view] = await presentUsers(ctx.tx, [row]);
  return view!;
}

export async function createUser(ctx: Ctx, input: z.infer<typeof CreateUserBody>): Promise<UserView> {
  authorize(ctx.actor, 'manageCustomerUsers', { role: input.role });
  if (input.role === 'customer') {
    if (!input.customerId) throw invalid({ field: 'customerId' }, 'CUSTOMER_REQUIRED');
    const customer = await ctx.tx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst();
    if (!customer) throw invalid({ field: 'customerId' }, 'CUSTOMER_REQUIRED');
    if (input.contactId) {
      const contact = await ctx.tx
        .selectFrom('contacts')
        .select('id')
        .where('id', '=', input.contactId)
        .where('customer_id', '=', input.customerId)
        .executeTakeFirst();
      if (!contact) throw invalid({ field: 'contactId' });
    }
  } else if (input.customerId || input.contactId) {
    throw invalid({ field: 'customerId', reason: 'staff users do not belong to a customer' });
  }
  const taken = await ctx.tx
    .selectFrom('users')
    .select('id')
    .where(sql`lower(username)`, '=', input.username.toLowerCase())
    .executeTakeFirst();
  if (taken) throw new AppError('USERNAME_TAKEN', 409);

  const row = await ctx.tx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? '',
      phone: input.phone ?? '',
      role: input.role,
      customer_id: input.customerId ?? null,
      contact_id: input.contactId ?? null,
      password_hash: await hashPassword(input.password),
      locale: input.locale ?? 'zh-CN',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.teamIds?.length) {
    if (input.role === 'customer') throw invalid({ field: 'teamIds' });
    await setTeams(ctx, row.id, input.teamIds);
  }
  await recordEvent(ctx, {
    subjectType: 'user',
    subjectId: row.id,
    type: 'user.created',
    data: { username: row.username, role: row.role, customerId: row.customer_id, teamIds: input.teamIds ?? [] },
  });
  return getUser(ctx, row.id);
}

export async function updateUser(ctx: Ctx, userId: string, input: z.infer<typeof UpdateUserBody>): Promise<UserView> {
  const before = await ctx.tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!before) throw notFound('USER_NOT_FOUND');
  const self = ctx.actor.id === userId;
  const adminOnly = input.role !== undefined || input.disabled !== undefined || input.teamIds !== undefined;
  if (adminOnly || !self) authorize(ctx.actor, 'manageCustomerUsers', { role: before.role });
  if (input.role !== undefined && (input.role === 'customer') !== (before.role === 'customer')) {
    throw invalid({ field: 'role', reason: 'cannot turn staff into customer users or back' });
  }
  if (input.role !== undefined && input.role !== before.role) authorize(ctx.actor, 'manageUsers');
  if (input.disabled && self) throw invalid({ field: 'disabled' }, 'CANNOT_DISABLE_SELF');

  const changes = {
    display_name: input.displayName ?? before.display_name,
    email: input.email ?? before.email,
    phone: input.phone ?? before.phone,
    role: input.role ?? before.role,
    locale: input.locale ?? before.locale,
    disabled_at: input.disabled === undefined ? before.disabled_at : input.disabled ? (before.disabled_at ?? new Date()) : null,
  };
  await ctx.tx
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
  if (input.disabled) await ctx.tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  if (input.teamIds !== undefined) {
    if (before.role === 'customer') throw invalid({ field: 'teamIds' });
    await setTeams(ctx, userId, input.teamIds);
  }
  const change = diff(
    { ...before, disabled_at: before.disabled_at !== null },
    { ...changes, disabled_at: changes.disabled_at !== null },
  );
  if (change || input.teamIds) {
    await recordEvent(ctx, {
      subjectType: 'user',
      subjectId: userId,
      type: 'user.updated',
      data: { ...(change ?? {}), teamIds: input.teamIds },
    });
  }
  return getUser(ctx, userId);
}

export async function listUsers(
  ctx: Ctx,
  query: z.infer<typeof UserListQuery> & PageQuery,
): Promise<{ items: UserView[]; total: number }> {
  if (!can(ctx.actor, 'listUsers')) throw forbidden();
  let q = ctx.tx.selectFrom('users');
  if (query.role) q = q.where('role', '=', query.role);
  if (query.customerId) q = q.where('customer_id', '=', query.customerId);
  if (query.teamId) {
    const teamId = query.teamId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('team_members').select('user_id').where('team_id', '=', teamId));
  }
  if (query.includeDisabled !== 'true') q = q.where('disabled_at', 'is', null);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('username', 'ilike', like), eb('display_name', 'ilike', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('username').limit(query.pageSize).offset(offsetOf(query)).execute();
  return { items: await presentUsers(ctx.tx, rows), total: Number(total.n) };
}
