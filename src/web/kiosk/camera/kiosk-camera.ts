/**
 * The kiosk's camera: the webcam, the face models, and the loop that turns frames into the kiosk
 * machine's events. Started only when the centre enables the face (settings.faceEnabled); without a
 * camera, without permission, outside a secure context or without the models, it reports
 * `unavailable` and the kiosk works by touch and keys as before.
 *
 * The models (kiosk-models.ts: face, mesh and iris every frame, the hand models on the screens where
 * one chooses, the recognition pipeline after consent) run in a Web Worker (kiosk-inference.ts), so
 * keys and touches are handled while a frame is analysed. This loop takes each frame's picture,
 * plans which models it needs, and feeds what comes back to the pure reducers: face-session.ts
 * (presence, several faces, liveness, the template) and touchless.ts (cursor, dwell, head gestures).
 * Frames are analysed in memory; nothing is stored or sent but the averaged template (by the page,
 * after consent).
 */
import type { FaceModelId } from '../../../contracts/face';
import type { HandFrame, Rect } from '../gestures/landmarks';
import { encodeTemplate } from './face-capture-encoding';
import {
  FACE_SESSION_DEFAULTS,
  initialFaceSession,
  newVisit,
  stepFaceSession,
  wantsDescriptor,
  type FaceSessionEvent,
  type FaceSessionMode,
  type FaceSessionState,
} from './face-session';
import { startFrameInference, type FrameInference } from './kiosk-inference';
import { initialTouchless, planFrame, resetTouchless, stepTouchless, type TouchlessState, type TouchlessView } from './touchless';

export type CameraStatus = 'off' | 'starting' | 'ready' | 'unavailable';

/** Why the camera is unavailable (for the status line an officer or the IT person reads). */
export type CameraProblem = 'no-camera' | 'denied' | 'busy' | 'insecure' | 'models' | null;

/** What the kiosk machine hears from the camera (a subset of its KioskEvent). */
export type CameraKioskEvent =
  | { type: 'presence' }
  | { type: 'faces'; count: number }
  | { type: 'track-reset' }
  | { type: 'liveness'; verdict: 'live' | 'not-live'; reason: string }
  | { type: 'captured'; template: string; model: string }
  | { type: 'highlight'; index: number }
  | { type: 'move'; delta: number }
  | { type: 'confirm' };

export interface CameraMode extends FaceSessionMode {
  /** A screen with choices: run the hand models and follow head gestures. */
  choosing: boolean;
  /** Head turns and nods may choose (not for a citizen who declined the face: hands and touch only). */
  headGestures: boolean;
  /** Identifies the screen; a change resets the dwell fill and the head gestures. */
  screen: string;
  /** The screen takes a dwell only from a hand that moved away from where it rested (touchless.ts). */
  deliberate?: boolean;
}

export interface KioskCameraCallbacks {
  onEvent(event: CameraKioskEvent): void;
  onPointer(view: TouchlessView): void;
  /** The screen's choices in index order, normalised to the viewport. */
  tiles(): Rect[];
  /** The camera stopped delivering (unplugged, taken by another program): carry on without it. */
  onLost(): void;
}

export interface KioskCameraStats {
  /** Where the models run: a Web Worker, or the page's thread (a browser without workers). */
  where: 'worker' | 'page';
  frames: number;
  /** The frame being analysed (its number, counting from 1), or null between frames. */
  analysing: { frame: number; hands: boolean; describe: boolean } | null;
  /** Mean time per analysed frame (taking the picture, the models, the reducers), ms. */
  meanMs: number;
  /** Mean time in the models alone per frame, ms (where they run). */
  modelsMeanMs: number;
  lastMs: number;
  /** Mean time of the frames analysed with the hand models on / with the recognition model. */
  handsMeanMs: number | null;
  describeMeanMs: number | null;
  /** performance.now() of the first frame that saw a face close to the kiosk. */
  firstNearAt: number | null;
}

