/**
 * `npm run face:eval` end to end on a small copy of the development sets: the kiosk's pipeline in
 * headless Chromium (WASM), multi-face scenes rejected, EXIF orientation respected, formats read by
 * content (a BMP named .jpg, a PGM, a JPEG without extension), an undecodable file counted as a
 * failure to enrol, the decisions measured (templates, open set), one JSON object.
 * Reads ../shared/data/faces (never copied into the repository; the copy lives in a temp dir).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_FRAMES_PER_TEMPLATE, FACE_MODELS, PREFERRED_FACE_MODEL_ID } from '../../src/contracts/face';
import { SHARED_MODEL_DIR } from '../support/face-model-files';
import { encodeBmp, encodePgm } from '../support/image-files';

const ROOT = new URL('../..', import.meta.url).pathname;
const FACES = join(ROOT, '../shared/data/faces');
const DEV = join(FACES, 'dev');
const EAST_ASIAN = join(FACES, 'east-asian-dev');
const IDENTITIES = ['deepface-07', 'deepface-10', 'tv-amy'];
// The model the product uses once installed, as a site installs it (from the official files beside the repo).
const MODEL = FACE_MODELS[PREFERRED_FACE_MODEL_ID];

let dir: string;
let dataDir: string;
/** Image files per identity folder, as the test laid them out. */
const imagesPer: Record<string, number> = {};

