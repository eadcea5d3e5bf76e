/**
 * The director reads the quarter's 9-indicator evaluation in /manage, in headless Chromium against
 * the real server (demo ward, fresh embedded database, the real clock): a dossier received, handled
 * and returned through the API this quarter shows in the units' table; the manager types the unit's
 * self-scores (a wrong one is refused in Vietnamese), saves them, opens the dossiers behind the row
 * and downloads the workbook.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { E2eServer } from './support/server';
import { sees } from './support/page-text';

describe('the 9-indicator evaluation in the management console', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  let code: string;

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();

    // An officer receives a dossier, signs its five steps and returns the result, through the API.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'canbo1', password: 'motcua-demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const procedures = (await call('GET', '/procedures')).procedures as { id: string; code: string }[];
    const dossier = await call('POST', '/dossiers', {
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      channel: 'direct',
      applicant: { fullName: 'Phạm Văn Công', idNumber: null, address: null, phone: null, email: null },
      documentsReceived: [0],
      outcome: 'receive',
    });
    code = dossier.code;
    for (let i = 0; i < 5; i++) await call('POST', `/dossiers/${dossier.id}/actions`, { action: 'finish-step', note: null });
    await call('POST', `/dossiers/${dossier.id}/actions`, { action: 'return', receivedBy: 'Phạm Văn Công' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows the units of the quarter, saves their self-scores and refuses a wrong one', async () => {
    await page.goto(`${server.url}/manage#evaluation`);
    await page.getByLabel('Tên đăng nhập').fill('quanly');
    await page.getByLabel('Mật khẩu').fill('motcua-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Đánh giá 9 chỉ số$/);

    const table = page.getByTestId('evaluation-table');
    const unit = table.getByTestId('evaluation-row-Bộ phận Một cửa');
    // One dossier; indicator 4 (only the one-stop counter contacted) and 6 (published) score 2.
    await sees(unit.locator('td').nth(0), /^1$/);
    await sees(unit.locator('td').nth(1 + 3 * 3), /^2$/);
    await sees(unit.locator('td').nth(1 + 5 * 3), /^2$/);
    await sees(table.getByTestId('evaluation-row-Toàn cơ quan'), /Toàn cơ quan/);

    const selfScore = (indicator: number) => unit.getByLabel(`Chỉ số ${indicator} – Tự chấm`);
    await selfScore(1).fill('2,5');
    await unit.getByRole('button', { name: 'Lưu điểm' }).click();
    await sees(page.locator('.m-form-error'), /chỉ số 1, điểm tự chấm: điểm phải từ 0 đến 2/);

    for (let i = 1; i <= 9; i++) await selfScore(i).fill(i === 2 ? '1,5' : '2');
    await unit.getByRole('button', { name: 'Lưu điểm' }).click();
    await sees(page.locator('.m-notice'), /Đã lưu điểm của Bộ phận Một cửa\./);
    // 8 × 2 + 1,5 = 17,5: Xuất sắc, kept after a reload.
    await page.reload();
    await expect.poll(() => selfScore(2).inputValue(), { timeout: 8000 }).toBe('1,5');
    await sees(unit, /17,5/);
    await sees(unit, /Xuất sắc/);
  });

  it('opens the dossiers behind a row and offers the workbook', async () => {
    const unit = page.getByTestId('evaluation-table').getByTestId('evaluation-row-Bộ phận Một cửa');
    await unit.getByRole('button', { name: 'Bộ phận Một cửa' }).click();
    const dialog = page.getByRole('dialog');
    await sees(dialog.getByRole('heading'), /Hồ sơ được đánh giá: Bộ phận Một cửa/);
    await sees(dialog.getByTestId('evaluation-dossiers'), new RegExp(code.replace(/\./g, '\\.')));
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    const href = await page.getByTestId('evaluation-xlsx').getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/manage\/evaluation\.xlsx\?quarter=\d{4}-Q[1-4]&by=unit$/);
    const download = await page.request.get(`${server.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
  });
});
