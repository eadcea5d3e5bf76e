/**
 * The kiosk's face pipeline, in the browser: @vladmandic/human (WASM backend, models and binaries
 * from our own server) finds faces and their 468-point mesh; the largest face is measured (pose,
 * size, sharpness, light) and passes the quality gate or not; a good face is aligned from five mesh
 * points and described by the recognition model. Only the template — never a picture — leaves here.
 *
 *   const pipeline = await createFacePipeline();
 *   const { quality, template } = await pipeline.analyse(video);
 *
 * `npm run face:eval` runs this same module in headless Chromium. It runs on the page (face:eval,
 * the counter) and in a Web Worker (the kiosk): nothing here needs a document; where there is none,
 * the few pixels drawn go through an OffscreenCanvas.
 */
import type { Config, FaceResult, Human } from '@vladmandic/human';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest } from '../../contracts/face';
import { alignFace, alignFaceToPoints, warpToRgb, type Point2, type RgbaImage } from './face-align';
import { DEFAULT_DESCRIPTOR, type DescriptorSpec, type FaceApiSpec, type GraphSpec, type OnnxSpec } from './face-descriptors';
import { estimateHeadPose, eyeOpenness, fivePointsFromMesh, MESH_POINTS, type HeadPose, type MeshPoint } from './face-landmarks';
import { assessQuality, DEFAULT_QUALITY_LIMITS, greyStats, laplacianVariance, rgbToGrey, type FrameMeasurement, type QualityLimits, type QualityVerdict } from './face-quality';
import { l2Normalise } from './face-template';

export interface FacePipelineOptions {
  /** Where the server lists the asset URLs (default: our own server). */
  manifestUrl?: string;
  descriptor?: DescriptorSpec;
  limits?: QualityLimits;
  /** Most faces looked for in a frame (enough to tell "several people" from one). */
  maxFaces?: number;
  /**
   * Live video: let human reuse the last face box while the picture barely changes (much faster on
   * a still scene). Off for unrelated still images, where a reused box would belong to another photo.
   */
  videoCaching?: boolean;
  /** Run human's passive anti-spoof and liveness models (hints only: see docs/face-recognition.md). */
  livenessHints?: boolean;
  /**
   * Run every model once on a blank picture while loading: the first real frame then takes its usual
   * time (the descriptor's first run compiles it: ~0.4 s more on 2 cores). Off by default.
   */
  warmup?: boolean;
}

export type FaceFrame = HTMLVideoElement | HTMLCanvasElement | OffscreenCanvas | ImageBitmap | ImageData;

export interface DetectedFace {
  /** [x, y, width, height] in frame pixels. */
  box: [number, number, number, number];
  confidence: number;
  pose: HeadPose | null;
  /** Eye centres, nose tip, mouth corners in frame pixels (null without a full mesh). */
  landmarks5: Point2[] | null;
}

export interface LivenessHints {
  /** human's passive anti-spoof score (0–1), when enabled. Not evidence on its own. */
  antispoof?: number;
  /** human's passive liveness score (0–1), when enabled. Not evidence on its own. */
  live?: number;
  /** Eye opening (lid gap / eye width); a dip over a few frames is a blink. */
  eyeOpenness: number;
  pose: HeadPose;
}

export interface FaceAnalysis {
  /** Every face found, largest first. */
  faces: DetectedFace[];
  quality: QualityVerdict & { measurement: FrameMeasurement };
  /** L2-normalised descriptor of the face, present only when the frame passed the gate (or `describe: 'always'`). */
  template?: Float32Array;
  /** The largest face's 468-point mesh in frame pixels, for gestures and the active liveness check. */
  landmarks?: MeshPoint[];
  liveness?: LivenessHints;
  timings: { detectMs: number; describeMs: number };
}

export interface AnalyseOptions {
  /** 'auto' (default): describe only a frame that passes the gate; 'always': any frame with one face. */
  describe?: 'auto' | 'always' | 'never';
}

