/**
 * Face templates: L2-normalised vectors whose dot product is their cosine similarity.
 * Pure and dimension-agnostic (128, 192, 512, 1024 … floats, whatever model is in use).
 *
 * Malformed input (wrong length, NaN, a zero vector) throws a RangeError: it is a programming or
 * validation error that the route's schema should have caught, not a business outcome.
 */

/** A template as the matcher expects it: unit length, finite. */
export type FaceTemplate = Float32Array;

function assertFinite(values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`template value ${i} is not a finite number`);
  }
}

/** A copy of `values` scaled to unit length. */
export function normalizeTemplate(values: ArrayLike<number>): FaceTemplate {
  if (values.length === 0) throw new RangeError('empty template');
  assertFinite(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  const norm = Math.sqrt(sum);
  if (!(norm > 0)) throw new RangeError('cannot normalise a zero vector');
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! / norm;
  return out;
}

/** Dot product; equals the cosine similarity when both templates are normalised. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`template lengths differ: ${a.length} vs ${b.length}`);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length;
  const n4 = n - (n % 4);
  // Four accumulators let the engine overlap the multiply-adds (≈2× over one running sum).
  for (let i = 0; i < n4; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (let i = n4; i < n; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + s2 + s3;
}

/** Cosine similarity of two vectors of any length (normalised or not). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = Math.sqrt(dot(a, a));
  const nb = Math.sqrt(dot(b, b));
  if (!(na > 0) || !(nb > 0)) throw new RangeError('cosine of a zero vector');
  return dot(a, b) / (na * nb);
}

/**
 * One template from several captures of the same face: each is normalised first (so a capture with
 * a larger raw norm does not dominate), then averaged, then the mean is normalised again.
 */
export function averageTemplates(templates: readonly ArrayLike<number>[]): FaceTemplate {
  if (templates.length === 0) throw new RangeError('no template to average');
  const length = templates[0]!.length;
  const sum = new Float64Array(length);
  for (const template of templates) {
    if (template.length !== length) throw new RangeError(`template lengths differ: ${template.length} vs ${length}`);
    const unit = normalizeTemplate(template);
    for (let i = 0; i < length; i++) sum[i]! += unit[i]!;
  }
  return normalizeTemplate(sum);
}

// ---------------------------------------------------------------------------------------------
// Storage form. 4-byte header, then the values little-endian:
//   byte 0  encoding: 1 = float32, 2 = float16
//   byte 1  format version (1)
//   byte 2–3 number of values, uint16 little-endian (so a template of another model is refused,
//            not silently compared)
// The header keeps the payload 4-byte aligned. float16 halves the size; on the real face-api
// templates of the dev set it moved a cosine by at most 1.3e-4 and changed no rank-1 identification
// (`npm run bench:face`, `storage`; the unit tests bound it at 1e-3 for any length). That is far
// below the gap between the threshold and a genuine score (face-api: ≈0.93 vs ≈0.96), so float16 is
// safe for storage; float32 stays the default until the threshold is calibrated on local faces.
// ---------------------------------------------------------------------------------------------

export const TEMPLATE_ENCODINGS = ['float32', 'float16'] as const;
export type TemplateEncoding = (typeof TEMPLATE_ENCODINGS)[number];

const ENCODING_TAG: Record<TemplateEncoding, number> = { float32: 1, float16: 2 };
const FORMAT_VERSION = 1;
const HEADER_BYTES = 4;

export function encodeTemplate(template: ArrayLike<number>, encoding: TemplateEncoding = 'float32'): Uint8Array {
  if (template.length === 0 || template.length > 0xffff) throw new RangeError(`cannot encode ${template.length} values`);
  assertFinite(template);
  const width = encoding === 'float32' ? 4 : 2;
  const bytes = new Uint8Array(HEADER_BYTES + template.length * width);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, ENCODING_TAG[encoding]);
  view.setUint8(1, FORMAT_VERSION);
  view.setUint16(2, template.length, true);
  for (let i = 0; i < template.length; i++) {
    if (encoding === 'float32') view.setFloat32(HEADER_BYTES + i * 4, template[i]!, true);
    else view.setUint16(HEADER_BYTES + i * 2, float32ToFloat16Bits(template[i]!), true);
  }
  return bytes;
}

