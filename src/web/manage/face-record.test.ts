import { describe, expect, it } from 'vitest';
import type { FaceRecord } from '../../contracts/api';
import { auditRows, consentRows, heldRows, isAuditAction, searchRows, thresholdAdvice, totalHeld } from './face-record';

const record = (over: Partial<FaceRecord> = {}): FaceRecord => ({
  enabled: true,
  rememberEnabled: true,
  model: 'face-api-128-aligned',
  templateLength: 128,
  matchThreshold: 0.93,
  matchMargin: 0.02,
  secondFactorAttempts: 3,
  recognitionsPerHour: 3,
  policy: { model: 'face-api-128-aligned', templateLength: 128, threshold: 0.93, margin: 0.02, thresholdSource: 'calibrated', requestedModelMissing: false },
  automaticModel: 'face-api-128-aligned',
  models: [],
  reuseChecksLast30Days: { offered: 0, confirmed: 0, rejected: 0, unanswered: 0, falseMatchRate: null },
  retention: { walkIn: 'end-of-service-day', remembered: 'until-withdrawn-or-erased' },
  held: [],
  consentsLast30Days: { declined: 0, today: 0, remember: 0 },
  accessLast30Days: [],
  searchesLast30Days: [],
  keyStore: 'file',
  indexSnapshotTemplates: 0,
  ...over,
});

describe('the processing record as tables', () => {
  it('lists both kinds of templates, with zeros when none is held', () => {
    expect(heldRows(record())).toEqual([
      { kind: 'walk-in', count: 0, oldest: null, newest: null, nextExpiry: null },
      { kind: 'remembered', count: 0, oldest: null, newest: null, nextExpiry: null },
    ]);
  });

  it('keeps the order walk-in, remembered whatever the server sends', () => {
    const r = record({
      held: [
        { kind: 'remembered', count: 2, oldest: '2026-01-01T00:00:00.000Z', newest: '2026-02-01T00:00:00.000Z', nextExpiry: null },
        { kind: 'walk-in', count: 5, oldest: '2026-11-25T01:00:00.000Z', newest: '2026-11-25T03:00:00.000Z', nextExpiry: '2026-11-25T17:00:00.000Z' },
      ],
    });
    expect(heldRows(r).map((h) => [h.kind, h.count, h.nextExpiry])).toEqual([
      ['walk-in', 5, '2026-11-25T17:00:00.000Z'],
      ['remembered', 2, null],
    ]);
    expect(totalHeld(r)).toBe(7);
  });

  it('lists consents in the order the kiosk offers them', () => {
    expect(consentRows(record({ consentsLast30Days: { declined: 4, today: 10, remember: 1 } }))).toEqual([
      { scope: 'today', count: 10 },
      { scope: 'remember', count: 1 },
      { scope: 'declined', count: 4 },
    ]);
  });

  it('lists every audited action in the order of a template’s life, and keeps unknown ones', () => {
    const rows = auditRows(
      record({
        accessLast30Days: [
          { action: 'purge', entries: 1, templates: 12 },
          { action: 'create', entries: 13, templates: 13 },
          { action: 'export', entries: 1, templates: 1 },
        ],
      }),
    );
    expect(rows.map((r) => `${r.action}:${r.entries}/${r.templates}:${r.known}`)).toEqual([
      'create:13/13:true',
      'read:0/0:true',
      'delete:0/0:true',
      'erase:0/0:true',
      'purge:1/12:true',
      'search:0/0:true',
      'seal:0/0:true',
      'export:1/1:false',
    ]);
    expect(isAuditAction('erase')).toBe(true);
    expect(isAuditAction('export')).toBe(false);
  });

  it('sums the searches of each kind by outcome, with zeros for a kind never searched', () => {
    const rows = searchRows(
      record({
        searchesLast30Days: [
          { kind: 'walk-in-reuse', outcome: 'no-match', reused: false, searches: 40, templates: 310 },
          { kind: 'walk-in-reuse', outcome: 'match', reused: true, searches: 3, templates: 30 },
          { kind: 'walk-in-reuse', outcome: 'match', reused: false, searches: 1, templates: 12 },
          { kind: 'walk-in-reuse', outcome: 'ambiguous', reused: false, searches: 2, templates: 20 },
          { kind: 'erasure', outcome: 'match', reused: null, searches: 1, templates: 900 },
        ],
      }),
    );
    expect(rows).toEqual([
      { kind: 'walk-in-reuse', searches: 46, match: 4, noMatch: 40, ambiguous: 2, reused: 3, templates: 372 },
      { kind: 'returning-citizen', searches: 0, match: 0, noMatch: 0, ambiguous: 0, reused: null, templates: 0 },
      { kind: 'erasure', searches: 1, match: 1, noMatch: 0, ambiguous: 0, reused: null, templates: 900 },
    ]);
  });

  it('warns about a threshold below the calibrated default, to the sixth decimal', () => {
    expect(thresholdAdvice(0.93, 0.93)).toBe('default');
    expect(thresholdAdvice(0.9300000001, 0.93)).toBe('default');
    expect(thresholdAdvice(0.9213, 0.93)).toBe('below-default');
    expect(thresholdAdvice(0.9345, 0.93)).toBe('above-default');
    expect(thresholdAdvice(0.9, 0.88)).toBe('above-default');
  });
});
