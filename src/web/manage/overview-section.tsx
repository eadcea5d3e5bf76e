/**
 * Tổng quan: the live hall (people waiting per field, counters' states) and the queue KPIs of a
 * range of days (GET /manage/kpis/queue): totals, then by field, by counter and by officer.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { QueueKpis } from '../../contracts/api';
import type { Lang } from '../../contracts/lang';
import { api } from '../shared/api';
import { useLang, useText, type Dictionary } from '../shared/i18n';
import { addDays, formatDuration, formatPercent, hallDay, startOfMonth } from './format';
import { COUNTER_STATE_LABELS } from './manage-text';
import type { SectionProps } from './section-props';
import { FormError, useAction } from './ui';

type Row = QueueKpis['total'];

const TEXT: Dictionary<
  | 'live'
  | 'waiting'
  | 'nobodyWaiting'
  | 'counters'
  | 'noCounters'
  | 'range'
  | 'from'
  | 'to'
  | 'show'
  | 'today'
  | 'yesterday'
  | 'last7'
  | 'thisMonth'
  | 'refresh'
  | 'totals'
  | 'issued'
  | 'served'
  | 'noShows'
  | 'cancelled'
  | 'wait'
  | 'waitMean'
  | 'waitP50'
  | 'waitP90'
  | 'walk'
  | 'walkMean'
  | 'service'
  | 'serviceMean'
  | 'serviceP90'
  | 'ratings'
  | 'verySatisfied'
  | 'satisfied'
  | 'dissatisfied'
  | 'satisfiedPercent'
  | 'ratedCount'
  | 'prediction'
  | 'predictionHelp'
  | 'byField'
  | 'byCounter'
  | 'byOfficer'
  | 'name'
  | 'noData'
  | 'timesNote'
  | 'mean'
  | 'p50'
  | 'p90'
  | 'people'
  | 'rangeHeading'
> = {
  vi: {
    live: 'Trực tiếp tại sảnh',
    waiting: 'Đang chờ theo lĩnh vực',
    nobodyWaiting: 'Hiện không có ai đang chờ.',
    counters: 'Trạng thái quầy',
    noCounters: 'Chưa có quầy nào.',
    range: 'Khoảng thời gian',
    from: 'Từ ngày',
    to: 'Đến ngày',
    show: 'Xem',
    today: 'Hôm nay',
    yesterday: 'Hôm qua',
    last7: '7 ngày qua',
    thisMonth: 'Tháng này',
    refresh: 'Làm mới',
    totals: 'Tổng hợp',
    issued: 'Số đã phát',
    served: 'Đã phục vụ xong',
    noShows: 'Vắng mặt',
    cancelled: 'Đã hủy',
    wait: 'Thời gian chờ',
    waitMean: 'Chờ TB',
    waitP50: 'Chờ trung vị',
    waitP90: 'Chờ P90',
    walk: 'Đi đến quầy',
    walkMean: 'Đi đến quầy TB',
    service: 'Thời gian phục vụ',
    serviceMean: 'Phục vụ TB',
    serviceP90: 'Phục vụ P90',
    ratings: 'Đánh giá',
    verySatisfied: 'Rất hài lòng',
    satisfied: 'Hài lòng',
    dissatisfied: 'Không hài lòng',
    satisfiedPercent: 'Tỷ lệ hài lòng',
    ratedCount: 'Lượt đánh giá',
    prediction: 'Sai số dự báo thời gian chờ',
    predictionHelp: 'Chênh lệch trung bình giữa thời gian chờ in trên phiếu và thời gian chờ thực tế ({count} lượt).',
    byField: 'Theo lĩnh vực',
    byCounter: 'Theo quầy',
    byOfficer: 'Theo cán bộ',
    name: 'Tên',
    noData: 'Không có dữ liệu trong khoảng thời gian này.',
    timesNote: 'Thời gian tính theo phút:giây. P90: 90% lượt không vượt quá mức này.',
    mean: 'trung bình',
    p50: 'trung vị',
    p90: 'P90',
    people: 'người',
    rangeHeading: 'Chỉ số hàng đợi',
  },
  en: {
    live: 'Live in the hall',
    waiting: 'Waiting per field',
    nobodyWaiting: 'Nobody is waiting right now.',
    counters: 'Counters',
    noCounters: 'No counters yet.',
    range: 'Period',
    from: 'From',
    to: 'To',
    show: 'Show',
    today: 'Today',
    yesterday: 'Yesterday',
    last7: 'Last 7 days',
    thisMonth: 'This month',
    refresh: 'Refresh',
    totals: 'Totals',
    issued: 'Tickets issued',
    served: 'Served',
    noShows: 'No-shows',
    cancelled: 'Cancelled',
    wait: 'Waiting time',
    waitMean: 'Wait mean',
    waitP50: 'Wait median',
    waitP90: 'Wait P90',
    walk: 'Walk to counter',
    walkMean: 'Walk mean',
    service: 'Service time',
    serviceMean: 'Service mean',
    serviceP90: 'Service P90',
    ratings: 'Ratings',
    verySatisfied: 'Very satisfied',
    satisfied: 'Satisfied',
    dissatisfied: 'Dissatisfied',
    satisfiedPercent: 'Satisfied',
    ratedCount: 'Ratings',
    prediction: 'Wait-estimate error',
    predictionHelp: 'Mean absolute difference between the wait printed on the slip and the real wait ({count} visits).',
    byField: 'By field',
    byCounter: 'By counter',
    byOfficer: 'By officer',
    name: 'Name',
    noData: 'No data in this period.',
    timesNote: 'Times in minutes:seconds. P90: 90% of visits took at most this long.',
    mean: 'mean',
    p50: 'median',
    p90: 'P90',
    people: 'people',
    rangeHeading: 'Queue KPIs',
  },
};

type Column = 'issued' | 'served' | 'noShows' | 'cancelled' | 'waitMean' | 'waitP90' | 'walkMean' | 'serviceMean' | 'serviceP90' | 'ratedCount' | 'satisfiedPercent';

const COLUMNS: Record<'byField' | 'byCounter' | 'byOfficer', Column[]> = {
  byField: ['issued', 'served', 'noShows', 'cancelled', 'waitMean', 'waitP90', 'walkMean', 'serviceMean', 'serviceP90', 'ratedCount', 'satisfiedPercent'],
  // Tickets are issued to a field, not to a counter or an officer.
  byCounter: ['served', 'waitMean', 'waitP90', 'walkMean', 'serviceMean', 'serviceP90', 'ratedCount', 'satisfiedPercent'],
  byOfficer: ['served', 'serviceMean', 'serviceP90', 'ratedCount', 'satisfiedPercent'],
};

function cell(row: Row, column: Column, lang: Lang): string {
  switch (column) {
    case 'issued':
    case 'served':
    case 'noShows':
    case 'cancelled':
      return String(row[column]);
    case 'waitMean':
      return formatDuration(row.waitSeconds.mean);
    case 'waitP90':
      return formatDuration(row.waitSeconds.p90);
    case 'walkMean':
      return formatDuration(row.walkSeconds.mean);
    case 'serviceMean':
      return formatDuration(row.serviceSeconds.mean);
    case 'serviceP90':
      return formatDuration(row.serviceSeconds.p90);
    case 'ratedCount':
      return String(row.ratings.count);
    case 'satisfiedPercent':
      return formatPercent(row.ratings.satisfiedPercent, lang);
  }
}

export function OverviewSection({ info, hall }: SectionProps) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const today = hallDay(info.serverTime);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [kpis, setKpis] = useState<QueueKpis | null>(null);
  const { busy, error, run } = useAction();

  const load = useCallback(
    (f: string, t: string) =>
      run(async () => {
        const query = new URLSearchParams({ from: f, to: t, lang });
        setKpis(await api<QueueKpis>('GET', `/api/v1/manage/kpis/queue?${query}`));
      }),
    [run, lang],
  );

  // Today's figures on opening; later loads come from the form and the preset buttons.
  useEffect(() => {
    void load(today, today);
  }, []);

  // The server answers field and counter names in the caller's language: ask again when it changes.
  useEffect(() => {
    if (kpis) void load(kpis.from, kpis.to);
  }, [lang]);

  const pick = (f: string, t: string) => {
    setFrom(f);
    setTo(t);
    void load(f, t);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(from, to);
  };

  const fieldName = (id: string) => {
    const f = info.fields.find((x) => x.id === id);
    return f ? (lang === 'en' ? f.nameEn : f.nameVi) : id;
  };

  const waiting = info.fields
    .filter((f) => f.active || (hall.board?.waitingByField[f.id] ?? 0) > 0)
    .map((f) => ({ id: f.id, count: hall.board?.waitingByField[f.id] ?? 0 }));
  const counters = [...(hall.board?.counters ?? info.counters)].filter((c) => c.active).sort((a, b) => a.number - b.number);

  return (
    <div className="m-stack">
      <section className="m-card" aria-labelledby="m-live">
        <h2 id="m-live">{text.live}</h2>
        <div className="m-live">
          <div>
            <h3>{text.waiting}</h3>
            {waiting.length === 0 ? (
              <p className="m-muted">{text.nobodyWaiting}</p>
            ) : (
              <ul className="m-waiting" data-testid="live-waiting">
                {waiting.map((w) => (
                  <li key={w.id} className={w.count > 0 ? 'm-has-waiting' : undefined}>
                    <span title={fieldName(w.id)}>{fieldName(w.id)}</span>
                    <strong aria-label={`${w.count} ${text.people}`}>{w.count}</strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3>{text.counters}</h3>
            {counters.length === 0 ? (
              <p className="m-muted">{text.noCounters}</p>
            ) : (
              <ul className="m-counter-states" data-testid="live-counters">
                {counters.map((c) => (
                  <li key={c.id} className={`m-state-${c.state}`}>
                    <strong>
                      {lang === 'en' ? 'Counter' : 'Quầy'} {c.number}
                    </strong>
                    <span className="m-state-label">{COUNTER_STATE_LABELS[c.state][lang]}</span>
                    <span className="m-muted">{c.state === 'paused' && c.pauseReason ? c.pauseReason : (c.officerName ?? '')}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <section className="m-card" aria-labelledby="m-kpi">
        <h2 id="m-kpi">{text.rangeHeading}</h2>
        <form className="m-range" onSubmit={submit} aria-label={text.range}>
          <label>
            {text.from}
            <input type="date" value={from} max={to || undefined} required onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {text.to}
            <input type="date" value={to} min={from || undefined} required onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="m-primary" disabled={busy}>
            {text.show}
          </button>
          <span className="m-range-presets">
            <button type="button" onClick={() => pick(today, today)}>
              {text.today}
            </button>
            <button type="button" onClick={() => pick(addDays(today, -1), addDays(today, -1))}>
              {text.yesterday}
            </button>
            <button type="button" onClick={() => pick(addDays(today, -6), today)}>
              {text.last7}
            </button>
            <button type="button" onClick={() => pick(startOfMonth(today), today)}>
              {text.thisMonth}
            </button>
          </span>
        </form>
        <FormError error={error} />
        {kpis && <KpiReport kpis={kpis} lang={lang} text={text} busy={busy} />}
      </section>
    </div>
  );
}

function KpiReport({ kpis, lang, text, busy }: { kpis: QueueKpis; lang: Lang; text: Record<keyof (typeof TEXT)['vi'], string>; busy: boolean }) {
  const t = kpis.total;
  const stat = (label: string, value: string, sub?: string) => (
    <div className="m-stat">
      <span className="m-stat-label">{label}</span>
      <span className="m-stat-value">{value}</span>
      {sub && <span className="m-stat-sub">{sub}</span>}
    </div>
  );
  const period = kpis.from === kpis.to ? kpis.from.split('-').reverse().join('/') : `${kpis.from.split('-').reverse().join('/')} – ${kpis.to.split('-').reverse().join('/')}`;
  return (
    <div className="m-kpis" aria-busy={busy} data-testid="kpi-report">
      <h3>
        {text.totals} · {period}
      </h3>
      <div className="m-stats" data-testid="kpi-totals">
        {stat(text.issued, String(t.issued))}
        {stat(text.served, String(t.served))}
        {stat(text.noShows, String(t.noShows))}
        {stat(text.cancelled, String(t.cancelled))}
        {stat(text.wait, formatDuration(t.waitSeconds.mean), `${text.p50} ${formatDuration(t.waitSeconds.p50)} · ${text.p90} ${formatDuration(t.waitSeconds.p90)}`)}
        {stat(text.walk, formatDuration(t.walkSeconds.mean), text.mean)}
        {stat(text.service, formatDuration(t.serviceSeconds.mean), `${text.mean} · ${text.p90} ${formatDuration(t.serviceSeconds.p90)}`)}
        {stat(
          text.ratings,
          formatPercent(t.ratings.satisfiedPercent, lang),
          `${text.verySatisfied} ${t.ratings.verySatisfied} · ${text.satisfied} ${t.ratings.satisfied} · ${text.dissatisfied} ${t.ratings.dissatisfied}`,
        )}
        {stat(
          text.prediction,
          formatDuration(kpis.waitPrediction.meanAbsoluteErrorSeconds),
          text.predictionHelp.replace('{count}', String(kpis.waitPrediction.count)),
        )}
      </div>
      <p className="m-muted">{text.timesNote}</p>
      {(['byField', 'byCounter', 'byOfficer'] as const).map((table) => (
        <KpiTable key={table} title={text[table]} rows={kpis[table]} columns={COLUMNS[table]} lang={lang} text={text} />
      ))}
    </div>
  );
}

function KpiTable({
  title,
  rows,
  columns,
  lang,
  text,
}: {
  title: string;
  rows: Row[];
  columns: Column[];
  lang: Lang;
  text: Record<keyof (typeof TEXT)['vi'], string>;
}) {
  return (
    <section className="m-kpi-table">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="m-muted">{text.noData}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table m-numeric">
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {text[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {columns.map((c) => (
                    <td key={c}>{cell(row, c, lang)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
