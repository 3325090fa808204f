import { describe, expect, it } from 'vitest';
import { codeTokens, textTokens } from '../../lib/search.ts';
import { formatNumber, numberPrefix, serviceDay } from './numbering.ts';

describe('work order numbers', () => {
  it('uses the China date', () => {
    expect(serviceDay(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(serviceDay(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });

  it('pads to four digits and grows past 9999', () => {
    expect(formatNumber('2026-11-24', 1)).toBe('GD20261124-0001');
    expect(formatNumber('2026-11-24', 12345)).toBe('GD20261124-12345');
  });

  it('splits codeTokens into day tokens (made in the app) and the whole code plus sequence (made in SQL)', () => {
    for (const n of [1, 42, 9999, 12345]) {
      const number = formatNumber('2026-11-24', n);
      const sqlPart = [`c:${number.toLowerCase()}`, number.split('-')[1]!];
      expect(new Set([...textTokens(numberPrefix('2026-11-24')), ...sqlPart])).toEqual(new Set(codeTokens(number)));
    }
  });
});
