/** API tokens for integrations: shown once at creation, stored as a hash, revocable. */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { API_TOKEN_PREFIX } from '../authenticate.ts';
import { authorize } from '../policy.ts';
import type { ApiTokenView, CreateApiTokenBody } from '../schema.ts';
import { randomToken, sha256 } from '../secrets.ts';
import type { ApiTokensTable } from '../tables.ts';

function present(row: Selectable<ApiTokensTable>): z.infer<typeof ApiTokenView> {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revoked: row.revoked_at !== null,
  };
}

export async function createApiToken(ctx: Ctx, input: z.infer<typeof CreateApiTokenBody>) {
  authorize(ctx.actor, 'manageTokens');
  const userId = input.userId ?? ctx.actor.id;
  const user = await ctx.tx.selectFrom('users').select('id').where('id', '=', userId).where('disabled_at', 'is', null).executeTakeFirst();
  if (!user) throw invalid({ field: 'userId' }, 'USER_NOT_FOUND');
  if (input.expiresAt && new Date(input.expiresAt) <= new Date()) throw invalid({ field: 'expiresAt', reason: 'in the past' });
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const row = await ctx.tx
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      created_by: ctx.actor.id,
      expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, { subjectType: 'user', subjectId: userId, type: 'apiToken.created', data: { tokenId: row.id, name: row.name } });
  return { ...present(row), token };
}

export async function listApiTokens(ctx: Ctx) {
  authorize(ctx.actor, 'manageTokens');
  const rows = await ctx.tx.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').limit(500).execute();
  return rows.map(present);
}

export async function revokeApiToken(ctx: Ctx, tokenId: string) {
  authorize(ctx.actor, 'manageTokens');
  const row = await ctx.tx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('TOKEN_NOT_FOUND');
  await recordEvent(ctx, { subjectType: 'user', subjectId: row.user_id, type: 'apiToken.revoked', data: { tokenId } });
}
