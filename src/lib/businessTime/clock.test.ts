import { describe, expect, it } from 'vitest';
import { addBusinessSeconds, businessSecondsBetween, createClock, defaultCalendar } from './index.ts';

const HOUR = 3600;
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
const utc = (time: string) => new Date(`2026-11-23T${time}Z`);

describe('calendar-time clock', () => {
  it('counts wall time and stops during a pause', () => {
    const clock = createClock({
      targetSeconds: HOUR,
      mode: 'calendar',
      startedAt: utc('10:00:00'),
      pauses: [{ from: utc('10:10:00'), to: utc('10:40:00') }],
    });
    expect(clock.elapsedSeconds(utc('10:05:00'))).toBe(300);
    expect(clock.elapsedSeconds(utc('10:20:00'))).toBe(600);
    expect(clock.isPaused(utc('10:20:00'))).toBe(true);
    expect(clock.elapsedSeconds(utc('10:50:00'))).toBe(1200);
    expect(clock.dueAt()?.toISOString()).toBe(utc('11:30:00').toISOString());
    expect(clock.remainingSeconds(utc('11:00:00'))).toBe(1800);
    expect(clock.elapsedSeconds(utc('09:00:00'))).toBe(0);
  });

  it('has no due time while paused, and gets one again after resuming', () => {
    const paused = createClock({
      targetSeconds: HOUR,
      mode: 'calendar',
      startedAt: utc('10:00:00'),
      pauses: [{ from: utc('10:10:00') }],
    });
    expect(paused.dueAt()).toBeNull();
    expect(paused.elapsedSeconds(utc('18:00:00'))).toBe(600);
    expect(paused.breached(utc('18:00:00'))).toBe(false);
    const resumed = createClock({
      targetSeconds: HOUR,
      mode: 'calendar',
      startedAt: utc('10:00:00'),
      pauses: [{ from: utc('10:10:00'), to: utc('18:00:00') }],
    });
    expect(resumed.dueAt()?.toISOString()).toBe(utc('18:50:00').toISOString());
  });

  it('keeps the due time of a target already missed before the pause', () => {
    const clock = createClock({
      targetSeconds: 60,
      mode: 'calendar',
      startedAt: utc('10:00:00'),
      pauses: [{ from: utc('10:05:00') }],
    });
    expect(clock.dueAt()?.toISOString()).toBe(utc('10:01:00').toISOString());
    expect(clock.breached(utc('12:00:00'))).toBe(true);
  });

  it('is on time at exactly the target and breached a millisecond later; reports the fraction used', () => {
    const clock = createClock({ targetSeconds: 60, mode: 'calendar', startedAt: utc('10:00:00') });
    expect(clock.breached(utc('10:01:00'))).toBe(false);
    expect(clock.breached(utc('10:01:00.001'))).toBe(true);
    expect(clock.fractionUsed(utc('10:00:48'))).toBeCloseTo(0.8);
    expect(clock.warningAt()?.toISOString()).toBe(utc('10:00:48').toISOString());
    expect(clock.warningAt(0.5)?.toISOString()).toBe(utc('10:00:30').toISOString());
    expect(clock.remainingSeconds(utc('10:02:00'))).toBe(-60);
  });

  it('merges overlapping pauses and ignores pause time before the start', () => {
    const clock = createClock({
      targetSeconds: HOUR,
      mode: 'calendar',
      startedAt: utc('10:00:00'),
      pauses: [
        { from: utc('10:30:00'), to: utc('11:00:00') },
        { from: utc('09:00:00'), to: utc('10:10:00') },
        { from: utc('10:45:00'), to: utc('11:15:00') },
      ],
    });
    expect(clock.elapsedSeconds(utc('12:00:00'))).toBe(20 * 60 + 45 * 60);
    expect(clock.dueAt()?.toISOString()).toBe(utc('11:55:00').toISOString());
  });

  it('refuses a pause that ends before it starts, a zero target and business mode without a calendar', () => {
    expect(() =>
      createClock({ targetSeconds: 60, mode: 'calendar', startedAt: utc('10:00:00'), pauses: [{ from: utc('11:00:00'), to: utc('10:30:00') }] }),
    ).toThrow(RangeError);
    expect(() => createClock({ targetSeconds: 0, mode: 'calendar', startedAt: utc('10:00:00') })).toThrow(RangeError);
    expect(() => createClock({ targetSeconds: 60, mode: 'business', startedAt: utc('10:00:00') })).toThrow(RangeError);
  });
});

describe('business-time clock', () => {
  const calendar = defaultCalendar();

  it('does not count paused time, and the due time moves later by the pause length in business time', () => {
    const startedAt = sh('2026-11-27 16:00');
    const plain = createClock({ targetSeconds: 4 * HOUR, mode: 'business', calendar, startedAt });
    expect(plain.dueAt()?.toISOString()).toBe(sh('2026-11-30 11:00').toISOString());

    // Waiting on the customer from Friday 17:00 to Monday 10:00: two business hours paused.
    const pause = { from: sh('2026-11-27 17:00'), to: sh('2026-11-30 10:00') };
    const clock = createClock({ targetSeconds: 4 * HOUR, mode: 'business', calendar, startedAt, pauses: [pause] });
    const pausedBusiness = businessSecondsBetween(calendar, pause.from, pause.to);
    expect(pausedBusiness).toBe(2 * HOUR);
    expect(clock.dueAt()?.toISOString()).toBe(addBusinessSeconds(calendar, plain.dueAt()!, pausedBusiness).toISOString());
    expect(clock.dueAt()?.toISOString()).toBe(sh('2026-11-30 14:30').toISOString());
    expect(clock.elapsedSeconds(sh('2026-11-30 09:30'))).toBe(HOUR);
    expect(clock.elapsedSeconds(sh('2026-11-30 12:00'))).toBe(3 * HOUR);
    expect(clock.fractionUsed(sh('2026-11-30 12:00'))).toBe(0.75);
    expect(clock.warningAt(0.8)?.toISOString()).toBe(sh('2026-11-30 13:42').toISOString());
    expect(clock.breached(sh('2026-11-30 14:30'))).toBe(false);
    expect(clock.breached(sh('2026-11-30 14:30:01'))).toBe(true);
  });

  it('handles a 60-second chat target with a short pause', () => {
    const clock = createClock({
      targetSeconds: 60,
      mode: 'business',
      calendar,
      startedAt: sh('2026-11-23 10:00:00'),
      pauses: [{ from: sh('2026-11-23 10:00:20'), to: sh('2026-11-23 10:00:50') }],
    });
    expect(clock.dueAt()?.toISOString()).toBe(sh('2026-11-23 10:01:30').toISOString());
    expect(clock.remainingSeconds(sh('2026-11-23 10:01:00'))).toBe(30);
  });
});
