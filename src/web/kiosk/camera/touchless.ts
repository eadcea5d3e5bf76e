/**
 * Choosing without touching, as one pure reducer over the camera's frames: the hand cursor
 * (gestures/hand-cursor.ts) feeds the dwell selection (dwell-selection.ts) over the screen's choices,
 * and head turns and nods (head-gestures.ts) run alongside; whichever fires first wins. The events
 * are the kiosk machine's (`highlight`, `confirm`, `move`, through gestures/kiosk-input.ts), so a
 * pointed-at tile behaves exactly like a number key followed by Enter.
 *
 * `tiles` are the screen's choices in index order, normalised to the viewport (0..1), the same
 * units as the cursor. The page draws the cursor and the filling ring from the returned view.
 */
import { initialDwellState, stepDwell, type DwellOptions, type DwellState } from '../gestures/dwell-selection';
import { initialHandCursorState, stepHandCursor, type HandCursorOptions, type HandCursorState } from '../gestures/hand-cursor';
import { initialHeadGestureState, stepHeadGestures, type HeadGestureOptions, type HeadGestureState } from '../gestures/head-gestures';
import { kioskEventForHead, kioskEventsForDwell, type GestureKioskEvent } from '../gestures/kiosk-input';
import type { FaceFrame, HandFrame, Rect, Vec2 } from '../gestures/landmarks';

export interface TouchlessState {
  cursor: HandCursorState;
  dwell: DwellState;
  head: HeadGestureState;
  /** Right after a screen change: the tile already under the cursor must be left before it can fill. */
  fresh: boolean;
}

export const initialTouchless: TouchlessState = {
  cursor: initialHandCursorState,
  dwell: initialDwellState,
  head: initialHeadGestureState,
  fresh: false,
};

export interface TouchlessInput {
  t: number;
  /**
   * The hand seen in this frame; null: the hand model is off (not a choosing screen); undefined: it
   * skipped this frame (the cursor and the ring stay as they are).
   */
  hand: HandFrame | null | undefined;
  /** The citizen's face in this frame, for head gestures (null when not seen). */
  face: Pick<FaceFrame, 't' | 'yaw' | 'pitch'> | null;
  tiles: readonly Rect[];
}

export interface TouchlessView {
  /** Where to draw the cursor (normalised viewport), null when no hand. */
  cursor: Vec2 | null;
  /** The choice under the cursor and how full its ring is (0..1). */
  target: number | null;
  progress: number;
}

export interface TouchlessOptions {
  cursor: Partial<HandCursorOptions>;
  dwell: Partial<DwellOptions>;
  head: Partial<HeadGestureOptions>;
}

export function stepTouchless(
  state: TouchlessState,
  input: TouchlessInput,
  options: Partial<TouchlessOptions> = {},
): { state: TouchlessState; events: GestureKioskEvent[]; view: TouchlessView } {
  const events: GestureKioskEvent[] = [];
  let { cursor, dwell, head, fresh } = state;
  let point: Vec2 | null = null;
  if (input.hand) {
    const step = stepHandCursor(cursor, input.hand, options.cursor);
    cursor = step.state;
    point = step.cursor;
    if (fresh && point) {
      // A hand still pointing where the previous screen's choice was does not choose on this one.
      const p = point;
      const under = input.tiles.findIndex((r) => p[0] >= r.x && p[0] <= r.x + r.width && p[1] >= r.y && p[1] <= r.y + r.height);
      if (under >= 0) dwell = { ...initialDwellState, target: under, fired: under, lastT: input.t };
      fresh = false;
    }
    const d = stepDwell(dwell, { t: input.t, point }, input.tiles, options.dwell);
    dwell = d.state;
    events.push(...kioskEventsForDwell(d.events));
  } else if (input.hand === null && (cursor.phase !== 'absent' || dwell.target !== null)) {
    cursor = initialHandCursorState;
    dwell = stepDwell(dwell, { t: input.t, point: null }, input.tiles, options.dwell).state;
  }
  if (input.hand === undefined) point = cursor.phase === 'present' ? cursor.cursor : null;
  else if (!point) fresh = false;
  if (input.face) {
    const h = stepHeadGestures(head, input.face, options.head);
    head = h.state;
    if (h.event) events.push(kioskEventForHead(h.event));
  }
  return {
    state: { cursor, dwell, head, fresh },
    events,
    view: { cursor: point, target: dwell.target, progress: dwell.progress },
  };
}

/**
 * The screen changed (other choices): a fill in progress must not complete on the new screen, and a
 * head already turned must come back to neutral before it counts again.
 */
export function resetTouchless(state: TouchlessState): TouchlessState {
  return { cursor: state.cursor, dwell: initialDwellState, head: { ...initialHeadGestureState }, fresh: state.cursor.phase === 'present' };
}

/**
 * Which models run on the next frame, besides the face (every frame: presence and liveness need a
 * dense sampling — a blink lasts 100–400 ms). On a 2-core PC face + hands + the recognition model
 * together take ~300 ms, so the extras take turns: the hand models every other frame while nobody
 * points (every frame once a hand is pointing, for a smooth cursor), the recognition model on the
 * other frames until the template is made.
 *
 * The hand models (~150 ms a frame; in a browser without workers they run on the page's thread and a
 * key or a touch waits for them) are left out while nobody points and `handsRest` is set: the citizen
 * has just pressed a key or touched the screen, or the screen has only just appeared (nobody points at
 * a choice within a fraction of a second). The recognition model then has those frames to itself.
 */
export function planFrame(p: { choosing: boolean; describe: boolean; pointing: boolean; tick: number; handsRest?: boolean }): { hands: boolean; describe: boolean } {
  if (!p.choosing) return { hands: false, describe: p.describe };
  if (p.pointing) return { hands: true, describe: p.describe && p.tick % 3 === 0 };
  if (p.handsRest) return { hands: false, describe: p.describe };
  const handsTurn = p.tick % 2 === 0;
  return { hands: handsTurn, describe: p.describe && !handsTurn };
}
