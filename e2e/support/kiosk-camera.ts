/**
 * A kiosk in headless Chromium with a fake webcam playing a .y4m file (the file is a launch flag, so
 * each video needs its own browser), paired once through the API and reused by every browser via
 * its device cookie.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './browser';

export interface HallApi {
  url: string;
  /** Admin session cookie ("name=value"). */
  admin: string;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function call<T>(hall: HallApi, method: string, path: string, body?: unknown, cookie: string | null = hall.admin): Promise<T> {
  const res = await fetch(`${hall.url}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Pairs a kiosk through the API (as the pairing screen and a manager would) and returns its token. */
export async function pairKiosk(hall: HallApi, name = 'Kiosk camera'): Promise<string> {
  const ticket = await call<{ pairingId: string; code: string; secret: string }>(hall, 'POST', '/api/v1/devices/pairing', { kind: 'kiosk', name }, null);
  await call(hall, 'POST', '/api/v1/devices/confirm', { code: ticket.code, name });
  const claimed = await call<{ status: string; token: string | null }>(hall, 'POST', `/api/v1/devices/pairing/${ticket.pairingId}/claim`, { secret: ticket.secret }, null);
  if (claimed.status !== 'paired' || !claimed.token) throw new Error('kiosk pairing did not complete');
  return claimed.token;
}

export interface CameraKiosk {
  browser: E2eBrowser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** Every console message (for diagnosing a failure). */
  log: string[];
  close(): Promise<void>;
}

export const FAKE_CAMERA_FLAGS = (video: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
];

/**
 * Opens /kiosk as the paired kiosk, in a browser whose webcam plays `video`. `withoutWebWorkers`
 * takes `Worker` away from the page before its scripts run, as in a browser without them.
 */
export async function openCameraKiosk(
  url: string,
  token: string,
  video: string,
  viewport = { width: 1280, height: 1024 },
  { withoutWebWorkers = false } = {},
): Promise<CameraKiosk> {
  const browser = await launchBrowser(FAKE_CAMERA_FLAGS(video));
  const { context } = browser;
  await context.addCookies([{ name: 'motcua_device_kiosk', value: token, url }]);
  if (withoutWebWorkers) await context.addInitScript(() => delete (window as unknown as { Worker?: unknown }).Worker);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  const log: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    log.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${url}/kiosk`);
  return { browser, context, page, errors, log, close: () => browser.close() };
}

/** Waits until the kiosk's camera is ready (the kiosk retries a camera that failed to start). */
export async function waitForCamera(kiosk: CameraKiosk, timeout = 60_000): Promise<void> {
  await kiosk.page
    .locator('main.kiosk[data-face="ready"]')
    .waitFor({ timeout })
    .catch(async (e: unknown) => {
      const face = await kiosk.page.locator('main.kiosk').getAttribute('data-face', { timeout: 1000 }).catch(() => null);
      throw new Error(`camera not ready (data-face=${face}); console: ${kiosk.log.slice(-10).join(' | ')}`, { cause: e });
    });
}

/** What the kiosk's camera reports about its frames (kiosk-camera.ts KioskCameraStats, timings only). */
export interface CameraStats {
  where: 'worker' | 'page';
  frames: number;
  analysing: { frame: number; hands: boolean; describe: boolean } | null;
}

export async function cameraStats(page: Page): Promise<CameraStats> {
  return page.evaluate(() => (window as unknown as { motcuaKioskCamera: () => CameraStats }).motcuaKioskCamera());
}

/**
 * Presses `key` as soon as the camera has a frame of the wanted kind in analysis, and tells which
 * frame was being analysed when the page handled the key, and whether the screen already showed
 * `answer` (a selector) then. Both are read at the end of the key's own task (a listener added after
 * the kiosk's, when React has committed the key's update): no frame can end in between. With the
 * models in a worker the key is handled during that same frame; on the page's thread it waits for it.
 */
export async function pressDuringFrame(
  page: Page,
  key: string,
  answer: string,
  wanted: { hands?: boolean; describe?: boolean } = {},
): Promise<{ frameAtPress: number; frameAtKey: number | null; answered: boolean }> {
  await page.evaluate((answer) => {
    const camera = (window as unknown as { motcuaKioskCamera: () => CameraStats }).motcuaKioskCamera;
    const seen: { key?: number | null; answered?: boolean } = {};
    (window as unknown as { pressSeen: typeof seen }).pressSeen = seen;
    window.addEventListener(
      'keydown',
      () => {
        seen.key = camera().analysing?.frame ?? null;
        seen.answered = document.querySelector(answer) !== null;
      },
      { once: true },
    );
  }, answer);
  const handle = await page.waitForFunction(
    (w) => {
      const now = (window as unknown as { motcuaKioskCamera: () => CameraStats }).motcuaKioskCamera().analysing;
      return now && (w.hands === undefined || now.hands === w.hands) && (w.describe === undefined || now.describe === w.describe) ? now.frame : null;
    },
    wanted,
    { polling: 'raf', timeout: 15_000 },
  ).catch((error: unknown) => {
    // With the models on the page's thread a frame is one long task: the page never sees one running.
    throw new Error(`the page never saw a camera frame ${JSON.stringify(wanted)} in analysis within 15 s`, { cause: error });
  });
  const frameAtPress = (await handle.jsonValue()) as number;
  await page.keyboard.press(key);
  const seen = await page.evaluate(() => (window as unknown as { pressSeen: { key: number | null; answered: boolean } }).pressSeen);
  return { frameAtPress, frameAtKey: seen.key, answered: seen.answered };
}

/** The kiosk machine's current screen (`data-state` on the kiosk's <main>). */
export async function kioskState(page: Page): Promise<string | null> {
  return page.locator('main.kiosk').getAttribute('data-state');
}

/** Waits until the kiosk shows one of `states`; fails with what it showed meanwhile. */
export async function waitForState(page: Page, states: string | string[], timeout = 30_000): Promise<string> {
  const wanted = Array.isArray(states) ? states : [states];
  const seen: string[] = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const s = await kioskState(page).catch(() => null);
    if (s && seen[seen.length - 1] !== s) seen.push(s);
    if (s && wanted.includes(s)) return s;
    await page.waitForTimeout(50);
  }
  throw new Error(`kiosk never showed ${wanted.join(' or ')}; it showed: ${seen.join(' → ') || 'nothing'}`);
}
