/**
 * Head control: a short turn to one side and back moves the highlight one tile; a nod (head down and
 * back up, quickly) confirms. A pure reducer over face frames: `stepHeadGestures(state, frame)`.
 *
 * Angles are Human's yaw and pitch in degrees relative to a **neutral pose** the reducer learns
 * (a slow average of the pose while the head is still), so a kiosk camera above or below eye level
 * and a person slowly settling do not count as gestures.
 *
 * Human's angles read low: on our recordings a 22° head turn reads ~9° of yaw, a 14° turn ~7°, a
 * 35° turn ~15°, a 22° look down ~13° of pitch; on the dev photos heads visibly turned 25–45° read
 * 13–27°. The defaults are in Human's degrees.
 *
 * What is not a command (looking around the hall, reading papers, drifting):
 * - a turn that rises slowly (`maxRiseMs` from leaving neutral to passing `turnDeg`);
 * - a turn beyond `maxTurnDeg`, or held longer than `maxHoldMs` (looking away);
 * - a turn with a large pitch change, or a nod with a large yaw change (looking down-left, etc.);
 * - a look down deeper than `maxNodDeg` or longer than `maxNodMs`;
 * - anything before the head has been back in neutral for `settleMs` (after a command or a look away).
 * A look away that lasts keeps the reducer waiting; if the head then stays still for `rebaseMs` in a
 * new place, that becomes the neutral pose (the person moved).
 */
import type { FaceFrame } from './landmarks';

export interface HeadGestureOptions {
  /** Yaw beyond this (from neutral) starts a turn. */
  turnDeg: number;
  /** Within this of neutral counts as back to neutral (yaw and pitch). */
  neutralDeg: number;
  maxTurnDeg: number;
  /** The turn must stay beyond turnDeg this long. */
  holdMs: number;
  /** ... and come back before this (from passing turnDeg). */
  maxHoldMs: number;
  /** From leaving neutral to passing turnDeg. */
  maxRiseMs: number;
  /** Pitch change allowed during a turn / yaw change allowed during a nod. */
  maxCrossDeg: number;
  /** Pitch down beyond this is a nod candidate. */
  nodDeg: number;
  maxNodDeg: number;
  /** From leaving neutral to being back, for a nod. */
  maxNodMs: number;
  settleMs: number;
  /** Time constant of the neutral pose average. */
  neutralTauMs: number;
  rebaseMs: number;
  /** A gap without frames longer than this resets the reducer. */
  maxGapMs: number;
  /** +1 when turning to the person's right (Human yaw > 0) moves the highlight forward. */
  rightIsForward: boolean;
}

export const HEAD_GESTURE_DEFAULTS: HeadGestureOptions = {
  turnDeg: 5,
  neutralDeg: 2.5,
  maxTurnDeg: 13,
  holdMs: 150,
  maxHoldMs: 1500,
  maxRiseMs: 700,
  maxCrossDeg: 4,
  nodDeg: 3,
  maxNodDeg: 10,
  maxNodMs: 1200,
  settleMs: 400,
  neutralTauMs: 2000,
  rebaseMs: 1500,
  maxGapMs: 700,
  rightIsForward: true,
};

export type HeadPhase =
  /** Waiting for the head to rest in neutral. */
  | 'settling'
  | 'neutral'
  /** Left neutral, not yet a turn or a nod. */
  | 'leaving'
  | 'turn'
  | 'nod'
  /** Looking elsewhere: nothing counts until back in neutral. */
  | 'away';

export interface HeadGestureState {
  phase: HeadPhase;
  neutral: { yaw: number; pitch: number } | null;
  lastT: number | null;
  /** When the current phase began (for settling: since when the head has rested). */
  since: number;
  /** When the head left neutral. */
  leftAt: number;
  /** Turn: when it passed turnDeg, its side (+1 = person's right), the largest |pitch| change seen. */
  turnAt: number;
  side: number;
  cross: number;
  /** Nod: deepest pitch reached. */
  depth: number;
  /** For re-basing while away: the pose the head rests at and since when. */
  rest: { yaw: number; pitch: number; since: number } | null;
}

export const initialHeadGestureState: HeadGestureState = {
  phase: 'settling',
  neutral: null,
  lastT: null,
  since: 0,
  leftAt: 0,
  turnAt: 0,
  side: 0,
  cross: 0,
  depth: 0,
  rest: null,
};

export type HeadGestureEvent = { type: 'move'; delta: 1 | -1 } | { type: 'nod' };