export interface FacePipeline {
  readonly modelId: string;
  /** The TensorFlow.js backend actually in use (expected: "wasm"). */
  readonly backend: string;
  readonly templateLength: number;
  analyse(frame: FaceFrame, options?: AnalyseOptions): Promise<FaceAnalysis>;
  dispose(): void;
}

/** The few TensorFlow.js calls used here (human exposes its bundled tfjs untyped). */
interface Tf {
  getBackend(): string;
  tensor4d(values: Float32Array, shape: [number, number, number, number]): TfTensor;
  loadGraphModel(url: string): Promise<TfGraphModel>;
}
interface TfTensor {
  shape: number[];
  data(): Promise<Float32Array>;
  dispose(): void;
}
interface TfGraphModel {
  execute(input: TfTensor): TfTensor | TfTensor[];
}

interface FaceApiModule {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    setWasmPaths?: (path: string, simd?: boolean) => void;
    tensor3d(values: Float32Array, shape: [number, number, number]): TfTensor;
  };
  setWasmPaths?: (path: string, simd?: boolean) => void;
  env: { isBrowser(): boolean; setEnv(env: Record<string, unknown>): void };
  nets: { faceRecognitionNet: { loadFromUri(url: string): Promise<void>; computeFaceDescriptor(input: TfTensor): Promise<Float32Array | Float32Array[]> } };
}

/** The few onnxruntime-web calls used here (its WASM-only module, loaded from our own server). */
interface OrtModule {
  env: { wasm: { wasmPaths?: string; numThreads?: number; proxy?: boolean } };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;
  InferenceSession: {
    create(model: string | Uint8Array, options?: { executionProviders?: string[]; graphOptimizationLevel?: string }): Promise<OrtSession>;
  };
}
interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: Float32Array | ArrayLike<number> }>>;
}

type Describer = (image: RgbaImage, face: FaceResult) => Promise<Float32Array | null>;

async function loadManifest(url: string): Promise<FaceAssetManifest> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`face assets manifest: HTTP ${response.status}`);
  return (await response.json()) as FaceAssetManifest;
}

function humanConfig(manifest: FaceAssetManifest, options: Required<Pick<FacePipelineOptions, 'maxFaces' | 'videoCaching' | 'livenessHints'>>, describeWithHuman: boolean): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: manifest.tfjsWasm.base,
    modelBasePath: manifest.human.modelBase,
    debug: false,
    warmup: 'none',
    cacheSensitivity: options.videoCaching ? 0.7 : 0,
    // Raw pixels: the gate judges light and sharpness on what the camera really gave.
    filter: { enabled: false } as Config['filter'],
    gesture: { enabled: false },
    body: { enabled: false } as Config['body'],
    hand: { enabled: false } as Config['hand'],
    object: { enabled: false } as Config['object'],
    segmentation: { enabled: false } as Config['segmentation'],
    face: {
      enabled: true,
      detector: { maxDetected: options.maxFaces, minConfidence: 0.5, rotation: false, return: false },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: describeWithHuman },
      antispoof: { enabled: options.livenessHints },
      liveness: { enabled: options.livenessHints },
    } as Config['face'],
  };
}

/** What this module draws with: a page's canvas or, without a document (a worker), an OffscreenCanvas. */
interface Canvas2d {
  canvas: { width: number; height: number };
  context: {
    drawImage(image: Exclude<FaceFrame, ImageData>, x: number, y: number, width: number, height: number): void;
    getImageData(x: number, y: number, width: number, height: number): ImageData;
  };
}

function createCanvas2d(width: number, height: number): Canvas2d {
  const canvas = typeof document !== 'undefined' ? Object.assign(document.createElement('canvas'), { width, height }) : new OffscreenCanvas(width, height);
  const context = (canvas as OffscreenCanvas).getContext('2d', { willReadFrequently: true }) as Canvas2d['context'] | null;
  if (!context) throw new Error('face pipeline: no 2D canvas');
  return { canvas, context };
}