/** Decodes what `encodeTemplate` wrote; checks the length against `expectedLength` when given. */
export function decodeTemplate(bytes: Uint8Array, expectedLength?: number): FaceTemplate {
  if (bytes.length < HEADER_BYTES) throw new RangeError('template bytes too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = view.getUint8(0);
  const version = view.getUint8(1);
  const length = view.getUint16(2, true);
  if (version !== FORMAT_VERSION) throw new RangeError(`unknown template format version ${version}`);
  const width = tag === ENCODING_TAG.float32 ? 4 : tag === ENCODING_TAG.float16 ? 2 : 0;
  if (width === 0) throw new RangeError(`unknown template encoding ${tag}`);
  if (bytes.length !== HEADER_BYTES + length * width) throw new RangeError('template bytes have the wrong size');
  if (expectedLength !== undefined && length !== expectedLength) {
    throw new RangeError(`template has ${length} values, expected ${expectedLength}`);
  }
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    out[i] = width === 4 ? view.getFloat32(HEADER_BYTES + i * 4, true) : float16BitsToFloat32(view.getUint16(HEADER_BYTES + i * 2, true));
  }
  return out;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 half precision, round to nearest even; overflow saturates to ±Infinity. */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  let mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0); // Infinity or NaN
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half (or zero): shift the implicit 1 in, then round.
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    const half = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    return sign | (half + (rest > midpoint || (rest === midpoint && (half & 1)) ? 1 : 0));
  }
  const half = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent.
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && (half & 1)) ? 1 : 0));
}

export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

// ---------------------------------------------------------------------------------------------
// Match policy
// ---------------------------------------------------------------------------------------------

export interface ScoredCandidate {
  id: string;
  /** Cosine similarity with the probe. */
  score: number;
}

export interface MatchPolicy {
  /** The best score must reach this (settings: calibrated on impostors like the kiosk's users). */
  threshold: number;
  /** …and beat the best other identity by at least this much. */
  minMargin: number;
}

const MARGIN_TOLERANCE = 1e-9;

export const MATCH_DECISIONS = ['match', 'no-match', 'ambiguous'] as const;
export type MatchDecisionKind = (typeof MATCH_DECISIONS)[number];

export interface MatchDecision {
  decision: MatchDecisionKind;
  /** The best candidate's id on 'match' and 'ambiguous'; null on 'no-match' so nobody acts on it. */
  id: string | null;
  /** Best score, null when there was no candidate at all (kept on 'no-match' for calibration). */
  score: number | null;
  /** Best minus second-best score; null when there is no second identity to compare with. */
  margin: number | null;
}

/**
 * Decides from the top-k candidates of a 1:N search. The chance of a false match grows with the
 * gallery, and look-alikes score close together: a best score above the threshold is accepted only
 * when no other identity comes within `minMargin` of it. Candidates may arrive in any order;
 * repeated ids (several templates of one person) count once, with their best score.
 */
export function decideMatch(candidates: readonly ScoredCandidate[], policy: MatchPolicy): MatchDecision {
  if (!Number.isFinite(policy.threshold) || !Number.isFinite(policy.minMargin) || policy.minMargin < 0) {
    throw new RangeError('match policy needs a finite threshold and a non-negative margin');
  }
  const bestById = new Map<string, number>();
  for (const { id, score } of candidates) {
    if (!Number.isFinite(score)) throw new RangeError(`candidate ${id} has no finite score`);
    const previous = bestById.get(id);
    if (previous === undefined || score > previous) bestById.set(id, score);
  }
  let bestId: string | null = null;
  let best = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const [id, score] of bestById) {
    // Ties are broken by id so that the decision does not depend on the input order.
    if (score > best || (score === best && bestId !== null && id < bestId)) {
      second = best;
      best = score;
      bestId = id;
    } else if (score > second) {
      second = score;
    }
  }
  if (bestId === null) return { decision: 'no-match', id: null, score: null, margin: null };
  const margin = second === Number.NEGATIVE_INFINITY ? null : best - second;
  if (best < policy.threshold) return { decision: 'no-match', id: null, score: best, margin };
  // A margin computed as a difference of two doubles can miss an exactly-met setting by 1e-17.
  if (margin !== null && margin < policy.minMargin - MARGIN_TOLERANCE) return { decision: 'ambiguous', id: bestId, score: best, margin };
  return { decision: 'match', id: bestId, score: best, margin };
}
