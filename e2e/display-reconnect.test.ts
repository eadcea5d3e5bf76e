/**
 * The hall board survives a server restart: it shows a call, loses its stream while the server is
 * down, reconnects by itself, and shows the next call without a page reload and without listing
 * any call twice.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CentreInfo, IssuedTicket, TicketView } from '../src/contracts/api';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

describe('display board across a server restart', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /**
   * One HTTP request on a fresh connection: a pooled keep-alive socket to the server that was just
   * stopped would fail the first request after the restart for a reason that has nothing to do
   * with the board.
   */
  const send = (method: string, path: string, cookie: string | null, body?: unknown) =>
    new Promise<{ status: number; text: string; cookies: string[] }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(
        `${server.url}${path}`,
        {
          method,
          agent: false,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, cookies: res.headers['set-cookie'] ?? [] }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  /** A signed-in person's cookie header. */
  const login = async (username: string, password: string): Promise<string> => {
    const res = await send('POST', '/api/v1/auth/login', null, { username, password });
    expect(res.status, `login ${username}: ${res.text}`).toBe(200);
    return res.cookies.map((c) => c.split(';')[0]).join('; ');
  };

  const call = async <T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await send(method, path, cookie, body);
    expect(res.status < 300, `${method} ${path}: ${res.status} ${res.text}`).toBe(true);
    return (res.text ? JSON.parse(res.text) : null) as T;
  };

  const recentNumbers = async () => page.getByTestId('recent-call').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));

  it('shows calls made before and after a restart, each once, without reloading', async () => {
    // Pair the board: it shows a code, the admin confirms it through the API.
    await page.goto(`${server.url}/display`);
    const code = (await page.getByTestId('pairing-code').textContent({ timeout: 30_000 }))!.trim();
    expect(code).toMatch(/^\d{6}$/);
    const admin = await login('admin', ADMIN_PASSWORD);
    await call(admin, 'POST', '/api/v1/devices/confirm', { code, name: 'Màn hình sảnh' });
    await page.getByTestId('board').waitFor({ timeout: 30_000 });

    // An officer opens counter 1; two citizens take numbers; the first is called.
    const officer = await login('canbo1', 'motcua-demo');
    const centre = await call<CentreInfo>(officer, 'GET', '/api/v1/centre');
    const hoTich = centre.fields.find((f) => f.code === 'HT')!;
    const counter1 = centre.counters.find((c) => c.number === 1)!;
    await call(officer, 'POST', `/api/v1/counters/${counter1.id}/open`);
    const first = await call<IssuedTicket>(officer, 'POST', '/api/v1/tickets', { fieldId: hoTich.id });
    const second = await call<IssuedTicket>(officer, 'POST', '/api/v1/tickets', { fieldId: hoTich.id });
    const called1 = await call<{ ticket: TicketView }>(officer, 'POST', `/api/v1/counters/${counter1.id}/call-next`);
    expect(called1.ticket.id).toBe(first.ticket.id);

    const n1 = first.ticket.displayNumber;
    await expect.poll(() => page.getByTestId('current-number').textContent(), { timeout: 15_000 }).toBe(n1);
    await expect
      .poll(() => page.getByTestId('announcement').textContent(), { timeout: 5_000 })
      .toBe(`Mời công dân có số ${n1.split('').join(' ')} đến quầy số 1`);

    // Mark the document: if the page were reloaded, the mark would be gone.
    await page.evaluate(() => ((window as unknown as { boardMark: string }).boardMark = 'same page'));

    // The server goes away and comes back on the same port and data.
    await server.restart();

    // The officer serves the first citizen and calls the second after the restart.
    await call(officer, 'POST', `/api/v1/tickets/${first.ticket.id}/start`);
    await call(officer, 'POST', `/api/v1/tickets/${first.ticket.id}/finish`);
    const called2 = await call<{ ticket: TicketView }>(officer, 'POST', `/api/v1/counters/${counter1.id}/call-next`);
    expect(called2.ticket.id).toBe(second.ticket.id);

    const n2 = second.ticket.displayNumber;
    await expect.poll(() => page.getByTestId('current-number').textContent(), { timeout: 30_000 }).toBe(n2);
    await expect
      .poll(() => page.getByTestId('announcement').textContent(), { timeout: 5_000 })
      .toBe(`Mời công dân có số ${n2.split('').join(' ')} đến quầy số 1`);
    expect(await page.evaluate(() => (window as unknown as { boardMark?: string }).boardMark)).toBe('same page');

    // Both calls are listed, newest first, each exactly once — also after things settle.
    await page.waitForTimeout(1500);
    const rows = await recentNumbers();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(n2);
    expect(rows[1]).toContain(n1);
    expect(rows.every((r) => r.includes('Quầy 1'))).toBe(true);
    await expect.poll(() => page.getByTestId('connection-lost').count()).toBe(0);
  });
});
