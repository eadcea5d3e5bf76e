/**
 * A person's face as a kiosk sends it, without a camera: a fixed random unit vector per seed,
 * a little different at each capture (cosine ≈ 0.99 between two captures of one person, ≈ 0 between
 * two people), encoded as the API takes it (base64 of float32 LE).
 */
import { FACE_MODELS, FALLBACK_FACE_MODEL_ID, type FaceModelId } from '../../src/contracts/face';
import { resolveFacePolicy } from '../../src/core/face/face-policy';

export interface FakeCapture {
  model: string;
  template: string;
  live: true;
  frames?: number;
}

export interface FakeFaceOptions {
  /** The model the template claims to come from (its length follows the model). */
  model?: FaceModelId;
  /** Frames averaged into the template, as a kiosk says (5 by default; a counter sends none). */
  frames?: number | null;
  /** A look-alike of person `seed`: their base templates have this cosine (before the jitter). */
  like?: { seed: number; similarity: number };
}

function unitBase(seed: number, length: number): number[] {
  let state = seed;
  const v = Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/**
 * `fakeFace(seed)` is one person, each call a new capture of them; with `like`, a look-alike of
 * another person (a chosen cosine between the two base templates).
 */
export function fakeFace(seed: number, jitter = 0.05, options: FakeFaceOptions = {}): () => FakeCapture {
  const model = options.model ?? FALLBACK_FACE_MODEL_ID;
  const length = FACE_MODELS[model].templateLength;
  const frames = options.frames === undefined ? 5 : options.frames;
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  let base = Array.from({ length }, random);
  if (options.like) {
    // Gram–Schmidt: own direction orthogonal to the other person's, then mixed at the asked cosine.
    const other = unitBase(options.like.seed, length);
    const along = base.reduce((sum, x, i) => sum + x * other[i]!, 0);
    const orthogonal = base.map((x, i) => x - along * other[i]!);
    const norm = Math.hypot(...orthogonal);
    const s = options.like.similarity;
    // Scaled like a raw base (norm ≈ √(n/12)) so that the jitter means the same as for anyone.
    const scale = Math.hypot(...base);
    base = other.map((o, i) => scale * (s * o + Math.sqrt(1 - s * s) * (orthogonal[i]! / norm)));
  }
  return () => {
    const v = base.map((x) => x + random() * jitter);
    const norm = Math.hypot(...v);
    const bytes = Buffer.alloc(length * 4);
    v.forEach((x, i) => bytes.writeFloatLE(x / norm, i * 4));
    return { model, template: bytes.toString('base64'), live: true, ...(frames === null ? {} : { frames }) };
  };
}

/** The face policy of a centre with default settings and no model installed (face-api from npm). */
export const FALLBACK_FACE_POLICY = resolveFacePolicy({ faceModel: 'auto', faceMatchThreshold: null, faceMatchMargin: null, faceThresholdModel: null }, []);
