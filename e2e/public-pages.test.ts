/**
 * A citizen on a phone, without signing in (headless Chromium against the real server, demo ward plus
 * real national records imported by the manager): from the lookup page to the procedure catalogue,
 * searching "khai sinh" without diacritics finds the everyday birth registration first, its page shows
 * documents, times, fee, forms and where to submit; then the centre's published results, the same
 * figures as the results endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreInfo, IssuedTicket } from '../src/contracts/api';
import type { PublicResults } from '../src/contracts/public';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';
import { sees } from './support/page-text';

const RECORDS = join(new URL('..', import.meta.url).pathname, '../shared/data/tthc/records/bo-tu-phap');
const CODES = ['1.000110', '1.001193', '1.003583', '1.004884', '2.000528', '2.000635'];

describe('the public catalogue and results pages', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await E2eServer.start();
    // The manager imports the national records, as in /manage → Danh mục thủ tục.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quanly', password: 'motcua-demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const files = CODES.map((code) => ({ name: `${code}.json`, contentBase64: readFileSync(join(RECORDS, `${code}.json`)).toString('base64') }));
    const imported = await fetch(`${server.url}/api/v1/manage/catalogue/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ files }),
    });
    expect(imported.status).toBe(200);
    // The centre commits to 3 working days instead of the 5 the law allows for the mobile registration.
    const call = async (method: string, path: string, body: unknown, as = cookie) => {
      const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: { 'content-type': 'application/json', cookie: as }, body: body === undefined ? null : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as any };
    };
    const found = await call('GET', '/procedures?q=1.003583', undefined);
    const detail = (await call('GET', `/procedures/${found.json.procedures[0].id}`, undefined)).json;
    const edit = await call('PUT', `/manage/procedures/${detail.id}`, {
      name: detail.current.name,
      fieldName: detail.fieldName,
      fieldId: detail.fieldId,
      active: true,
      rules: detail.current.rules.map((r: { channel: string }) => (r.channel === 'direct' ? { ...r, committedAmount: 3 } : r)),
      documents: detail.current.documents,
      steps: detail.current.steps,
      cutoff: detail.current.cutoff,
    });
    expect(edit.status).toBe(200);
    // An officer receives one dossier today.
    const officer = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'canbo1', password: 'motcua-demo' }),
    });
    const officerCookie = (officer.headers.get('set-cookie') ?? '').split(';')[0]!;
    const marriage = (await call('GET', '/procedures?q=1.004873', undefined, officerCookie)).json.procedures[0].id;
    const received = await call(
      'POST',
      '/dossiers',
      { channel: 'direct', applicant: { fullName: 'Nguyễn Văn An', idNumber: '001085012345', address: '12 Hàng Bạc', phone: '0912345678', email: null }, procedureId: marriage, documentsReceived: [0], outcome: 'receive' },
      officerCookie,
    );
    expect(received.status).toBe(201);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 860 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('finds "khai sinh" typed without diacritics and opens the everyday procedure', async () => {
    await page.goto(`${server.url}/lookup`);
    await page.getByTestId('lookup-catalogue-link').click();
    await page.waitForURL(/\/thu-tuc$/);
    await sees(page.getByRole('heading', { level: 1 }), /Thủ tục hành chính/);
    await sees(page.locator('.pub-group h2'), /\S/);

    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('khai sinh');
    await sees(page.getByRole('status'), /Tìm thấy \d+ thủ tục/);
    const items = page.getByTestId('procedure-item');
    await sees(items, /^Thủ tục đăng ký khai sinh\n1\.001193/);
    expect(await items.count()).toBeGreaterThanOrEqual(5);
    expect(page.url()).toContain('q=khai+sinh');

    await items.first().click();
    const detail = page.getByTestId('procedure-detail');
    await sees(detail.getByRole('heading', { level: 2 }), /^Thủ tục đăng ký khai sinh$/);
    expect(page.url()).toContain('ma=1.001193');
    await sees(detail.getByTestId('procedure-times'), /Trực tiếp\s+Trong ngày\s+Trong ngày\s+Miễn phí/);
    await sees(detail, /Hồ sơ nhận sau 15:00 được trả kết quả trong ngày làm việc tiếp theo/);
    await sees(detail.getByTestId('procedure-documents'), /Tờ khai đăng ký khai sinh theo mẫu[\s\S]*\t1\t0/);
    await sees(detail.getByTestId('procedure-forms'), /Tờ khai đăng ký khai sinh theo mẫu[\s\S]*chưa có tệp để tải về/);
    await sees(detail, /Nộp trực tiếp tại/);
    await sees(detail, /Căn cứ pháp lý[\s\S]*123\/2015\/NĐ-CP/);

    // The fee in đồng, Vietnamese grouping.
    await page.getByRole('button', { name: /Quay lại danh sách/ }).click();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('trich luc ho tich');
    await sees(items, /^Cấp bản sao Trích lục hộ tịch/);
    await items.first().click();
    await sees(page.getByTestId('procedure-fee'), /^8\.000 đồng$/);

    // English on request.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await sees(page.getByTestId('procedure-detail'), /Documents to submit/);
    await sees(page.getByTestId('procedure-fee'), /^8,000 dong$/);
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });

  it('shows the published results, the same figures as the results endpoint', async () => {
    await page.goto(`${server.url}/ket-qua`);
    await sees(page.getByRole('heading', { level: 1 }), /Kết quả giải quyết thủ tục hành chính/);
    const api = (await (await fetch(`${server.url}/api/v1/public/results`)).json()) as PublicResults;
    const month = page.getByTestId('results-month');
    const year = page.getByTestId('results-year');
    await sees(month.getByRole('heading'), new RegExp(`^${api.periods[0]!.labelVi.replace('/', '\\/')}$`));
    await sees(year.getByRole('heading'), /^Năm \d{4}$/);
    const percent = (v: number | null) => (v === null ? '—' : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v)}%`);
    await sees(month.getByTestId('on-time'), new RegExp(`^${percent(api.periods[0]!.onTime.value)}$`));
    await sees(year.getByTestId('satisfaction'), new RegExp(`^${percent(api.periods[1]!.satisfaction.value)}$`));
    await sees(year.getByTestId('received'), new RegExp(`^${api.periods[1]!.received}$`));
    // One dossier received today, within its time.
    expect(api.periods[1]!.received).toBe(1);
    await sees(year.getByTestId('on-time'), /^100%$/);
    await sees(year, /1\/1 hồ sơ \(chỉ số 2\.1\)/);
    const shortened = page.getByTestId('results-shortened');
    await sees(shortened, /Thủ tục được cắt giảm thời gian giải quyết/);
    expect(api.shortened).toMatchObject({ count: 1, averageReductionPercent: 40 });
    const share = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(api.shortened.sharePercent!);
    await sees(shortened, new RegExp(`1/${api.shortened.procedures} thủ tục \\(${share}%\\) được rút ngắn thời gian so với quy định · Bình quân rút ngắn 40%`));
    await sees(shortened.getByRole('row').nth(1), /Thủ tục đăng ký khai sinh lưu động[\s\S]*5 ngày làm việc\s+3 ngày làm việc\s+40%/);
    await page.getByRole('link', { name: 'Danh mục thủ tục hành chính' }).click();
    await page.waitForURL(/\/thu-tuc$/);
  });

  it('shows the results on the hall board when the hall is quiet, and the calls again at the next call', async () => {
    const board = await browser.context.newPage();
    // The board's own clock, moved by hand: the hall is quiet after 2 minutes without a call.
    await board.clock.install();
    await board.goto(`${server.url}/display`);
    const code = (await board.getByTestId('pairing-code').textContent({ timeout: 30_000 }))!.trim();
    const json = { 'content-type': 'application/json' };
    const login = async (username: string, password: string) => {
      const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    };
    const admin = await login('admin', ADMIN_PASSWORD);
    const confirmed = await fetch(`${server.url}/api/v1/devices/confirm`, { method: 'POST', headers: { ...json, cookie: admin }, body: JSON.stringify({ code, name: 'Màn hình sảnh' }) });
    expect(confirmed.status).toBeLessThan(300);
    await board.getByTestId('board').waitFor({ timeout: 30_000 });
    await board.clock.fastForward('01:00');
    expect(await board.getByTestId('results-slide').count()).toBe(0);
    await board.clock.fastForward('01:30');
    await sees(board.getByTestId('results-slide'), /KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/, 15_000);
    await sees(board.getByTestId('slide-on-time-year'), /^100%$/);
    await sees(board.getByTestId('results-slide'), /Thủ tục đăng ký khai sinh lưu động\s*5 ngày làm việc → 3 ngày làm việc \(−40%\)/);

    // A citizen takes a number and is called: the board shows the call at once.
    const officer = await login('canbo1', 'motcua-demo');
    const centre = (await (await fetch(`${server.url}/api/v1/centre`, { headers: { cookie: officer } })).json()) as CentreInfo;
    const counter = centre.counters.find((c) => c.number === 1)!;
    const post = (path: string, body?: unknown) =>
      fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { ...json, cookie: officer }, body: body === undefined ? null : JSON.stringify(body) });
    expect((await post(`/counters/${counter.id}/open`)).status).toBeLessThan(300);
    const issued = (await (await post('/tickets', { fieldId: centre.fields.find((f) => f.code === 'HT')!.id })).json()) as IssuedTicket;
    expect((await post(`/counters/${counter.id}/call-next`)).status).toBeLessThan(300);
    await expect.poll(() => board.getByTestId('current-number').textContent(), { timeout: 15_000 }).toBe(issued.ticket.displayNumber);
    expect(await board.getByTestId('results-slide').count()).toBe(0);
    await board.close();
  });

  it('gives a guidance ticket a QR code to the catalogue', async () => {
    // The kiosk is a PC of its own (its own profile and device cookie).
    const kioskBrowser = await launchBrowser();
    try {
      const kiosk = await kioskBrowser.context.newPage();
      await kiosk.setViewportSize({ width: 1080, height: 1920 });
      await kiosk.goto(`${server.url}/kiosk`);
      const code = (await kiosk.getByTestId('pairing-code').textContent({ timeout: 30_000 }))!.trim();
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      const admin = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      await fetch(`${server.url}/api/v1/devices/confirm`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin }, body: JSON.stringify({ code, name: 'Kiosk sảnh' }) });

      await kiosk.locator('main[data-state="attract"]').waitFor({ timeout: 30_000 });
      await kiosk.locator('body').click();
      await kiosk.locator('.kiosk-tile').filter({ hasText: 'Hộ tịch' }).click();
      await kiosk.getByTestId('ticket-number').waitFor({ timeout: 15_000 });
      expect(await kiosk.getByTestId('catalogue-qr').count()).toBe(0);
      await kiosk.getByRole('button', { name: 'Xong' }).click();

      // Back on the welcome screen, a touch wakes it again (retried while it is still settling).
      await kiosk.locator('main[data-state="attract"]').waitFor({ timeout: 30_000 });
      await expect
        .poll(
          async () => {
            if ((await kiosk.locator('.kiosk-tile').count()) === 0) await kiosk.locator('body').click();
            return kiosk.locator('.kiosk-tile').count();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBeGreaterThan(0);
      await kiosk.locator('.kiosk-tile').filter({ hasText: 'Hướng dẫn' }).click();
      await sees(kiosk.getByTestId('catalogue-qr'), /Quét mã để xem thủ tục, giấy tờ cần chuẩn bị/, 15_000);
      expect(await kiosk.getByRole('img', { name: 'Quét mã để xem thủ tục, giấy tờ cần chuẩn bị' }).locator('svg').count()).toBe(1);
    } finally {
      await kioskBrowser.close();
    }
  });
});
