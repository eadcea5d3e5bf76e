/**
 * 5-point face alignment: eye centres, nose tip and mouth corners (from the face mesh) are mapped by a
 * least-squares similarity transform (rotation, uniform scale, translation; no shear, no reflection)
 * onto the standard ArcFace 112×112 template, and the crop is resampled bilinearly. Recognition
 * models trained on aligned crops separate people much better when fed the same kind of crop.
 */

export type Point2 = readonly [number, number];

/** x' = a·x − b·y + tx, y' = b·x + a·y + ty (scale √(a²+b²), angle atan2(b, a)). */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** An RGBA image as the canvas gives it (ImageData has this shape). */
export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/**
 * The ArcFace/InsightFace 112×112 reference points, in image order: left eye, right eye (as seen in
 * the image), nose tip, left and right mouth corners.
 */
export const ARCFACE_TEMPLATE_112: readonly Point2[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

/** A square of the 112×112 template's coordinate space that becomes the whole crop. */
export interface TemplateRegion {
  left: number;
  top: number;
  side: number;
}

/** The ArcFace crop with `margin` of extra context on every side, as a fraction of 112 (0 = standard). */
export function arcfaceRegion(margin = 0): TemplateRegion {
  return { left: -112 * margin, top: -112 * margin, side: 112 * (1 + 2 * margin) };
}

/**
 * The crop face-api's recognition net was trained on (dlib's chip): a square whose side is the mean
 * eye-to-mouth distance / 0.45, with the centroid of the eye centres and the mouth centre at 50% of
 * its width and 43% of its height. Expressed in template units so that the same 5-point fit (which
 * also levels the eyes) produces it.
 */
export function dlibRegion(): TemplateRegion {
  const [le, re, , lm, rm] = ARCFACE_TEMPLATE_112 as [Point2, Point2, Point2, Point2, Point2];
  const mouth: Point2 = [(lm[0] + rm[0]) / 2, (lm[1] + rm[1]) / 2];
  const eyeToMouth = (Math.hypot(mouth[0] - le[0], mouth[1] - le[1]) + Math.hypot(mouth[0] - re[0], mouth[1] - re[1])) / 2;
  const side = eyeToMouth / 0.45;
  const cx = (le[0] + re[0] + mouth[0]) / 3;
  const cy = (le[1] + re[1] + mouth[1]) / 3;
  return { left: cx - 0.5 * side, top: cy - 0.43 * side, side };
}

/** The five template points where they fall in a size×size crop of `region`. */
export function templateInCrop(size: number, region: TemplateRegion = arcfaceRegion()): Point2[] {
  const scale = size / region.side;
  return ARCFACE_TEMPLATE_112.map(([x, y]) => [(x - region.left) * scale, (y - region.top) * scale] as const);
}

/** The similarity transform that best maps `from` onto `to` in the least-squares sense (Umeyama). */
export function estimateSimilarity(from: readonly Point2[], to: readonly Point2[]): Similarity {
  if (from.length !== to.length || from.length < 2) throw new RangeError('need at least two point pairs of equal count');
  const n = from.length;
  let fx = 0, fy = 0, tx = 0, ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i]![0]; fy += from[i]![1];
    tx += to[i]![0]; ty += to[i]![1];
  }
  fx /= n; fy /= n; tx /= n; ty /= n;
  let norm = 0, dotSum = 0, crossSum = 0;
  for (let i = 0; i < n; i++) {
    const x = from[i]![0] - fx, y = from[i]![1] - fy;
    const u = to[i]![0] - tx, v = to[i]![1] - ty;
    norm += x * x + y * y;
    dotSum += x * u + y * v;
    crossSum += x * v - y * u;
  }
  if (norm === 0) throw new RangeError('source points coincide');
  const a = dotSum / norm;
  const b = crossSum / norm;
  return { a, b, tx: tx - (a * fx - b * fy), ty: ty - (b * fx + a * fy) };
}

export function applySimilarity(t: Similarity, [x, y]: Point2): Point2 {
  return [t.a * x - t.b * y + t.tx, t.b * x + t.a * y + t.ty];
}

export function invertSimilarity(t: Similarity): Similarity {
  const d = t.a * t.a + t.b * t.b;
  if (d === 0) throw new RangeError('degenerate transform');
  const a = t.a / d;
  const b = -t.b / d;
  return { a, b, tx: -(a * t.tx - b * t.ty), ty: -(b * t.tx + a * t.ty) };
}

/**
 * Resamples `source` into a width×height RGB crop (3 bytes per pixel, row-major): output pixel (x, y)
 * takes the bilinear sample at `toSource(x, y)` (pixel centres at integer + 0.5 are handled by the
 * caller's transform: both images use the same convention). Outside the source: the edge pixel.
 */
export function warpToRgb(source: RgbaImage, toSource: Similarity, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 3);
  const { data, width: sw, height: sh } = source;
  const maxX = sw - 1;
  const maxY = sh - 1;
  let o = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sx = toSource.a * x - toSource.b * y + toSource.tx;
      let sy = toSource.b * x + toSource.a * y + toSource.ty;
      sx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
      sy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      const x1 = x0 < maxX ? x0 + 1 : x0, y1 = y0 < maxY ? y0 + 1 : y0;
      const fx = sx - x0, fy = sy - y0;
      const i00 = (y0 * sw + x0) * 4, i01 = (y0 * sw + x1) * 4, i10 = (y1 * sw + x0) * 4, i11 = (y1 * sw + x1) * 4;
      for (let c = 0; c < 3; c++) {
        const top = data[i00 + c]! + (data[i01 + c]! - data[i00 + c]!) * fx;
        const bottom = data[i10 + c]! + (data[i11 + c]! - data[i10 + c]!) * fx;
        out[o++] = top + (bottom - top) * fy;
      }
    }
  }
  return out;
}

/**
 * A face crop aligned to explicit reference points of a size×size crop (a model's own template, such
 * as Open Model Zoo's 128×128 one, which is not a scaled ArcFace template).
 */
export function alignFaceToPoints(source: RgbaImage, landmarks: readonly Point2[], size: number, points: readonly Point2[]): Uint8ClampedArray {
  const toCrop = estimateSimilarity(landmarks, points);
  return warpToRgb(source, invertSimilarity(toCrop), size, size);
}

/**
 * A face crop aligned to the template: the five landmarks (in source pixels) land on the template
 * points of a size×size crop of `region`.
 */
export function alignFace(source: RgbaImage, landmarks: readonly Point2[], size: number, region: TemplateRegion = arcfaceRegion()): Uint8ClampedArray {
  const toCrop = estimateSimilarity(landmarks, templateInCrop(size, region));
  return warpToRgb(source, invertSimilarity(toCrop), size, size);
}
