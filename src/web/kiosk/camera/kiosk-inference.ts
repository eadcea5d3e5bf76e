/**
 * Where the kiosk's models run. In a Web Worker (kiosk-models.worker.ts) whenever the browser has
 * workers and OffscreenCanvas: the page only takes the picture (`createImageBitmap`, handed over
 * without a copy) and reads the small result, so a key or a touch never waits for a model frame.
 * Without them the models run on the page's thread as before, and the console says so: keys and
 * touches then wait for the frame being analysed (~0.1–0.4 s on 2 cores).
 * No picture goes anywhere but to the worker of this same page, and none is kept after its frame.
 */
import type { FaceModelId } from '../../../contracts/face';
import { readFromModels, transferablesOf, type FramePlan, type FrameResult, type ToModels } from './inference-protocol';

export interface FrameInference {
  readonly where: 'worker' | 'page';
  /** The recognition model the templates are made with. */
  readonly modelId: string;
  /** Takes the video's current picture and analyses it as planned. One frame at a time. */
  analyse(video: HTMLVideoElement, plan: FramePlan): Promise<FrameResult>;
  stop(): void;
}

/**
 * A frame the worker has not answered in this long means it is gone (crashed, out of memory): the
 * camera reports itself lost and the kiosk starts it again later. Frames take 0.05–0.6 s.
 */
const WORKER_FRAME_LIMIT_MS = 20_000;

/** Whether this browser can run the models off the page's thread. */
export function workersAvailable(): boolean {
  return typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';
}

/**
 * Loads the models of `model` in a worker (or, without workers, on the page) and resolves once they
 * are warm. `onFailed` hears of a worker that stopped answering after it had loaded.
 */
export async function startFrameInference(model: FaceModelId, onFailed: (error: Error) => void): Promise<FrameInference> {
  if (workersAvailable()) return startInWorker(model, onFailed);
  console.warn('kiosk camera: this browser has no Web Worker or OffscreenCanvas; the face models run on the page, so a key or a touch may wait for a camera frame');
  return startOnPage(model);
}

async function startInWorker(model: FaceModelId, onFailed: (error: Error) => void): Promise<FrameInference> {
  const worker = new Worker(new URL('./kiosk-models.worker.ts', import.meta.url), { type: 'module', name: 'motcua-kiosk-models' });
  const pending = new Map<number, { resolve(result: FrameResult): void; reject(error: Error): void; timer: number }>();
  let loading: { resolve(modelId: string): void; reject(error: Error): void } | null = null;
  const loaded = new Promise<string>((resolve, reject) => (loading = { resolve, reject }));
  let broken: Error | null = null;
  let nextId = 1;

  const post = (message: ToModels) => worker.postMessage(message, transferablesOf(message));
  const settle = (id: number) => {
    const frame = pending.get(id);
    if (frame) {
      window.clearTimeout(frame.timer);
      pending.delete(id);
    }
    return frame;
  };
  const breakDown = (error: Error, tell: boolean) => {
    if (broken) return;
    broken = error;
    worker.terminate();
    loading?.reject(error);
    for (const id of [...pending.keys()]) settle(id)!.reject(error);
    if (tell) onFailed(error);
  };

  worker.addEventListener('message', (event: MessageEvent) => {
    const message = readFromModels(event.data);
    if (!message) return;
    if (message.type === 'loaded') loading?.resolve(message.modelId);
    else if (message.type === 'load-failed') breakDown(new Error(`kiosk models: ${message.message}`), false);
    else if (message.type === 'frame') settle(message.id)?.resolve(message.result);
    else settle(message.id)?.reject(new Error(`kiosk models: ${message.message}`));
  });
  // The script failed to load, or an error escaped the worker: before the models are warm it is a
  // failed start (the kiosk tries again later); after, the frames tell whether it still answers.
  worker.addEventListener('error', (event: ErrorEvent) => {
    const error = new Error(`kiosk models worker: ${event.message || 'failed to start'}`);
    if (loading) breakDown(error, false);
    else console.warn(error.message);
  });

  post({ type: 'load', model });
  const modelId = await loaded;
  loading = null;

  return {
    where: 'worker',
    modelId,
    async analyse(video, plan) {
      if (broken) throw broken;
      const image = await createImageBitmap(video);
      if (broken) {
        image.close();
        throw broken;
      }
      const id = nextId++;
      return new Promise<FrameResult>((resolve, reject) => {
        const timer = window.setTimeout(() => breakDown(new Error(`kiosk models worker: no answer in ${WORKER_FRAME_LIMIT_MS / 1000} s`), true), WORKER_FRAME_LIMIT_MS);
        pending.set(id, { resolve, reject, timer });
        post({ type: 'frame', id, plan, image });
      });
    },
    stop() {
      breakDown(new Error('kiosk camera stopped'), false);
    },
  };
}

async function startOnPage(model: FaceModelId): Promise<FrameInference> {
  const { loadKioskModels } = await import('./kiosk-models');
  const models = await loadKioskModels(model);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  return {
    where: 'page',
    modelId: models.modelId,
    analyse(video, plan) {
      if (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
      }
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      return models.analyse(canvas, plan);
    },
    stop() {
      // The models stay loaded for the page's lifetime (Human keeps them per page).
    },
  };
}
