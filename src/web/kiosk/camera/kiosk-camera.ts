/**
 * The kiosk's camera: the webcam, the face models, and the loop that turns frames into the kiosk
 * machine's events. Started only when the centre enables the face (settings.faceEnabled); without a
 * camera, without permission, outside a secure context or without the models, it reports
 * `unavailable` and the kiosk works by touch and keys as before.
 *
 * Two model stages share one TensorFlow.js (WASM) in the page:
 * - sensing, every frame: @vladmandic/human's face detector + mesh + iris refinement (the lids the
 *   blink test reads), plus the hand models only on the screens where one chooses (STACK-NOTES:
 *   face and hands together run at ~4 fps on 2 cores). Its results feed the pure reducers:
 *   face-session.ts (presence, several faces, liveness, the template) and touchless.ts (cursor,
 *   dwell, head gestures). This is the configuration the gesture fixtures were recorded with.
 * - recognition, only after consent and until the template is made: the face pipeline
 *   (src/web/face: quality gate, alignment, descriptor) on the same frame.
 * Frames are drawn into one reusable canvas and analysed in memory; nothing is stored or sent but
 * the averaged template (by the page, after consent).
 */
import type { Config, Human } from '@vladmandic/human';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest, type FaceModelId } from '../../../contracts/face';
import type { FacePipeline } from '../../face/face-pipeline';
import { faceFrameFromHuman, handFrameFromHuman, type HandFrame, type HumanFaceLike, type HumanHandLike, type Rect } from '../gestures/landmarks';
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
  frames: number;
  /** Mean time per analysed frame (sensing + recognition when it ran), ms. */
  meanMs: number;
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
 * At most ~10 analysed frames per second, and always a pause between two: inference runs on the
 * page's thread, and touches, keys and the screen need that time on a 2-core PC.
 */
const MIN_FRAME_INTERVAL_MS = 100;
const MIN_PAUSE_MS = 50;
/**
 * No hand models (unless a hand already points) for this long after a key or a touch, and after a
 * screen appeared: a key then waits for a face frame (~50 ms), not a hand frame (~200 ms, ~500 ms on
 * busy cores), and the recognition model gets those frames.
 */
const HANDS_REST_AFTER_INPUT_MS = 4000;
const HANDS_REST_AFTER_SCREEN_MS = 600;

function sensingConfig(manifest: FaceAssetManifest): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: manifest.tfjsWasm.base,
    modelBasePath: manifest.human.modelBase,
    debug: false,
    warmup: 'none',
    cacheSensitivity: 0.7,
    filter: { enabled: false } as Config['filter'],
    gesture: { enabled: false },
    body: { enabled: false } as Config['body'],
    object: { enabled: false } as Config['object'],
    segmentation: { enabled: false } as Config['segmentation'],
    face: {
      enabled: true,
      detector: { maxDetected: 5, minConfidence: 0.5, rotation: false, return: false },
      mesh: { enabled: true },
      // The iris model refines the eyelid points: with it a blink reads 25–40% of the open level,
      // without it ~70% (measured on the kiosk test videos), too close to open eyes.
      iris: { enabled: true },
      attention: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    } as Config['face'],
    // minConfidence 0.6 with stability over frames (hand-cursor.ts): a face close-up gave a false hand at 0.61.
    hand: { enabled: false, minConfidence: 0.3, maxDetected: 2, landmarks: true } as Config['hand'],
  };
}

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

