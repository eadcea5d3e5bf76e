/**
 * Citizen satisfaction, end to end in the browser: four dossiers are received and returned today
 * (through the API, as the desk would); one citizen rates hers "Không hài lòng" from the QR on Form 01,
 * another files a complaint about his dossier from the lookup page; the manager answers and publishes
 * it, and the citizen says the answer satisfied him. The manager's 766 indicators and charts move as
 * worked out by hand:
 *
 *   2.1  4 of 4 dossiers finished before their appointment                      = 100 %
 *   5.4  before: 100 − (0 % late + 0 % with a PAKN or a dislike)                = 100 %   (4 / 4)
 *        after:  100 − (0 % late + 2 of 4 with a PAKN (B) or a dislike (A))     =  50 %   (2 / 4)
 *        points: 50 / 90 × 6                                                    = 3,33 / 6
 *   5.1  1 PAKN, category "Thời gian giải quyết"
 *   5.2  answered and published the same day, within every deadline            = 100 %   (1 / 1)
 *   5.3  the sender was satisfied                                               = 100 %   (1 / 1)
 *   chart "by month": dossier ratings A (dissatisfied) and C (very satisfied)   =  50 %   (1/2)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DossierView, ProcedureSummary } from '../src/contracts/dossier';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { call, login, type HallApi } from './support/kiosk-camera';
import { sees } from './support/page-text';
import { E2eServer } from './support/server';

interface Returned {
  code: string;
  /** The address Form 01's QR code encodes: the lookup page with the dossier's token. */
  lookupUrl: string;
}

