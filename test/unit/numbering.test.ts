import { describe, expect, it } from 'vitest';
import {
  assertWithinCapacity,
  blocksOverlap,
  dailyCapacity,
  formatTicketNumber,
  validateNumbering,
  type FieldNumbering,
} from '../../src/core/queue/numbering';
import { AppError } from '../../src/core/shared/app-error';

const block = (blockStart: number | null, blockEnd: number | null, dailyCap: number | null = null): FieldNumbering => ({
  numberingMode: 'block',
  prefix: null,
  blockStart,
  blockEnd,
  dailyCap,
});
const prefix = (p: string | null, dailyCap: number | null = null): FieldNumbering => ({
  numberingMode: 'prefix',
  prefix: p,
  blockStart: null,
  blockEnd: null,
  dailyCap,
});

describe('formatTicketNumber', () => {
  it.each([
    [block(1001, 1999), 1, '1001'],
    [block(1001, 1999), 23, '1023'],
    [block(1001, 1999), 999, '1999'],
    [block(2001, 2999), 1, '2001'],
    [block(1, 999), 7, '7'],
    [prefix('HT'), 1, 'HT001'],
    [prefix('HT'), 12, 'HT012'],
    [prefix('HT'), 999, 'HT999'],
    [prefix('HT'), 1000, 'HT1000'],
    [prefix('HT'), 9999, 'HT9999'],
    [prefix('A'), 5, 'A005'],
    [prefix('UT'), 1, 'UT001'],
  ])('%o, seq %i → %s', (numbering, seq, expected) => {
    expect(formatTicketNumber(numbering, seq)).toBe(expected);
  });

  it('every number a block may issue in a day lies inside the block and is unique', () => {
    const numbering = block(1001, 1999);
    const numbers = Array.from({ length: dailyCapacity(numbering) }, (_, i) => formatTicketNumber(numbering, i + 1));
    expect(new Set(numbers).size).toBe(999);
    expect(numbers.every((n) => Number(n) >= 1001 && Number(n) <= 1999)).toBe(true);
  });

  it('every number a prefix series may issue in a day is unique and keeps the prefix', () => {
    const numbering = prefix('HT');
    const numbers = Array.from({ length: dailyCapacity(numbering) }, (_, i) => formatTicketNumber(numbering, i + 1));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => /^HT\d{3,4}$/.test(n))).toBe(true);
  });
});

describe('dailyCapacity', () => {
  it.each([
    ['block 1001–1999, no cap', block(1001, 1999), 999],
    ['block 1001–1999, cap 300', block(1001, 1999, 300), 300],
    ['block 1001–1999, cap above the block size', block(1001, 1999, 5000), 999],
    ['block of one number', block(5, 5), 1],
    ['prefix, no cap', prefix('HT'), 9999],
    ['prefix, cap 200', prefix('HT', 200), 200],
    ['prefix, cap above 9999', prefix('HT', 20000), 9999],
  ])('%s → %i', (_name, numbering, capacity) => {
    expect(dailyCapacity(numbering)).toBe(capacity);
  });
});

describe('assertWithinCapacity', () => {
  it('lets the last number of the day through', () => {
    expect(() => assertWithinCapacity('Hộ tịch', block(1001, 1999, 300), 300)).not.toThrow();
    expect(() => assertWithinCapacity('Hộ tịch', block(1001, 1999), 999)).not.toThrow();
    expect(() => assertWithinCapacity('Đất đai', prefix('DD'), 9999)).not.toThrow();
  });

  it.each([
    ['Hộ tịch', block(1001, 1999, 300), 301, 300],
    ['Hộ tịch', block(1001, 1999), 1000, 999],
    ['Đất đai', prefix('DD', 50), 51, 50],
    ['Đất đai', prefix('DD'), 10000, 9999],
  ])('refuses %s ticket #%i beyond the cap with DAILY_CAP_REACHED', (field, numbering, seq, cap) => {
    let error: unknown;
    try {
      assertWithinCapacity(field as string, numbering as FieldNumbering, seq as number);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DAILY_CAP_REACHED');
    expect((error as AppError).params).toEqual({ field, cap });
  });
});

describe('validateNumbering', () => {
  it.each([
    ['prefix HT', prefix('HT')],
    ['prefix of one letter', prefix('A')],
    ['prefix of three letters', prefix('UTA')],
    ['prefix with a cap', prefix('HT', 200)],
    ['block 1001–1999', block(1001, 1999)],
    ['block of one number', block(1, 1)],
    ['block up to 99999', block(90000, 99999)],
    ['block with a cap', block(1001, 1999, 1)],
  ])('%s is valid', (_name, numbering) => {
    expect(validateNumbering(numbering)).toEqual([]);
  });

  it.each([
    ['missing prefix', prefix(null), ['prefix']],
    ['empty prefix', prefix(''), ['prefix']],
    ['lower-case prefix', prefix('ht'), ['prefix']],
    ['prefix of four letters', prefix('ABCD'), ['prefix']],
    ['prefix with a digit', prefix('H1'), ['prefix']],
    ['prefix with a dash', prefix('U-T'), ['prefix']],
    ['block without start', block(null, 1999), ['block']],
    ['block without end', block(1001, null), ['block']],
    ['block with a fractional start', block(1000.5, 1999), ['block']],
    ['block starting at 0', block(0, 999), ['block']],
    ['block ending after 99999', block(90000, 100000), ['block']],
    ['block ending before it starts', block(1999, 1001), ['block']],
    ['cap of zero', block(1001, 1999, 0), ['dailyCap']],
    ['negative cap', prefix('HT', -5), ['dailyCap']],
    ['fractional cap', prefix('HT', 2.5), ['dailyCap']],
    ['bad prefix and bad cap together', prefix('ht', 0), ['prefix', 'dailyCap']],
    ['bad block and bad cap together', block(5, 1, 0), ['block', 'dailyCap']],
  ])('%s → %j', (_name, numbering, problems) => {
    expect(validateNumbering(numbering)).toEqual(problems);
  });
});

describe('blocksOverlap', () => {
  it.each([
    ['disjoint blocks', block(1001, 1999), block(2001, 2999), false],
    ['adjacent blocks', block(1001, 1999), block(2000, 2999), false],
    ['sharing the last number', block(1001, 1999), block(1999, 2500), true],
    ['one inside the other', block(1001, 1999), block(1200, 1300), true],
    ['partly overlapping', block(1001, 1999), block(1500, 2500), true],
    ['identical', block(1001, 1999), block(1001, 1999), true],
    ['equal prefixes', prefix('HT'), prefix('HT'), true],
    ['different prefixes', prefix('HT'), prefix('DD'), false],
    ['a prefix and a block', prefix('HT'), block(1001, 1999), false],
    ['a block with missing bounds', block(null, null), block(1001, 1999), false],
  ])('%s → %s (in both orders)', (_name, a, b, overlap) => {
    expect(blocksOverlap(a, b)).toBe(overlap);
    expect(blocksOverlap(b, a)).toBe(overlap);
  });

  it('two overlapping blocks really would print the same number on the same day', () => {
    const a = block(1001, 1999);
    const b = block(1500, 2500);
    const numbersA = new Set(Array.from({ length: dailyCapacity(a) }, (_, i) => formatTicketNumber(a, i + 1)));
    const clash = Array.from({ length: dailyCapacity(b) }, (_, i) => formatTicketNumber(b, i + 1)).find((n) => numbersA.has(n));
    expect(clash).toBe('1500');
  });
});
