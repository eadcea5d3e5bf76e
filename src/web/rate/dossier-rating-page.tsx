/**
 * /danh-gia?code=…&t=… — the citizen rates their dossier on their phone, from the QR code on Form 01
 * or on the rating slip handed over with the result (or from the lookup page's "Đánh giá"). The token
 * `t` proves they hold the paper: the code alone is sequential and written in the tracking book.
 * Once rated, the page thanks them and shows the rating; a dossier is rated once.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DossierRatingView, PublicDossierRating } from '../../contracts/api';
import { api, ApiError } from '../shared/api';
import { LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { formatInstantWithWeekday } from '../manage/day-format';
import { DossierRatingForm } from './dossier-rating-form';
import { ratingLinkOf } from './dossier-rating-link';
import './rate.css';
import './dossier-rating.css';

const TEXT: Dictionary<
  | 'title'
  | 'loading'
  | 'noLink'
  | 'failed'
  | 'code'
  | 'procedure'
  | 'notReturned'
  | 'lookup'
  | 'thanks'
  | 'thanksSub'
  | 'yourRating'
  | 'overall'
  | 'comment'
  | 'ratedAt'
  | 'retry'
> = {
  vi: {
    title: 'Đánh giá việc giải quyết hồ sơ',
    loading: 'Đang tải…',
    noLink: 'Đường dẫn thiếu mã hồ sơ hoặc mã xác thực. Vui lòng quét mã QR trên Giấy tiếp nhận hồ sơ (Mẫu 01) hoặc phiếu đánh giá.',
    failed: 'Không mở được trang đánh giá',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    notReturned: 'Hồ sơ đang ở trạng thái "{status}". Ông/bà đánh giá được sau khi nhận kết quả; khi đó mở lại trang này.',
    lookup: 'Tra cứu tình trạng hồ sơ',
    thanks: 'Cảm ơn ông/bà đã đánh giá!',
    thanksSub: 'Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn. Mỗi hồ sơ được đánh giá một lần.',
    yourRating: 'Đánh giá của ông/bà',
    overall: 'Đánh giá chung',
    comment: 'Ý kiến',
    ratedAt: 'Thời gian đánh giá',
    retry: 'Thử lại',
  },
  en: {
    title: 'Rate how your dossier was handled',
    loading: 'Loading…',
    noLink: 'The link lacks the dossier code or its check code. Please scan the QR code on your receipt (Form 01) or rating slip.',
    failed: 'The rating page could not be opened',
    code: 'Dossier code',
    procedure: 'Procedure',
    notReturned: 'The dossier is "{status}". You can rate it once you have received the result; open this page again then.',
    lookup: 'Look up the dossier',
    thanks: 'Thank you for your rating!',
    thanksSub: 'Your opinion helps us serve you better. Each dossier is rated once.',
    yourRating: 'Your rating',
    overall: 'Overall',
    comment: 'Comment',
    ratedAt: 'Rated',
    retry: 'Try again',
  },
};

type Page =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; page: PublicDossierRating };

export default function DossierRatingPage() {
  const text = useText(TEXT);
  const { lang } = useLang();
  const link = ratingLinkOf(location.search);
  const [page, setPage] = useState<Page>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!link) return;
    try {
      const loaded = await api<PublicDossierRating>('GET', `/api/v1/public/dossier-ratings/${encodeURIComponent(link.code)}?t=${encodeURIComponent(link.token)}&lang=${lang}`);
      setPage({ state: 'loaded', page: loaded });
    } catch (e) {
      setPage({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }, [link?.code, link?.token, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title = text.title;
  }, [text]);

  const send = async (answer: { value: number; criteria: { key: string; value: number }[]; comment: string | null }) => {
    if (!link || page.state !== 'loaded') return;
    setBusy(true);
    setError(null);
    try {
      const rating = await api<DossierRatingView>('POST', `/api/v1/public/dossier-ratings/${encodeURIComponent(link.code)}`, {
        ...answer,
        token: link.token,
        via: link.via,
      });
      setPage({ state: 'loaded', page: { ...page.page, ratable: false, rating } });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_RATED') await load();
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (!link) {
    body = (
      <section className="lk-card lk-failed" role="alert">
        <p>{text.noLink}</p>
      </section>
    );
  } else if (page.state === 'loading') {
    body = <p className="dr-status">{text.loading}</p>;
  } else if (page.state === 'failed') {
    body = (
      <section className="dr-card dr-failed" role="alert" data-testid="dossier-rating-error">
        <h2>{text.failed}</h2>
        <p>{page.message}</p>
        <button type="button" onClick={() => void load()}>
          {text.retry}
        </button>
      </section>
    );
  } else {
    const p = page.page;
    const about = (
      <dl className="dr-facts">
        <div>
          <dt>{text.code}</dt>
          <dd data-testid="dossier-rating-code">{p.code}</dd>
        </div>
        <div>
          <dt>{text.procedure}</dt>
          <dd>{p.procedureName}</dd>
        </div>
      </dl>
    );
    if (p.rating) {
      body = <RatedCard page={p} rating={p.rating} about={about} />;
    } else if (!p.ratable) {
      body = (
        <section className="dr-card" data-testid="dossier-rating-not-returned">
          {about}
          <p>{text.notReturned.replace('{status}', p.statusLabel)}</p>
          <a href={`/lookup?code=${encodeURIComponent(p.code)}`}>{text.lookup}</a>
        </section>
      );
    } else {
      body = (
        <div className="dr-card">
          <DossierRatingForm scale={p.scale} criteria={p.criteria} about={about} busy={busy} error={error} onSend={(a) => void send(a)} onScreenKeyboard={false} />
        </div>
      );
    }
  }

  return (
    <main className="dr-page">
      <header className="dr-head">
        <h1>{text.title}</h1>
        <LangSwitch className="lang-switch dr-lang" />
      </header>
      {body}
    </main>
  );
}

function RatedCard({ page, rating, about }: { page: PublicDossierRating; rating: DossierRatingView; about: ReactNode }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const label = (value: number) => {
    // Given on another scale than today's: say it as a number on that scale.
    if (rating.scaleSize !== page.scale.length) return `${value}/${rating.scaleSize}`;
    const option = page.scale.find((o) => o.value === value);
    return option ? (lang === 'vi' ? option.labelVi : option.labelEn) : String(value);
  };
  const criterion = (key: string) => {
    const c = page.criteria.find((x) => x.key === key);
    return c ? (lang === 'vi' ? c.labelVi : c.labelEn) : key;
  };
  return (
    <section className="dr-card dr-thanks" role="status" data-testid="dossier-rating-thanks">
      <h2>{text.thanks}</h2>
      <p>{text.thanksSub}</p>
      {about}
      <h3>{text.yourRating}</h3>
      <dl className="dr-facts" data-testid="dossier-rating-given">
        <div>
          <dt>{text.overall}</dt>
          <dd data-testid="dossier-rating-overall">{label(rating.value)}</dd>
        </div>
        {rating.criteria.map((c) => (
          <div key={c.key}>
            <dt>{criterion(c.key)}</dt>
            <dd>{label(c.value)}</dd>
          </div>
        ))}
        {rating.comment && (
          <div>
            <dt>{text.comment}</dt>
            <dd className="dr-comment-text">{rating.comment}</dd>
          </div>
        )}
        <div>
          <dt>{text.ratedAt}</dt>
          <dd>{formatInstantWithWeekday(rating.at, lang)}</dd>
        </div>
      </dl>
    </section>
  );
}