export interface KioskCamera {
  setMode(mode: CameraMode): void;
  /** The citizen pressed a key or touched the screen: the hand models rest for a moment (`planFrame`). */
  noteInput(): void;
  /** A visit ended (back to the idle screen). */
  endVisit(): void;
  stats(): KioskCameraStats;
  stop(): void;
}

export class CameraUnavailable extends Error {
  constructor(readonly problem: Exclude<CameraProblem, null>, cause?: unknown) {
    super(problem, { cause });
    this.name = 'CameraUnavailable';
  }
}

/**
 * Performance mark of the first frame of each person close to the kiosk (bench/kiosk-face-bench.ts);
 * `motcua-camera-presence|liveness|captured` mark the camera's events. Timings only.
 */
export const MARK_FACE_NEAR = 'motcua-face-near';

const WIDTH = 640;
const HEIGHT = 480;
/**
 * At most ~10 analysed frames per second, and always a pause between two: the models take a core
 * (on the page's thread, in a browser without workers), and the page, the screen and the browser
 * need the other on a 2-core PC.
 */
const MIN_FRAME_INTERVAL_MS = 100;
const MIN_PAUSE_MS = 50;
/**
 * No hand models (unless a hand already points) for this long after a key or a touch, and after a
 * screen appeared: the recognition model gets those frames (and, with the models on the page's
 * thread, a key waits for a face frame, ~50 ms, not a hand frame, ~200–500 ms).
 */
const HANDS_REST_AFTER_INPUT_MS = 4000;
const HANDS_REST_AFTER_SCREEN_MS = 600;

async function openCamera(): Promise<MediaStream> {
  if (!window.isSecureContext) throw new CameraUnavailable('insecure');
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraUnavailable('no-camera');
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { width: { ideal: WIDTH }, height: { ideal: HEIGHT }, facingMode: 'user' },
    });
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraUnavailable('denied', e);
    if (name === 'NotReadableError' || name === 'AbortError') throw new CameraUnavailable('busy', e);
    throw new CameraUnavailable('no-camera', e);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sessionEvent(e: FaceSessionEvent, model: string): CameraKioskEvent {
  return e.type === 'captured' ? { type: 'captured', template: encodeTemplate(e.template), model } : e;
}

/**
 * Opens the webcam and loads the models; resolves when frames are being analysed. Throws
 * CameraUnavailable when the kiosk must do without the face.
 */
