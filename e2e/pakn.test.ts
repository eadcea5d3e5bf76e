/**
 * A complaint from a citizen's phone to the centre's answer, in headless Chromium against the real
 * server: the citizen files an anonymous complaint about a counter on /phan-anh and keeps the code;
 * the manager finds it in "Phản ánh, kiến nghị" with its 15-working-day deadline, assigns, answers and
 * publishes it; the citizen follows the code, reads the answer and says they are satisfied. The kiosk's
 * idle screen shows the QR code that leads to the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { call, login } from './support/kiosk-camera';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

describe('a complaint filed on the public page and answered by the manager', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport });
    contexts.push(context);
    return context.newPage();
  }

  it('files anonymously, gets a code, and sees the answer the manager published', async () => {
    // The citizen, on a phone.
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${server.url}/phan-anh?from=kiosk`);
    await phone.getByTestId('pakn-form').waitFor();
    await phone.getByLabel('Phản ánh', { exact: true }).check();
    await phone.getByTestId('pakn-category').selectOption('facilities');
    await phone.getByTestId('pakn-subject-counter').check();
    await expect.poll(() => phone.getByTestId('pakn-counter').locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await phone.getByTestId('pakn-counter').selectOption('2');
    await phone.getByTestId('pakn-content').fill('Quầy số 2 không có ghế cho người cao tuổi ngồi chờ.');
    // Sending without a name or the anonymous box is refused before anything leaves the phone.
    await phone.getByTestId('pakn-send').click();
    await expect.poll(() => phone.getByTestId('pakn-problem').textContent()).toContain('họ tên');
    await phone.getByTestId('pakn-anonymous').check();
    await phone.getByTestId('pakn-send').click();
    const code = (await phone.getByTestId('pakn-code').textContent({ timeout: 15_000 }))!.trim();
    expect(code).toMatch(/^PA-\d{6}-[0-9A-Z]{8}$/);
    await phone.getByRole('button', { name: 'Xem tình trạng xử lý' }).click();
    await expect.poll(() => phone.getByTestId('pakn-status').textContent(), { timeout: 10_000 }).toBe('Đã tiếp nhận');
    await expect.poll(() => phone.getByTestId('pakn-deadline').textContent()).toContain('Hạn trả lời (15 ngày làm việc)');
    expect(phone.url()).toContain(`code=${code}`);

    // The manager answers it in /manage.
    const desk = await newPage();
    await desk.goto(`${server.url}/manage#pakn`);
    await desk.getByLabel('Tên đăng nhập').fill('quanly');
    await desk.getByLabel('Mật khẩu').fill('motcua-demo');
    await desk.getByRole('button', { name: 'Đăng nhập' }).click();
    const row = desk.getByTestId('pakn-list').locator(`tr[data-code="${code}"]`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('Quầy số 2');
    expect(await row.textContent()).toContain('Hạn trả lời (15 ngày làm việc)');
    await row.getByRole('button', { name: code }).click();
    const detail = desk.getByTestId('pakn-detail');
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 10_000 }).toBe('received');
    expect(await detail.textContent()).toContain('Ẩn danh');
    await expect.poll(() => desk.getByTestId('pakn-assignee').locator('option').count()).toBeGreaterThan(1);
    await desk.getByTestId('pakn-assignee').selectOption({ label: 'Trần Văn Minh' });
    await desk.getByTestId('pakn-assign').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('assigned');
    await desk.getByTestId('pakn-answer-text').fill('Trung tâm đã bố trí thêm 4 ghế ưu tiên tại quầy số 2. Cảm ơn ông/bà đã phản ánh.');
    await desk.getByTestId('pakn-answer').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('answered');
    await desk.getByTestId('pakn-publish').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('published');
    await expect.poll(() => desk.getByTestId('pakn-history').textContent()).toMatch(/Tiếp nhận.*Phân công.*Trả lời.*Công khai/s);

    // The citizen reads the answer with the code and gives a verdict.
    await phone.reload();
    await expect.poll(() => phone.getByTestId('pakn-status').textContent(), { timeout: 10_000 }).toBe('Đã trả lời và công khai');
    expect(await phone.getByTestId('pakn-answer').textContent()).toContain('bố trí thêm 4 ghế');
    await phone.getByRole('button', { name: /^😊 Hài lòng$/ }).click();
    await expect.poll(() => phone.getByTestId('pakn-verdict-done').textContent()).toContain('Ông/bà đã đánh giá: Hài lòng');
    await expect.poll(() => phone.getByTestId('pakn-verdict').count()).toBe(0);
  });

  it('the kiosk idle screen shows a QR code to the public page', async () => {
    const kiosk = await newPage({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk`);
    const code = (await kiosk.getByTestId('pairing-code').textContent({ timeout: 30_000 }))!.trim();
    const hall = { url: server.url, admin: await login(server.url, 'admin', ADMIN_PASSWORD) };
    await call(hall, 'POST', '/api/v1/devices/confirm', { code, name: 'Kiosk sảnh' });
    const entry = kiosk.getByTestId('kiosk-pakn');
    await expect.poll(() => entry.textContent(), { timeout: 30_000 }).toContain('Phản ánh, kiến nghị');
    await expect.poll(() => entry.locator('svg').count()).toBe(1);
    expect(await entry.locator('.kiosk-pakn-qr').getAttribute('aria-label')).toContain('Quét mã bằng điện thoại');
  });
});
