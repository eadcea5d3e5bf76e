/**
 * An officer works the queue at counter 1 with the keyboard only, in headless Chromium against the
 * real server. Tickets are issued and colleagues act through the API, the way the kiosk and other
 * counters would.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { E2eServer } from './support/server';

const PASSWORD = 'motcua-demo';

interface CentreShape {
  fields: { id: string; code: string }[];
  counters: { id: string; number: number }[];
  priorityGroups: { id: string; nameVi: string; active: boolean }[];
}

class Api {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  static async login(base: string, username: string): Promise<Api> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    return new Api(base, res.headers.get('set-cookie')!.split(';')[0]!);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const data = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.count()) === 0 ? '' : ((await locator.first().textContent()) ?? '');
}

/** Waits until what the officer sees matches. */
async function sees(locator: Locator, expected: RegExp | string, timeout = 8000): Promise<void> {
  await expect
    .poll(() => textOf(locator), { timeout })
    .toMatch(typeof expected === 'string' ? new RegExp(`^\\s*${expected}\\s*$`) : expected);
}

describe('the counter console, keyboard only', () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let page: Page;
  let manager: Api;
  let centre: CentreShape;
  const field = (code: string) => centre.fields.find((f) => f.code === code)!.id;
  const counter = (n: number) => centre.counters.find((c) => c.number === n)!.id;
  const issue = async (code: string) =>
    (await manager.call<{ ticket: { id: string; displayNumber: string } }>('POST', '/api/v1/tickets', { fieldId: field(code) })).ticket;
  const waitingIn = (code: string) => page.locator(`[data-testid="waiting-row"][data-field="${code}"] .cc-waiting-count`);
  const current = () => page.getByTestId('current-ticket');
  const alert = () => page.getByTestId('console-alert');
  const status = () => page.getByTestId('console-status');

  beforeAll(async () => {
    server = await E2eServer.start();
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    manager = await Api.login(server.url, 'quanly');
    centre = await manager.call<CentreShape>('GET', '/api/v1/centre');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('signs in and takes counter 1', async () => {
    await page.goto(`${server.url}/counter`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.keyboard.type('canbo1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');
    await sees(page.getByTestId('login-error'), /Tên đăng nhập hoặc mật khẩu không đúng/);

    await page.keyboard.type(PASSWORD); // the form cleared the password and kept the focus there
    await page.keyboard.press('Enter');
    await page.getByTestId('counter-choice').first().waitFor();
    expect(await page.getByTestId('counter-choice').count()).toBe(6);
    // Counter 1 is offered first and has the focus: Enter takes it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-counter-number'))).toBe('1');
    await page.keyboard.press('Enter');

    await sees(page.getByTestId('counter-state'), 'Đang mở');
    await page.getByTestId('no-ticket').waitFor();
    const opened = await manager.call<{ counters: { number: number; officerName: string | null }[] }>('GET', '/api/v1/centre');
    expect(opened.counters.find((c) => c.number === 1)!.officerName).toBe('Nguyễn Thị Hương');
  });

  it('says so when nobody is waiting', async () => {
    await page.keyboard.press('n');
    await sees(status(), /không có công dân nào đang chờ/);
    expect(await current().count()).toBe(0);
  });

  it('calls, refuses to finish before start, starts and finishes', async () => {
    const first = await issue('HT');
    const second = await issue('HT');
    await sees(waitingIn('HT'), '2'); // the live stream brought the new tickets

    await page.keyboard.press('n');
    await sees(current(), first.displayNumber);
    await sees(page.getByTestId('current-status'), /Đã gọi/);
    expect(await page.getByTestId('priority-badge').count()).toBe(0); // a normal ticket
    expect(await page.getByTestId('action-finish').isDisabled()).toBe(true);
    expect(await page.getByTestId('action-call-next').isDisabled()).toBe(true);

    await page.keyboard.press('f');
    await sees(alert(), /Chưa bắt đầu phục vụ/);
    await sees(page.getByTestId('current-status'), /Đã gọi/);

    await page.keyboard.press('r');
    await sees(page.getByTestId('call-count'), 'Gọi lần 2');

    await page.keyboard.press('s');
    await sees(page.getByTestId('current-status'), 'Đang phục vụ');
    expect(await page.getByTestId('action-finish').isEnabled()).toBe(true);
    expect(await textOf(alert())).toBe('');

    await page.keyboard.press('f');
    await page.getByTestId('no-ticket').waitFor();
    await sees(page.getByTestId('served-today'), '1');
    await sees(waitingIn('HT'), '1');
    expect(second.displayNumber).not.toBe(first.displayNumber);
  });

  it('transfers the ticket in hand to another field with arrows and Enter', async () => {
    await page.keyboard.press('n');
    await current().waitFor();
    const number = await textOf(current());
    expect(number.trim()).toMatch(/^\d+$/);

    await page.keyboard.press('t');
    const dialog = page.getByTestId('transfer-dialog');
    await dialog.waitFor();
    const selected = dialog.locator('[role="option"][aria-selected="true"]');
    for (let i = 0; i < 10 && !/Đất đai/.test(await textOf(selected)); i++) await page.keyboard.press('ArrowDown');
    await sees(selected, /Đất đai – Xây dựng – Đô thị/);
    await page.keyboard.press('Enter');

    await dialog.waitFor({ state: 'detached' });
    await sees(status(), `Đã chuyển số ${number.trim()}.`);
    await page.getByTestId('no-ticket').waitFor();
    await sees(waitingIn('DD'), '1');
    const { tickets } = await manager.call<{ tickets: { displayNumber: string; fieldId: string; status: string }[] }>(
      'GET',
      '/api/v1/tickets?status=waiting',
    );
    expect(tickets.find((t) => t.displayNumber === number.trim())).toMatchObject({ fieldId: field('DD'), status: 'waiting' });
  });

  it('shows the server’s message when a colleague called the chosen number first', async () => {
    const ticket = await issue('HT');
    await page.keyboard.press('g');
    const dialog = page.getByTestId('call-number-dialog');
    await dialog.waitFor();
    await page.keyboard.type(ticket.displayNumber.slice(-2));
    await sees(dialog.locator('[role="option"][aria-selected="true"] .cc-ticket-mini'), ticket.displayNumber);

    const colleague = await Api.login(server.url, 'canbo2');
    await colleague.call('POST', `/api/v1/counters/${counter(2)}/open`);
    await colleague.call('POST', `/api/v1/counters/${counter(2)}/call`, { ticketId: ticket.id });

    await page.keyboard.press('Enter');
    await sees(dialog.getByTestId('dialog-error'), new RegExp(`Không thể gọi số ${ticket.displayNumber} khi số đang ở trạng thái "đã gọi"`));
    await sees(alert(), /Không thể gọi số/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await current().count()).toBe(0);
  });

  it('marks a no-show, re-activates it, parks and resumes', async () => {
    const ticket = await issue('CT');
    await page.keyboard.press('n');
    await sees(current(), ticket.displayNumber);

    await page.keyboard.press('v');
    await page.getByTestId('no-ticket').waitFor();
    await sees(page.getByTestId('no-show-list'), new RegExp(ticket.displayNumber));

    await page.keyboard.press('a');
    await sees(status(), `Số ${ticket.displayNumber} đã trở lại hàng chờ.`);
    await sees(waitingIn('CT'), '1');

    await page.keyboard.press('n');
    await sees(current(), ticket.displayNumber);
    await page.keyboard.press('p');
    await page.getByTestId('no-ticket').waitFor();
    await sees(page.getByTestId('parked-list'), new RegExp(ticket.displayNumber));

    await page.keyboard.press('u');
    await sees(current(), ticket.displayNumber);
    await sees(page.getByTestId('call-count'), /Gọi lần \d/);
  });

  it('pauses with a common reason and reopens', async () => {
    expect(await page.getByTestId('action-pause').isEnabled()).toBe(true);
    await page.keyboard.press('s');
    await sees(page.getByTestId('current-status'), 'Đang phục vụ');
    await page.keyboard.press('f');
    await page.getByTestId('no-ticket').waitFor();

    await page.keyboard.press('k');
    await page.getByTestId('pause-dialog').waitFor();
    await page.keyboard.press('1');
    await sees(page.getByTestId('paused-banner'), /Quầy đang tạm dừng: Nghỉ giải lao/);
    await sees(page.getByTestId('counter-state'), 'Tạm dừng');
    expect(await page.getByTestId('action-call-next').isDisabled()).toBe(true);

    await page.keyboard.press('n');
    await sees(alert(), /Quầy đang tạm dừng/);

    await page.keyboard.press('k');
    await sees(page.getByTestId('counter-state'), 'Đang mở');
    expect(await page.getByTestId('paused-banner').count()).toBe(0);
  });

  it('marks a priority ticket as such in hand and when parked', async () => {
    const group = centre.priorityGroups.find((g) => g.active)!;
    const { ticket } = await manager.call<{ ticket: { id: string; displayNumber: string; priority: boolean } }>('POST', '/api/v1/tickets', {
      fieldId: field('HT'),
      priorityGroupId: group.id,
    });
    expect(ticket.priority).toBe(true);
    await sees(waitingIn('HT'), '1');

    await page.keyboard.press('n');
    await sees(current(), ticket.displayNumber);
    await sees(page.locator('.cc-ticket').getByTestId('priority-badge'), new RegExp(`^ƯU TIÊN · ${group.nameVi}$`));

    await page.keyboard.press('p');
    await page.getByTestId('no-ticket').waitFor();
    await sees(page.getByTestId('parked-list').getByRole('listitem').filter({ hasText: ticket.displayNumber }).getByTestId('priority-badge'), 'ƯU TIÊN');

    await page.keyboard.press('u');
    await sees(current(), ticket.displayNumber);
    await page.keyboard.press('s');
    await sees(page.getByTestId('current-status'), 'Đang phục vụ');
    await page.keyboard.press('f');
    await page.getByTestId('no-ticket').waitFor();
  });

  it('opens the shortcut help on ? and closes the counter with Q', async () => {
    await page.keyboard.press('?');
    await sees(page.getByTestId('help-dialog'), /Gọi số tiếp theo/);
    await page.keyboard.press('Escape');
    await page.getByTestId('help-dialog').waitFor({ state: 'detached' });

    await page.keyboard.press('q');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('counter-choice').first().waitFor();
    await sees(page.locator('.cc-picker [role="status"]'), /Đã đóng quầy 1/);
    const after = await manager.call<{ counters: { number: number; state: string; officerId: string | null }[] }>('GET', '/api/v1/centre');
    expect(after.counters.find((c) => c.number === 1)).toMatchObject({ state: 'closed', officerId: null });
  });

  it('remembers the counter used last, and X closes it and signs out', async () => {
    await page.keyboard.press('3'); // a digit moves to that counter on the picker
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-counter-number'))).toBe('3');
    await page.keyboard.press('Enter');
    await sees(page.getByTestId('counter-state'), 'Đang mở');

    await page.keyboard.press('x');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Tên đăng nhập').waitFor();
    const after = await manager.call<{ counters: { number: number; state: string }[] }>('GET', '/api/v1/centre');
    expect(after.counters.find((c) => c.number === 3)!.state).toBe('closed');

    await page.keyboard.type('canbo1');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    const first = page.getByTestId('counter-choice').first();
    await first.waitFor();
    expect(await first.getAttribute('data-counter-number')).toBe('3');
    await sees(first, /Quầy lần trước/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-counter-number'))).toBe('3');
  });

  it('shows a counter taken by a colleague as such', async () => {
    const taken = page.locator('[data-testid="counter-choice"][data-counter-number="2"]');
    await sees(taken, /Đang được Trần Văn Minh sử dụng/);
    expect(await taken.isDisabled()).toBe(true);
  });
});
