/**
 * Dwell selection: holding the cursor over a tile fills a ring for `dwellMs`, then selects it once.
 * A pure reducer over cursor samples: `stepDwell(state, sample, tiles) → { state, events }`.
 *
 * - Hysteresis: once a tile is the target it stays the target while the cursor is inside the tile
 *   grown by `hysteresis` × its smaller side, so tremor across a border does not flip targets.
 * - Grace: leaving even that larger area only pauses the fill; the target is dropped (and the fill
 *   reset) after `graceMs` outside it. A dropout of the hand (cursor null) is not a pause: the target
 *   is dropped at once — losing the hand already takes several frames (hand-cursor.ts).
 * - One selection per visit: after `select`, the same tile cannot fire again until the cursor has
 *   left it (past the grace) or the hand was lost.
 * - Time counts as it passes between two samples on the target, up to `maxStepMs` a step, so a
 *   stalled frame cannot complete a fill (it takes at least 3 samples). The cap covers the kiosk's
 *   frame interval under load (hand models on two busy cores: a frame every 0.35–0.5 s, at times
 *   0.7 s, measured in the kiosk e2e test); at 250 ms the 1 s ring took 4 frames there, 1.6–2.8 s of
 *   holding still, longer the busier the machine.
 * Tiles and cursor must use the same units (normalised screen or CSS pixels).
 */
import type { Rect, Vec2 } from './landmarks';

export interface DwellOptions {
  dwellMs: number;
  hysteresis: number;
  graceMs: number;
  maxStepMs: number;
}

export const DWELL_DEFAULTS: DwellOptions = { dwellMs: 1000, hysteresis: 0.15, graceMs: 300, maxStepMs: 500 };

export interface DwellState {
  target: number | null;
  /** Time the cursor has dwelt on the target (ms), and the ring's fill = heldMs / dwellMs (0..1). */
  heldMs: number;
  progress: number;
  lastT: number | null;
  /** When the cursor left the target's grown area, if it has. */
  outsideSince: number | null;
  /** The tile already selected during this visit. */
  fired: number | null;
}

export const initialDwellState: DwellState = { target: null, heldMs: 0, progress: 0, lastT: null, outsideSince: null, fired: null };

export type DwellEvent = { type: 'target'; index: number | null } | { type: 'select'; index: number };

export interface DwellSample {
  t: number;
  /** Cursor, or null when no hand. */
  point: Vec2 | null;
}

export function stepDwell(
  state: DwellState,
  sample: DwellSample,
  tiles: readonly Rect[],
  options: Partial<DwellOptions> = {},
): { state: DwellState; events: DwellEvent[] } {
  const o = { ...DWELL_DEFAULTS, ...options };
  const events: DwellEvent[] = [];
  const retarget = (index: number | null): DwellState => {
    if (index !== state.target) events.push({ type: 'target', index });
    return { target: index, heldMs: 0, progress: 0, lastT: sample.t, outsideSince: null, fired: null };
  };

  if (!sample.point) return { state: retarget(null), events };
  const p = sample.point;
  const under = tiles.findIndex((r) => contains(r, p, 0));
  const hit = under >= 0 ? under : null;

  if (state.target === null || state.target >= tiles.length) return { state: retarget(hit), events };

  const dt = state.lastT === null ? 0 : Math.min(Math.max(0, sample.t - state.lastT), o.maxStepMs);
  const tile = tiles[state.target]!;
  if (contains(tile, p, o.hysteresis * Math.min(tile.width, tile.height))) {
    if (state.fired === state.target) return { state: { ...state, lastT: sample.t, outsideSince: null }, events };
    const heldMs = state.heldMs + dt;
    const next: DwellState = { ...state, heldMs, progress: Math.min(1, heldMs / o.dwellMs), lastT: sample.t, outsideSince: null };
    if (heldMs >= o.dwellMs) {
      events.push({ type: 'select', index: state.target });
      next.fired = state.target;
    }
    return { state: next, events };
  }

  // Outside the grown target: pause, and give up after the grace period.
  const outsideSince = state.outsideSince ?? sample.t;
  if (sample.t - outsideSince < o.graceMs) return { state: { ...state, lastT: sample.t, outsideSince }, events };
  return { state: retarget(hit), events };
}

function contains(r: Rect, p: Vec2, margin: number): boolean {
  return p[0] >= r.x - margin && p[0] <= r.x + r.width + margin && p[1] >= r.y - margin && p[1] <= r.y + r.height + margin;
}
