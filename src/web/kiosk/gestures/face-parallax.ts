/**
 * The flat-picture test: does the nose move against the face outline the way a 3-D head makes it?
 *
 * Every view of a flat picture (a print or a screen, moved, rolled, tilted, under perspective) is
 * one homography (a 3×3 projective map) of every other view. So: fit the homography that carries
 * the outline points (silhouette, eye and mouth corners) of a reference frame onto the current frame,
 * apply it to the reference nose tip, and measure how far the real nose tip is from that prediction.
 * For an ideal landmark tracker the miss on a flat picture is zero; on a real head turned by θ the
 * nose, which stands a few centimetres in front of the outline, misses by roughly depth × sin θ.
 * The miss is divided by the outer-eye-corner distance so it does not depend on the distance to the camera.
 *
 * What our recordings show (README in test/fixtures/gestures): the landmark model is not a pure 2-D
 * tracker, so a tilted picture still moves the nose a little (it "reads" the foreshortening as a
 * slight turn): up to 0.08–0.09 of the eye distance for prints and screens turned 22–25° and 0.11
 * for a print turned 40°, against 0.12–0.15 for heads turned 14–22° and 0.28 at 35°. Hence two
 * measures (and, in liveness-check.ts, Human's yaw as a third): the nose `miss`, and the
 * `squeeze` of the face (how much the fitted map narrows the outline in one direction, as turning or
 * tilting does). A big squeeze with a small miss is a flat picture being turned; a big miss is a head.
 *
 * Limits, stated plainly: it needs the head to actually turn (a still face and a still picture look
 * the same); a picture bent around a cylinder, a cut-out mask with a real nose, or a 3-D mask are not
 * flat and are not caught; a video replayed on a screen shows whatever parallax the filmed head
 * had (it is only caught when the screen itself is turned rather than the head in the video).
 */
import { SHAPE_EYE_OUTER, SHAPE_FIT_COUNT, SHAPE_NOSE_TIP, type Vec2 } from './landmarks';

/** Row-major 3×3 matrix, h[8] = 1. */
export type Homography = readonly number[];

export interface NoseParallax {
  /** Nose-tip miss / outer-eye distance, signed horizontally (x, image direction) and its length. */
  dx: number;
  dy: number;
  miss: number;
  /** RMS miss of the outline points themselves (how well one plane explains the outline). */
  fitRms: number;
  /** 1 − (smaller / larger) stretch of the fitted map at the face centre: 0 = same shape, 0.06 ≈ a 20° turn. */
  squeeze: number;
}

/** Parallax of the nose between two shapes (FaceFrame.shape, SHAPE_POINTS order); null if degenerate. */
export function measureNoseParallax(reference: readonly Vec2[], current: readonly Vec2[]): NoseParallax | null {
  const from = reference.slice(0, SHAPE_FIT_COUNT);
  const to = current.slice(0, SHAPE_FIT_COUNT);
  const h = fitHomography(from, to);
  if (!h) return null;
  const [a, b] = SHAPE_EYE_OUTER;
  const eyes = Math.hypot(current[a]![0] - current[b]![0], current[a]![1] - current[b]![1]);
  if (!(eyes > 0)) return null;
  let sq = 0;
  for (let i = 0; i < from.length; i++) {
    const p = applyHomography(h, from[i]!);
    sq += (p[0] - to[i]![0]) ** 2 + (p[1] - to[i]![1]) ** 2;
  }
  const predicted = applyHomography(h, reference[SHAPE_NOSE_TIP]!);
  const nose = current[SHAPE_NOSE_TIP]!;
  const dx = (nose[0] - predicted[0]) / eyes;
  const dy = (nose[1] - predicted[1]) / eyes;
  return { dx, dy, miss: Math.hypot(dx, dy), fitRms: Math.sqrt(sq / from.length) / eyes, squeeze: squeezeAt(h, centroid(from)) };
}

/** 1 − σmin/σmax of the homography's Jacobian at p (its local anisotropic stretch). */
function squeezeAt(h: Homography, p: Vec2): number {
  const e = 1;
  const o = applyHomography(h, p);
  const px = applyHomography(h, [p[0] + e, p[1]]);
  const py = applyHomography(h, [p[0], p[1] + e]);
  const a = px[0] - o[0];
  const b = py[0] - o[0];
  const c = px[1] - o[1];
  const d = py[1] - o[1];
  // Singular values of [[a, b], [c, d]] in closed form.
  const s = Math.hypot(a + d, c - b) / 2;
  const q = Math.hypot(a - d, c + b) / 2;
  const big = s + q;
  return big > 0 ? 1 - Math.abs(s - q) / big : 0;
}

function centroid(points: readonly Vec2[]): Vec2 {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p[0];
    y += p[1];
  }
  return [x / points.length, y / points.length];
}

export function applyHomography(h: Homography, p: Vec2): [number, number] {
  const w = h[6]! * p[0] + h[7]! * p[1] + h[8]!;
  return [(h[0]! * p[0] + h[1]! * p[1] + h[2]!) / w, (h[3]! * p[0] + h[4]! * p[1] + h[5]!) / w];
}

/**
 * Least-squares homography from ≥ 4 point pairs (normalised DLT with h33 = 1, solved by the normal
 * equations). Points are first centred and scaled (Hartley) so the solve is well conditioned.
 */
export function fitHomography(from: readonly Vec2[], to: readonly Vec2[]): Homography | null {
  const n = Math.min(from.length, to.length);
  if (n < 4) return null;
  const nf = normaliser(from.slice(0, n));
  const nt = normaliser(to.slice(0, n));
  if (!nf || !nt) return null;
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const add = (row: number[], rhs: number) => {
    for (let i = 0; i < 8; i++) {
      atb[i]! += row[i]! * rhs;
      for (let j = 0; j < 8; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  for (let k = 0; k < n; k++) {
    const [x, y] = apply3(nf.m, from[k]!);
    const [u, v] = apply3(nt.m, to[k]!);
    add([x, y, 1, 0, 0, 0, -u * x, -u * y], u);
    add([0, 0, 0, x, y, 1, -v * x, -v * y], v);
  }
  const sol = solve(ata, atb);
  if (!sol) return null;
  const hn = [...sol, 1];
  // H = Tto⁻¹ · Hn · Tfrom
  const h = mul3(nt.inv, mul3(hn, nf.m));
  const s = h[8]!;
  if (Math.abs(s) < 1e-12) return null;
  return h.map((v) => v / s);
}

function normaliser(points: readonly Vec2[]): { m: number[]; inv: number[] } | null {
  const n = points.length;
  let cx = 0;
  let cy = 0;
  for (const p of points) {
    cx += p[0];
    cy += p[1];
  }
  cx /= n;
  cy /= n;
  let d = 0;
  for (const p of points) d += Math.hypot(p[0] - cx, p[1] - cy);
  d /= n;
  if (!(d > 0)) return null;
  const s = Math.SQRT2 / d;
  return { m: [s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1], inv: [1 / s, 0, cx, 0, 1 / s, cy, 0, 0, 1] };
}

function apply3(m: readonly number[], p: Vec2): [number, number] {
  return [m[0]! * p[0] + m[1]! * p[1] + m[2]!, m[3]! * p[0] + m[4]! * p[1] + m[5]!];
}

function mul3(a: readonly number[], b: readonly number[]): number[] {
  const r = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) r[i * 3 + j]! += a[i * 3 + k]! * b[k * 3 + j]!;
  return r;
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
