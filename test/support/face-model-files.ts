/**
 * The recognition model's official files and the reference ONNX conversion, read in place from
 * ../shared/models beside the repository (never copied into it), and the means to compare what two
 * ONNX graphs compute: onnxruntime-web (WASM, one thread) in Node, on random inputs and real faces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import sharp from 'sharp';

const ROOT = new URL('../..', import.meta.url).pathname;
export const SHARED_MODEL_DIR = join(ROOT, '../shared/models/face-reidentification-retail-0095');
export const SHARED_FACES_DIR = join(ROOT, '../shared/data/faces');
export const MODEL_ID = 'face-reidentification-retail-0095';
export const XML_NAME = `${MODEL_ID}.xml`;
export const BIN_NAME = `${MODEL_ID}.bin`;

export function sharedModelFile(name: string): Uint8Array {
  const path = join(SHARED_MODEL_DIR, name);
  if (!existsSync(path)) throw new Error(`model file missing at ${path} (see ../shared/models/${MODEL_ID}/SOURCE.md)`);
  return new Uint8Array(readFileSync(path));
}

ort.env.wasm.numThreads = 1;

export async function openSession(bytes: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes);
}

export async function runSession(session: ort.InferenceSession, feeds: Record<string, { data: Float32Array; dims: number[] }>): Promise<Record<string, { data: Float32Array; dims: readonly number[] }>> {
  const tensors = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor('float32', t.data, t.dims)]));
  const results = await session.run(tensors);
  return Object.fromEntries(Object.entries(results).map(([name, t]) => [name, { data: t.data as Float32Array, dims: t.dims }]));
}

/** The model's output for one [1, 3, 128, 128] BGR input. */
export async function embed(session: ort.InferenceSession, input: Float32Array): Promise<Float32Array> {
  const out = await runSession(session, { t0_0: { data: input, dims: [1, 3, 128, 128] } });
  return out['embedding']!.data;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

export function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/** Seeded uniform 0–255 values (mulberry32), so a failure can be replayed. */
export function randomInput(seed: number): Float32Array {
  let state = seed >>> 0;
  const input = new Float32Array(3 * 128 * 128);
  for (let i = 0; i < input.length; i += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    input[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 255;
  }
  return input;
}

/** The first photo of each named identity folder, e.g. `dev/deepface-07`. */
export function facePhotos(folders: string[]): string[] {
  return folders.map((folder) => {
    const dir = join(SHARED_FACES_DIR, folder);
    const first = readdirSync(dir).filter((n) => /\.(jpe?g|png)$/i.test(n)).sort()[0];
    if (!first) throw new Error(`no photo in ${dir}`);
    return join(dir, first);
  });
}

/** A photo resized to 128×128 as the model reads it: NCHW, channels B, G, R, values 0–255. */
export async function photoInput(path: string): Promise<Float32Array> {
  const { data } = await sharp(path).rotate().resize(128, 128, { fit: 'cover' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const plane = 128 * 128;
  const input = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i += 1) {
    input[i] = data[i * 3 + 2]!; // B
    input[plane + i] = data[i * 3 + 1]!; // G
    input[2 * plane + i] = data[i * 3]!; // R
  }
  return input;
}
