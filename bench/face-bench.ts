/**
 * Face benchmark — `npm run bench:face` prints ONE JSON object on stdout (progress goes to stderr).
 * Three sections:
 *   pipelineMsPerFrame    the kiosk's per-frame pipeline in headless Chromium on the WASM backend
 *                         (`npm run face:eval -- --bench-frames` over the dev photos, 640×480 frames)
 *   kioskSecondsToTicket  face in view → ticket shown on the real /kiosk page with a fake camera,
 *                         choices by the keyboard fallback (bench/kiosk-face-bench.ts), p50/p95
 *   stillPhotoSecondsToRefusal  the same with a printed photo held up: face in view → "not live"
 *                         (p50/max; `acceptedAsLive` must be 0)
 *   match1N               server-side 1:N matching, below (`measureMatching()`), and `restart`:
 *                         a new server process to its first HNSW answer with the largest gallery
 *   indexLoadSeconds      = match1N.restart.indexLoadSeconds (bench/face-restart.ts)
 * `--match-only` measures match1N alone (no browser).
 *
 * ## What the 1:N figures measure
 * `TemplateIndex` (src/server/face/template-index.ts) exactly as the server uses it: one group holding
 * the whole gallery, `search(query, k = 5, { groupKey })`, one query at a time, one thread.
 * recall@1 = share of queries whose best hit is the exact best (same id, or the same score within
 * 1e-5 when two templates tie), the exact best coming from a brute-force scan (usearch
 * `exactSearch`, float32 inner product). Half the queries are a new capture of an enrolled
 * identity, half a person who is not enrolled; both are reported.
 *
 * ## Why synthetic galleries, and why they are representative
 * Nobody has a million consented faces; recall measured on uniform random vectors is the worst case
 * and says little (STACK-NOTES), because real templates are not spread over the sphere: they sit in
 * a narrow cone (strangers score well above 0) with most of their variation in a few directions.
 * So the galleries are drawn from a generative model fitted to REAL templates:
 *   1. Real templates: every single-face photo of /work/shared/data/faces/dev/ through the model of
 *      the dimension in use — the recommended model (face-reidentification-retail-0095, 256-d),
 *      installed from ../shared/models into a scratch data directory and run by `face:eval
 *      --dump-templates` in Chromium exactly as the kiosk runs it; face-api's 128-d recognition
 *      net (SSD MobileNet detector + 68 landmarks, in Node with the WASM backend); or human's
 *      1024-d faceres. For a length with no model here (e.g. 512), faceres templates are projected
 *      to that length by a fixed Gaussian random matrix (distances are kept up to ~1/√d noise).
 *   2. Structure from them: μ = mean of the identity means (the cone's axis), B = identity means − μ
 *      (between-person directions), W = photos − their identity mean (within-person directions).
 *   3. An identity is  c = normalise(μ + σ·(√ρ·B̂g + √(1−ρ)·r)),  a capture of it is
 *      x = normalise(c + τ·(√λ·Ŵh + √(1−λ)·r′)),  with g, h standard normal weights over the real
 *      directions (scaled to unit expected norm) and r, r′ isotropic Gaussian directions: real
 *      structure where the data has it, random directions for the dimensions 21 people cannot span.
 *   4. σ, ρ, τ, λ are fitted (coordinate search) so that the synthetic genuine scores (two captures
 *      of one person) and impostor scores (captures of two people) have the real mean and standard
 *      deviation. The output lists real vs synthetic moments, and the impostor tail (p99.9) as an
 *      unfitted check.
 *   5. Gallery = one capture per identity (one capture, not an average of frames: the harder case);
 *      an enrolled query = another capture of a gallery identity; a stranger = a new identity.
 * What this does not capture: look-alike families, twins, and the ethnic mix of a Vietnamese hall
 * (the dev set is 21 Western people) — such clusters make the top-2 closer and recall harder; the
 * figures for a consented local set remain to be measured.
 * The random-vector baseline: uniform unit vectors; enrolled query = gallery vector + noise at cosine
 * ≈ the real genuine mean; stranger = another uniform vector.
 *
 * ## Cost and reuse
 * Built indexes are saved under $FACE_BENCH_DIR (default /tmp/motcua-face-bench) keyed by everything
 * that shapes them, and loaded on the next run (load time is reported; build time is the one
 * measured when built). Environment:
 *   FACE_BENCH_MODEL=<id>                   the model whose templates are measured (default: the
 *                                           recommended one; face-api-128-aligned for the fallback)
 *   FACE_BENCH_SIZES=10000,100000,1000000   gallery sizes for the dimension in use; the largest
 *                                           is also the restart measurement's gallery
 *   FACE_BENCH_EXTRA_DIMS=512               other lengths, at FACE_BENCH_EXTRA_SIZES (10000,100000)
 *   FACE_BENCH_QUERIES=1000                 queries per gallery
 *   FACE_BENCH_RANDOM=0                     skip the random-vector baseline
 *   FACE_BENCH_SCORES=<file>                fit the model to the kiosk pipeline's own scores
 *                                           (`npm run face:eval -- --dump-scores <file>`)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { measureKioskFace } from './kiosk-face-bench';
import { benchGroup, benchTemplateId, measureRestart } from './face-restart';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exactSearch, MetricKind } from 'usearch';
import { decodeTemplate, dot, encodeTemplate, normalizeTemplate } from '../src/core/face/template-math';
import { DEFAULT_EXACT_MAX_ELEMENTS, DEFAULT_HNSW_OPTIONS, TemplateIndex } from '../src/server/face/template-index';
import { FACE_MODELS, isFaceModelId, PREFERRED_FACE_MODEL_ID, type FaceModelId } from '../src/contracts/face';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV_FACES = process.env.FACE_BENCH_FACES ?? join(ROOT, '../shared/data/faces/dev');
const TSX_CLI = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const EVAL_CLI = join(ROOT, 'src/cli/face-eval.ts');
const WORK_DIR = process.env.FACE_BENCH_DIR ?? '/tmp/motcua-face-bench';
// 2: ids and group as the server's (template UUIDs, one centre's remembered citizens).
const GENERATOR_VERSION = 2;
const K = 5;

const log = (message: string) => process.stderr.write(`[bench:face] ${message}\n`);
const envList = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map(Number);

// =============================================================================================
// Seeded randomness (galleries must be reproducible so a saved index matches regenerated queries)
// =============================================================================================

export class Rng {
  private s: number;
  private spare: number | null = null;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Standard normal (Box–Muller, both values used). */
  gauss(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(a);
    return r * Math.cos(a);
  }
}

