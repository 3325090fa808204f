import { describe, expect, it } from 'vitest';
import { fromLocalMs, isValidTimeZone, offsetMs, toLocalMs } from './index.ts';

const HOUR_MS = 3_600_000;
const local = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);
const iso = (ms: number) => new Date(ms).toISOString();

describe('time zone conversion with Intl only', () => {
  it('knows fixed and seasonal offsets', () => {
    expect(offsetMs('Asia/Shanghai', Date.parse('2026-07-01T00:00:00Z'))).toBe(8 * HOUR_MS);
    expect(offsetMs('America/New_York', Date.parse('2026-01-15T12:00:00Z'))).toBe(-5 * HOUR_MS);
    expect(offsetMs('America/New_York', Date.parse('2026-07-15T12:00:00Z'))).toBe(-4 * HOUR_MS);
    expect(offsetMs('Europe/Berlin', Date.parse('2026-01-15T12:00:00Z'))).toBe(HOUR_MS);
    expect(offsetMs('Europe/Berlin', Date.parse('2026-07-15T12:00:00Z'))).toBe(2 * HOUR_MS);
    expect(offsetMs('Asia/Kathmandu', Date.parse('2026-07-15T12:00:00Z'))).toBe(5.75 * HOUR_MS);
  });

  it('round-trips ordinary wall-clock times', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe']) {
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 37 * HOUR_MS + 1234) {
        const back = fromLocalMs(zone, toLocalMs(zone, t));
        // Only a repeated hour may map to its other (earlier) occurrence.
        if (back !== t) expect(toLocalMs(zone, back)).toBe(toLocalMs(zone, t));
        expect(back).toBeLessThanOrEqual(t);
      }
    }
  });

  it('maps times skipped by spring-forward to the moment of the jump', () => {
    expect(iso(fromLocalMs('America/New_York', local(2026, 3, 8, 2, 30)))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(fromLocalMs('America/New_York', local(2026, 3, 8, 3, 0)))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(fromLocalMs('America/New_York', local(2026, 3, 8, 1, 59)))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(fromLocalMs('Europe/Berlin', local(2026, 3, 29, 2, 15)))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('maps times repeated by fall-back to their first occurrence', () => {
    expect(iso(fromLocalMs('America/New_York', local(2026, 11, 1, 1, 30)))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(fromLocalMs('America/New_York', local(2026, 11, 1, 2, 0)))).toBe('2026-11-01T07:00:00.000Z');
    expect(iso(fromLocalMs('Europe/Berlin', local(2026, 10, 25, 2, 30)))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('is non-decreasing through every minute of the change days', () => {
    for (const [zone, day] of [
      ['America/New_York', local(2026, 3, 8, 0)],
      ['America/New_York', local(2026, 11, 1, 0)],
      ['Europe/Berlin', local(2026, 3, 29, 0)],
      ['Europe/Berlin', local(2026, 10, 25, 0)],
    ] as const) {
      let previous = Number.NEGATIVE_INFINITY;
      for (let m = 0; m < 24 * 60; m += 5) {
        const t = fromLocalMs(zone, day + m * 60_000);
        expect(t).toBeGreaterThanOrEqual(previous);
        previous = t;
      }
    }
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
