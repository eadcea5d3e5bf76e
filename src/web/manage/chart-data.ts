/**
 * The pure half of the "Biểu đồ" section: how a long period is split into parts loaded one after the
 * other (so each chart can show how far it got), and how each chart's data becomes an ECharts option
 * plus the table of the same numbers that sits under it. No DOM, no chart library at run time.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type {
  Comparison,
  ComparisonBy,
  DossierStatusBucket,
  MonthlyRates,
  PaknByCategory,
  QueueByTime,
  StatusBucketUnit,
  TimeSlot,
} from '../../contracts/charts';
import type { Lang } from '../../contracts/lang';
import { fill } from '../shared/i18n';
import { CHARTS_TEXT, WEEKDAY_NAMES, type ChartsTextKey } from './charts-text';

type Text = Record<ChartsTextKey, string>;

/** The app's own font stack (base.css): the same glyphs for Vietnamese on screen, in print and in PNG. */
export const CHART_FONT = "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif";
export const CHART_COLOURS = ['#1f5fa8', '#b3121f', '#1b7a36', '#b86e00', '#6a3d9a', '#5c5c5c', '#0f8a8a'];

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

export interface ChartSpec {
  option: EChartsCoreOption;
  table: ChartTable;
  /** Nothing to draw in this period. */
  empty: boolean;
}

// --- splitting a period into parts ------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Months "YYYY-MM" from `from` to `to`, both included. */
export function monthList(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1000; m = nextMonth(m)) out.push(m);
  return out;
}

/** Month ranges of at most `size` months each, covering `from`…`to`. */
export function monthParts(from: string, to: string, size = 3): { from: string; to: string }[] {
  const months = monthList(from, to);
  const parts = [];
  for (let i = 0; i < months.length; i += size) parts.push({ from: months[i]!, to: months[Math.min(i + size, months.length) - 1]! });
  return parts;
}

/**
 * Day ranges covering `from`…`to` whose edges fall on bucket edges (the 1st of a month, or a Monday),
 * so no week or month is cut in two between parts: `size` months or `size × 4 + 1` weeks per part.
 */
