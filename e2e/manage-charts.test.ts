/**
 * The manager opens "Biểu đồ" in /manage, in headless Chromium against the real server: three visits
 * served at counter 1 and a dossier received (through the API, as the counter screen would) show up in
 * the hour-of-day chart and the monthly on-time rate
 * with Vietnamese labels; every chart finishes loading; one chart is saved as a PNG image, the numbers
 * are read in the table under it, the page switches to English, a year loads part by part with its
 * progress shown, and the page prints to a PDF with one chart per page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { E2eServer } from './support/server';
import { sees } from './support/page-text';

async function call<T>(base: string, method: string, path: string, cookie: string | null, body?: unknown): Promise<{ data: T; cookie: string | null }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return { data, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

/** The local hour (Hà Nội) of now, as the hour-of-day chart labels it. */
const hanoiHour = () => (new Date().getUTCHours() + 7) % 24;

/** The words drawn inside a chart's SVG (legend, axes, labels). */
async function svgWords(locator: Locator): Promise<string> {
  return (await locator.locator('svg text').allTextContents()).join('|');
}

async function drawn(locator: Locator, expected: RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => svgWords(locator), { timeout }).toMatch(expected);
}

const CHARTS = ['hours', 'weekdays', 'monthly', 'status', 'pakn', 'comparison'];

describe('charts for the manager', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'motcua-charts-'));
    server = await E2eServer.start();
    // Three visits served at counter 1 today.
    const officer = (await call(server.url, 'POST', '/api/v1/auth/login', null, { username: 'canbo1', password: 'motcua-demo' })).cookie!;
    const centre = (await call<{ fields: { id: string; code: string }[]; counters: { id: string; number: number }[] }>(server.url, 'GET', '/api/v1/centre', officer)).data;
    const counter = centre.counters.find((c) => c.number === 1)!.id;
    const field = centre.fields.find((f) => f.code === 'HT')!.id;
    await call(server.url, 'POST', `/api/v1/counters/${counter}/open`, officer);
    for (let i = 0; i < 3; i++) {
      const { ticket } = (await call<{ ticket: { id: string } }>(server.url, 'POST', '/api/v1/tickets', officer, { fieldId: field })).data;
      await call(server.url, 'POST', `/api/v1/counters/${counter}/call-next`, officer);
      await call(server.url, 'POST', `/api/v1/tickets/${ticket.id}/start`, officer);
      await call(server.url, 'POST', `/api/v1/tickets/${ticket.id}/finish`, officer);
    }
    // One dossier received today, in progress within its time: the on-time rate is 100 %.
    const { procedures } = (await call<{ procedures: { id: string; code: string }[] }>(server.url, 'GET', '/api/v1/procedures', officer)).data;
    await call(server.url, 'POST', '/api/v1/dossiers', officer, {
      channel: 'direct',
      applicant: { fullName: 'Lê Văn Cường', idNumber: '001080012345', address: 'Hà Đông', phone: '0911222333', email: null },
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      documentsReceived: [0],
      outcome: 'receive',
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const card = (id: string) => page.getByTestId(`chart-${id}`);

  it('opens the section and draws every chart with Vietnamese labels', async () => {
    await page.goto(`${server.url}/manage`);
    await page.getByLabel('Tên đăng nhập').fill('quanly');
    await page.getByLabel('Mật khẩu').fill('motcua-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Biểu đồ', exact: true }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Biểu đồ$/);

    const hours = card('hours');
    await hours.locator('svg').first().waitFor({ timeout: 30_000 });
    // The legend and the axis names are text inside the SVG, in Vietnamese.
    await drawn(hours, /Lượt đến\|Chờ trung bình \(phút\)\|Chờ P90 \(phút\)/);
    await drawn(hours, /Thời gian chờ \(phút\)/);
    await drawn(hours, /\|Giờ\|/);

    // Each chart finishes loading (its progress indicator goes) and draws or says there is nothing.
    for (const id of CHARTS) {
      await expect.poll(() => card(id).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
      expect(await card(id).getByRole('alert').count()).toBe(0);
    }
    await card('monthly').locator('svg').first().waitFor();
    await drawn(card('monthly'), /Đúng hạn \(%\)\|Hài lòng tại quầy \(%\)\|Hài lòng về hồ sơ \(%\)/);
    await drawn(card('monthly'), /\|100\|/);
    await drawn(card('status'), /Đang xử lý trong hạn/);
    await drawn(card('weekdays'), /Thứ Hai\|Thứ Ba/);
    await drawn(card('comparison'), /Lượt phục vụ xong/);
  });

  it('shows the numbers of a chart in the table under it', async () => {
    const hours = card('hours');
    await hours.getByText('Bảng số liệu').click();
    const row = hours.getByRole('row', { name: new RegExp(`^${hanoiHour()}h\\b`) });
    await sees(row, new RegExp(`^${hanoiHour()}h\\s+3\\b`));
  });

  it('saves a chart as a PNG image', async () => {
    const download = page.waitForEvent('download');
    await card('hours').getByRole('button', { name: 'Tải ảnh (PNG)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^bieu-do-hours-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.png$/);
    const path = join(folder, 'chart.png');
    await file.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.length).toBeGreaterThan(20_000);
    const image = sharp(bytes);
    const meta = await image.metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBeGreaterThanOrEqual(1440); // twice the 720-pixel minimum width
    // Not a blank picture: dark text and coloured bars on the white background.
    const stats = await image.stats();
    expect(stats.channels[0]!.min).toBeLessThan(80);
    expect(stats.channels[0]!.max).toBe(255);
  });

  it('switches the labels to English', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Charts$/);
    await drawn(card('hours'), /Arrivals\|Average wait \(min\)/);
    await drawn(card('weekdays'), /Monday\|Tuesday/);
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await drawn(card('hours'), /Lượt đến/);
  });

  it('shows how far a long period has loaded, part by part', async () => {
    // Hold every part of the monthly rates after the first until the test lets them through.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let parts = 0;
    await page.route('**/api/v1/manage/charts/monthly-rates?*', async (route) => {
      parts += 1;
      if (parts > 1) await gate;
      await route.continue();
    });
    await page.getByRole('button', { name: '12 tháng gần đây' }).click();
    const progress = card('monthly').getByRole('status');
    await sees(progress, /Đang tính số liệu: 1\/4 phần/);
    expect(await progress.locator('progress').getAttribute('value')).toBe('1');
    // What arrived is already there while the rest loads: the first three months.
    await card('monthly').getByText('Bảng số liệu').click();
    expect(await card('monthly').locator('tbody tr').count()).toBe(3);
    release();
    await expect.poll(() => card('monthly').getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await page.unroute('**/api/v1/manage/charts/monthly-rates?*');
    expect(await card('monthly').locator('tbody tr').count()).toBe(12);
    await drawn(card('monthly'), /T12\/2026/);
  });

  it('prints to PDF, one chart a page, without the menu', async () => {
    for (const id of CHARTS) await expect.poll(() => card(id).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    // In print the menu and the buttons go, and each chart is scaled to the page, not lost.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await card('hours').getByRole('button', { name: 'Tải ảnh (PNG)' }).isVisible()).toBe(false);
    const box = await card('hours').locator('svg').first().boundingBox();
    expect(box!.height).toBeGreaterThan(150);
    // Back to no emulation: page.pdf() then lays the page out for print by itself.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(CHARTS.length);
    expect(pdf.length).toBeGreaterThan(30_000);
  });
});
