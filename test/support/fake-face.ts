/**
 * A person's face as a kiosk sends it, without a camera: a fixed random unit vector per seed,
 * a little different at each capture (cosine ≈ 0.99 between two captures of one person, ≈ 0 between
 * two people), encoded as the API takes it (base64 of float32 LE).
 */
import { FACE_MODEL_ID, FACE_TEMPLATE_LENGTH } from '../../src/contracts/face';

export interface FakeCapture {
  model: string;
  template: string;
  live: true;
}

export function fakeFace(seed: number, jitter = 0.05): () => FakeCapture {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const base = Array.from({ length: FACE_TEMPLATE_LENGTH }, random);
  return () => {
    const v = base.map((x) => x + random() * jitter);
    const norm = Math.hypot(...v);
    const bytes = Buffer.alloc(FACE_TEMPLATE_LENGTH * 4);
    v.forEach((x, i) => bytes.writeFloatLE(x / norm, i * 4));
    return { model: FACE_MODEL_ID, template: bytes.toString('base64'), live: true };
  };
}
