/**
 * A dossier from a called ticket to a returned result, in the browser: the officer calls a number,
 * opens "receive dossier" from the counter, picks the procedure, ticks the documents, receives it and
 * prints Form 01 with its QR code; the processing steps are signed off one by one and the control
 * slip (Form 06) shows each against its allowance; the return desk hands the result over; the
 * citizen looks the dossier up by the slip's address on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CentreInfo } from '../src/contracts/api';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { call, login, pairKiosk } from './support/kiosk-camera';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

describe('a dossier from a called ticket to a returned result', () => {
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

  /** A ticket for Hộ tịch, taken at a kiosk paired through the API. */
  async function issueTicket(): Promise<void> {
    const hall = { url: server.url, admin: await login(server.url, 'admin', ADMIN_PASSWORD) };
    const info = await call<CentreInfo>(hall, 'GET', '/api/v1/centre');
    const token = await pairKiosk(hall, 'Kiosk sảnh');
    const res = await fetch(`${server.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fieldId: info.fields.find((f) => f.code === 'HT')!.id }),
    });
    expect(res.status).toBe(201);
  }

  it('receives, processes and returns a dossier with the official forms', async () => {
    await issueTicket();

    // The officer calls the number at counter 1.
    const counter = await newPage();
    await counter.goto(`${server.url}/counter`);
    await counter.getByLabel('Tên đăng nhập').fill('canbo1');
    await counter.getByLabel('Mật khẩu').fill('motcua-demo');
    await counter.getByLabel('Mật khẩu').press('Enter');
    await counter.getByTestId('counter-choice').filter({ hasText: 'Quầy 1' }).first().click();
    await counter.getByTestId('action-call-next').waitFor();
    await counter.getByTestId('action-call-next').click();
    await expect.poll(() => counter.getByTestId('current-ticket').textContent(), { timeout: 15_000 }).toContain('1001');

    // "Receive dossier" opens the reception screen for this ticket, with its field's procedures first.
    const [reception] = await Promise.all([counter.waitForEvent('popup'), counter.getByTestId('receive-dossier').click()]);
    await reception.getByTestId('procedure-option').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => reception.getByTestId('procedure-option').first().textContent()).toContain('Hộ tịch');
    await reception.getByLabel('Tìm thủ tục (mã hoặc tên)').fill('tinh trang hon nhan');
    const option = reception.getByTestId('procedure-option').filter({ hasText: '1.004873' });
    await option.getByRole('button').click();
    await expect.poll(() => reception.getByTestId('processing-time').textContent(), { timeout: 10_000 }).toContain('3 ngày làm việc');

    await reception.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await reception.getByLabel('Số định danh/CCCD').fill('001190012345');
    await reception.getByLabel('Điện thoại').fill('0987654321');
    await reception.getByLabel('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu').check();
    await reception.getByRole('button', { name: 'Tiếp nhận (Mẫu 01)' }).click();

    const codeText = (await reception.getByTestId('dossier-code').textContent({ timeout: 15_000 }))!.trim();
    expect(codeText).toMatch(/^[0-9A-Z.-]+-\d{6}-0001$/);
    await expect.poll(() => reception.getByTestId('appointment').textContent()).toMatch(/17:00/);

    // Form 01: the receipt and appointment slip, with the code and a QR code to the lookup page.
    const [form01] = await Promise.all([reception.waitForEvent('popup'), reception.getByTestId('print-form-01').click()]);
    await form01.waitForLoadState();
    expect(await form01.locator('.form-title').textContent()).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(await form01.locator('.dossier-code').first().textContent()).toBe(codeText);
    expect(await form01.locator('body').textContent()).toContain('Trần Thị Bình');
    expect(await form01.locator('.appointment').textContent()).toMatch(/17 giờ 00 phút, ngày \d{2} tháng \d{1,2} năm 20\d\d/);
    expect(await form01.locator('img[src^="data:image"], svg').count()).toBeGreaterThan(0);
    await form01.close();

    // The processing units sign their steps off; the result is then ready.
    await reception.getByRole('link', { name: 'Xem chi tiết hồ sơ' }).click();
    await expect.poll(() => reception.getByTestId('dossier-status').textContent(), { timeout: 15_000 }).toContain('đang xử lý');
    expect(await reception.getByTestId('step-row').count()).toBe(5);
    for (let step = 0; step < 5; step++) {
      await reception.getByTestId('action-finish-step').click();
      await reception.getByTestId('action-form').getByRole('button', { name: 'Xác nhận' }).click();
      await reception.getByText('Đã cập nhật hồ sơ.').waitFor({ timeout: 10_000 });
    }
    await expect.poll(() => reception.getByTestId('dossier-status').textContent()).toContain('đã xử lý xong');

    // Form 06, the control slip, judges every step against its allowance.
    const [form06] = await Promise.all([reception.waitForEvent('popup'), reception.getByTestId('print-form-06').click()]);
    await form06.waitForLoadState();
    expect(await form06.locator('.step-row').count()).toBe(5);
    expect(await form06.locator('.step-row').first().textContent()).toMatch(/Trước hạn|Đúng hạn/);
    await form06.close();

    // The return desk hands the result over and records who took it.
    await reception.getByTestId('action-return').click();
    await reception.getByLabel('Người nhận kết quả').fill('Trần Thị Bình');
    await reception.getByTestId('action-form').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => reception.getByTestId('dossier-status').textContent(), { timeout: 10_000 }).toContain('đã trả kết quả');
    expect(await reception.getByTestId('returned-to').textContent()).toBe('Trần Thị Bình');

    // The citizen scans the slip's QR on a phone: status and steps, nothing personal.
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${server.url}/lookup?code=${encodeURIComponent(codeText)}`);
    await expect.poll(() => phone.getByTestId('lookup-status').textContent(), { timeout: 15_000 }).toMatch(/trả kết quả/i);
    const lookupText = (await phone.locator('body').textContent())!;
    expect(lookupText).toContain('T. T. B.');
    expect(lookupText).not.toContain('Trần Thị Bình');
    expect(lookupText).not.toContain('001190012345');
  });
});
