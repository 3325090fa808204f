/**
 * The SLA module's event subscriber: work order changes move the clocks (react.ts).
 * A new order's clocks are not started here but by the create itself (newOrder.ts).
 */
import type { EventSubscriber } from '../events/dispatch.ts';
import { onComplaintReceived, onCustomerReply, onStaffReply, onStatusChanged, rematch, rematchCustomer } from './react.ts';

export const slaSubscriber: EventSubscriber = {
  name: 'sla.clocks',
  types: ['workOrder.replied', 'workOrder.statusChanged', 'workOrder.updated', 'customer.updated', 'complaint.updated'],
  async handle(ctx, event) {
    const data = (event.data ?? {}) as Record<string, unknown> & { after?: Record<string, unknown> };
    if (event.subjectType === 'customer') {
      if (event.type === 'customer.updated' && data.after && 'tier' in data.after) await rematchCustomer(ctx, event.subjectId);
      return;
    }
    if (event.subjectType !== 'work_order') return;
    switch (event.type) {
      case 'workOrder.replied':
        return ctx.actor.role === 'customer' ? onCustomerReply(ctx, event.subjectId) : onStaffReply(ctx, event.subjectId);
      case 'workOrder.statusChanged':
        return onStatusChanged(ctx, event.subjectId, String(data.fromCategory), String(data.toCategory));
      case 'workOrder.updated':
        if (data.after && 'priority' in data.after) await rematch(ctx, event.subjectId);
        return;
      case 'complaint.updated':
        if (typeof data.after?.receivedAt === 'string') await onComplaintReceived(ctx, event.subjectId, new Date(data.after.receivedAt));
        return;
    }
  },
};
