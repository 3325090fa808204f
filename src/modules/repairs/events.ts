import type { Ctx } from '../../lib/context.ts';
import { recordEvent } from '../events/record.ts';

/**
 * A repair event on the work order's timeline. Public events reach the customer
 * whole, so their data must hold only what the customer may read.
 */
export function repairEvent(ctx: Ctx, workOrderId: string, type: string, data: Record<string, unknown>, isPublic = false) {
  return recordEvent(ctx, { subjectType: 'work_order', subjectId: workOrderId, type: `repair.${type}`, data, public: isPublic });
}
