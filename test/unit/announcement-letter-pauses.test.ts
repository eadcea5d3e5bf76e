/**
 * FAILING on purpose — bug report for src/core/queue/announcement.ts (announceCall, the line
 * `const digitsWithPauses = spoken.split(' ').join(', ');`).
 *
 * spellNumber() joins the spoken symbols with single spaces, and two Vietnamese letter names
 * themselves contain a space: Y = "I dài", W = "Vê kép". announceCall then re-splits the spoken
 * string on every space to insert the pauses, so the speech engine pauses INSIDE the letter name:
 * "YT001" is read "I, dài, Tê, 0, 0, 1" — the hall hears "I … dài … Tê", i.e. an extra symbol.
 * validateNumbering accepts Y and W in prefixes, and "YT" (Y tế) is a natural prefix.
 *
 * Expected: the pauses separate the symbols of the number, never the words of one letter's name.
 */
import { describe, expect, it } from 'vitest';
import { announceCall } from '../../src/core/queue/announcement';
import { validateNumbering } from '../../src/core/queue/numbering';

describe('speech pauses fall between symbols, not inside a letter name', () => {
  it('"YT" is a valid prefix (Y tế)', () => {
    expect(validateNumbering({ numberingMode: 'prefix', prefix: 'YT', blockStart: null, blockEnd: null, dailyCap: null })).toEqual([]);
  });

  it('YT001 at counter 4', () => {
    // actual: 'Mời công dân có số, I, dài, Tê, 0, 0, 1, đến quầy số 4.'
    expect(announceCall('YT001', 4, { lang: 'vi' }).speech).toBe('Mời công dân có số, I dài, Tê, 0, 0, 1, đến quầy số 4.');
  });

  it('W001 at counter 4', () => {
    // actual: 'Mời công dân có số, Vê, kép, 0, 0, 1, đến quầy số 4.'
    expect(announceCall('W001', 4, { lang: 'vi' }).speech).toBe('Mời công dân có số, Vê kép, 0, 0, 1, đến quầy số 4.');
  });
});
