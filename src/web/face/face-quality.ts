/**
 * The quality gate a frame must pass before its descriptor may become (part of) a template: exactly
 * one face, big enough, roughly frontal, sharp and well lit. Pure functions: the pipeline measures,
 * this file decides, and the limits are data so that a kiosk can be tuned without code.
 */

export const QUALITY_ISSUES = ['no-face', 'several-faces', 'too-small', 'not-frontal', 'blurry', 'too-dark', 'too-bright', 'low-contrast', 'low-confidence'] as const;
export type QualityIssue = (typeof QUALITY_ISSUES)[number];

export interface QualityLimits {
  /** Minimum width of the face box in frame pixels. */
  minFaceWidth: number;
  /** A second face counts when its box is at least this fraction of the largest face's width. */
  otherFaceRatio: number;
  maxAbsYaw: number;
  maxAbsPitch: number;
  /** Variance of the Laplacian over the aligned 112×112 grey crop. */
  minSharpness: number;
  /** Mean grey level (0–255) of the crop. */
  minBrightness: number;
  maxBrightness: number;
  /** Standard deviation of the grey levels of the crop. */
  minContrast: number;
  /** Detector × mesh confidence (0–1). */
  minConfidence: number;
}

export const DEFAULT_QUALITY_LIMITS: QualityLimits = {
  minFaceWidth: 80,
  otherFaceRatio: 0.5,
  maxAbsYaw: 30,
  maxAbsPitch: 30,
  minSharpness: 15,
  minBrightness: 40,
  maxBrightness: 220,
  minContrast: 18,
  minConfidence: 0.5,
};

/** What the pipeline measured on one frame; the face fields describe the largest face. */
export interface FrameMeasurement {
  /** Widths in pixels of every detected face box. */
  faceWidths: readonly number[];
  confidence?: number;
  yaw?: number;
  pitch?: number;
  sharpness?: number;
  brightness?: number;
  contrast?: number;
}

export interface QualityVerdict {
  ok: boolean;
  /** Every limit the frame missed, most important first (the first is what the kiosk says). */
  issues: QualityIssue[];
  /** Faces that count (the largest and those near its size). */
  faceCount: number;
}

/** Faces that matter: the largest and any other at least `ratio` of its width (not a far passer-by). */
export function countSignificantFaces(widths: readonly number[], ratio: number): number {
  if (widths.length === 0) return 0;
  const largest = Math.max(...widths);
  return widths.filter((w) => w >= largest * ratio).length;
}

export function assessQuality(m: FrameMeasurement, limits: QualityLimits = DEFAULT_QUALITY_LIMITS): QualityVerdict {
  const faceCount = countSignificantFaces(m.faceWidths, limits.otherFaceRatio);
  if (faceCount === 0) return { ok: false, issues: ['no-face'], faceCount };
  if (faceCount > 1) return { ok: false, issues: ['several-faces'], faceCount };
  const issues: QualityIssue[] = [];
  if (Math.max(...m.faceWidths) < limits.minFaceWidth) issues.push('too-small');
  if (m.yaw === undefined || m.pitch === undefined || Math.abs(m.yaw) > limits.maxAbsYaw || Math.abs(m.pitch) > limits.maxAbsPitch) issues.push('not-frontal');
  if (m.brightness === undefined || m.brightness < limits.minBrightness) issues.push('too-dark');
  else if (m.brightness > limits.maxBrightness) issues.push('too-bright');
  if (m.contrast === undefined || m.contrast < limits.minContrast) issues.push('low-contrast');
  if (m.sharpness === undefined || m.sharpness < limits.minSharpness) issues.push('blurry');
  if (m.confidence !== undefined && m.confidence < limits.minConfidence) issues.push('low-confidence');
  return { ok: issues.length === 0, issues, faceCount };
}

/** Grey levels (ITU-R BT.601 luma) of an RGB image with 3 bytes per pixel. */
export function rgbToGrey(rgb: ArrayLike<number>, width: number, height: number): Float32Array {
  const grey = new Float32Array(width * height);
  for (let i = 0, j = 0; i < grey.length; i++, j += 3) grey[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  return grey;
}

/** Mean and standard deviation of grey levels. */
export function greyStats(grey: ArrayLike<number>): { mean: number; std: number } {
  if (grey.length === 0) return { mean: 0, std: 0 };
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < grey.length; i++) {
    sum += grey[i]!;
    squares += grey[i]! * grey[i]!;
  }
  const mean = sum / grey.length;
  return { mean, std: Math.sqrt(Math.max(0, squares / grey.length - mean * mean)) };
}

/** Variance of the 4-neighbour Laplacian over the interior pixels: low on blur, high on detail. */
export function laplacianVariance(grey: ArrayLike<number>, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = grey[i - 1]! + grey[i + 1]! + grey[i - width]! + grey[i + width]! - 4 * grey[i]!;
      sum += v;
      squares += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return squares / n - mean * mean;
}
