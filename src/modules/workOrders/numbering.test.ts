import { describe, expect, it } from 'vitest';
import { formatNumber, serviceDay } from './numbering.ts';

describe('work order numbers', () => {
  it('uses the China date', () => {
    expect(serviceDay(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(serviceDay(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });

  it('pads to four digits and grows past 9999', () => {
    expect(formatNumber('2026-11-24', 1)).toBe('GD20261124-0001');
    expect(formatNumber('2026-11-24', 12345)).toBe('GD20261124-12345');
  });
});
