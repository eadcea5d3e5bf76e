/**
 * kioskSecondsToTicket: from the first camera frame in which the kiosk sees a face close to it to the
 * ticket on screen, with every choice made by the keyboard fallback (consent "today", then a field)
 * as soon as its screen appears. Measured in headless Chromium on the real /kiosk page with a fake
 * webcam playing a synthetic video of a dev photo that blinks and turns its head (e2e/support/
 * face-video.ts), so the time includes presence, the greeting, consent, the active liveness check
 * (waiting for the video's next blink or head turn), averaging the template, the server's
 * anti-hoarding search and issuing. It does not include a person's time to read and choose.
 * Both ends are the page's own performance marks (`motcua-face-near`, `motcua-ticket-shown`). Three
 * people × seven fields give 21 distinct visits; from the 22nd on a person comes back to a field and
 * is asked "is this number yours?": that screen, showing the number, ends the span (and "mine" is
 * answered by key).
 *
 * stillPhotoSecondsToRefusal: the same visit with a printed photo of person A held and moved in front
 * of the camera (never turned, so only the time limit can refuse it), from the face coming near to
 * the calm "not live" screen (`motcua-face-near` → `motcua-screen-not-live`). A photo given a ticket
 * with the face is counted in `acceptedAsLive`: that is a security failure, not a slow refusal.
 *
 * When a visit starts, the camera's video is at a point of its loop set by how long the page took to
 * load the models (the fake camera starts playing when the page opens it); on a quiet machine that is
 * the same point visit after visit, so the figures are those of one arrival moment (see the README of
 * src/web/kiosk/camera for what other moments give).
 *
 * Responsiveness during the same visits, measured in the page:
 *   keyToScreenMsP50/P95     from a key's own timestamp (when the browser received it) to the first
 *                            frame painted after the kiosk handled it: a key that arrives while the
 *                            models hold the page's thread waits for them. The keys of the visit are
 *                            pressed just after the bench saw the screen, a moment when the page's
 *                            thread is free, so they say little; these are probe keys (Shift, which
 *                            no screen answers) pressed at seeded random moments while the kiosk
 *                            checks and issues, as a citizen's key would arrive at any moment
 *   mainThreadLongestTaskMs  the longest task on the page's thread between the face coming near and
 *                            the ticket shown (PerformanceObserver 'longtask'), over all visits
 *   inference                where the models ran ('worker' or 'page', the camera's own report)
 * `--inference page` takes Web Workers away from the page (as in a browser without them), so the
 * camera falls back to the page's thread: the same build measured both ways.
 *
 *
 *   npx tsx bench/kiosk-face-bench.ts [--runs 10] [--photo-runs 5] [--inference page]
 *       prints { kioskSecondsToTicket: { p50, p95, runs, failedVisits, failures, keyToScreenMsP50, …
 *                stillPhotoSecondsToRefusal: { p50, max, runs, acceptedAsLive, failures } } as JSON
 *   import { measureKioskFace } from './kiosk-face-bench'
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from '../e2e/support/browser';
import { KIOSK_VIDEOS, makeFaceVideos } from '../e2e/support/face-video';
import { FAKE_CAMERA_FLAGS, login, pairKiosk, waitForState } from '../e2e/support/kiosk-camera';
import { ADMIN_PASSWORD, E2eServer } from '../e2e/support/server';

export interface KioskBenchOptions {
  /** Visits measured (≥ 10 for a p95 worth the name). */
  runs?: number;
  /** Visits of the still photo (each takes the refusal time, about 7 s, plus loading the page). */
  photoRuns?: number;
  /** A running server to measure against (default: a fresh one with an embedded database). */
  url?: string;
  adminPassword?: string;
  facesDir?: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  /** 'page': no Web Worker in the page, so the models run on its thread (the camera's fallback). */
  inference?: 'default' | 'page';
}

export interface KioskBenchResult {
  /** Seconds, over the visits that ended with a ticket. */
  p50: number | null;
  p95: number | null;
  runs: number;
  /**
   * Visits of a live person that did not end with a ticket in time (e.g. judged not live): each is a
   * citizen who would have had to try again or take the number without the face. Counted, not hidden.
   */
  failedVisits: number;
  failures: string[];
  /** Probe key → next painted frame, ms, over the probes of every visit. */
  keyToScreenMsP50: number | null;
  keyToScreenMsP95: number | null;
  keyPresses: number;
  /** Longest task on the page's thread from the face coming near to the ticket shown, ms, over all visits. */
  mainThreadLongestTaskMs: number | null;
  /** Where the camera ran the models ('worker' | 'page'), as it reported; null if it never said. */
  inference: string | null;
  /**
   * The camera's mean time per analysed frame, ms (median over visits): every frame (taking the
   * picture, the models, the reducers), the models alone, hand frames, descriptor frames.
   */
  frameMs: { all: number | null; models: number | null; hands: number | null; describe: number | null };
  /** 1-minute load average of the machine when the bench started and ended (it is shared). */
  loadAverage: { start: number; end: number };
}