export function stepHeadGestures(
  state: HeadGestureState,
  frame: Pick<FaceFrame, 't' | 'yaw' | 'pitch'>,
  options: Partial<HeadGestureOptions> = {},
): { state: HeadGestureState; event: HeadGestureEvent | null } {
  const o = { ...HEAD_GESTURE_DEFAULTS, ...options };
  const t = frame.t;
  if (state.neutral === null || state.lastT === null || t - state.lastT > o.maxGapMs) {
    const neutral = { yaw: frame.yaw, pitch: frame.pitch };
    return { state: { ...initialHeadGestureState, neutral, lastT: t, since: t }, event: null };
  }
  const dy = frame.yaw - state.neutral.yaw;
  const dp = frame.pitch - state.neutral.pitch;
  const inNeutral = Math.abs(dy) <= o.neutralDeg && Math.abs(dp) <= o.neutralDeg;
  const base = { ...state, lastT: t };
  const away = (): HeadGestureState => ({ ...base, phase: 'away', since: t, rest: { yaw: frame.yaw, pitch: frame.pitch, since: t } });
  const settle = (): HeadGestureState => ({ ...base, phase: 'settling', since: t });
  const toward = (k: number) => {
    // Follow the resting pose slowly (exponential average with time constant neutralTauMs).
    const a = 1 - Math.exp(-(t - state.lastT!) / o.neutralTauMs);
    return { yaw: state.neutral!.yaw + a * k * dy, pitch: state.neutral!.pitch + a * k * dp };
  };

  switch (state.phase) {
    case 'settling':
      if (!inNeutral) return { state: { ...base, since: t, neutral: toward(1) }, event: null };
      return {
        state: { ...base, neutral: toward(1), phase: t - state.since >= o.settleMs ? 'neutral' : 'settling' },
        event: null,
      };

    case 'neutral':
      if (inNeutral) return { state: { ...base, neutral: toward(1) }, event: null };
      // Judge this frame as the first one out of neutral (at 5–10 fps every frame counts).
      return stepHeadGestures({ ...state, phase: 'leaving', leftAt: state.lastT, cross: 0, depth: 0 }, frame, o);

    case 'leaving': {
      if (inNeutral) return { state: { ...base, phase: 'neutral' }, event: null };
      const elapsed = t - state.leftAt;
      if (Math.abs(dy) > o.maxTurnDeg || dp > o.maxNodDeg || dp < -o.maxNodDeg) return { state: away(), event: null };
      if (Math.abs(dy) >= o.turnDeg && Math.abs(dp) <= o.maxCrossDeg) {
        if (elapsed > o.maxRiseMs) return { state: away(), event: null };
        return { state: { ...base, phase: 'turn', turnAt: t, side: Math.sign(dy), cross: Math.abs(dp) }, event: null };
      }
      if (dp >= o.nodDeg && Math.abs(dy) <= o.maxCrossDeg) {
        return { state: { ...base, phase: 'nod', depth: dp }, event: null };
      }
      if (elapsed > Math.max(o.maxRiseMs, o.maxNodMs)) return { state: away(), event: null };
      return { state: base, event: null };
    }

    case 'turn': {
      const cross = Math.max(state.cross, Math.abs(dp));
      if (Math.abs(dy) <= o.neutralDeg && cross <= o.maxCrossDeg) {
        const held = state.lastT! - state.turnAt;
        if (held >= o.holdMs) {
          const delta = (state.side > 0) === o.rightIsForward ? 1 : -1;
          return { state: settle(), event: { type: 'move', delta } };
        }
        return { state: settle(), event: null };
      }
      // Too far, nodding meanwhile, or swung straight to the other side: not a command.
      if (Math.abs(dy) > o.maxTurnDeg || cross > o.maxCrossDeg || Math.sign(dy) === -state.side) return { state: away(), event: null };
      if (t - state.turnAt > o.maxHoldMs) return { state: away(), event: null };
      return { state: { ...base, cross }, event: null };
    }

    case 'nod': {
      if (dp > o.maxNodDeg || Math.abs(dy) > o.maxCrossDeg) return { state: away(), event: null };
      if (t - state.leftAt > o.maxNodMs) return { state: away(), event: null };
      if (dp <= o.neutralDeg) {
        // Back up: a nod (pitch overshooting upwards on the way back is fine).
        return { state: settle(), event: { type: 'nod' } };
      }
      return { state: { ...base, depth: Math.max(state.depth, dp) }, event: null };
    }

    case 'away': {
      if (inNeutral) return { state: settle(), event: null };
      const rest = state.rest;
      if (rest && Math.abs(frame.yaw - rest.yaw) <= o.neutralDeg && Math.abs(frame.pitch - rest.pitch) <= o.neutralDeg) {
        if (t - rest.since >= o.rebaseMs) {
          // The person now rests here: make it the neutral pose.
          return { state: { ...settle(), neutral: { yaw: frame.yaw, pitch: frame.pitch }, rest: null }, event: null };
        }
        return { state: base, event: null };
      }
      return { state: { ...base, rest: { yaw: frame.yaw, pitch: frame.pitch, since: t } }, event: null };
    }
  }
}