describe('citizen satisfaction from a returned dossier to the indicators and charts', () => {
  let server: E2eServer;
  let browser: Browser;
  let desk: HallApi;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    desk = { url: server.url, admin: await login(server.url, 'canbo1', 'motcua-demo') };
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

  /** Received at the desk, every step signed off and the result handed over, all today. */
  async function receiveAndReturn(fullName: string): Promise<Returned> {
    const procedures = (await call<{ procedures: ProcedureSummary[] }>(desk, 'GET', '/api/v1/procedures')).procedures;
    let dossier = await call<DossierView>(desk, 'POST', '/api/v1/dossiers', {
      channel: 'direct',
      applicant: { fullName, idNumber: null, address: null, phone: '0987000111', email: null },
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      documentsReceived: [0],
      outcome: 'receive',
    });
    const form01 = await (await fetch(`${server.url}/api/v1/dossiers/${dossier.id}/forms/01`, { headers: { cookie: desk.admin } })).text();
    const lookupUrl = /Tra cứu hồ sơ: (\S+?)<\/p>/.exec(form01)![1]!.replace(/&amp;/g, '&');
    while (dossier.status === 'in-progress') dossier = await call<DossierView>(desk, 'POST', `/api/v1/dossiers/${dossier.id}/actions`, { action: 'finish-step', note: null });
    await call(desk, 'POST', `/api/v1/dossiers/${dossier.id}/actions`, { action: 'return', receivedBy: fullName });
    return { code: dossier.code, lookupUrl };
  }

  async function manager(): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.url}/manage`);
    await page.getByLabel('Tên đăng nhập').fill('quanly');
    await page.getByLabel('Mật khẩu').fill('motcua-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // Signed in once the console's menu shows (the session cookie is set by then).
    await page.getByRole('navigation').getByRole('link', { name: 'Chỉ số 766', exact: true }).waitFor({ timeout: 15_000 });
    return page;
  }

  async function openIndicators(page: Page): Promise<void> {
    await page.goto(`${server.url}/manage#indicators`);
    await page.reload();
    await sees(page.getByRole('heading', { level: 1 }), /^Chỉ số 766$/);
  }

  it('a dossier returned → rated → a PAKN filed and answered → the indicators and charts move as worked out by hand', async () => {
    const [a, b, c] = [await receiveAndReturn('Nguyễn Thị An'), await receiveAndReturn('Trần Văn Bình'), await receiveAndReturn('Lê Thị Cúc')];
    await receiveAndReturn('Phạm Văn Dũng');

    // Before any rating or complaint: every dossier on time and nobody unhappy.
    const boss = await manager();
    await openIndicators(boss);
    await sees(boss.getByTestId('indicator-2.1'), /100 %\s+4 \/ 4\s+20 \/ 20/);
    await sees(boss.getByTestId('indicator-5.4'), /100 %\s+4 \/ 4\s+6 \/ 6/);

    // A rates her dossier from the QR on Form 01: lookup → "Đánh giá" → "Không hài lòng".
    const citizenA = await newPage({ width: 390, height: 844 });
    await citizenA.goto(a.lookupUrl);
    await citizenA.getByTestId('lookup-rate-link').click({ timeout: 15_000 });
    await citizenA.getByTestId('dossier-rating-option').filter({ hasText: 'Không hài lòng' }).click({ timeout: 15_000 });
    await citizenA.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await sees(citizenA.getByTestId('dossier-rating-thanks'), /Cảm ơn ông\/bà đã đánh giá!/);

    // C is very satisfied (the rating link printed for her, sent straight from her phone).
    const token = new URL(c.lookupUrl).searchParams.get('t');
    await call(desk, 'POST', `/api/v1/public/dossier-ratings/${encodeURIComponent(c.code)}`, { token, value: 3, criteria: [], comment: null }, null);

    // B files a complaint about his dossier from the lookup page, with his name and phone.
    const citizenB = await newPage({ width: 390, height: 844 });
    await citizenB.goto(b.lookupUrl);
    await citizenB.getByTestId('lookup-pakn-dossier').click({ timeout: 15_000 });
    await citizenB.getByTestId('pakn-form').waitFor({ timeout: 15_000 });
    await expect.poll(() => citizenB.getByTestId('pakn-dossier').inputValue()).toBe(b.code);
    await citizenB.getByLabel('Phản ánh', { exact: true }).check();
    await citizenB.getByTestId('pakn-category').selectOption('processing-time');
    await citizenB.getByTestId('pakn-content').fill('Hồ sơ của tôi được hẹn 3 ngày nhưng tôi phải đến hỏi hai lần mới biết đã có kết quả.');
    await citizenB.getByTestId('pakn-name').fill('Trần Văn Bình');
    await citizenB.getByTestId('pakn-phone').fill('0912345678');
    await citizenB.getByTestId('pakn-send').click();
    const paknCode = (await citizenB.getByTestId('pakn-code').textContent({ timeout: 15_000 }))!.trim();
    expect(paknCode).toMatch(/^PA-\d{6}-[0-9A-Z]{8}$/);

    // The indicators move: A's dislike and B's complaint take half the dossiers off 5.4.
    await openIndicators(boss);
    await sees(boss.getByTestId('indicator-5.4'), /50 %\s+2 \/ 4\s+3,33 \/ 6/);
    await sees(boss.getByTestId('indicator-5.1'), /\b1\b/);
    await boss.getByTestId('indicator-5.4').getByRole('button', { name: '50 %' }).click();
    const drill = boss.getByRole('dialog');
    for (const code of [a.code, b.code]) await sees(drill.getByTestId('indicator-items'), new RegExp(code.replace(/\./g, '\\.')));
    await sees(drill.getByTestId('indicator-items'), /đánh giá không hài lòng/);
    await sees(drill.getByTestId('indicator-items'), /có PAKN/);
    await drill.getByRole('button', { name: 'Đóng' }).click();

    // The manager assigns, answers and publishes the complaint.
    await boss.goto(`${server.url}/manage#pakn`);
    await boss.reload();
    const row = boss.getByTestId('pakn-list').locator(`tr[data-code="${paknCode}"]`);
    await row.getByRole('button', { name: paknCode }).click({ timeout: 15_000 });
    const detail = boss.getByTestId('pakn-detail');
    await expect.poll(() => boss.getByTestId('pakn-assignee').locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await boss.getByTestId('pakn-assignee').selectOption({ label: 'Trần Văn Minh' });
    await boss.getByTestId('pakn-assign').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('assigned');
    await boss.getByTestId('pakn-answer-text').fill('Trung tâm đã nhắn tin báo kết quả cho công dân từ nay. Xin cảm ơn ông đã phản ánh.');
    await boss.getByTestId('pakn-answer').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('answered');
    await boss.getByTestId('pakn-publish').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('published');

    // B reads the answer by his code and is satisfied with it.
    await citizenB.goto(`${server.url}/phan-anh?code=${paknCode}`);
    await expect.poll(() => citizenB.getByTestId('pakn-status').textContent(), { timeout: 15_000 }).toBe('Đã trả lời và công khai');
    await citizenB.getByRole('button', { name: /^😊 Hài lòng$/ }).click();
    await sees(citizenB.getByTestId('pakn-verdict-done'), /Hài lòng/);

    // 5.2 and 5.3 count the handled complaint; 5.4 still counts the dossier it was about.
    await openIndicators(boss);
    await sees(boss.getByTestId('indicator-5.2'), /100 %\s+1 \/ 1/);
    await sees(boss.getByTestId('indicator-5.3'), /100 %\s+1 \/ 1/);
    await sees(boss.getByTestId('indicator-5.4'), /50 %\s+2 \/ 4/);

    // The charts show the same month: dossier satisfaction 1 of 2 ratings, one complaint about time.
    await boss.getByRole('navigation').getByRole('link', { name: 'Biểu đồ', exact: true }).click();
    const month = boss.getByTestId('chart-monthly');
    await expect.poll(() => month.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await month.getByText('Bảng số liệu').click();
    const now = new Date(Date.now() + 7 * 3_600_000);
    const label = `T${now.getUTCMonth() + 1}/${now.getUTCFullYear()}`;
    await sees(month.getByRole('row', { name: new RegExp(`^${label}\\b`) }), /100 % \(4\/4\).*50 % \(1\/2\)/s);
    const pakn = boss.getByTestId('chart-pakn');
    await expect.poll(() => pakn.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await pakn.getByText('Bảng số liệu').click();
    await sees(pakn.getByRole('row', { name: /^Thời gian giải quyết/ }), /Thời gian giải quyết\s+1\s+0\s+1/);
  });
});
