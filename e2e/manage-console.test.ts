/**
 * The centre's administrator sets up the hall in /manage, in headless Chromium against the real
 * server: a new field with a number block and opening hours, a counter serving it, screens paired by
 * their code (the kind of screen read from the code), a printer moved to another address, then the
 * KPI overview with the live hall. Tickets and the display's pairing
 * request go through the API, the way the kiosk and the board's own screen would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';
import { sees } from './support/page-text';

interface CentreShape {
  fields: { id: string; code: string; blockStart: number | null; blockEnd: number | null; openingHours: unknown }[];
  counters: { id: string; number: number; name: string; fields: { fieldId: string; weight: number }[] }[];
}

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

describe('the management console', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  let adminCookie: string;

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    adminCookie = (await call(server.url, 'POST', '/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).cookie!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const section = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const dialog = () => page.getByRole('dialog');

  it('signs the administrator in and opens on the overview', async () => {
    await page.goto(`${server.url}/manage`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('wrong-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await sees(page.getByRole('alert'), /Tên đăng nhập hoặc mật khẩu không đúng/);

    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await sees(page.getByRole('heading', { level: 1 }), /^Tổng quan$/);
    await sees(page.locator('.m-user'), /Quản trị/);
  });

  it('creates a field with a number block and opening hours, pointing out mistakes first', async () => {
    await section('Lĩnh vực').click();
    await page.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    const form = dialog();
    await form.getByLabel('Mã', { exact: true }).fill('HT');
    await form.getByLabel('Tên tiếng Việt').fill('Tư pháp – Hòa giải');
    await form.getByLabel('Tên tiếng Anh').fill('Justice and mediation');
    await form.getByLabel('Số đầu').fill('1500');
    await form.getByLabel('Số cuối').fill('8999');
    await form.getByRole('button', { name: 'Lưu' }).click();
    // The block overlaps the demo's civil-status field: said next to the input, nothing sent.
    await sees(form.locator('.m-hint'), /Trùng với dãy số của lĩnh vực "Hộ tịch"/);

    await form.getByLabel('Số đầu').fill('8001');
    await sees(form.locator('.m-preview'), /Số đầu tiên trong ngày: 8001.*Phát tối đa 999 số mỗi ngày/);
    await form.getByRole('button', { name: 'Thêm khung giờ' }).click();
    const window1 = form.getByRole('group', { name: 'Khung giờ 1' });
    await window1.getByLabel('T6').uncheck();
    await form.getByLabel('Đến', { exact: true }).fill('11:00');
    await form.getByRole('button', { name: 'Lưu' }).click();
    // The code HT is taken: the server's message, in Vietnamese, shows in the form.
    await sees(form.getByRole('alert'), /Mã lĩnh vực "HT" đã tồn tại/);

    await form.getByLabel('Mã', { exact: true }).fill('TP');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await sees(page.getByRole('status'), /Đã thêm lĩnh vực "Tư pháp – Hòa giải"/);
    const row = page.getByTestId('fields-table').getByRole('row').filter({ hasText: 'Tư pháp – Hòa giải' });
    await sees(row, /TP/);
    await sees(row, /8001–8999/);
    await sees(row, /T2–T5 07:30–11:00/);
    await sees(row, /Chưa có quầy/);

    const { data: centre } = await call<CentreShape>(server.url, 'GET', '/api/v1/centre', undefined, adminCookie);
    const saved = centre.fields.find((f) => f.code === 'TP');
    expect(saved).toMatchObject({ blockStart: 8001, blockEnd: 8999, openingHours: [{ days: [1, 2, 3, 4], from: '07:30', until: '11:00' }] });
  });

  it('creates a counter serving the new field', async () => {
    await section('Quầy').click();
    await page.getByRole('button', { name: 'Thêm quầy' }).click();
    const form = dialog();
    await expect.poll(() => form.getByLabel('Số quầy').inputValue()).toBe('7');
    await form.getByLabel('Tên quầy').fill('Quầy 7 – Tư pháp');
    await form.getByLabel('Phục vụ Tư pháp – Hòa giải').check();
    await form.getByLabel('Trọng số của Tư pháp – Hòa giải').fill('10');
    await form.getByLabel('Phục vụ Hộ tịch').check();
    await form.getByLabel('Trọng số của Hộ tịch').fill('2');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog().count()).toBe(0);

    const row = page.getByTestId('counters-table').getByRole('row').filter({ hasText: 'Quầy 7 – Tư pháp' });
    await sees(row, /Tư pháp – Hòa giải\s*10/);
    await sees(row, /Hộ tịch\s*2/);
    // The fields list now names the counter serving the new field.
    await section('Lĩnh vực').click();
    await sees(page.getByTestId('fields-table').getByRole('row').filter({ hasText: 'Tư pháp – Hòa giải' }), /\b7\b/);
  });

  it('pairs screens by their code, the kind of screen read from the code itself', async () => {
    const open = async (kind: 'kiosk' | 'display' | 'rating') =>
      (await call<{ pairingId: string; code: string; secret: string }>(server.url, 'POST', '/api/v1/devices/pairing', { kind })).data;
    const board = await open('display');
    const rating = await open('rating');
    const kiosk = await open('kiosk');
    await section('Thiết bị').click();
    await sees(page.getByTestId('devices-table').or(page.getByText('Chưa có màn hình nào được ghép nối.')), /Chưa có màn hình/);

    const pairing = page.getByRole('form', { name: 'Ghép nối màn hình mới' });
    const code = pairing.getByLabel('Mã ghép nối');
    const detected = pairing.getByTestId('pairing-detected');
    const kindRadio = (name: RegExp) => pairing.getByRole('group', { name: 'Loại màn hình' }).getByRole('radio', { name });
    const confirm = pairing.getByRole('button', { name: 'Xác nhận ghép nối' });

    // Until six digits are in, nothing is asked and no kind is ticked.
    await code.fill('12345');
    await sees(detected, /Nhập đủ 6 chữ số/);
    expect(await kindRadio(/Màn hình đánh giá/).isChecked()).toBe(false);
    await confirm.click();
    await sees(pairing.locator('.m-hint'), /Mã gồm 6 chữ số/);

    // A code no screen shows: the server's message, as soon as the sixth digit is typed.
    const wrong = ['111111', '222222', '333333'].find((c) => ![board.code, rating.code, kiosk.code].includes(c))!;
    await code.fill(wrong);
    await sees(pairing.locator('.m-hint'), /Mã ghép nối không đúng hoặc đã được dùng/);

    // A rating screen: recognised by itself, and its counter becomes a required choice.
    await code.fill(rating.code.replace(/(\d{3})(\d{3})/, '$1 $2'));
    await sees(detected, /Màn hình đánh giá đang chờ ghép nối/);
    await expect.poll(() => kindRadio(/Màn hình đánh giá/).isChecked()).toBe(true);
    expect(await kindRadio(/Màn hình gọi số/).isDisabled()).toBe(true);
    expect(await pairing.getByLabel('Máy in phiếu').count()).toBe(0);
    await confirm.click();
    await sees(pairing.locator('.m-hint'), /Màn hình đánh giá phải gắn với một quầy/);
    await pairing.getByLabel('Quầy *').selectOption({ label: '7 – Quầy 7 – Tư pháp' });
    await pairing.getByLabel('Tên thiết bị').fill('Đánh giá quầy 7');
    await confirm.click();
    await sees(pairing.getByRole('status'), /Đã ghép nối Màn hình đánh giá "Đánh giá quầy 7"/);
    await sees(page.getByTestId('devices-table').getByRole('row').filter({ hasText: 'Đánh giá quầy 7' }), /Quầy 7/);

    // A kiosk: the printer choice appears instead of the counter.
    await code.fill(kiosk.code);
    await sees(detected, /Máy lấy số đang chờ ghép nối/);
    await expect.poll(() => pairing.getByLabel('Máy in phiếu').count()).toBe(1);
    expect(await pairing.getByLabel('Quầy *').count()).toBe(0);

    // The display board: only a name.
    await code.fill(board.code);
    await sees(detected, /Màn hình gọi số đang chờ ghép nối/);
    await expect.poll(() => kindRadio(/Màn hình gọi số/).isChecked()).toBe(true);
    expect(await pairing.getByLabel('Quầy *').count()).toBe(0);
    expect(await pairing.getByLabel('Máy in phiếu').count()).toBe(0);
    await pairing.getByLabel('Tên thiết bị').fill('Màn hình sảnh chính');
    await confirm.click();
    await sees(pairing.getByRole('status'), /Đã ghép nối Màn hình gọi số "Màn hình sảnh chính"/);
    const row = page.getByTestId('devices-table').getByRole('row').filter({ hasText: 'Màn hình sảnh chính' });
    await sees(row, /Màn hình gọi số/);
    await sees(row, /Đang dùng/);

    // The board's own screen now collects its token.
    const { data: claim } = await call<{ status: string }>(server.url, 'POST', `/api/v1/devices/pairing/${board.pairingId}/claim`, { secret: board.secret });
    expect(claim.status).toBe('paired');

    // The same code cannot be used twice: the server says so next to the code, and nothing is sent.
    await code.fill(board.code);
    await sees(pairing.locator('.m-hint'), /Mã ghép nối không đúng hoặc đã được dùng/);
    await confirm.click();
    await sees(pairing.locator('.m-hint'), /Mã ghép nối không đúng hoặc đã được dùng/);
    expect(await pairing.getByRole('status').count()).toBe(0);
  });

  it('adds a printer and moves it to another address', async () => {
    const add = page.getByRole('form', { name: 'Thêm máy in' });
    await add.getByLabel('Tên máy in').fill('Máy in sảnh');
    await add.getByLabel('Địa chỉ IP').fill('192.168.1.50');
    await add.getByRole('button', { name: 'Thêm máy in' }).click();
    const row = page.getByTestId('printers-table').getByRole('row').filter({ hasText: 'Máy in sảnh' });
    await sees(row, /192\.168\.1\.50:9100\s*80 mm/);

    await page.getByRole('button', { name: 'Sửa Máy in sảnh' }).click();
    const form = dialog();
    await form.getByLabel('Địa chỉ IP').fill('192.168.1.61');
    await form.getByLabel('Cổng').fill('70000');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await sees(form.locator('.m-hint'), /Cổng từ 1 đến 65535/);
    await form.getByLabel('Cổng').fill('9101');
    await form.getByLabel('58 mm').check();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await sees(row, /192\.168\.1\.61:9101\s*58 mm/);
    await sees(page.locator('section[aria-labelledby="m-printers"]').getByRole('status'), /Đã lưu thiết bị "Máy in sảnh"/);

    const { data } = await call<{ devices: { kind: string; name: string; host: string; port: number; paperWidthMm: number }[] }>(
      server.url,
      'GET',
      '/api/v1/manage/devices',
      undefined,
      adminCookie,
    );
    expect(data.devices.find((d) => d.kind === 'printer')).toMatchObject({ name: 'Máy in sảnh', host: '192.168.1.61', port: 9101, paperWidthMm: 58 });
  });

  it('shows the KPIs of the day and the live hall', async () => {
    const { data: centre } = await call<CentreShape>(server.url, 'GET', '/api/v1/centre', undefined, adminCookie);
    const civil = centre.fields.find((f) => f.code === 'HT')!;
    await call(server.url, 'POST', '/api/v1/tickets', { fieldId: civil.id }, adminCookie);

    await section('Tổng quan').click();
    const totals = page.getByTestId('kpi-totals');
    await sees(totals, /Số đã phát\s*1\b/);
    await sees(totals, /Đã phục vụ xong\s*0\b/);
    await sees(page.getByTestId('kpi-report').getByRole('row').filter({ hasText: 'Hộ tịch' }), /Hộ tịch\s+1\s+0\s+0\s+0/);
    const waiting = page.getByTestId('live-waiting').getByRole('listitem').filter({ hasText: 'Hộ tịch' });
    await sees(waiting, /Hộ tịch\s*1$/);
    await sees(page.getByTestId('live-counters'), /Quầy 7\s*Đóng/);

    // A citizen takes a number while the manager watches: the live strip follows without a reload.
    await call(server.url, 'POST', '/api/v1/tickets', { fieldId: civil.id }, adminCookie);
    await sees(waiting, /Hộ tịch\s*2$/);

    // A past day with no activity.
    await page.getByRole('button', { name: 'Hôm qua' }).click();
    await sees(totals, /Số đã phát\s*0\b/);
    await sees(page.getByTestId('kpi-report'), /Không có dữ liệu trong khoảng thời gian này/);
  });

  it('keeps the units an inspection or a self-evaluation is about, and opens only oversight to an inspector', async () => {
    await section('Đơn vị').click();
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await dialog().getByLabel('Mã').fill('CA-PHUONG');
    await dialog().getByLabel('Tên đơn vị').fill('Công an phường Hà Đông');
    await dialog().getByLabel('Loại').selectOption({ label: 'Cơ quan, đơn vị khác' });
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await sees(page.getByRole('status'), /Đã lưu đơn vị Công an phường Hà Đông/);
    await sees(page.getByTestId('units-table'), /CA-PHUONG\s*Công an phường Hà Đông\s*Cơ quan, đơn vị khác\s*0/);

    // The province's inspector: the centre's running (queue, devices, settings) is not theirs.
    const inspector = await launchBrowser();
    try {
      const inspectorPage = await inspector.context.newPage();
      await inspectorPage.goto(`${server.url}/manage`);
      await inspectorPage.getByLabel('Tên đăng nhập').fill('thanhtra');
      await inspectorPage.getByLabel('Mật khẩu').fill('motcua-demo');
      await inspectorPage.getByRole('button', { name: 'Đăng nhập' }).click();
      await sees(inspectorPage.getByRole('heading', { level: 1 }), /^Kiểm tra CCHC$/);
      const links = await inspectorPage.getByRole('navigation').getByRole('link').allInnerTexts();
      expect(links).toEqual(['Kiểm tra CCHC', 'Tự đánh giá, thẩm định', 'Báo cáo CCHC', 'Quy trình ISO', 'Rà soát thủ tục', 'Đơn vị']);
      await inspectorPage.goto(`${server.url}/manage#settings`);
      await inspectorPage.reload();
      await sees(inspectorPage.getByRole('heading', { level: 1 }), /^Kiểm tra CCHC$/);
    } finally {
      await inspector.close();
    }
  });
});
