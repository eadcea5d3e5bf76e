/**
 * What the kiosk's camera makes of each analysed frame, as a pure reducer:
 * `stepFaceSession(state, observation, mode) → { state, events }`. The camera module (kiosk-camera.ts)
 * runs the models and feeds the observations; the events become the kiosk machine's events.
 *
 *   faces(n)     how many faces are close to the kiosk (0, 1, 2 = several), after `settleFrames`
 *                frames (a count of 0 after `lostMs` without a close face);
 *   presence     one face close enough (Human's face box ≥ `nearWidth` of the frame width: about a
 *                metre from a 60° webcam) for `settleFrames` frames — once per person: a person
 *                already served (`newVisit`) does not wake the kiosk again until they leave;
 *   track-reset  the followed face left (no close face for `lostMs`) or was replaced (its box jumped
 *                more than `maxJump` face widths between frames): its liveness and template are void;
 *   liveness     the active check (gestures/liveness-check.ts) decided for the followed face: `live`
 *                whenever it happens, from the frames since the person came close (a blink while they
 *                read the consent screen counts); `not-live` only while the kiosk is on its checking
 *                screen (elsewhere a window without a blink or a turn simply starts again). Entering the
 *                checking screen keeps the last `lookbackMs` of frames but the limit (`limitMs`) counts
 *                from the request;
 *   captured     `templateFrames` descriptors of the followed face that passed the quality gate agree
 *                (face-template.ts `templateFromFrames`): their average is the template. Descriptors
 *                are only asked for (`wantsDescriptor`) after the citizen consented (`mode.collect`),
 *                never while several faces are close, and they are forgotten with the face.
 * Nothing here keeps a picture: only timestamped landmarks (for the liveness check) and, after
 * consent, up to `templateFrames` descriptors.
 */
import { templateFromFrames } from '../../face/face-template';
import type { FaceFrame, Rect } from '../gestures/landmarks';
import { checkLiveness, type LivenessOptions, type LivenessReason } from '../gestures/liveness-check';

export interface FaceSessionOptions {
  /** A face is close when Human's face box is at least this fraction of the frame width. */
  nearWidth: number;
  /** Frames a new face count must hold before it is reported (and a single face before presence). */
  settleFrames: number;
  /** Without a close face this long, the person has left. */
  lostMs: number;
  /** A box whose centre moved more than this many face widths since the last frame is someone else. */
  maxJump: number;
  /** Landmark frames kept for the liveness check (at least `lookbackMs` + `limitMs`). */
  keepMs: number;
  /**
   * Entering the checking screen, the check keeps the frames of this many milliseconds before it: a
   * blink on the consent or field screen counts (and the eyes' open level is already known), while
   * the time limit still counts from the request.
   */
  lookbackMs: number;
  /**
   * Without a blink or a head turn this long after the kiosk asked (its checking screen), the face is
   * not live: the kiosk shows its calm "try again / without the face" screen. A person has been in
   * front of the camera since before the request (its `lookbackMs` count too), is asked on screen
   * and by voice after LIVENESS_PROMPT_MS (kiosk-machine.ts), and has the rest of this to blink or
   * turn; a still photo is refused this long after the request, whatever came before.
   */
  limitMs: number;
  templateFrames: number;
  /** Every descriptor must be at least this close (cosine) to the average. */
  minAgreement: number;
  /** The check's own options (its time limit is `limitMs`, from the request). */
  liveness: Partial<Omit<LivenessOptions, 'timeoutMs' | 'limitFrom'>>;
}

/**
 * Human's face box is about 1.65 × the cheek-to-cheek width (measured on the dev photos: a 160 px
 * face gives a 263–272 px box). A face 15 cm wide at 1 m from a 60° webcam is ≈ 83 px at 640 px
 * (focal ≈ 554 px), so its box is ≈ 135 px ≈ 0.2 of the frame: closer than about a metre.
 */
export const FACE_SESSION_DEFAULTS: FaceSessionOptions = {
  nearWidth: 0.2,
  settleFrames: 2,
  lostMs: 1500,
  maxJump: 0.6,
  keepMs: 12_000,
  lookbackMs: 4000,
  limitMs: 6000,
  templateFrames: 5,
  minAgreement: 0.9,
  liveness: {},
};