export async function startKioskCamera(callbacks: KioskCameraCallbacks, options: { model: FaceModelId }): Promise<KioskCamera> {
  const stream = await openCamera();
  let stopped = false;
  const stopStream = () => stream.getTracks().forEach((track) => track.stop());
  let inference: FrameInference;
  try {
    inference = await startFrameInference(options.model, (error) => {
      // The worker stopped answering: carry on without the camera; the kiosk starts it again later.
      console.warn('kiosk camera: the face models stopped', error);
      if (!stopped) callbacks.onLost();
    });
  } catch (e) {
    stopStream();
    throw new CameraUnavailable('models', e);
  }

  stream.getVideoTracks()[0]?.addEventListener('ended', () => {
    if (!stopped) callbacks.onLost();
  });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play().catch(() => undefined);

  let mode: CameraMode = { checking: false, collect: false, choosing: false, headGestures: false, screen: '' };
  let session: FaceSessionState = initialFaceSession;
  let touchless: TouchlessState = initialTouchless;
  let choosingOn = false;
  /** Human's hand cache may hold a hand from before the hand models last rested: flush it first. */
  let handsStale = true;
  let screenSince = -Infinity;
  let inputAt = -Infinity;
  let tick = 0;
  let previousHand: HandFrame | null = null;
  const stats: KioskCameraStats = {
    where: inference.where,
    frames: 0,
    analysing: null,
    meanMs: 0,
    modelsMeanMs: 0,
    lastMs: 0,
    handsMeanMs: null,
    describeMeanMs: null,
    firstNearAt: null,
  };
  let totalMs = 0;
  let modelsMs = 0;
  const hands = { n: 0, ms: 0 };
  const described = { n: 0, ms: 0 };

  const loop = async () => {
    while (!stopped) {
      if (video.readyState < 2 || video.videoWidth === 0) {
        await sleep(50);
        continue;
      }
      const started = performance.now();
      const current = mode;
      let plan: ReturnType<typeof planFrame> = { hands: false, describe: false };
      try {
        if (current.choosing !== choosingOn) {
          choosingOn = current.choosing;
          previousHand = null;
          handsStale = true;
        }
        const handsRest = started - inputAt < HANDS_REST_AFTER_INPUT_MS || started - screenSince < HANDS_REST_AFTER_SCREEN_MS;
        plan = planFrame({
          choosing: current.choosing,
          describe: wantsDescriptor(session, current),
          pointing: touchless.cursor.phase !== 'absent',
          tick: tick++,
          handsRest,
        });
        const flushHands = plan.hands && handsStale;
        if (flushHands) handsStale = false;
        else if (!plan.hands && current.choosing && handsRest) handsStale = true;
        const t = performance.now();
        stats.analysing = { frame: stats.frames + 1, ...plan };
        const result = await inference.analyse(video, { t, hands: plan.hands, flushHands, describe: plan.describe, previousHand });
        if (stopped) break;
        modelsMs += result.ms.flush + result.ms.sensing + result.ms.describe;
        const { boxes, face: frame, descriptor } = result;
        if (stats.firstNearAt === null && boxes.some((b) => b.width >= FACE_SESSION_DEFAULTS.nearWidth)) stats.firstNearAt = t;
        const step = stepFaceSession(session, { t, boxes, frame, descriptor }, current);
        // A new person close to the kiosk: "face in view" for the timing of a visit.
        if (step.state.track && step.state.track.id !== session.track?.id) performance.mark(MARK_FACE_NEAR, { startTime: t });
        session = step.state;
        for (const e of step.events) {
          if (stopped) break;
          if (e.type === 'liveness') performance.mark(`motcua-camera-liveness-${e.verdict}-${e.reason}`);
          else if (e.type === 'captured' || e.type === 'presence') performance.mark(`motcua-camera-${e.type}`);
          callbacks.onEvent(sessionEvent(e, inference.modelId));
        }

        if (current.choosing && !stopped) {
          const hand = result.hand;
          if (hand) previousHand = hand;
          const gestures = stepTouchless(touchless, { t, hand, face: current.headGestures ? frame : null, tiles: callbacks.tiles() });
          touchless = gestures.state;
          gestures.events.forEach((e) => callbacks.onEvent(e));
          callbacks.onPointer(gestures.view);
        }
      } catch (e) {
        if (stopped) break;
        // One bad frame (a resize, a model hiccup) must not stop the kiosk's eyes.
        console.warn('kiosk camera frame failed', e);
      }
      stats.analysing = null;
      const ms = performance.now() - started;
      stats.frames++;
      totalMs += ms;
      stats.meanMs = totalMs / stats.frames;
      stats.modelsMeanMs = modelsMs / stats.frames;
      stats.lastMs = ms;
      if (plan.hands) {
        hands.n++;
        hands.ms += ms;
        stats.handsMeanMs = hands.ms / hands.n;
      }
      if (plan.describe) {
        described.n++;
        described.ms += ms;
        stats.describeMeanMs = described.ms / described.n;
      }
      await sleep(Math.max(MIN_PAUSE_MS, MIN_FRAME_INTERVAL_MS - ms));
    }
  };
  void loop();

  return {
    setMode(next) {
      if (next.screen !== mode.screen) {
        screenSince = performance.now();
        touchless = resetTouchless(touchless, { deliberate: next.deliberate === true });
        if (!next.choosing) callbacks.onPointer({ cursor: null, target: null, progress: 0 });
      }
      mode = next;
    },
    noteInput() {
      inputAt = performance.now();
    },
    endVisit() {
      session = newVisit(session, performance.now());
    },
    stats: () => ({ ...stats }),
    stop() {
      stopped = true;
      stopStream();
      video.srcObject = null;
      inference.stop();
    },
  };
}
