/**
 * Quản lý → Dữ liệu khuôn mặt, in headless Chromium against the real server: after numbers were
 * taken with the face (templates synthesised the way test/api/face.test.ts does, sent through the
 * API as a kiosk would), declined and checked at a counter, the manager reads the processing record
 * and prints it; the administrator changes the face settings.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_MODEL_ID } from '../src/contracts/face';
import { fakeFace as person } from '../test/support/fake-face';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

const SHOTS = process.env.MOTCUA_E2E_SCREENSHOTS;

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

async function sees(locator: Locator, expected: RegExp, timeout = 8000): Promise<void> {
  await expect.poll(() => textOf(locator), { timeout }).toMatch(expected);
}

describe('the face data section of the management console', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  const alice = person(11);
  const bao = person(12);

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();

    const login = async (username: string, password = 'motcua-demo') =>
      (await call(server.url, 'POST', '/api/v1/auth/login', { username, password })).cookie!;
    const manager = await login('quanly');
    const { data: centre } = await call<{ fields: { id: string; code: string }[]; counters: { id: string; number: number }[] }>(
      server.url,
      'GET',
      '/api/v1/centre',
      undefined,
      manager,
    );
    const field = (code: string) => centre.fields.find((f) => f.code === code)!.id;
    // Alice takes a number with her face for today; Bảo asks to be remembered; a third citizen declines.
    await call(server.url, 'POST', '/api/v1/tickets', { fieldId: field('HT'), face: { consent: 'today', capture: alice() } }, manager);
    await call(server.url, 'POST', '/api/v1/tickets', { fieldId: field('CT'), face: { consent: 'remember', capture: bao(), phoneHint: '1357' } }, manager);
    await call(server.url, 'POST', '/api/v1/tickets', { fieldId: field('HT'), face: { consent: 'declined' } }, manager);
    // The officer at counter 1 calls Alice and the camera confirms her: one audited read.
    const officer = await login('canbo1');
    const counter1 = centre.counters.find((c) => c.number === 1)!.id;
    await call(server.url, 'POST', `/api/v1/counters/${counter1}/open`, undefined, officer);
    const { data: called } = await call<{ ticket: { id: string } }>(server.url, 'POST', `/api/v1/counters/${counter1}/call-next`, undefined, officer);
    const { data: check } = await call<{ result: string }>(server.url, 'POST', `/api/v1/tickets/${called.ticket.id}/face-check`, { capture: alice() }, officer);
    expect(check.result).toBe('match');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const signIn = async (username: string, password: string) => {
    await page.goto(`${server.url}/manage`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Tổng quan$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Dữ liệu khuôn mặt', exact: true }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Dữ liệu khuôn mặt$/);
  };

  it('shows the manager the processing record: purposes, legal basis, what is held, consents, accesses', async () => {
    await signIn('quanly', 'motcua-demo');
    const record = page.getByTestId('face-record');
    await sees(record, /Hồ sơ xử lý dữ liệu khuôn mặt/);
    await sees(page.getByTestId('face-purposes'), /Lấy số hôm nay[\s\S]*Đến hết ngày lấy số[\s\S]*Nhận diện lần sau[\s\S]*Đến khi công dân rút lại đồng ý/);
    await sees(record, /Nghị định 13\/2023\/NĐ-CP/);
    await sees(record, /Luật Bảo vệ dữ liệu cá nhân số 91\/2025\/QH15/);

    // Two walk-in templates (Alice, Bảo) and one remembered (Bảo); nothing for the one who declined.
    await sees(page.getByTestId('held-walk-in'), /^2$/);
    await sees(page.getByTestId('held-remembered'), /^1$/);
    await sees(page.locator('[data-kind="remembered"]'), /Khi công dân rút lại đồng ý/);
    await sees(page.getByTestId('consent-today'), /^1$/);
    await sees(page.getByTestId('consent-remember'), /^1$/);
    await sees(page.getByTestId('consent-declined'), /^1$/);
    expect(Number(await textOf(page.getByTestId('access-create')))).toBeGreaterThanOrEqual(2);
    expect(Number(await textOf(page.getByTestId('access-read')))).toBeGreaterThanOrEqual(1);
    await sees(page.getByTestId('access-erase'), /^0$/);
    // Each face number began with a search of the field's numbers of the day; nothing else searched.
    await sees(page.getByTestId('access-search'), /^2$/);
    await sees(page.getByTestId('searches-walk-in-reuse'), /^2$/);
    await sees(page.getByTestId('searches-returning-citizen'), /^0$/);
    await sees(page.getByTestId('searches-erasure'), /^0$/);
    await sees(page.getByTestId('face-searches'), /Lấy số: người này đã có số ở lĩnh vực này hôm nay chưa/);
    await sees(page.getByTestId('face-protection'), /được mã hóa \(AES-256-GCM\) bằng một khóa riêng/);
    await sees(page.getByTestId('face-protection'), /Khôi phục một bản sao lưu cũ không làm công dân đã xóa được nhận diện lại/);
    expect(await page.getByTestId('face-protection').getByText(/Kho khóa đang nằm trong bộ nhớ/).count()).toBe(0);

    await sees(page.getByTestId('face-tech'), new RegExp(FACE_MODEL_ID));
    await sees(page.getByTestId('face-threshold'), /^0,93$/);
    await sees(page.getByTestId('face-promise'), /Không lưu ảnh khuôn mặt/);
    await sees(page.getByTestId('face-promise'), /không bao giờ được hiển thị, trả về qua giao diện lập trình \(API\), xuất ra tệp/);

    // A manager reads the settings but cannot change them.
    const settings = page.getByTestId('face-settings');
    await sees(settings, /chỉ xem được/);
    expect(await settings.getByLabel('Ngưỡng so khớp (cosine, 0,5–0,999)').isDisabled()).toBe(true);
    expect(await settings.getByLabel('Cho phép lấy số bằng khuôn mặt').isDisabled()).toBe(true);
    expect(await settings.getByRole('button', { name: 'Lưu cài đặt khuôn mặt' }).count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/manage-face.png`, fullPage: true });
  });

  it('prints only the record, with the centre, the time and who prepared it', async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByTestId('face-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByTestId('face-settings').isVisible()).toBe(false);
    expect(await page.getByTestId('face-print').isVisible()).toBe(false);
    await sees(page.locator('.mf-print-meta'), /Trung tâm Phục vụ hành chính công phường Hà Đông · Lập lúc .* · Người lập: Hoàng Thị Mai/);
    expect(await page.getByTestId('face-held').isVisible()).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/manage-face-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('lets the administrator change the face settings, warning about an uncalibrated threshold', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn('admin', ADMIN_PASSWORD);
    const settings = page.getByTestId('face-settings');
    await sees(settings, /Ngưỡng phải được hiệu chỉnh tại địa phương/);
    const threshold = settings.getByLabel('Ngưỡng so khớp (cosine, 0,5–0,999)');
    expect(await threshold.inputValue()).toBe('0,93');

    await threshold.fill('1,5');
    await settings.getByRole('button', { name: 'Lưu cài đặt khuôn mặt' }).click();
    await sees(settings, /Số thập phân từ 0,5 đến 0,999\./);

    await threshold.fill('0,9213');
    await sees(settings, /Thấp hơn mức đã hiệu chỉnh \(0,93\)/);
    await settings.getByLabel('Cho phép ghi nhớ để nhận diện lần sau').uncheck();
    await settings.getByLabel('Số lần được nhập sai 4 số cuối điện thoại (1–5)').fill('2');
    await settings.getByRole('button', { name: 'Lưu cài đặt khuôn mặt' }).click();
    await sees(settings, /Đã lưu cài đặt/);

    await sees(page.getByTestId('face-threshold'), /^0,9213$/);
    await sees(page.getByTestId('face-record'), /Ngưỡng đang thấp hơn mức đã hiệu chỉnh/);
    await sees(page.getByTestId('face-purposes').locator('tbody tr').nth(1), /Đang tắt/);
    await sees(page.getByTestId('face-tech'), /Số lần được nhập sai 4 số cuối điện thoại\s*2/);
    const { data } = await call<{ settings: { faceMatchThreshold: number; faceRememberEnabled: boolean; faceSecondFactorAttempts: number } }>(
      server.url,
      'GET',
      '/api/v1/centre',
      undefined,
      (await call(server.url, 'POST', '/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).cookie!,
    );
    expect(data.settings).toMatchObject({ faceMatchThreshold: 0.9213, faceRememberEnabled: false, faceSecondFactorAttempts: 2 });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/manage-face-admin.png`, fullPage: true });
  });

  it('speaks English through the shared switch', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Face data$/);
    await sees(page.getByTestId('face-record'), /Face data processing record/);
    await sees(page.getByTestId('face-threshold'), /^0\.9213$/);
    await sees(page.getByTestId('face-searches'), /Taking a number: does this person already hold one for this field today/);
    await sees(page.getByTestId('face-protection'), /encrypted \(AES-256-GCM\) under a key of its own/);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });
});
