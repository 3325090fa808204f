import { describe, expect, it } from 'vitest';
import {
  addBusinessSeconds,
  addCalendarSeconds,
  BusinessTimeError,
  businessSecondsBetween,
  type Calendar,
  calendarSecondsBetween,
  defaultCalendar,
  isWorkingTime,
  MAX_SPAN_DAYS,
  nextWorkingMoment,
  type WorkingInterval,
} from './index.ts';

const HOUR = 3600;
const office: WorkingInterval[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
const weekdays = (hours: WorkingInterval[]) => ({ 0: [], 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: [] });
const officeIn = (timeZone: string, extra: Partial<Calendar> = {}): Calendar => ({
  timeZone,
  weekly: weekdays(office),
  holidays: [],
  workdays: [],
  ...extra,
});
const allDay = [{ start: '00:00', end: '24:00' }];
const always = (timeZone: string): Calendar => ({
  timeZone,
  weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay },
  holidays: [],
  workdays: [],
});
/** A Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('weekends and working hours', () => {
  const cal = officeIn('Asia/Shanghai');

  it('skips the weekend', () => {
    // Friday 2026-11-27 17:00: one hour left on Friday, the second hour on Monday.
    expect(iso(addBusinessSeconds(cal, sh('2026-11-27 17:00'), 2 * HOUR))).toBe(iso(sh('2026-11-30 10:00')));
    expect(businessSecondsBetween(cal, sh('2026-11-27 17:00'), sh('2026-11-30 10:00'))).toBe(2 * HOUR);
  });

  it('skips the lunch break', () => {
    expect(iso(addBusinessSeconds(cal, sh('2026-11-23 11:30'), HOUR))).toBe(iso(sh('2026-11-23 14:00')));
  });

  it('starts counting at the next working moment when started outside hours', () => {
    expect(iso(addBusinessSeconds(cal, sh('2026-11-29 15:00'), 60))).toBe(iso(sh('2026-11-30 09:01')));
    expect(iso(addBusinessSeconds(cal, sh('2026-11-23 12:30'), 60))).toBe(iso(sh('2026-11-23 13:31')));
    expect(iso(addBusinessSeconds(cal, sh('2026-11-23 06:00'), 0))).toBe(iso(sh('2026-11-23 06:00')));
    expect(iso(nextWorkingMoment(cal, sh('2026-11-28 10:00')))).toBe(iso(sh('2026-11-30 09:00')));
    expect(isWorkingTime(cal, sh('2026-11-23 12:00'))).toBe(false);
    expect(isWorkingTime(cal, sh('2026-11-23 11:59:59.999'))).toBe(true);
  });

  it('keeps milliseconds and ends exactly at a period end rather than after the break', () => {
    expect(iso(addBusinessSeconds(cal, sh('2026-11-23 10:00:00.250'), 90))).toBe(iso(sh('2026-11-23 10:01:30.250')));
    expect(iso(addBusinessSeconds(cal, sh('2026-11-23 09:00'), 3 * HOUR))).toBe(iso(sh('2026-11-23 12:00')));
    expect(businessSecondsBetween(cal, sh('2026-11-23 10:00:00.250'), sh('2026-11-23 10:00:01'))).toBe(0.75);
  });

  it('measures backwards as negative and spans of a whole week', () => {
    expect(businessSecondsBetween(cal, sh('2026-11-30 10:00'), sh('2026-11-27 17:00'))).toBe(-2 * HOUR);
    expect(businessSecondsBetween(cal, sh('2026-11-23 00:00'), sh('2026-11-30 00:00'))).toBe(5 * 7.5 * HOUR);
  });

  it('rolls a 60-second target at 17:59:30 on a Friday to 09:00:30 on Monday', () => {
    const due = addBusinessSeconds(defaultCalendar(), sh('2026-11-27 17:59:30'), 60);
    expect(iso(due)).toBe(iso(sh('2026-11-30 09:00:30')));
    expect(businessSecondsBetween(defaultCalendar(), sh('2026-11-27 17:59:30'), due)).toBe(60);
  });
});

describe('holidays and adjusted working days', () => {
  // Autumn 2026 from the State Council notice (the data files are tested in src/modules/calendars).
  const cal = defaultCalendar({
    holidays: ['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-09-20', '2026-10-10'],
  });

  it('skips a holiday week inside a span (National Day 2026)', () => {
    expect(iso(addBusinessSeconds(cal, sh('2026-09-30 17:00'), 2 * HOUR))).toBe(iso(sh('2026-10-08 10:00')));
    expect(businessSecondsBetween(cal, sh('2026-09-30 00:00'), sh('2026-10-09 00:00'))).toBe(2 * 7.5 * HOUR);
  });

  it('skips a holiday that falls on a working Friday (Mid-Autumn 2026-09-25)', () => {
    expect(iso(addBusinessSeconds(cal, sh('2026-09-24 17:00'), 2 * HOUR))).toBe(iso(sh('2026-09-28 10:00')));
  });

  it('works on an adjusted Saturday with Monday hours (调休 2026-10-10)', () => {
    expect(iso(addBusinessSeconds(cal, sh('2026-10-09 17:00'), 2 * HOUR))).toBe(iso(sh('2026-10-10 10:00')));
    expect(isWorkingTime(cal, sh('2026-10-10 13:30'))).toBe(true);
    expect(isWorkingTime(cal, sh('2026-10-17 13:30'))).toBe(false);
  });

  it('uses workdayHours on adjusted working days when given', () => {
    const custom = officeIn('Asia/Shanghai', {
      workdays: ['2026-10-10'],
      workdayHours: [{ start: '10:00', end: '15:00' }],
    });
    expect(businessSecondsBetween(custom, sh('2026-10-10 00:00'), sh('2026-10-11 00:00'))).toBe(5 * HOUR);
  });
});

describe('overnight shifts', () => {
  // Night shifts start Monday to Friday at 22:00 and end at 06:00 the next morning.
  const night = (extra: Partial<Calendar> = {}): Calendar => ({
    timeZone: 'Asia/Shanghai',
    weekly: weekdays([{ start: '22:00', end: '06:00' }]),
    holidays: [],
    workdays: [],
    ...extra,
  });

  it('counts through midnight and the Friday shift into Saturday morning', () => {
    expect(iso(addBusinessSeconds(night(), sh('2026-11-24 03:00'), 4 * HOUR))).toBe(iso(sh('2026-11-24 23:00')));
    expect(iso(addBusinessSeconds(night(), sh('2026-11-28 05:00'), 2 * HOUR))).toBe(iso(sh('2026-11-30 23:00')));
    expect(businessSecondsBetween(night(), sh('2026-11-23 00:00'), sh('2026-11-30 00:00'))).toBe(5 * 8 * HOUR);
  });

  it('lets a holiday close the shift that starts on it, not the one running into it', () => {
    const cal = night({ holidays: ['2026-11-27'] });
    expect(businessSecondsBetween(cal, sh('2026-11-27 00:00'), sh('2026-11-28 12:00'))).toBe(6 * HOUR);
  });
});

describe('24×7 calendars equal calendar time', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin'])('in %s, across DST changes', (zone) => {
    const cal = always(zone);
    const from = new Date('2026-03-01T10:15:30.500Z');
    for (const seconds of [1, 59, 86_400, 30 * 86_400, 250 * 86_400 + 7]) {
      expect(iso(addBusinessSeconds(cal, from, seconds))).toBe(iso(addCalendarSeconds(from, seconds)));
    }
    const to = new Date('2026-11-15T00:00:00Z');
    expect(businessSecondsBetween(cal, from, to)).toBe(calendarSecondsBetween(from, to));
  });
});

describe('time zones', () => {
  it("applies the same hours in each zone's own wall-clock time", () => {
    const shanghai = officeIn('Asia/Shanghai');
    const berlin = officeIn('Europe/Berlin');
    // Monday 2026-11-23 08:00 local, one hour of work: 10:00 local in both, 7 hours apart.
    expect(iso(addBusinessSeconds(shanghai, new Date('2026-11-23T00:00:00Z'), HOUR))).toBe('2026-11-23T02:00:00.000Z');
    expect(iso(addBusinessSeconds(berlin, new Date('2026-11-23T07:00:00Z'), HOUR))).toBe('2026-11-23T09:00:00.000Z');
    expect(isWorkingTime(shanghai, new Date('2026-11-23T02:00:00Z'))).toBe(true);
    expect(isWorkingTime(berlin, new Date('2026-11-23T02:00:00Z'))).toBe(false);
  });

  it('uses the local date for weekends: Monday morning in Shanghai is Sunday in UTC', () => {
    const cal = officeIn('Asia/Shanghai');
    expect(isWorkingTime(cal, new Date('2026-11-23T01:30:00Z'))).toBe(true);
    expect(isWorkingTime(always('UTC'), new Date('2026-11-22T23:00:00Z'))).toBe(true);
  });
});

describe('DST transitions', () => {
  const nineToFive = (timeZone: string): Calendar => ({
    timeZone,
    weekly: weekdays([{ start: '09:00', end: '17:00' }]),
    holidays: [],
    workdays: [],
  });

  it('keeps wall-clock hours across the New York spring and autumn changes', () => {
    const cal = nineToFive('America/New_York');
    // Friday 16:00 EST + 2 h → Monday 10:00 EDT (2026-03-08 is the change).
    expect(iso(addBusinessSeconds(cal, new Date('2026-03-06T21:00:00Z'), 2 * HOUR))).toBe('2026-03-09T14:00:00.000Z');
    // Friday 16:00 EDT + 2 h → Monday 10:00 EST (2026-11-01 is the change).
    expect(iso(addBusinessSeconds(cal, new Date('2026-10-30T20:00:00Z'), 2 * HOUR))).toBe('2026-11-02T15:00:00.000Z');
  });

  it('keeps wall-clock hours across the Berlin change (2026-10-25)', () => {
    const cal = nineToFive('Europe/Berlin');
    expect(iso(addBusinessSeconds(cal, new Date('2026-10-23T14:00:00Z'), 2 * HOUR))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts the real length of a night shift over a change', () => {
    const nights = (timeZone: string): Calendar => ({
      ...always(timeZone),
      weekly: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [{ start: '22:00', end: '06:00' }] },
    });
    const ny = nights('America/New_York');
    // Saturday 22:00 → Sunday 06:00 is 7 hours when clocks go forward and 9 when they go back.
    expect(businessSecondsBetween(ny, new Date('2026-03-07T12:00:00Z'), new Date('2026-03-08T20:00:00Z'))).toBe(7 * HOUR);
    expect(businessSecondsBetween(ny, new Date('2026-10-31T12:00:00Z'), new Date('2026-11-01T20:00:00Z'))).toBe(9 * HOUR);
    const berlin = nights('Europe/Berlin');
    expect(businessSecondsBetween(berlin, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-29T20:00:00Z'))).toBe(7 * HOUR);
  });

  it('starts hours that fall into the skipped hour when the clock jumps', () => {
    const cal: Calendar = { ...always('America/New_York'), weekly: { 0: [{ start: '02:30', end: '04:00' }], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } };
    // On 2026-03-08 the clock goes 01:59:59 → 03:00: only 03:00–04:00 exists; a week later all 90 minutes.
    expect(businessSecondsBetween(cal, new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T00:00:00Z'))).toBe(HOUR);
    expect(businessSecondsBetween(cal, new Date('2026-03-15T00:00:00Z'), new Date('2026-03-16T00:00:00Z'))).toBe(1.5 * HOUR);
  });
});

describe('errors', () => {
  it('refuses an invalid calendar with a readable message', () => {
    const bad = { ...officeIn('Mars/Olympus') };
    expect(() => addBusinessSeconds(bad, new Date(), 60)).toThrow(/unknown time zone/);
    try {
      addBusinessSeconds(bad, new Date(), 60);
    } catch (error) {
      expect(error).toBeInstanceOf(BusinessTimeError);
      expect((error as BusinessTimeError).code).toBe('INVALID_CALENDAR');
    }
  });

  it('fails clearly when there is no working time within three years', () => {
    const mondays: string[] = [];
    for (let t = Date.UTC(2026, 10, 23); t < Date.UTC(2031, 0, 1); t += 7 * 86_400_000) {
      mondays.push(new Date(t).toISOString().slice(0, 10));
    }
    const cal: Calendar = { ...officeIn('UTC'), weekly: { ...weekdays([]), 1: office }, holidays: mondays };
    expect(() => addBusinessSeconds(cal, new Date('2026-11-23T00:00:00Z'), 60)).toThrow(
      expect.objectContaining({ code: 'NO_WORKING_TIME' }),
    );
  });

  it('refuses spans beyond the limit, negative durations and invalid dates', () => {
    const cal = always('UTC');
    expect(() => addBusinessSeconds(cal, new Date(), 10 * 365 * 86_400)).toThrow(expect.objectContaining({ code: 'SPAN_TOO_LONG' }));
    expect(() => businessSecondsBetween(cal, new Date('2020-01-01'), new Date('2026-01-01'))).toThrow(
      expect.objectContaining({ code: 'SPAN_TOO_LONG' }),
    );
    expect(() => addBusinessSeconds(cal, new Date(), -1)).toThrow(RangeError);
    expect(() => addBusinessSeconds(cal, new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  it('is fast for long spans: a year of office hours in well under a second', () => {
    const cal = officeIn('Europe/Berlin');
    const started = performance.now();
    const due = addBusinessSeconds(cal, new Date('2026-01-05T08:00:00Z'), 250 * 7.5 * HOUR);
    expect(performance.now() - started).toBeLessThan(500);
    expect(businessSecondsBetween(cal, new Date('2026-01-05T08:00:00Z'), due)).toBe(250 * 7.5 * HOUR);
  });
});

describe('the span limit', () => {
  it('measures exactly the longest allowed span in full', () => {
    const cal = always('Pacific/Kiritimati');
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date(from.getTime() + MAX_SPAN_DAYS * 86_400_000);
    expect(businessSecondsBetween(cal, from, to)).toBe(MAX_SPAN_DAYS * 86_400);
  });
});
