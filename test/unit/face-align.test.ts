import { describe, expect, it } from 'vitest';
import {
  alignFace,
  applySimilarity,
  ARCFACE_TEMPLATE_112,
  arcfaceRegion,
  dlibRegion,
  templateInCrop,
  estimateSimilarity,
  invertSimilarity,
  warpToRgb,
  type Point2,
  type Similarity,
} from '../../src/web/face/face-align';

const transform = (scale: number, degrees: number, tx: number, ty: number): Similarity => {
  const r = (degrees * Math.PI) / 180;
  return { a: scale * Math.cos(r), b: scale * Math.sin(r), tx, ty };
};

function expectClose(actual: Similarity, expected: Similarity, digits = 6) {
  expect(actual.a).toBeCloseTo(expected.a, digits);
  expect(actual.b).toBeCloseTo(expected.b, digits);
  expect(actual.tx).toBeCloseTo(expected.tx, digits);
  expect(actual.ty).toBeCloseTo(expected.ty, digits);
}

describe('estimateSimilarity', () => {
  it.each([
    ['identity', transform(1, 0, 0, 0)],
    ['shift only', transform(1, 0, 12.5, -7)],
    ['scale down (a face 3× the template)', transform(1 / 3, 0, -40, -60)],
    ['head tilted 20° clockwise', transform(0.5, 20, 5, 9)],
    ['head tilted 35° anticlockwise, big face', transform(0.2, -35, -100, 30)],
  ])('recovers an exact %s from the five template points', (_name, truth) => {
    const from = ARCFACE_TEMPLATE_112;
    const to = from.map((p) => applySimilarity(truth, p));
    expectClose(estimateSimilarity(from, to), truth);
  });

  it('is the least-squares fit when the points do not fit exactly', () => {
    const truth = transform(0.8, 10, 3, 4);
    const from: Point2[] = [[0, 0], [10, 0], [0, 10], [10, 10], [5, 14]];
    const noise = [[0.9, -0.3], [-0.4, 0.8], [0.2, 0.6], [-0.7, -0.5], [0.3, 0.1]];
    const to = from.map((p, i) => {
      const [x, y] = applySimilarity(truth, p);
      return [x + noise[i]![0]!, y + noise[i]![1]!] as const;
    });
    const residual = (t: Similarity) => from.reduce((sum, p, i) => {
      const [x, y] = applySimilarity(t, p);
      return sum + (x - to[i]![0]) ** 2 + (y - to[i]![1]) ** 2;
    }, 0);
    const fit = estimateSimilarity(from, to);
    expectClose(fit, truth, 0); // close to the truth…
    // …and no nudge of any parameter fits better.
    for (const key of ['a', 'b', 'tx', 'ty'] as const) {
      for (const delta of [-1e-3, 1e-3]) expect(residual({ ...fit, [key]: fit[key] + delta })).toBeGreaterThan(residual(fit));
    }
    expect(residual(fit)).toBeLessThan(residual(truth));
  });

  it('never reflects: a mirrored face is fitted with a rotation, not a flip', () => {
    const from: Point2[] = [[0, 0], [10, 0], [5, 10]];
    const mirrored: Point2[] = from.map(([x, y]) => [-x, y]);
    const t = estimateSimilarity(from, mirrored);
    // A similarity has determinant a² + b² ≥ 0: orientation is kept.
    expect(t.a * t.a + t.b * t.b).toBeGreaterThanOrEqual(0);
    const mapped = from.map((p) => applySimilarity(t, p));
    expect(mapped.some(([x], i) => Math.abs(x - mirrored[i]![0]) > 1)).toBe(true);
  });

  it('rejects degenerate input', () => {
    expect(() => estimateSimilarity([[1, 1]], [[2, 2]])).toThrow(RangeError);
    expect(() => estimateSimilarity([[1, 1], [1, 1]], [[0, 0], [1, 1]])).toThrow(RangeError);
    expect(() => estimateSimilarity([[0, 0], [1, 1]], [[0, 0]])).toThrow(RangeError);
  });
});

describe('invertSimilarity', () => {
  it.each([transform(2, 30, 10, -5), transform(0.25, -80, 100, 200)])('undoes the transform (%#)', (t) => {
    const inverse = invertSimilarity(t);
    for (const p of ARCFACE_TEMPLATE_112) {
      const back = applySimilarity(inverse, applySimilarity(t, p));
      expect(back[0]).toBeCloseTo(p[0], 9);
      expect(back[1]).toBeCloseTo(p[1], 9);
    }
  });
});

