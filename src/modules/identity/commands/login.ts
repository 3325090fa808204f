/**
 * Logging in and out. Failed attempts are counted in the database (so every
 * instance sees them): five failures on one account in 15 minutes lock it for the
 * rest of that window; thirty failures from one IP address do the same for that address.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../lib/errors.ts';
import { randomToken, sha256, verifyPassword } from '../secrets.ts';
import { forgetSessionActors } from '../authenticate.ts';

export const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string;
  sessionHours: number;
}

async function secondsLocked(db: Kysely<DB>, username: string, ip: string): Promise<number> {
  const since = new Date(Date.now() - WINDOW_SECONDS * 1000);
  const account = await db
    .selectFrom('login_attempts')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('at').as('first')])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .where('success', '=', false)
    .where('at', '>', since)
    // Only failures since the last success count.
    .where(
      'at',
      '>',
      (eb) =>
        eb
          .selectFrom('login_attempts')
          .select(sql<Date>`coalesce(max(at), '-infinity'::timestamptz)`.as('m'))
          .where(sql`lower(username)`, '=', username.toLowerCase())
          .where('success', '=', true),
    )
    .executeTakeFirstOrThrow();
  const byIp = await db
    .selectFrom('login_attempts')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('at').as('first')])
    .where('ip', '=', ip)
    .where('success', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  const remaining = (first: Date | null) =>
    first ? Math.max(1, Math.ceil((first.getTime() + WINDOW_SECONDS * 1000 - Date.now()) / 1000)) : 0;
  if (Number(account.n) >= MAX_FAILURES_PER_ACCOUNT) return remaining(account.first as Date | null);
  if (Number(byIp.n) >= MAX_FAILURES_PER_IP) return -remaining(byIp.first as Date | null);
  return 0;
}

/** Returns the new session token (to set as a cookie) and the user's id. */
export async function login(db: Kysely<DB>, input: LoginInput): Promise<{ token: string; userId: string }> {
  const locked = await secondsLocked(db, input.username, input.ip);
  if (locked > 0) throw new AppError('ACCOUNT_LOCKED', 429, { seconds: locked });
  if (locked < 0) throw new AppError('RATE_LIMITED', 429, { seconds: -locked });

  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at'])
    .where(sql`lower(username)`, '=', input.username.toLowerCase())
    .executeTakeFirst();
  const ok = (await verifyPassword(input.password, user?.password_hash ?? null)) && !user?.disabled_at;
  await db.insertInto('login_attempts').values({ username: input.username, ip: input.ip, success: ok }).execute();
  if (!ok || !user) throw new AppError('INVALID_CREDENTIALS', 401);

  const token = randomToken();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<', new Date()).execute();
    await tx
      .insertInto('sessions')
      .values({
        id: sha256(token),
        user_id: user.id,
        expires_at: new Date(Date.now() + input.sessionHours * 3600 * 1000),
        ip: input.ip,
        user_agent: input.userAgent.slice(0, 300),
      })
      .execute();
    await tx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
  });
  return { token, userId: user.id };
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
  forgetSessionActors();
}
