/**
 * The counter's optional camera check and erasure on request, in headless Chromium against the real
 * server. First on a PC without a camera (the console works as before and says so), then with
 * Chromium's fake camera playing a video this test builds from one photo of the development set
 * (../shared/data/faces/dev; the video lives in a temporary folder and is deleted afterwards).
 * Tickets are issued through the API, the way the kiosk would, with templates the counter itself
 * produced for the same face, or synthesised for someone else.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Request } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_MODELS, FALLBACK_FACE_MODEL_ID } from '../src/contracts/face';
import { fakeFace } from '../test/support/fake-face';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { E2eServer } from './support/server';
import { sees, textOf } from './support/page-text';

/** The fallback model's template length (no model is installed in these journeys). */
const FACE_TEMPLATE_LENGTH = FACE_MODELS[FALLBACK_FACE_MODEL_ID].templateLength;

const PASSWORD = 'motcua-demo';
const FACE_PHOTO = new URL('../../shared/data/faces/dev/deepface-01/img2.jpg', import.meta.url).pathname;
/** Where to save screenshots for a person to look at (not part of the test's verdict). */
const SHOTS = process.env.MOTCUA_E2E_SCREENSHOTS;

interface Capture {
  model: string;
  template: string;
  live: true;
}

/**
 * A .y4m video (the format Chromium's fake camera plays in a loop) of a still photo letterboxed
 * into 640×480: a citizen standing still in front of the counter's webcam.
 */
async function buildVideo(photo: string, file: string, width = 640, height = 480, frames = 8): Promise<void> {
  const rgb = await sharp(photo).rotate().resize(width, height, { fit: 'contain', background: { r: 120, g: 120, b: 120 } }).removeAlpha().raw().toBuffer();
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width * height) / 4);
  const v = Buffer.alloc((width * height) / 4);
  for (let i = 0; i < width * height; i++) y[i] = clamp(0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!);
  for (let row = 0; row < height; row += 2) {
    for (let col = 0; col < width; col += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((row + dy) * width + col + dx) * 3;
        r += rgb[p]! / 4;
        g += rgb[p + 1]! / 4;
        b += rgb[p + 2]! / 4;
      }
      const j = (row / 2) * (width / 2) + col / 2;
      u[j] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      v[j] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), y, u, v);
  writeFileSync(file, Buffer.concat(parts));
}

/** Someone else's face, as a kiosk would have sent it: a unit vector unrelated to the photo. */
const someoneElse = (seed: number): Capture => fakeFace(seed, 0)();

class Api {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  static async login(base: string, username: string): Promise<Api> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    return new Api(base, res.headers.get('set-cookie')!.split(';')[0]!);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const data = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }
}

