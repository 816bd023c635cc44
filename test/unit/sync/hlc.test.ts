import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStamps, formatHlc, parseHlc, receive, tick, type Hlc } from '../../../src/domain/hlc';

/** The clock order written from the rule: wall time, then counter, then device id in text order. */
function ruleOrder(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.device === b.device) return 0;
  return a.device < b.device ? -1 : 1;
}

const device = fc.stringMatching(/^[0-9a-z]{4,12}$/);
const clock = fc.record({
  wall: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  counter: fc.integer({ min: 0, max: 5000 }),
  device,
});

describe('hybrid logical clock stamps', () => {
  it('read back exactly what was written', () => {
    fc.assert(
      fc.property(clock, (hlc) => {
        expect(parseHlc(formatHlc(hlc))).toEqual(hlc);
      }),
    );
  });

  it('sort as text in clock order: wall time, then counter, then device id', () => {
    fc.assert(
      fc.property(clock, clock, (a, b) => {
        expect(Math.sign(compareStamps(formatHlc(a), formatHlc(b)))).toBe(ruleOrder(a, b));
      }),
    );
  });

  it('refuses anything that is not a stamp (they arrive from a server)', () => {
    const good = formatHlc({ wall: 1_800_000_000_000, counter: 3, device: 'laptop' });
    for (const bad of [42, null, '', `${good}x<b>`, good.toUpperCase(), `0${good}`, good.replace('laptop', 'lap'), '<img src=x>'])
      expect(parseHlc(bad)).toBeNull();
  });

  it('refuses to write a stamp from a clock out of range', () => {
    expect(() => formatHlc({ wall: -1, counter: 0, device: 'laptop' })).toThrow(RangeError);
    expect(() => formatHlc({ wall: 1, counter: 36 ** 4, device: 'laptop' })).toThrow(RangeError);
    expect(() => formatHlc({ wall: 1, counter: 0, device: 'Lap:top' })).toThrow(RangeError);
  });
});

describe('stamping local edits', () => {
  it('takes the wall clock when it is ahead', () => {
    expect(tick({ wall: 1000, counter: 7, device: 'laptop' }, 2000, 'laptop')).toEqual({ wall: 2000, counter: 0, device: 'laptop' });
  });

  it('counts up within one millisecond', () => {
    expect(tick({ wall: 1000, counter: 7, device: 'laptop' }, 1000, 'laptop')).toEqual({ wall: 1000, counter: 8, device: 'laptop' });
  });

  it('never goes back when the wall clock is set back', () => {
    expect(tick({ wall: 5000, counter: 2, device: 'laptop' }, 1000, 'laptop')).toEqual({ wall: 5000, counter: 3, device: 'laptop' });
  });

  it('starts at the wall clock on a new device', () => {
    expect(tick(null, 1234, 'desktop')).toEqual({ wall: 1234, counter: 0, device: 'desktop' });
  });
});

describe('receiving a stamp from another device', () => {
  it('moves past a remote clock that is ahead, so the next local edit is later than what was pulled', () => {
    const after = receive({ wall: 1000, counter: 0, device: 'laptop' }, { wall: 9000, counter: 4, device: 'desktop' }, 1500, 'laptop');
    expect(after).toEqual({ wall: 9000, counter: 5, device: 'laptop' });
    expect(tick(after, 1600, 'laptop')).toEqual({ wall: 9000, counter: 6, device: 'laptop' });
  });

  it('keeps the wall clock when it is ahead of both', () => {
    expect(receive({ wall: 1000, counter: 3, device: 'laptop' }, { wall: 2000, counter: 9, device: 'desktop' }, 3000, 'laptop')).toEqual({
      wall: 3000,
      counter: 0,
      device: 'laptop',
    });
  });

  it('counts past both counters when all three agree on the millisecond', () => {
    expect(receive({ wall: 1000, counter: 3, device: 'laptop' }, { wall: 1000, counter: 9, device: 'desktop' }, 1000, 'laptop')).toEqual({
      wall: 1000,
      counter: 10,
      device: 'laptop',
    });
  });

  it('is always later than both the local and the remote clock, whatever the skew', () => {
    fc.assert(
      fc.property(clock, clock, fc.integer({ min: 0, max: 4_102_444_800_000 }), (local, remote, now) => {
        const after = receive(local, remote, now, local.device);
        expect(ruleOrder(after, local)).toBe(1);
        expect(after.wall > remote.wall || (after.wall === remote.wall && after.counter > remote.counter)).toBe(true);
      }),
    );
  });
});
