/**
 * The touchless face kiosk end to end: the real server, the real /kiosk page and face models in
 * headless Chromium, and a fake webcam playing videos this test builds from the development photos
 * (e2e/support/face-video.ts says what is synthetic about them). Choices are made with the keyboard
 * fallback so every run takes the same path; one scenario chooses by pointing (dwell).
 *
 * What is checked beyond the screens: the ticket request carries only a template (base64 float32,
 * `live: true`), never an image; the processing record (GET /api/v1/manage/face/record) shows which
 * templates and consents were kept.
 *
 * KIOSK_SCREENSHOTS=<dir> also saves a screenshot of each new screen there.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceRecord } from '../src/contracts/api';
import { FACE_MODELS, FALLBACK_FACE_MODEL_ID } from '../src/contracts/face';
import { KIOSK_VIDEOS, makeFaceVideos } from './support/face-video';
import {
  call,
  cameraStats,
  kioskState,
  login,
  openCameraKiosk,
  pairKiosk,
  pressDuringFrame,
  waitForCamera,
  waitForState,
  type CameraKiosk,
  type HallApi,
} from './support/kiosk-camera';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

/** The fallback model's template length (no model is installed in these journeys). */
const FACE_TEMPLATE_LENGTH = FACE_MODELS[FALLBACK_FACE_MODEL_ID].templateLength;

const FACES = process.env.FACES_DIR ?? resolve(import.meta.dirname, '../../shared/data/faces/dev');
const SHOTS = process.env.KIOSK_SCREENSHOTS ?? null;
const VIEWPORT = { width: 1080, height: 1920 };

interface Posted {
  path: string;
  body: Record<string, unknown>;
}

