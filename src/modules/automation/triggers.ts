/** Which rule trigger a recorded event is, if any. */
import type { Ctx } from '../../lib/context.ts';
import type { RecordedEvent } from '../events/dispatch.ts';
import type { Trigger } from './schema.ts';

const BY_EVENT: Record<string, Trigger> = {
  'workOrder.created': 'created',
  'workOrder.statusChanged': 'statusChanged',
  'workOrder.assigned': 'assigned',
  'workOrder.transferred': 'assigned',
  'workOrder.noted': 'noted',
  'workOrder.updated': 'updated',
  'sla.warning': 'slaWarning',
  'sla.breached': 'slaBreached',
};

/** The event types the engine subscribes to. */
export const TRIGGER_EVENT_TYPES = [...Object.keys(BY_EVENT), 'workOrder.replied'];

export function triggerOf(ctx: Ctx, event: RecordedEvent): Trigger | null {
  if (event.subjectType !== 'work_order') return null;
  // A public reply is the customer's when a customer user wrote it, otherwise staff's.
  if (event.type === 'workOrder.replied') return ctx.actor.role === 'customer' ? 'customerReplied' : 'staffReplied';
  return BY_EVENT[event.type] ?? null;
}
