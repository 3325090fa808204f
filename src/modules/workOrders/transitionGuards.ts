/**
 * Process rules that stop a status change: a repair cannot be resolved without
 * the customer's acceptance, a complaint cannot close before quality verified it.
 * Each process module registers its guard once (from its routes module); every
 * status change — an explicit transition, a reply that reopens, an assignment that
 * moves to "assigned" — runs all guards in the same transaction before writing.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import type { WorkflowStatus, WorkOrdersTable } from './tables.ts';

export type TransitionGuard = (
  ctx: Ctx,
  order: Selectable<WorkOrdersTable>,
  to: WorkflowStatus,
  input: { overrideReason?: string },
) => Promise<void>;

const guards = new Map<string, TransitionGuard>();

/** Registers (or replaces, by name) a guard; throw an AppError from it to refuse the change. */
export function registerTransitionGuard(name: string, guard: TransitionGuard): void {
  guards.set(name, guard);
}

export async function runTransitionGuards(
  ctx: Ctx,
  order: Selectable<WorkOrdersTable>,
  to: WorkflowStatus,
  input: { overrideReason?: string } = {},
): Promise<void> {
  for (const guard of guards.values()) await guard(ctx, order, to, input);
}
