import { describe, expect, it } from 'vitest';
import {
  chineseHolidayYears,
  defaultCalendar,
  formatHolidayImport,
  loadChineseHolidayFile,
  loadChineseHolidays,
  parseCalendar,
  parseHolidayImport,
} from './index.ts';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('Chinese holiday data files', () => {
  it('ships the current and the next year', () => {
    expect(chineseHolidayYears()).toEqual(expect.arrayContaining([2026, 2027]));
  });

  it.each(chineseHolidayYears())('cn-%i.json is valid: adjusted working days fall on weekends', (year) => {
    const file = loadChineseHolidayFile(year);
    expect(file.year).toBe(year);
    for (const { date } of file.workdays) expect([0, 6]).toContain(weekday(date));
    expect(file.status === 'official' || file.status.startsWith('provisional')).toBe(true);
  });

  it('has the 2026 schedule of the State Council notice', () => {
    const { holidays, workdays } = loadChineseHolidays(2026);
    expect(holidays).toHaveLength(33);
    // Spring Festival: nine days, 15–23 February.
    for (let d = 15; d <= 23; d++) expect(holidays).toContain(`2026-02-${d}`);
    expect(holidays).not.toContain('2026-02-24');
    expect(holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07', '2026-09-25', '2026-06-19', '2026-04-06', '2026-05-05']));
    expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('marks 2027 as provisional until the notice is entered', () => {
    expect(loadChineseHolidayFile(2027).status).toMatch(/^provisional/);
  });

  it('explains a missing year', () => {
    expect(() => loadChineseHolidays(1999)).toThrow(expect.objectContaining({ code: 'NO_HOLIDAY_DATA' }));
  });

  it('builds a valid default calendar with every shipped year', () => {
    const calendar = defaultCalendar();
    expect(parseCalendar(calendar).timeZone).toBe('Asia/Shanghai');
    expect(calendar.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2027-10-01']));
    expect(calendar.workdays).toContain('2026-10-10');
    expect(defaultCalendar()).toBe(calendar);
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
    const data = loadChineseHolidayFile(2026);
    const parsed = parseHolidayImport(formatHolidayImport(data));
    expect(parsed).toEqual({ ok: true, holidays: data.holidays, workdays: data.workdays });
  });
});
