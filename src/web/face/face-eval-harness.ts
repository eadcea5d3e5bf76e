/**
 * Browser side of `npm run face:eval`: a page that loads this folder's pipeline exactly as the kiosk
 * does (same module, same WASM backend, assets from the same server routes), runs it over the images
 * the command serves, and hands back templates and timings. Built on the fly by src/cli/face-eval.ts.
 */
import { createFacePipeline } from './face-pipeline';
import { descriptorById, DESCRIPTORS, type DescriptorSpec } from './face-descriptors';

export interface EvalImage {
  index: number;
  identity: string;
  file: string;
  multiFace: boolean;
}

export interface EvalImageResult {
  index: number;
  template: number[] | null;
  faceCount: number;
  issues: string[];
  measurement: Record<string, unknown>;
  ms: number;
}

export interface EvalRun {
  modelId: string;
  backend: string;
  templateLength: number;
  results: EvalImageResult[];
}

export interface FrameBench {
  frames: number;
  /** Full analyse() per 640×480 frame with every model (gate passed → descriptor), no caching. */
  msPerFrame: number;
  /** Detection + mesh + gate only (what runs on frames that are not described). */
  detectMsPerFrame: number;
  /** Same still scene again and again with human's video caching on. */
  cachedMsPerFrame: number;
}

/** The server could not decode the file: that image fails to enrol, the run goes on. */
class UnreadableImage extends Error {}

async function fetchImage(index: number): Promise<ImageData> {
  const response = await fetch(`/eval/image/${index}`);
  if (response.status === 422) throw new UnreadableImage(((await response.json()) as { message?: string }).message ?? 'unreadable image');
  if (!response.ok) throw new Error(`image ${index}: HTTP ${response.status}`);
  const width = Number(response.headers.get('x-width'));
  const height = Number(response.headers.get('x-height'));
  return new ImageData(new Uint8ClampedArray(await response.arrayBuffer()), width, height);
}

function resolveSpec(descriptor: string | DescriptorSpec | undefined): DescriptorSpec | undefined {
  return typeof descriptor === 'string' ? descriptorById(descriptor) : descriptor;
}

async function run(config: { descriptor?: string | DescriptorSpec }): Promise<EvalRun> {
  const pipeline = await createFacePipeline({ descriptor: resolveSpec(config.descriptor), videoCaching: false, livenessHints: false });
  const images = (await (await fetch('/eval/images.json')).json()) as EvalImage[];
  const results: EvalImageResult[] = [];
  for (const image of images) {
    let pixels: ImageData;
    try {
      pixels = await fetchImage(image.index);
    } catch (error) {
      if (!(error instanceof UnreadableImage)) throw error;
      results.push({ index: image.index, template: null, faceCount: 0, issues: ['unreadable-image'], measurement: { error: error.message }, ms: 0 });
      continue;
    }
    const started = performance.now();
    const analysis = await pipeline.analyse(pixels);
    const ms = performance.now() - started;
    results.push({
      index: image.index,
      template: analysis.template ? Array.from(analysis.template) : null,
      faceCount: analysis.quality.faceCount,
      issues: analysis.quality.issues,
      measurement: { ...analysis.quality.measurement },
      ms,
    });
  }
  return { modelId: pipeline.modelId, backend: pipeline.backend, templateLength: pipeline.templateLength, results };
}

/** Each image letterboxed into a 640×480 frame, as a webcam would give it. */
async function webcamFrame(index: number): Promise<ImageData> {
  const source = await fetchImage(index);
  const from = document.createElement('canvas');
  from.width = source.width;
  from.height = source.height;
  from.getContext('2d')!.putImageData(source, 0, 0);
  const frame = document.createElement('canvas');
  frame.width = 640;
  frame.height = 480;
  const context = frame.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#808080';
  context.fillRect(0, 0, 640, 480);
  const scale = Math.min(640 / source.width, 480 / source.height);
  const w = source.width * scale, h = source.height * scale;
  context.drawImage(from, (640 - w) / 2, (480 - h) / 2, w, h);
  return context.getImageData(0, 0, 640, 480);
}

async function benchFrames(config: { descriptor?: string | DescriptorSpec; indices: number[]; rounds: number }): Promise<FrameBench> {
  const frames = await Promise.all(config.indices.map(webcamFrame));
  const spec = resolveSpec(config.descriptor);
  const time = async (pipeline: Awaited<ReturnType<typeof createFacePipeline>>, describe: 'always' | 'never', same: boolean) => {
    await pipeline.analyse(frames[0]!, { describe }); // warm-up: first run compiles kernels
    let total = 0, n = 0;
    for (let r = 0; r < config.rounds; r++) {
      for (let i = 0; i < frames.length; i++) {
        const frame = same ? frames[0]! : frames[i]!;
        const started = performance.now();
        await pipeline.analyse(frame, { describe });
        total += performance.now() - started;
        n++;
      }
    }
    return { ms: total / n, n };
  };
  const live = await createFacePipeline({ descriptor: spec, videoCaching: false, livenessHints: true });
  const full = await time(live, 'always', false);
  const detect = await time(live, 'never', false);
  const cachedPipeline = await createFacePipeline({ descriptor: spec, videoCaching: true, livenessHints: true });
  const cached = await time(cachedPipeline, 'always', true);
  return { frames: full.n, msPerFrame: full.ms, detectMsPerFrame: detect.ms, cachedMsPerFrame: cached.ms };
}

/** The descriptor ids this build of the pipeline can run. */
function descriptorIds(): string[] {
  return Object.keys(DESCRIPTORS);
}

declare global {
  interface Window {
    faceEval: { run: typeof run; benchFrames: typeof benchFrames; descriptorIds: typeof descriptorIds };
  }
}

window.faceEval = { run, benchFrames, descriptorIds };
document.title = 'face-eval ready';
