/**
 * Biểu đồ: what a manager would rather look at than read — arrivals and waits by hour and by day of
 * the week, the on-time rate and satisfaction month by month, dossiers by status over time, complaints
 * and suggestions by category, and fields, counters or officers side by side. Each chart loads on its
 * own and shows how far it got (long periods are fetched in parts), can be saved as a PNG image, and
 * has its numbers in a table underneath for those who cannot see it. The page prints one chart a block.
 *
 * Loaded lazily by the console: the chart library is only fetched when this section opens.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type {
  Comparison,
  ComparisonBy,
  DossierStatusBucket,
  DossierStatusReport,
  MonthlyRates,
  MonthlyRatesReport,
  PaknByCategory,
  QueueByTime,
  StatusBucketUnit,
} from '../../contracts/charts';
import type { Lang } from '../../contracts/lang';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import {
  COMPARISON_BY,
  COMPARISON_METRICS,
  comparisonChart,
  dayParts,
  hourChart,
  monthlyChart,
  monthParts,
  paknChart,
  pngFileName,
  statusChart,
  weekdayChart,
  type ChartSpec,
  type ComparisonMetric,
} from './chart-data';
import { CHARTS_TEXT } from './charts-text';
import { downloadDataUrl, EChart, type EChartHandle } from './echart';
import { addDays, hallDay, startOfMonth } from './format';
import type { SectionProps } from './section-props';
import { errorMessage } from './ui';
import './charts.css';

interface Period {
  from: string;
  to: string;
}

interface Loaded<T> {
  /** One entry per part loaded so far, in order. */
  parts: T[];
  done: number;
  total: number;
  loading: boolean;
  error: string | null;
  reload(): void;
}

/**
 * Loads a chart's data part after part (one request at a time: the server shares two cores), keeping
 * what arrived so the chart grows as it loads. A newer period cancels the older one's remaining parts.
 */
