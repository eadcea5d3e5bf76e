import { describe, expect, it } from 'vitest';
import { loadFaceFrames } from '../../../../test/fixtures/gestures/load';
import { applyHomography, fitHomography, measureNoseParallax, type Homography } from './face-parallax';
import { SHAPE_POINTS, type Vec2 } from './landmarks';

/** A recorded frontal shape (pixels) to build synthetic views from. */
const frontal = loadFaceFrames('live-turns').frames[0]!.shape;
const centre: Vec2 = [frontal.reduce((s, p) => s + p[0], 0) / frontal.length, frontal.reduce((s, p) => s + p[1], 0) / frontal.length];
const faceWidth = Math.hypot(frontal[SHAPE_POINTS.indexOf(454)]![0] - frontal[SHAPE_POINTS.indexOf(234)]![0], 1);

/** A rough depth per shape point (towards the camera is negative), in face widths. */
function depth(index: number): number {
  if (index === 1) return -0.5; // nose tip
  if (index === 2) return -0.4; // nose bottom
  if ([33, 263].includes(index)) return -0.2; // outer eye corners
  if ([133, 362, 61, 291].includes(index)) return -0.3; // inner eye corners, mouth corners
  if ([10, 152].includes(index)) return -0.25; // forehead, chin
  return 0; // the outline
}

/** The frontal shape as a 3-D head turned by `deg` about a vertical axis 0.75 face widths behind the nose. */
function turned(deg: number): Vec2[] {
  const a = (deg * Math.PI) / 180;
  const pivot = -0.5 * faceWidth + 0.75 * faceWidth;
  return frontal.map(([x, y], i) => {
    const z = depth(SHAPE_POINTS[i]!) * faceWidth;
    return [centre[0] + (x - centre[0]) * Math.cos(a) + (z - pivot) * Math.sin(a), y] as Vec2;
  });
}

/** The frontal shape as a flat picture: tilted about its vertical axis under a pinhole camera, rolled and moved. */
function picture(tiltDeg: number, rollDeg = 0, move: Vec2 = [0, 0], scale = 1): Vec2[] {
  const t = (tiltDeg * Math.PI) / 180;
  const r = (rollDeg * Math.PI) / 180;
  const f = 554;
  return frontal.map(([x, y]) => {
    let X = (x - centre[0]) * scale;
    const Y0 = (y - centre[1]) * scale;
    const Z = f - X * Math.sin(t);
    X = X * Math.cos(t);
    const px = (f * X) / Z;
    const py = (f * Y0) / Z;
    return [centre[0] + move[0] + px * Math.cos(r) - py * Math.sin(r), centre[1] + move[1] + px * Math.sin(r) + py * Math.cos(r)] as Vec2;
  });
}

describe('homography fit', () => {
  it('recovers a projective map from point pairs', () => {
    const h: Homography = [1.1, 0.05, 12, -0.04, 0.93, -7, 0.0004, -0.0002, 1];
    const from: Vec2[] = [[10, 10], [200, 15], [190, 240], [20, 230], [100, 120], [60, 180]];
    const to = from.map((p) => applyHomography(h, p));
    const fit = fitHomography(from, to)!;
    for (const p of [[0, 0], [300, 300], [150, 40]] as Vec2[]) {
      const a = applyHomography(h, p);
      const b = applyHomography(fit, p);
      expect(b[0]).toBeCloseTo(a[0], 6);
      expect(b[1]).toBeCloseTo(a[1], 6);
    }
  });

  it('refuses too few or degenerate points', () => {
    expect(fitHomography([[0, 0], [1, 0], [0, 1]], [[0, 0], [1, 0], [0, 1]])).toBeNull();
    const line: Vec2[] = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]];
    expect(fitHomography(line, line)).toBeNull();
  });
});

describe('nose parallax: a flat picture versus a head', () => {
  it.each([
    ['moved and scaled', picture(0, 0, [40, -25], 1.3)],
    ['rolled 15°', picture(0, 15)],
    ['turned 30° under perspective', picture(30)],
    ['turned −40° and rolled', picture(-40, -10, [10, 5])],
  ])('a flat picture %s: the nose is exactly where the outline predicts', (_name, shape) => {
    expect(measureNoseParallax(frontal, shape)!.miss).toBeLessThan(1e-6);
  });

  it('a turned picture narrows (squeeze) without any nose miss', () => {
    const p = measureNoseParallax(frontal, picture(30))!;
    expect(p.squeeze).toBeGreaterThan(0.1);
    expect(p.miss).toBeLessThan(1e-6);
  });

  it.each([10, 20, 30])('a head turned %i° moves the nose against the outline, growing with the angle', (deg) => {
    const p = measureNoseParallax(frontal, turned(deg))!;
    const q = measureNoseParallax(frontal, turned(deg / 2))!;
    expect(p.miss).toBeGreaterThan(0.05);
    expect(p.miss).toBeGreaterThan(q.miss * 1.6);
    // Turned so the nose goes left in the image: the miss points left.
    expect(p.dx).toBeLessThan(0);
    expect(p.miss).toBeGreaterThan(1.5 * p.squeeze);
  });

  it('does not depend on the distance to the camera', () => {
    const near = measureNoseParallax(frontal, turned(20))!;
    const far = measureNoseParallax(
      frontal.map(([x, y]) => [x / 2, y / 2] as Vec2),
      turned(20).map(([x, y]) => [x / 2, y / 2] as Vec2),
    )!;
    expect(far.miss).toBeCloseTo(near.miss, 6);
  });
});

describe('nose parallax on recorded sequences', () => {
  const series = (name: string) => {
    const { frames } = loadFaceFrames(name);
    return frames.slice(1).map((f) => measureNoseParallax(frames[0]!.shape, f.shape)!);
  };

  it('re-posed heads turned 14–22° move the nose by ≥ 0.11 of the eye distance', () => {
    for (const name of ['live-turns', 'live-turns-b']) {
      expect(Math.max(...series(name).map((p) => p.miss))).toBeGreaterThan(0.11);
    }
  });

  it('prints turned 25–40°: wherever the face narrows noticeably, the nose moves little, or less than the face narrows', () => {
    const narrowed = series('photo-tilted').filter((p) => p.squeeze >= 0.05);
    expect(narrowed.length).toBeGreaterThan(5);
    for (const p of narrowed) expect(p.miss < 0.085 || p.miss < 1.2 * p.squeeze).toBe(true);
  });

  it('re-posed heads never look like that, even turned 35°', () => {
    for (const name of ['live-turns', 'live-turns-b', 'looking-around', 'live-nods']) {
      for (const p of series(name).filter((x) => x.squeeze >= 0.05)) {
        expect(p.miss >= 0.085 && p.miss >= 1.2 * p.squeeze).toBe(true);
      }
    }
  });

  it('a print only moved and rolled hardly changes the face at all', () => {
    const all = series('photo-moved');
    expect(Math.max(...all.map((p) => p.miss))).toBeLessThan(0.06);
    expect(Math.max(...all.map((p) => p.squeeze))).toBeLessThan(0.05);
  });
});