/** Pixels of any frame as RGBA (video, canvas and bitmap are drawn once into a reusable canvas). */
function framePixels(frame: FaceFrame, scratch: { canvas?: Canvas2d }): ImageData {
  if (typeof ImageData !== 'undefined' && frame instanceof ImageData) return frame;
  const source = frame as Exclude<FaceFrame, ImageData>;
  const width = 'videoWidth' in source ? source.videoWidth : source.width;
  const height = 'videoHeight' in source ? source.videoHeight : source.height;
  if (!width || !height) throw new Error('frame has no pixels yet');
  const { canvas, context } = (scratch.canvas ??= createCanvas2d(width, height));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  context.drawImage(source, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** The face box as a square crop (no rotation), for the unaligned variants. */
function boxCrop(image: RgbaImage, box: readonly number[], size: number): Uint8ClampedArray {
  const [x, y, w, h] = box as [number, number, number, number];
  const side = Math.max(w, h);
  const scale = side / size;
  return warpToRgb(image, { a: scale, b: 0, tx: x + w / 2 - side / 2, ty: y + h / 2 - side / 2 }, size, size);
}

function hasFullMesh(face: FaceResult): boolean {
  return Array.isArray(face.mesh) && face.mesh.length >= MESH_POINTS;
}

function graphDescriber(tf: Tf, model: TfGraphModel, spec: GraphSpec): Describer {
  return async (image, face) => {
    if (spec.align !== null && !hasFullMesh(face)) return null;
    const rgb = spec.align === null
      ? boxCrop(image, face.box, spec.inputSize)
      : alignFace(image, fivePointsFromMesh(face.mesh as MeshPoint[]), spec.inputSize, spec.align);
    const values = new Float32Array(rgb.length);
    for (let i = 0; i < rgb.length; i++) values[i] = (rgb[i]! - spec.offset) / spec.divisor;
    const input = tf.tensor4d(values, [1, spec.inputSize, spec.inputSize, 3]);
    const output = model.execute(input);
    input.dispose();
    const outputs = Array.isArray(output) ? output : [output];
    // The embedding is the output with `length` features (faceres also predicts age and gender).
    const embedding = outputs.find((t) => t.shape[t.shape.length - 1] === spec.length) ?? outputs[0]!;
    const data = await embedding.data();
    outputs.forEach((t) => t.dispose());
    return data;
  };
}

const FACE_API_SIZE = 150;

/**
 * The crop goes to face-api as a tensor, not a canvas: the net reads the same values (a 150×150
 * canvas was drawn 1:1 and cast to float), and a worker has no canvas element to give it.
 */
async function faceApiDescribe(faceApi: FaceApiModule, rgb: Uint8ClampedArray): Promise<Float32Array> {
  const input = faceApi.tf.tensor3d(Float32Array.from(rgb), [FACE_API_SIZE, FACE_API_SIZE, 3]);
  try {
    const result = await faceApi.nets.faceRecognitionNet.computeFaceDescriptor(input);
    return Array.isArray(result) ? result[0]! : result;
  } finally {
    input.dispose();
  }
}

function faceApiDescriber(faceApi: FaceApiModule, spec: FaceApiSpec): Describer {
  return async (image, face) => {
    if (spec.align !== null && !hasFullMesh(face)) return null;
    const rgb = spec.align === null
      ? boxCrop(image, face.box, FACE_API_SIZE)
      : alignFace(image, fivePointsFromMesh(face.mesh as MeshPoint[]), FACE_API_SIZE, spec.align);
    return faceApiDescribe(faceApi, rgb);
  };
}

/**
 * face-api finds its environment (fetch, canvas classes) only on a page with a document; in a
 * worker it is given one: it fetches the model and checks inputs with it, and is only fed tensors.
 */
function workerFaceApiEnv(): Record<string, unknown> {
  class NotInWorker {}
  const missing = (what: string) => () => {
    throw new Error(`face-api: no ${what} in a worker`);
  };
  return {
    Canvas: OffscreenCanvas,
    CanvasRenderingContext2D: OffscreenCanvasRenderingContext2D,
    Image: NotInWorker,
    ImageData,
    Video: NotInWorker,
    createCanvasElement: () => new OffscreenCanvas(1, 1),
    createImageElement: missing('image element'),
    createVideoElement: missing('video element'),
    fetch: (url: string, init?: RequestInit) => fetch(url, init),
    readFile: missing('file system'),
  };
}

/** An aligned RGB crop as the NCHW float input an ONNX face model expects. */
export function onnxInput(rgb: Uint8ClampedArray, spec: Pick<OnnxSpec, 'inputSize' | 'channels' | 'offset' | 'divisor'>): Float32Array {
  const plane = spec.inputSize * spec.inputSize;
  const values = new Float32Array(3 * plane);
  // Output plane c takes source channel order[c] (R = 0, G = 1, B = 2 in the crop).
  const order = spec.channels === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let c = 0; c < 3; c++) {
    const from = order[c]!;
    const base = c * plane;
    for (let i = 0; i < plane; i++) values[base + i] = (rgb[i * 3 + from]! - spec.offset) / spec.divisor;
  }
  return values;
}

async function onnxDescriber(manifest: FaceAssetManifest, spec: OnnxSpec, warmup: boolean): Promise<Describer> {
  const asset = manifest.installedModels.find((m) => m.id === spec.model);
  if (!asset) throw new Error(`face pipeline: model ${spec.model} is not installed on this server (motcua models install)`);
  const ort = (await import(/* @vite-ignore */ manifest.onnxRuntime.script)) as OrtModule;
  ort.env.wasm.wasmPaths = manifest.onnxRuntime.base;
  // One thread needs no cross-origin isolation and measured as fast on two cores (STACK-NOTES.md).
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  const session = await ort.InferenceSession.create(asset.url, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const inputName = session.inputNames[0]!;
  const outputName = session.outputNames[0]!;
  const dims = [1, 3, spec.inputSize, spec.inputSize] as const;
  const run = async (input: Float32Array) => {
    const output = await session.run({ [inputName]: new ort.Tensor('float32', input, dims) });
    return Float32Array.from(output[outputName]!.data);
  };
  if (warmup) await run(new Float32Array(3 * spec.inputSize * spec.inputSize));
  return async (image, face) => {
    if (!hasFullMesh(face)) return null;
    const rgb = alignFaceToPoints(image, fivePointsFromMesh(face.mesh as MeshPoint[]), spec.inputSize, spec.points);
    return run(onnxInput(rgb, spec));
  };
}

/** Size, pose, light and sharpness of the largest face, and the verdict of the gate. */
function measureFrame(image: RgbaImage, faces: FaceResult[], limits: QualityLimits): FaceAnalysis['quality'] {
  const measurement: FrameMeasurement = { faceWidths: faces.map((f) => f.box[2]) };
  const main = faces[0];
  if (main) {
    measurement.confidence = main.score;
    if (hasFullMesh(main)) {
      const mesh = main.mesh as MeshPoint[];
      const pose = estimateHeadPose(mesh);
      measurement.yaw = pose.yaw;
      measurement.pitch = pose.pitch;
      // Light and sharpness on the aligned 112×112 crop: the same scale whatever the distance.
      const grey = rgbToGrey(alignFace(image, fivePointsFromMesh(mesh), 112), 112, 112);
      const stats = greyStats(grey);
      measurement.brightness = stats.mean;
      measurement.contrast = stats.std;
      measurement.sharpness = laplacianVariance(grey, 112, 112);
    }
  }
  return { ...assessQuality(measurement, limits), measurement };
}

export async function createFacePipeline(options: FacePipelineOptions = {}): Promise<FacePipeline> {
  const spec = options.descriptor ?? DEFAULT_DESCRIPTOR;
  const limits = options.limits ?? DEFAULT_QUALITY_LIMITS;
  const settings = {
    maxFaces: options.maxFaces ?? 5,
    videoCaching: options.videoCaching ?? true,
    livenessHints: options.livenessHints ?? true,
  };
  const manifest = await loadManifest(options.manifestUrl ?? FACE_ASSET_MANIFEST_URL);
  const { Human: HumanClass } = (await import(/* @vite-ignore */ manifest.human.script)) as { Human: new (config: Partial<Config>) => Human };
  const human = new HumanClass(humanConfig(manifest, settings, spec.kind === 'human-faceres'));
  await human.load();
  const tf = human.tf as Tf;
  // The CPU fallback is far too slow for live video and WebGL without a GPU is worse (STACK-NOTES.md): fail loudly.
  if (tf.getBackend() !== 'wasm') throw new Error(`face pipeline: WASM backend unavailable (got ${tf.getBackend()})`);

  let describe: Describer;
  if (spec.kind === 'human-faceres') {
    describe = async (_image, face) => (face.embedding?.length ? Float32Array.from(face.embedding) : null);
  } else if (spec.kind === 'graph') {
    const url = /^(https?:)?\//.test(spec.model) ? spec.model : manifest.human.modelBase + spec.model;
    describe = graphDescriber(tf, await tf.loadGraphModel(url), spec);
  } else if (spec.kind === 'onnx') {
    describe = await onnxDescriber(manifest, spec, options.warmup ?? false);
  } else {
    const faceApi = (await import(/* @vite-ignore */ manifest.faceApi.script)) as FaceApiModule;
    if (!faceApi.env.isBrowser()) faceApi.env.setEnv(workerFaceApiEnv());
    // Both libraries bundle the same TensorFlow.js (4.22) and share its engine: keep it on WASM.
    (faceApi.setWasmPaths ?? faceApi.tf.setWasmPaths)?.(manifest.tfjsWasm.base, true);
    await faceApi.tf.setBackend('wasm');
    await faceApi.tf.ready();
    await faceApi.nets.faceRecognitionNet.loadFromUri(manifest.faceApi.modelBase);
    describe = faceApiDescriber(faceApi, spec);
    if (options.warmup) await faceApiDescribe(faceApi, new Uint8ClampedArray(FACE_API_SIZE * FACE_API_SIZE * 3));
  }
  if (options.warmup) await human.detect(new ImageData(64, 48));

  const scratch: { canvas?: Canvas2d } = {};
  return {
    modelId: spec.id,
    backend: tf.getBackend(),
    templateLength: spec.length,
    async analyse(frame, analyseOptions = {}) {
      const mode = analyseOptions.describe ?? 'auto';
      const image = framePixels(frame, scratch);
      const started = performance.now();
      const result = await human.detect(image);
      const faces = [...result.face].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
      const detectMs = performance.now() - started;
      const quality = measureFrame(image, faces, limits);
      const main = faces[0];
      const analysis: FaceAnalysis = {
        faces: faces.map((f) => ({
          box: [...f.box] as DetectedFace['box'],
          confidence: f.score,
          pose: hasFullMesh(f) ? estimateHeadPose(f.mesh as MeshPoint[]) : null,
          landmarks5: hasFullMesh(f) ? fivePointsFromMesh(f.mesh as MeshPoint[]) : null,
        })),
        quality,
        timings: { detectMs, describeMs: 0 },
      };
      if (main && hasFullMesh(main)) {
        const mesh = main.mesh as MeshPoint[];
        analysis.landmarks = mesh;
        analysis.liveness = {
          ...(main.real !== undefined ? { antispoof: main.real } : {}),
          ...(main.live !== undefined ? { live: main.live } : {}),
          eyeOpenness: eyeOpenness(mesh),
          pose: estimateHeadPose(mesh),
        };
      }
      const wanted = mode === 'always' ? quality.faceCount === 1 : mode === 'auto' && quality.ok;
      if (main && wanted) {
        const describeStarted = performance.now();
        const raw = await describe(image, main);
        const template = raw ? l2Normalise(raw) : null;
        if (template) analysis.template = template;
        analysis.timings.describeMs = performance.now() - describeStarted;
      }
      return analysis;
    },
    dispose() {
      // human keeps its models for the page's lifetime; nothing else holds GPU or WASM memory here.
    },
  };
}
