/**
 * Every event subscriber, in the order they run for one event (see
 * modules/events/dispatch.ts). Order matters: routing and rules first change the
 * order, SLA clocks then see its final state, notifications and realtime last.
 */
import { automationSubscriber } from '../modules/automation/engine.ts';
import { dutyRoutingSubscriber } from '../modules/duty/routing.ts';
import { configChangeSubscriber } from '../modules/events/configChanges.ts';
import type { EventSubscriber } from '../modules/events/dispatch.ts';
import { notificationEvents, realtimeWorkOrderEvents } from '../modules/notifications/subscribers.ts';
import { slaCalendarSubscriber } from '../modules/sla/recalculateJob.ts';
import { slaSubscriber } from '../modules/sla/subscriber.ts';

export const ALL_EVENT_SUBSCRIBERS: EventSubscriber[] = [
  configChangeSubscriber,
  dutyRoutingSubscriber, automationSubscriber, slaSubscriber, slaCalendarSubscriber, notificationEvents, realtimeWorkOrderEvents];