export interface StillPhotoBenchResult {
  /** Seconds from the photo coming near to the "not live" screen, over the visits that reached it. */
  p50: number | null;
  max: number | null;
  runs: number;
  /** Visits where the photo got a ticket with the face: must be 0. */
  acceptedAsLive: number;
  failures: string[];
}

const PEOPLE = [KIOSK_VIDEOS.personA, KIOSK_VIDEOS.personB, KIOSK_VIDEOS.personC];
const PROBE_KEY = 'Shift';

/** Presses the probe key at seeded random moments (40–160 ms apart) until `stop()` says so. */
async function probeKeys(page: Page, seed: number, stop: () => boolean): Promise<void> {
  let x = seed * 2654435761 + 1;
  while (!stop()) {
    x = (x * 1103515245 + 12345) % 2147483648;
    await page.waitForTimeout(40 + (x % 120));
    if (stop()) break;
    await page.keyboard.press(PROBE_KEY).catch(() => undefined);
  }
}
const FIELD_KEYS = ['1', '2', '3', '4', '5', '6', '7'];

/**
 * Runs in every page before its own scripts: the key timings and the page thread's long tasks.
 * A key's `timeStamp` is when the browser received it; the next animation frame plus a task is
 * after the screen that answers it was painted.
 */
function recordResponsiveness(withoutWorkers: boolean): void {
  const w = window as unknown as { motcuaBench: { keys: Array<[string, number, number]>; longTasks: Array<[number, number]> } };
  w.motcuaBench = { keys: [], longTasks: [] };
  if (withoutWorkers) delete (window as unknown as { Worker?: unknown }).Worker;
  window.addEventListener(
    'keydown',
    (e) => {
      const received = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => w.motcuaBench.keys.push([e.key, received, performance.now() - received]), 0));
    },
    { capture: true },
  );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.motcuaBench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function measureKioskFace(
  options: KioskBenchOptions = {},
): Promise<{ kioskSecondsToTicket: KioskBenchResult; stillPhotoSecondsToRefusal: StillPhotoBenchResult }> {
  const runs = options.runs ?? 10;
  const photoRuns = options.photoRuns ?? 5;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const facesDir = options.facesDir ?? process.env.FACES_DIR ?? resolve(import.meta.dirname, '../../shared/data/faces/dev');
  const loadAtStart = loadavg()[0]!;
  const server = options.url ? null : await E2eServer.start();
  const url = options.url ?? server!.url;
  const videoDir = mkdtempSync(join(tmpdir(), 'motcua-kiosk-bench-'));
  const browsers: E2eBrowser[] = [];
  try {
    const admin = await login(url, 'admin', options.adminPassword ?? ADMIN_PASSWORD);
    log('kiosk bench: building the camera videos…');
    const videos = await makeFaceVideos(url, facesDir, videoDir, [...PEOPLE, KIOSK_VIDEOS.printA]);
    const token = await pairKiosk({ url, admin }, 'Kiosk bench');
    // One browser per person: the fake camera's video is a launch flag.
    for (const person of PEOPLE) {
      const browser = await launchBrowser(FAKE_CAMERA_FLAGS(videos[person.name]!));
      await browser.context.addCookies([{ name: 'motcua_device_kiosk', value: token, url }]);
      await browser.context.addInitScript(recordResponsiveness, options.inference === 'page');
      browsers.push(browser);
    }
    const seconds: number[] = [];
    const failures: string[] = [];
    const keyMs: number[] = [];
    let longestTask: number | null = null;
    let where: string | null = null;
    const frames = { all: [] as number[], models: [] as number[], hands: [] as number[], describe: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const browser = browsers[i % browsers.length]!;
      // Each visit a fresh page: camera, models and the kiosk start from nothing, as after a reboot.
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1080, height: 1920 });
      try {
        await page.goto(`${url}/kiosk`);
        await page.locator('main.kiosk[data-face="ready"]').waitFor({ timeout: 60_000 });
        await waitForState(page, 'consent', 30_000);
        await page.keyboard.press('1');
        await page.keyboard.press('Enter');
        await waitForState(page, 'choosing-field', 10_000);
        await page.keyboard.press(FIELD_KEYS[i % FIELD_KEYS.length]!);
        await page.keyboard.press('Enter');
        let done = false;
        const probing = probeKeys(page, i + 1, () => done);
        const shown = await waitForState(page, ['showing-ticket', 'reuse-confirm'], 60_000).finally(() => (done = true));
        await probing;
        const marks = await page.evaluate(() => {
          const near = performance.getEntriesByName('motcua-face-near')[0]?.startTime ?? null;
          const all = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('motcua-'));
          return near === null ? null : all.map((m) => [m.name.replace('motcua-', ''), m.startTime - near] as const);
        });
        if (shown === 'reuse-confirm') {
          await page.keyboard.press('1');
          await page.keyboard.press('Enter');
          await waitForState(page, 'showing-ticket', 10_000);
        }
        const end = shown === 'reuse-confirm' ? 'screen-reuse-confirm' : 'ticket-shown';
        const span = marks?.find(([name]) => name === end)?.[1];
        if (span === undefined) throw new Error('the kiosk left no timing marks');
        seconds.push(span / 1000);
        // After the ticket: the paint of the last key's screen has happened by now.
        await page.waitForTimeout(200);
        const seen = await page.evaluate((probe) => {
          const bench = (window as unknown as { motcuaBench: { keys: Array<[string, number, number]>; longTasks: Array<[number, number]> } }).motcuaBench;
          const near = performance.getEntriesByName('motcua-face-near')[0]?.startTime ?? 0;
          const shown = performance.getEntriesByName('motcua-ticket-shown')[0]?.startTime ?? Infinity;
          const tasks = bench.longTasks.filter(([start]) => start >= near && start <= shown);
          const longestTask = tasks.reduce<[number, number] | null>((a, t) => (a === null || t[1] > a[1] ? t : a), null);
          const camera = (window as unknown as { motcuaKioskCamera?: () => Record<string, unknown> }).motcuaKioskCamera?.() ?? null;
          return {
            keys: bench.keys.filter(([key]) => key === probe).map(([, , ms]) => ms),
            longest: longestTask?.[1] ?? 0,
            longestAt: longestTask ? longestTask[0] - near : null,
            camera,
          };
        }, PROBE_KEY);
        keyMs.push(...seen.keys);
        longestTask = Math.max(longestTask ?? 0, seen.longest);
        const camera = seen.camera as { where?: string; meanMs?: number; modelsMeanMs?: number; handsMeanMs?: number | null; describeMeanMs?: number | null } | null;
        where = camera?.where ?? (camera ? 'page' : where);
        if (camera?.meanMs) frames.all.push(camera.meanMs);
        if (camera?.modelsMeanMs) frames.models.push(camera.modelsMeanMs);
        if (camera?.handsMeanMs) frames.hands.push(camera.handsMeanMs);
        if (camera?.describeMeanMs) frames.describe.push(camera.describeMeanMs);
        const steps = marks!.filter(([name]) => name !== 'face-near').map(([name, ms]) => `${name} ${Math.round(ms)}`);
        log(
          `kiosk bench: run ${i + 1}/${runs} (${PEOPLE[i % PEOPLE.length]!.name}, field ${FIELD_KEYS[i % FIELD_KEYS.length]}): ${(span / 1000).toFixed(2)} s  ` +
            `[ms after the face came near: ${steps.join(', ')}] probe keys ${seen.keys.map((ms) => Math.round(ms)).join('/')} ms, longest task ${Math.round(seen.longest)} ms${seen.longestAt === null ? '' : ` at ${Math.round(seen.longestAt)}`}, ` +
            `frames ${Math.round(camera?.meanMs ?? 0)} ms (models ${Math.round(camera?.modelsMeanMs ?? 0)})`,
        );
      } catch (error) {
        const marks = await page
          .evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('motcua-camera-liveness')).map((m) => m.name.replace('motcua-camera-', '')))
          .catch(() => []);
        const failure = `run ${i + 1} (${PEOPLE[i % PEOPLE.length]!.name}): ${(error as Error).message}${marks.length ? ` [${marks.join(', ')}]` : ''}`;
        failures.push(failure);
        log(`kiosk bench: FAILED ${failure}`);
      } finally {
        await page.close();
      }
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    const round = (v: number) => Math.round(v * 100) / 100;
    const at = (p: number) => (sorted.length ? round(percentile(sorted, p)) : null);
    const keys = [...keyMs].sort((a, b) => a - b);
    const keyAt = (p: number) => (keys.length ? Math.round(percentile(keys, p)) : null);
    const median = (values: number[]) => (values.length ? Math.round(percentile([...values].sort((a, b) => a - b), 50)) : null);
    const kioskSecondsToTicket: KioskBenchResult = {
      p50: at(50),
      p95: at(95),
      runs,
      failedVisits: failures.length,
      failures,
      keyToScreenMsP50: keyAt(50),
      keyToScreenMsP95: keyAt(95),
      keyPresses: keys.length,
      mainThreadLongestTaskMs: longestTask === null ? null : Math.round(longestTask),
      inference: where,
      frameMs: { all: median(frames.all), models: median(frames.models), hands: median(frames.hands), describe: median(frames.describe) },
      loadAverage: { start: round(loadAtStart), end: round(loadavg()[0]!) },
    };

    // The still photo: the same keys, then the refusal (or, if it ever happened, a ticket).
    const photo = await launchBrowser(FAKE_CAMERA_FLAGS(videos[KIOSK_VIDEOS.printA.name]!));
    browsers.push(photo);
    await photo.context.addCookies([{ name: 'motcua_device_kiosk', value: token, url }]);
    await photo.context.addInitScript(recordResponsiveness, options.inference === 'page');
    const refusals: number[] = [];
    const photoFailures: string[] = [];
    let acceptedAsLive = 0;
    for (let i = 0; i < photoRuns; i++) {
      const page = await photo.context.newPage();
      await page.setViewportSize({ width: 1080, height: 1920 });
      try {
        await page.goto(`${url}/kiosk`);
        await page.locator('main.kiosk[data-face="ready"]').waitFor({ timeout: 60_000 });
        await waitForState(page, 'consent', 30_000);
        await page.keyboard.press('1');
        await page.keyboard.press('Enter');
        await waitForState(page, 'choosing-field', 10_000);
        await page.keyboard.press(FIELD_KEYS[i % FIELD_KEYS.length]!);
        await page.keyboard.press('Enter');
        const end = await waitForState(page, ['not-live', 'showing-ticket'], 60_000);
        if (end === 'showing-ticket') {
          acceptedAsLive++;
          throw new Error('the photo was given a ticket with the face');
        }
        const marks = await page.evaluate(() => {
          const near = performance.getEntriesByName('motcua-face-near')[0]?.startTime ?? null;
          const all = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('motcua-'));
          return near === null ? null : all.map((m) => [m.name.replace('motcua-', ''), m.startTime - near] as const);
        });
        const span = marks?.find(([name]) => name === 'screen-not-live')?.[1];
        if (span === undefined) throw new Error('the kiosk left no timing marks');
        refusals.push(span / 1000);
        const steps = marks!.filter(([name]) => name !== 'face-near').map(([name, ms]) => `${name} ${Math.round(ms)}`);
        log(`kiosk bench: still photo ${i + 1}/${photoRuns}: refused after ${(span / 1000).toFixed(2)} s  [ms after the face came near: ${steps.join(', ')}]`);
      } catch (error) {
        const failure = `still photo ${i + 1}: ${(error as Error).message}`;
        photoFailures.push(failure);
        log(`kiosk bench: FAILED ${failure}`);
      } finally {
        await page.close();
      }
    }
    const refused = [...refusals].sort((a, b) => a - b);
    const stillPhotoSecondsToRefusal = {
      p50: refused.length ? round(percentile(refused, 50)) : null,
      max: refused.length ? round(refused[refused.length - 1]!) : null,
      runs: photoRuns,
      acceptedAsLive,
      failures: photoFailures,
    };
    return { kioskSecondsToTicket, stillPhotoSecondsToRefusal };
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined);
    await server?.dispose();
    rmSync(videoDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The server serves dist/web: build it if the sources are newer.
  execFileSync(process.execPath, [resolve(import.meta.dirname, '../scripts/ensure-web-build.mjs')], { stdio: ['ignore', 2, 2] });
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const where = process.argv.indexOf('--inference');
  const inference = where > 0 ? process.argv[where + 1] : 'default';
  if (inference !== 'default' && inference !== 'page') {
    process.stderr.write('--inference: "page" (or leave it out)\n');
    process.exit(2);
  }
  const result = await measureKioskFace({ runs: arg('--runs', 10), photoRuns: arg('--photo-runs', 5), inference });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