function useParts<P, T>(parts: P[], fetchPart: (part: P) => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ key: string; parts: T[]; error: string | null; loading: boolean }>({ key, parts: [], error: null, loading: true });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef({ parts, fetchPart });
  latest.current = { parts, fetchPart };

  useEffect(() => {
    let cancelled = false;
    const { parts: todo, fetchPart: fetchOne } = latest.current;
    setState({ key, parts: [], error: null, loading: true });
    void (async () => {
      const got: T[] = [];
      for (const part of todo) {
        try {
          const result = await fetchOne(part);
          if (cancelled) return;
          got.push(result);
          setState({ key, parts: [...got], error: null, loading: got.length < todo.length });
        } catch (e) {
          if (!cancelled) setState({ key, parts: [...got], error: errorMessage(e), loading: false });
          return;
        }
      }
      if (!cancelled && todo.length === 0) setState({ key, parts: [], error: null, loading: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [key, attempt]);

  const current = state.key === key ? state : { parts: [], error: null, loading: true };
  return {
    parts: current.parts,
    done: current.parts.length,
    total: parts.length,
    loading: current.loading,
    error: current.error,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}

const query = (values: Record<string, string>) => new URLSearchParams(values).toString();

export default function ChartsSection({ info }: SectionProps) {
  const text = useText(CHARTS_TEXT);
  const { lang } = useLang();
  const today = hallDay(info.serverTime);
  // Last month and this one: the monthly chart starts with something to compare.
  const [from, setFrom] = useState(startOfMonth(addDays(startOfMonth(today), -1)));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState<Period>({ from, to });

  const apply = (f: string, t: string) => {
    setFrom(f);
    setTo(t);
    setPeriod({ from: f, to: t });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && from <= to) setPeriod({ from, to });
  };
  const lastMonthEnd = addDays(startOfMonth(today), -1);
  const monthsBack = (n: number) => {
    let start = startOfMonth(today);
    for (let i = 0; i < n - 1; i++) start = startOfMonth(addDays(start, -1));
    return start;
  };
  const periodText = fill(text.period, { from: displayDay(period.from), to: displayDay(period.to) });

  return (
    <div className="m-stack ch-charts">
      <section className="m-card ch-controls">
        <form className="m-range" onSubmit={submit} aria-label={text.range}>
          <label>
            {text.from}
            <input type="date" value={from} max={to || undefined} required onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {text.to}
            <input type="date" value={to} min={from || undefined} required onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="m-primary">
            {text.show}
          </button>
          <span className="m-range-presets">
            <button type="button" onClick={() => apply(startOfMonth(today), today)}>
              {text.thisMonth}
            </button>
            <button type="button" onClick={() => apply(startOfMonth(lastMonthEnd), lastMonthEnd)}>
              {text.lastMonth}
            </button>
            <button type="button" onClick={() => apply(monthsBack(3), today)}>
              {text.last3Months}
            </button>
            <button type="button" onClick={() => apply(`${today.slice(0, 4)}-01-01`, today)}>
              {text.thisYear}
            </button>
            <button type="button" onClick={() => apply(monthsBack(12), today)}>
              {text.last12Months}
            </button>
          </span>
          <button type="button" className="ch-print-button" onClick={() => window.print()}>
            {text.print}
          </button>
        </form>
      </section>
      <p className="ch-print-only ch-print-period">
        {info.centre.name} — {periodText}
      </p>
      <QueueTimeCharts period={period} lang={lang} periodText={periodText} />
      <MonthlyRatesChart period={period} lang={lang} periodText={periodText} />
      <DossierStatusChart period={period} lang={lang} periodText={periodText} />
      <PaknCategoriesChart period={period} lang={lang} periodText={periodText} />
      <ComparisonChart period={period} lang={lang} periodText={periodText} />
    </div>
  );
}

/** "2026-11-02" → "02/11/2026", the way Vietnamese forms write dates. */
function displayDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

interface ChartProps {
  period: Period;
  lang: Lang;
  periodText: string;
}

function QueueTimeCharts({ period, lang, periodText }: ChartProps) {
  const text = CHARTS_TEXT[lang];
  const loaded = useParts([period], (p) => api<QueueByTime>('GET', `/api/v1/manage/charts/queue-by-time?${query({ ...p })}`), `${period.from}/${period.to}`);
  const data = loaded.parts[0];
  const hours = useMemo(() => (data ? hourChart(data, lang) : null), [data, lang]);
  const weekdays = useMemo(() => (data ? weekdayChart(data, lang) : null), [data, lang]);
  return (
    <>
      <ChartCard id="hours" title={text.hourTitle} help={text.hourHelp} spec={hours} loaded={loaded} period={period} periodText={periodText} lang={lang} />
      <ChartCard id="weekdays" title={text.weekdayTitle} spec={weekdays} loaded={loaded} period={period} periodText={periodText} lang={lang} />
    </>
  );
}

function MonthlyRatesChart({ period, lang, periodText }: ChartProps) {
  const text = CHARTS_TEXT[lang];
  const parts = useMemo(() => monthParts(period.from.slice(0, 7), period.to.slice(0, 7)), [period]);
  const loaded = useParts(parts, (p) => api<MonthlyRatesReport>('GET', `/api/v1/manage/charts/monthly-rates?${query(p)}`), `${period.from}/${period.to}`);
  const months: MonthlyRates[] = useMemo(() => loaded.parts.flatMap((p) => p.months), [loaded.parts]);
  const spec = useMemo(() => (loaded.done > 0 ? monthlyChart(months, lang) : null), [months, loaded.done, lang]);
  return <ChartCard id="monthly" title={text.monthlyTitle} help={text.monthlyHelp} spec={spec} loaded={loaded} period={period} periodText={periodText} lang={lang} />;
}

function DossierStatusChart({ period, lang, periodText }: ChartProps) {
  const text = CHARTS_TEXT[lang];
  const long = Date.parse(period.to) - Date.parse(period.from) > 92 * 86_400_000;
  const [unit, setUnit] = useState<StatusBucketUnit>(long ? 'month' : 'week');
  useEffect(() => setUnit(long ? 'month' : 'week'), [long]);
  const parts = useMemo(() => dayParts(period.from, period.to, unit), [period, unit]);
  const loaded = useParts(
    parts,
    (p) => api<DossierStatusReport>('GET', `/api/v1/manage/charts/dossier-status?${query({ ...p, unit })}`),
    `${period.from}/${period.to}/${unit}`,
  );
  const buckets: DossierStatusBucket[] = useMemo(() => loaded.parts.flatMap((p) => p.buckets), [loaded.parts]);
  const spec = useMemo(() => (loaded.done > 0 ? statusChart(buckets, unit, lang) : null), [buckets, loaded.done, unit, lang]);
  const controls = (
    <label className="ch-control">
      {text.unit}
      <select value={unit} onChange={(e) => setUnit(e.target.value as StatusBucketUnit)}>
        <option value="week">{text.week}</option>
        <option value="month">{text.month}</option>
      </select>
    </label>
  );
  return (
    <ChartCard id="status" title={text.statusTitle} help={text.statusHelp} spec={spec} loaded={loaded} period={period} periodText={periodText} lang={lang} controls={controls} height={400} />
  );
}

function PaknCategoriesChart({ period, lang, periodText }: ChartProps) {
  const text = CHARTS_TEXT[lang];
  const loaded = useParts([period], (p) => api<PaknByCategory>('GET', `/api/v1/manage/charts/pakn-categories?${query({ ...p })}`), `${period.from}/${period.to}/${lang}`);
  const data = loaded.parts[0];
  const spec = useMemo(() => (data ? paknChart(data, lang) : null), [data, lang]);
  const height = Math.max(240, 80 + (data?.rows.length ?? 0) * 40);
  return <ChartCard id="pakn" title={text.paknTitle} spec={spec} loaded={loaded} period={period} periodText={periodText} lang={lang} height={height} />;
}

function ComparisonChart({ period, lang, periodText }: ChartProps) {
  const text = CHARTS_TEXT[lang];
  const [by, setBy] = useState<ComparisonBy>('field');
  const [metric, setMetric] = useState<ComparisonMetric>('served');
  const loaded = useParts(
    [period],
    (p) => api<Comparison>('GET', `/api/v1/manage/charts/comparison?${query({ ...p, by })}`),
    `${period.from}/${period.to}/${by}/${lang}`,
  );
  const data = loaded.parts[0];
  const spec = useMemo(() => (data ? comparisonChart(data, metric, lang) : null), [data, metric, lang]);
  const height = Math.max(240, 80 + (data?.rows.length ?? 0) * 36);
  const controls = (
    <>
      <label className="ch-control">
        {text.compareBy}
        <select value={by} onChange={(e) => setBy(e.target.value as ComparisonBy)}>
          {(Object.keys(COMPARISON_BY) as ComparisonBy[]).map((b) => (
            <option key={b} value={b}>
              {text[COMPARISON_BY[b]]}
            </option>
          ))}
        </select>
      </label>
      <label className="ch-control">
        {text.metric}
        <select value={metric} onChange={(e) => setMetric(e.target.value as ComparisonMetric)}>
          {COMPARISON_METRICS.map((m) => (
            <option key={m} value={m}>
              {text[m]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
  return (
    <ChartCard
      id="comparison"
      title={`${text.comparisonTitle}: ${text[COMPARISON_BY[by]].toLowerCase()} — ${text[metric].toLowerCase()}`}
      help={text.comparisonHelp}
      spec={spec}
      loaded={loaded}
      period={period}
      periodText={periodText}
      lang={lang}
      controls={controls}
      height={height}
    />
  );
}

function ChartCard({
  id,
  title,
  help,
  spec,
  loaded,
  period,
  periodText,
  lang,
  controls,
  height = 340,
}: {
  id: string;
  title: string;
  help?: string;
  spec: ChartSpec | null;
  loaded: Loaded<unknown>;
  period: Period;
  periodText: string;
  lang: Lang;
  controls?: ReactNode;
  height?: number;
}) {
  const text = CHARTS_TEXT[lang];
  const chart = useRef<EChartHandle>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const headingId = `ch-${id}-title`;
  const download = () => {
    setExportError(null);
    try {
      const url = chart.current?.toPng(title, periodText);
      if (url) downloadDataUrl(url, pngFileName(id, period.from, period.to));
    } catch (e) {
      setExportError(errorMessage(e));
    }
  };
  const drawable = spec !== null && !spec.empty;

  return (
    <section className="m-card ch-card" aria-labelledby={headingId} data-testid={`chart-${id}`} aria-busy={loaded.loading}>
      <div className="ch-head">
        <h2 id={headingId}>{title}</h2>
        <div className="ch-tools">
          {controls}
          <button type="button" onClick={download} disabled={!drawable || loaded.loading}>
            {text.downloadPng}
          </button>
        </div>
      </div>
      <p className="ch-print-only ch-print-period">{periodText}</p>
      {help && <p className="m-help">{help}</p>}
      {loaded.loading && (
        <div className="ch-progress" role="status">
          {loaded.total > 1 ? (
            <>
              <progress value={loaded.done} max={loaded.total} />
              <span>{fill(text.loadingParts, { done: loaded.done, total: loaded.total })}</span>
            </>
          ) : (
            <>
              <progress />
              <span>{text.loading}</span>
            </>
          )}
        </div>
      )}
      {loaded.error && (
        <p className="m-form-error" role="alert">
          {loaded.error}{' '}
          <button type="button" onClick={loaded.reload}>
            {text.retry}
          </button>
        </p>
      )}
      {exportError && (
        <p className="m-form-error" role="alert">
          {exportError}
        </p>
      )}
      {spec && spec.empty && !loaded.loading && <p className="m-muted">{text.noData}</p>}
      {drawable && <EChart ref={chart} option={spec.option} height={height} label={title} />}
      {spec && (
        <details className="ch-table">
          <summary>{text.tableSummary}</summary>
          <div className="m-table-wrap">
            <table className="m-table m-numeric m-compact">
              <caption className="ch-caption">
                {title} — {periodText}
              </caption>
              <thead>
                <tr>
                  {spec.table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {spec.table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={j}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
