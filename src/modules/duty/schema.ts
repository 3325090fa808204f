/** Request and response schemas of the duty roster (值班) and routing. */
import { z } from 'zod';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const EndTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM or 24:00');
const Weekday = z.number().int().min(0).max(6);
const UserIds = z.array(z.uuid()).max(100);
export const RoutingMode = z.enum(['off', 'roundRobin', 'leastOpen']);

export const CreateShiftBody = z.strictObject({
  name: z.string().trim().min(1).max(50),
  /** Local wall-clock time; an end at or before the start ends the next day (overnight). */
  startTime: Time,
  endTime: EndTime,
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: z.array(Weekday).max(7).default([1, 2, 3, 4, 5]),
  position: z.number().int().min(0).max(1000).optional(),
});
export type CreateShiftBody = z.infer<typeof CreateShiftBody>;

export const UpdateShiftBody = CreateShiftBody.partial().extend({ archived: z.boolean().optional() }).strict();
export type UpdateShiftBody = z.infer<typeof UpdateShiftBody>;

export const PatternBody = z.strictObject({ userIds: UserIds });
export const OverrideBody = z.strictObject({ userIds: UserIds, note: z.string().trim().max(200).default('') });
export type OverrideBody = z.infer<typeof OverrideBody>;

export const RoutingBody = z.strictObject({
  mode: RoutingMode,
  /** Work order types routed to the on-duty staff (e.g. repair). */
  typeKeys: z.array(z.string().min(1).max(50)).max(50),
  timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
});
export type RoutingBody = z.infer<typeof RoutingBody>;

export const ShiftView = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  name: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  overnight: z.boolean(),
  weekdays: z.array(z.number()),
  position: z.number(),
});
export type ShiftView = z.infer<typeof ShiftView>;

const Person = z.object({ id: z.uuid(), displayName: z.string() });

export const RoutingView = z.object({ teamId: z.uuid(), mode: RoutingMode, typeKeys: z.array(z.string()), timeZone: z.string() });
export type RoutingView = z.infer<typeof RoutingView>;

export const RosterCell = z.object({
  date: z.iso.date(),
  shiftId: z.uuid(),
  userIds: z.array(z.uuid()),
  overridden: z.boolean(),
  note: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

export const RosterView = z.object({
  team: z.object({ id: z.uuid(), name: z.string() }),
  routing: RoutingView,
  shifts: z.array(ShiftView),
  /** Weekly pattern: per shift and weekday who is on duty. */
  pattern: z.array(z.object({ shiftId: z.uuid(), weekday: z.number(), userIds: z.array(z.uuid()) })),
  /** The resolved roster of the requested dates (override or pattern). */
  days: z.array(RosterCell),
  members: z.array(Person.extend({ isLead: z.boolean() })),
  canManage: z.boolean(),
});
export type RosterView = z.infer<typeof RosterView>;

export const OnDutyView = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  at: z.string(),
  timeZone: z.string(),
  routingMode: RoutingMode,
  people: z.array(Person.extend({ shiftNames: z.array(z.string()), until: z.string() })),
});
export type OnDutyView = z.infer<typeof OnDutyView>;

export const DutyTeamsView = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), routingMode: RoutingMode, canManage: z.boolean() })),
});

export const MyDutyView = z.object({
  items: z.array(
    z.object({ date: z.iso.date(), teamId: z.uuid(), teamName: z.string(), shiftId: z.uuid(), shiftName: z.string(), startsAt: z.string(), endsAt: z.string(), timeZone: z.string() }),
  ),
});

export const RangeQuery = z.object({ from: z.iso.date().optional(), days: z.coerce.number().int().min(1).max(62).default(7) });
export const AtQuery = z.object({ at: z.iso.datetime({ offset: true }).optional() });
