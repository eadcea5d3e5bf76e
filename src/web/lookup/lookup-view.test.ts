import { describe, expect, it } from 'vitest';
import { appointmentOf, codeFromSearch, headlineOf, isDossierCode, normaliseCode, searchForCode, stepProgress } from './lookup-view';

describe('dossier codes typed or scanned', () => {
  it.each([
    ['000.00.16.H26-261126-0001', true],
    ['HOANKIEM-261126-0001', true],
    ['1', false],
    ['-HOANKIEM-261126-0001', false],
    ['HOANKIEM-261126-0001.', false],
    ['HOANKIEM/261126', false],
    ["'; DROP TABLE", false],
  ])('%s valid: %s', (code, valid) => {
    expect(isDossierCode(code)).toBe(valid);
  });

  it('cleans what people type or paste: spaces, lower case, the "Mã hồ sơ:" label', () => {
    expect(normaliseCode('  hoankiem-261126-0001 ')).toBe('HOANKIEM-261126-0001');
    expect(normaliseCode('000.00.16.H26 - 261126 - 0001')).toBe('000.00.16.H26-261126-0001');
    expect(normaliseCode('Mã hồ sơ: 000.00.16.H26-261126-0001')).toBe('000.00.16.H26-261126-0001');
  });

  it('takes the code from the QR link and writes it back into the address', () => {
    expect(codeFromSearch('?code=000.00.16.H26-261126-0001')).toBe('000.00.16.H26-261126-0001');
    expect(codeFromSearch('?lang=en')).toBe('');
    expect(searchForCode('?lang=en&code=OLD-1-1', 'NEW-261126-0002')).toBe('?lang=en&code=NEW-261126-0002');
  });
});

describe('what the citizen is told', () => {
  it('tells them to come for a ready result', () => {
    expect(headlineOf({ status: 'result-ready', resultReady: true })).toEqual({ headline: 'resultReady', tone: 'ok' });
    expect(headlineOf({ status: 'in-progress', resultReady: true }).headline).toBe('resultReady');
  });

  it('asks for the supplement, and says when it is over', () => {
    expect(headlineOf({ status: 'supplement-requested', resultReady: false })).toEqual({ headline: 'supplement', tone: 'action' });
    expect(headlineOf({ status: 'returned', resultReady: true }).headline).toBe('returned');
    expect(headlineOf({ status: 'refused', resultReady: false }).tone).toBe('ended');
  });

  it('shows the extended appointment and the one it replaced', () => {
    expect(appointmentOf({ dueAt: '2026-11-30T10:00:00Z', extendedDueAt: '2026-12-03T10:00:00Z' })).toEqual({
      current: '2026-12-03T10:00:00Z',
      original: '2026-11-30T10:00:00Z',
    });
    expect(appointmentOf({ dueAt: '2026-11-30T10:00:00Z', extendedDueAt: null })).toEqual({ current: '2026-11-30T10:00:00Z', original: null });
  });

  it('counts the steps done', () => {
    const steps = [
      { name: 'Tiếp nhận', done: true, finishedAt: '2026-11-26T02:00:00Z' },
      { name: 'Thẩm định', done: false, finishedAt: null },
    ];
    expect(stepProgress(steps)).toEqual({ done: 1, total: 2 });
  });
});