describe('template regions', () => {
  it('the ArcFace region at 112 with no margin is the standard template', () => {
    expect(templateInCrop(112, arcfaceRegion())).toEqual(ARCFACE_TEMPLATE_112.map(([x, y]) => [x, y]));
  });

  it('scales to other crop sizes and adds margin around the same centre', () => {
    expect(templateInCrop(224)[0]![0]).toBeCloseTo(2 * 38.2946, 6);
    const wide = templateInCrop(112, arcfaceRegion(0.25));
    // With a 25% margin the face shrinks to 112/168 and stays centred.
    expect(wide[2]![0]).toBeCloseTo((56.0252 + 28) * (112 / 168), 6);
    expect(Math.abs((wide[0]![0] + wide[1]![0]) / 2 - 56)).toBeLessThan(1);
  });

  it("face-api's dlib chip: eye-to-mouth is 45% of the side, eyes-and-mouth centroid at (50%, 43%)", () => {
    const points = templateInCrop(150, dlibRegion());
    const [le, re, , lm, rm] = points as [Point2, Point2, Point2, Point2, Point2];
    const mouth = [(lm[0] + rm[0]) / 2, (lm[1] + rm[1]) / 2] as const;
    const eyeToMouth = (Math.hypot(mouth[0] - le[0], mouth[1] - le[1]) + Math.hypot(mouth[0] - re[0], mouth[1] - re[1])) / 2;
    expect(eyeToMouth / 150).toBeCloseTo(0.45, 6);
    expect((le[0] + re[0] + mouth[0]) / 3 / 150).toBeCloseTo(0.5, 6);
    expect((le[1] + re[1] + mouth[1]) / 3 / 150).toBeCloseTo(0.43, 6);
  });
});

describe('warpToRgb and alignFace', () => {
  // A 4×4 RGBA image whose red channel is 10·x + y and green 100 at (3, 0) only.
  const width = 4;
  const height = 4;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = 10 * x + y;
      data[i + 1] = x === 3 && y === 0 ? 100 : 0;
      data[i + 3] = 255;
    }
  }
  const image = { data, width, height };

  it('copies pixels under the identity and drops alpha', () => {
    const out = warpToRgb(image, { a: 1, b: 0, tx: 0, ty: 0 }, 4, 4);
    expect(out.length).toBe(48);
    expect(out[(2 * 4 + 3) * 3]).toBe(32);
    expect(out[3 * 3 + 1]).toBe(100);
  });

  it('interpolates between pixels', () => {
    const out = warpToRgb(image, { a: 1, b: 0, tx: 0.5, ty: 0 }, 1, 1);
    expect(out[0]).toBe(5); // halfway between 0 and 10
  });

  it('rotates: a 90° turn moves the corner where the transform says', () => {
    // output (x, y) samples source (−y + 3, x): output (0, 0) ← source (3, 0).
    const out = warpToRgb(image, { a: 0, b: 1, tx: 3, ty: 0 }, 4, 4);
    expect(out[1]).toBe(100);
  });

  it('clamps outside the source to the edge instead of reading garbage', () => {
    const out = warpToRgb(image, { a: 1, b: 0, tx: -10, ty: -10 }, 1, 1);
    expect(out[0]).toBe(0);
    const far = warpToRgb(image, { a: 1, b: 0, tx: 50, ty: 50 }, 1, 1);
    expect(far[0]).toBe(33);
  });

  it('puts the five landmarks of a tilted face on the template points', () => {
    // A 200×200 picture that is a pure function of position, and landmarks placed by a known transform.
    const size = 200;
    const big = new Uint8ClampedArray(size * size * 4);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      big[i] = x;
      big[i + 1] = y;
      big[i + 3] = 255;
    }
    const truth = transform(1.3, 15, 40, 30); // template → picture
    const landmarks = ARCFACE_TEMPLATE_112.map((p) => applySimilarity(truth, p));
    const crop = alignFace({ data: big, width: size, height: size }, landmarks, 112);
    for (const [tx, ty] of ARCFACE_TEMPLATE_112) {
      const i = (Math.round(ty) * 112 + Math.round(tx)) * 3;
      const [ex, ey] = applySimilarity(truth, [Math.round(tx), Math.round(ty)]);
      expect(crop[i]).toBeCloseTo(ex, -0.5);
      expect(crop[i + 1]).toBeCloseTo(ey, -0.5);
    }
  });
});
