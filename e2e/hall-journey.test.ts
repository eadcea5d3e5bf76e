/**
 * One visit through the whole hall, each screen in its own browser profile as on its own PC:
 * a citizen takes a number at the kiosk, the officer calls it from the counter console, the board
 * shows and announces it, the officer serves and finishes, and the citizen rates the service on
 * the counter's rating screen — bound to the ticket and the officer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CentreInfo, QueueKpis } from '../src/contracts/api';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';


describe('a visit from kiosk to rating', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: string;

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    admin = await login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });

  async function api<T>(method: string, path: string, cookie: string | null, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.ok, `${method} ${path}: ${res.status} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : null) as T;
  }

  async function login(username: string, password: string): Promise<string> {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  /** Opens a screen in a fresh profile (its own cookies, like its own PC). */
  async function screen(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return page;
  }

  /** A hall screen shows its pairing code; the admin confirms it. */
  async function pair(page: Page, extra: Record<string, string> = {}): Promise<void> {
    const code = (await page.getByTestId('pairing-code').textContent({ timeout: 30_000 }))!.trim();
    await api('POST', '/api/v1/devices/confirm', admin, { code, ...extra });
  }

  it('issues at the kiosk, calls from the counter, announces on the board and is rated', async () => {
    const info = await api<CentreInfo>('GET', '/api/v1/centre', admin);
    const counter1 = info.counters.find((c) => c.number === 1)!;

    const kiosk = await screen('/kiosk', { width: 1080, height: 1920 });
    await pair(kiosk, { name: 'Kiosk sảnh' });
    const board = await screen('/display', { width: 1920, height: 1080 });
    await pair(board, { name: 'Màn hình sảnh' });
    await board.getByTestId('board').waitFor({ timeout: 30_000 });
    const rating = await screen('/rate', { width: 1280, height: 800 });
    await pair(rating, { counterId: counter1.id });

    // The officer signs in on the console and takes counter 1.
    const console = await screen('/counter');
    await console.getByLabel('Tên đăng nhập').fill('canbo1');
    await console.getByLabel('Mật khẩu').fill('motcua-demo');
    await console.getByLabel('Mật khẩu').press('Enter');
    await console.getByTestId('counter-choice').filter({ hasText: 'Quầy 1' }).first().click();
    await console.getByTestId('action-call-next').waitFor();

    // A citizen touches the kiosk and chooses Hộ tịch.
    await kiosk.locator('body').click();
    await kiosk.locator('.kiosk-tile').filter({ hasText: 'Hộ tịch' }).click();
    const number = kiosk.getByTestId('ticket-number');
    await expect.poll(() => number.textContent(), { timeout: 15_000 }).toContain('1001');
    await expect.poll(() => kiosk.getByTestId('kiosk-ticket').textContent()).toContain('Quầy 1, 2, 3');

    // The officer calls the next number with the keyboard.
    await console.keyboard.press('n');
    await expect.poll(() => console.getByTestId('current-ticket').textContent(), { timeout: 15_000 }).toContain('1001');

    // The board shows it and says it.
    await expect.poll(() => board.getByTestId('current-number').textContent(), { timeout: 15_000 }).toContain('1001');
    await expect
      .poll(() => board.getByTestId('announcement').textContent(), { timeout: 15_000 })
      .toContain('Mời công dân có số 1 0 0 1 đến quầy số 1');

    // Serve and finish.
    await console.keyboard.press('s');
    await expect.poll(() => console.getByTestId('current-status').textContent(), { timeout: 10_000 }).toMatch(/phục vụ/i);
    await console.keyboard.press('f');
    await console.getByTestId('no-ticket').waitFor({ timeout: 10_000 });

    // The citizen rates: the rating screen asks, a touch answers, it thanks.
    const options = rating.getByTestId('rating-option');
    await options.first().waitFor({ timeout: 20_000 });
    expect(await options.count()).toBe(3);
    await expect.poll(() => rating.locator('body').textContent()).toContain('Nguyễn Thị Hương');
    await options.filter({ hasText: 'Rất hài lòng' }).click();
    await expect.poll(() => rating.locator('body').textContent(), { timeout: 10_000 }).toContain('Cảm ơn ông/bà!');

    // The rating is bound to the officer and counter, and the visit's times are in the KPIs.
    const manager = await login('quanly', 'motcua-demo');
    const kpis = await api<QueueKpis>('GET', '/api/v1/manage/kpis/queue', manager);
    expect(kpis.total.issued).toBe(1);
    expect(kpis.total.served).toBe(1);
    expect(kpis.total.ratings.verySatisfied).toBe(1);
    const officerRow = kpis.byOfficer.find((r) => r.label === 'Nguyễn Thị Hương')!;
    expect(officerRow.ratings.verySatisfied).toBe(1);
    const counterRow = kpis.byCounter.find((r) => r.key === counter1.id)!;
    expect(counterRow.ratings.count).toBe(1);
  });
});
