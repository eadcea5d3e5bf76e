import { describe, expect, it } from 'vitest';
import { isHallQuiet, totalWaiting } from './hall-quiet';

const T0 = Date.parse('2026-12-03T02:00:00Z');
const MIN = 60_000;
const base = { lastCallAt: null, boardActivityAt: T0, waiting: 0, now: T0, quietMinutes: 2, whileWaiting: false };

describe('when the board shows the published results', () => {
  it.each([
    ['a board just switched on, no call yet', {}, false],
    ['two minutes after the start without a call', { now: T0 + 2 * MIN }, true],
    ['a call a minute ago', { now: T0 + 10 * MIN, lastCallAt: new Date(T0 + 9 * MIN).toISOString() }, false],
    ['the last call two minutes ago', { now: T0 + 11 * MIN, lastCallAt: new Date(T0 + 9 * MIN).toISOString() }, true],
    ['a call from before the board started counts from the start', { now: T0 + MIN, lastCallAt: new Date(T0 - 60 * MIN).toISOString() }, false],
    ['people waiting', { now: T0 + 30 * MIN, waiting: 3 }, false],
    ['people waiting, and the centre allows it', { now: T0 + 30 * MIN, waiting: 3, whileWaiting: true }, true],
    ['the slide switched off', { now: T0 + 30 * MIN, quietMinutes: 0 }, false],
    ['a call that just reached a board whose clock runs ahead', { now: T0 + 30 * MIN, lastCallAt: new Date(T0 + 25 * MIN).toISOString(), boardActivityAt: T0 + 30 * MIN }, false],
  ])('%s', (_label, over, quiet) => {
    expect(isHallQuiet({ ...base, ...over })).toBe(quiet);
  });

  it('adds the waiting of every field', () => {
    expect(totalWaiting({ a: 2, b: 0, c: 5 })).toBe(7);
    expect(totalWaiting({})).toBe(0);
  });
});
