/**
 * /ket-qua — the results the centre publishes: on-time rate (766 indicator 2.1) and satisfaction
 * (indicator 5.4) for this month and this year, the dossiers received and resolved, and the
 * procedures whose processing time the centre shortened, by how much. No sign-in. The figures are
 * the indicator engine's (the same as the manager's "Chỉ số 766" screen), refreshed every minute.
 */
import { useEffect, useState } from 'react';
import type { PublicPeriodResults, PublicRate, PublicResults } from '../../contracts/public';
import { api, ApiError } from '../shared/api';
import { fill, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { channelName, formatCount, formatDuration, formatPercent } from './public-format';
import './public.css';

export const RESULTS_TEXT: Dictionary<
  | 'title'
  | 'intro'
  | 'loading'
  | 'onTime'
  | 'onTimeHelp'
  | 'satisfaction'
  | 'satisfactionHelp'
  | 'received'
  | 'resolved'
  | 'ofDossiers'
  | 'noData'
  | 'shortenedTitle'
  | 'shortenedSummary'
  | 'shortenedNone'
  | 'averageReduction'
  | 'procedure'
  | 'legalTime'
  | 'committedTime'
  | 'reduction'
  | 'asOf'
  | 'catalogue'
  | 'lookup'
  | 'sameDayNote'
> = {
  vi: {
    title: 'Kết quả giải quyết thủ tục hành chính',
    intro: 'Số liệu Trung tâm công khai theo Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), cập nhật mỗi phút.',
    loading: 'Đang tải…',
    onTime: 'Hồ sơ giải quyết trước và đúng hạn',
    onTimeHelp: '{n}/{d} hồ sơ (chỉ số 2.1)',
    satisfaction: 'Mức độ hài lòng',
    satisfactionHelp: '100% trừ tỷ lệ hồ sơ quá hạn và tỷ lệ hồ sơ bị phản ánh, kiến nghị hoặc không hài lòng (chỉ số 5.4)',
    received: 'Hồ sơ tiếp nhận',
    resolved: 'Hồ sơ đã giải quyết',
    ofDossiers: '{n} hồ sơ',
    noData: 'Chưa có hồ sơ trong kỳ',
    shortenedTitle: 'Thủ tục được cắt giảm thời gian giải quyết',
    shortenedSummary: '{count}/{total} thủ tục ({share}) được rút ngắn thời gian so với quy định',
    shortenedNone: 'Trung tâm chưa công bố thủ tục nào được cắt giảm thời gian.',
    averageReduction: 'Bình quân rút ngắn {p}',
    procedure: 'Thủ tục',
    legalTime: 'Theo quy định',
    committedTime: 'Trung tâm cam kết',
    reduction: 'Rút ngắn',
    asOf: 'Số liệu lúc {time}',
    catalogue: 'Danh mục thủ tục hành chính',
    lookup: 'Tra cứu hồ sơ',
    sameDayNote: 'Tính trên các thủ tục có thời hạn tính theo ngày hoặc giờ; thủ tục giải quyết trong ngày không tính.',
  },
  en: {
    title: 'How we handle administrative procedures',
    intro: 'Figures the centre publishes under the citizen-service index (Decision 766/QĐ-TTg), updated every minute.',
    loading: 'Loading…',
    onTime: 'Dossiers resolved early or on time',
    onTimeHelp: '{n} of {d} dossiers (indicator 2.1)',
    satisfaction: 'Satisfaction',
    satisfactionHelp: '100% minus the share of late dossiers and of dossiers with a complaint or a dislike (indicator 5.4)',
    received: 'Dossiers received',
    resolved: 'Dossiers resolved',
    ofDossiers: '{n} dossiers',
    noData: 'No dossier in this period yet',
    shortenedTitle: 'Procedures with shortened processing times',
    shortenedSummary: '{count} of {total} procedures ({share}) take less time than the law allows',
    shortenedNone: 'The centre has not published any shortened processing time.',
    averageReduction: 'Shorter by {p} on average',
    procedure: 'Procedure',
    legalTime: 'By law',
    committedTime: 'Centre’s commitment',
    reduction: 'Shorter by',
    asOf: 'Figures as of {time}',
    catalogue: 'Catalogue of procedures',
    lookup: 'Look up a dossier',
    sameDayNote: 'Counted over procedures whose time is stated in days or hours; same-day procedures are not counted.',
  },
};

export const RESULTS_REFRESH_MS = 60_000;

/** The published results, fetched now and every `refreshMs`; null until the first answer. */
export function usePublicResults(centreCode: string | null, refreshMs = RESULTS_REFRESH_MS): { results: PublicResults | null; error: string | null } {
  const [results, setResults] = useState<PublicResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      const suffix = centreCode ? `?centre=${encodeURIComponent(centreCode)}` : '';
      api<PublicResults>('GET', `/api/v1/public/results${suffix}`)
        .then((r) => {
          if (cancelled) return;
          setResults(r);
          setError(null);
        })
        .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    };
    load();
    const timer = window.setInterval(load, refreshMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [centreCode, refreshMs]);
  return { results, error };
}

