/**
 * The public catalogue and the published results, without signing in: real national records imported
 * the way a manager imports them, found without diacritics with the everyday procedure first, nothing
 * internal in the answers, fees in đồng; the results' rates are the indicator engine's own figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '../../src/contracts/dossier';
import type { PublicCatalogue, PublicProcedureDetail, PublicResults } from '../../src/contracts/public';
import { periodInstants } from '../../src/core/indicators/periods';
import { computeIndicators } from '../../src/server/services/indicators';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

// Beside the repository, never copied into it (see ../shared/data/tthc/SOURCE.md).
const RECORDS = join(new URL('../..', import.meta.url).pathname, '../shared/data/tthc/records/bo-tu-phap');
const CODES = ['1.000110', '1.001193', '1.003583', '1.004884', '2.000635', '2.000528', '1.000689'];
const APPLICANT = { fullName: 'Nguyễn Văn An', idNumber: '001085012345', address: '12 Hàng Bạc, Hoàn Kiếm', phone: '0912345678', email: null };

/** Keys that belong to the back office: process steps and allowances, authors, import files, ids. */
const INTERNAL_KEYS = ['id', 'steps', 'allowanceHours', 'source', 'importFingerprint', 'createdBy', 'createdAt', 'fieldId', 'versions', 'currentVersionId', 'centreId', 'procedureId', 'officerName', 'officerIds'];

function keysOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      found.add(k);
      keysOf(v, found);
    }
  }
  return found;
}

