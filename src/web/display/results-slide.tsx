/**
 * The hall board's slide of the centre's published results, shown while the hall is quiet (see
 * hall-quiet.ts): this month's and this year's on-time rate and satisfaction, and the procedures
 * whose time the centre shortened. The same figures as /ket-qua, fetched every minute.
 */
import type { Lang } from '../../contracts/lang';
import type { PublicResults } from '../../contracts/public';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { formatCount, formatDuration, formatPercent } from '../public/public-format';
import { usePublicResults } from '../public/results-page';

const TEXT: Dictionary<'title' | 'onTime' | 'satisfaction' | 'received' | 'resolved' | 'shortened' | 'shortenedSub' | 'more' | 'scan'> = {
  vi: {
    title: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    onTime: 'Trước và đúng hạn',
    satisfaction: 'Mức độ hài lòng',
    received: 'Tiếp nhận',
    resolved: 'Đã giải quyết',
    shortened: '{count}/{total} thủ tục được rút ngắn thời gian giải quyết ({share})',
    shortenedSub: 'bình quân rút ngắn {p}',
    more: 'và {n} thủ tục khác',
    scan: 'Xem chi tiết tại trang Kết quả giải quyết của Trung tâm',
  },
  en: {
    title: 'HOW WE HANDLE YOUR DOSSIERS',
    onTime: 'Early or on time',
    satisfaction: 'Satisfaction',
    received: 'Received',
    resolved: 'Resolved',
    shortened: '{count} of {total} procedures take less time than the law allows ({share})',
    shortenedSub: 'shorter by {p} on average',
    more: 'and {n} more',
    scan: 'Details on the centre’s results page',
  },
};

const LISTED = 5;

export function ResultsSlide({ centreCode }: { centreCode: string }) {
  const { results } = usePublicResults(centreCode);
  const text = useText(TEXT);
  const { lang } = useLang();
  if (!results) return <section className="board-main board-results" data-testid="results-slide" aria-busy="true" />;
  return (
    <section className="board-main board-results" data-testid="results-slide" aria-label={text.title}>
      <h2 className="board-results-title">{text.title}</h2>
      <div className="board-results-periods">
        {results.periods.map((p) => (
          <div key={p.kind} className="board-results-period">
            <h3>{lang === 'vi' ? p.labelVi : p.labelEn}</h3>
            <dl>
              <div>
                <dt>{text.onTime}</dt>
                <dd className="board-results-big" data-testid={`slide-on-time-${p.kind}`}>
                  {formatPercent(p.onTime.value, lang, 2)}
                </dd>
              </div>
              <div>
                <dt>{text.satisfaction}</dt>
                <dd className="board-results-big">{formatPercent(p.satisfaction.value, lang, 2)}</dd>
              </div>
              <div>
                <dt>{text.received}</dt>
                <dd>{formatCount(p.received, lang)}</dd>
              </div>
              <div>
                <dt>{text.resolved}</dt>
                <dd>{formatCount(p.resolved, lang)}</dd>
              </div>
            </dl>
          </div>
        ))}
      </div>
      <Shortened shortened={results.shortened} lang={lang} text={text} />
    </section>
  );
}

function Shortened({ shortened: s, lang, text }: { shortened: PublicResults['shortened']; lang: Lang; text: Record<keyof (typeof TEXT)['vi'], string> }) {
  if (s.count === 0) return null;
  return (
    <div className="board-results-shortened">
      <p>
        <strong>{fill(text.shortened, { count: s.count, total: s.procedures, share: formatPercent(s.sharePercent, lang) })}</strong>
        {s.averageReductionPercent !== null && <>, {fill(text.shortenedSub, { p: formatPercent(s.averageReductionPercent, lang) })}</>}
      </p>
      <ul>
        {s.items.slice(0, LISTED).map((i) => (
          <li key={i.code}>
            <span className="board-results-name">{i.name}</span>
            <span>
              {formatDuration(i.legalAmount, i.unit, lang)} → <strong>{formatDuration(i.committedAmount, i.unit, lang)}</strong> (−{formatPercent(i.reductionPercent, lang)})
            </span>
          </li>
        ))}
        {s.items.length > LISTED && <li className="board-results-more">{fill(text.more, { n: s.items.length - LISTED })}</li>}
      </ul>
    </div>
  );
}