// =============================================================================================
// The generative model of templates
// =============================================================================================

/** What the real templates contribute: the cone's axis and the real between/within directions. */
export interface FaceStructure {
  dims: number;
  mean: Float32Array;
  between: Float32Array[];
  within: Float32Array[];
}

export interface SynthesisParams {
  /** Spread of identities around the axis. */
  sigma: number;
  /** Share of that spread along real between-person directions (the rest isotropic). */
  rho: number;
  /** Spread of captures around their identity. */
  tau: number;
  /** Share of that spread along real within-person directions. */
  lambda: number;
}

export interface LabelledTemplate {
  identity: string;
  template: Float32Array;
}

export function structureFrom(templates: readonly LabelledTemplate[]): FaceStructure {
  const dims = templates[0]!.template.length;
  const byIdentity = new Map<string, Float32Array[]>();
  for (const t of templates) byIdentity.set(t.identity, [...(byIdentity.get(t.identity) ?? []), t.template]);
  const means = new Map<string, Float32Array>();
  for (const [identity, list] of byIdentity) means.set(identity, averageUnit(list));
  const mean = new Float32Array(dims);
  for (const m of means.values()) for (let j = 0; j < dims; j++) mean[j]! += m[j]! / means.size;
  const between = [...means.values()].map((m) => m.map((v, j) => v - mean[j]!));
  const within: Float32Array[] = [];
  for (const [identity, list] of byIdentity) {
    if (list.length < 2) continue;
    const m = means.get(identity)!;
    for (const t of list) within.push(t.map((v, j) => v - m[j]!));
  }
  return { dims, mean, between, within };
}

function averageUnit(list: readonly Float32Array[]): Float32Array {
  const sum = new Float32Array(list[0]!.length);
  for (const t of list) for (let j = 0; j < t.length; j++) sum[j]! += t[j]!;
  return normalizeTemplate(sum);
}

/** Writes Σ g_i·dirs_i scaled to unit expected squared norm into `out` (added with weight w). */
function addStructured(out: Float64Array, dirs: readonly Float32Array[], norm: number, w: number, rng: Rng): void {
  if (dirs.length === 0 || w === 0) return;
  const scale = w / norm;
  for (const dir of dirs) {
    const g = rng.gauss() * scale;
    for (let j = 0; j < out.length; j++) out[j]! += g * dir[j]!;
  }
}

function addIsotropic(out: Float64Array, w: number, rng: Rng): void {
  const scale = w / Math.sqrt(out.length);
  for (let j = 0; j < out.length; j++) out[j]! += rng.gauss() * scale;
}

function writeUnit(src: Float64Array, out: Float32Array, offset = 0): void {
  let s = 0;
  for (let j = 0; j < src.length; j++) s += src[j]! * src[j]!;
  const inv = 1 / Math.sqrt(s);
  for (let j = 0; j < src.length; j++) out[offset + j] = src[j]! * inv;
}

export class TemplateSynthesizer {
  private readonly betweenNorm: number;
  private readonly withinNorm: number;
  private readonly buf: Float64Array;

  constructor(
    readonly structure: FaceStructure,
    readonly params: SynthesisParams,
  ) {
    const sq = (dirs: Float32Array[]) => Math.sqrt(dirs.reduce((s, d) => s + dot(d, d), 0)) || 1;
    this.betweenNorm = sq(structure.between);
    this.withinNorm = sq(structure.within);
    this.buf = new Float64Array(structure.dims);
  }

  identity(rng: Rng, out: Float32Array, offset = 0): void {
    const { mean, between } = this.structure;
    const { sigma, rho } = this.params;
    const b = this.buf;
    for (let j = 0; j < b.length; j++) b[j] = mean[j]!;
    addStructured(b, between, this.betweenNorm, sigma * Math.sqrt(rho), rng);
    addIsotropic(b, sigma * Math.sqrt(1 - rho), rng);
    writeUnit(b, out, offset);
  }

  capture(identity: Float32Array, rng: Rng, out: Float32Array, offset = 0, identityOffset = 0): void {
    const { tau, lambda } = this.params;
    const b = this.buf;
    for (let j = 0; j < b.length; j++) b[j] = identity[identityOffset + j]!;
    addStructured(b, this.structure.within, this.withinNorm, tau * Math.sqrt(lambda), rng);
    addIsotropic(b, tau * Math.sqrt(1 - lambda), rng);
    writeUnit(b, out, offset);
  }
}

export interface ScoreMoments {
  genuineMean: number;
  genuineStd: number;
  impostorMean: number;
  impostorStd: number;
  impostorP999: number;
}

function moments(genuine: number[], impostor: number[]): ScoreMoments {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = (xs: number[]) => {
    const m = mean(xs);
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  };
  return {
    genuineMean: mean(genuine),
    genuineStd: std(genuine),
    impostorMean: mean(impostor),
    impostorStd: std(impostor),
    impostorP999: percentile(impostor, 0.999),
  };
}

export function realMoments(templates: readonly LabelledTemplate[]): ScoreMoments {
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let a = 0; a < templates.length; a++) {
    for (let b = a + 1; b < templates.length; b++) {
      const s = dot(templates[a]!.template, templates[b]!.template);
      (templates[a]!.identity === templates[b]!.identity ? genuine : impostor).push(s);
    }
  }
  return moments(genuine, impostor);
}

