import { describe, expect, it } from 'vitest';
import { moodColour, moodOf, mouthPath, optionForKey } from './rating-faces';

const three = [{ reportsAs: 'very-satisfied' }, { reportsAs: 'satisfied' }, { reportsAs: 'dissatisfied' }] as const;
const five = [
  { reportsAs: 'very-satisfied' },
  { reportsAs: 'satisfied' },
  { reportsAs: 'satisfied' },
  { reportsAs: 'dissatisfied' },
  { reportsAs: 'dissatisfied' },
] as const;
const two = [{ reportsAs: 'satisfied' }, { reportsAs: 'dissatisfied' }] as const;

describe('rating faces', () => {
  it.each([
    ['3 levels', three, [1, 0.45, -1]],
    ['5 levels', five, [1, 0.6, 0, -0.5, -1]],
    ['2 levels', two, [0.45, -1]],
  ] as const)('gives each option of %s its mood, best first', (_name, scale, moods) => {
    expect(scale.map((_, i) => moodOf(scale, i))).toEqual(moods);
  });

  it('draws "satisfied" smiling and "dissatisfied" frowning', () => {
    const curve = (mood: number) => {
      const [, y, cy] = /M30 ([\d.-]+) Q50 ([\d.-]+)/.exec(mouthPath(mood))!;
      return Number(cy) - Number(y);
    };
    expect(curve(moodOf(three, 0))).toBeGreaterThan(curve(moodOf(three, 1)));
    expect(curve(moodOf(three, 1))).toBeGreaterThan(0); // a smile bends down in SVG coordinates
    expect(curve(moodOf(three, 2))).toBeLessThan(0);
  });

  it('uses a different colour for each of the three national levels', () => {
    expect(new Set(three.map((_, i) => moodColour(moodOf(three, i)))).size).toBe(3);
  });

  it.each([
    ['1', 3, 0],
    ['3', 3, 2],
    ['4', 3, null],
    ['5', 5, 4],
    ['0', 5, null],
    ['a', 5, null],
    ['Enter', 5, null],
  ] as const)('key %s on a %i-level scale picks option %s', (key, count, expected) => {
    expect(optionForKey(key, count)).toBe(expected);
  });
});
