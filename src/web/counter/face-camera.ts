/**
 * The counter's webcam and the browser face pipeline (src/web/face), loaded only when the officer
 * turns the camera check on or opens the erasure dialog: nothing face-related is downloaded or run
 * otherwise. Frames are analysed in memory; only the averaged template leaves, never a picture.
 */
import type { FaceCapture } from '../../contracts/api';
import type { FaceModelId } from '../../contracts/face';
import type { FacePipeline } from '../face/face-pipeline';
import { CAPTURE_TIMEOUT_MS, collectFrame, EMPTY_COLLECTED, toCapture, type CameraStatus } from './face-capture';
import type { QualityIssue } from '../face/face-quality';

let pipeline: { model: FaceModelId; ready: Promise<FacePipeline> } | null = null;

/**
 * The pipeline of the centre's model, created once per page and model (models and WASM come from
 * our own server); the server refuses templates of any other model.
 */
export function loadPipeline(model: FaceModelId): Promise<FacePipeline> {
  if (!pipeline || pipeline.model !== model) {
    const ready = Promise.all([import('../face/face-pipeline'), import('../face/face-descriptors')]).then(([m, d]) =>
      // No passive liveness hints: the officer sees the citizen; fewer models, faster frames.
      m.createFacePipeline({ descriptor: d.descriptorById(model), livenessHints: false, videoCaching: true, maxFaces: 3 }),
    );
    const current = { model, ready };
    pipeline = current;
    ready.catch(() => {
      if (pipeline === current) pipeline = null; // a later attempt may succeed (server restarted, network back)
    });
  }
  return pipeline.ready;
}

export class CameraError extends Error {
  constructor(readonly status: Exclude<CameraStatus, 'off' | 'starting' | 'ready'>, cause?: unknown) {
    super(status, { cause });
    this.name = 'CameraError';
  }
}

/** Opens the webcam (640×480 is what the pipeline is tuned for). */
export async function openCamera(): Promise<MediaStream> {
  if (!window.isSecureContext) throw new CameraError('insecure');
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('no-camera');
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
    });
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraError('denied', e);
    if (name === 'NotReadableError' || name === 'AbortError') throw new CameraError('busy', e);
    throw new CameraError('no-camera', e);
  }
}

export function stopCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/** Whether the video element has a frame to read (waits for one until the deadline). */
async function videoReady(video: HTMLVideoElement, signal: AbortSignal, deadline: number): Promise<boolean> {
  while (video.readyState < 2 || video.videoWidth === 0) {
    if (signal.aborted || performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

export type CaptureOutcome =
  | { kind: 'captured'; capture: FaceCapture; agreement: number }
  | { kind: 'gave-up'; issue: QualityIssue | null }
  | { kind: 'aborted' };

/** Frames analysed one after another; between two, the browser gets this much time for the page. */
const PAUSE_BETWEEN_FRAMES_MS = 40;

let running: Promise<unknown> = Promise.resolve();

/**
 * Analyses frames of the video until enough good ones agree, then returns the capture to send.
 * Only one capture runs at a time on the page (the pipeline is shared); a second one waits.
 */
export function captureFace(
  video: HTMLVideoElement,
  options: { model: FaceModelId; signal: AbortSignal; onProgress?: (good: number, issue: QualityIssue | null) => void; timeoutMs?: number },
): Promise<CaptureOutcome> {
  const run = running.then(() => captureNow(video, options));
  running = run.catch(() => undefined);
  return run;
}

async function captureNow(
  video: HTMLVideoElement,
  { model, signal, onProgress, timeoutMs = CAPTURE_TIMEOUT_MS }: { model: FaceModelId; signal: AbortSignal; onProgress?: (good: number, issue: QualityIssue | null) => void; timeoutMs?: number },
): Promise<CaptureOutcome> {
  if (signal.aborted) return { kind: 'aborted' };
  const deadline = performance.now() + timeoutMs;
  const face = await loadPipeline(model);
  if (!(await videoReady(video, signal, deadline))) return signal.aborted ? { kind: 'aborted' } : { kind: 'gave-up', issue: null };
  let collected = EMPTY_COLLECTED;
  while (!signal.aborted) {
    if (performance.now() > deadline) return { kind: 'gave-up', issue: collected.issue };
    const analysis = await face.analyse(video);
    if (signal.aborted) break;
    const step = collectFrame(collected, analysis);
    if (step.done) return { kind: 'captured', capture: toCapture(face.modelId, step.template), agreement: step.agreement };
    collected = step.collected;
    onProgress?.(collected.frames.length, collected.issue);
    await new Promise((r) => setTimeout(r, PAUSE_BETWEEN_FRAMES_MS));
  }
  return { kind: 'aborted' };
}
