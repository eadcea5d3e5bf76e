/**
 * The centre's administrator sets up the hall in /manage, in headless Chromium against the real
 * server: a new field with a number block and opening hours, a counter serving it, a display board
 * paired by its code, then the KPI overview with the live hall. Tickets and the display's pairing
 * request go through the API, the way the kiosk and the board's own screen would.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

interface CentreShape {
  fields: { id: string; code: string; blockStart: number | null; blockEnd: number | null; openingHours: unknown }[];
  counters: { id: string; number: number; name: string; fields: { fieldId: string; weight: number }[] }[];
}

async function call<T>(base: string, method: string, path: string, body?: unknown, cookie?: string): Promise<{ data: T; cookie: string | null }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return { data, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.count()) === 0 ? '' : ((await locator.first().innerText()) ?? '');
}

/** Waits until what the administrator sees matches. */
async function sees(locator: Locator, expected: RegExp, timeout = 8000): Promise<void> {
  await expect.poll(() => textOf(locator), { timeout }).toMatch(expected);
}

describe('the management console', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  let adminCookie: string;

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    adminCookie = (await call(server.url, 'POST', '/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).cookie!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const section = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const dialog = () => page.getByRole('dialog');

  it('signs the administrator in and opens on the overview', async () => {
    await page.goto(`${server.url}/manage`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('wrong-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await sees(page.getByRole('alert'), /Tên đăng nhập hoặc mật khẩu không đúng/);

    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Tổng quan$/);
    await sees(page.locator('.m-user'), /Quản trị/);
  });

  it('creates a field with a number block and opening hours, pointing out mistakes first', async () => {
    await section('Lĩnh vực').click();
    await page.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    const form = dialog();
    await form.getByLabel('Mã', { exact: true }).fill('HT');
    await form.getByLabel('Tên tiếng Việt').fill('Tư pháp – Hòa giải');
    await form.getByLabel('Tên tiếng Anh').fill('Justice and mediation');
    await form.getByLabel('Số đầu').fill('1500');
    await form.getByLabel('Số cuối').fill('8999');
    await form.getByRole('button', { name: 'Lưu' }).click();
    // The block overlaps the demo's civil-status field: said next to the input, nothing sent.
    await sees(form.locator('.m-hint'), /Trùng với dãy số của lĩnh vực "Hộ tịch"/);

    await form.getByLabel('Số đầu').fill('8001');
    await sees(form.locator('.m-preview'), /Số đầu tiên trong ngày: 8001.*Phát tối đa 999 số mỗi ngày/);
    await form.getByRole('button', { name: 'Thêm khung giờ' }).click();
    const window1 = form.getByRole('group', { name: 'Khung giờ 1' });
    await window1.getByLabel('T6').uncheck();
    await form.getByLabel('Đến', { exact: true }).fill('11:00');
    await form.getByRole('button', { name: 'Lưu' }).click();
    // The code HT is taken: the server's message, in Vietnamese, shows in the form.
    await sees(form.getByRole('alert'), /Mã lĩnh vực "HT" đã tồn tại/);

    await form.getByLabel('Mã', { exact: true }).fill('TP');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await sees(page.getByRole('status'), /Đã thêm lĩnh vực "Tư pháp – Hòa giải"/);
    const row = page.getByTestId('fields-table').getByRole('row').filter({ hasText: 'Tư pháp – Hòa giải' });
    await sees(row, /TP/);
    await sees(row, /8001–8999/);
    await sees(row, /T2–T5 07:30–11:00/);
    await sees(row, /Chưa có quầy/);

    const { data: centre } = await call<CentreShape>(server.url, 'GET', '/api/v1/centre', undefined, adminCookie);
    const saved = centre.fields.find((f) => f.code === 'TP');
    expect(saved).toMatchObject({ blockStart: 8001, blockEnd: 8999, openingHours: [{ days: [1, 2, 3, 4], from: '07:30', until: '11:00' }] });
  });

  it('creates a counter serving the new field', async () => {
    await section('Quầy').click();
    await page.getByRole('button', { name: 'Thêm quầy' }).click();
    const form = dialog();
    await expect.poll(() => form.getByLabel('Số quầy').inputValue()).toBe('7');
    await form.getByLabel('Tên quầy').fill('Quầy 7 – Tư pháp');
    await form.getByLabel('Phục vụ Tư pháp – Hòa giải').check();
    await form.getByLabel('Trọng số của Tư pháp – Hòa giải').fill('10');
    await form.getByLabel('Phục vụ Hộ tịch').check();
    await form.getByLabel('Trọng số của Hộ tịch').fill('2');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog().count()).toBe(0);

    const row = page.getByTestId('counters-table').getByRole('row').filter({ hasText: 'Quầy 7 – Tư pháp' });
    await sees(row, /Tư pháp – Hòa giải\s*10/);
    await sees(row, /Hộ tịch\s*2/);
    // The fields list now names the counter serving the new field.
    await section('Lĩnh vực').click();
    await sees(page.getByTestId('fields-table').getByRole('row').filter({ hasText: 'Tư pháp – Hòa giải' }), /\b7\b/);
  });

  it('pairs a display board by confirming the code it shows', async () => {
    const { data: pairing } = await call<{ pairingId: string; code: string; secret: string }>(server.url, 'POST', '/api/v1/devices/pairing', {
      kind: 'display',
    });
    await section('Thiết bị').click();
    await sees(page.getByTestId('devices-table').or(page.getByText('Chưa có màn hình nào được ghép nối.')), /Chưa có màn hình/);

    await page.getByLabel('Mã ghép nối').fill('12345');
    await page.getByRole('button', { name: 'Xác nhận ghép nối' }).click();
    await sees(page.locator('.m-hint'), /Mã gồm 6 chữ số/);

    // A rating screen would need its counter: the counter choice appears only for it.
    await page.getByLabel(/Màn hình đánh giá/).check();
    await expect.poll(() => page.getByLabel('Quầy *').count()).toBe(1);
    await page.getByLabel(/Màn hình gọi số/).check();
    await expect.poll(() => page.getByLabel('Quầy *').count()).toBe(0);

    await page.getByLabel('Mã ghép nối').fill(pairing.code.replace(/(\d{3})(\d{3})/, '$1 $2'));
    await page.getByLabel('Tên thiết bị').first().fill('Màn hình sảnh chính');
    await page.getByRole('button', { name: 'Xác nhận ghép nối' }).click();
    await sees(page.getByRole('status').first(), /Đã ghép nối Màn hình gọi số "Màn hình sảnh chính"/);
    const row = page.getByTestId('devices-table').getByRole('row').filter({ hasText: 'Màn hình sảnh chính' });
    await sees(row, /Màn hình gọi số/);
    await sees(row, /Đang dùng/);

    // The board's own screen now collects its token.
    const { data: claim } = await call<{ status: string }>(server.url, 'POST', `/api/v1/devices/pairing/${pairing.pairingId}/claim`, { secret: pairing.secret });
    expect(claim.status).toBe('paired');

    // The same code cannot be used twice: the server says so next to the form.
    await page.getByLabel('Mã ghép nối').fill(pairing.code);
    await page.getByRole('button', { name: 'Xác nhận ghép nối' }).click();
    await sees(page.getByRole('alert'), /Mã ghép nối không đúng hoặc đã được dùng/);
  });

  it('shows the KPIs of the day and the live hall', async () => {
    const { data: centre } = await call<CentreShape>(server.url, 'GET', '/api/v1/centre', undefined, adminCookie);
    const civil = centre.fields.find((f) => f.code === 'HT')!;
    await call(server.url, 'POST', '/api/v1/tickets', { fieldId: civil.id }, adminCookie);

    await section('Tổng quan').click();
    const totals = page.getByTestId('kpi-totals');
    await sees(totals, /Số đã phát\s*1\b/);
    await sees(totals, /Đã phục vụ xong\s*0\b/);
    await sees(page.getByTestId('kpi-report').getByRole('row').filter({ hasText: 'Hộ tịch' }), /Hộ tịch\s+1\s+0\s+0\s+0/);
    const waiting = page.getByTestId('live-waiting').getByRole('listitem').filter({ hasText: 'Hộ tịch' });
    await sees(waiting, /Hộ tịch\s*1$/);
    await sees(page.getByTestId('live-counters'), /Quầy 7\s*Đóng/);

    // A citizen takes a number while the manager watches: the live strip follows without a reload.
    await call(server.url, 'POST', '/api/v1/tickets', { fieldId: civil.id }, adminCookie);
    await sees(waiting, /Hộ tịch\s*2$/);

    // A past day with no activity.
    await page.getByRole('button', { name: 'Hôm qua' }).click();
    await sees(totals, /Số đã phát\s*0\b/);
    await sees(page.getByTestId('kpi-report'), /Không có dữ liệu trong khoảng thời gian này/);
  });
});