async function shot(page: Page, name: string, locator?: Locator): Promise<void> {
  if (!SHOTS) return;
  await (locator ?? page).screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function signIn(page: Page, base: string, username: string, counterNumber: number): Promise<void> {
  await page.goto(`${base}/counter`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="counter-choice"][data-counter-number="${counterNumber}"]`).click();
  await sees(page.getByTestId('counter-state'), /Đang mở/);
}

describe('the counter face check', () => {
  let server: E2eServer;
  let manager: Api;
  let centre: { fields: { id: string; code: string }[] };
  const field = (code: string) => centre.fields.find((f) => f.code === code)!.id;
  const issue = async (code: string, face?: Record<string, unknown>) =>
    (await manager.call<{ ticket: { id: string; displayNumber: string }; faceStored: boolean }>('POST', '/api/v1/tickets', { fieldId: field(code), ...(face ? { face } : {}) }));

  beforeAll(async () => {
    server = await E2eServer.start();
    manager = await Api.login(server.url, 'quanly');
    centre = await manager.call('GET', '/api/v1/centre');
  });

  afterAll(async () => {
    await server?.dispose();
  });

  describe('on a PC without a camera', () => {
    let browser: E2eBrowser;
    let page: Page;
    const verdict = () => page.getByTestId('face-verdict');

    beforeAll(async () => {
      browser = await launchBrowser();
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
    });
    afterAll(async () => browser?.close());

    it('is off by default and says there is no camera when turned on', async () => {
      await signIn(page, server.url, 'canbo2', 4);
      expect(await page.getByTestId('face-switch').getAttribute('aria-checked')).toBe('false');
      expect(await verdict().getAttribute('data-state')).toBe('off');
      await page.getByTestId('face-switch').click();
      await expect.poll(() => verdict().getAttribute('data-state')).toBe('camera-no-camera');
      await sees(verdict(), /Không có camera ở máy này\. Bàn làm việc vẫn dùng bình thường\./);
      expect(await page.getByTestId('face-recheck').count()).toBe(0); // nothing to re-check without a camera
      await shot(page, 'counter-no-camera');
    });

    it('leaves the console working as before', async () => {
      const ticket = await issue('DD');
      await page.keyboard.press('n');
      await sees(page.getByTestId('current-ticket'), new RegExp(ticket.ticket.displayNumber));
      expect(await verdict().getAttribute('data-state')).toBe('camera-no-camera');
      await page.keyboard.press('m'); // the re-check key does nothing without a camera, and breaks nothing
      await page.keyboard.press('s');
      await sees(page.getByTestId('current-status'), /Đang phục vụ/);
      await page.keyboard.press('f');
      await page.getByTestId('no-ticket').waitFor();
      expect(await textOf(page.getByTestId('console-alert'))).toBe('');
    });

    it('remembers the choice for this counter', async () => {
      await page.reload();
      await sees(page.getByTestId('counter-state'), /Đang mở/);
      expect(await page.getByTestId('face-switch').getAttribute('aria-checked')).toBe('true');
      await expect.poll(() => verdict().getAttribute('data-state')).toBe('camera-no-camera');
    });

    it('explains erasure and says the camera cannot be used', async () => {
      await page.getByTestId('face-erase-open').click();
      const dialog = page.getByTestId('face-erase-dialog');
      await sees(dialog, /xóa vĩnh viễn mẫu khuôn mặt của công dân đang có mặt tại quầy/);
      await page.keyboard.press('Enter'); // "Chụp khuôn mặt" has the focus
      await sees(page.getByTestId('face-erase-status'), /Không dùng được camera: Không có camera ở máy này/);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await page.getByTestId('face-switch').click();
      expect(await verdict().getAttribute('data-state')).toBe('off');
    });
  });

  describe('with a camera (Chromium’s fake camera playing a photo)', () => {
    let browser: E2eBrowser;
    let page: Page;
    let scratch: string;
    /** Templates the console sent, in order: only templates, never a picture. */
    const sent: Capture[] = [];
    const bodies: string[] = [];
    const verdict = () => page.getByTestId('face-verdict');
    const finishCurrent = async () => {
      await page.keyboard.press('s');
      await sees(page.getByTestId('current-status'), /Đang phục vụ/);
      await page.keyboard.press('f');
      await page.getByTestId('no-ticket').waitFor();
    };

    beforeAll(async () => {
      scratch = mkdtempSync(join(tmpdir(), 'motcua-face-video-'));
      const video = join(scratch, 'citizen.y4m');
      await buildVideo(FACE_PHOTO, video);
      browser = await launchBrowser([
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ]);
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.on('request', (request: Request) => {
        const body = request.postData();
        if (body) bodies.push(body);
        if (/\/face-check$|\/face\/erase$/.test(request.url())) sent.push((request.postDataJSON() as { capture: Capture }).capture);
      });
    });

    afterAll(async () => {
      await browser?.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it('says when a number was taken without the face', async () => {
      await signIn(page, server.url, 'canbo1', 1);
      await page.getByTestId('face-switch').click();
      await expect.poll(() => verdict().getAttribute('data-state'), { timeout: 60_000 }).toBe('idle');
      await sees(verdict(), /Chưa có số trong tay/);
      await issue('HT');
      await page.keyboard.press('n');
      await expect.poll(() => verdict().getAttribute('data-state'), { timeout: 30_000 }).toBe('no-template');
      await sees(verdict(), /Số này không dùng khuôn mặt/);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.model).toBe(FALLBACK_FACE_MODEL_ID);
      expect(Buffer.from(sent[0]!.template, 'base64')).toHaveLength(FACE_TEMPLATE_LENGTH * 4);
      await shot(page, 'counter-no-template');
      await finishCurrent();
    });

    it('confirms the person who took the number', async () => {
      // The kiosk took this number with the same face the counter's camera sees (and the citizen
      // asked to be remembered).
      const taken = await issue('HT', { consent: 'remember', capture: sent[0], phoneHint: '2468' });
      expect(taken.faceStored).toBe(true);
      await page.keyboard.press('n');
      await sees(page.getByTestId('current-ticket'), new RegExp(taken.ticket.displayNumber));
      await expect.poll(() => verdict().getAttribute('data-state'), { timeout: 30_000 }).toBe('match');
      await sees(verdict(), /✓\s*Đúng người được gọi/);
      await sees(verdict(), /Độ giống [01],\d{3} \(ngưỡng 0,988\)/);
      await shot(page, 'counter-match');
      await finishCurrent();
    });

    it('warns, without blocking, when someone else arrives; M checks again', async () => {
      const taken = await issue('HT', { consent: 'today', capture: someoneElse(7) });
      await page.keyboard.press('n');
      await sees(page.getByTestId('current-ticket'), new RegExp(taken.ticket.displayNumber));
      await expect.poll(() => verdict().getAttribute('data-state'), { timeout: 30_000 }).toBe('mismatch');
      await sees(verdict(), /⚠\s*Không khớp với người lấy số — hãy kiểm tra giấy tờ/);
      await shot(page, 'counter-mismatch');
      const checks = sent.length;
      await page.keyboard.press('m');
      await expect.poll(() => sent.length, { timeout: 30_000 }).toBe(checks + 1);
      await expect.poll(() => verdict().getAttribute('data-state'), { timeout: 30_000 }).toBe('mismatch');
      expect(await textOf(page.getByTestId('console-alert'))).toBe('');
      await finishCurrent(); // never blocks work
    });

    it('erases the citizen’s face data on request, after confirmation', async () => {
      await page.getByTestId('face-erase-open').click();
      const dialog = page.getByTestId('face-erase-dialog');
      const status = page.getByTestId('face-erase-status');
      await sees(dialog, /Thao tác này xóa vĩnh viễn mẫu khuôn mặt/);
      await shot(page, 'erase-intro');
      await page.keyboard.press('Enter');
      await expect.poll(() => status.getAttribute('data-step'), { timeout: 30_000 }).toBe('captured');
      await sees(status, /Xóa toàn bộ dữ liệu khuôn mặt của người này\? Không thể hoàn tác\./);
      await shot(page, 'erase-confirm');
      // Enter alone deletes nothing: the focus is on "Hủy bỏ".
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('face-erase-cancel');
      const before = sent.length;
      await page.getByTestId('face-erase-confirm').click();
      await expect.poll(() => status.getAttribute('data-step'), { timeout: 15_000 }).toBe('done');
      expect(sent.length).toBe(before + 1);
      await sees(status, /Đã xóa dữ liệu khuôn mặt/);
      await sees(status, /Dữ liệu ghi nhớ để nhận diện lần sau: đã xóa/);
      await sees(status, /Mẫu dùng để lấy số hôm nay: đã xóa 1\./);
      await shot(page, 'erase-done');
      await page.keyboard.press('Enter'); // "Đóng"
      await expect.poll(() => dialog.count()).toBe(0);
    });

    it('says when there is nothing to erase', async () => {
      await page.getByTestId('face-erase-open').click();
      const status = page.getByTestId('face-erase-status');
      await page.keyboard.press('Enter');
      await expect.poll(() => status.getAttribute('data-step'), { timeout: 30_000 }).toBe('captured');
      await page.getByTestId('face-erase-confirm').click();
      await expect.poll(() => status.getAttribute('data-step'), { timeout: 15_000 }).toBe('not-found');
      await sees(status, /Không tìm thấy dữ liệu khuôn mặt của ông\/bà\./);
      await shot(page, 'erase-not-found');
      await page.keyboard.press('Escape');
    });

    it('sent templates and nothing that looks like a picture', async () => {
      expect(sent.length).toBeGreaterThanOrEqual(5);
      for (const capture of sent) expect(Object.keys(capture).sort()).toEqual(['live', 'model', 'template']);
      // A 640×480 frame would be hundreds of kilobytes; every request body here is small.
      expect(Math.max(...bodies.map((b) => b.length))).toBeLessThan(2_000);
    });
  });
});
