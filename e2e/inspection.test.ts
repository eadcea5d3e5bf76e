/**
 * An administrative-reform inspection in headless Chromium against the real server: the province inspector
 * draws up the year's plan with a round, runs it — a verdict with an uploaded photo, the centre's tracking
 * book frozen in one click, a finding with its corrective action; the head of the department inspected sees
 * only their unit and reports the fix with its evidence; the inspector verifies and closes it, concludes the
 * round and prints the minutes (and saves them as PDF). Another inspector, not on the team, sees no plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { call, login } from './support/kiosk-camera';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

const PASSWORD = 'motcua-demo';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('an inspection round from plan to printed minutes', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    await call({ url: server.url, admin }, 'POST', '/api/v1/manage/users', { username: 'thanhtra2', fullName: 'Trịnh Văn Khác', role: 'inspector', password: 'mat-khau-thanh-tra' });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });

  async function signIn(username: string, password = PASSWORD): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/manage#inspection`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('inspection-tab-plans').waitFor({ timeout: 15_000 });
    return page;
  }

  it('plans, runs, follows up and prints an inspection; each person sees only their part', async () => {
    // --- the inspector draws up the plan -------------------------------------------------------
    const insp = await signIn('thanhtra');
    await insp.getByTestId('inspection-new-plan').click();
    const form = insp.getByTestId('inspection-plan-form');
    await form.getByTestId('inspection-plan-title').fill('Kế hoạch kiểm tra CCHC năm 2026');
    const lead = form.getByTestId('inspection-member').first();
    await expect.poll(() => lead.getByLabel('Tài khoản (để xem kế hoạch)').locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await lead.getByLabel('Tài khoản (để xem kế hoạch)').selectOption({ label: 'Bùi Văn Kiên' });
    await lead.getByLabel('Cơ quan, đơn vị').fill('Sở Nội vụ');
    await form.getByTestId('inspection-plan-unit-000.00.16.H26').check();
    await form.getByTestId('inspection-plan-unit-P-VHXH').check();
    await form.getByRole('button', { name: 'Lập' }).click();

    const plan = insp.getByTestId('inspection-plan');
    await expect.poll(() => plan.getByTestId('inspection-plan-units').textContent(), { timeout: 10_000 }).toContain('Phòng Văn hóa – Xã hội');
    expect(await plan.getByTestId('inspection-plan-units').textContent()).not.toContain('Phòng Kinh tế');

    // --- a round -------------------------------------------------------------------------------
    await insp.getByTestId('inspection-new-round').click();
    await insp.getByTestId('inspection-round-date').fill('2026-12-03');
    await insp.getByTestId('inspection-round-form').getByRole('button', { name: 'Lập' }).click();
    const round = insp.getByTestId('inspection-round');
    await expect.poll(() => round.getAttribute('data-status'), { timeout: 10_000 }).toBe('planned');

    // The centre's own tracking book, one click, frozen as evidence of criterion 3.4.
    await insp.getByTestId('inspection-round-unit').selectOption({ label: 'Trung tâm Phục vụ hành chính công phường Hà Đông' });
    await insp.getByTestId('inspection-record-3.4').click();
    const verdictForm = insp.getByTestId('inspection-verdict-form');
    await verdictForm.getByTestId('inspection-snapshot-kind').selectOption('tracking-book');
    await verdictForm.getByTestId('inspection-snapshot-take').click();
    await expect.poll(() => verdictForm.textContent(), { timeout: 15_000 }).toContain('bản chụp của hệ thống');
    await verdictForm.getByLabel('Đạt', { exact: true }).check();
    await verdictForm.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => insp.locator('tr[data-criterion="3.4"]').textContent(), { timeout: 10_000 }).toContain('so-theo-doi-ho-so');
    await expect.poll(() => round.getAttribute('data-status')).toBe('in-progress');

    // The department: 3.1 not met, with a photo of the notice board.
    await insp.getByTestId('inspection-round-unit').selectOption({ label: 'Phòng Văn hóa – Xã hội' });
    await insp.getByTestId('inspection-record-3.1').click();
    await verdictForm.getByLabel('Không đạt', { exact: true }).check();
    await verdictForm.getByTestId('inspection-verdict-note').fill('Bảng niêm yết chưa cập nhật thủ tục mới');
    await verdictForm.locator('input[type=file]').setInputFiles({ name: 'bang-niem-yet.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => verdictForm.textContent(), { timeout: 10_000 }).toContain('bang-niem-yet.png');
    await verdictForm.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => insp.locator('tr[data-criterion="3.1"]').textContent(), { timeout: 10_000 }).toContain('Không đạt');
    expect(await insp.locator('tr[data-criterion="3.1"]').textContent()).toContain('bang-niem-yet.png');

    // The finding and its corrective action.
    await insp.getByTestId('inspection-new-finding').click();
    const findingForm = insp.getByTestId('inspection-finding-form');
    await findingForm.getByTestId('inspection-finding-criterion').selectOption('3.1');
    await findingForm.getByTestId('inspection-finding-text').fill('Chưa niêm yết 12 thủ tục mới công bố');
    await findingForm.getByTestId('inspection-finding-action').fill('Niêm yết bổ sung các thủ tục mới');
    await findingForm.getByTestId('inspection-finding-owner').fill('Ngô Thị Bích');
    await findingForm.getByTestId('inspection-finding-days').fill('5');
    await findingForm.getByRole('button', { name: 'Lưu' }).click();
    const action = insp.getByTestId('inspection-findings').getByTestId('inspection-action');
    await expect.poll(() => action.getAttribute('data-status'), { timeout: 10_000 }).toBe('open');
    expect(await action.textContent()).toContain('5 ngày làm việc');

    // --- the department head sees their unit only and reports the fix ----------------------------
    const head = await signIn('truongphong');
    const rows = head.getByTestId('inspection-plans').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('Phòng Văn hóa – Xã hội');
    expect(await rows.first().textContent()).not.toContain('Trung tâm Phục vụ');
    await head.getByTestId('inspection-open-plan').click();
    await head.getByTestId('inspection-open-round').click();
    await expect.poll(() => head.getByTestId('inspection-round-unit').locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['Phòng Văn hóa – Xã hội']);
    expect(await head.getByTestId('inspection-new-finding').count()).toBe(0);
    const headAction = head.getByTestId('inspection-findings').getByTestId('inspection-action');
    await headAction.getByTestId('inspection-action-text').fill('Đã niêm yết đủ 12 thủ tục');
    await headAction.locator('input[type=file]').setInputFiles({ name: 'sau-khac-phuc.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => headAction.textContent(), { timeout: 10_000 }).toContain('sau-khac-phuc.png');
    await headAction.getByTestId('inspection-action-done').click();
    await expect.poll(() => headAction.getAttribute('data-status'), { timeout: 10_000 }).toBe('done');

    // --- the inspector verifies and closes it, concludes, prints ---------------------------------
    await insp.reload();
    await insp.getByTestId('inspection-tab-plans').waitFor();
    await insp.getByTestId('inspection-open-plan').click();
    await insp.getByTestId('inspection-open-round').click();
    await insp.getByTestId('inspection-round-unit').selectOption({ label: 'Phòng Văn hóa – Xã hội' });
    const toVerify = insp.getByTestId('inspection-findings').getByTestId('inspection-action');
    await expect.poll(() => toVerify.getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    expect(await toVerify.textContent()).toContain('sau-khac-phuc.png');
    await toVerify.getByTestId('inspection-verify-text').fill('Đã kiểm tra thực tế');
    await toVerify.getByTestId('inspection-action-close').click();
    await expect.poll(() => toVerify.getAttribute('data-status'), { timeout: 10_000 }).toBe('closed');
    expect(await toVerify.getByTestId('inspection-action-status').textContent()).toBe('Đã xác nhận hoàn thành');

    await insp.getByTestId('inspection-conclude').click();
    await insp.getByTestId('inspection-conclusion').fill('Đơn vị đã khắc phục tồn tại về niêm yết thủ tục.');
    await insp.getByRole('button', { name: 'Kết luận đợt kiểm tra' }).last().click();
    await expect.poll(() => insp.getByTestId('inspection-round-status').textContent(), { timeout: 10_000 }).toBe('Đã kết luận');

    const [minutes] = await Promise.all([insp.context().waitForEvent('page'), insp.getByTestId('inspection-print-minutes').click()]);
    await minutes.waitForLoadState();
    const body = (await minutes.locator('body').textContent()) ?? '';
    for (const text of ['BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', 'Kế hoạch kiểm tra CCHC năm 2026', 'Chưa niêm yết 12 thủ tục mới công bố', 'Niêm yết bổ sung các thủ tục mới', 'Ngô Thị Bích', 'Đã xác nhận hoàn thành', 'bang-niem-yet.png', 'Đơn vị đã khắc phục tồn tại', 'TRƯỞNG ĐOÀN KIỂM TRA', 'Bùi Văn Kiên']) {
      expect(body).toContain(text);
    }
    expect(await minutes.getByRole('button', { name: 'In / Lưu PDF' }).isVisible()).toBe(true);
    await minutes.emulateMedia({ media: 'print' });
    expect(await minutes.getByRole('button', { name: 'In / Lưu PDF' }).isVisible()).toBe(false);
    const pdf = await minutes.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');

    // --- an inspector not on the team sees no plan ------------------------------------------------
    const other = await signIn('thanhtra2', 'mat-khau-thanh-tra');
    await expect.poll(() => other.getByText('Chưa có kế hoạch kiểm tra nào bạn được xem trong năm này.').isVisible(), { timeout: 10_000 }).toBe(true);
  });
});
