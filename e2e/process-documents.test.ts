/**
 * An ISO process document from draft to its second issue, in headless Chromium against the real server:
 * the manager drafts the process of a procedure in "Quy trình ISO", issues it, prints it, revises the
 * appraisal time and issues it again; a dossier received afterwards names "Quy trình QT-HT-01, lần ban
 * hành 2" on its page and on its control slip (Form 06). Then, in "Rà soát thủ tục", a review round
 * adopts a proposal to shorten the procedure to 2 working days, which becomes the procedure's time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DossierView } from '../src/contracts/dossier';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { call, login } from './support/kiosk-camera';
import { E2eServer } from './support/server';

describe('a process document issued, revised and named on a dossier; a review shortens the procedure', () => {
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

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  it('issues, revises, shows the issue on the control slip, and adopts a shortening', async () => {
    const desk = await newPage();
    await desk.goto(`${server.url}/manage#process-documents`);
    await desk.getByLabel('Tên đăng nhập').fill('quanly');
    await desk.getByLabel('Mật khẩu').fill('motcua-demo');
    await desk.getByRole('button', { name: 'Đăng nhập' }).click();

    // A draft from the procedure's steps.
    const procedure = desk.getByLabel('Thủ tục', { exact: true });
    await expect.poll(() => procedure.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await procedure.selectOption({ label: '1.004873 – Thủ tục cấp Giấy xác nhận tình trạng hôn nhân' });
    await desk.getByLabel('Mã hiệu quy trình').fill('qt-ht-01');
    await desk.getByRole('button', { name: 'Lập dự thảo' }).click();
    const detail = desk.getByTestId('process-detail');
    await expect.poll(() => detail.getAttribute('data-code'), { timeout: 10_000 }).toBe('QT-HT-01');
    await expect.poll(() => desk.getByTestId('process-total').textContent()).toContain('Tổng: 24 giờ làm việc');
    expect(await desk.getByLabel('Trách nhiệm 4').inputValue()).toBe('Lãnh đạo UBND');

    // Issued as issue 1.
    await desk.getByLabel('Họ tên người phê duyệt').fill('Nguyễn Văn Hùng');
    await desk.getByLabel('Chức vụ').fill('Chủ tịch UBND phường');
    await desk.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await expect.poll(() => desk.getByTestId('process-in-force').textContent(), { timeout: 10_000 }).toBe('Quy trình QT-HT-01, lần ban hành 1');

    // The print view in the ISO layout.
    const [print] = await Promise.all([desk.waitForEvent('popup'), desk.getByTestId('process-issues').locator('tr[data-issue="1"]').getByRole('link', { name: 'Xem, in' }).click()]);
    await print.waitForLoadState();
    expect(await print.locator('.doc-code').textContent()).toBe('QT-HT-01');
    expect(await print.locator('.issue-number').textContent()).toBe('01');
    expect(await print.locator('.steps .step').count()).toBe(5);
    expect(await print.locator('.approver').textContent()).toBe('Nguyễn Văn Hùng');
    await print.close();

    // Revised: the appraisal takes 10 hours instead of 12; issued as issue 2.
    await desk.getByLabel('Ghi chú sửa đổi').fill('Rút ngắn thẩm định');
    await desk.getByRole('button', { name: 'Tạo bản sửa đổi' }).click();
    await desk.getByTestId('process-draft').waitFor({ timeout: 10_000 });
    await desk.getByLabel('Giờ 2').fill('10');
    await expect.poll(() => desk.getByTestId('process-total').textContent()).toContain('Tổng: 22 giờ làm việc');
    await desk.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await expect.poll(() => desk.getByTestId('process-issues').locator('tr[data-issue="draft"]').textContent(), { timeout: 10_000 }).toContain('12 giờ → 10 giờ');
    await desk.getByLabel('Họ tên người phê duyệt').fill('Nguyễn Văn Hùng');
    await desk.getByLabel('Chức vụ').fill('Chủ tịch UBND phường');
    await desk.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await expect.poll(() => desk.getByTestId('process-in-force').textContent(), { timeout: 10_000 }).toBe('Quy trình QT-HT-01, lần ban hành 2');
    expect(await desk.getByTestId('process-issues').locator('tr[data-issue="1"]').textContent()).toContain('Đã thay thế');

    // A dossier received now follows issue 2: its page and its control slip name it.
    const hall = { url: server.url, admin: await login(server.url, 'canbo1', 'motcua-demo') };
    const procedures = (await call<{ procedures: { id: string; code: string }[] }>(hall, 'GET', '/api/v1/procedures')).procedures;
    const dossier = await call<DossierView>(hall, 'POST', '/api/v1/dossiers', {
      channel: 'direct',
      applicant: { fullName: 'Trần Thị Bình', idNumber: '001190012345', address: '5 Lê Lợi', phone: '0987654321', email: null },
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      documentsReceived: [0],
      outcome: 'receive',
    });
    const page = await newPage();
    await page.goto(`${server.url}/dossiers?id=${dossier.id}`);
    await page.getByLabel('Tên đăng nhập').fill('canbo1');
    await page.getByLabel('Mật khẩu').fill('motcua-demo');
    await page.getByLabel('Mật khẩu').press('Enter');
    await expect.poll(() => page.getByTestId('dossier-process').textContent(), { timeout: 15_000 }).toBe('Quy trình QT-HT-01, lần ban hành 2');
    const [slip] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-form-06').click()]);
    await slip.waitForLoadState();
    expect(await slip.locator('.process-label').textContent()).toBe('Quy trình QT-HT-01, lần ban hành 2');
    await slip.close();

    // A review round adopts shortening the procedure to 2 working days.
    await desk.goto(`${server.url}/manage#procedure-reviews`);
    await desk.getByLabel('Tên đợt rà soát').fill('Rà soát TTHC lĩnh vực hộ tịch năm 2026');
    await desk.getByLabel('Kế hoạch, quyết định').fill('KH 15/KH-UBND');
    await desk.getByLabel('Lọc thủ tục').fill('tinh trang hon nhan');
    await desk.getByRole('checkbox', { name: /1\.004873/ }).check();
    await desk.getByRole('button', { name: 'Tạo đợt rà soát' }).click();
    const review = desk.getByTestId('review-detail');
    await expect.poll(() => review.getByTestId('review-procedures').textContent(), { timeout: 10_000 }).toContain('3 ngày làm việc');
    await review.getByLabel('Thủ tục', { exact: true }).selectOption({ index: 1 });
    await review.getByLabel('Thời hạn mới').fill('2');
    await review.getByLabel('Nội dung, lý do').fill('Tra cứu cơ sở dữ liệu hộ tịch điện tử thay cho xác minh bằng văn bản');
    await review.getByRole('button', { name: 'Thêm đề xuất' }).click();
    const row = review.getByTestId('review-proposals').locator('tr[data-kind="shorten"]');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('proposed');
    await row.getByLabel('Số, ký hiệu văn bản quyết định').fill('QĐ 245/QĐ-UBND');
    await row.getByRole('button', { name: 'Ghi' }).click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('adopted');
    expect(await row.textContent()).toContain('Tạo phiên bản');
    await expect.poll(() => review.getByTestId('review-procedures').textContent()).toContain('2 ngày làm việc (quy định 3)');
    await expect.poll(() => desk.getByTestId('review-share').textContent()).toContain('1 thủ tục theo quyết định rà soát');
    // Every proposal decided: the round is closed, and its results stand.
    await review.getByRole('button', { name: 'Kết thúc đợt rà soát' }).click();
    await expect.poll(() => review.textContent(), { timeout: 10_000 }).toContain('Đợt rà soát đã kết thúc');
    expect(await review.getByRole('button', { name: 'Thêm đề xuất' }).count()).toBe(0);

    // The process document now asks for a revision to follow the procedure.
    await desk.goto(`${server.url}/manage#process-documents`);
    await expect.poll(() => desk.getByTestId('process-list').textContent(), { timeout: 15_000 }).toContain('Thủ tục đã thay đổi');
  });
});