function toRect(box: readonly number[]): Rect {
  const [x = 0, y = 0, width = 0, height = 0] = box;
  return { x, y, width, height };
}

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
  let sensing: Human;
  let pipeline: FacePipeline;
  try {
    const response = await fetch(FACE_ASSET_MANIFEST_URL);
    if (!response.ok) throw new Error(`face assets: HTTP ${response.status}`);
    const manifest = (await response.json()) as FaceAssetManifest;
    const { Human: HumanClass } = (await import(/* @vite-ignore */ manifest.human.script)) as { Human: new (config: Partial<Config>) => Human };
    sensing = new HumanClass(sensingConfig(manifest));
    // Load and warm up every model now (the hand models too), so the first choosing screen does
    // not stall for a second while they compile.
    sensing.config.hand.enabled = true;
    await sensing.load();
    const warm = document.createElement('canvas');
    warm.width = WIDTH;
    warm.height = HEIGHT;
    await sensing.detect(warm);
    sensing.config.hand.enabled = false;
    // Loaded after the sensing models (Human keeps its models per page: loading both at once races).
    const [{ createFacePipeline }, { descriptorById }] = await Promise.all([import('../../face/face-pipeline'), import('../../face/face-descriptors')]);
    // The centre's model (its face policy): the server refuses templates of any other.
    pipeline = await createFacePipeline({ descriptor: descriptorById(options.model), livenessHints: false, videoCaching: true, maxFaces: 5, warmup: true });
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
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const blank = document.createElement('canvas');
  blank.width = 64;
  blank.height = 48;
  blank.getContext('2d')!.fillRect(0, 0, 64, 48);

  let mode: CameraMode = { checking: false, collect: false, choosing: false, headGestures: false, screen: '' };
  let session: FaceSessionState = initialFaceSession;
  let touchless: TouchlessState = initialTouchless;
  let choosingOn = false;
  let handsOn = false;
  /** Human's hand cache may hold a hand from before the hand models last rested: flush it first. */
  let handsStale = true;
  let screenSince = -Infinity;
  let inputAt = -Infinity;
  let tick = 0;
  let previousHand: HandFrame | null = null;
  const stats: KioskCameraStats = { frames: 0, meanMs: 0, lastMs: 0, handsMeanMs: null, describeMeanMs: null, firstNearAt: null };
  let totalMs = 0;
  const hands = { n: 0, ms: 0 };
  const described = { n: 0, ms: 0 };

  const loop = async () => {
    while (!stopped) {
      if (video.readyState < 2 || video.videoWidth === 0) {
        await sleep(50);
        continue;
      }
      const started = performance.now();
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      context.drawImage(video, 0, 0, w, h);
      const current = mode;
      let describedNow = false;
      try {
        if (current.choosing !== choosingOn) {
          choosingOn = current.choosing;
          previousHand = null;
          handsStale = true;
        }
        const handsRest = started - inputAt < HANDS_REST_AFTER_INPUT_MS || started - screenSince < HANDS_REST_AFTER_SCREEN_MS;
        const plan = planFrame({
          choosing: current.choosing,
          describe: wantsDescriptor(session, current),
          pointing: touchless.cursor.phase !== 'absent',
          tick: tick++,
          handsRest,
        });
        if (plan.hands && handsStale) {
          // Human's hand cache outlives switching the model off: flush it on a blank frame (only
          // when the hand models are about to run: a visit by keys or touch never pays for it).
          sensing.config.hand.enabled = true;
          await sensing.detect(blank);
          handsStale = false;
        } else if (!plan.hands && current.choosing && handsRest) {
          handsStale = true;
        }
        handsOn = plan.hands;
        sensing.config.hand.enabled = handsOn;
        const t = performance.now();
        const result = await sensing.detect(canvas);
        if (stopped) break;
        const faces = [...result.face].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
        // Human's points are [x, y, z?] tuples: the adapters read x and y only.
        const main = (faces[0] ?? null) as HumanFaceLike | null;
        const frame = main ? faceFrameFromHuman(main, t) : null;
        const boxes = faces.map((f) => toRect(f.boxRaw));
        let descriptor: { ok: boolean; template?: Float32Array; box?: Rect } | null = null;
        if (plan.describe) {
          const analysis = await pipeline.analyse(canvas);
          describedNow = true;
          const box = analysis.faces[0]?.box;
          descriptor = {
            ok: analysis.quality.ok,
            ...(analysis.template ? { template: analysis.template } : {}),
            ...(box ? { box: { x: box[0] / w, y: box[1] / h, width: box[2] / w, height: box[3] / h } } : {}),
          };
        }
        if (stats.firstNearAt === null && boxes.some((b) => b.width >= FACE_SESSION_DEFAULTS.nearWidth)) stats.firstNearAt = t;
        const step = stepFaceSession(session, { t, boxes, frame, descriptor }, current);
        // A new person close to the kiosk: "face in view" for the timing of a visit.
        if (step.state.track && step.state.track.id !== session.track?.id) performance.mark(MARK_FACE_NEAR, { startTime: t });
        session = step.state;
        for (const e of step.events) {
          if (stopped) break;
          if (e.type === 'liveness') performance.mark(`motcua-camera-liveness-${e.verdict}-${e.reason}`);
          else if (e.type === 'captured' || e.type === 'presence') performance.mark(`motcua-camera-${e.type}`);
          callbacks.onEvent(sessionEvent(e, pipeline.modelId));
        }

        if (current.choosing && !stopped) {
          const hand = handsOn ? handFrameFromHuman((result.hand ?? []) as unknown as HumanHandLike[], t, [w, h], main, previousHand) : undefined;
          if (hand) previousHand = hand;
          const gestures = stepTouchless(touchless, { t, hand, face: current.headGestures ? frame : null, tiles: callbacks.tiles() });
          touchless = gestures.state;
          gestures.events.forEach((e) => callbacks.onEvent(e));
          callbacks.onPointer(gestures.view);
        }
      } catch (e) {
        // One bad frame (a resize, a model hiccup) must not stop the kiosk's eyes.
        console.warn('kiosk camera frame failed', e);
      }
      const ms = performance.now() - started;
      stats.frames++;
      totalMs += ms;
      stats.meanMs = totalMs / stats.frames;
      stats.lastMs = ms;
      if (handsOn) {
        hands.n++;
        hands.ms += ms;
        stats.handsMeanMs = hands.ms / hands.n;
      }
      if (describedNow) {
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
      pipeline.dispose();
    },
  };
}