export interface FaceObservation {
  /** Milliseconds, monotonic. */
  t: number;
  /** Every face found, normalised to the frame (Human's boxRaw), any order. */
  boxes: readonly Rect[];
  /** The largest face's landmarks (null when its mesh was incomplete). */
  frame: FaceFrame | null;
  /** The recognition pipeline's verdict on this frame, when a descriptor was asked for. */
  descriptor?: { ok: boolean; template?: Float32Array; box?: Rect } | null;
}

export interface FaceSessionMode {
  /** The kiosk is on its checking screen: a `not-live` verdict is reported. */
  checking: boolean;
  /** The citizen consented for this visit: good frames may be described and averaged. */
  collect: boolean;
}

interface Track {
  id: number;
  since: number;
  lastSeen: number;
  box: Rect;
  /** Consecutive frames with exactly this one close face. */
  alone: number;
  frames: FaceFrame[];
  windowStart: number;
  /** When the kiosk started checking this face (the time limit counts from here), null when not checking. */
  askedAt: number | null;
  live: boolean;
  /** Why it was judged live (re-sent when the kiosk asks again, e.g. after "one at a time"). */
  liveReason: LivenessReason | null;
  verdictSent: boolean;
  descriptors: Float32Array[];
  captured: boolean;
  presenceSent: boolean;
}

export interface FaceSessionState {
  track: Track | null;
  nextId: number;
  reported: number;
  pending: { count: number; run: number };
  checking: boolean;
  /** When a close face was last seen. */
  lastNear: number | null;
}

export const initialFaceSession: FaceSessionState = {
  track: null,
  nextId: 1,
  reported: 0,
  pending: { count: 0, run: 0 },
  checking: false,
  lastNear: null,
};

export type FaceSessionEvent =
  | { type: 'faces'; count: number }
  | { type: 'presence' }
  | { type: 'track-reset' }
  | { type: 'liveness'; verdict: 'live' | 'not-live'; reason: LivenessReason }
  | { type: 'captured'; template: Float32Array };

const centre = (r: Rect): [number, number] => [r.x + r.width / 2, r.y + r.height / 2];

