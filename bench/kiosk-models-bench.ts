/**
 * Per-frame time of the kiosk's models in the camera's Web Worker against the page's thread, in one
 * headless Chromium page: the same 640×480 frames (development photos, cycled so Human's cache of a
 * still scene never helps) analysed alternately by the worker and by the page, for frames with the
 * face models only, with the hand models, and with the recognition pipeline.
 * `frameMs` is the frame as the camera waits for it (taking the picture, the trip to the worker and
 * back); `modelsMs` the models alone. Medians over the rounds.
 *
 *   npx tsx bench/kiosk-models-bench.ts [--model <id>] [--rounds 12]     prints the result as JSON
 */
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FACE_MODEL_IDS, isFaceModelId, type FaceModelId } from '../src/contracts/face';
import { launchBrowser } from '../e2e/support/browser';
import type { HarnessTiming } from '../e2e/support/kiosk-models-harness';
import { HARNESS_MANIFEST_URL, startKioskModelsServer } from '../e2e/support/kiosk-models-server';

export interface KioskModelsBenchResult extends HarnessTiming {
  model: FaceModelId;
  loadAverage: { start: number; end: number };
}

export async function measureKioskModels(options: { model: FaceModelId; rounds?: number; facesDir?: string }): Promise<KioskModelsBenchResult> {
  const facesDir = options.facesDir ?? process.env.FACES_DIR ?? resolve(import.meta.dirname, '../../shared/data/faces/dev');
  const start = loadavg()[0]!;
  // The first photo of the first few identities: different people, so no frame looks like the last.
  const photos = readdirSync(facesDir)
    .filter((d) => !d.startsWith('_') && !d.startsWith('.') && statSync(join(facesDir, d)).isDirectory())
    .sort()
    .slice(0, 4)
    .map((d) => join(facesDir, d, readdirSync(join(facesDir, d)).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort()[0]!));
  const server = await startKioskModelsServer(photos);
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.url}/h/`);
    await page.waitForFunction(() => document.title === 'kiosk-models ready', undefined, { timeout: 30_000 });
    const timing = await page.evaluate(
      ({ model, manifestUrl, frames, rounds }) => window.kioskModels.time(model, manifestUrl, frames, rounds),
      { model: options.model, manifestUrl: HARNESS_MANIFEST_URL, frames: photos.length, rounds: options.rounds ?? 12 },
    );
    const round = (t: { frameMs: number; modelsMs: number }) => ({ frameMs: Math.round(t.frameMs), modelsMs: Math.round(t.modelsMs) });
    const side = (s: HarnessTiming['face']) => ({ worker: round(s.worker), page: round(s.page) });
    return {
      model: options.model,
      rounds: timing.rounds,
      face: side(timing.face),
      hands: side(timing.hands),
      describe: side(timing.describe),
      loadAverage: { start: Math.round(start * 100) / 100, end: Math.round(loadavg()[0]! * 100) / 100 },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const model = arg('--model') ?? 'face-api-128-aligned';
  const rounds = Number(arg('--rounds') ?? 12);
  if (!isFaceModelId(model) || !Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write(`--model: one of ${FACE_MODEL_IDS.join(', ')}; --rounds: a whole number ≥ 1\n`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify({ kioskModelsPerFrame: await measureKioskModels({ model, rounds }) })}\n`);
}
