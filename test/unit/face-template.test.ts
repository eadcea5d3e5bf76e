import { describe, expect, it } from 'vitest';
import { averageTemplates, cosineSimilarity, dot, l2Normalise, templateFromFrames } from '../../src/web/face/face-template';

const norm = (v: ArrayLike<number>) => Math.sqrt(dot(v, v));

describe('l2Normalise', () => {
  it.each([
    ['3-4-5 triangle', [3, 4], [0.6, 0.8]],
    ['already unit', [0, 1, 0], [0, 1, 0]],
    ['negative values keep their sign', [-2, 0], [-1, 0]],
    ['a faceres-like norm of 12', [12, 0, 0, 0], [1, 0, 0, 0]],
  ])('%s', (_name, input, expected) => {
    const out = l2Normalise(input)!;
    expected.forEach((value, i) => expect(out[i]).toBeCloseTo(value, 6));
    expect(norm(out)).toBeCloseTo(1, 6);
  });

  it.each([
    ['zeros', [0, 0, 0]],
    ['NaN', [1, Number.NaN]],
    ['Infinity', [Number.POSITIVE_INFINITY, 1]],
    ['empty', []],
  ])('has no direction for %s', (_name, input) => {
    expect(l2Normalise(input)).toBeNull();
  });
});

describe('averageTemplates', () => {
  it('weighs every frame the same whatever its raw norm, and re-normalises', () => {
    // [10, 0] and [0, 1] normalise to the axes: the mean points at 45°, not towards the big one.
    const out = averageTemplates([[10, 0], [0, 1]])!;
    expect(out[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(out[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('of one vector is that vector normalised', () => {
    const out = averageTemplates([[0, 3, 4]])!;
    expect(Array.from(out)).toEqual([0, expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });

  it('moves towards the majority and stays unit length', () => {
    const out = averageTemplates([[1, 0, 0], [1, 0, 0], [0, 1, 0]])!;
    expect(out[0]!).toBeGreaterThan(out[1]!);
    expect(norm(out)).toBeCloseTo(1, 6);
  });

  it('skips frames without a direction', () => {
    const out = averageTemplates([[0, 0], [0, 2]])!;
    expect(Array.from(out)).toEqual([0, 1]);
  });

  it('is null when there is nothing to average or the vectors cancel out', () => {
    expect(averageTemplates([])).toBeNull();
    expect(averageTemplates([[1, 0], [-1, 0]])).toBeNull();
  });

  it('refuses templates of different lengths', () => {
    expect(() => averageTemplates([[1, 0], [1, 0, 0]])).toThrow(RangeError);
  });

  it('is closer to each of its frames than they are to each other (why averaging helps)', () => {
    const frames = [[1, 0.2, 0], [1, -0.2, 0.1], [1, 0, -0.2]];
    const mean = averageTemplates(frames)!;
    const pairwise = cosineSimilarity(frames[0]!, frames[1]!);
    for (const frame of frames) expect(cosineSimilarity(mean, frame)).toBeGreaterThan(pairwise);
  });
});

describe('cosineSimilarity', () => {
  it.each([
    ['same direction, different norms', [1, 2], [2, 4], 1],
    ['orthogonal', [1, 0], [0, 5], 0],
    ['opposite', [1, 1], [-1, -1], -1],
    ['a zero vector', [0, 0], [1, 0], 0],
  ])('%s', (_name, a, b, expected) => {
    expect(cosineSimilarity(a, b)).toBeCloseTo(expected, 6);
  });
});

describe('templateFromFrames', () => {
  const person = [[1, 0.1, 0], [1, 0, 0.1], [1, -0.1, 0], [1, 0, -0.1], [1, 0.05, 0.05]];
  it('averages enough consistent frames', () => {
    const result = templateFromFrames(person, 5, 0.9);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.template[0]).toBeCloseTo(1, 2);
      expect(result.agreement).toBeGreaterThan(0.99);
    }
  });

  it('waits for more frames', () => {
    expect(templateFromFrames(person.slice(0, 3), 5, 0.9)).toEqual({ ok: false, reason: 'too-few-frames' });
    expect(templateFromFrames([], 0, 0.9)).toEqual({ ok: false, reason: 'too-few-frames' });
  });

  it('refuses a capture in which someone else appears', () => {
    expect(templateFromFrames([...person.slice(0, 4), [0, 1, 0]], 5, 0.9)).toEqual({ ok: false, reason: 'inconsistent-frames' });
  });
});
