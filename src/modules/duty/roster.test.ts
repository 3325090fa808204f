import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../lib/businessTime/days.ts';
import { overrideKey, type RosterData, rosterDays, shiftsAt } from './roster.ts';

function roster(timeZone: string, shift: { start: number; end: number; weekdays?: number[] }, pattern: string[], overrides: Record<string, string[]> = {}): RosterData {
  const weekdays = shift.weekdays ?? [0, 1, 2, 3, 4, 5, 6];
  return {
    timeZone,
    shifts: [{ id: 's', name: 'night', startMinute: shift.start, endMinute: shift.end, weekdays }],
    pattern: new Map([['s', new Map(weekdays.map((d) => [d, pattern]))]]),
    overrides: new Map(Object.entries(overrides).map(([date, userIds]) => [overrideKey('s', date), { userIds, note: '' }])),
  };
}
const at = (iso: string) => shiftsAt(r, Date.parse(iso)).map((s) => s.userIds);
let r: RosterData;

describe('roster resolution', () => {
  it('an overnight shift in Shanghai runs from its start date into the next morning', () => {
    r = roster('Asia/Shanghai', { start: 22 * 60, end: 6 * 60 }, ['a'], { '2030-01-02': ['b'] });
    expect(at('2030-01-02T01:59:59+08:00')).toEqual([['a']]);
    expect(at('2030-01-02T06:00:00+08:00')).toEqual([]);
    expect(at('2030-01-02T22:00:00+08:00')).toEqual([['b']]);
    expect(at('2030-01-03T05:59:59+08:00')).toEqual([['b']]);
  });

  it('a shift on weekdays only does not run at the weekend unless a date override adds it', () => {
    r = roster('Asia/Shanghai', { start: 9 * 60, end: 18 * 60, weekdays: [1, 2, 3, 4, 5] }, ['a'], { '2030-01-06': ['c'] });
    const week = rosterDays(r, dayNumber('2030-01-05'), 3); // Saturday, Sunday (override), Monday
    expect(week.map((s) => [new Date(s.startsAt).toISOString(), s.userIds, s.overridden])).toEqual([
      ['2030-01-06T01:00:00.000Z', ['c'], true],
      ['2030-01-07T01:00:00.000Z', ['a'], false],
    ]);
  });

  it('a night shift over the spring-forward change in Berlin is one hour shorter, in real instants', () => {
    r = roster('Europe/Berlin', { start: 22 * 60, end: 6 * 60 }, ['a']);
    const [night] = rosterDays(r, dayNumber('2030-03-30'), 1); // clocks go forward early on Sunday 31 March
    expect(night!.endsAt - night!.startsAt).toBe(7 * 3600_000);
    expect(at('2030-03-31T03:30:00+02:00')).toEqual([['a']]);
  });

  it('a 24-hour shift (start = end) hands over at the same time each day', () => {
    r = roster('Asia/Shanghai', { start: 8 * 60, end: 8 * 60 }, ['a'], { '2030-01-02': ['b'] });
    expect(at('2030-01-02T07:59:00+08:00')).toEqual([['a']]);
    expect(at('2030-01-02T08:00:00+08:00')).toEqual([['b']]);
    expect(at('2030-01-03T07:59:00+08:00')).toEqual([['b']]);
  });
});