/** Intersection over union of two boxes. */
export function overlap(a: Rect, b: Rect): number {
  const x = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const y = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = x * y;
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

export function stepFaceSession(
  state: FaceSessionState,
  obs: FaceObservation,
  mode: FaceSessionMode,
  options: Partial<FaceSessionOptions> = {},
): { state: FaceSessionState; events: FaceSessionEvent[] } {
  const o = { ...FACE_SESSION_DEFAULTS, ...options };
  const events: FaceSessionEvent[] = [];
  const t = obs.t;
  const near = obs.boxes.filter((b) => b.width >= o.nearWidth).sort((a, b) => b.width - a.width);
  const count = Math.min(2, near.length);
  const lastNear = near.length > 0 ? t : state.lastNear;

  // The count of close faces, debounced (leaving is judged by time: detection flickers).
  const pending = count === state.pending.count ? { count, run: state.pending.run + 1 } : { count, run: 1 };
  let reported = state.reported;
  if (count > 0 && pending.run >= o.settleFrames && count !== reported) reported = count;
  if (count === 0 && reported !== 0 && (lastNear === null || t - lastNear >= o.lostMs)) reported = 0;
  if (reported !== state.reported) events.push({ type: 'faces', count: reported });

  // The person followed: the largest close face, as long as it stays where it was.
  let track = state.track;
  let nextId = state.nextId;
  const main = near[0];
  if (main) {
    const continues =
      track !== null &&
      t - track.lastSeen <= o.lostMs &&
      Math.hypot(centre(main)[0] - centre(track.box)[0], centre(main)[1] - centre(track.box)[1]) <= o.maxJump * Math.max(main.width, track.box.width);
    if (!continues) {
      if (track) events.push({ type: 'track-reset' });
      track = {
        id: nextId++,
        since: t,
        lastSeen: t,
        box: main,
        alone: 0,
        frames: [],
        windowStart: t,
        askedAt: null,
        live: false,
        liveReason: null,
        verdictSent: false,
        descriptors: [],
        captured: false,
        presenceSent: false,
      };
    } else {
      track = { ...track!, lastSeen: t, box: main };
    }
    track.alone = near.length === 1 ? track.alone + 1 : 0;
    if (obs.frame) track.frames = [...track.frames.filter((f) => t - f.t <= o.keepMs), obs.frame];
    if (!track.presenceSent && track.alone >= o.settleFrames) {
      track.presenceSent = true;
      events.push({ type: 'presence' });
    }
  } else if (track && t - track.lastSeen > o.lostMs) {
    events.push({ type: 'track-reset' });
    track = null;
  }

  // The active liveness check, on the followed face's landmarks since the window started.
  if (track) {
    if (mode.checking && !state.checking && !track.live) {
      // The request: keep what was seen just before it (a blink while choosing), count the limit from now.
      track = { ...track, windowStart: Math.max(track.windowStart, t - o.lookbackMs), askedAt: t, verdictSent: false };
    } else if (mode.checking && !state.checking && track.live && track.liveReason) {
      // Already judged live, but the kiosk may have forgotten it (a second face came close meanwhile
      // and the visit restarted): the followed face is the same one, so say it again.
      events.push({ type: 'liveness', verdict: 'live', reason: track.liveReason });
    } else if (!mode.checking && track.askedAt !== null) {
      track = { ...track, askedAt: null };
    }
    if (!track.live && obs.frame && main) {
      const start = track.windowStart;
      // The limit counts from the request (or, before it, from the window's start), not from the
      // oldest frame kept: those are dropped after `keepMs`, and a limit measured from them was never
      // reached when the person had stood there `lookbackMs` before the request (a still photo then
      // waited for the machine's own give-up, 23 s).
      const result = checkLiveness(
        track.frames.filter((f) => f.t >= start),
        { ...o.liveness, timeoutMs: o.limitMs, limitFrom: track.askedAt ?? start },
      );
      if (result.verdict === 'live') {
        track = { ...track, live: true, liveReason: result.reason };
        events.push({ type: 'liveness', verdict: 'live', reason: result.reason });
      } else if (result.verdict === 'not-live') {
        if (mode.checking) {
          if (!track.verdictSent) {
            track = { ...track, verdictSent: true };
            events.push({ type: 'liveness', verdict: 'not-live', reason: result.reason });
          }
        } else {
          // Nobody asked yet: start again quietly (a face that did nothing is not suspicious).
          track = { ...track, windowStart: t, askedAt: null, verdictSent: false };
        }
      }
    }
  }

  // The template, from good frames of the followed face, only after consent and never in a crowd.
  if (track && !track.captured) {
    if (!mode.collect || reported >= 2 || count >= 2) {
      if (track.descriptors.length > 0) track = { ...track, descriptors: [] };
    } else if (obs.descriptor?.ok && obs.descriptor.template && (!obs.descriptor.box || overlap(obs.descriptor.box, track.box) >= 0.3)) {
      const descriptors = [...track.descriptors, obs.descriptor.template].slice(-o.templateFrames);
      if (descriptors.length >= o.templateFrames) {
        const made = templateFromFrames(descriptors, o.templateFrames, o.minAgreement);
        if (made.ok) {
          track = { ...track, descriptors: [], captured: true };
          events.push({ type: 'captured', template: made.template });
        } else {
          track = { ...track, descriptors: descriptors.slice(1) };
        }
      } else {
        track = { ...track, descriptors };
      }
    }
  }

  return { state: { track, nextId, reported, pending, checking: mode.checking, lastNear }, events };
}

/** Whether the camera should run the recognition model on the next frame. */
export function wantsDescriptor(state: FaceSessionState, mode: FaceSessionMode): boolean {
  return mode.collect && state.track !== null && !state.track.captured && state.reported < 2;
}

/**
 * A visit ended: the person in front of the kiosk (if any) does not wake it again, and a new visit
 * starts from nothing — liveness and template are earned again, after a new consent; the landmarks
 * of the visit that ended are dropped.
 */
export function newVisit(state: FaceSessionState, t: number): FaceSessionState {
  if (!state.track) return state;
  return {
    ...state,
    track: { ...state.track, presenceSent: true, frames: [], live: false, liveReason: null, verdictSent: false, windowStart: t, askedAt: null, descriptors: [], captured: false },
  };
}
