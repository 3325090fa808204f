import { describe, expect, it } from 'vitest';
import { serviceDay, serviceDaySpan } from '../../lib/serviceDay.ts';
import { determineWarranty, type WarrantyContract, warrantyAt } from './warranty.ts';

const contract = (startsOn: string | null, endsOn: string | null, number = 'HT-1'): WarrantyContract => ({ id: number, number, startsOn, endsOn });
const none = { assetWarrantyEnd: null, contracts: [] };

describe('service day', () => {
  it('is the China day, whatever the server time zone', () => {
    expect(serviceDay(new Date('2026-11-25T15:59:59.999Z'))).toBe('2026-11-25');
    expect(serviceDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
    // New year in China while it is still the old year in UTC.
    expect(serviceDay(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
  it('spans China midnight to midnight', () => {
    expect(serviceDaySpan(new Date('2026-11-25T20:00:00Z'))).toEqual({
      from: new Date('2026-11-25T16:00:00Z'),
      to: new Date('2026-11-26T16:00:00Z'),
    });
  });
});

describe('warranty determination', () => {
  it('a warranty ending today covers the whole China day, and not one second more', () => {
    const facts = { assetWarrantyEnd: '2026-11-25', contracts: [] };
    // 00:00 and 23:59:59 on 25 Nov in China.
    expect(warrantyAt(new Date('2026-11-24T16:00:00Z'), facts)).toMatchObject({ inWarranty: true, basis: 'asset', day: '2026-11-25' });
    expect(warrantyAt(new Date('2026-11-25T15:59:59Z'), facts)).toMatchObject({ inWarranty: true, basis: 'asset' });
    // 00:00 on 26 Nov in China, still 25 Nov in UTC.
    expect(warrantyAt(new Date('2026-11-25T16:00:00Z'), facts)).toMatchObject({ inWarranty: false, basis: 'none', day: '2026-11-26' });
  });

  it('a contract covers the days from its start to its end; a missing start or end is open', () => {
    const day = '2026-11-26';
    expect(determineWarranty(day, { assetWarrantyEnd: '2020-01-01', contracts: [contract('2026-01-01', '2026-12-31')] })).toMatchObject({
      inWarranty: true,
      basis: 'contract',
      coveringContract: { number: 'HT-1' },
    });
    expect(determineWarranty(day, { assetWarrantyEnd: null, contracts: [contract(day, day)] }).inWarranty).toBe(true);
    expect(determineWarranty(day, { assetWarrantyEnd: null, contracts: [contract(null, null)] }).inWarranty).toBe(true);
    expect(determineWarranty(day, { assetWarrantyEnd: null, contracts: [contract('2026-11-27', null)] }).inWarranty).toBe(false);
    expect(determineWarranty(day, { assetWarrantyEnd: null, contracts: [contract(null, '2026-11-25')] }).inWarranty).toBe(false);
  });

  it('names the longest-running covering contract, an open end first', () => {
    const contracts = [contract(null, '2026-12-31', 'A'), contract(null, null, 'B'), contract(null, '2027-06-30', 'C'), contract('2027-01-01', null, 'D')];
    expect(determineWarranty('2026-11-26', { assetWarrantyEnd: null, contracts }).coveringContract?.number).toBe('B');
    expect(determineWarranty('2026-11-26', { assetWarrantyEnd: null, contracts: contracts.slice(0, 1).concat(contracts[2]!) }).coveringContract?.number).toBe('C');
  });

  it('the asset counts before a contract, and the contract is still named', () => {
    const w = determineWarranty('2026-11-26', { assetWarrantyEnd: '2027-01-01', contracts: [contract(null, null)] });
    expect(w).toMatchObject({ inWarranty: true, basis: 'asset', coveringContract: { number: 'HT-1' } });
  });

  it('no asset and no contract: out of warranty', () => {
    expect(determineWarranty('2026-11-26', none)).toMatchObject({ inWarranty: false, computed: false, basis: 'none', coveringContract: null, overridden: false });
  });

  it("a supervisor's override replaces the computed status either way, and the computed one stays visible", () => {
    expect(determineWarranty('2026-11-26', none, true)).toMatchObject({ inWarranty: true, computed: false, overridden: true, basis: 'none' });
    const inside = { assetWarrantyEnd: '2027-01-01', contracts: [] };
    expect(determineWarranty('2026-11-26', inside, false)).toMatchObject({ inWarranty: false, computed: true, overridden: true });
    expect(determineWarranty('2026-11-26', inside, null)).toMatchObject({ inWarranty: true, overridden: false });
  });
});
