/**
 * Who may read and edit a team's duty roster: every staff member reads (who is on
 * duty is working information); the team's lead, managers and admins edit.
 */
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import './messages.ts';

export function canManageDuty(actor: Actor, teamId: string): boolean {
  return actor.role === 'admin' || actor.role === 'manager' || actor.leadTeamIds.includes(teamId);
}

export function requireStaff(actor: Actor): void {
  if (actor.role === 'customer') throw forbidden();
}

export function requireManage(actor: Actor, teamId: string): void {
  requireStaff(actor);
  if (!canManageDuty(actor, teamId)) throw forbidden('DUTY_MANAGE_FORBIDDEN');
}
