import { describe, expect, it } from 'vitest';
import type { Comparison, DossierStatusBucket, QueueByTime, TimeSlot } from '../../contracts/charts';
import { bucketLabel, comparisonChart, dayParts, hourChart, monthlyChart, monthParts, pngFileName, statusChart, weekdayChart } from './chart-data';

const noWait = { count: 0, mean: null, p50: null, p90: null, max: null };
const slot = (n: number, arrivals = 0, mean: number | null = null): TimeSlot => ({
  slot: n,
  arrivals,
  waitSeconds: mean === null ? noWait : { count: arrivals, mean, p50: mean, p90: mean, max: mean },
});

function queue(byHour: Record<number, [number, number]>, byWeekday: Record<number, number> = {}): QueueByTime {
  return {
    from: '2026-11-01',
    to: '2026-11-30',
    daysWithArrivals: 1,
    arrivals: 0,
    byHour: Array.from({ length: 24 }, (_, h) => slot(h, byHour[h]?.[0] ?? 0, byHour[h]?.[1] ?? null)),
    byWeekday: [1, 2, 3, 4, 5, 6, 7].map((d) => slot(d, byWeekday[d] ?? 0)),
  };
}

describe('loading a long period in parts', () => {
  it('splits months three by three', () => {
    expect(monthParts('2026-01', '2026-12')).toEqual([
      { from: '2026-01', to: '2026-03' },
      { from: '2026-04', to: '2026-06' },
      { from: '2026-07', to: '2026-09' },
      { from: '2026-10', to: '2026-12' },
    ]);
    expect(monthParts('2025-12', '2026-01')).toEqual([{ from: '2025-12', to: '2026-01' }]);
  });

  it('cuts a day range only on the first of a month, or on a Monday, so no bucket is split', () => {
    expect(dayParts('2026-01-15', '2026-12-31', 'month')).toEqual([
      { from: '2026-01-15', to: '2026-03-31' },
      { from: '2026-04-01', to: '2026-06-30' },
      { from: '2026-07-01', to: '2026-09-30' },
      { from: '2026-10-01', to: '2026-12-31' },
    ]);
    const weeks = dayParts('2026-01-07', '2026-12-31', 'week');
    expect(weeks[0]).toEqual({ from: '2026-01-07', to: '2026-04-05' }); // a Wednesday … the Sunday ending its 13th week
    for (const part of weeks.slice(1)) expect(new Date(`${part.from}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(weeks[weeks.length - 1]!.to).toBe('2026-12-31');
    expect(dayParts('2026-11-02', '2026-11-08', 'week')).toEqual([{ from: '2026-11-02', to: '2026-11-08' }]);
  });
});

describe('chart options and their tables', () => {
  it('shows office hours at least, widened to any hour someone came', () => {
    const spec = hourChart(queue({ 6: [2, 600], 9: [1, 90] }), 'vi');
    expect(spec.table.columns).toEqual(['Giờ', 'Lượt đến', 'Chờ trung bình (phút)', 'Chờ P90 (phút)']);
    expect(spec.table.rows.map((r) => r[0])).toEqual(['6h', '7h', '8h', '9h', '10h', '11h', '12h', '13h', '14h', '15h', '16h', '17h']);
    expect(spec.table.rows[0]).toEqual(['6h', '2', '10', '10']);
    expect(spec.table.rows[3]).toEqual(['9h', '1', '1,5', '1,5']);
    expect(spec.empty).toBe(false);
    expect(hourChart(queue({}), 'en').empty).toBe(true);
  });

  it('names the days of the week, and keeps Sunday only when someone came', () => {
    expect(weekdayChart(queue({}, { 1: 4 }), 'vi').table.rows.map((r) => r[0])).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']);
    expect(weekdayChart(queue({}, { 7: 1 }), 'en').table.rows.map((r) => r[0])).toContain('Sunday');
  });

  it('writes each monthly rate with what it counts', () => {
    const spec = monthlyChart(
      [
        {
          month: '2026-10',
          onTime: { percent: 50, numerator: 1, denominator: 2 },
          queueSatisfaction: { percent: 66.7, numerator: 2, denominator: 3 },
          dossierSatisfaction: { percent: null, numerator: 0, denominator: 0 },
        },
      ],
      'vi',
    );
    expect(spec.table.rows).toEqual([['T10/2026', '50 % (1/2)', '66,7 % (2/3)', '—']]);
  });

  it('stacks what is left at the end of a bucket and draws what moved in it as lines', () => {
    const bucket: DossierStatusBucket = {
      key: '2026-W45',
      from: '2026-11-02',
      to: '2026-11-08',
      received: 5,
      finishedEarly: 1,
      finishedOnTime: 2,
      finishedLate: 1,
      returned: 3,
      closedOther: 0,
      openWithinTime: 4,
      openOverdue: 1,
      awaitingSupplement: 1,
      resultWaiting: 2,
    };
    const spec = statusChart([bucket], 'week', 'vi');
    expect(bucketLabel(bucket, 'week', 'vi')).toBe('Tuần 45 (02/11)');
    expect(spec.table.rows[0]).toEqual(['Tuần 45 (02/11)', '5', '3', '1', '3', '0', '4', '1', '1', '2']);
    const series = (spec.option['series'] as { name: string; type: string; stack?: string }[]).map((s) => [s.name, s.type, s.stack ?? null]);
    expect(series.filter(([, , stack]) => stack === 'stock').map(([name]) => name)).toEqual(['Đang xử lý trong hạn', 'Quá hạn chưa xử lý', 'Chờ trả kết quả']);
  });

  it('compares in minutes and per cent, the largest at the top', () => {
    const data: Comparison = {
      from: '2026-11-01',
      to: '2026-11-30',
      by: 'counter',
      rows: [
        { key: 'a', label: 'Quầy 1', served: 10, averageWaitSeconds: 300, averageServiceSeconds: 420, ratings: 4, satisfiedPercent: 75 },
        { key: 'b', label: 'Quầy 2', served: 3, averageWaitSeconds: null, averageServiceSeconds: 90, ratings: 0, satisfiedPercent: null },
      ],
    };
    const spec = comparisonChart(data, 'averageWait', 'en');
    expect(spec.table.columns[0]).toBe('Counter');
    expect(spec.table.rows).toEqual([
      ['Quầy 1', '10', '5', '7', '75 %', '4'],
      ['Quầy 2', '3', '—', '1.5', '—', '0'],
    ]);
    const yAxis = spec.option['yAxis'] as { data: string[] };
    expect(yAxis.data).toEqual(['Quầy 2', 'Quầy 1']);
    expect(pngFileName('comparison', '2026-11-01', '2026-11-30')).toBe('bieu-do-comparison-2026-11-01_2026-11-30.png');
  });
});
