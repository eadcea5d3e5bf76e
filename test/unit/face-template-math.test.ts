import { describe, expect, it } from 'vitest';
import {
  averageTemplates,
  cosineSimilarity,
  decideMatch,
  decodeTemplate,
  dot,
  encodeTemplate,
  float16BitsToFloat32,
  float32ToFloat16Bits,
  normalizeTemplate,
  type MatchDecision,
  type ScoredCandidate,
} from '../../src/core/face/template-math';

const norm = (v: ArrayLike<number>) => Math.sqrt(dot(v, v));

/** A deterministic pseudo-random unit vector (the tests must not depend on Math.random). */
function unitVector(length: number, seed: number): Float32Array {
  let s = seed;
  const values = Array.from({ length }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
  return normalizeTemplate(values);
}

describe('normalizeTemplate', () => {
  it.each([
    ['3-4 triangle', [3, 4], [0.6, 0.8]],
    ['already unit', [0, 1, 0], [0, 1, 0]],
    ['negative values keep their sign', [-2, 0, 0, 0], [-1, 0, 0, 0]],
    ['a faceres-like raw norm (≈10)', [6, 8], [0.6, 0.8]],
  ])('%s', (_name, input, expected) => {
    const out = normalizeTemplate(input);
    expect(out).toBeInstanceOf(Float32Array);
    expected.forEach((v, i) => expect(out[i]).toBeCloseTo(v, 6));
    expect(norm(out)).toBeCloseTo(1, 6);
  });

  it.each([
    ['empty', []],
    ['all zeros', [0, 0, 0]],
    ['NaN', [1, Number.NaN]],
    ['Infinity', [1, Number.POSITIVE_INFINITY]],
  ])('refuses %s', (_name, input) => {
    expect(() => normalizeTemplate(input)).toThrow(RangeError);
  });

  it('does not modify its input', () => {
    const input = new Float32Array([3, 4]);
    normalizeTemplate(input);
    expect(Array.from(input)).toEqual([3, 4]);
  });
});

describe('dot and cosineSimilarity', () => {
  it.each([
    ['orthogonal', [1, 0], [0, 1], 0],
    ['identical', [0.6, 0.8], [0.6, 0.8], 1],
    ['opposite', [1, 0, 0], [-1, 0, 0], -1],
    ['length not a multiple of 4', [1, 2, 3, 4, 5], [1, 1, 1, 1, 1], 15],
  ])('dot: %s', (_name, a, b, expected) => {
    expect(dot(a, b)).toBeCloseTo(expected, 9);
  });

  it('cosine ignores the norms', () => {
    expect(cosineSimilarity([3, 4], [30, 40])).toBeCloseTo(1, 9);
    expect(cosineSimilarity([1, 0], [5, 5])).toBeCloseTo(Math.SQRT1_2, 9);
  });

  it('dot equals cosine on normalised templates of any length', () => {
    for (const length of [128, 192, 512, 1024]) {
      const a = unitVector(length, 1);
      const b = unitVector(length, 2);
      expect(dot(a, b)).toBeCloseTo(cosineSimilarity(a, b), 6);
    }
  });

  it('refuses templates of different lengths', () => {
    expect(() => dot([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => cosineSimilarity([0, 0], [1, 1])).toThrow(RangeError);
  });
});

describe('averageTemplates', () => {
  it('normalises each capture first, so a larger raw norm does not dominate', () => {
    // Raw norms 1 and 100: a plain mean would point almost exactly along the second.
    const out = averageTemplates([
      [1, 0],
      [0, 100],
    ]);
    expect(out[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(out[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('is unit length and closer to every capture than they are to each other', () => {
    const captures = [unitVector(128, 3), unitVector(128, 4), unitVector(128, 5)];
    const mean = averageTemplates(captures);
    expect(norm(mean)).toBeCloseTo(1, 6);
    for (const c of captures) expect(dot(mean, c)).toBeGreaterThan(dot(captures[0]!, captures[1]!));
  });

  it('one capture averages to itself', () => {
    const t = unitVector(64, 9);
    expect(dot(averageTemplates([t]), t)).toBeCloseTo(1, 6);
  });

  it.each([
    ['no captures', []],
    ['different lengths', [[1, 0], [1, 0, 0]]],
    ['captures that cancel out', [[1, 0], [-1, 0]]],
  ])('refuses %s', (_name, captures) => {
    expect(() => averageTemplates(captures as number[][])).toThrow(RangeError);
  });
});

describe('float16 conversion', () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff], // largest half
    [65520, 0x7c00], // rounds up to Infinity
    [2 ** -14, 0x0400], // smallest normal
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -15, 0x0200], // a subnormal
    [2 ** -26, 0x0000], // underflows to zero
    [1 + 2 ** -11, 0x3c00], // exactly halfway: rounds to even (down)
    [1 + 3 * 2 ** -11, 0x3c02], // exactly halfway: rounds to even (up)
    [Number.POSITIVE_INFINITY, 0x7c00],
  ])('%f → 0x%s', (value, bits) => {
    expect(float32ToFloat16Bits(value)).toBe(bits);
  });

  it('NaN stays NaN', () => {
    expect(float16BitsToFloat32(float32ToFloat16Bits(Number.NaN))).toBeNaN();
  });

  it('every finite half value survives a round trip exactly', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const exponent = (bits >>> 10) & 0x1f;
      if (exponent === 0x1f) continue; // Infinity and NaN
      const value = float16BitsToFloat32(bits);
      // -0 and 0 are both fine; compare numerically otherwise.
      expect(float32ToFloat16Bits(value) === bits || (value === 0 && (bits & 0x7fff) === 0)).toBe(true);
    }
  });
});

describe('encodeTemplate / decodeTemplate', () => {
  it.each([128, 192, 512, 1024])('float32 round trip of a %i-value template is exact', (length) => {
    const t = unitVector(length, length);
    const bytes = encodeTemplate(t);
    expect(bytes.length).toBe(4 + 4 * length);
    expect(Array.from(decodeTemplate(bytes, length))).toEqual(Array.from(t));
  });

  it.each([128, 192, 512, 1024])('float16 halves a %i-value template and moves a cosine by < 1e-3', (length) => {
    const a = unitVector(length, 11);
    const b = averageTemplates([a, unitVector(length, 12)]); // a similar template (cosine ≈ 0.7)
    const bytes = encodeTemplate(a, 'float16');
    expect(bytes.length).toBe(4 + 2 * length);
    const decoded = decodeTemplate(bytes, length);
    expect(Math.abs(dot(decoded, b) - dot(a, b))).toBeLessThan(1e-3);
  });

  it('decodes from a view at an odd offset inside a larger buffer (e.g. a pooled Buffer)', () => {
    const t = unitVector(16, 5);
    const bytes = encodeTemplate(t);
    const big = new Uint8Array(bytes.length + 3);
    big.set(bytes, 3);
    expect(Array.from(decodeTemplate(big.subarray(3)))).toEqual(Array.from(t));
  });

  it.each([
    ['too short', new Uint8Array([1, 1])],
    ['unknown encoding', new Uint8Array([9, 1, 1, 0, 0, 0, 0, 0])],
    ['unknown version', new Uint8Array([1, 7, 1, 0, 0, 0, 0, 0])],
    ['truncated payload', encodeTemplate([0.6, 0.8]).subarray(0, 9)],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeTemplate(bytes)).toThrow(RangeError);
  });

  it("refuses another model's template length", () => {
    expect(() => decodeTemplate(encodeTemplate(unitVector(128, 1)), 512)).toThrow(/expected 512/);
  });

  it('refuses to encode non-finite values', () => {
    expect(() => encodeTemplate([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('decideMatch', () => {
  const policy = { threshold: 0.6, minMargin: 0.05 };
  const c = (id: string, score: number): ScoredCandidate => ({ id, score });

  it.each<[string, ScoredCandidate[], MatchDecision]>([
    ['nobody in the gallery', [], { decision: 'no-match', id: null, score: null, margin: null }],
    ['one candidate above the threshold', [c('a', 0.8)], { decision: 'match', id: 'a', score: 0.8, margin: null }],
    ['one candidate below the threshold', [c('a', 0.5)], { decision: 'no-match', id: null, score: 0.5, margin: null }],
    ['exactly at the threshold and the margin', [c('a', 0.6), c('b', 0.55)], { decision: 'match', id: 'a', score: 0.6, margin: 0.6 - 0.55 }],
    ['clear winner', [c('a', 0.9), c('b', 0.5), c('c', 0.4)], { decision: 'match', id: 'a', score: 0.9, margin: 0.9 - 0.5 }],
    ['look-alike within the margin', [c('a', 0.82), c('b', 0.8)], { decision: 'ambiguous', id: 'a', score: 0.82, margin: 0.82 - 0.8 }],
    ['best below the threshold, even with a margin', [c('a', 0.59), c('b', 0.1)], { decision: 'no-match', id: null, score: 0.59, margin: 0.59 - 0.1 }],
    ['unsorted input', [c('b', 0.5), c('a', 0.9)], { decision: 'match', id: 'a', score: 0.9, margin: 0.9 - 0.5 }],
    ['two templates of one person count once', [c('a', 0.9), c('a', 0.88), c('b', 0.7)], { decision: 'match', id: 'a', score: 0.9, margin: 0.9 - 0.7 }],
    ['only templates of one person', [c('a', 0.9), c('a', 0.88)], { decision: 'match', id: 'a', score: 0.9, margin: null }],
    ['an exact tie is ambiguous', [c('b', 0.7), c('a', 0.7)], { decision: 'ambiguous', id: 'a', score: 0.7, margin: 0 }],
  ])('%s', (_name, candidates, expected) => {
    const got = decideMatch(candidates, policy);
    expect(got.decision).toBe(expected.decision);
    expect(got.id).toBe(expected.id);
    expect(got.score).toBe(expected.score);
    if (expected.margin === null) expect(got.margin).toBeNull();
    else expect(got.margin).toBeCloseTo(expected.margin, 12);
  });

  it('does not depend on the order of the candidates', () => {
    const candidates = [c('a', 0.71), c('b', 0.74), c('c', 0.3), c('d', 0.74)];
    const expected = decideMatch(candidates, policy);
    expect(decideMatch([...candidates].reverse(), policy)).toEqual(expected);
    expect(expected).toMatchObject({ decision: 'ambiguous', id: 'b' });
  });

  it('a zero margin policy accepts any best above the threshold', () => {
    expect(decideMatch([c('a', 0.7), c('b', 0.69)], { threshold: 0.6, minMargin: 0 }).decision).toBe('match');
  });

  it.each([
    ['a NaN score', [c('a', Number.NaN)], policy],
    ['a negative margin', [c('a', 0.9)], { threshold: 0.6, minMargin: -0.1 }],
    ['a NaN threshold', [c('a', 0.9)], { threshold: Number.NaN, minMargin: 0 }],
  ])('refuses %s', (_name, candidates, badPolicy) => {
    expect(() => decideMatch(candidates, badPolicy)).toThrow(RangeError);
  });
});
