import { describe, expect, it } from 'vitest';
import { dossierKpisUrl, dossierLink, endOfMonth, formatRate, formatWorkingDays, isDayOff, trackingBookUrl } from './dossier-reports';

describe('KPI figures', () => {
  it.each([
    [87.5, '87,5 %', '87.5%'],
    [100, '100 %', '100%'],
    [0, '0 %', '0%'],
    [66.67, '66,7 %', '66.7%'],
    [99.94, '99,9 %', '99.9%'],
    [0.5, '0,5 %', '0.5%'],
  ])('on-time rate %s', (rate, vi, en) => {
    expect(formatRate(rate, 'vi')).toBe(vi);
    expect(formatRate(rate, 'en')).toBe(en);
  });

  it('shows a dash when there is nothing to rate', () => {
    expect(formatRate(null, 'vi')).toBe('—');
    expect(formatRate(Number.NaN, 'vi')).toBe('—');
  });

  it('writes average working days with one decimal', () => {
    expect(formatWorkingDays(2.46, 'vi')).toBe('2,5');
    expect(formatWorkingDays(3, 'en')).toBe('3.0');
    expect(formatWorkingDays(null, 'vi')).toBe('—');
  });
});

describe('report URLs', () => {
  it('leaves out the filters that are not set', () => {
    expect(trackingBookUrl({ from: '2026-11-01', to: '2026-11-30', status: 'all', fieldName: ' ', timeliness: '' })).toBe(
      '/api/v1/manage/reports/tracking-book?from=2026-11-01&to=2026-11-30&status=all',
    );
  });

  it('carries the field, the timeliness and the file format', () => {
    const url = trackingBookUrl({ from: '2026-11-01', to: '2026-11-30', status: 'open', fieldName: 'Hộ tịch', timeliness: 'overdue' }, 'xlsx');
    const query = new URL(url, 'http://x').searchParams;
    expect(query.get('fieldName')).toBe('Hộ tịch');
    expect(query.get('timeliness')).toBe('overdue');
    expect(query.get('format')).toBe('xlsx');
  });

  it('asks the KPIs by group and links a dossier to its desk', () => {
    expect(dossierKpisUrl('2026-11-01', '2026-11-30', 'officer')).toBe('/api/v1/manage/reports/dossier-kpis?from=2026-11-01&to=2026-11-30&groupBy=officer');
    expect(dossierLink('a b')).toBe('/dossiers?id=a%20b');
  });
});

describe('calendar helpers', () => {
  it('finds the last day of a month, leap years included', () => {
    expect(endOfMonth('2026-11-26')).toBe('2026-11-30');
    expect(endOfMonth('2028-02-03')).toBe('2028-02-29');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
  });

  it('counts a làm-bù Saturday as a working day', () => {
    expect(isDayOff('swap-work')).toBe(false);
    expect(isDayOff('compensatory')).toBe(true);
  });
});
