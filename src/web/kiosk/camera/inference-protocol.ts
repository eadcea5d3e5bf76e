/**
 * What the kiosk's page and the models (kiosk-models.ts, in a Web Worker or on the page) say to each
 * other about one camera frame, and the pure step that turns the libraries' results into the
 * little the reducers read. The page sends a picture with the frame's plan; it gets back face
 * boxes, the largest face's landmark frame, the hand kept, the quality verdict and, after consent,
 * the descriptor. No picture comes back, and the worker keeps nothing after the frame.
 *
 *   page ──load { model }──────────────▶ worker      ◀──loaded { modelId } | load-failed { message }
 *   page ──frame { id, plan, image }───▶ worker      ◀──frame { id, result } | frame-failed { id, message }
 *
 * The image is an ImageBitmap transferred (not copied) to the worker, which closes it once read;
 * the descriptor's buffer is transferred back.
 */
import type { FaceModelId } from '../../../contracts/face';
import { faceFrameFromHuman, handFrameFromHuman, type FaceFrame, type HandFrame, type HumanFaceLike, type HumanHandLike, type Rect } from '../gestures/landmarks';

/** Which models a frame needs (touchless.ts `planFrame`, face-session.ts `wantsDescriptor`). */
export interface FramePlan {
  /** The page's clock (performance.now()) when the frame was taken: the reducers' time. */
  t: number;
  /** Run the hand models. */
  hands: boolean;
  /** Empty Human's hand cache on a blank frame first (the hand models rested: their cache is stale). */
  flushHands: boolean;
  /** Run the recognition pipeline (quality gate, descriptor). */
  describe: boolean;
  /** The fingertip followed on the last hand frame: the adapter keeps following that hand. */
  previousHand: Pick<HandFrame, 't' | 'indexTip'> | null;
}

/** The recognition pipeline's verdict on a frame (face-session.ts FaceObservation.descriptor). */
export interface FrameDescriptor {
  ok: boolean;
  /** L2-normalised, only when the frame passed the gate. */
  template?: Float32Array;
  /** The described face's box, normalised to the frame. */
  box?: Rect;
}

export interface FrameResult {
  /** Every face found, normalised to the frame, largest first. */
  boxes: Rect[];
  /** The largest face's landmarks (null: no face, or its mesh lacked points). */
  face: FaceFrame | null;
  /** The hand kept, on a frame where the hand models ran. */
  hand?: HandFrame;
  /** Present when the plan asked to describe. */
  descriptor: FrameDescriptor | null;
  /** Time in the models, ms: the hand cache flush, sensing (face, mesh, iris, hands), the recognition pipeline. */
  ms: { flush: number; sensing: number; describe: number };
}

export type ToModels =
  /** `manifestUrl`: where the face assets are listed (default: our own server's FACE_ASSET_MANIFEST_URL). */
  | { type: 'load'; model: FaceModelId; manifestUrl?: string }
  | { type: 'frame'; id: number; plan: FramePlan; image: ImageBitmap };

export type FromModels =
  | { type: 'loaded'; modelId: string }
  | { type: 'load-failed'; message: string }
  | { type: 'frame'; id: number; result: FrameResult }
  | { type: 'frame-failed'; id: number; message: string };

/** The parts of Human's result for one frame that the kiosk reads. */
export interface SensingLike {
  face: readonly HumanFaceLike[];
  hand?: readonly HumanHandLike[] | null;
}

/** The parts of the pipeline's analysis (face-pipeline.ts FaceAnalysis) that the kiosk reads. */
export interface AnalysisLike {
  faces: ReadonlyArray<{ box: readonly number[] }>;
  quality: { ok: boolean };
  template?: Float32Array;
}

const area = (f: HumanFaceLike) => (f.boxRaw[2] ?? 0) * (f.boxRaw[3] ?? 0);

function toRect(box: readonly number[]): Rect {
  const [x = 0, y = 0, width = 0, height = 0] = box;
  return { x, y, width, height };
}

/**
 * The frame's result from Human's sensing result and, when described, the pipeline's analysis.
 * `size` is the frame's [width, height] in pixels.
 */
export function frameResultFrom(
  plan: FramePlan,
  size: readonly [number, number],
  sensing: SensingLike,
  analysis: AnalysisLike | null,
  ms: FrameResult['ms'],
): FrameResult {
  const [w, h] = size;
  const faces = [...sensing.face].sort((a, b) => area(b) - area(a));
  const main = faces[0] ?? null;
  const result: FrameResult = {
    boxes: faces.map((f) => toRect(f.boxRaw)),
    face: main ? faceFrameFromHuman(main, plan.t) : null,
    descriptor: null,
    ms,
  };
  if (plan.hands) result.hand = handFrameFromHuman(sensing.hand ?? [], plan.t, size, main, plan.previousHand);
  if (plan.describe && analysis) {
    const box = analysis.faces[0]?.box;
    result.descriptor = {
      ok: analysis.quality.ok,
      ...(analysis.template ? { template: analysis.template } : {}),
      ...(box ? { box: { x: box[0]! / w, y: box[1]! / h, width: box[2]! / w, height: box[3]! / h } } : {}),
    };
  }
  return result;
}

/** What to transfer with a message instead of copying it. */
export function transferablesOf(message: ToModels | FromModels): Transferable[] {
  if (message.type === 'frame' && 'image' in message) return [message.image];
  if (message.type === 'frame' && 'result' in message) {
    const template = message.result.descriptor?.template;
    // A template that views part of a larger buffer is copied: transferring would take the whole buffer.
    if (template && template.byteOffset === 0 && template.byteLength === template.buffer.byteLength) return [template.buffer as ArrayBuffer];
  }
  return [];
}

/** A message from the models, or null for anything else (never trusted blindly, even from our own worker). */
export function readFromModels(data: unknown): FromModels | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'loaded':
      return typeof m.modelId === 'string' ? { type: 'loaded', modelId: m.modelId } : null;
    case 'load-failed':
      return typeof m.message === 'string' ? { type: 'load-failed', message: m.message } : null;
    case 'frame':
      return typeof m.id === 'number' && m.result && typeof m.result === 'object' ? { type: 'frame', id: m.id, result: m.result as FrameResult } : null;
    case 'frame-failed':
      return typeof m.id === 'number' && typeof m.message === 'string' ? { type: 'frame-failed', id: m.id, message: m.message } : null;
    default:
      return null;
  }
}
