/**
 * The kiosk's models, wherever they run: in the camera's Web Worker (kiosk-models.worker.ts) or, in a
 * browser without workers, on the page. Two stages share one TensorFlow.js (WASM):
 * - sensing, every frame: @vladmandic/human's face detector + mesh + iris refinement (the lids the
 *   blink test reads), plus the hand models when the frame's plan asks (STACK-NOTES: face and hands
 *   together run at ~4 fps on 2 cores). This is the configuration the gesture fixtures were recorded
 *   with.
 * - recognition, when the plan asks (after consent, until the template is made): the face pipeline
 *   (src/web/face: quality gate, alignment, descriptor of the centre's model) on the same frame.
 * A frame is analysed in memory and only `FrameResult` leaves (inference-protocol.ts).
 */
import type { Config, Human } from '@vladmandic/human';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest, type FaceModelId } from '../../../contracts/face';
import { createFacePipeline, type FaceFrame } from '../../face/face-pipeline';
import { descriptorById } from '../../face/face-descriptors';
import { frameResultFrom, type FramePlan, type FrameResult, type SensingLike } from './inference-protocol';

/** A camera frame as the models take it: a bitmap in the worker, the page's canvas otherwise. */
export type ModelFrame = Exclude<FaceFrame, HTMLVideoElement | ImageData>;

export interface KioskModels {
  /** The recognition model the templates are made with. */
  readonly modelId: string;
  analyse(image: ModelFrame, plan: FramePlan): Promise<FrameResult>;
}

const WIDTH = 640;
const HEIGHT = 480;

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

/** Loads and warms up every model (from our own server: the face-assets manifest). */
export async function loadKioskModels(model: FaceModelId, manifestUrl = FACE_ASSET_MANIFEST_URL): Promise<KioskModels> {
  const response = await fetch(manifestUrl);
  if (!response.ok) throw new Error(`face assets: HTTP ${response.status}`);
  const manifest = (await response.json()) as FaceAssetManifest;
  const { Human: HumanClass } = (await import(/* @vite-ignore */ manifest.human.script)) as { Human: new (config: Partial<Config>) => Human };
  const sensing = new HumanClass(sensingConfig(manifest));
  // Load and warm up every model now (the hand models too), so the first choosing screen does
  // not stall for a second while they compile.
  sensing.config.hand.enabled = true;
  await sensing.load();
  await sensing.detect(new ImageData(WIDTH, HEIGHT));
  sensing.config.hand.enabled = false;
  // Loaded after the sensing models (Human keeps its models per page or worker: loading both at once races).
  // The centre's model (its face policy): the server refuses templates of any other.
  const pipeline = await createFacePipeline({ manifestUrl, descriptor: descriptorById(model), livenessHints: false, videoCaching: true, maxFaces: 5, warmup: true });
  const blank = new ImageData(64, 48);

  return {
    modelId: pipeline.modelId,
    async analyse(image, plan) {
      const started = performance.now();
      if (plan.flushHands) {
        // Human's hand cache outlives switching the model off: flush it on a blank frame (only when
        // the hand models are about to run: a visit by keys or touch never pays for it).
        sensing.config.hand.enabled = true;
        await sensing.detect(blank);
      }
      const flushed = performance.now();
      sensing.config.hand.enabled = plan.hands;
      const result = await sensing.detect(image);
      const sensed = performance.now();
      const analysis = plan.describe ? await pipeline.analyse(image) : null;
      const ms = { flush: flushed - started, sensing: sensed - flushed, describe: performance.now() - sensed };
      // Human's points are [x, y, z?] tuples: the adapters read x and y only.
      return frameResultFrom(plan, [image.width, image.height], result as unknown as SensingLike, analysis, ms);
    },
  };
}
