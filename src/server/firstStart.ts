/** On first start, creates the administrator `admin` so someone can log in. */
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { generatePassword, hashPassword } from '../modules/identity/secrets.ts';

export async function ensureAdmin(
  database: Database,
  password: string | undefined,
): Promise<{ created: boolean; password?: string; generated?: boolean }> {
  const existing = await database.db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(username)`, '=', 'admin')
    .executeTakeFirst();
  if (existing) return { created: false };
  const chosen = password ?? generatePassword();
  await database.db
    .insertInto('users')
    .values({
      username: 'admin',
      display_name: '系统管理员',
      role: 'admin',
      password_hash: await hashPassword(chosen),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { created: true, password: chosen, generated: password === undefined };
}
