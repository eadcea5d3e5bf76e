import { describe, expect, it } from 'vitest';
import {
  assessQuality,
  countSignificantFaces,
  DEFAULT_QUALITY_LIMITS,
  greyStats,
  laplacianVariance,
  rgbToGrey,
  type FrameMeasurement,
} from '../../src/web/face/face-quality';

const good: FrameMeasurement = { faceWidths: [180], confidence: 0.9, yaw: 5, pitch: -3, sharpness: 120, brightness: 120, contrast: 45 };

describe('assessQuality', () => {
  it.each<[string, Partial<FrameMeasurement>, string[]]>([
    ['a good frontal face', {}, []],
    ['nobody', { faceWidths: [] }, ['no-face']],
    ['two people side by side', { faceWidths: [180, 160] }, ['several-faces']],
    ['a crowd', { faceWidths: [150, 140, 130, 120] }, ['several-faces']],
    ['a far passer-by behind the citizen does not count', { faceWidths: [180, 40] }, []],
    ['too far from the camera', { faceWidths: [60] }, ['too-small']],
    ['head turned aside', { yaw: 40 }, ['not-frontal']],
    ['head turned the other way', { yaw: -31 }, ['not-frontal']],
    ['looking down at a phone', { pitch: -35 }, ['not-frontal']],
    ['no mesh, so no pose', { yaw: undefined, pitch: undefined }, ['not-frontal']],
    ['blurred by motion', { sharpness: 5 }, ['blurry']],
    ['dark hall', { brightness: 25 }, ['too-dark']],
    ['facing a window', { brightness: 240 }, ['too-bright']],
    ['flat, washed-out light', { contrast: 8 }, ['low-contrast']],
    ['an unsure detection', { confidence: 0.3 }, ['low-confidence']],
    ['far, dark and blurred at once', { faceWidths: [50], brightness: 20, sharpness: 3 }, ['too-small', 'too-dark', 'blurry']],
  ])('%s', (_name, change, issues) => {
    const verdict = assessQuality({ ...good, ...change });
    expect(verdict.issues).toEqual(issues);
    expect(verdict.ok).toBe(issues.length === 0);
  });

  it('takes limits as data (a kiosk can be tuned without code)', () => {
    expect(assessQuality({ ...good, yaw: 20 }, { ...DEFAULT_QUALITY_LIMITS, maxAbsYaw: 15 }).issues).toEqual(['not-frontal']);
    expect(assessQuality({ ...good, faceWidths: [60] }, { ...DEFAULT_QUALITY_LIMITS, minFaceWidth: 50 }).ok).toBe(true);
  });

  it('stops at "several faces": the kiosk asks people to come one at a time before anything else', () => {
    expect(assessQuality({ ...good, faceWidths: [180, 170], brightness: 10 })).toMatchObject({ ok: false, issues: ['several-faces'], faceCount: 2 });
  });
});

describe('countSignificantFaces', () => {
  it.each([
    [[], 0.5, 0],
    [[100], 0.5, 1],
    [[100, 50], 0.5, 2],
    [[100, 49], 0.5, 1],
    [[30, 100, 90], 0.5, 2],
  ])('%j at ratio %d → %d', (widths, ratio, expected) => {
    expect(countSignificantFaces(widths, ratio)).toBe(expected);
  });
});

function image(width: number, height: number, value: (x: number, y: number) => number): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = value(x, y);
  return out;
}

describe('laplacianVariance', () => {
  it('is zero on a flat or linearly shaded picture (no detail)', () => {
    expect(laplacianVariance(image(20, 20, () => 128), 20, 20)).toBe(0);
    expect(laplacianVariance(image(20, 20, (x, y) => 3 * x + 2 * y), 20, 20)).toBeCloseTo(0, 9);
  });

  it('is high on fine detail and drops when the same picture is blurred', () => {
    const sharp = image(32, 32, (x, y) => ((x + y) % 2 ? 200 : 50));
    const blurred = new Float32Array(32 * 32);
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
      let sum = 0, n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const xx = Math.min(31, Math.max(0, x + dx)), yy = Math.min(31, Math.max(0, y + dy));
        sum += sharp[yy * 32 + xx]!;
        n++;
      }
      blurred[y * 32 + x] = sum / n;
    }
    const a = laplacianVariance(sharp, 32, 32);
    const b = laplacianVariance(blurred, 32, 32);
    expect(a).toBeGreaterThan(DEFAULT_QUALITY_LIMITS.minSharpness);
    expect(b).toBeLessThan(a / 10);
  });

  it('is zero for pictures too small to have an interior', () => {
    expect(laplacianVariance(new Float32Array(4), 2, 2)).toBe(0);
  });
});

describe('greyStats and rgbToGrey', () => {
  it('uses BT.601 luma weights', () => {
    const grey = rgbToGrey([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255], 4, 1);
    expect(Array.from(grey).map((v) => Math.round(v * 10) / 10)).toEqual([76.2, 149.7, 29.1, 255]);
  });

  it.each([
    [[100, 100, 100, 100], 100, 0],
    [[0, 200], 100, 100],
    [[10, 20, 30], 20, Math.sqrt(200 / 3)],
    [[], 0, 0],
  ])('%j → mean %d, std %d', (values, mean, std) => {
    const stats = greyStats(values);
    expect(stats.mean).toBeCloseTo(mean, 6);
    expect(stats.std).toBeCloseTo(std, 6);
  });
});
