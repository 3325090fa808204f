import type { Ctx } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { authorize } from '../policy.ts';
import { hashPassword, verifyPassword } from '../secrets.ts';

/**
 * Users change their own password with the current one; administrators (and
 * managers, for portal users) set a new one. Other sessions of that user end.
 */
export async function changePassword(
  ctx: Ctx,
  userId: string,
  input: { currentPassword?: string; newPassword: string },
  currentSessionId: string | null,
): Promise<void> {
  const user = await ctx.tx.selectFrom('users').select(['id', 'role', 'password_hash']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('USER_NOT_FOUND');
  if (ctx.actor.id === userId) {
    if (!(await verifyPassword(input.currentPassword ?? '', user.password_hash))) {
      throw new AppError('CURRENT_PASSWORD_WRONG', 400);
    }
  } else {
    authorize(ctx.actor, 'manageCustomerUsers', { role: user.role });
  }
  await ctx.tx
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
  let ending = ctx.tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (currentSessionId) ending = ending.where('id', '<>', currentSessionId);
  await ending.execute();
  await recordEvent(ctx, { subjectType: 'user', subjectId: userId, type: 'user.passwordChanged' });
}
