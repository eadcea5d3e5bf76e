/**
 * Blinks in a sequence of face frames, from the eye aspect ratio (landmarks.ts `eyeAspectRatio`).
 * Causal: whether a blink is certain at a frame (`certainAt`) depends only on that frame and earlier ones.
 *
 * A blink is: an open frame, then one or more frames where both eyes are closed well below their own
 * recent open level, then an open frame again, all within `maxSpanMs`, with the closed run no longer
 * than `maxClosedMs`, and with the head and the face shape still meanwhile. Each eye is compared with
 * its own baseline (the 75th percentile of its recent values) because people, glasses and camera
 * angles differ, and one eye often reads lower than the other.
 *
 * The baseline needs `minBaselineFrames` frames. Right after the face appears there are fewer before
 * a frame, and the nearest frames after it make up the count (the open eyes after a blink tell their
 * open level as well as those before it): a blink 0.25 s after a person came close — the third frame
 * — counts, where it used to be lost for want of history and the next live sign came 1.5–2.5 s later.
 * Such a blink is only certain once those later frames are there (`certainAt`), and it still needs an
 * open frame before the closed ones, so the first frame of a face can never be the closed one.
 *
 * What the kiosk's frame rate allows: at 5–10 frames per second a blink (100–400 ms) is one or two
 * frames, or none at all, and the frame rarely catches the lids fully shut: on our recordings the
 * lowest sampled frame of each blink read 37–69% of the open level (hence `closedRatio` 0.7), while
 * open eyes varied between 83% and 115%; in one recording 1 of 4 blinks fell between frames. The lower
 * bound of ~100 ms cannot be checked at these rates; requiring both eyes and a still head is what
 * keeps a one-frame landmark glitch from counting.
 * Guards against look-alikes: looking down lowers the lids (pitch change → rejected); a photo tipped
 * back squeezes the eyes vertically together with the whole face (face shape change → rejected).
 */
import type { FaceFrame } from './landmarks';
import { SHAPE_POINTS } from './landmarks';

export interface BlinkOptions {
  /** Both eyes' mean ratio to baseline at or below this is closed... */
  closedRatio: number;
  /** ...and each eye at or below this. */
  eachEyeRatio: number;
  /** At or above this is open again. */
  openRatio: number;
  maxClosedMs: number;
  /** From the last open frame before to the first open frame after. */
  maxSpanMs: number;
  /** Baseline: frames of the last `baselineMs`, at least `minBaselineFrames`. */
  baselineMs: number;
  minBaselineFrames: number;
  /** Largest yaw/pitch change (degrees) and face-shape change (fraction) allowed during a blink. */
  maxPoseDeg: number;
  maxShapeChange: number;
}

export const BLINK_DEFAULTS: BlinkOptions = {
  closedRatio: 0.7,
  eachEyeRatio: 0.8,
  openRatio: 0.85,
  maxClosedMs: 400,
  maxSpanMs: 1000,
  baselineMs: 2000,
  minBaselineFrames: 3,
  maxPoseDeg: 4,
  maxShapeChange: 0.08,
};

export interface Blink {
  /** First closed frame, last closed frame, first open frame after. */
  start: number;
  end: number;
  reopenedAt: number;
  /**
   * When the blink became certain: the reopening frame, or the later frame that completed the open
   * level of one of its frames (right after the face appeared).
   */
  certainAt: number;
  /** Lowest mean openness relative to baseline (0 = shut). */
  depth: number;
}

