/**
 * Hand frames → an on-screen cursor. Three steps, in a pure reducer `stepHandCursor(state, frame)`:
 * 1. Presence: a hand counts only after `acquireFrames` consecutive frames with score ≥ `minScore`,
 *    and is dropped after `loseFrames` consecutive frames without one (a false "hand" on a face or a
 *    one-frame dropout does not make the cursor appear or vanish).
 * 2. Mapping: the fingertip inside a comfortable "reach region" of the camera image is stretched to
 *    the whole screen, mirrored (the camera looks at the citizen; moving the hand to their right must
 *    move the cursor right). The region is fixed, or anchored to the face when the hand is found, so
 *    an elderly person points from in front of the chest without stretching their arm.
 * 3. Smoothing: a One-Euro filter on each screen axis.
 * The cursor is in normalised screen coordinates (0..1); the page multiplies by its size.
 */
import type { HandFrame, Rect, Vec2 } from './landmarks';
import { ONE_EURO_DEFAULTS, stepOneEuro, type OneEuroOptions, type OneEuroState } from './one-euro-filter';

export interface ReachAnchor {
  /** Region size in face widths (horizontal, and vertical measured in the same pixels). */
  widthFaces: number;
  heightFaces: number;
  /** Region centre relative to the face centre, in face widths (+x to the camera image's right, +y down). */
  offsetX: number;
  offsetY: number;
}

export interface HandCursorOptions {
  minScore: number;
  acquireFrames: number;
  loseFrames: number;
  /** The camera image is not mirrored (Human's coordinates are the raw image): flip x for the screen. */
  mirror: boolean;
  /** Reach region in normalised camera coordinates, used when there is no face to anchor to. */
  region: Rect;
  /** Anchor the region to the face box seen when the hand is found (null: always use `region`). */
  anchor: ReachAnchor | null;
  /** Camera width / height, to turn face widths into normalised heights. */
  aspect: number;
  filter: OneEuroOptions;
}

export const HAND_CURSOR_DEFAULTS: HandCursorOptions = {
  minScore: 0.6,
  acquireFrames: 3,
  loseFrames: 3,
  mirror: true,
  region: { x: 0.2, y: 0.25, width: 0.6, height: 0.6 },
  // About 45 × 35 cm from the chin down to the chest for a face 15 cm wide: a forearm movement with
  // the elbow bent. A first guess from body proportions, not measured with people: tune on site.
  anchor: { widthFaces: 3, heightFaces: 2.3, offsetX: 0, offsetY: 1.2 },
  aspect: 4 / 3,
  filter: ONE_EURO_DEFAULTS,
};

export type HandCursorPhase = 'absent' | 'acquiring' | 'present';

export interface HandCursorState {
  phase: HandCursorPhase;
  /** Consecutive frames with / without a hand. */
  seen: number;
  missed: number;
  region: Rect | null;
  fx: OneEuroState | null;
  fy: OneEuroState | null;
  cursor: Vec2 | null;
}

export const initialHandCursorState: HandCursorState = {
  phase: 'absent',
  seen: 0,
  missed: 0,
  region: null,
  fx: null,
  fy: null,
  cursor: null,
};

export type HandCursorEvent = { type: 'hand-found' } | { type: 'hand-lost' };

export interface HandCursorStep {
  state: HandCursorState;
  /** Normalised screen position, null while no hand is present. */
  cursor: Vec2 | null;
  event: HandCursorEvent | null;
}

export function stepHandCursor(
  state: HandCursorState,
  frame: HandFrame,
  options: Partial<HandCursorOptions> = {},
): HandCursorStep {
  const o = { ...HAND_CURSOR_DEFAULTS, ...options };
  const tip = frame.indexTip && frame.score >= o.minScore ? frame.indexTip : null;

  if (!tip) {
    if (state.phase !== 'present') return { state: { ...initialHandCursorState }, cursor: null, event: null };
    const missed = state.missed + 1;
    if (missed >= o.loseFrames) return { state: { ...initialHandCursorState }, cursor: null, event: { type: 'hand-lost' } };
    // Hold the cursor where it was through a short dropout.
    return { state: { ...state, missed, seen: 0 }, cursor: state.cursor, event: null };
  }

  if (state.phase !== 'present') {
    const seen = state.seen + 1;
    if (seen < o.acquireFrames) return { state: { ...initialHandCursorState, phase: 'acquiring', seen }, cursor: null, event: null };
    const region = reachRegion(frame.faceBox ?? null, o);
    const target = mapToScreen(tip, region, o.mirror);
    const fx = stepOneEuro(null, target[0], frame.t, o.filter);
    const fy = stepOneEuro(null, target[1], frame.t, o.filter);
    const cursor: Vec2 = [fx.x, fy.x];
    return { state: { phase: 'present', seen, missed: 0, region, fx, fy, cursor }, cursor, event: { type: 'hand-found' } };
  }

  const region = state.region ?? o.region;
  const target = mapToScreen(tip, region, o.mirror);
  const fx = stepOneEuro(state.fx, target[0], frame.t, o.filter);
  const fy = stepOneEuro(state.fy, target[1], frame.t, o.filter);
  const cursor: Vec2 = [fx.x, fy.x];
  return { state: { ...state, seen: state.seen + 1, missed: 0, fx, fy, cursor }, cursor, event: null };
}

/** The reach region for a face box (normalised), or the fixed region without one; clipped to the image. */
export function reachRegion(faceBox: Rect | null, options: Pick<HandCursorOptions, 'region' | 'anchor' | 'aspect'>): Rect {
  if (!faceBox || !options.anchor || faceBox.width <= 0) return options.region;
  const a = options.anchor;
  const fw = faceBox.width;
  // A face width in normalised y units (the image is wider than tall).
  const fwY = fw * options.aspect;
  const cx = faceBox.x + fw / 2 + a.offsetX * fw;
  const cy = faceBox.y + faceBox.height / 2 + a.offsetY * fwY;
  const width = Math.min(1, a.widthFaces * fw);
  const height = Math.min(1, a.heightFaces * fwY);
  const x = clamp(cx - width / 2, 0, 1 - width);
  const y = clamp(cy - height / 2, 0, 1 - height);
  return { x, y, width, height };
}

/** A camera point (normalised) → normalised screen point, clamped to the screen. */
export function mapToScreen(p: Vec2, region: Rect, mirror: boolean): Vec2 {
  const u = clamp((p[0] - region.x) / region.width, 0, 1);
  const v = clamp((p[1] - region.y) / region.height, 0, 1);
  return [mirror ? 1 - u : u, v];
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
