/**
 * The manager opens "Chỉ số 766" in /manage, in headless Chromium against the real server. Two
 * dossiers received today through the API (one online, one at the desk, both within their time)
 * give 2.1 = 100 % and 3.3 = 50 %; clicking 2.1 lists both dossiers with why they count; 4.1 says it
 * cannot be computed and why; the formula is shown; the grouping and the period can be changed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { E2eServer } from './support/server';
import { sees } from './support/page-text';

/** Where to save screenshots for a person to look at (not part of the test's verdict). */
const SHOTS = process.env.MOTCUA_E2E_SCREENSHOTS;

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

describe('the 766 indicators for the manager', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  const codes: string[] = [];

  beforeAll(async () => {
    server = await E2eServer.start();
    const officer = (await call(server.url, 'POST', '/api/v1/auth/login', null, { username: 'canbo1', password: 'motcua-demo' })).cookie!;
    const { procedures } = (await call<{ procedures: { id: string; code: string }[] }>(server.url, 'GET', '/api/v1/procedures', officer)).data;
    for (const channel of ['online', 'direct']) {
      const { data } = await call<{ code: string }>(server.url, 'POST', '/api/v1/dossiers', officer, {
        channel,
        applicant: { fullName: 'Lê Văn Cường', idNumber: '001080012345', address: 'Hà Đông', phone: '0911222333', email: null },
        procedureId: procedures.find((p) => p.code === '1.004873')!.id,
        documentsReceived: [0],
        outcome: 'receive',
      });
      codes.push(data.code);
    }
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows each indicator with its value, numerator/denominator, points and formula', async () => {
    await page.goto(`${server.url}/manage`);
    await page.getByLabel('Tên đăng nhập').fill('quanly');
    await page.getByLabel('Mật khẩu').fill('motcua-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Chỉ số 766', exact: true }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Chỉ số 766$/);

    const onTime = page.getByTestId('indicator-2.1');
    await sees(onTime, /Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn\s+100 %\s+2 \/ 2\s+20 \/ 20/);
    await sees(page.getByTestId('indicator-3.3'), /Tỷ lệ hồ sơ trực tuyến\s+50 %\s+1 \/ 2\s+4 \/ 4/);
    await sees(page.getByTestId('indicator-4.1'), /Chưa tính được[\s\S]*chưa lưu bản số hóa/);
    await onTime.getByText('Xem công thức').click();
    await sees(onTime, /công dân rút hồ sơ/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/indicators.png`, fullPage: true });
  });

  it('opens the dossiers a figure counts', async () => {
    await page.getByTestId('indicator-2.1').getByRole('button', { name: '100 %' }).click();
    const dialog = page.getByRole('dialog');
    await sees(dialog, /Tử số: 2 · Mẫu số: 2/);
    for (const code of codes) await sees(dialog.getByTestId('indicator-items'), new RegExp(code.replace(/\./g, '\\.')));
    await sees(dialog.getByTestId('indicator-items'), /Đang xử lý trong hạn/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/indicators-items.png` });
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('groups by field and changes the period', async () => {
    await page.getByLabel('Nhóm theo').selectOption('field');
    await sees(page.getByTestId('indicator-groups-2.1'), /Hộ tịch\s+100 %\s+2 \/ 2/);
    await page.getByLabel('Loại kỳ').selectOption('year');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await sees(page.getByTestId('indicators-period'), /^Năm \d{4}$/);
    await sees(page.getByTestId('indicator-2.1'), /100 %/);
  });
});