export default function ResultsPage() {
  const text = useText(RESULTS_TEXT);
  const { lang } = useLang();
  const centre = new URLSearchParams(location.search).get('centre');
  const { results, error } = usePublicResults(centre);

  return (
    <main className="pub pub-wide" data-testid="results-page">
      <header className="pub-head">
        <div>
          <h1>{text.title}</h1>
          {results && <p className="pub-centre">{results.centre.name}</p>}
        </div>
        <LangSwitch className="lang-switch pub-lang" />
      </header>
      <p className="pub-intro">{text.intro}</p>
      {!results && !error && <p className="pub-muted">{text.loading}</p>}
      {error && (
        <p className="pub-error" role="alert">
          {error}
        </p>
      )}
      {results && (
        <>
          <div className="pub-periods">
            {results.periods.map((p) => (
              <PeriodCard key={p.kind} period={p} />
            ))}
          </div>
          <ShortenedSection shortened={results.shortened} />
          <p className="pub-note">{fill(text.asOf, { time: new Date(results.generatedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) })}</p>
        </>
      )}
      <nav className="pub-links">
        <a href="/thu-tuc">{text.catalogue}</a>
        <a href="/lookup">{text.lookup}</a>
      </nav>
    </main>
  );
}

function PeriodCard({ period: p }: { period: PublicPeriodResults }) {
  const text = useText(RESULTS_TEXT);
  const { lang } = useLang();
  return (
    <section className="pub-card pub-period" data-testid={`results-${p.kind}`} aria-labelledby={`pub-period-${p.kind}`}>
      <h2 id={`pub-period-${p.kind}`}>{lang === 'vi' ? p.labelVi : p.labelEn}</h2>
      <div className="pub-rates">
        <Rate label={text.onTime} rate={p.onTime} help={p.onTime.denominator ? fill(text.onTimeHelp, { n: p.onTime.numerator ?? 0, d: p.onTime.denominator }) : text.noData} testId="on-time" />
        <Rate label={text.satisfaction} rate={p.satisfaction} help={text.satisfactionHelp} testId="satisfaction" />
      </div>
      <dl className="pub-counts">
        <div>
          <dt>{text.received}</dt>
          <dd data-testid="received">{formatCount(p.received, lang)}</dd>
        </div>
        <div>
          <dt>{text.resolved}</dt>
          <dd data-testid="resolved">{formatCount(p.resolved, lang)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Rate({ label, rate, help, testId }: { label: string; rate: PublicRate; help: string; testId: string }) {
  const { lang } = useLang();
  return (
    <div className="pub-rate">
      <p className="pub-rate-label">{label}</p>
      <p className="pub-rate-value" data-testid={testId}>
        {formatPercent(rate.value, lang, 2)}
      </p>
      <p className="pub-rate-help">{help}</p>
    </div>
  );
}

function ShortenedSection({ shortened: s }: { shortened: PublicResults['shortened'] }) {
  const text = useText(RESULTS_TEXT);
  const { lang } = useLang();
  return (
    <section className="pub-card" data-testid="results-shortened" aria-labelledby="pub-shortened">
      <h2 id="pub-shortened">{text.shortenedTitle}</h2>
      {s.count === 0 ? (
        <p className="pub-muted">{text.shortenedNone}</p>
      ) : (
        <>
          <p className="pub-shortened-summary">
            <strong>{fill(text.shortenedSummary, { count: s.count, total: s.procedures, share: formatPercent(s.sharePercent, lang) })}</strong>
            {s.averageReductionPercent !== null && <> · {fill(text.averageReduction, { p: formatPercent(s.averageReductionPercent, lang) })}</>}
          </p>
          <div className="pub-table-wrap">
            <table className="pub-table">
              <thead>
                <tr>
                  <th scope="col">{text.procedure}</th>
                  <th scope="col">{text.legalTime}</th>
                  <th scope="col">{text.committedTime}</th>
                  <th scope="col">{text.reduction}</th>
                </tr>
              </thead>
              <tbody>
                {s.items.map((i) => (
                  <tr key={i.code}>
                    <td>
                      <a href={`/thu-tuc?ma=${encodeURIComponent(i.code)}`}>{i.name}</a>
                      <span className="pub-optional">
                        {' '}
                        ({i.code}
                        {i.channel !== 'direct' ? `, ${channelName(i.channel, lang)}` : ''})
                      </span>
                    </td>
                    <td>{formatDuration(i.legalAmount, i.unit, lang)}</td>
                    <td>{formatDuration(i.committedAmount, i.unit, lang)}</td>
                    <td className="pub-num">{formatPercent(i.reductionPercent, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="pub-note">{text.sameDayNote}</p>
    </section>
  );
}
