/**
 * A returned dossier rated by its citizen on a phone: the address in Form 01's QR code opens the
 * lookup page with the dossier's token, which offers "Đánh giá" once the result was handed over; the
 * rating page asks the overall level, optional criteria and a comment, in Vietnamese, thanks, and
 * shows the rating instead of asking again. Without the right token nothing can be rated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CentreInfo } from '../src/contracts/api';
import type { DossierView, ProcedureSummary } from '../src/contracts/dossier';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/browser';
import { call, login } from './support/kiosk-camera';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

describe('a citizen rates a returned dossier from the QR code on Form 01', () => {
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

  async function phone(): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    contexts.push(context);
    return context.newPage();
  }

  it('lookup → Đánh giá → overall, a criterion and a comment → thanks; no second rating; a forged link is refused', async () => {
    // The counter's work, through the API: received, processed, returned.
    const hall = { url: server.url, admin: await login(server.url, 'canbo1', 'motcua-demo') };
    const procedures = (await call<{ procedures: ProcedureSummary[] }>(hall, 'GET', '/api/v1/procedures')).procedures;
    let dossier = await call<DossierView>(hall, 'POST', '/api/v1/dossiers', {
      channel: 'direct',
      applicant: { fullName: 'Lê Văn Cường', idNumber: '001090012345', address: null, phone: '0987000111', email: null },
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      documentsReceived: [0],
      outcome: 'receive',
    });
    // Form 01 is printed at reception: its QR code encodes the lookup address with the token.
    const form01 = await (await fetch(`${server.url}/api/v1/dossiers/${dossier.id}/forms/01`, { headers: { cookie: hall.admin } })).text();
    const qrUrl = /Tra cứu hồ sơ: (\S+?)<\/p>/.exec(form01)![1]!.replace(/&amp;/g, '&');
    expect(qrUrl).toMatch(/\/lookup\?code=.+&t=[A-Za-z0-9_-]{22}$/);

    // Before the result is handed over the lookup page shows progress and offers no rating.
    const citizen = await phone();
    await citizen.goto(qrUrl);
    await expect.poll(() => citizen.getByTestId('lookup-status').textContent(), { timeout: 15_000 }).toContain('đang được giải quyết');
    expect(await citizen.getByTestId('lookup-rate-link').count()).toBe(0);

    while (dossier.status === 'in-progress') dossier = await call<DossierView>(hall, 'POST', `/api/v1/dossiers/${dossier.id}/actions`, { action: 'finish-step', note: null });
    await call(hall, 'POST', `/api/v1/dossiers/${dossier.id}/actions`, { action: 'return', receivedBy: 'Lê Văn Cường' });

    await citizen.goto(qrUrl);
    await expect.poll(() => citizen.getByTestId('lookup-status').textContent(), { timeout: 15_000 }).toContain('Đã trả kết quả');
    await citizen.getByTestId('lookup-rate-link').click();

    // The rating page: overall first, in Vietnamese.
    await citizen.getByRole('heading', { name: 'Đánh giá việc giải quyết hồ sơ' }).waitFor({ timeout: 15_000 });
    expect(await citizen.getByTestId('dossier-rating-code').textContent()).toBe(dossier.code);
    await citizen.getByRole('heading', { name: 'Ông/bà đánh giá chung thế nào về việc giải quyết hồ sơ này?' }).waitFor();
    await citizen.getByTestId('dossier-rating-option').filter({ hasText: 'Hài lòng' }).filter({ hasNotText: 'Rất' }).filter({ hasNotText: 'Không' }).click();
    expect(await citizen.getByTestId('dossier-rating-chosen').textContent()).toBe('Đánh giá chung: Hài lòng');
    // One criterion answered, the others left out; then a comment.
    await citizen.getByRole('radiogroup', { name: 'Thái độ của cán bộ' }).getByRole('radio', { name: 'Rất hài lòng' }).click();
    await citizen.getByLabel('Ý kiến khác').fill('Cán bộ hướng dẫn tận tình, chỉ chờ hơi lâu.');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();

    await citizen.getByTestId('dossier-rating-thanks').waitFor({ timeout: 15_000 });
    const thanks = (await citizen.getByTestId('dossier-rating-thanks').textContent())!;
    expect(thanks).toContain('Cảm ơn ông/bà đã đánh giá!');
    expect(thanks).toContain('Thái độ của cán bộ');
    expect(thanks).toContain('Cán bộ hướng dẫn tận tình, chỉ chờ hơi lâu.');
    expect(await citizen.getByTestId('dossier-rating-overall').textContent()).toBe('Hài lòng');

    // Opened again: the rating is shown, nothing is asked.
    await citizen.reload();
    await citizen.getByTestId('dossier-rating-thanks').waitFor({ timeout: 15_000 });
    expect(await citizen.getByTestId('dossier-rating-option').count()).toBe(0);

    // The officer sees what the citizen said.
    const seen = await call<{ rating: { value: number; reportsAs: string; source: string; criteria: unknown[]; comment: string } }>(hall, 'GET', `/api/v1/dossiers/${dossier.id}/rating`);
    expect(seen.rating).toMatchObject({ value: 2, reportsAs: 'satisfied', source: 'lookup', criteria: [{ key: 'attitude', value: 3, reportsAs: 'very-satisfied' }] });

    // The code alone, with a made-up token, opens nothing.
    const forger = await phone();
    await forger.goto(`${server.url}/danh-gia?code=${encodeURIComponent(dossier.code)}&t=AAAAAAAAAAAAAAAAAAAAAA`);
    await forger.getByTestId('dossier-rating-error').waitFor({ timeout: 15_000 });
    expect(await forger.getByTestId('dossier-rating-error').textContent()).toContain('Đường dẫn đánh giá không đúng');
  });

  it('the rating screen at the return counter asks about the dossier just handed over; the comment is typed on its own keyboard', async () => {
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const officer = { url: server.url, admin: await login(server.url, 'canbo1', 'motcua-demo') };
    const info = await call<CentreInfo>({ url: server.url, admin }, 'GET', '/api/v1/centre');
    const counter1 = info.counters.find((c) => c.number === 1)!;

    // The screen facing the citizen at counter 1, paired by the admin.
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const screen = await context.newPage();
    await screen.goto(`${server.url}/rate`);
    const code = (await screen.getByTestId('pairing-code').textContent({ timeout: 30_000 }))!.trim();
    await call({ url: server.url, admin }, 'POST', '/api/v1/devices/confirm', { code, counterId: counter1.id });
    await expect.poll(() => screen.locator('body').textContent(), { timeout: 20_000 }).toContain('Kính chào ông/bà!');

    // The officer works at counter 1 and hands a result over there.
    await call(officer, 'POST', `/api/v1/counters/${counter1.id}/open`);
    const procedures = (await call<{ procedures: ProcedureSummary[] }>(officer, 'GET', '/api/v1/procedures')).procedures;
    let dossier = await call<DossierView>(officer, 'POST', '/api/v1/dossiers', {
      channel: 'direct',
      applicant: { fullName: 'Phạm Thị Dung', idNumber: null, address: null, phone: null, email: null },
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      documentsReceived: [0],
      outcome: 'receive',
    });
    while (dossier.status === 'in-progress') dossier = await call<DossierView>(officer, 'POST', `/api/v1/dossiers/${dossier.id}/actions`, { action: 'finish-step', note: null });
    await call(officer, 'POST', `/api/v1/dossiers/${dossier.id}/actions`, { action: 'return', receivedBy: 'Phạm Thị Dung' });

    // The screen asks about that dossier at once.
    await screen.getByRole('heading', { name: 'Ông/bà đánh giá chung thế nào về việc giải quyết hồ sơ này?' }).waitFor({ timeout: 20_000 });
    expect(await screen.locator('body').textContent()).toContain(dossier.code);
    await screen.getByTestId('dossier-rating-option').filter({ hasText: 'Rất hài lòng' }).click();
    await screen.getByRole('radiogroup', { name: 'Kết quả giải quyết' }).getByRole('radio', { name: 'Rất hài lòng' }).click();
    await screen.getByRole('button', { name: 'Viết ý kiến' }).click();
    for (const key of ['t', 'ô', 't']) await screen.locator('.dr-key', { hasText: new RegExp(`^${key}$`) }).click();
    await screen.getByRole('button', { name: 'dấu sắc' }).click();
    expect(await screen.getByTestId('dossier-rating-comment').inputValue()).toBe('tốt');
    await screen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => screen.locator('body').textContent(), { timeout: 10_000 }).toContain('Cảm ơn ông/bà!');

    const seen = await call<{ rating: Record<string, unknown> }>(officer, 'GET', `/api/v1/dossiers/${dossier.id}/rating`);
    expect(seen.rating).toMatchObject({ value: 3, reportsAs: 'very-satisfied', source: 'counter', comment: 'tốt', criteria: [{ key: 'result', value: 3, reportsAs: 'very-satisfied' }] });
  });
});