beforeAll(async () => {
  for (const set of [DEV, EAST_ASIAN]) if (!existsSync(set)) throw new Error(`face set missing at ${set} (see its SOURCE.md)`);
  dir = mkdtempSync(join(tmpdir(), 'motcua-face-eval-'));
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-face-eval-data-'));
  // Without --model, face:eval measures the model the product would use with this data directory.
  await promisify(execFile)('npm', ['run', '-s', 'cli', '--', 'models', 'install', '--from', SHARED_MODEL_DIR], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
  const copy = (from: string, folder: string) => {
    mkdirSync(join(dir, folder));
    for (const file of readdirSync(join(from, folder))) copyFileSync(join(from, folder, file), join(dir, folder, file));
  };
  for (const folder of [...IDENTITIES, '_multi-face']) copy(DEV, folder);
  // Twenty photos of one person: enough for four 5-photo templates.
  copy(EAST_ASIAN, 'BTS_V');
  // A phone photo stored sideways with an EXIF tag that says "rotate 90° clockwise to view":
  // read without its orientation, the face lies on its side and cannot be enrolled.
  const upright = join(DEV, 'deepface-07', 'img29.jpg');
  await sharp(upright).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toFile(join(dir, 'deepface-07', 'sideways-exif.jpg'));
  // A JPEG without any extension is listed by its content; a text file is not listed at all.
  copyFileSync(join(DEV, 'deepface-07', 'img30.jpg'), join(dir, 'deepface-07', 'img30-no-extension'));
  writeFileSync(join(dir, 'deepface-07', 'notes.txt'), 'taken at the 2019 conference\n');
  // A bitmap saved under a .jpg name (as data sets do), in place of the JPEG it was made from.
  const photo = await sharp(join(DEV, 'deepface-10', 'img18.jpg')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  writeFileSync(join(dir, 'deepface-10', 'img18.jpg'), encodeBmp({ width: photo.info.width, height: photo.info.height, rgb: photo.data }, { bitsPerPixel: 24 }));
  // A greyscale PGM in place of a PNG.
  const grey = await sharp(join(DEV, 'tv-amy', 'amy2.png')).greyscale().raw().toBuffer({ resolveWithObject: true });
  unlinkSync(join(dir, 'tv-amy', 'amy2.png'));
  writeFileSync(join(dir, 'tv-amy', 'amy2.pgm'), encodePgm(grey.info.width, grey.info.height, grey.data));
  // Not an image at all, though named like one.
  writeFileSync(join(dir, 'tv-amy', 'noise.jpg'), 'this file was never an image '.repeat(40));
  for (const folder of [...IDENTITIES, 'BTS_V']) imagesPer[folder] = readdirSync(join(dir, folder)).filter((f) => f !== 'notes.txt').length;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const run = (args: string[]) => promisify(execFile)('npm', ['run', '-s', 'face:eval', '--', ...args], { cwd: ROOT, timeout: 170_000, maxBuffer: 1 << 22 });

/** Runs a command expected to fail; resolves with its exit code and output. */
async function runFailing(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    await run(args);
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
  throw new Error('the command succeeded');
}

const C2 = (n: number) => (n * (n - 1)) / 2;

describe('npm run face:eval', () => {
  it('prints one JSON object with the contract fields, reads every format by content and measures the decisions', async () => {
    const { stdout } = await run(['--dir', dir, '--details', '--data-dir', dataDir]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const field of ['model', 'identities', 'images', 'failedToEnroll', 'genuinePairs', 'impostorPairs', 'eer', 'tarAtFar1e3', 'fnmrAtFmr1e4', 'threshold', 'fmrAtThreshold', 'fnmrAtThreshold', 'msPerImage', 'templateEval', 'openSet']) {
      expect(result, field).toHaveProperty(field);
    }
    // deepface-07: 5 + the sideways copy + the extensionless copy; deepface-10: 3 (one a BMP);
    // tv-amy: 5 (one a PGM) + the file that is not an image; BTS_V: 20.
    expect(imagesPer).toEqual({ 'deepface-07': 7, 'deepface-10': 3, 'tv-amy': 6, BTS_V: 20 });
    expect(result).toMatchObject({
      model: PREFERRED_FACE_MODEL_ID,
      identities: 4,
      images: 36,
      threshold: MODEL.defaultThreshold,
      margin: MODEL.defaultMargin,
      multiFaceScenes: 2,
      multiFaceRejected: 2,
      failedToEnroll: 1,
      failedToEnrollReasons: { 'unreadable-image': 1 },
    });
    expect(result.thresholdSource).toMatch(/defaultThreshold/);
    // Everything enrols, the BMP named .jpg and the PGM included; only the non-image fails, with its reason.
    expect(result.failures).toEqual([{ identity: 'tv-amy', file: 'noise.jpg', issues: ['unreadable-image'], error: expect.stringMatching(/not an image/) }]);
    const enrolled = { 'deepface-07': 7, 'deepface-10': 3, 'tv-amy': 5, BTS_V: 20 };
    const genuine = Object.values(enrolled).reduce((n, k) => n + C2(k), 0);
    expect(result.genuinePairs).toBe(genuine);
    expect(result.impostorPairs).toBe(C2(35) - genuine);
    for (const field of ['eer', 'tarAtFar1e3', 'fnmrAtFmr1e4', 'fmrAtThreshold', 'fnmrAtThreshold']) {
      expect(result[field] as number, field).toBeGreaterThanOrEqual(0);
      expect(result[field] as number, field).toBeLessThanOrEqual(1);
    }
    // Four clearly different people: the model must tell them apart almost perfectly.
    expect(result.eer as number).toBeLessThan(0.1);
    expect(result.msPerImage as number).toBeGreaterThan(0);

    // Templates of 5 photos: 7 → 1, 3 → 0, 5 → 1, 20 → 4.
    const templateEval = result.templateEval as Record<string, number>;
    expect(templateEval).toMatchObject({ imagesPerTemplate: FACE_FRAMES_PER_TEMPLATE, templates: 6, genuinePairs: C2(4), impostorPairs: C2(6) - C2(4) });
    for (const field of ['eer', 'fmrAtThreshold', 'fnmrAtThreshold']) {
      expect(templateEval[field], field).toBeGreaterThanOrEqual(0);
      expect(templateEval[field], field).toBeLessThanOrEqual(1);
    }
    // Averaging five photos makes a person's templates agree: every genuine template pair clears the threshold.
    expect(templateEval.fnmrAtThreshold).toBe(0);
    expect(templateEval.fmrAtThreshold).toBe(0);
    const calibration = result.calibration as { templates: Record<string, number> };
    expect(calibration.templates.thresholdAtFmr1e3).toBeGreaterThan(calibration.templates.highestImpostor - 1e-9);

    // Sorted by name: BTS_V (enrolled), deepface-07 (stranger), deepface-10 (enrolled), tv-amy (stranger).
    const openSet = result.openSet as Record<string, number>;
    expect(openSet).toMatchObject({ galleryIdentities: 2, strangerIdentities: 2, probes: 19 + 2 + 7 + 5, returningVisitors: 21, newVisitors: 12 });
    for (const field of ['falseReuseRate', 'wrongPersonRate', 'missedReuseRate']) {
      expect(openSet[field], field).toBeGreaterThanOrEqual(0);
      expect(openSet[field], field).toBeLessThanOrEqual(1);
    }
    // Strangers who look nothing like the two enrolled people are never given their number.
    expect(openSet.falseReuse).toBe(0);
    expect(openSet.wrongPerson).toBe(0);
    expect(openSet.reused + openSet.missedReuse).toBe(21);
    // The threshold is strict (a false "same person" is the harmful error): single photos taken years
    // apart are often not recognised, but some are, and only ever as themselves.
    expect(openSet.reused).toBeGreaterThan(0);
  }, 180_000);

  it('refuses a model that is not installed in the data directory, saying how to install it (exit 2, nothing on stdout)', async () => {
    const id = 'face-reidentification-retail-0095';
    const empty = mkdtempSync(join(tmpdir(), 'motcua-face-eval-empty-'));
    try {
      const { code, stdout, stderr } = await runFailing(['--dir', dir, '--model', id, '--data-dir', empty]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`Mô hình nhận diện ${id} chưa được cài`);
      expect(stderr).toContain(`npm run cli -- models install --model ${id}`);
      expect(stderr).toContain(empty);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([
    [['--model', 'no-such-model'], /Không có mô hình "no-such-model"[\s\S]*Unknown model "no-such-model". Known: .*face-api-128-aligned/],
    [['--threshold', 'high'], /--threshold phải là một số[\s\S]*--threshold must be a number from -1 to 1/],
    [['--margin=-0.1'], /--margin phải là một số[\s\S]*--margin must be a number from 0 to 2/],
    [['--dir', '/nonexistent/faces'], /Không tìm thấy thư mục \/nonexistent\/faces[\s\S]*No folder at \/nonexistent\/faces/],
    [['--colour', 'blue'], /Tham số không hợp lệ[\s\S]*Invalid arguments: Unknown option '--colour'/],
  ])('refuses %j in Vietnamese and English (exit 2, nothing on stdout)', async (args, message) => {
    const { code, stdout, stderr } = await runFailing(['--dir', dir, '--data-dir', dataDir, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  }, 60_000);
});
