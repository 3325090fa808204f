/** Who may manage accounts, teams and tokens. */
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import type { Role } from './roles.ts';

export type IdentityAction = 'manageUsers' | 'manageCustomerUsers' | 'manageTeams' | 'manageTokens' | 'listUsers';

export function can(actor: Actor, action: IdentityAction, target?: { role: Role }): boolean {
  switch (action) {
    case 'manageUsers':
    case 'manageTeams':
    case 'manageTokens':
      return actor.role === 'admin';
    case 'manageCustomerUsers':
      // Managers open portal accounts for customers, but never staff accounts.
      return actor.role === 'admin' || (actor.role === 'manager' && target?.role === 'customer');
    case 'listUsers':
      return actor.role !== 'customer';
  }
}

export function authorize(actor: Actor, action: IdentityAction, target?: { role: Role }): void {
  if (!can(actor, action, target)) throw forbidden();
}