export function dayParts(from: string, to: string, unit: StatusBucketUnit, size = 3): { from: string; to: string }[] {
  const parts: { from: string; to: string }[] = [];
  let start = from;
  while (start <= to && parts.length < 1000) {
    let next: string;
    if (unit === 'month') {
      let month = start.slice(0, 7);
      for (let i = 0; i < size; i++) month = nextMonth(month);
      next = `${month}-01`;
    } else {
      const n = dayNumber(start);
      const weekday = (((n + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
      next = dayOf(n - weekday + 7 * (size * 4 + 1));
    }
    const end = dayOf(dayNumber(next) - 1);
    parts.push({ from: start, to: end > to ? to : end });
    start = next;
  }
  return parts;
}

/** "2026-11" → "T11/2026" (vi) or "11/2026" (en). */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-');
  return lang === 'vi' ? `T${Number(m)}/${y}` : `${m}/${y}`;
}

/** "2026-11-02" → "02/11". */
const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

export function bucketLabel(bucket: { key: string; from: string }, unit: StatusBucketUnit, lang: Lang): string {
  if (unit === 'month') return monthLabel(bucket.key, lang);
  return `${lang === 'vi' ? 'Tuần' : 'Week'} ${Number(bucket.key.slice(6))} (${shortDay(bucket.from)})`;
}

// --- numbers as people read them -----------------------------------------------------------------

const minutesOf = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

export function formatNumber(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '—';
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
}

const formatPercent = (value: number | null, lang: Lang) => (value === null ? '—' : `${formatNumber(value, lang, 2)} %`);

// --- options ------------------------------------------------------------------------------------

function base(): EChartsCoreOption {
  return {
    color: CHART_COLOURS,
    textStyle: { fontFamily: CHART_FONT, fontSize: 13, color: '#1a1a1a' },
    animationDuration: 300,
    tooltip: { trigger: 'axis', textStyle: { fontFamily: CHART_FONT } },
    // A plain legend wraps onto a second line rather than hiding items behind arrows (print shows all).
    legend: { top: 0, type: 'plain', textStyle: { fontFamily: CHART_FONT, fontSize: 13 } },
    grid: { left: 16, right: 16, top: 56, bottom: 36, containLabel: true },
  };
}

/**
 * An axis title. A vertical axis's title sits above it, aligned inwards so a long Vietnamese title is
 * not cut at the chart's edge; a horizontal axis's title sits centred under it.
 */
function axisName(name: string, place: 'left' | 'right' | 'bottom') {
  const style = { fontFamily: CHART_FONT, fontSize: 12, color: '#5c5c5c' };
  if (place === 'bottom') return { name, nameLocation: 'middle', nameGap: 28, nameTextStyle: style };
  return { name, nameLocation: 'end', nameTextStyle: { ...style, align: place } };
}

function slotsChart(slots: TimeSlot[], labels: string[], slotName: string, text: Text, lang: Lang): ChartSpec {
  const empty = slots.every((s) => s.arrivals === 0 && s.waitSeconds.count === 0);
  const option: EChartsCoreOption = {
    ...base(),
    xAxis: { type: 'category', data: labels, ...axisName(slotName, 'bottom') },
    yAxis: [
      { type: 'value', minInterval: 1, ...axisName(text.arrivalsAxis, 'left') },
      { type: 'value', ...axisName(text.waitAxis, 'right'), splitLine: { show: false } },
    ],
    series: [
      { name: text.arrivals, type: 'bar', data: slots.map((s) => s.arrivals), yAxisIndex: 0, barMaxWidth: 36 },
      { name: text.meanWait, type: 'line', data: slots.map((s) => minutesOf(s.waitSeconds.mean)), yAxisIndex: 1, symbolSize: 7 },
      { name: text.p90Wait, type: 'line', data: slots.map((s) => minutesOf(s.waitSeconds.p90)), yAxisIndex: 1, symbolSize: 7, lineStyle: { type: 'dashed' } },
    ],
  };
  return {
    option,
    empty,
    table: {
      columns: [slotName, text.arrivals, text.meanWait, text.p90Wait],
      rows: slots.map((s, i) => [labels[i]!, String(s.arrivals), formatNumber(minutesOf(s.waitSeconds.mean), lang), formatNumber(minutesOf(s.waitSeconds.p90), lang)]),
    },
  };
}

/** Hours with any arrival or wait, widened to office hours (7–17) so a quiet period still reads as a day. */
export function hourChart(data: QueueByTime, lang: Lang): ChartSpec {
  const text = CHARTS_TEXT[lang];
  const busy = data.byHour.filter((s) => s.arrivals > 0 || s.waitSeconds.count > 0).map((s) => s.slot);
  const first = Math.min(7, ...busy);
  const last = Math.max(17, ...busy);
  const slots = data.byHour.filter((s) => s.slot >= first && s.slot <= last);
  return slotsChart(slots, slots.map((s) => `${s.slot}h`), text.hour, text, lang);
}

/** Monday to Saturday always (many centres open on Saturday mornings), Sunday only when anyone came. */
export function weekdayChart(data: QueueByTime, lang: Lang): ChartSpec {
  const text = CHARTS_TEXT[lang];
  const slots = data.byWeekday.filter((s) => s.slot < 7 || s.arrivals > 0);
  return slotsChart(slots, slots.map((s) => WEEKDAY_NAMES[lang][s.slot - 1]!), text.weekday, text, lang);
}

export function monthlyChart(months: MonthlyRates[], lang: Lang): ChartSpec {
  const text = CHARTS_TEXT[lang];
  const labels = months.map((m) => monthLabel(m.month, lang));
  const line = (name: string, values: (number | null)[]) => ({
    name,
    type: 'line',
    data: values,
    symbolSize: 8,
    label: { show: months.length <= 12, position: 'top', fontFamily: CHART_FONT, fontSize: 11, formatter: (p: { value: number }) => formatNumber(p.value, lang) },
  });
  const fraction = (f: MonthlyRates['onTime']) => (f.denominator === 0 ? '—' : `${formatPercent(f.percent, lang)} (${fill(text.fraction, { numerator: f.numerator, denominator: f.denominator })})`);
  return {
    empty: months.every((m) => m.onTime.denominator === 0 && m.queueSatisfaction.denominator === 0 && m.dossierSatisfaction.denominator === 0),
    option: {
      ...base(),
      xAxis: { type: 'category', data: labels, ...axisName(text.month, 'bottom') },
      yAxis: { type: 'value', min: 0, max: 100, ...axisName(text.percentAxis, 'left') },
      series: [
        line(text.onTime, months.map((m) => m.onTime.percent)),
        line(text.queueSatisfaction, months.map((m) => m.queueSatisfaction.percent)),
        line(text.dossierSatisfaction, months.map((m) => m.dossierSatisfaction.percent)),
      ],
    },
    table: {
      columns: [text.month, text.onTime, text.queueSatisfaction, text.dossierSatisfaction],
      rows: months.map((m, i) => [labels[i]!, fraction(m.onTime), fraction(m.queueSatisfaction), fraction(m.dossierSatisfaction)]),
    },
  };
}

export function statusChart(buckets: DossierStatusBucket[], unit: StatusBucketUnit, lang: Lang): ChartSpec {
  const text = CHARTS_TEXT[lang];
  const labels = buckets.map((b) => bucketLabel(b, unit, lang));
  const stack = (name: string, values: number[], colour: string) => ({ name, type: 'bar', stack: 'stock', data: values, itemStyle: { color: colour }, barMaxWidth: 40 });
  const flow = (name: string, values: number[], colour: string, dashed = false) => ({
    name,
    type: 'line',
    data: values,
    symbolSize: 7,
    itemStyle: { color: colour },
    lineStyle: { color: colour, type: dashed ? 'dashed' : 'solid' },
  });
  const inTime = (b: DossierStatusBucket) => b.finishedEarly + b.finishedOnTime;
  const columns: [string, (b: DossierStatusBucket) => number][] = [
    [text.received, (b) => b.received],
    [text.finishedInTime, inTime],
    [text.finishedLate, (b) => b.finishedLate],
    [text.returned, (b) => b.returned],
    [text.closedOther, (b) => b.closedOther],
    [text.openWithinTime, (b) => b.openWithinTime],
    [text.awaitingSupplement, (b) => b.awaitingSupplement],
    [text.openOverdue, (b) => b.openOverdue],
    [text.resultWaiting, (b) => b.resultWaiting],
  ];
  return {
    empty: buckets.every((b) => columns.every(([, value]) => value(b) === 0)),
    option: {
      ...base(),
      // Seven legend items take two lines on a narrow page.
      grid: { left: 16, right: 16, top: 84, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: labels, ...axisName(unit === 'month' ? text.month : text.week, 'bottom') },
      yAxis: { type: 'value', minInterval: 1, ...axisName(text.countAxis, 'left') },
      series: [
        stack(text.openWithinTime, buckets.map((b) => b.openWithinTime), '#7fa7d6'),
        stack(text.openOverdue, buckets.map((b) => b.openOverdue), '#d9534f'),
        stack(text.resultWaiting, buckets.map((b) => b.resultWaiting), '#f0c36d'),
        flow(text.received, buckets.map((b) => b.received), '#1f5fa8'),
        flow(text.finishedInTime, buckets.map(inTime), '#1b7a36'),
        flow(text.finishedLate, buckets.map((b) => b.finishedLate), '#b3121f', true),
        flow(text.returned, buckets.map((b) => b.returned), '#6a3d9a', true),
      ],
    },
    table: {
      columns: [unit === 'month' ? text.month : text.week, ...columns.map(([name]) => name)],
      rows: buckets.map((b, i) => [labels[i]!, ...columns.map(([, value]) => String(value(b)))]),
    },
  };
}

export function paknChart(data: PaknByCategory, lang: Lang): ChartSpec {
  const text = CHARTS_TEXT[lang];
  // Largest at the top: a horizontal bar chart draws its first category at the bottom.
  const rows = [...data.rows].reverse();
  return {
    empty: data.total === 0,
    option: {
      ...base(),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { width: 220, overflow: 'break' } },
      series: [
        { name: text.complaints, type: 'bar', stack: 'pakn', data: rows.map((r) => r.complaints), itemStyle: { color: '#b3121f' }, barMaxWidth: 28 },
        { name: text.suggestions, type: 'bar', stack: 'pakn', data: rows.map((r) => r.suggestions), itemStyle: { color: '#1f5fa8' }, barMaxWidth: 28 },
      ],
    },
    table: {
      columns: [text.category, text.complaints, text.suggestions, text.total],
      rows: [...data.rows.map((r) => [r.label, String(r.complaints), String(r.suggestions), String(r.total)]), [text.total, '', '', String(data.total)]],
    },
  };
}

export type ComparisonMetric = 'served' | 'averageWait' | 'averageService' | 'satisfaction';
export const COMPARISON_METRICS: ComparisonMetric[] = ['served', 'averageWait', 'averageService', 'satisfaction'];
export const COMPARISON_BY: Record<ComparisonBy, ChartsTextKey> = { field: 'byField', counter: 'byCounter', officer: 'byOfficer' };

function metricValue(row: Comparison['rows'][number], metric: ComparisonMetric): number | null {
  switch (metric) {
    case 'served':
      return row.served;
    case 'averageWait':
      return minutesOf(row.averageWaitSeconds);
    case 'averageService':
      return minutesOf(row.averageServiceSeconds);
    case 'satisfaction':
      return row.satisfiedPercent;
  }
}

export function comparisonChart(data: Comparison, metric: ComparisonMetric, lang: Lang): ChartSpec {
  const text = CHARTS_TEXT[lang];
  const rows = [...data.rows].reverse();
  const metricName = text[metric];
  return {
    empty: data.rows.length === 0,
    option: {
      ...base(),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { show: false },
      grid: { left: 16, right: 48, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'value', ...(metric === 'satisfaction' ? { min: 0, max: 100 } : metric === 'served' ? { minInterval: 1 } : {}), ...axisName(metricName, 'bottom') },
      yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { width: 220, overflow: 'break' } },
      series: [
        {
          name: metricName,
          type: 'bar',
          data: rows.map((r) => metricValue(r, metric)),
          barMaxWidth: 28,
          label: { show: true, position: 'right', fontFamily: CHART_FONT, formatter: (p: { value: number | null }) => formatNumber(p.value, lang) },
        },
      ],
    },
    table: {
      columns: [text[COMPARISON_BY[data.by]], text.served, text.averageWait, text.averageService, text.satisfaction, text.ratings],
      rows: data.rows.map((r) => [
        r.label,
        String(r.served),
        formatNumber(minutesOf(r.averageWaitSeconds), lang),
        formatNumber(minutesOf(r.averageServiceSeconds), lang),
        formatPercent(r.satisfiedPercent, lang),
        String(r.ratings),
      ]),
    },
  };
}

/** A file name a person recognises: the chart and the period, ASCII only. */
export function pngFileName(chart: string, from: string, to: string): string {
  return `bieu-do-${chart}-${from}_${to}.png`;
}
