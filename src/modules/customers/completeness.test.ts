import { describe, expect, it } from 'vitest';
import { type CustomerFacts, scoreCompleteness } from './completeness.ts';
import { serviceDay } from '../../lib/serviceDay.ts';
import { contractStatus, warrantyStatus } from './present.ts';

const empty: CustomerFacts = {
  name: '某公司',
  credit_code: null,
  province: '',
  city: '',
  county: '',
  address: '',
  phones: [],
  email: '',
  notes: '',
  tier: null,
  classification: {},
  custom_fields: {},
  contacts: 0,
  assets: 0,
  contracts: 0,
};

describe('completeness score', () => {
  it('is the share of filled required fields, rounded down', () => {
    expect(scoreCompleteness(['name', 'phones', 'address'], empty)).toBe(33);
    expect(scoreCompleteness(['name', 'phones', 'address'], { ...empty, phones: ['1'] })).toBe(66);
    expect(scoreCompleteness(['name', 'phones', 'address'], { ...empty, phones: ['1'], address: '路' })).toBe(100);
  });

  it('counts classification sets, custom fields and related records', () => {
    const required = ['classification.scale', 'custom.level', 'contacts', 'assets', 'contracts', 'tier', 'creditCode'];
    expect(scoreCompleteness(required, empty)).toBe(0);
    const full = {
      ...empty,
      classification: { scale: 'large' },
      custom_fields: { level: 3 },
      contacts: 1,
      assets: 2,
      contracts: 1,
      tier: 'gold',
      credit_code: '91330100MA2XXXXX0A',
    };
    expect(scoreCompleteness(required, full)).toBe(100);
    expect(scoreCompleteness(required, { ...full, custom_fields: { other: 1 } })).toBe(85);
  });

  it('is 100 when nothing is required and ignores duplicates', () => {
    expect(scoreCompleteness([], empty)).toBe(100);
    expect(scoreCompleteness(['name', 'name', 'email'], empty)).toBe(50);
  });
});

describe('warranty and contract status', () => {
  it('compares dates with today in Asia/Shanghai', () => {
    // 2026-03-01 17:00 UTC is already 2026-03-02 in Shanghai.
    expect(serviceDay(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(warrantyStatus('2026-03-02', '2026-03-02')).toBe('in_warranty');
    expect(warrantyStatus('2026-03-01', '2026-03-02')).toBe('expired');
    expect(warrantyStatus(null, '2026-03-02')).toBe('unknown');
    expect(contractStatus('2026-01-01', '2026-03-01', '2026-03-02')).toBe('expired');
    expect(contractStatus('2026-01-01', null, '2026-03-02')).toBe('active');
    expect(contractStatus('2026-04-01', '2027-01-01', '2026-03-02')).toBe('not_started');
  });
});