export function detectBlinks(frames: readonly FaceFrame[], options: Partial<BlinkOptions> = {}): Blink[] {
  const o = { ...BLINK_DEFAULTS, ...options };
  const ratios = frames.map((_, i) => opennessRatio(frames, i, o));
  const blinks: Blink[] = [];
  let i = 0;
  while (i < frames.length) {
    const r = ratios[i];
    if (!r || !isClosed(r, o)) {
      i++;
      continue;
    }
    // A closed run starting at i: find the open frames around it.
    const before = lastOpenBefore(ratios, i, o);
    let j = i;
    while (j + 1 < frames.length && ratios[j + 1] && isClosed(ratios[j + 1]!, o)) j++;
    let k = j + 1;
    while (k < frames.length && !(ratios[k] && ratios[k]!.mean >= o.openRatio)) k++;
    if (before !== null && k < frames.length) {
      const a = frames[before]!;
      const b = frames[k]!;
      const run = frames.slice(before, k + 1);
      const closedMs = frames[j]!.t - frames[i]!.t;
      if (closedMs <= o.maxClosedMs && b.t - a.t <= o.maxSpanMs && isStill(a, run, o)) {
        const depth = Math.min(...ratios.slice(i, j + 1).map((x) => x!.mean));
        const certainAt = Math.max(b.t, ...ratios.slice(before, k + 1).map((x) => x!.knownAt));
        blinks.push({ start: frames[i]!.t, end: frames[j]!.t, reopenedAt: b.t, certainAt, depth });
      }
    }
    i = Math.max(j + 1, i + 1);
  }
  return blinks;
}

interface Openness {
  mean: number;
  left: number;
  right: number;
  /** Time of the latest frame its baseline used (later than the frame itself right after the face appeared). */
  knownAt: number;
}

function isClosed(r: Openness, o: BlinkOptions): boolean {
  return r.mean <= o.closedRatio && r.left <= o.eachEyeRatio && r.right <= o.eachEyeRatio;
}

function lastOpenBefore(ratios: ReadonlyArray<Openness | null>, i: number, o: BlinkOptions): number | null {
  for (let k = i - 1; k >= 0; k--) {
    const r = ratios[k];
    if (r && r.mean >= o.openRatio) return k;
    if (r && isClosed(r, o)) return null;
  }
  return null;
}

/**
 * Each eye's openness relative to its own open level: the frames of the last `baselineMs`, made up to
 * `minBaselineFrames` with the nearest later ones when the face has only just appeared (null when even
 * those are missing).
 */
function opennessRatio(frames: readonly FaceFrame[], i: number, o: BlinkOptions): Openness | null {
  const f = frames[i]!;
  const history: FaceFrame[] = [];
  for (let k = i - 1; k >= 0 && f.t - frames[k]!.t <= o.baselineMs; k--) history.push(frames[k]!);
  let knownAt = f.t;
  for (let k = i + 1; history.length < o.minBaselineFrames && k < frames.length && frames[k]!.t - f.t <= o.baselineMs; k++) {
    history.push(frames[k]!);
    knownAt = frames[k]!.t;
  }
  if (history.length < o.minBaselineFrames) return null;
  const left = percentile(history.map((h) => h.eyeOpenness.left), 0.75);
  const right = percentile(history.map((h) => h.eyeOpenness.right), 0.75);
  if (!(left > 0) || !(right > 0)) return null;
  const l = f.eyeOpenness.left / left;
  const r = f.eyeOpenness.right / right;
  return { mean: (l + r) / 2, left: l, right: r, knownAt };
}

function isStill(reference: FaceFrame, run: readonly FaceFrame[], o: BlinkOptions): boolean {
  const aspect0 = faceAspect(reference);
  return run.every(
    (f) =>
      Math.abs(f.yaw - reference.yaw) <= o.maxPoseDeg &&
      Math.abs(f.pitch - reference.pitch) <= o.maxPoseDeg &&
      Math.abs(faceAspect(f) / aspect0 - 1) <= o.maxShapeChange,
  );
}

const FOREHEAD = SHAPE_POINTS.indexOf(10);
const CHIN = SHAPE_POINTS.indexOf(152);
const RIGHT = SHAPE_POINTS.indexOf(234);
const LEFT = SHAPE_POINTS.indexOf(454);

/** Face height / width from the outline (changes when a picture is tipped or turned, not when eyes close). */
function faceAspect(f: FaceFrame): number {
  const s = f.shape;
  const h = Math.hypot(s[CHIN]![0] - s[FOREHEAD]![0], s[CHIN]![1] - s[FOREHEAD]![1]);
  const w = Math.hypot(s[LEFT]![0] - s[RIGHT]![0], s[LEFT]![1] - s[RIGHT]![1]);
  return w > 0 ? h / w : 1;
}

function percentile(values: number[], q: number): number {
  const v = [...values].sort((a, b) => a - b);
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}
