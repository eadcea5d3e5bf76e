/**
 * A kiosk with a network thermal printer prints the slip of every number it issues (ESC/POS over
 * TCP); when the printer cannot be reached the number is still issued and the kiosk is told to
 * print the HTML slip instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEscPos, startFakePrinter, type FakePrinter } from '../printing/fake-printer';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

describe(`kiosk printing (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let printer: FakePrinter;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    printer = await startFakePrinter();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await printer?.close();
    await t?.close();
  });

  it('prints the slip on the kiosk\'s printer, with the tracking QR code, and cuts', async () => {
    const added = await t.request('POST', '/api/v1/manage/printers', admin, { name: 'Máy in kiosk', host: printer.host, port: printer.port, paperWidthMm: 80 });
    expect(added.statusCode).toBe(201);
    const kiosk = await t.pairDevice('kiosk', { printerId: added.json().id });
    const issued = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().print).toEqual({ status: 'printed', printer: 'Máy in kiosk', message: null });
    const [job] = await printer.waitForClosedJobs(1);
    const parsed = parseEscPos(job!.data);
    expect(parsed.initialisations.length).toBeGreaterThan(0);
    expect(parsed.qrCodes[0]!.payload).toBe(issued.json().trackUrl);
    expect(issued.json().trackUrl).toMatch(/\/t\/[0-9A-Z]{10}$/);
    expect(parsed.cuts.length).toBe(1);
    expect(parsed.rasters.every((r) => r.widthDots === 576)).toBe(true);
  });

  it('still issues the number when the printer is unreachable, and says so', async () => {
    const added = await t.request('POST', '/api/v1/manage/printers', admin, { name: 'Máy in hỏng', host: '127.0.0.1', port: 9, paperWidthMm: 58 });
    const kiosk = await t.pairDevice('kiosk', { printerId: added.json().id });
    const issued = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('CT').id });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().print.status).toBe('failed');
    const slip = await t.request('GET', `/api/v1/public/tickets/${issued.json().ticket.code}/slip?print=1`, null);
    expect(slip.headers['content-type']).toContain('text/html');
    expect(slip.body).toContain(issued.json().ticket.displayNumber);
    expect(slip.body).toContain('Chứng thực');
    expect(slip.body).toContain('window.print');
  });
});
