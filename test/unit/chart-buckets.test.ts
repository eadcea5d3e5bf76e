import { describe, expect, it } from 'vitest';
import {
  bucketQueueByTime,
  calendarBuckets,
  dossierStageAt,
  isoWeekOf,
  monthsBetween,
  satisfiedShare,
} from '../../src/core/charts/chart-buckets';
import type { Dossier } from '../../src/core/dossier/dossier-types';
import type { QueueStay } from '../../src/core/queue/visit-metrics';

const stay = (joinedAt: string, waitSeconds: number | null): QueueStay => ({
  ticketId: 't',
  fieldId: 'f',
  joinedAt: new Date(joinedAt),
  calledAt: null,
  counterId: null,
  waitSeconds,
  walkSeconds: null,
  predictedWaitSeconds: null,
});

describe('calendar buckets', () => {
  it.each([
    ['2026-01', '2026-03', ['2026-01', '2026-02', '2026-03']],
    ['2025-11', '2026-02', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-05', '2026-05', ['2026-05']],
    ['2026-05', '2026-04', []],
  ])('months %s … %s', (from, to, keys) => {
    expect(monthsBetween(from, to).map((m) => m.key)).toEqual(keys);
  });

  it('knows the last day of each month, leap years included', () => {
    expect(monthsBetween('2028-02', '2028-02')[0]).toEqual({ key: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(monthsBetween('2026-02', '2026-02')[0]!.to).toBe('2026-02-28');
    expect(monthsBetween('2026-12', '2026-12')[0]!.to).toBe('2026-12-31');
  });

  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2025-12-29', '2026-W01'], // Monday of the week that holds 1 January 2026
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2026-11-25', '2026-W48'],
  ])('ISO week of %s is %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('clips the first and last week or month to the range', () => {
    expect(calendarBuckets('2026-11-04', '2026-11-17', 'week')).toEqual([
      { key: '2026-W45', from: '2026-11-04', to: '2026-11-08' },
      { key: '2026-W46', from: '2026-11-09', to: '2026-11-15' },
      { key: '2026-W47', from: '2026-11-16', to: '2026-11-17' },
    ]);
    expect(calendarBuckets('2026-10-15', '2026-12-03', 'month')).toEqual([
      { key: '2026-10', from: '2026-10-15', to: '2026-10-31' },
      { key: '2026-11', from: '2026-11-01', to: '2026-11-30' },
      { key: '2026-12', from: '2026-12-01', to: '2026-12-03' },
    ]);
    expect(calendarBuckets('2026-12-03', '2026-12-01', 'week')).toEqual([]);
  });
});

describe('queue arrivals and waits by time', () => {
  it('buckets by local (UTC+7) hour and weekday, not by UTC', () => {
    // 16:59 UTC Sunday 22/11 is 23:59 Sunday in Hà Nội; 17:00 UTC is 00:00 Monday.
    const figures = bucketQueueByTime(
      [new Date('2026-11-22T16:59:00Z'), new Date('2026-11-22T17:00:00Z'), new Date('2026-11-23T01:30:00Z'), new Date('2026-11-23T01:59:59Z')],
      [stay('2026-11-23T01:30:00Z', 600), stay('2026-11-23T01:59:59Z', 1200), stay('2026-11-23T02:00:00Z', null)],
    );
    expect(figures.arrivals).toBe(4);
    expect(figures.daysWithArrivals).toBe(2);
    expect(figures.byHour[23]).toMatchObject({ slot: 23, arrivals: 1, waitSeconds: { count: 0, mean: null } });
    expect(figures.byHour[0]).toMatchObject({ slot: 0, arrivals: 1 });
    expect(figures.byHour[8]).toEqual({ slot: 8, arrivals: 2, waitSeconds: { count: 2, mean: 900, p50: 600, p90: 1200, max: 1200 } });
    // A stay never called has no wait: it is not counted as a zero.
    expect(figures.byHour[9]!.waitSeconds.count).toBe(0);
    expect(figures.byWeekday.map((d) => [d.slot, d.arrivals])).toEqual([[1, 3], [2, 0], [3, 0], [4, 0], [5, 0], [6, 0], [7, 1]]);
    expect(figures.byWeekday[0]!.waitSeconds).toMatchObject({ count: 2, mean: 900 });
  });

  it('uses the KPI table p90: the value at the 90th percentile rank, not an interpolation', () => {
    const waits = [60, 120, 180, 240, 300, 360, 420, 480, 540, 3600];
    const figures = bucketQueueByTime([], waits.map((w) => stay('2026-11-23T03:00:00Z', w)));
    expect(figures.byHour[10]!.waitSeconds).toEqual({ count: 10, mean: 630, p50: 300, p90: 540, max: 3600 });
  });
});