describe(`the public catalogue and published results (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let manager: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.login('quanly');
    officer = await t.login('canbo1');
    const files = CODES.map((code) => ({ name: `${code}.json`, contentBase64: readFileSync(join(RECORDS, `${code}.json`)).toString('base64') }));
    const imported = await t.request('POST', '/api/v1/manage/catalogue/import', manager, { files });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().skipped).toBe(0);
  });
  afterAll(async () => t?.close());

  const catalogue = async (query: string) => {
    const res = await t.request('GET', `/api/v1/public/catalogue${query}`, null);
    expect(res.statusCode).toBe(200);
    return res.json() as PublicCatalogue;
  };
  const procedureId = async (code: string) => (await t.request('GET', `/api/v1/procedures?q=${code}`, manager)).json().procedures[0].id as string;

  it('lists the procedures in force by field, without signing in', async () => {
    const all = await catalogue('');
    expect(all.centre.name).toBe(t.info.centre.name);
    expect(all.query).toBe('');
    const civil = all.fields.find((f) => f.name === 'Hộ tịch');
    expect(civil?.count).toBeGreaterThanOrEqual(CODES.length);
    // By field, then by name: each field's procedures together.
    const fieldsInOrder = all.procedures.map((p) => p.fieldName).filter((f, i, a) => a.indexOf(f) === i);
    expect(fieldsInOrder).toEqual(all.fields.map((f) => f.name));
    const onlyCivil = await catalogue(`?field=${encodeURIComponent('ho tich')}`);
    expect(onlyCivil.procedures.every((p) => p.fieldName === 'Hộ tịch')).toBe(true);
    expect(onlyCivil.procedures).toHaveLength(civil!.count);
  });

  it('finds "khai sinh" without diacritics, the everyday procedure first', async () => {
    for (const q of ['khai sinh', 'dang ky khai sinh', 'Đăng ký khai sinh', 'DANG KY KHAI SINH']) {
      const found = await catalogue(`?q=${encodeURIComponent(q)}`);
      expect(found.query).toBe(q);
      expect(found.procedures[0]?.code, q).toBe('1.001193');
      expect(found.procedures[0]?.name).toBe('Thủ tục đăng ký khai sinh');
    }
    const found = await catalogue(`?q=${encodeURIComponent('khai sinh')}`);
    const codes = found.procedures.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['1.000110', '1.003583', '1.004884', '2.000528', '1.000689']));
    // Long variants after the short ones.
    expect(codes.indexOf('1.004884')).toBeLessThan(codes.indexOf('1.000110'));
    expect((await catalogue(`?q=${encodeURIComponent('xyz khong co')}`)).procedures).toEqual([]);
  });

  it('puts the everyday procedure first at the reception desk too, after the national import', async () => {
    const desk = async (q: string, fieldId?: string) =>
      (await t.request('GET', `/api/v1/procedures?${new URLSearchParams({ q, ...(fieldId ? { fieldId } : {}) })}`, officer)).json().procedures as { code: string; name: string }[];
    for (const q of ['khai sinh', 'dang ky khai sinh', 'Đăng ký khai sinh']) {
      // From a civil-status ticket and from none.
      expect((await desk(q, t.field('HT').id))[0]?.name, q).toBe('Thủ tục đăng ký khai sinh');
      expect((await desk(q))[0]?.name, q).toBe('Thủ tục đăng ký khai sinh');
    }
    // The variants follow, the names that start with the words first, shorter before longer.
    expect((await desk('dang ky khai sinh')).map((p) => p.code)).toEqual(['1.001193', '1.003583', '2.000528', '1.000689', '1.000110', '1.004884']);
    // A code still finds its procedure, and a word that is nowhere finds nothing.
    expect((await desk('1.001193'))[0]?.code).toBe('1.001193');
    expect(await desk('xyz khong co')).toEqual([]);
  });

  it('shows a procedure with its documents, times, fee in đồng, where to submit and legal basis', async () => {
    const res = await t.request('GET', '/api/v1/public/procedures/1.001193', null);
    expect(res.statusCode).toBe(200);
    const p = res.json() as PublicProcedureDetail;
    expect(p.name).toBe('Thủ tục đăng ký khai sinh');
    expect(p.channels.map((c) => c.channel)).toEqual(['direct', 'online', 'postal']);
    expect(p.channels[0]).toMatchObject({ unit: 'same-day', feeDong: 0, committedAmount: null });
    expect(p.cutoff).toBe('15:00');
    expect(p.documents.length).toBeGreaterThan(0);
    expect(p.documents.every((d) => d.originals !== null || d.copiesText === '')).toBe(true);
    expect(p.submitAt.centre.name).toBe(t.info.centre.name);
    expect(p.submitAt.online).toBe(true);
    expect(p.legalBasis.map((l) => l.number)).toContain('123/2015/NĐ-CP');
    // The forms are named in the catalogue, with no file to download.
    expect(p.forms.every((f) => f.url === null)).toBe(true);
    expect(p.forms.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^Tờ khai đăng ký khai sinh theo mẫu/u)]));
    expect(p.documents.find((d) => d.name.startsWith('Tờ khai đăng ký khai sinh'))).toMatchObject({ originals: 1, copies: 0, isForm: true });

    const copy = (await t.request('GET', '/api/v1/public/procedures/2.000635', null)).json() as PublicProcedureDetail;
    expect(copy.channels.map((c) => c.feeDong)).toEqual([8000, 8000, 8000]);
  });

  it('shows the committed (shortened) time beside the legal one', async () => {
    const id = await procedureId('1.003583');
    const current = (await t.request('GET', `/api/v1/procedures/${id}`, manager)).json() as ProcedureDetail;
    const edited = await t.request('PUT', `/api/v1/manage/procedures/${id}`, manager, {
      name: current.current.name,
      fieldName: current.fieldName,
      fieldId: current.fieldId,
      active: true,
      rules: current.current.rules.map((r) => (r.channel === 'direct' ? { ...r, committedAmount: 3 } : r)),
      documents: current.current.documents,
      steps: current.current.steps,
      cutoff: current.current.cutoff,
    });
    expect(edited.statusCode).toBe(200);
    const p = (await t.request('GET', '/api/v1/public/procedures/1.003583', null)).json() as PublicProcedureDetail;
    expect(p.channels.find((c) => c.channel === 'direct')).toMatchObject({ unit: 'working-days', legalAmount: 5, committedAmount: 3, reductionPercent: 40 });
  });

  it('puts nothing internal in its answers', async () => {
    const bodies = [
      (await t.request('GET', '/api/v1/public/catalogue', null)).body,
      (await t.request('GET', `/api/v1/public/catalogue?q=${encodeURIComponent('khai sinh')}`, null)).body,
      (await t.request('GET', '/api/v1/public/procedures/1.001193', null)).body,
      (await t.request('GET', '/api/v1/public/procedures/1.003583', null)).body,
      (await t.request('GET', '/api/v1/public/results', null)).body,
    ];
    for (const body of bodies) {
      const keys = keysOf(JSON.parse(body));
      expect(INTERNAL_KEYS.filter((k) => keys.has(k))).toEqual([]);
      // No import file, no author (the manager who edited 1.003583), no internal step names.
      expect(body).not.toContain('.json');
      expect(body).not.toContain('Hoàng Thị Mai');
      expect(body).not.toContain('Thẩm định');
      expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });

  it('hides a procedure no longer in force, and says why a code is wrong, in Vietnamese', async () => {
    const id = await procedureId('1.000689');
    const current = (await t.request('GET', `/api/v1/procedures/${id}`, manager)).json() as ProcedureDetail;
    await t.request('PUT', `/api/v1/manage/procedures/${id}`, manager, {
      name: current.current.name,
      fieldName: current.fieldName,
      fieldId: current.fieldId,
      active: false,
      rules: current.current.rules,
      documents: current.current.documents,
      steps: current.current.steps,
      cutoff: current.current.cutoff,
    });
    expect((await catalogue(`?q=${encodeURIComponent('khai sinh')}`)).procedures.map((p) => p.code)).not.toContain('1.000689');
    const gone = await t.request('GET', '/api/v1/public/procedures/1.000689', null);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toBe('Không tìm thấy thủ tục.');
    const bad = await t.request('GET', '/api/v1/public/procedures/khai-sinh', null);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('mã thủ tục');
    expect((await t.request('GET', '/api/v1/public/catalogue?centre=KHONG-CO', null)).statusCode).toBe(404);
  });

  it('publishes the indicator engine’s own rates for this month and this year, and the shortened procedures', async () => {
    t.clock.set('2026-11-25T02:00:00Z');
    const procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures as { id: string; code: string }[];
    const marriage = procedures.find((p) => p.code === '1.004873')!.id;
    const receive = () => t.request('POST', '/api/v1/dossiers', officer, { channel: 'direct', applicant: APPLICANT, procedureId: marriage, documentsReceived: [0], outcome: 'receive' });
    const done = (await receive()).json() as { id: string };
    for (let i = 0; i < 5; i++) {
      t.clock.advance(30 * 60_000);
      await t.request('POST', `/api/v1/dossiers/${done.id}/actions`, officer, { action: 'finish-step', note: null });
    }
    expect((await t.request('POST', `/api/v1/dossiers/${done.id}/actions`, officer, { action: 'return', receivedBy: 'Nguyễn Văn An' })).statusCode).toBe(200);
    expect((await receive()).statusCode).toBe(201);
    // Left open past its appointment: late.
    t.clock.set('2026-11-30T02:00:00Z');
    expect((await receive()).statusCode).toBe(201);
    t.clock.set('2026-12-03T03:00:00Z');

    const res = await t.request('GET', '/api/v1/public/results', null);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const results = res.json() as PublicResults;
    expect(results.periods.map((p) => [p.kind, p.labelVi])).toEqual([
      ['month', 'Tháng 12/2026'],
      ['year', 'Năm 2026'],
    ]);
    const centreId = t.info.centre.id;
    for (const [p, days] of [
      [results.periods[0]!, ['2026-12-01', '2026-12-31']],
      [results.periods[1]!, ['2026-01-01', '2026-12-31']],
    ] as const) {
      const report = await computeIndicators(t.ctx, centreId, periodInstants(days[0], days[1]));
      expect(p.from).toBe(report.from);
      expect(p.to).toBe(report.to);
      expect(p.onTime).toMatchObject({ indicator: '2.1', value: report.indicators['2.1'].value, numerator: report.indicators['2.1'].numerator, denominator: report.indicators['2.1'].denominator });
      expect(p.satisfaction).toMatchObject({ indicator: '5.4', value: report.indicators['5.4'].value, numerator: report.indicators['5.4'].numerator, denominator: report.indicators['5.4'].denominator });
    }
    const year = results.periods[1]!;
    // One returned early, one still within time, one open past its appointment (worked out by hand).
    expect(year).toMatchObject({ received: 3, resolved: 1 });
    expect(year.onTime).toMatchObject({ numerator: 2, denominator: 3 });
    expect(results.periods[0]).toMatchObject({ received: 0, resolved: 0 });

    expect(results.shortened.items).toEqual([
      { code: '1.003583', name: 'Thủ tục đăng ký khai sinh lưu động', fieldName: 'Hộ tịch', channel: 'direct', unit: 'working-days', legalAmount: 5, committedAmount: 3, reductionPercent: 40 },
    ]);
    expect(results.shortened.count).toBe(1);
    expect(results.shortened.averageReductionPercent).toBe(40);
    expect(results.shortened.sharePercent).toBe(Math.round((1 / results.shortened.procedures) * 1000) / 10);

    // Cached for a minute: the hall boards poll it.
    expect((await receive()).statusCode).toBe(201);
    const cached = (await t.request('GET', '/api/v1/public/results', null)).json() as PublicResults;
    expect(cached.generatedAt).toBe(results.generatedAt);
    expect(cached.periods[1]!.received).toBe(3);
    t.clock.advance(61_000);
    const fresh = (await t.request('GET', '/api/v1/public/results', null)).json() as PublicResults;
    expect(fresh.periods[1]!.received).toBe(4);
    expect(fresh.periods[0]!.received).toBe(1);
  });
});
