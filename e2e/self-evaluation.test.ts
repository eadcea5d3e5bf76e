/**
 * A unit's reform self-evaluation and report, in headless Chromium against the real server: the admin
 * creates this year's frame from the example and opens it; the centre's manager finds "procedures
 * published" pre-filled from the catalogue with the link to the records, scores, attaches evidence and
 * submits; the province inspector appraises, lowering one criterion with a comment; the unit sees the
 * difference and its grade. Then the admin asks for an ad-hoc report, the unit submits it with its figures
 * filled in, and the roll-up shows the unit's text and the units that have not reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

describe('a unit self-evaluates with pre-filled criteria, is appraised, and reports', () => {
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

  async function signIn(username: string, password: string, section: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/manage#${section}`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    return page;
  }

  const centreName = 'Trung tâm Phục vụ hành chính công phường Hà Đông';

  it('self-evaluation → appraisal → differences and grade; report submitted and rolled up', async () => {
    // The admin creates the year's frame from the shipped example and opens it.
    const admin = await signIn('admin', ADMIN_PASSWORD, 'self-evaluation');
    await admin.getByRole('button', { name: 'Tạo bộ tiêu chí' }).click({ timeout: 15_000 });
    await expect.poll(() => admin.getByTestId('se-frame-facts').textContent(), { timeout: 15_000 }).toContain('100 điểm · 31 tiêu chí');
    await admin.getByTestId('se-open-frame').click();
    await expect.poll(() => admin.getByTestId('se-frame-facts').textContent()).toContain('Đang đánh giá');

    // The centre's manager: the pre-filled criterion shows the figure, its records and the suggested points.
    const unit = await signIn('quanly', 'motcua-demo', 'self-evaluation');
    const centreRow = unit.getByTestId('se-units').locator(`tr[data-unit="${centreName}"]`);
    await centreRow.getByRole('button', { name: 'Mở' }).click({ timeout: 15_000 });
    const form = unit.getByTestId('se-evaluation');
    await expect.poll(() => form.getAttribute('data-status'), { timeout: 15_000 }).toBe('draft');
    const published = form.locator('tr[data-criterion="3.1"]');
    expect(await published.textContent()).toMatch(/\d+(,\d)?%/);
    expect(await published.textContent()).toContain('gợi ý');
    expect(await published.getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href')).toContain('/figures/procedures-published');
    const suggested = await published.getByLabel('Điểm tự chấm 3.1').inputValue();
    expect(suggested).not.toBe('');

    // Scores: 3 of 3 on 1.1 with its evidence file, 0 where there is nothing to claim.
    for (const input of await form.locator('input.se-points').all()) {
      if ((await input.inputValue()) === '') await input.fill('0');
    }
    const c11 = form.locator('tr[data-criterion="1.1"]');
    await c11.getByLabel('Điểm tự chấm 1.1').fill('3');
    await c11.getByLabel('Giải trình 1.1').fill('Kế hoạch CCHC năm 2026 ban hành ngày 05/01/2026.');
    await c11.locator('input[type=file]').setInputFiles({ name: 'ke-hoach-cchc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n') });
    await expect.poll(() => c11.getByRole('link', { name: 'ke-hoach-cchc.pdf' }).count(), { timeout: 15_000 }).toBe(1);
    await form.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await unit.getByRole('alertdialog').getByRole('button', { name: 'Gửi thẩm định' }).click();
    await expect.poll(() => form.getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');
    const selfTotal = (await unit.getByTestId('se-summary').textContent())!;

    // The province inspector appraises: one point less on 1.1, with the reason.
    const inspector = await signIn('thanhtra', 'motcua-demo', 'self-evaluation');
    const sent = inspector.getByTestId('se-units').locator(`tr[data-unit="${centreName}"]`);
    await expect.poll(() => sent.getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');
    await sent.getByRole('button', { name: 'Mở' }).click();
    const appraisal = inspector.getByTestId('se-evaluation');
    const a11 = appraisal.locator('tr[data-criterion="1.1"]');
    await expect.poll(() => a11.getByLabel('Điểm thẩm định 1.1').inputValue(), { timeout: 15_000 }).toBe('3');
    expect(await a11.getByRole('link', { name: 'ke-hoach-cchc.pdf' }).count()).toBe(1);
    // The inspector checks the pre-filled figure against its records.
    const [records] = await Promise.all([
      inspector.context().waitForEvent('page'),
      appraisal.locator('tr[data-criterion="3.1"]').getByRole('link', { name: 'Xem hồ sơ' }).click(),
    ]);
    await records.waitForLoadState();
    expect(await records.locator('h1').textContent()).toContain('Tỷ lệ TTHC công khai đầy đủ');
    expect(await records.locator('tbody tr').count()).toBeGreaterThan(0);
    await records.close();
    await a11.getByLabel('Điểm thẩm định 1.1').fill('2');
    await a11.getByLabel('Nhận xét 1.1').fill('Kế hoạch ban hành chậm so với yêu cầu.');
    await appraisal.getByRole('button', { name: 'Hoàn thành thẩm định' }).click();
    await expect.poll(() => appraisal.getAttribute('data-status'), { timeout: 15_000 }).toBe('appraised');

    // The unit sees the difference and its grade.
    await unit.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => centreRow.getAttribute('data-status'), { timeout: 15_000 }).toBe('appraised');
    await centreRow.getByRole('button', { name: 'Mở' }).click();
    await expect.poll(() => form.getAttribute('data-status'), { timeout: 15_000 }).toBe('appraised');
    expect(await form.getByTestId('se-diff-1.1').textContent()).toBe('-1');
    expect(await c11.textContent()).toContain('Kế hoạch ban hành chậm so với yêu cầu.');
    expect(await form.getByTestId('se-result').textContent()).toMatch(/Kết quả: [\d,]+\/100 điểm – Yếu/);
    expect(selfTotal).toContain('Tự chấm');
    const [sheet] = await Promise.all([unit.context().waitForEvent('page'), form.getByTestId('se-print').click()]);
    await sheet.waitForLoadState();
    expect(await sheet.locator('h1').textContent()).toContain('KẾT QUẢ TỰ ĐÁNH GIÁ VÀ THẨM ĐỊNH');
    expect(await sheet.locator('body').textContent()).toContain('Kế hoạch ban hành chậm so với yêu cầu.');
    await sheet.close();
    await unit.getByRole('button', { name: 'Đóng' }).click();
    await unit.getByRole('button', { name: 'Xếp hạng' }).click();
    await expect.poll(() => unit.getByTestId('se-ranking').locator(`tr[data-unit="${centreName}"]`).textContent(), { timeout: 15_000 }).toMatch(/^1/);

    // A report: the admin asks every unit for an ad-hoc report.
    await admin.goto(`${server.url}/manage#reform-reports`);
    await admin.getByTestId('rr-title').fill('Báo cáo đột xuất về công khai TTHC');
    await admin.getByTestId('rr-kind').selectOption('ad-hoc');
    await admin.getByTestId('rr-from').fill('2026-01-01');
    await admin.getByTestId('rr-to').fill('2026-11-30');
    await admin.getByTestId('rr-due').fill('2099-12-31');
    await admin.getByRole('button', { name: 'Giao báo cáo' }).last().click();
    const reportRow = admin.getByTestId('rr-reports').locator('tr[data-report^="Báo cáo đột xuất về công khai TTHC"]');
    await expect.poll(() => reportRow.textContent(), { timeout: 15_000 }).toContain('0/4');

    // The unit writes it: the figures are there with their records.
    await unit.goto(`${server.url}/manage#reform-reports`);
    const unitReport = unit.getByTestId('rr-reports').locator('tr[data-report^="Báo cáo đột xuất về công khai TTHC"]');
    await unitReport.getByRole('button', { name: 'Mở' }).click({ timeout: 15_000 });
    await unit.getByTestId('rr-units').locator(`tr[data-unit="${centreName}"]`).getByRole('button', { name: 'Soạn / xem' }).click();
    const submission = unit.getByTestId('rr-submission');
    const figure = submission.locator('tr[data-figure="procedures-published"]');
    await expect.poll(() => figure.textContent(), { timeout: 15_000 }).toMatch(/\d+(,\d)?%/);
    expect(await figure.getByRole('link', { name: 'Xem hồ sơ' }).count()).toBe(1);
    await submission.getByLabel('II. Kết quả cải cách thủ tục hành chính').fill('Trung tâm công khai đầy đủ các thủ tục tại quầy và trên cổng.');
    await submission.getByTestId('rr-submit').click();
    await expect.poll(() => submission.getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');

    // The admin's roll-up: the unit's text, the units that have not reported, printable.
    await admin.reload();
    await expect.poll(() => reportRow.textContent(), { timeout: 15_000 }).toContain('1/4');
    await reportRow.getByRole('button', { name: 'Mở' }).click();
    expect(await admin.getByTestId('rr-units').locator(`tr[data-unit="${centreName}"]`).getAttribute('data-state')).toBe('submitted');
    await admin.getByTestId('rr-show-rollup').click();
    const rollup = admin.getByTestId('rr-rollup');
    await expect.poll(() => rollup.textContent(), { timeout: 15_000 }).toContain('Trung tâm công khai đầy đủ các thủ tục tại quầy và trên cổng.');
    expect(await rollup.textContent()).toContain('Chưa nộp: Phòng');
    const [printed] = await Promise.all([admin.context().waitForEvent('page'), admin.getByTestId('rr-print').click()]);
    await printed.waitForLoadState();
    expect(await printed.locator('h1').textContent()).toContain('BÁO CÁO TỔNG HỢP');
    expect(await printed.locator('body').textContent()).toContain('Trung tâm công khai đầy đủ các thủ tục tại quầy và trên cổng.');
  });

  it('the admin reshapes the next year frame: a new field with its criterion, and the grade bands', async () => {
    const admin = await signIn('admin', ADMIN_PASSWORD, 'self-evaluation');
    await admin.getByLabel('Năm', { exact: true }).fill('2027');
    await admin.getByRole('button', { name: 'Tạo bộ tiêu chí' }).click({ timeout: 15_000 });
    const facts = admin.getByTestId('se-frame-facts');
    await expect.poll(() => facts.textContent(), { timeout: 15_000 }).toContain('31 tiêu chí');
    await admin.getByRole('button', { name: 'Bộ tiêu chí', exact: true }).click();
    await admin.getByTestId('se-edit-frame').click();
    await admin.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    await admin.getByLabel('Tên lĩnh vực 8').fill('Chuyển đổi số trong giải quyết thủ tục');
    await admin.getByLabel('Tiêu chí 8.1').fill('Tỷ lệ hồ sơ được số hóa khi tiếp nhận');
    await admin.getByLabel('Tối đa 8.1').fill('2');
    await admin.getByLabel('Xếp loại 2').fill('Hoàn thành tốt');
    await admin.getByLabel('Từ điểm 2').fill('78');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => facts.textContent(), { timeout: 15_000 }).toContain('32 tiêu chí');
    expect(await facts.textContent()).toContain('102 điểm');
    const frameView = admin.locator('.se-frame-table');
    expect(await frameView.textContent()).toContain('8. Chuyển đổi số trong giải quyết thủ tục');
    expect(await admin.locator('.m-help').filter({ hasText: 'Thang xếp loại' }).textContent()).toContain('Hoàn thành tốt từ 78 điểm');
  });
});

