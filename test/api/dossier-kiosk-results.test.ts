/**
 * The kiosk tells a remembered citizen, once they confirm their phone digits, that a dossier's result
 * is waiting — linked through the ticket they came with — and stops telling once it is returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView, ProcedureSummary } from '../../src/contracts/dossier';
import { fakeFace } from '../support/fake-face';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

describe(`results ready, told at the kiosk (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let kiosk: string;
  let officer: string;
  const dung = fakeFace(7);

  beforeAll(async () => {
    t = await createTestApp();
    kiosk = await t.pairDevice('kiosk');
    officer = await t.login('canbo1');
  });
  afterAll(async () => t?.close());

  async function readyAtKiosk(): Promise<{ dossierCode: string; counterNumber: number | null }[]> {
    const seen = await t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: dung() });
    const candidate = seen.json().candidate as string;
    expect(candidate).toBeTruthy();
    const confirmed = await t.request('POST', `/api/v1/kiosk/recognise/${candidate}/confirm`, kiosk, { phoneHint: '1357' });
    expect(confirmed.statusCode).toBe(200);
    return confirmed.json().results;
  }

  it('lists the dossier once its result is ready, and no longer after it is returned', async () => {
    const ticket = await t.request('POST', '/api/v1/tickets', kiosk, {
      fieldId: t.field('HT').id,
      face: { consent: 'remember', capture: dung(), phoneHint: '1357' },
    });
    expect(ticket.statusCode).toBe(201);
    const procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures as ProcedureSummary[];
    const received = await t.request('POST', '/api/v1/dossiers', officer, {
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      ticketId: ticket.json().ticket.id,
      applicant: { fullName: 'Lê Văn Dũng' },
      documentsReceived: [0],
      outcome: 'receive',
    });
    const dossier = received.json() as DossierView;
    expect(await readyAtKiosk()).toEqual([]);

    for (let i = 0; i < dossier.steps.length; i++) {
      await t.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, officer, { action: 'finish-step' });
    }
    expect(await readyAtKiosk()).toEqual([{ dossierCode: dossier.code, counterNumber: null }]);

    await t.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, officer, { action: 'return', receivedBy: 'Lê Văn Dũng' });
    expect(await readyAtKiosk()).toEqual([]);
  });
});
