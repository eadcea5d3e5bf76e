/**
 * The face, as the law and the citizens expect it handled: only with consent, a template and never
 * an image, one active number per person per field, a returning citizen recognised only after the
 * second factor, a 1:1 check at the counter, erasure on request, deletion at the end of retention
 * that destroys the templates' keys, every read and every 1:N search audited with who asked, and no
 * template in any API answer, event or log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredFaceData } from '../../src/server/services/face-services';
import { secureStoredTemplates } from '../../src/server/services/face-privacy';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';
import { FALLBACK_FACE_MODEL_ID } from '../../src/contracts/face';
import { fakeFace as person } from '../support/fake-face';


describe(`face recognition (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let kiosk: string;
  const logLines: string[] = [];
  const sent: string[] = [];
  const answers: string[] = [];
  const alice = person(1);
  const bob = person(2);
  const chi = person(3);

  beforeAll(async () => {
    t = await createTestApp({ logLevel: 'debug', logStream: { write: (line) => void logLines.push(line) } });
    kiosk = await t.pairDevice('kiosk');
  });
  afterAll(async () => t?.close());

  const take = async (fieldCode: string, face: Record<string, unknown>) => {
    const capture = face['capture'] as { template: string } | undefined;
    if (capture) sent.push(capture.template);
    const res = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field(fieldCode).id, face });
    answers.push(res.body);
    return res;
  };

  it('gives a number to a citizen who declines, and keeps no face data', async () => {
    const res = await take('HT', { consent: 'declined' });
    expect(res.statusCode).toBe(201);
    expect(res.json().faceStored).toBe(false);
    expect(await t.ctx.db.selectFrom('faceTemplate').select('id').execute()).toHaveLength(0);
    const consent = await t.ctx.db.selectFrom('consent').selectAll().executeTakeFirstOrThrow();
    expect(consent.scope).toBe('declined');
    expect(consent.ticketId).toBe(res.json().ticket.id);
  });

  it('gives the same person their active number back, and others a new one', async () => {
    const first = await take('HT', { consent: 'today', capture: alice() });
    expect(first.statusCode).toBe(201);
    expect(first.json().faceStored).toBe(true);
    const again = await take('HT', { consent: 'today', capture: alice() });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ reused: true, ticket: { id: first.json().ticket.id, displayNumber: first.json().ticket.displayNumber } });
    const otherField = await take('CT', { consent: 'today', capture: alice() });
    expect(otherField.json().reused).toBe(false);
    expect(otherField.json().ticket.id).not.toBe(first.json().ticket.id);
    const someoneElse = await take('HT', { consent: 'today', capture: bob() });
    expect(someoneElse.json().reused).toBe(false);
    // Three numbers, three walk-in templates, each with its consent.
    const templates = await t.ctx.db.selectFrom('faceTemplate').selectAll().execute();
    expect(templates.filter((x) => x.kind === 'walk-in')).toHaveLength(3);
  });

  it('refuses a template of another model or size, in the caller\'s language', async () => {
    const wrongModel = await take('HT', { consent: 'today', capture: { ...bob(), model: 'other-model' } });
    expect(wrongModel.json().error.code).toBe('FACE_TEMPLATE_INVALID');
    const short = await take('HT', { consent: 'today', capture: { model: FALLBACK_FACE_MODEL_ID, template: 'AAAA', live: true } });
    expect(short.statusCode).toBe(400);
    const notLive = await take('HT', { consent: 'today', capture: { ...bob(), live: false } });
    expect(notLive.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('recognises a remembered citizen only as a suggestion, confirmed by the phone digits', async () => {
    const remembered = await take('DD', { consent: 'remember', capture: chi(), phoneHint: '2468' });
    expect(remembered.statusCode).toBe(201);
    const unknown = await t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: bob() });
    expect(unknown.json().candidate).toBeNull();
    const seen = await t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: chi() });
    answers.push(seen.body);
    const candidate = seen.json().candidate as string;
    expect(candidate).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    // Nothing personal before the second factor.
    expect(Object.keys(seen.json()).sort()).toEqual(['candidate', 'expiresAt']);
    const wrong = await t.request('POST', `/api/v1/kiosk/recognise/${candidate}/confirm`, kiosk, { phoneHint: '1111' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toBe('Số điện thoại không khớp. Ông/bà còn 2 lần thử.');
    const right = await t.request('POST', `/api/v1/kiosk/recognise/${candidate}/confirm`, kiosk, { phoneHint: '2468' });
    expect(right.json()).toEqual({ results: [] });
    const reused = await t.request('POST', `/api/v1/kiosk/recognise/${candidate}/confirm`, kiosk, { phoneHint: '2468' });
    expect(reused.json().error.code).toBe('FACE_CANDIDATE_EXPIRED');
  });

  it('confirms at the counter that the person who arrived is the one called', async () => {
    const officer = await t.login('canbo1');
    await t.request('POST', `/api/v1/counters/${t.counter(1).id}/open`, officer);
    const called = (await t.request('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, officer)).json().ticket;
    // The first number of the day was the citizen who declined: there is nothing to compare with.
    const declined = await t.request('POST', `/api/v1/tickets/${called.id}/face-check`, officer, { capture: alice() });
    expect(declined.json().result).toBe('no-template');
    await t.request('POST', `/api/v1/tickets/${called.id}/no-show`, officer);
    const aliceTicket = (await t.request('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, officer)).json().ticket;
    const right = await t.request('POST', `/api/v1/tickets/${aliceTicket.id}/face-check`, officer, { capture: alice() });
    expect(right.json().result).toBe('match');
    const wrong = await t.request('POST', `/api/v1/tickets/${aliceTicket.id}/face-check`, officer, { capture: bob() });
    expect(wrong.json().result).toBe('mismatch');
    const checks = await t.ctx.db.selectFrom('eventLog').select('facts').where('type', '=', 'ticket.face-checked').execute();
    expect(checks.map((c) => (c.facts as { result: string }).result)).toEqual(['no-template', 'match', 'mismatch']);
    // Each read of the template at the counter names the officer signed in there.
    const canbo1 = await t.ctx.db.selectFrom('appUser').select('id').where('username', '=', 'canbo1').executeTakeFirstOrThrow();
    const reads = await t.ctx.db
      .selectFrom('faceAudit')
      .select(['action', 'actorKind', 'actorId', 'templateId'])
      .where('purpose', '=', 'confirming the called person at the counter')
      .execute();
    expect(reads).toHaveLength(2);
    for (const read of reads) expect(read).toMatchObject({ action: 'read', actorKind: 'user', actorId: canbo1.id });
  });

  it('erases a citizen\'s face data on request, with the citizen present', async () => {
    const officer = await t.login('canbo2');
    const erased = await t.request('POST', '/api/v1/face/erase', officer, { capture: chi() });
    expect(erased.json()).toEqual({ remembered: 1, walkIns: 1 });
    const after = await t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: chi() });
    expect(after.json().candidate).toBeNull();
    const citizen = await t.ctx.db.selectFrom('citizen').selectAll().executeTakeFirstOrThrow();
    expect(citizen.withdrawnAt).not.toBeNull();
    expect(citizen.phoneHintHash).toBeNull();
    expect(await t.ctx.db.selectFrom('faceTemplate').select('id').where('citizenId', '=', citizen.id).execute()).toHaveLength(0);
    // The erasure's keys are destroyed: the audit names the officer, and no key is left to read.
    const canbo2 = await t.ctx.db.selectFrom('appUser').select('id').where('username', '=', 'canbo2').executeTakeFirstOrThrow();
    const erasures = await t.ctx.db.selectFrom('faceAudit').selectAll().where('action', 'in', ['erase', 'delete']).execute();
    expect(erasures).toHaveLength(2);
    for (const e of erasures) {
      expect(e).toMatchObject({ actorKind: 'user', actorId: canbo2.id });
      expect(await t.ctx.vault.keyStates([e.templateId!])).toEqual(new Map([[e.templateId!, 'destroyed']]));
    }
  });

  it('deletes walk-in templates when their day ends, with their keys: a copy of a row stays unreadable', async () => {
    const before = await t.ctx.db.selectFrom('faceTemplate').selectAll().where('kind', '=', 'walk-in').execute();
    expect(before.length).toBeGreaterThan(0);
    for (const row of before) expect((await t.ctx.vault.open(row.id, row.template)).status).toBe('open');
    t.clock.set('2026-11-25T17:00:00Z'); // midnight in Hà Nội
    expect(await purgeExpiredFaceData(t.ctx)).toBe(before.length);
    expect(await t.ctx.db.selectFrom('faceTemplate').select('id').where('kind', '=', 'walk-in').execute()).toHaveLength(0);
    const purge = await t.ctx.db.selectFrom('faceAudit').selectAll().where('action', '=', 'purge').executeTakeFirstOrThrow();
    expect(purge.templates).toBe(before.length);
    // Yesterday's rows, as a restored backup would bring them back: their keys are gone.
    for (const row of before) expect((await t.ctx.vault.open(row.id, row.template)).status).toBe('key-destroyed');
    await t.ctx.db.insertInto('faceTemplate').values(before).execute();
    expect(await secureStoredTemplates(t.ctx)).toEqual({ sealed: 0, leftovers: before.length, keyMissing: 0 });
    expect(await t.ctx.db.selectFrom('faceTemplate').select('id').where('kind', '=', 'walk-in').execute()).toHaveLength(0);
    const leftovers = await t.ctx.db.selectFrom('faceAudit').selectAll().where('action', '=', 'purge').where('purpose', 'like', 'its key was destroyed%').execute();
    expect(leftovers.map((l) => l.templates)).toEqual([before.length]);
  });

  it('audits every access and tells the manager what is held and why', async () => {
    const audit = await t.ctx.db.selectFrom('faceAudit').select(['action', 'purpose']).execute();
    const actions = new Set(audit.map((a) => a.action));
    expect([...actions].sort()).toEqual(['create', 'delete', 'erase', 'purge', 'read', 'search']);
    expect(audit.some((a) => a.purpose === 'confirming the called person at the counter')).toBe(true);
    const record = await t.request('GET', '/api/v1/manage/face/record', await t.login('quanly'));
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ model: FALLBACK_FACE_MODEL_ID, consentsLast30Days: { declined: 1, today: 3, remember: 1 }, keyStore: 'file' });
  });

  it('audits every 1:N search: who asked, which search, its outcome, how many templates — no template, no score', async () => {
    const searches = await t.ctx.db.selectFrom('faceAudit').selectAll().where('action', '=', 'search').orderBy('id').execute();
    const kioskId = (await t.ctx.db.selectFrom('device').select('id').where('kind', '=', 'kiosk').executeTakeFirstOrThrow()).id;
    const canbo2 = (await t.ctx.db.selectFrom('appUser').select('id').where('username', '=', 'canbo2').executeTakeFirstOrThrow()).id;
    const seen = searches.map((s) => [s.searchKind, s.outcome, s.reused, s.templates, s.actorKind, s.actorId === kioskId ? 'kiosk' : s.actorId === canbo2 ? 'canbo2' : s.actorId]);
    expect(seen).toEqual([
      // Alice's first number (nobody held one), her second (given back), other field, Bob.
      ['walk-in-reuse', 'no-match', false, 0, 'device', 'kiosk'],
      ['walk-in-reuse', 'match', true, 1, 'device', 'kiosk'],
      ['walk-in-reuse', 'no-match', false, 0, 'device', 'kiosk'],
      ['walk-in-reuse', 'no-match', false, 1, 'device', 'kiosk'],
      // Chi asks to be remembered; the kiosk then looks for Bob (unknown), then Chi.
      ['walk-in-reuse', 'no-match', false, 0, 'device', 'kiosk'],
      ['returning-citizen', 'no-match', null, 1, 'device', 'kiosk'],
      ['returning-citizen', 'match', null, 1, 'device', 'kiosk'],
      // The erasure at counter 2 looked through Chi's remembered template and today's four walk-ins.
      ['erasure', 'match', null, 5, 'user', 'canbo2'],
      // After it, the kiosk no longer finds Chi.
      ['returning-citizen', 'no-match', null, 0, 'device', 'kiosk'],
    ]);
    for (const s of searches) expect(s.templateId).toBeNull();
    const record = (await t.request('GET', '/api/v1/manage/face/record', await t.login('quanly'))).json() as { searchesLast30Days: unknown[] };
    expect(record.searchesLast30Days).toEqual(
      expect.arrayContaining([
        { kind: 'walk-in-reuse', outcome: 'match', reused: true, searches: 1, templates: 1 },
        { kind: 'walk-in-reuse', outcome: 'no-match', reused: false, searches: 4, templates: 1 },
        { kind: 'returning-citizen', outcome: 'no-match', reused: null, searches: 2, templates: 1 },
        { kind: 'erasure', outcome: 'match', reused: null, searches: 1, templates: 5 },
      ]),
    );
  });

  it('never returns, logs or records a template', async () => {
    expect(sent.length).toBeGreaterThan(5);
    const everything = [...answers, ...logLines].join('\n');
    for (const template of sent) expect(everything).not.toContain(template.slice(0, 40));
    const events = await t.ctx.db.selectFrom('eventLog').select(['facts', 'payload']).execute();
    const logged = JSON.stringify(events);
    for (const template of sent) expect(logged).not.toContain(template.slice(0, 40));
    expect(logLines.length).toBeGreaterThan(10);
  });
});