describe('where a dossier stood', () => {
  const base: Dossier = {
    id: 'd',
    code: 'X',
    status: 'returned',
    procedureVersionId: 'v',
    procedureCode: 'p',
    procedureName: 'P',
    channel: 'direct',
    processingTime: { amount: 3, unit: 'working-days' } as Dossier['processingTime'],
    applicant: { fullName: 'A', idNumber: null, address: null, phone: null, email: null },
    documents: [],
    ticketId: null,
    receivedById: null,
    receivedAt: new Date('2026-11-02T02:00:00Z'),
    createdAt: new Date('2026-11-02T02:00:00Z'),
    dueAt: new Date('2026-11-05T10:00:00Z'),
    extendedDueAt: null,
    apology: null,
    guidance: null,
    supplements: [{ requestedAt: new Date('2026-11-03T02:00:00Z'), items: [], completedAt: new Date('2026-11-04T02:00:00Z') }],
    steps: [],
    finishedAt: new Date('2026-11-05T02:00:00Z'),
    returnedAt: new Date('2026-11-06T02:00:00Z'),
    returnedTo: 'A',
    refusal: null,
    stop: null,
    withdrawnAt: null,
    timeliness: 'on-time',
  };

  it.each([
    ['2026-11-02T01:00:00Z', null],
    ['2026-11-02T03:00:00Z', 'open'],
    ['2026-11-03T05:00:00Z', 'awaiting-supplement'],
    ['2026-11-04T05:00:00Z', 'open'],
    ['2026-11-05T05:00:00Z', 'result-waiting'],
    ['2026-11-06T05:00:00Z', 'returned'],
  ])('at %s it was %s', (at, stage) => {
    expect(dossierStageAt(base, new Date(at))).toBe(stage);
  });

  it('puts a withdrawal, a refusal or a stop before anything else once it happened', () => {
    const withdrawn = { ...base, finishedAt: null, returnedAt: null, withdrawnAt: new Date('2026-11-04T05:00:00Z') };
    expect(dossierStageAt(withdrawn, new Date('2026-11-04T04:00:00Z'))).toBe('open');
    expect(dossierStageAt(withdrawn, new Date('2026-11-04T06:00:00Z'))).toBe('withdrawn');
    const stopped = { ...base, finishedAt: null, returnedAt: null, stop: { at: new Date('2026-11-04T05:00:00Z'), reason: 'r' } };
    expect(dossierStageAt(stopped, new Date('2026-11-10T00:00:00Z'))).toBe('stopped');
    expect(dossierStageAt({ ...base, receivedAt: null }, new Date('2026-11-10T00:00:00Z'))).toBeNull();
  });
});

describe('satisfied share', () => {
  it('counts very satisfied and satisfied over all ratings, one decimal', () => {
    expect(satisfiedShare(['very-satisfied', 'satisfied', 'dissatisfied'])).toEqual({ percent: 66.7, numerator: 2, denominator: 3 });
    expect(satisfiedShare([])).toEqual({ percent: null, numerator: 0, denominator: 0 });
  });
});
