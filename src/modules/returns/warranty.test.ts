import { describe, expect, it } from 'vitest';
import { itemWarranty, serviceDayOf } from './warranty.ts';

describe('itemWarranty', () => {
  it('is in warranty up to and including the asset warranty end', () => {
    expect(itemWarranty('2026-11-25', '2026-11-25', [])).toEqual({ inWarranty: true, basis: 'asset' });
    expect(itemWarranty('2026-11-26', '2026-11-25', [])).toEqual({ inWarranty: false, basis: 'none' });
    expect(itemWarranty('2026-11-26', null, [])).toEqual({ inWarranty: false, basis: 'none' });
  });
  it('is in warranty when a contract covers the day, open ends counting as open', () => {
    expect(itemWarranty('2026-11-26', '2020-01-01', [{ startsOn: '2026-01-01', endsOn: '2026-12-31' }]).basis).toBe('contract');
    expect(itemWarranty('2026-11-26', null, [{ startsOn: null, endsOn: null }]).inWarranty).toBe(true);
    expect(itemWarranty('2026-11-26', null, [{ startsOn: '2026-11-27', endsOn: null }]).inWarranty).toBe(false);
    expect(itemWarranty('2026-11-26', null, [{ startsOn: null, endsOn: '2026-11-25' }]).inWarranty).toBe(false);
  });
  it('takes the service day in Shanghai time', () => {
    expect(serviceDayOf(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
    expect(serviceDayOf(new Date('2026-11-25T15:59:00Z'))).toBe('2026-11-25');
  });
});
