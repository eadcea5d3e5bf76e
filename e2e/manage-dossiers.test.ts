/**
 * The manager keeps the dossier side of the centre in /manage, in headless Chromium against the real
 * server (demo ward, fresh embedded database): imports the province's procedure sheet as CSV and reads
 * why a row was skipped, finds that import again in the history, shortens the new procedure's time
 * (a new version), adjusts the 2026 working calendar; then the administrator sets the agency code that
 * dossier codes start with.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';
import { sees, textOf } from './support/page-text';

/**
 * One good row (imported, with a warning about its cutoff that is not a time), and one whose time
 * unit ("tuần") the importer does not know (skipped).
 */
const SHEET = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Đơn vị thời gian,Giờ tiếp nhận tối đa,Thành phần hồ sơ',
  '1.999901,Cấp bản sao trích lục hộ tịch (thử nghiệm),Hộ tịch,5,ngày làm việc,buổi chiều,Tờ khai theo mẫu; Giấy tờ tùy thân',
  '1.999902,Đăng ký giám hộ (thử nghiệm),Hộ tịch,2,tuần,,Tờ khai đăng ký giám hộ',
].join('\r\n');

describe('the manager keeps the catalogue, the forms and the calendar', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  let folder: string;
  let sheet: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'motcua-sheet-'));
    sheet = join(folder, 'danh-muc-phuong.csv');
    writeFileSync(sheet, SHEET, 'utf8');
    server = await E2eServer.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const section = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  async function signIn(username: string, password: string): Promise<void> {
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation').waitFor();
  }

  it('imports a sheet, shows the skipped row and why, and keeps the import in the history', async () => {
    await page.goto(`${server.url}/manage`);
    await signIn('quanly', 'motcua-demo');
    await sees(page.locator('.m-user'), /Hoàng Thị Mai · Quản lý/);
    await section('Danh mục thủ tục').click();

    // Before anything is uploaded, the history already holds the demo catalogue loaded by the server.
    const history = page.getByTestId('import-history');
    await sees(history.getByRole('row').nth(1), /demo.*Máy chủ \(dòng lệnh\)/s);

    await page.getByLabel('Tệp danh mục (json, xlsx, csv)').setInputFiles(sheet);
    await sees(page.getByText(/Đã chọn 1 tệp/), /Đã chọn 1 tệp/);
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();

    await sees(page.getByTestId('import-imported'), /^1$/, 15_000);
    await sees(page.getByTestId('import-skipped'), /^1$/);
    await sees(page.getByTestId('import-unchanged'), /^0$/);
    const warnings = page.getByTestId('import-warnings');
    const skippedRow = warnings.getByRole('row').filter({ hasText: '1.999902' });
    await sees(skippedRow, /danh-muc-phuong\.csv:3/);
    await sees(skippedRow, /"Đơn vị thời gian" = "tuần" không hợp lệ/);
    await sees(skippedRow, /Có/);
    await sees(warnings.getByRole('row').filter({ hasText: '1.999901' }), /"buổi chiều" không phải giờ.*Không/s);
    // The good row only warns; "skipped only" leaves the skipped row alone.
    await expect.poll(() => warnings.locator('tbody tr').count()).toBe(2);
    await page.getByTestId('import-report').getByLabel('Chỉ bản ghi bị bỏ qua').check();
    await expect.poll(() => warnings.locator('tbody tr').count()).toBe(1);
    await sees(warnings.locator('tbody tr'), /1\.999902/);

    // The history names the file, the manager and the counts, newest first.
    const newest = history.getByRole('row').nth(1);
    await sees(newest, /danh-muc-phuong\.csv/);
    await sees(newest, /Hoàng Thị Mai/);
    await expect.poll(async () => [await textOf(newest.getByTestId('history-imported')), await textOf(newest.getByTestId('history-skipped')), await textOf(newest.getByTestId('history-unchanged'))]).toEqual(['1', '1', '0']);
    await sees(newest, /\d{2}:\d{2}, (Thứ \S+|Chủ nhật), \d{2}\/\d{2}\/\d{4}/);
  });

  it('opens that import again from the history to review its warnings', async () => {
    // A fresh visit of the section: only the history still knows what was skipped.
    await page.reload();
    await sees(page.getByRole('heading', { level: 1 }), /^Danh mục thủ tục$/);
    expect(await page.getByTestId('import-report').count()).toBe(0);

    const newest = page.getByTestId('import-history').getByRole('row').nth(1);
    await sees(newest, /danh-muc-phuong\.csv/);
    await newest.getByRole('button', { name: /Xem cảnh báo/ }).click();
    const report = page.getByTestId('history-report');
    await sees(report.getByTestId('history-imported'), /^1$/);
    await sees(report.getByTestId('history-skipped'), /^1$/);
    const rows = report.getByTestId('history-warnings').locator('tbody tr');
    await sees(rows.filter({ hasText: '1.999902' }), /"tuần" không hợp lệ/);
    await report.getByLabel('Chỉ bản ghi bị bỏ qua').check();
    await expect.poll(() => rows.count()).toBe(1);
    await sees(rows, /1\.999902/);

    await newest.getByRole('button', { name: 'Ẩn cảnh báo' }).click();
    await expect.poll(() => page.getByTestId('history-report').count()).toBe(0);
  });

  it('shortens the new procedure below its legal time, which saves as version 2', async () => {
    const list = page.getByTestId('procedure-list');
    await sees(list.locator('tr[data-code="1.999901"]'), /Trực tiếp: 5 ngày làm việc/);
    await page.getByRole('button', { name: 'Sửa thủ tục 1.999901' }).click();
    const editor = page.getByRole('dialog');
    await sees(editor.getByTestId('procedure-version'), /Phiên bản 1/);

    const committed = editor.getByRole('group', { name: 'Trực tiếp' }).getByLabel('Thời hạn cam kết (cắt giảm)');
    await committed.fill('7');
    await editor.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await sees(editor.locator('.m-hint'), /Thời hạn cam kết không được dài hơn thời hạn theo quy định/);

    await committed.fill('3');
    // The default steps (40 office hours) no longer fit 3 working days: the editor says so.
    await sees(editor.getByTestId('allowance-total'), /vượt thời hạn 24 giờ làm việc/);
    await editor.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await sees(page.getByRole('status').filter({ hasText: 'Đã lưu thủ tục' }), /Đã lưu thủ tục 1\.999901: Phiên bản 2\./);
    await sees(list.locator('tr[data-code="1.999901"]'), /Trực tiếp: 5 ngày làm việc \(cam kết 3\)/);

    await page.getByRole('button', { name: 'Sửa thủ tục 1.999901' }).click();
    await sees(page.getByRole('dialog').getByTestId('procedure-version'), /Phiên bản 2/);
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy bỏ' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('shows the forms and dossier code settings to the manager without letting her change them', async () => {
    const card = page.getByTestId('dossier-settings');
    await sees(card.getByRole('heading'), /Thông tin trên biểu mẫu và mã hồ sơ/);
    await sees(card, /chỉ quản trị viên được thay đổi/);
    const agency = card.getByLabel('Mã cơ quan tiếp nhận (QCVN 102:2016)');
    expect(await agency.isDisabled()).toBe(true);
    // Nothing set yet: dossier codes start with the centre's code.
    await sees(card.getByTestId('dossier-code-preview'), /^Hồ sơ đầu tiên tiếp nhận hôm nay sẽ có mã: 000\.00\.16\.H26-\d{6}-0001$/);
    expect(await card.getByRole('button', { name: 'Lưu thông tin' }).count()).toBe(0);
  });

  it('lists the holidays of 2026 and takes a worked Saturday in and out', async () => {
    await section('Lịch làm việc').click();
    // The year list spans three years around today; step to 2026 first should today be further away.
    const yearSelect = page.getByRole('combobox', { name: 'Năm' });
    for (let year = Number(await yearSelect.inputValue()); year !== 2026; ) {
      const back = year > 2026;
      year += back ? -1 : 1;
      await page.getByRole('button', { name: back ? 'Năm trước' : 'Năm sau' }).click();
      await expect.poll(() => yearSelect.inputValue()).toBe(String(year));
    }
    await yearSelect.selectOption('2026');
    await sees(page.getByRole('heading', { name: /Ngày nghỉ và ngày làm bù năm 2026/ }), /2026/);
    const days = page.getByTestId('calendar-days');
    await sees(days.locator('tr[data-date="2026-02-17"]'), /Thứ Ba, 17\/02\/2026.*Tết/s);
    await sees(days.locator('tr[data-date="2026-04-27"]'), /Thứ Hai, 27\/04\/2026.*Nghỉ bù/s);

    await page.getByLabel('Ngày', { exact: true }).fill('2026-05-09');
    await page.getByLabel('Loại', { exact: true }).selectOption('swap-work');
    await page.getByLabel('Tên ngày / căn cứ').fill('Làm bù cho ngày nghỉ 30/4 – Công văn số 1234/VPCP-KGVX');
    await page.getByRole('button', { name: 'Thêm điều chỉnh' }).click();
    await sees(page.getByRole('status').filter({ hasText: 'điều chỉnh' }), /Đã lưu điều chỉnh ngày Thứ Bảy, 09\/05\/2026\./);
    const adjustments = page.getByTestId('calendar-adjustments');
    await sees(adjustments.locator('tr[data-date="2026-05-09"]'), /Thứ Bảy, 09\/05\/2026.*Công văn số 1234\/VPCP-KGVX.*Làm bù/s);
    await sees(days.locator('tr[data-date="2026-05-09"]'), /Làm bù.*Điều chỉnh/s);

    await page.getByRole('button', { name: 'Xóa điều chỉnh ngày Thứ Bảy, 09/05/2026' }).click();
    const confirm = page.getByRole('alertdialog');
    await sees(confirm, /Ngày này sẽ trở lại như quy định của luật/);
    await confirm.getByRole('button', { name: 'Xóa' }).click();
    await sees(page.getByRole('status').filter({ hasText: 'điều chỉnh' }), /Đã xóa điều chỉnh ngày Thứ Bảy, 09\/05\/2026\./);
    await sees(page.getByText(/Chưa có điều chỉnh nào/), /Chưa có điều chỉnh nào/);
    expect(await days.locator('tr[data-date="2026-05-09"]').count()).toBe(0);
  });

  it('lets the administrator set the agency code of dossier codes, which stays after a reload', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn('admin', ADMIN_PASSWORD);
    await sees(page.locator('.m-user'), /Quản trị/);
    await section('Danh mục thủ tục').click();
    const card = page.getByTestId('dossier-settings');
    const agency = card.getByLabel('Mã cơ quan tiếp nhận (QCVN 102:2016)');
    const save = card.getByRole('button', { name: 'Lưu thông tin' });

    await agency.fill('000-21-35');
    await save.click();
    await sees(card.locator('.m-hint'), /Chỉ dùng chữ in hoa A–Z, chữ số và dấu chấm/);
    await sees(card.getByRole('alert'), /Vui lòng sửa các ô được đánh dấu đỏ/);

    // Typed in lower case, kept in capitals, as the preview already shows.
    await agency.fill('000.21.35.h26');
    await sees(card.getByTestId('dossier-code-preview'), /sẽ có mã: 000\.21\.35\.H26-\d{6}-0001$/);
    await card.getByLabel('Cơ quan chủ quản (in ở góc trên bên trái biểu mẫu)').fill('ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG');
    await save.click();
    await sees(card.getByRole('status'), /Đã lưu thông tin trên biểu mẫu và mã hồ sơ/);
    expect(await agency.inputValue()).toBe('000.21.35.H26');

    await page.reload();
    await expect.poll(() => page.getByTestId('dossier-settings').getByLabel('Mã cơ quan tiếp nhận (QCVN 102:2016)').inputValue(), { timeout: 8000 }).toBe('000.21.35.H26');
    expect(await page.getByTestId('dossier-settings').getByLabel('Cơ quan chủ quản (in ở góc trên bên trái biểu mẫu)').inputValue()).toBe('ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG');

    // Signed out in another tab: saving says why it failed, in the server's words.
    await page.request.post(`${server.url}/api/v1/auth/logout`);
    const place = page.getByTestId('dossier-settings').getByLabel('Địa danh trên dòng ngày tháng');
    await place.fill('Hà Đông');
    await sees(page.getByTestId('dossier-settings'), /Biểu mẫu in: "Hà Đông, ngày \d{2} tháng \d{1,2} năm \d{4}"/);
    await page.getByTestId('dossier-settings').getByRole('button', { name: 'Lưu thông tin' }).click();
    await sees(page.getByTestId('dossier-settings').getByRole('alert'), /Vui lòng đăng nhập/);
  });
});
