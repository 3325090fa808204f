import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../../lib/businessTime/index.ts';
import { chineseHolidayYears, loadChineseHolidayFile, loadChineseHolidays, shippedDefaultCalendar } from './shippedHolidays.ts';

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
    const calendar = shippedDefaultCalendar();
    expect(parseCalendar(calendar).timeZone).toBe('Asia/Shanghai');
    expect(calendar.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2027-10-01']));
    expect(calendar.workdays).toContain('2026-10-10');
    expect(shippedDefaultCalendar()).toBe(calendar);
    expect(Object.isFrozen(calendar.holidays)).toBe(true);
  });
});
