import { describe, expect, it } from 'vitest';
import { defaultCalendar, formatHolidayImport, holidayDates, parseCalendar, parseHolidayFile, parseHolidayImport } from './index.ts';

// The shipped data files are tested where they live: src/modules/calendars/shippedHolidays.test.ts.
describe('holiday data format', () => {
  const file = {
    year: 2026,
    source: 'test',
    reviewBy: '2026-12-15',
    status: 'official',
    holidays: [{ date: '2026-10-01', name: '国庆节' }],
    workdays: [{ date: '2026-10-10', name: '国庆节调休上班' }],
  };

  it('accepts a valid year and gives its dates in the shape a Calendar takes', () => {
    expect(holidayDates([parseHolidayFile(file, 2026)])).toEqual({ holidays: ['2026-10-01'], workdays: ['2026-10-10'] });
  });

  it('refuses a file for another year, a date outside the year and a date listed twice', () => {
    const invalid = expect.objectContaining({ code: 'INVALID_HOLIDAY_DATA' });
    expect(() => parseHolidayFile(file, 2027)).toThrow(invalid);
    expect(() => parseHolidayFile({ ...file, holidays: [{ date: '2027-01-01', name: '元旦' }] }, 2026)).toThrow(invalid);
    expect(() => parseHolidayFile({ ...file, workdays: [{ date: '2026-10-01', name: 'x' }] }, 2026)).toThrow(invalid);
  });

  it('builds a valid default calendar with the dates passed in, the same object each time', () => {
    const dates = holidayDates([parseHolidayFile(file, 2026)]);
    const calendar = defaultCalendar(dates);
    expect(parseCalendar(calendar).timeZone).toBe('Asia/Shanghai');
    expect(calendar.holidays).toEqual(['2026-10-01']);
    expect(defaultCalendar(dates)).toBe(calendar);
    expect(Object.isFrozen(calendar.holidays)).toBe(true);
  });
});

describe('holiday import file', () => {
  it('reads date,type,name lines, skipping a header, comments and blank lines', () => {
    const text = '\uFEFFdate,type,name\r\n# 2027 draft\r\n\r\n2027-02-06,holiday,春节\n2027-02-20 , Workday , 春节调休上班\n2027-02-05,holiday,"除夕, 春节"\n';
    expect(parseHolidayImport(text)).toEqual({
      ok: true,
      holidays: [
        { date: '2027-02-05', name: '除夕, 春节' },
        { date: '2027-02-06', name: '春节' },
      ],
      workdays: [{ date: '2027-02-20', name: '春节调休上班' }],
    });
  });

  it('reports every mistake with its line number', () => {
    const text = ['date,type,name', '2027-02-30,holiday,x', '2027-03-01,off,x', '2027-03-02', '2027-03-03,holiday,a', '2027-03-03,workday,b'].join('\n');
    expect(parseHolidayImport(text)).toEqual({
      ok: false,
      errors: [
        { line: 2, message: '"2027-02-30" is not a date YYYY-MM-DD' },
        { line: 3, message: 'type must be holiday or workday, not "off"' },
        { line: 4, message: 'expected date,type,name' },
        { line: 6, message: '2027-03-03 already appears on line 5' },
      ],
    });
  });

  it('writes the same format back', () => {
    const data = {
      holidays: [
        { date: '2026-10-01', name: '国庆节' },
        { date: '2026-10-02', name: '国庆节, 中秋节' },
      ],
      workdays: [{ date: '2026-10-10', name: '国庆节调休上班' }],
    };
    const parsed = parseHolidayImport(formatHolidayImport(data));
    expect(parsed).toEqual({ ok: true, holidays: data.holidays, workdays: data.workdays });
  });
});