/** Score moments of the model with fixed random draws (common random numbers keep the fit smooth). */
export function syntheticMoments(structure: FaceStructure, params: SynthesisParams, identities = 600, seed = 7): ScoreMoments {
  const synth = new TemplateSynthesizer(structure, params);
  const d = structure.dims;
  const rng = new Rng(seed);
  const ids = new Float32Array(identities * d);
  const caps = new Float32Array(identities * 2 * d);
  for (let i = 0; i < identities; i++) {
    synth.identity(rng, ids, i * d);
    synth.capture(ids, rng, caps, 2 * i * d, i * d);
    synth.capture(ids, rng, caps, (2 * i + 1) * d, i * d);
  }
  const row = (i: number) => caps.subarray(i * d, (i + 1) * d);
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let i = 0; i < identities; i++) {
    genuine.push(dot(row(2 * i), row(2 * i + 1)));
    for (const step of [1, 2, 3, 5, 8]) impostor.push(dot(row(2 * i), row(2 * ((i + step) % identities) + 1)));
  }
  return moments(genuine, impostor);
}

/** Coordinate search for σ, ρ, τ, λ matching the four real moments. */
export function fitSynthesis(structure: FaceStructure, target: ScoreMoments): { params: SynthesisParams; achieved: ScoreMoments } {
  const loss = (p: SynthesisParams) => {
    const m = syntheticMoments(structure, p, 300);
    return (
      (m.genuineMean - target.genuineMean) ** 2 +
      (m.impostorMean - target.impostorMean) ** 2 +
      (m.genuineStd - target.genuineStd) ** 2 +
      (m.impostorStd - target.impostorStd) ** 2
    );
  };
  const bounds: Record<keyof SynthesisParams, [number, number]> = { sigma: [0.05, 4], rho: [0, 1], tau: [0.05, 4], lambda: [0, 1] };
  let params: SynthesisParams = { sigma: 1, rho: 0.5, tau: 0.8, lambda: 0.5 };
  for (let round = 0; round < 4; round++) {
    for (const name of ['sigma', 'tau', 'rho', 'lambda'] as const) {
      // Golden-section search on one coordinate, the others fixed.
      let [lo, hi] = bounds[name];
      const g = (Math.sqrt(5) - 1) / 2;
      let x1 = hi - g * (hi - lo);
      let x2 = lo + g * (hi - lo);
      let f1 = loss({ ...params, [name]: x1 });
      let f2 = loss({ ...params, [name]: x2 });
      for (let i = 0; i < 18; i++) {
        if (f1 < f2) {
          hi = x2;
          x2 = x1;
          f2 = f1;
          x1 = hi - g * (hi - lo);
          f1 = loss({ ...params, [name]: x1 });
        } else {
          lo = x1;
          x1 = x2;
          f1 = f2;
          x2 = lo + g * (hi - lo);
          f2 = loss({ ...params, [name]: x2 });
        }
      }
      params = { ...params, [name]: (lo + hi) / 2 };
    }
  }
  return { params, achieved: syntheticMoments(structure, params, 600, 11) };
}

/**
 * A gallery of `size` identities (one capture each, id `g<i>`) and its queries: the first half
 * new captures of enrolled identities, the second half strangers.
 */
export function synthesizeGallery(
  synth: TemplateSynthesizer,
  size: number,
  queries: number,
  seed: number,
): { gallery: Float32Array; queries: Float32Array; enrolledQueries: number } {
  const d = synth.structure.dims;
  const rng = new Rng(seed);
  const enrolledQueries = Math.min(size, Math.floor(queries / 2));
  const pick = new Rng(seed ^ 0x5bd1e995);
  const targets = new Map<number, number>(); // gallery row → query slot
  while (targets.size < enrolledQueries) {
    const row = Math.floor(pick.next() * size);
    if (!targets.has(row)) targets.set(row, targets.size);
  }
  const gallery = new Float32Array(size * d);
  const out = new Float32Array(queries * d);
  const identity = new Float32Array(d);
  const queryRng = new Rng(seed ^ 0x9e3779b9);
  for (let i = 0; i < size; i++) {
    synth.identity(rng, identity);
    synth.capture(identity, rng, gallery, i * d);
    const slot = targets.get(i);
    if (slot !== undefined) synth.capture(identity, queryRng, out, slot * d);
  }
  for (let q = enrolledQueries; q < queries; q++) {
    synth.identity(queryRng, identity);
    synth.capture(identity, queryRng, out, q * d);
  }
  return { gallery, queries: out, enrolledQueries };
}

/** Uniform unit vectors; enrolled queries at cosine ≈ `genuineCosine` to their gallery vector. */
export function randomGallery(
  dims: number,
  size: number,
  queries: number,
  seed: number,
  genuineCosine: number,
): { gallery: Float32Array; queries: Float32Array; enrolledQueries: number } {
  const rng = new Rng(seed);
  const gallery = new Float32Array(size * dims);
  const buf = new Float64Array(dims);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < dims; j++) buf[j] = rng.gauss();
    writeUnit(buf, gallery, i * dims);
  }
  const out = new Float32Array(queries * dims);
  const enrolledQueries = Math.min(size, Math.floor(queries / 2));
  // x = g + t·r with r ⟂-ish unit noise: cos = 1/√(1+t²).
  const t = Math.sqrt(1 / (genuineCosine * genuineCosine) - 1);
  const qrng = new Rng(seed ^ 0x9e3779b9);
  for (let q = 0; q < queries; q++) {
    if (q < enrolledQueries) {
      const row = Math.floor(qrng.next() * size);
      for (let j = 0; j < dims; j++) buf[j] = gallery[row * dims + j]! + (t * qrng.gauss()) / Math.sqrt(dims);
    } else {
      for (let j = 0; j < dims; j++) buf[j] = qrng.gauss();
    }
    writeUnit(buf, out, q * dims);
  }
  return { gallery, queries: out, enrolledQueries };
}

// =============================================================================================
// Real templates (computed once per model, cached; each model in its own child process so the
// two libraries never share one TensorFlow.js engine)
// =============================================================================================

type RealModel = 'face-api-128' | 'faceres-1024' | 'face-reidentification-retail-0095';
const SHARED_MODELS = process.env.FACE_BENCH_MODELS ?? join(ROOT, '../shared/models');

function devImages(): { identity: string; file: string }[] {
  const out: { identity: string; file: string }[] = [];
  for (const identity of readdirSync(DEV_FACES).sort()) {
    if (identity.startsWith('_') || !statSync(join(DEV_FACES, identity)).isDirectory()) continue;
    for (const file of readdirSync(join(DEV_FACES, identity)).sort()) out.push({ identity, file: join(DEV_FACES, identity, file) });
  }
  return out;
}

