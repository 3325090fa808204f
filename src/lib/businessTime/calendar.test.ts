import { describe, expect, it } from 'vitest';
import { CalendarSchema, parseCalendar, withDates } from './index.ts';

const base = { timeZone: 'Asia/Shanghai', weekly: { 1: [{ start: '09:00', end: '18:00' }] } };

/** The issues Zod reports, as "path: message" lines. */
function problems(input: unknown): string[] {
  const result = CalendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('calendar validation', () => {
  it('accepts a calendar and fills missing weekdays and date lists', () => {
    const calendar = parseCalendar(base);
    expect(calendar.weekly[0]).toEqual([]);
    expect(calendar.weekly[1]).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(calendar.holidays).toEqual([]);
    expect(problems({ ...base, weekly: { 5: [{ start: '22:00', end: '06:00' }], 6: [{ start: '06:00', end: '24:00' }] } })).toEqual([]);
  });

  it('names bad times and empty intervals', () => {
    expect(problems({ ...base, weekly: { 1: [{ start: '9:00', end: '18:00' }] } })).toEqual([
      'weekly.1.0.start: start must be a time HH:MM from 00:00 to 23:59',
    ]);
    expect(problems({ ...base, weekly: { 1: [{ start: '24:00', end: '18:00' }] } })[0]).toMatch(/^weekly\.1\.0\.start/);
    expect(problems({ ...base, weekly: { 1: [{ start: '09:00', end: '25:00' }] } })[0]).toMatch(/^weekly\.1\.0\.end/);
    expect(problems({ ...base, weekly: { 1: [{ start: '09:00', end: '09:00' }] } })[0]).toMatch(/use 00:00–24:00/);
  });

  it('names overlapping intervals, including an overnight shift running into the next day', () => {
    expect(
      problems({ ...base, weekly: { 1: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] } }),
    ).toEqual(['weekly.1: working hours overlap: 09:00–12:00 and 11:00–13:00']);
    expect(
      problems({ ...base, weekly: { 0: [{ start: '22:00', end: '06:00' }], 1: [{ start: '05:00', end: '09:00' }] } }),
    ).toEqual(['weekly.1: working hours overlap: 22:00–06:00 (overnight from the day before) and 05:00–09:00']);
    expect(problems({ ...base, workdayHours: [{ start: '08:00', end: '12:00' }, { start: '10:00', end: '11:00' }] })).toEqual([
      'workdayHours: working hours overlap: 08:00–12:00 and 10:00–11:00',
    ]);
  });

  it('names an unknown time zone, bad dates, conflicting dates and an empty week', () => {
    expect(problems({ ...base, timeZone: 'Asia/Beijing' })).toEqual(['timeZone: unknown time zone']);
    expect(problems({ ...base, holidays: ['2026-02-30'] })).toEqual(['holidays.0: expected a date YYYY-MM-DD']);
    expect(problems({ ...base, holidays: ['2026-10-10'], workdays: ['2026-10-10'] })).toEqual([
      'workdays.0: 2026-10-10 is both a holiday and an adjusted working day',
    ]);
    expect(problems({ timeZone: 'UTC', weekly: {} })).toEqual(['weekly: the calendar needs working hours on at least one weekday']);
  });

  it('refuses unknown fields and oversized lists', () => {
    expect(problems({ ...base, name: 'x' })[0]).toMatch(/name/);
    expect(problems({ ...base, weekly: { 7: [] } }).length).toBeGreaterThan(0);
    const many = Array.from({ length: 13 }, (_, i) => ({ start: `${String(i).padStart(2, '0')}:00`, end: `${String(i).padStart(2, '0')}:30` }));
    expect(problems({ ...base, weekly: { 1: many } })[0]).toMatch(/^weekly\.1/);
  });
});

describe('adding dates to a calendar', () => {
  it('merges imported dates, letting the new entry decide a date listed both ways', () => {
    const calendar = parseCalendar({ ...base, holidays: ['2027-02-06', '2027-02-20'], workdays: ['2027-01-30'] });
    const merged = withDates(calendar, { holidays: ['2027-01-30', '2027-02-05'], workdays: ['2027-02-20'] });
    expect(merged.holidays).toEqual(['2027-01-30', '2027-02-05', '2027-02-06']);
    expect(merged.workdays).toEqual(['2027-02-20']);
    expect(problems(merged)).toEqual([]);
    expect(calendar.holidays).toEqual(['2027-02-06', '2027-02-20']);
  });
});
