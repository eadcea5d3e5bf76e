import { describe, expect, it } from 'vitest';
import { equalErrorRate, ratesAtThreshold, scoreAllPairs, tarAtFmr, thresholdAtFmr, verificationReport } from '../../src/cli/face-eval-metrics';

describe('scoreAllPairs', () => {
  it('scores every unordered pair once, split by identity', () => {
    const a1 = [1, 0], a2 = [0.6, 0.8], b1 = [0, 1];
    const scores = scoreAllPairs([[a1, a2], [b1], []]);
    expect(scores.genuine).toEqual([expect.closeTo(0.6, 9)]);
    expect(scores.impostor.sort()).toEqual([0, expect.closeTo(0.8, 9)]);
  });

  it.each([
    // identities × images → genuine = Σ C(n,2), impostor = C(N,2) − genuine
    [[2, 2, 2], 3, 12],
    [[5, 5, 5, 5, 5, 5, 5, 5], 80, 700],
    [[1], 0, 0],
  ])('sizes %j give %d genuine and %d impostor pairs', (sizes, genuine, impostor) => {
    const groups = sizes.map((n, id) => Array.from({ length: n }, () => [id, 1]));
    const scores = scoreAllPairs(groups);
    expect(scores.genuine.length).toBe(genuine);
    expect(scores.impostor.length).toBe(impostor);
  });
});

describe('ratesAtThreshold', () => {
  const scores = { genuine: [0.9, 0.8, 0.7, 0.4], impostor: [0.1, 0.2, 0.5, 0.75] };
  it.each([
    [0.0, 1, 0],
    [0.45, 0.5, 0.25],
    [0.5, 0.5, 0.25], // ≥ threshold matches: 0.5 is accepted
    [0.76, 0, 0.5],
    [1.0, 0, 1],
  ])('at %d: FMR %d, FNMR %d', (threshold, fmr, fnmr) => {
    expect(ratesAtThreshold(scores, threshold)).toEqual({ fmr, fnmr });
  });
});

describe('equalErrorRate', () => {
  it.each([
    ['perfect separation', { genuine: [0.8, 0.9], impostor: [0.1, 0.2] }, 0],
    ['reversed: every impostor above every genuine pair (worse than chance)', { genuine: [0.1, 0.2], impostor: [0.8, 0.9] }, 1],
    ['one error each side out of four', { genuine: [0.9, 0.8, 0.7, 0.4], impostor: [0.1, 0.2, 0.3, 0.75] }, 0.25],
    ['everything tied', { genuine: [0.5, 0.5], impostor: [0.5, 0.5] }, 0.5],
  ])('%s', (_name, scores, eer) => {
    expect(equalErrorRate(scores).eer).toBeCloseTo(eer, 9);
  });

  it('reports a threshold that sits between the classes when they separate', () => {
    const { threshold } = equalErrorRate({ genuine: [0.8, 0.9], impostor: [0.1, 0.2] });
    expect(threshold).toBeGreaterThan(0.2);
    expect(threshold).toBeLessThanOrEqual(0.8);
  });

  it('is NaN without genuine or impostor pairs (nothing to measure)', () => {
    expect(equalErrorRate({ genuine: [], impostor: [0.1] }).eer).toBeNaN();
  });
});

describe('thresholdAtFmr and tarAtFmr', () => {
  const impostor = Array.from({ length: 1000 }, (_, i) => i / 1000); // 0.000 … 0.999
  it.each([
    [1e-3, 1, 0.999], // one impostor may match: the threshold sits just above the 2nd highest
    [1e-2, 10, 0.99],
    [1e-4, 0, 0.999], // below 1/N: above every impostor
  ])('FMR %d lets at most %d impostors match', (fmr, allowed, above) => {
    const t = thresholdAtFmr(impostor, fmr);
    const accepted = impostor.filter((s) => s >= t).length;
    expect(accepted).toBe(allowed);
    expect(t).toBeGreaterThan(allowed === 0 ? above : impostor[impostor.length - 1 - allowed]!);
  });

  it('handles ties: tied impostors are all rejected rather than exceeding the budget', () => {
    const t = thresholdAtFmr([0.9, 0.9, 0.1, 0.1], 0.25);
    expect([0.9, 0.9, 0.1, 0.1].filter((s) => s >= t).length).toBe(0);
  });

  it('TAR is the share of genuine pairs at or above that threshold', () => {
    const scores = { genuine: [0.995, 0.9995, 0.5, 0.9999], impostor };
    expect(tarAtFmr(scores, 1e-3)).toBe(0.5); // threshold just above 0.998
  });
});

describe('verificationReport', () => {
  it('puts the pieces together with FNMR@FMR = 1 − TAR@FMR', () => {
    const scores = { genuine: [0.9, 0.8, 0.7, 0.4], impostor: [0.1, 0.2, 0.3, 0.75] };
    const report = verificationReport(scores, 0.5);
    expect(report).toMatchObject({ genuinePairs: 4, impostorPairs: 4, eer: 0.25, threshold: 0.5, fmrAtThreshold: 0.25, fnmrAtThreshold: 0.25 });
    expect(report.tarAtFar1e3).toBe(0.5); // 4 impostors: none may match, so the threshold sits above 0.75
    expect(report.fnmrAtFmr1e4).toBeCloseTo(1 - report.tarAtFar1e3, 12);
  });
});
