/**
 * Choosing without touching, as one pure reducer over the camera's frames: the hand cursor
 * (gestures/hand-cursor.ts) feeds the dwell selection (dwell-selection.ts) over the screen's choices,
 * and head turns and nods (head-gestures.ts) run alongside; whichever fires first wins. The events
 * are the kiosk machine's (`highlight`, `confirm`, `move`, through gestures/kiosk-input.ts), so a
 * pointed-at tile behaves exactly like a number key followed by Enter.
 *
 * `tiles` are the screen's choices in index order, normalised to the viewport (0..1), the same
 * units as the cursor. The page draws the cursor and the filling ring from the returned view.
 *
 * Screens that need a deliberate choice (kiosk-machine.ts `needsDeliberateChoice`: "remember me?")
 * take a dwell only from a hand that has moved since the screen appeared: away from where it was
 * then (or, if it was not seen then, where it was first seen), measured against the person's face. A
 * hand left resting — the one that chose on the previous screen, an arm on the kiosk's edge, a raised
 * hand the detector had not found yet — never chooses there, however long it rests: not when the
 * detector loses it for a moment, and not when the whole person sways or steps with the hand still
 * raised (the face moves with it; the cursor, mapped in a region frozen in the camera image, would not
 * tell the two apart). Reaching for an answer is such a move.
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
  /** Where the hand was last seen (`handPlace`), for a screen change. */
  lastPlace: HandPlace | null;
  /**
   * On a screen that needs a deliberate choice, until the hand has moved: where it was when the screen
   * appeared or was first seen on it (`unseen` until then). Null otherwise: the dwell counts.
   */
  restingAt: HandPlace | 'unseen' | null;
}

/**
 * Where a hand is: its fingertip against the face (in face widths and heights from the face's
 * centre) when the face is in the frame, else the cursor on the screen.
 */
export type HandPlace = { relative: Vec2 } | { cursor: Vec2 };

export const initialTouchless: TouchlessState = {
  cursor: initialHandCursorState,
  dwell: initialDwellState,
  head: initialHeadGestureState,
  fresh: false,
  lastPlace: null,
  restingAt: null,
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
  /**
   * How far a resting hand must move before it may choose on a screen that needs a deliberate choice:
   * `faces` of a face's size against the face (pointing from one answer to the other of "remember
   * me?" is ≈ 0.9), else `screen` of the screen without a face in view; both well beyond a hand's
   * tremor and the detector's noise (≈ 0.02 face widths, 1–3% of the screen).
   */
  moveAway: { faces: number; screen: number };
}

export const MOVE_AWAY = { faces: 0.5, screen: 0.15 };

/** Where the hand of this frame is (null without a hand). */
export function handPlace(hand: HandFrame, cursor: Vec2 | null): HandPlace | null {
  const f = hand.faceBox;
  if (hand.indexTip && f && f.width > 0 && f.height > 0) {
    return { relative: [(hand.indexTip[0] - (f.x + f.width / 2)) / f.width, (hand.indexTip[1] - (f.y + f.height / 2)) / f.height] };
  }
  return cursor ? { cursor } : null;
}

/** Whether the hand is now away from where it rested (measured the same way, else not yet known: no). */
function movedAway(from: HandPlace, now: HandPlace | null, o: { faces: number; screen: number }): boolean {
  if (!now) return false;
  if ('relative' in from && 'relative' in now) return Math.hypot(now.relative[0] - from.relative[0], now.relative[1] - from.relative[1]) >= o.faces;
  if ('cursor' in from && 'cursor' in now) return Math.hypot(now.cursor[0] - from.cursor[0], now.cursor[1] - from.cursor[1]) >= o.screen;
  return false;
}

export function stepTouchless(
  state: TouchlessState,
  input: TouchlessInput,
  options: Partial<TouchlessOptions> = {},
): { state: TouchlessState; events: GestureKioskEvent[]; view: TouchlessView } {
  const events: GestureKioskEvent[] = [];
  let { cursor, dwell, head, fresh, lastPlace, restingAt } = state;
  let point: Vec2 | null = null;
  if (input.hand) {
    const step = stepHandCursor(cursor, input.hand, options.cursor);
    cursor = step.state;
    point = step.cursor;
    const place = point ? handPlace(input.hand, point) : null;
    if (place) lastPlace = place;
    if (restingAt === 'unseen' && place) restingAt = place;
    if (restingAt && restingAt !== 'unseen' && movedAway(restingAt, place, options.moveAway ?? MOVE_AWAY)) {
      // Moved away on purpose: from here on it points like any hand, at whatever it reaches.
      restingAt = null;
      fresh = false;
    }
    if (restingAt) {
      // Still where it rested when the screen appeared: shown, but it neither marks nor fills anything.
      return { state: { cursor, dwell, head: stepHead(), fresh, lastPlace, restingAt }, events, view: { cursor: point, target: null, progress: 0 } };
    }
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
  head = stepHead();
  return {
    state: { cursor, dwell, head, fresh, lastPlace, restingAt },
    events,
    view: { cursor: point, target: dwell.target, progress: dwell.progress },
  };

  function stepHead(): HeadGestureState {
    if (!input.face) return head;
    const h = stepHeadGestures(head, input.face, options.head);
    if (h.event) events.push(kioskEventForHead(h.event));
    return h.state;
  }
}

/**
 * The screen changed (other choices): a fill in progress must not complete on the new screen, and a
 * head already turned must come back to neutral before it counts again. `deliberate`: the new screen
 * takes a dwell only from a hand that moves away from where it rests now (or is raised later).
 */
export function resetTouchless(state: TouchlessState, options: { deliberate?: boolean } = {}): TouchlessState {
  const present = state.cursor.phase === 'present';
  return {
    cursor: state.cursor,
    dwell: initialDwellState,
    head: { ...initialHeadGestureState },
    fresh: present,
    lastPlace: state.lastPlace,
    restingAt: options.deliberate ? (present && state.lastPlace ? state.lastPlace : 'unseen') : null,
  };
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
