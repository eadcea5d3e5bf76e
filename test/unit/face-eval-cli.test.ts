/**
 * `npm run face:eval` end to end on a small copy of the development set: the kiosk's pipeline in
 * headless Chromium (WASM), multi-face scenes rejected, EXIF orientation respected, one JSON object.
 * Reads ../shared/data/faces/dev (never copied into the repository; the copy lives in a temp dir).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FACE_MATCH_THRESHOLD, FACE_MODEL_ID } from '../../src/contracts/face';

const ROOT = new URL('../..', import.meta.url).pathname;
const DEV = join(ROOT, '../shared/data/faces/dev');
const IDENTITIES = ['deepface-07', 'deepface-10', 'tv-amy'];

let dir: string;

beforeAll(async () => {
  if (!existsSync(DEV)) throw new Error(`development face set missing at ${DEV} (see ../shared/data/faces/dev/SOURCE.md)`);
  dir = mkdtempSync(join(tmpdir(), 'motcua-face-eval-'));
  for (const folder of [...IDENTITIES, '_multi-face']) {
    mkdirSync(join(dir, folder));
    for (const file of readdirSync(join(DEV, folder))) copyFileSync(join(DEV, folder, file), join(dir, folder, file));
  }
  // A phone photo stored sideways with an EXIF tag that says "rotate 90° clockwise to view":
  // read without its orientation, the face lies on its side and cannot be enrolled.
  const upright = join(DEV, 'deepface-07', 'img29.jpg');
  await sharp(upright).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toFile(join(dir, 'deepface-07', 'sideways-exif.jpg'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run face:eval', () => {
  it('prints one JSON object with the contract fields, enrols every image and rejects every multi-face scene', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'face:eval', '--', '--dir', dir, '--details'], { cwd: ROOT, timeout: 110_000, maxBuffer: 1 << 20 });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const field of ['model', 'identities', 'images', 'failedToEnroll', 'genuinePairs', 'impostorPairs', 'eer', 'tarAtFar1e3', 'fnmrAtFmr1e4', 'threshold', 'fmrAtThreshold', 'fnmrAtThreshold', 'msPerImage']) {
      expect(result, field).toHaveProperty(field);
    }
    // 5 + 3 + 5 images plus the sideways copy.
    expect(result).toMatchObject({ model: FACE_MODEL_ID, identities: 3, images: 14, threshold: DEFAULT_FACE_MATCH_THRESHOLD, multiFaceScenes: 2, multiFaceRejected: 2 });
    expect(result.failures).toEqual([]);
    expect(result.failedToEnroll).toBe(0);
    // Σ C(n,2) over 6, 3 and 5 images; every other pair is an impostor pair.
    expect(result.genuinePairs).toBe(15 + 3 + 10);
    expect(result.impostorPairs).toBe((14 * 13) / 2 - 28);
    for (const field of ['eer', 'tarAtFar1e3', 'fnmrAtFmr1e4', 'fmrAtThreshold', 'fnmrAtThreshold']) {
      expect(result[field] as number, field).toBeGreaterThanOrEqual(0);
      expect(result[field] as number, field).toBeLessThanOrEqual(1);
    }
    // Three clearly different people: the model must tell them apart almost perfectly.
    expect(result.eer as number).toBeLessThan(0.1);
    expect(result.msPerImage as number).toBeGreaterThan(0);
  }, 120_000);
});