describe('the touchless face kiosk', () => {
  let server: E2eServer;
  let hall: HallApi;
  let token: string;
  let videoDir: string;
  let videos: Record<string, string>;
  const open: CameraKiosk[] = [];

  beforeAll(async () => {
    if (!existsSync(FACES)) throw new Error(`the development face photos are not at ${FACES} (set FACES_DIR)`);
    server = await E2eServer.start();
    hall = { url: server.url, admin: await login(server.url, 'admin', ADMIN_PASSWORD) };
    videoDir = mkdtempSync(join(tmpdir(), 'motcua-kiosk-videos-'));
    videos = await makeFaceVideos(server.url, FACES, videoDir, Object.values(KIOSK_VIDEOS));
    token = await pairKiosk(hall, 'Kiosk sảnh (camera)');
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const k of open) await k.close().catch(() => undefined);
    await server?.dispose();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  /** A kiosk whose camera sees `video`; records what the page POSTs. */
  async function kiosk(video: string, options: { withoutWebWorkers?: boolean } = {}): Promise<{ k: CameraKiosk; page: Page; posted: Posted[] }> {
    const k = await openCameraKiosk(server.url, token, videos[video]!, VIEWPORT, options);
    open.push(k);
    const posted: Posted[] = [];
    k.page.on('request', (r) => {
      if (r.method() !== 'POST') return;
      const path = new URL(r.url()).pathname;
      if (path === '/api/v1/tickets' || path.startsWith('/api/v1/kiosk/')) posted.push({ path, body: (r.postDataJSON() ?? {}) as Record<string, unknown> });
    });
    await waitForCamera(k);
    return { k, page: k.page, posted };
  }

  async function done(k: CameraKiosk): Promise<void> {
    // Wrong phone digits answer 403: expected, not a fault of the page.
    const unexpected = k.errors.filter((e) => !/status of 403/.test(e));
    expect(unexpected, 'errors in the kiosk page').toEqual([]);
    await k.close();
    open.splice(open.indexOf(k), 1);
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  async function keys(page: Page, ...list: string[]): Promise<void> {
    for (const key of list) await page.keyboard.press(key);
  }

  const record = () => call<FaceRecord>(hall, 'GET', '/api/v1/manage/face/record');
  const held = (r: FaceRecord, kind: 'walk-in' | 'remembered') => r.held.find((h) => h.kind === kind)?.count ?? 0;
  const tickets = (posted: Posted[]) => posted.filter((p) => p.path === '/api/v1/tickets').map((p) => p.body);

  /** The face part of a ticket request, checked to hold a template and nothing else. */
  function expectTemplateOnly(face: unknown): void {
    // The count of averaged frames is the only thing sent besides the template.
    expect(face).toMatchObject({ capture: { model: FALLBACK_FACE_MODEL_ID, live: true, frames: 5 } });
    const { capture, ...rest } = face as { capture: Record<string, unknown> };
    expect(Object.keys(capture).sort()).toEqual(['frames', 'live', 'model', 'template']);
    expect(Object.keys(rest).every((k) => k === 'consent' || k === 'phoneHint')).toBe(true);
    const bytes = Buffer.from(capture.template as string, 'base64');
    expect(bytes.length).toBe(FACE_TEMPLATE_LENGTH * 4);
    const values = Array.from({ length: FACE_TEMPLATE_LENGTH }, (_, i) => bytes.readFloatLE(i * 4));
    expect(Math.hypot(...values)).toBeCloseTo(1, 3);
  }

  let numberA = '';

  it('person A walks up: greeted without a touch, consents for today, picks a field with the keyboard, gets a number bound to the face', async () => {
    const before = await record();
    const { k, page, posted } = await kiosk('person-a');
    // The models run in a Web Worker, off the thread that handles keys, touches and the screen.
    expect((await cameraStats(page)).where).toBe('worker');
    await waitForState(page, 'consent', 20_000);
    await page.getByText('Xin chào ông/bà').waitFor({ timeout: 5_000 });
    await page.getByText('không lưu ảnh', { exact: false }).first().waitFor({ timeout: 5_000 });
    await shot(page, '01-greeting-consent');
    // A key pressed while a frame is analysed (one with the hand models, then one with the
    // recognition model) is answered on screen before that frame is done, not after it.
    const duringHands = await pressDuringFrame(page, '1', '[data-choice="0"].is-marked', { hands: true });
    expect(duringHands).toEqual({ frameAtPress: duringHands.frameAtPress, frameAtKey: duringHands.frameAtPress, answered: true });
    await keys(page, 'Enter');
    await waitForState(page, 'choosing-field');
    await shot(page, '02-choosing-field');
    const duringDescriptor = await pressDuringFrame(page, '1', '[data-choice="0"].is-marked', { describe: true });
    expect(duringDescriptor).toEqual({ frameAtPress: duringDescriptor.frameAtPress, frameAtKey: duringDescriptor.frameAtPress, answered: true });
    await keys(page, 'Enter');
    await waitForState(page, 'showing-ticket', 30_000);
    await shot(page, '03-ticket');
    numberA = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(await page.getByTestId('kiosk-ticket').getAttribute('data-reused')).toBe('false');

    const [body] = tickets(posted);
    expect(body).toMatchObject({ face: { consent: 'today' } });
    expectTemplateOnly(body!.face);
    const after = await record();
    expect(held(after, 'walk-in')).toBe(held(before, 'walk-in') + 1);
    expect(after.consentsLast30Days.today).toBe(before.consentsLast30Days.today + 1);
    await done(k);
  });

  /** Person A at field 1 again: "Ông/bà đã có số" with that number, and the question whether it is theirs. */
  async function personAAgain(): Promise<{ k: CameraKiosk; page: Page; posted: Posted[] }> {
    const visit = await kiosk('person-a');
    const { page } = visit;
    await waitForState(page, 'consent', 20_000);
    await keys(page, '1', 'Enter');
    await waitForState(page, 'choosing-field');
    await keys(page, '1', 'Enter');
    await waitForState(page, 'reuse-confirm', 30_000);
    await page.getByText('Đây có phải số của ông/bà không?').waitFor({ timeout: 5_000 });
    expect((await page.getByTestId('reuse-number').textContent())!.trim()).toBe(numberA);
    // The number and its field only: not the ticket (when it was taken, its link), nothing else.
    const shown = (await page.getByTestId('kiosk-reuse-confirm').textContent())!;
    expect(shown).toContain('Hộ tịch');
    expect(shown).not.toContain('Lấy số lúc');
    expect(await page.getByTestId('kiosk-ticket').count()).toBe(0);
    expect(await page.locator('.kiosk-qr').count()).toBe(0);
    // A second Enter alone (nothing marked) does not answer.
    await keys(page, 'Enter');
    await page.waitForTimeout(500);
    expect(await kioskState(page)).toBe('reuse-confirm');
    return visit;
  }

  it('person A again, same field: the same number back ("Ông/bà đã có số"), confirmed as theirs by key; nothing new kept', async () => {
    const before = await record();
    const { k, page, posted } = await personAAgain();
    await shot(page, '04-reuse-confirm');
    await keys(page, '1', 'Enter');
    await waitForState(page, 'showing-ticket');
    expect((await page.getByTestId('ticket-reused').textContent())?.trim()).toBe('Ông/bà đã có số');
    expect(await page.getByTestId('kiosk-ticket').getAttribute('data-reused')).toBe('true');
    expect((await page.getByTestId('ticket-number').textContent())!.trim()).toBe(numberA);
    await shot(page, '04b-reused-number');
    await expect.poll(async () => (await record()).reuseChecksLast30Days.confirmed, { timeout: 10_000 }).toBe(before.reuseChecksLast30Days.confirmed + 1);
    expect(posted.filter((p) => p.path.startsWith('/api/v1/kiosk/reuse/')).map((p) => p.path)).toEqual([
      expect.stringMatching(/^\/api\/v1\/kiosk\/reuse\/[A-Za-z0-9_-]+\/confirm$/),
    ]);
    const after = await record();
    expect(held(after, 'walk-in')).toBe(held(before, 'walk-in'));
    expect(after.reuseChecksLast30Days.offered).toBe(before.reuseChecksLast30Days.offered + 1);
    expect(after.reuseChecksLast30Days.rejected).toBe(before.reuseChecksLast30Days.rejected);
    await done(k);
  });

  it('person A again, "not mine": a new number, and the false match is recorded', async () => {
    const before = await record();
    const { k, page, posted } = await personAAgain();
    await keys(page, '2', 'Enter');
    await waitForState(page, 'showing-ticket', 30_000);
    expect(await page.getByTestId('kiosk-ticket').getAttribute('data-reused')).toBe('false');
    const fresh = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(fresh).not.toBe(numberA);
    const [first, again] = tickets(posted);
    const { notMine, ...againFace } = again!.face as { notMine?: string };
    expect(notMine).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    // The same request again, saying which answer was wrong; still only a template leaves the kiosk.
    expect({ ...again, face: againFace }).toEqual(first);
    expectTemplateOnly(againFace);
    const after = await record();
    expect(after.reuseChecksLast30Days.rejected).toBe(before.reuseChecksLast30Days.rejected + 1);
    expect(held(after, 'walk-in')).toBe(held(before, 'walk-in') + 1);
    await done(k);
  });

  it('person B, same field: a new number', async () => {
    const before = await record();
    const { k, page, posted } = await kiosk('person-b');
    await waitForState(page, 'consent', 20_000);
    await keys(page, '1', 'Enter');
    await waitForState(page, 'choosing-field');
    await keys(page, '1', 'Enter');
    await waitForState(page, 'showing-ticket', 30_000);
    const numberB = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(numberB).not.toBe(numberA);
    expect(await page.getByTestId('kiosk-ticket').getAttribute('data-reused')).toBe('false');
    expectTemplateOnly(tickets(posted)[0]!.face);
    expect(held(await record(), 'walk-in')).toBe(held(before, 'walk-in') + 1);
    await done(k);
  });

  it('a still photo of person A moved in front of the camera: calmly refused, with no ticket and no template sent or kept', async () => {
    const before = await record();
    const { k, page, posted } = await kiosk('print-a');
    await waitForState(page, 'consent', 20_000);
    await keys(page, '1', 'Enter');
    await waitForState(page, 'choosing-field');
    await keys(page, '1', 'Enter');
    await waitForState(page, 'checking');
    // The liveness check may see the photo's flatness while it moves before the 2 s prompt is due;
    // then the kiosk refuses it at once. Otherwise it asks for a blink first. Both refuse it.
    const prompt = page.locator('[data-testid="kiosk-checking"][data-asked="true"]');
    // Each wait settles (a timeout as null), so the one that loses the race leaves no rejection behind.
    const first = await Promise.race([
      prompt.waitFor({ timeout: 20_000 }).then(() => 'asked' as const, () => null),
      waitForState(page, 'not-live', 20_000).then(() => 'refused' as const, () => null),
    ]);
    expect(first, 'neither the blink prompt nor the refusal').not.toBeNull();
    if (first === 'asked') {
      await page.getByText('Xin ông/bà chớp mắt hoặc quay nhẹ đầu sang một bên').waitFor({ timeout: 5_000 });
      await shot(page, '05-liveness-prompt');
    }
    await waitForState(page, 'not-live', 20_000);
    await page.getByText('Máy chưa nhận diện được').waitFor({ timeout: 5_000 });
    await shot(page, '06-not-live');
    // Nothing left the kiosk: no ticket request and no recognition question (the template of a face
    // that was not judged live is never sent), and nothing was kept. (How fast: bench/kiosk-face-bench.ts.)
    expect(posted).toEqual([]);
    expect(held(await record(), 'walk-in')).toBe(held(before, 'walk-in'));
    // The way out is one choice away and still gives a number, without the face.
    await keys(page, '2', 'Enter');
    await waitForState(page, 'showing-ticket', 20_000);
    expect(tickets(posted)).toEqual([expect.objectContaining({ face: { consent: 'declined' } })]);
    expect(held(await record(), 'walk-in')).toBe(held(before, 'walk-in'));
    await done(k);
  });

  it('two people in view: asked to come one at a time, and nothing is captured', async () => {
    const before = await record();
    const { k, page, posted } = await kiosk('pair');
    await waitForState(page, 'several-faces', 20_000);
    await page.getByText('Mời từng người một').waitFor({ timeout: 5_000 });
    await shot(page, '07-several-faces');
    // One of them touches the screen anyway: the visit starts, the banner stays, no capture is made.
    await keys(page, 'Enter');
    await waitForState(page, 'consent');
    await keys(page, '1', 'Enter');
    await waitForState(page, 'choosing-field');
    await keys(page, '2', 'Enter');
    await waitForState(page, 'checking');
    await page.waitForTimeout(4_000);
    expect(await page.locator('main.kiosk').getAttribute('data-state')).toBe('checking');
    await page.getByTestId('kiosk-one-at-a-time').waitFor({ timeout: 5_000 });
    expect(posted).toEqual([]);
    const after = await record();
    expect(held(after, 'walk-in')).toBe(held(before, 'walk-in'));
    await done(k);
  });

  it('declining, in English: a number, no face data kept, and the next visit starts in Vietnamese', async () => {
    const before = await record();
    const { k, page, posted } = await kiosk('person-b');
    await waitForState(page, 'consent', 20_000);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('Would you like to use your face to take a number?').waitFor({ timeout: 5_000 });
    await keys(page, '3', 'Enter');
    await waitForState(page, 'choosing-field');
    await page.getByText('What do you need help with?').waitFor({ timeout: 5_000 });
    await keys(page, '2', 'Enter');
    await waitForState(page, 'showing-ticket', 20_000);
    await page.getByText('Your number', { exact: true }).waitFor({ timeout: 5_000 });
    expect(posted).toEqual([{ path: '/api/v1/tickets', body: expect.objectContaining({ lang: 'en', face: { consent: 'declined' } }) }]);
    const after = await record();
    expect(held(after, 'walk-in')).toBe(held(before, 'walk-in'));
    expect(held(after, 'remembered')).toBe(held(before, 'remembered'));
    expect(after.consentsLast30Days.declined).toBe(before.consentsLast30Days.declined + 1);
    // "Done": the visit ends. The next citizen is greeted in Vietnamese, whatever this one chose.
    await keys(page, 'Enter');
    await waitForState(page, 'attract');
    expect(await page.locator('main.kiosk').getAttribute('data-lang')).toBe('vi');
    await page.getByText('Mời đứng trước màn hình hoặc chạm để lấy số').waitFor({ timeout: 5_000 });
    await keys(page, 'Enter');
    await waitForState(page, 'consent');
    await page.getByText('Ông/bà có muốn dùng khuôn mặt để lấy số không?').waitFor({ timeout: 5_000 });
    await done(k);
  });

  it('remember me: 4 phone digits; next visit a neutral prompt, wrong digits refused by the server, right digits continue', async () => {
    const before = await record();
    const first = await kiosk('person-c');
    await waitForState(first.page, 'consent', 20_000);
    await keys(first.page, '2', 'Enter');
    // Being remembered is asked a second time, on its own screen; a second Enter alone does not answer.
    await waitForState(first.page, 'remember-confirm');
    await first.page.getByText('Ông/bà muốn kiosk ghi nhớ khuôn mặt cho lần sau?').waitFor({ timeout: 5_000 });
    await shot(first.page, '08-remember-confirm');
    await keys(first.page, 'Enter');
    await first.page.waitForTimeout(500);
    expect(await kioskState(first.page)).toBe('remember-confirm');
    await keys(first.page, '1', 'Enter');
    await waitForState(first.page, 'phone');
    await keys(first.page, '1', '2');
    await shot(first.page, '08b-phone-keypad');
    await keys(first.page, '3', '4', 'Enter');
    await waitForState(first.page, 'choosing-field');
    await keys(first.page, '3', 'Enter');
    await waitForState(first.page, 'showing-ticket', 30_000);
    const [body] = tickets(first.posted);
    expect(body).toMatchObject({ face: { consent: 'remember', phoneHint: '1234' } });
    expectTemplateOnly(body!.face);
    expect(held(await record(), 'remembered')).toBe(held(before, 'remembered') + 1);
    await done(first.k);

    const again = await kiosk('person-c');
    await waitForState(again.page, 'consent', 20_000);
    await keys(again.page, '1', 'Enter');
    await waitForState(again.page, 'choosing-field');
    await keys(again.page, '4', 'Enter');
    await waitForState(again.page, 'recognised', 30_000);
    await again.page.getByText('Có phải ông/bà đã đăng ký nhận diện?').waitFor({ timeout: 5_000 });
    await shot(again.page, '09-recognised-prompt');
    expect(again.posted.filter((p) => p.path === '/api/v1/kiosk/recognise')).toHaveLength(1);
    await keys(again.page, '9', '9', '9', '9', 'Enter');
    expect(await again.page.getByTestId('kiosk-recognised-message').textContent({ timeout: 10_000 })).toContain('Số điện thoại không khớp');
    await keys(again.page, '1', '2', '3', '4', 'Enter');
    await waitForState(again.page, 'showing-ticket', 20_000);
    // Already remembered: this visit's template is kept for today only, not remembered twice.
    expect(tickets(again.posted)).toEqual([expect.objectContaining({ face: expect.objectContaining({ consent: 'today' }) })]);
    expect(held(await record(), 'remembered')).toBe(held(before, 'remembered') + 1);
    await done(again.k);
  });

  it('a browser without Web Workers: the models run on the page (the console says so) and the face still gives a number', async () => {
    const { k, page, posted } = await kiosk('person-a', { withoutWebWorkers: true });
    expect((await cameraStats(page)).where).toBe('page');
    expect(k.log.some((line) => line.startsWith('warning:') && line.includes('no Web Worker'))).toBe(true);
    await waitForState(page, 'consent', 20_000);
    await keys(page, '1', 'Enter');
    await waitForState(page, 'choosing-field');
    await keys(page, '5', 'Enter');
    await waitForState(page, 'showing-ticket', 30_000);
    const [body] = tickets(posted);
    expect(body).toMatchObject({ face: { consent: 'today' } });
    expectTemplateOnly(body!.face);
    await done(k);
  });

  it('pointing at a choice and holding still chooses it, with a filling ring, without touching', async () => {
    const { k, page } = await kiosk('pointing');
    await waitForState(page, 'consent', 20_000);
    // The page records every fill of the ring it renders, on the consent screen. Polling the ring
    // from here misses most of them: each fill shows for one camera frame only (~0.35–0.7 s on two
    // busy cores), and each read is a round trip to the browser.
    await page.evaluate(() => {
      const fills: number[] = [];
      (window as unknown as { ringFills: number[] }).ringFills = fills;
      const note = () => {
        const ring = document.querySelector('[data-testid="kiosk-dwell-ring"]');
        const screen = document.querySelector<HTMLElement>('main.kiosk')?.dataset.state;
        if (ring && screen === 'consent') fills.push(Number(ring.getAttribute('data-progress')));
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-progress'] });
    });
    const fills = () => page.evaluate(() => (window as unknown as { ringFills: number[] }).ringFills);
    await page.getByTestId('kiosk-dwell-ring').waitFor({ timeout: 15_000 });
    const deadline = Date.now() + 20_000;
    let state = 'consent';
    let shotTaken = !SHOTS;
    while (Date.now() < deadline && state === 'consent') {
      const now = shotTaken ? 0 : ((await fills()).at(-1) ?? 0);
      if (now > 0.4 && now < 0.95) {
        await shot(page, '10-pointing-ring');
        shotTaken = true;
      }
      state = (await page.locator('main.kiosk').getAttribute('data-state')) ?? '';
      await page.waitForTimeout(100);
    }
    const shown = await fills();
    // The ring filled in steps before the choice was made: partly full, then more than a third.
    expect(shown.some((p) => p > 0 && p < 1), `ring fills shown: ${shown.join(' ')}`).toBe(true);
    expect(Math.max(0, ...shown), `ring fills shown: ${shown.join(' ')}`).toBeGreaterThan(0.3);
    // A dwell may choose "remember" here, but that only opens the second question.
    expect(['choosing-field', 'remember-confirm']).toContain(state);
    await done(k);
  });

  it('a raised hand that does not move against the face never answers "remember me?", however the body moves', async () => {
    // The pointing video: the whole picture (face and raised hand together) moves and pauses, as a
    // person swaying or stepping with a hand up. On the consent screen such a dwell chose by itself.
    const { k, page, posted } = await kiosk('pointing');
    await waitForState(page, 'consent', 20_000);
    await keys(page, '2', 'Enter');
    await waitForState(page, 'remember-confirm');
    await page.evaluate(() => {
      const seen = { cursor: 0, ring: [] as number[], states: [] as string[] };
      (window as unknown as { seen: typeof seen }).seen = seen;
      const note = () => {
        const state = document.querySelector<HTMLElement>('main.kiosk')?.dataset.state ?? '';
        if (seen.states.at(-1) !== state) seen.states.push(state);
        if (state !== 'remember-confirm') return;
        if (document.querySelector('[data-testid="kiosk-cursor"]')) seen.cursor++;
        const ring = document.querySelector('[data-testid="kiosk-dwell-ring"]');
        if (ring) seen.ring.push(Number(ring.getAttribute('data-progress')));
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Longer than the video's loop (8 s): every pause of the hand, every move of the body.
    await page.waitForTimeout(10_000);
    const seen = await page.evaluate(() => (window as unknown as { seen: { cursor: number; ring: number[]; states: string[] } }).seen);
    expect(seen.cursor, 'the hand was followed on the question').toBeGreaterThan(0);
    expect(seen.ring.filter((p) => p > 0), 'ring fills on the question').toEqual([]);
    expect(seen.states).toEqual(['remember-confirm']);
    // A key answers it ("no, today only"); nothing was sent meanwhile.
    expect(posted).toEqual([]);
    await keys(page, '2', 'Enter');
    await waitForState(page, 'choosing-field');
    await done(k);
  });
});
