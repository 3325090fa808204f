/** Administrators manage automation rules; managers may read rules and their log. */
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';

export function authorizeManage(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden();
}

export function authorizeRead(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'manager') throw forbidden();
}
