/**
 * Template maths shared by enrolment and matching in the browser: descriptors are stored
 * L2-normalised, so cosine similarity is a dot product, and a template made of several frames is the
 * re-normalised mean of the normalised frames (each frame weighs the same, whatever its raw norm).
 */

/** The vector scaled to unit length; null when it has no direction (all zeros, NaN or Infinity). */
export function l2Normalise(vector: ArrayLike<number>): Float32Array | null {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (!Number.isFinite(norm) || norm === 0) return null;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! / norm;
  return out;
}

/** Dot product of two templates; the cosine similarity when both are normalised. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`template lengths differ: ${a.length} and ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Cosine similarity of two vectors of any norm; 0 when either has none. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = l2Normalise(a);
  const nb = l2Normalise(b);
  return na && nb ? dot(na, nb) : 0;
}

/**
 * One template from several descriptors of the same face: normalise each, average, normalise again.
 * Null when there is nothing to average (no vectors, or vectors that cancel out).
 */
export function averageTemplates(vectors: readonly ArrayLike<number>[]): Float32Array | null {
  if (vectors.length === 0) return null;
  const length = vectors[0]!.length;
  const sum = new Float64Array(length);
  let used = 0;
  for (const vector of vectors) {
    if (vector.length !== length) throw new RangeError(`template lengths differ: ${length} and ${vector.length}`);
    const unit = l2Normalise(vector);
    if (!unit) continue;
    for (let i = 0; i < length; i++) sum[i]! += unit[i]!;
    used++;
  }
  return used === 0 ? null : l2Normalise(sum);
}

export type TemplateFromFrames =
  | { ok: true; template: Float32Array; /** Lowest similarity of a frame to the mean. */ agreement: number }
  | { ok: false; reason: 'too-few-frames' | 'inconsistent-frames' };

/**
 * The enrolment template from the descriptors of several frames that passed the quality gate: their
 * average, provided there are at least `minFrames` and every frame agrees with the mean (a frame far
 * from it means the person changed, e.g. someone else leaned in, and the whole capture is redone).
 */
export function templateFromFrames(frames: readonly ArrayLike<number>[], minFrames: number, minAgreement: number): TemplateFromFrames {
  if (frames.length < minFrames) return { ok: false, reason: 'too-few-frames' };
  const template = averageTemplates(frames);
  if (!template) return { ok: false, reason: 'too-few-frames' };
  let agreement = 1;
  for (const frame of frames) agreement = Math.min(agreement, cosineSimilarity(frame, template));
  return agreement < minAgreement ? { ok: false, reason: 'inconsistent-frames' } : { ok: true, template, agreement };
}
