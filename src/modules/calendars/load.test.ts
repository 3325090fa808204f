import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { addBusinessSeconds, isWorkingTime } from '../../lib/businessTime/index.ts';
import { loadCalendar } from './load.ts';
import { shippedDefaultCalendar } from './shippedHolidays.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('loadCalendar', () => {
  it('null and unknown ids give the seeded default calendar, which matches the library default', async () => {
    const db = server.database.db;
    const byNull = await loadCalendar(db, null);
    expect(byNull.timeZone).toBe('Asia/Shanghai');
    expect(byNull.weekly[1]).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]);
    expect(byNull.weekly[0]).toEqual([]);
    // the seeded dates are the shipped schedule
    expect([...byNull.holidays].sort()).toEqual([...shippedDefaultCalendar().holidays].sort());
    expect([...byNull.workdays].sort()).toEqual([...shippedDefaultCalendar().workdays].sort());
    expect(await loadCalendar(db, '00000000-0000-4000-8000-000000000000')).toBe(byNull);
    expect(await loadCalendar(db, 'not-a-uuid')).toBe(byNull);
    // 2026-10-01 is 国庆节: not working; 2026-10-10 (Saturday) is an adjusted working day
    expect(isWorkingTime(byNull, new Date('2026-10-01T02:00:00Z'))).toBe(false);
    expect(isWorkingTime(byNull, new Date('2026-10-10T02:00:00Z'))).toBe(true);
    // Friday 17:30 Shanghai + 1 h: 30 min on Friday, 30 min from Monday 09:00
    expect(addBusinessSeconds(byNull, new Date('2026-11-27T09:30:00Z'), 3600).toISOString()).toBe('2026-11-30T01:30:00.000Z');
  });
});
