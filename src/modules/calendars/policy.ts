/** Staff read calendars (to see SLA hours and test a due time); only admins change them. */
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { isStaff } from '../identity/roles.ts';

export function authorizeRead(ctx: Ctx): void {
  if (!isStaff(ctx.actor.role)) throw forbidden();
}

export function authorizeEdit(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin') throw forbidden();
}