/** Node 20's fetch refuses file:// URLs and the WASM backend fetches plain paths: answer both from disk. */
function installFileFetch(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file://') || url.startsWith('/')) {
      const path = url.startsWith('file://') ? fileURLToPath(url) : url;
      return new Response(readFileSync(path), {
        headers: { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' },
      });
    }
    return realFetch(input, init);
  }) as typeof fetch;
}

/** RGB pixels; `pad` adds a grey border (a share of the size) so detectors find tightly cropped faces. */
async function decodeImage(file: string, pad = 0): Promise<{ data: Uint8Array; width: number; height: number }> {
  const sharp = (await import('sharp')).default;
  const resized = await sharp(file)
    .rotate()
    .resize({ width: 1024, height: 1024, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toBuffer({ resolveWithObject: true });
  const border = Math.round(pad * Math.max(resized.info.width, resized.info.height));
  const { data, info } = await sharp(resized.data)
    .extend({ top: border, bottom: border, left: border, right: border, background: { r: 128, g: 128, b: 128 } })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** Child-process entry: computes one model's templates of the dev set and writes them as JSON. */
async function extractRealTemplates(model: RealModel, outFile: string): Promise<void> {
  installFileFetch();
  const require = createRequire(join(ROOT, 'package.json'));
  const wasmDir = join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  const rows: { identity: string; file: string; template: number[] }[] = [];
  let embed: (image: { data: Uint8Array; width: number; height: number }) => Promise<number[] | null>;
  if (model === 'face-api-128') {
    // face-api's Node bundle wants the full @tensorflow/tfjs; core + converter (with the chained
    // ops registered) is all it uses, and both are installed.
    require('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
    const tfShim = { ...require('@tensorflow/tfjs-core'), ...require('@tensorflow/tfjs-converter') };
    const Module = (await import('node:module')).default as unknown as { _load: (r: string, ...a: unknown[]) => unknown };
    const load = Module._load;
    Module._load = function (request: string, ...rest: unknown[]) {
      return request === '@tensorflow/tfjs' ? tfShim : load.call(this, request, ...rest);
    };
    const faceapi = require(join(ROOT, 'node_modules/@vladmandic/face-api/dist/face-api.node-wasm.js'));
    Module._load = load;
    require('@tensorflow/tfjs-backend-wasm').setWasmPaths(wasmDir, true);
    await faceapi.tf.setBackend('wasm');
    await faceapi.tf.ready();
    const modelDir = join(ROOT, 'node_modules/@vladmandic/face-api/model/');
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
    embed = async ({ data, width, height }) => {
      const tensor = faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
      const faces = await faceapi
        .detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
        .withFaceLandmarks()
        .withFaceDescriptors();
      tensor.dispose();
      const area = (f: { detection: { box: { width: number; height: number } } }) => f.detection.box.width * f.detection.box.height;
      const largest = [...faces].sort((a, b) => area(b) - area(a))[0];
      return largest ? Array.from(largest.descriptor as Float32Array) : null;
    };
  } else {
    const { Human } = require(join(ROOT, 'node_modules/@vladmandic/human/dist/human.node-wasm.js'));
    const human = new Human({
      backend: 'wasm',
      wasmPath: wasmDir,
      modelBasePath: pathToFileURL(join(ROOT, 'node_modules/@vladmandic/human/models/')).href,
      debug: false,
      cacheSensitivity: 0,
      face: {
        enabled: true,
        detector: { maxDetected: 5, rotation: false },
        mesh: { enabled: true },
        description: { enabled: true },
        iris: { enabled: false },
        emotion: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
      },
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      gesture: { enabled: false },
      segmentation: { enabled: false },
    });
    await human.load();
    embed = async ({ data, width, height }) => {
      const tensor = human.tf.tensor3d(data, [height, width, 3], 'int32');
      const result = await human.detect(tensor);
      tensor.dispose();
      const faces = (result.face as { box: number[]; embedding?: number[] }[]).filter((f) => f.embedding && f.embedding.length > 0);
      const largest = faces.sort((a, b) => b.box[2]! * b.box[3]! - a.box[2]! * a.box[3]!)[0];
      return largest ? Array.from(largest.embedding!) : null;
    };
  }
  // Every photo in an identity's folder shows that person (SOURCE.md): take the largest face, and
  // retry with a border when a tight crop leaves the detector nothing to find.
  for (const { identity, file } of devImages()) {
    const template = (await embed(await decodeImage(file))) ?? (await embed(await decodeImage(file, 0.5)));
    if (template) rows.push({ identity, file, template: Array.from(normalizeTemplate(template)) });
    else process.stderr.write(`no face found in ${file}\n`);
  }
  writeFileSync(outFile, JSON.stringify(rows));
}

/**
 * An installed model's templates of the dev set, as the kiosk computes them: the model installed
 * from ../shared/models into a scratch data directory (as tests do), then `face:eval --dump-templates`.
 */
function installedModelTemplates(model: FaceModelId, file: string): void {
  const dataDir = join(WORK_DIR, 'model-site');
  const run = (args: string[]) => {
    const child = spawnSync(process.execPath, [TSX_CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, DATA_DIR: dataDir } });
    if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr.slice(-2000)}`);
  };
  run([join(ROOT, 'src/cli/main.ts'), 'models', 'install', '--from', join(SHARED_MODELS, model), '--model', model]);
  run([EVAL_CLI, '--dir', DEV_FACES, '--data-dir', dataDir, '--model', model, '--dump-templates', file]);
}

function realTemplates(model: RealModel): LabelledTemplate[] {
  const file = join(WORK_DIR, `real-${model}.json`);
  if (!existsSync(file) && model === 'face-reidentification-retail-0095') {
    log(`computing ${model} templates of the dev set (once; cached in ${file})`);
    installedModelTemplates(model, file);
  }
  if (!existsSync(file)) {
    log(`computing ${model} templates of the dev set (once; cached in ${file})`);
    const started = performance.now();
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--extract', model, file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (child.status !== 0 || !existsSync(file)) throw new Error(`template extraction failed: ${child.stderr.slice(-2000)}`);
    for (const line of child.stderr.split('\n')) if (line.startsWith('no face')) log(`  ${line}`);
    log(`  ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { identity: string; template: number[] }[];
  return rows.map((r) => ({ identity: r.identity, template: Float32Array.from(r.template) }));
}

/** Real templates of length `dims`: the model of that length, or faceres projected to it. */
function realTemplatesOfLength(dims: number): { source: string; templates: LabelledTemplate[] } {
  if (dims === 128) return { source: 'face-api 128-d (SSD MobileNetV1 + 68 landmarks + recognition net), Node WASM', templates: realTemplates('face-api-128') };
  if (dims === 256) {
    return {
      source: 'face-reidentification-retail-0095 256-d, installed from ../shared/models, face:eval --dump-templates (Chromium, as the kiosk)',
      templates: realTemplates('face-reidentification-retail-0095'),
    };
  }
  const faceres = realTemplates('faceres-1024');
  if (dims === 1024) return { source: 'human faceres 1024-d, Node WASM', templates: faceres };
  const rng = new Rng(0xface + dims);
  const projection = Array.from({ length: dims }, () => Float32Array.from({ length: 1024 }, () => rng.gauss()));
  return {
    source: `human faceres 1024-d projected to ${dims}-d by a fixed Gaussian random matrix`,
    templates: faceres.map(({ identity, template }) => ({
      identity,
      template: normalizeTemplate(projection.map((row) => dot(row, template))),
    })),
  };
}

// =============================================================================================
// Measurement
// =============================================================================================

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
/** Resident memory after a full GC when the script runs with --expose-gc (npm run bench:face does). */
const rssMB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
};

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Exact best row and score for every query (usearch brute force, float32, both cores). */
function groundTruth(gallery: Float32Array, queries: Float32Array, dims: number): { rows: number[]; scores: number[] } {
  const n = queries.length / dims;
  const rows: number[] = [];
  const scores: number[] = [];
  const batch = 100;
  for (let start = 0; start < n; start += batch) {
    const count = Math.min(batch, n - start);
    // slice, not subarray: usearch 2.25's exactSearch reads a typed array from the start of its
    // ArrayBuffer and ignores a view's byteOffset (javascript/lib.cpp uses ArrayBuffer().Data()).
    const found = exactSearch(gallery, queries.slice(start * dims, (start + count) * dims), dims, 1, MetricKind.IP, 0);
    const keys = found.keys;
    const distances = found.distances;
    for (let i = 0; i < count; i++) {
      rows.push(Number(keys[i]));
      scores.push(1 - distances[i]!);
    }
  }
  return { rows, scores };
}


export interface GalleryFigures {
  /** How the index searches this gallery: 'exact' scan or 'hnsw' graph (+ exact re-scoring). */
  mode: 'exact' | 'hnsw';
  p50Ms: number;
  p99Ms: number;
  recallAt1: number;
  recallAt1Enrolled: number;
  recallAt1Strangers: number;
  queries: number;
  /** Adding every template and finishing the graph, measured when the index was built. */
  buildSeconds: number;
  builtAt: string;
  /** Set when this run loaded the saved index instead of building it. */
  loadSeconds: number | null;
  saveSeconds: number | null;
  snapshotMB: number | null;
  /** Resident memory the index added (rows + graph; GC noise ±50 MB), and the float32 rows alone. */
  memoryMB: number;
  rowsMB: number;
}

interface Dataset {
  gallery: Float32Array;
  queries: Float32Array;
  enrolledQueries: number;
}

/** The gallery's group, as the server keys one centre's remembered citizens of the model measured. */
let GROUP = benchGroup(PREFERRED_FACE_MODEL_ID);
/** The search width the server uses for the model measured (FACE_MODELS[model].searchExpansion). */
let SEARCH: Partial<typeof DEFAULT_HNSW_OPTIONS> = { expansionSearch: FACE_MODELS[PREFERRED_FACE_MODEL_ID].searchExpansion };

async function buildOrLoad(
  label: string,
  dims: number,
  data: Dataset,
  cacheKey: string,
  options: { exactMaxElements?: number } = {},
): Promise<{ index: TemplateIndex; build: Pick<GalleryFigures, 'buildSeconds' | 'builtAt' | 'loadSeconds' | 'saveSeconds' | 'snapshotMB'> }> {
  const size = data.gallery.length / dims;
  const exactMax = options.exactMaxElements ?? DEFAULT_EXACT_MAX_ELEMENTS;
  const snapshotDir = join(WORK_DIR, `index-${cacheKey}`);
  const persist = size * dims > exactMax; // exact galleries rebuild in a moment
  if (persist && existsSync(join(snapshotDir, 'manifest.json'))) {
    log(`${label}: loading the saved index`);
    const started = performance.now();
    const { index, meta } = TemplateIndex.load(snapshotDir, { dimensions: dims, exactMaxElements: exactMax, hnsw: SEARCH });
    await index.whenIndexed();
    const loadSeconds = (performance.now() - started) / 1000;
    const built = meta as { buildSeconds: number; builtAt: string; saveSeconds: number };
    return {
      index,
      build: { buildSeconds: built.buildSeconds, builtAt: built.builtAt, loadSeconds: round(loadSeconds, 2), saveSeconds: built.saveSeconds, snapshotMB: round(dirBytes(snapshotDir) / 2 ** 20, 1) },
    };
  }
  log(`${label}: building`);
  const started = performance.now();
  // Both cores: the server builds with one (beside its database), which is slower, not different.
  const index = new TemplateIndex({ dimensions: dims, exactMaxElements: exactMax, buildSliceMs: 2000, buildThreads: 0, hnsw: SEARCH });
  for (let i = 0; i < size; i++) index.add(benchTemplateId(i), GROUP, data.gallery.subarray(i * dims, (i + 1) * dims));
  const progress = setInterval(() => {
    const left = index.stats().pending;
    log(`  … ${left} of ${size} still to insert into the graph (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }, 30_000);
  await index.whenIndexed();
  clearInterval(progress);
  const buildSeconds = round((performance.now() - started) / 1000, 2);
  const builtAt = new Date().toISOString();
  log(`  built in ${buildSeconds} s`);
  if (!persist) return { index, build: { buildSeconds, builtAt, loadSeconds: null, saveSeconds: null, snapshotMB: null } };
  mkdirSync(WORK_DIR, { recursive: true });
  const saveStarted = performance.now();
  index.save(snapshotDir, { buildSeconds, builtAt, saveSeconds: null });
  const saved = round((performance.now() - saveStarted) / 1000, 2);
  // Record the save time in the snapshot's meta for later runs (a cheap manifest rewrite).
  const manifestFile = join(snapshotDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.meta = { buildSeconds, builtAt, saveSeconds: saved };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { index, build: { buildSeconds, builtAt, loadSeconds: null, saveSeconds: saved, snapshotMB: round(dirBytes(snapshotDir) / 2 ** 20, 1) } };
}

function timeQueries(index: TemplateIndex, queries: Float32Array, dims: number, limit = Infinity): { latencies: number[]; top: { id: string; score: number }[] } {
  const n = Math.min(limit, queries.length / dims);
  for (let i = 0; i < Math.min(20, n); i++) index.search(queries.subarray(i * dims, (i + 1) * dims), K, { groupKey: GROUP }); // warm-up
  const latencies: number[] = [];
  const top: { id: string; score: number }[] = [];
  for (let i = 0; i < n; i++) {
    const q = queries.subarray(i * dims, (i + 1) * dims);
    const started = performance.now();
    const hits = index.search(q, K, { groupKey: GROUP });
    latencies.push(performance.now() - started);
    top.push({ id: hits[0]?.id ?? '', score: hits[0]?.score ?? Number.NaN });
  }
  return { latencies, top };
}

function recall(top: { id: string; score: number }[], truth: { rows: number[]; scores: number[] }, from: number, to: number): number {
  let hits = 0;
  for (let i = from; i < to; i++) {
    // Same template, or a different one with the same score (a tie: either is "the" best).
    if (top[i]!.id === benchTemplateId(truth.rows[i]!) || Math.abs(top[i]!.score - truth.scores[i]!) < 1e-5) hits++;
  }
  return to > from ? hits / (to - from) : Number.NaN;
}

async function measureGallery(label: string, dims: number, data: Dataset, cacheKey: string, keep?: (index: TemplateIndex) => void): Promise<GalleryFigures> {
  const queries = data.queries.length / dims;
  const rssBefore = rssMB();
  const { index, build } = await buildOrLoad(label, dims, data, cacheKey);
  keep?.(index);
  const memoryMB = rssMB() - rssBefore;
  const { latencies, top } = timeQueries(index, data.queries, dims);
  log(`  queried (p50 ${percentile(latencies, 0.5).toFixed(2)} ms); exact ground truth…`);
  const truth = groundTruth(data.gallery, data.queries, dims);
  const stats = index.stats();
  const figures: GalleryFigures = {
    mode: stats.hnswGroups > 0 ? 'hnsw' : 'exact',
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    recallAt1: round(recall(top, truth, 0, queries), 4),
    recallAt1Enrolled: round(recall(top, truth, 0, data.enrolledQueries), 4),
    recallAt1Strangers: round(recall(top, truth, data.enrolledQueries, queries), 4),
    queries,
    ...build,
    memoryMB: round(memoryMB, 0),
    rowsMB: round(stats.rowBytes / 2 ** 20, 0),
  };
  log(`  ${JSON.stringify(figures)}`);
  return figures;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function seedOf(...parts: (string | number)[]): number {
  return Number.parseInt(hashOf(parts).slice(0, 8), 16);
}

export interface Model {
  dims: number;
  source: string;
  scoresFrom: string;
  identities: number;
  images: number;
  realTemplatesHash: string;
  real: ScoreMoments;
  synthetic: ScoreMoments;
  params: SynthesisParams;
  synth: TemplateSynthesizer;
}

/**
 * `scoresFile`: genuine and impostor scores of the kiosk's own pipeline (`npm run face:eval --
 * --dump-scores <file>`); when given, the model is fitted to those instead of to the scores of the
 * templates computed here (the directions still come from those templates).
 */
export function modelFor(dims: number, scoresFile?: string): Model {
  const { source, templates } = realTemplatesOfLength(dims);
  let real = realMoments(templates);
  let scoresFrom = 'all pairs of the real templates';
  if (scoresFile) {
    const scores = JSON.parse(readFileSync(scoresFile, 'utf8')) as { genuine: number[]; impostor: number[] };
    real = moments(scores.genuine, scores.impostor);
    scoresFrom = `${scoresFile} (${scores.genuine.length} genuine, ${scores.impostor.length} impostor pairs)`;
  }
  const realTemplatesHash = hashOf([templates.map((t) => [t.identity, Array.from(t.template, (v) => round(v, 5))]), real]);
  const structure = structureFrom(templates);
  const fitFile = join(WORK_DIR, `fit-${dims}-${realTemplatesHash}-v${GENERATOR_VERSION}.json`);
  let fit: { params: SynthesisParams; achieved: ScoreMoments };
  if (existsSync(fitFile)) {
    fit = JSON.parse(readFileSync(fitFile, 'utf8'));
  } else {
    log(`fitting the ${dims}-d template model to the real score distributions`);
    fit = fitSynthesis(structure, real);
    mkdirSync(WORK_DIR, { recursive: true });
    writeFileSync(fitFile, JSON.stringify(fit));
  }
  const roundAll = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v as number, 4)])) as T;
  return {
    dims,
    source,
    scoresFrom,
    identities: new Set(templates.map((t) => t.identity)).size,
    images: templates.length,
    realTemplatesHash,
    real: roundAll(real),
    synthetic: roundAll(fit.achieved),
    params: roundAll(fit.params),
    synth: new TemplateSynthesizer(structure, fit.params),
  };
}

const indexSettings = () => ({ exactMaxElements: DEFAULT_EXACT_MAX_ELEMENTS, hnsw: { ...DEFAULT_HNSW_OPTIONS, ...SEARCH }, k: K });
/** What a saved graph depends on (search-time settings apply when it is loaded). */
const buildSettings = () => {
  const { quantization, connectivity, expansionAdd } = DEFAULT_HNSW_OPTIONS;
  return { exactMaxElements: DEFAULT_EXACT_MAX_ELEMENTS, quantization, connectivity, expansionAdd };
};

/** The saved-index directory key of a gallery (exported for maintenance scripts). */
export function snapshotKey(descriptor: Record<string, unknown>): string {
  return hashOf({ v: GENERATOR_VERSION, ...descriptor, index: buildSettings() });
}

async function realisticGalleries(
  model: Model,
  sizes: number[],
  queries: number,
  keep?: (size: number, index: TemplateIndex, data: Dataset) => void,
): Promise<Record<string, GalleryFigures>> {
  const out: Record<string, GalleryFigures> = {};
  for (const size of sizes) {
    const seed = seedOf('realistic', model.dims, size);
    log(`realistic ${model.dims}-d × ${size}: synthesising`);
    const data = synthesizeGallery(model.synth, size, queries, seed);
    const key = snapshotKey({ kind: 'realistic', dims: model.dims, size, params: model.params, real: model.realTemplatesHash });
    out[String(size)] = await measureGallery(`realistic ${model.dims}-d × ${size}`, model.dims, data, key, (index) => keep?.(size, index, data));
  }
  return out;
}

async function randomGalleries(dims: number, sizes: number[], queries: number, genuineCosine: number): Promise<Record<string, GalleryFigures>> {
  const out: Record<string, GalleryFigures> = {};
  for (const size of sizes) {
    const g = round(genuineCosine, 3);
    const data = randomGallery(dims, size, queries, seedOf('random', dims, size), g);
    const key = snapshotKey({ kind: 'random', dims, size, g });
    out[String(size)] = await measureGallery(`random ${dims}-d × ${size}`, dims, data, key);
  }
  return out;
}

/** The exact→HNSW switch: plain-JS scan speed, and both methods at the switch size. */
async function measureSwitch(model: Model): Promise<Record<string, unknown>> {
  const dims = model.dims;
  const rows = Math.floor(DEFAULT_EXACT_MAX_ELEMENTS / dims) + 1;
  const data = synthesizeGallery(model.synth, rows, 400, seedOf('switch', dims, rows));
  const truth = groundTruth(data.gallery, data.queries, dims);
  const measure = async (label: string, exactMaxElements: number) => {
    const { index } = await buildOrLoad(label, dims, data, snapshotKey({ kind: 'switch', dims, rows, params: model.params, real: model.realTemplatesHash, exactMaxElements }), { exactMaxElements });
    const { latencies, top } = timeQueries(index, data.queries, dims);
    return { p50Ms: round(percentile(latencies, 0.5)), p99Ms: round(percentile(latencies, 0.99)), recallAt1: round(recall(top, truth, 0, top.length), 4) };
  };
  const exact = await measure(`switch: exact ${dims}-d × ${rows}`, Number.POSITIVE_INFINITY);
  const hnsw = await measure(`switch: hnsw ${dims}-d × ${rows}`, 0);
  // How far exact would go: the scan at 100,000 (fewer queries — it is slow by design).
  const big = synthesizeGallery(model.synth, 100_000, 100, seedOf('switch-100k', dims));
  const bigIndex = new TemplateIndex({ dimensions: dims, exactMaxElements: Number.POSITIVE_INFINITY });
  for (let i = 0; i < 100_000; i++) bigIndex.add(benchTemplateId(i), GROUP, big.gallery.subarray(i * dims, (i + 1) * dims));
  const bigTimes = timeQueries(bigIndex, big.queries, dims).latencies;
  return {
    exactMaxElements: DEFAULT_EXACT_MAX_ELEMENTS,
    rowsAtThisLength: rows - 1,
    atSwitchSize: { rows, exact, hnsw },
    exactAt100000: { p50Ms: round(percentile(bigTimes, 0.5)), p99Ms: round(percentile(bigTimes, 0.99)) },
    exactNsPerValue: round((percentile(bigTimes, 0.5) * 1e6) / (100_000 * dims), 3),
  };
}

/** float16 storage against float32 on the real templates: score error and rank-1 identification. */
function measureStorage(templates: readonly LabelledTemplate[]): Record<string, number> {
  const half = templates.map((t) => decodeTemplate(encodeTemplate(t.template, 'float16')));
  let maxError = 0;
  let rankChanges = 0;
  for (let a = 0; a < templates.length; a++) {
    let best32 = -1;
    let best16 = -1;
    let arg32 = -1;
    let arg16 = -1;
    for (let b = 0; b < templates.length; b++) {
      if (a === b) continue;
      const s32 = dot(templates[a]!.template, templates[b]!.template);
      const s16 = dot(half[a]!, half[b]!);
      maxError = Math.max(maxError, Math.abs(s32 - s16));
      if (s32 > best32) [best32, arg32] = [s32, b];
      if (s16 > best16) [best16, arg16] = [s16, b];
    }
    if (arg32 !== arg16) rankChanges++;
  }
  const d = templates[0]!.template.length;
  return {
    dimensions: d,
    bytesFloat32: encodeTemplate(templates[0]!.template).length,
    bytesFloat16: encodeTemplate(templates[0]!.template, 'float16').length,
    float16MaxCosineError: Number(maxError.toExponential(2)),
    float16Rank1Changes: rankChanges,
    probes: templates.length,
  };
}

/** The model measured: FACE_BENCH_MODEL, or the recommended one (what a site installs). */
function modelInUse(): { dims: number; from: string; model: FaceModelId } {
  const chosen = process.env.FACE_BENCH_MODEL ?? PREFERRED_FACE_MODEL_ID;
  if (!isFaceModelId(chosen)) throw new Error(`FACE_BENCH_MODEL: unknown model ${chosen}`);
  const from = process.env.FACE_BENCH_MODEL ? 'FACE_BENCH_MODEL' : 'PREFERRED_FACE_MODEL_ID (src/contracts/face.ts)';
  return { dims: FACE_MODELS[chosen].templateLength, from, model: chosen };
}

function machine(): Record<string, unknown> {
  const usearchPackage = JSON.parse(readFileSync(join(ROOT, 'node_modules/usearch/package.json'), 'utf8')) as { version: string };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    usearch: usearchPackage.version,
    // Other work on the machine slows everything down: read the figures against this.
    loadAverage1m: round(loadavg()[0]!, 2),
  };
}

/** The `match1N` section of `npm run bench:face`. */
export async function measureMatching(): Promise<Record<string, unknown>> {
  const started = performance.now();
  mkdirSync(WORK_DIR, { recursive: true });
  const machineAtStart = machine();
  const inUse = modelInUse();
  GROUP = benchGroup(inUse.model);
  SEARCH = { expansionSearch: FACE_MODELS[inUse.model].searchExpansion };
  const sizes = envList('FACE_BENCH_SIZES', '10000,100000,1000000');
  const queries = envList('FACE_BENCH_QUERIES', '1000')[0]!;
  const extraDims = envList('FACE_BENCH_EXTRA_DIMS', '').filter((d) => d !== inUse.dims);
  const extraSizes = envList('FACE_BENCH_EXTRA_SIZES', '10000,100000');
  const withRandom = process.env.FACE_BENCH_RANDOM === '1';

  const model = modelFor(inUse.dims, process.env.FACE_BENCH_SCORES);
  // The largest gallery is kept for the restart measurement (it needs its graph built).
  const restartSize = Math.max(...sizes);
  let kept: { index: TemplateIndex; probe: Float32Array } | null = null;
  const galleries = await realisticGalleries(model, sizes, queries, (size, index, data) => {
    if (size === restartSize) kept = { index, probe: data.queries.slice(0, inUse.dims) };
  });
  const restart = kept ? await measureRestart(inUse.model, (kept as { index: TemplateIndex }).index, (kept as { probe: Float32Array }).probe) : null;
  kept = null;
  const randomVectors = withRandom ? await randomGalleries(inUse.dims, sizes, queries, model.real.genuineMean) : null;
  const switchFigures = await measureSwitch(model);
  const otherDimensions: Record<string, unknown> = {};
  for (const dims of extraDims) {
    const other = modelFor(dims);
    otherDimensions[String(dims)] = {
      realTemplates: other.source,
      real: other.real,
      synthetic: other.synthetic,
      galleries: await realisticGalleries(other, extraSizes, queries),
    };
  }
  const at = (size: number) => galleries[String(size)];
  const allRecalls = Object.values(galleries).map((g) => g.recallAt1);
  return {
    dimensions: inUse.dims,
    modelFrom: inUse.from,
    model: inUse.model,
    search: `TemplateIndex.search(query, k=${K}, { groupKey }) — one group = the whole gallery, one query at a time, one thread`,
    index: indexSettings(),
    galleries,
    restart,
    targets: {
      indexLoadSeconds: { target: 60, templates: restart?.templates ?? null, measured: restart?.indexLoadSeconds ?? null, met: restart ? restart.indexLoadSeconds <= 60 : null },
      p99At100000Ms: { target: 10, measured: at(100_000)?.p99Ms ?? null, met: at(100_000) ? at(100_000)!.p99Ms <= 10 : null },
      p99At1000000Ms: { target: 50, measured: at(1_000_000)?.p99Ms ?? null, met: at(1_000_000) ? at(1_000_000)!.p99Ms <= 50 : null },
      recallAt1: { target: 0.99, measuredMin: allRecalls.length ? Math.min(...allRecalls) : null, met: allRecalls.every((r) => r >= 0.99) },
    },
    synthesis: {
      realTemplates: { source: model.source, identities: model.identities, images: model.images, from: DEV_FACES },
      fittedTo: model.scoresFrom,
      params: model.params,
      real: model.real,
      synthetic: model.synthetic,
      note: 'see the header of bench/face-bench.ts for the model and why',
    },
    randomVectors,
    switch: switchFigures,
    otherDimensions,
    storage: measureStorage(realTemplatesOfLength(inUse.dims).templates),
    machine: { ...machineAtStart, loadAverage1mAtEnd: round(loadavg()[0]!, 2) },
    seconds: round((performance.now() - started) / 1000, 0),
  };
}

/** The kiosk pipeline per frame, from `face:eval --bench-frames` (same code and backend as the kiosk). */
function measurePipeline(): Record<string, unknown> {
  const run = spawnSync(process.execPath, [TSX_CLI, EVAL_CLI, '--dir', DEV_FACES, '--bench-frames'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`face:eval --bench-frames failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const out = JSON.parse(line) as Record<string, unknown>;
  return {
    pipelineMsPerFrame: out['pipelineMsPerFrame'],
    pipeline: {
      model: out['model'],
      backend: out['backend'],
      detectOnlyMsPerFrame: out['pipelineDetectOnlyMsPerFrame'],
      cachedMsPerFrame: out['pipelineCachedMsPerFrame'],
      framesTimed: out['pipelineFramesTimed'],
      msPerImage: out['msPerImage'],
    },
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--match-only')) {
    const match1N = await measureMatching();
    process.stdout.write(`${JSON.stringify({ indexLoadSeconds: (match1N['restart'] as { indexLoadSeconds: number } | null)?.indexLoadSeconds ?? null, match1N }, null, 2)}\n`);
    return;
  }
  // The browser measurements first, while the machine is not yet holding a million templates.
  // Its progress goes to stderr: stdout carries only the JSON.
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-web-build.mjs')], { stdio: ['ignore', 2, 2] });
  process.stderr.write('bench:face: pipeline per frame (headless Chromium)…\n');
  const pipeline = measurePipeline();
  process.stderr.write('bench:face: face in view → ticket on the kiosk…\n');
  const kiosk = await measureKioskFace({
    runs: Number(process.env.FACE_BENCH_KIOSK_RUNS ?? 20),
    photoRuns: Number(process.env.FACE_BENCH_PHOTO_RUNS ?? 5),
    facesDir: DEV_FACES,
  });
  const match1N = await measureMatching();
  const indexLoadSeconds = (match1N['restart'] as { indexLoadSeconds: number } | null)?.indexLoadSeconds ?? null;
  process.stdout.write(`${JSON.stringify({ ...pipeline, ...kiosk, indexLoadSeconds, match1N }, null, 2)}\n`);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  if (process.argv[2] === '--extract') {
    await extractRealTemplates(process.argv[3] as RealModel, process.argv[4]!);
  } else {
    await main();
  }
}
