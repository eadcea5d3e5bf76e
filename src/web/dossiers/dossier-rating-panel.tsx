/**
 * On a returned dossier: the rating slip to hand over with the result (its QR opens the dossier's
 * rating page) and, once the citizen rated, what they said.
 */
import { useEffect, useState } from 'react';
import type { DossierRatingView } from '../../contracts/api';
import type { DossierView } from '../../contracts/dossier';
import { api } from '../shared/api';
import { useLang, useText, type Dictionary } from '../shared/i18n';
import { formatInstantWithWeekday } from '../manage/day-format';
import { REPORTS_AS_LABELS } from '../manage/manage-text';

const TEXT: Dictionary<'title' | 'slip' | 'slipHelp' | 'none' | 'overall' | 'comment' | 'source' | 'popupBlocked' | 'counter' | 'qr' | 'kiosk' | 'lookup'> = {
  vi: {
    title: 'Đánh giá của công dân',
    slip: 'In phiếu đánh giá (mã QR)',
    slipHelp: 'Giao kèm kết quả: công dân quét mã QR để đánh giá hồ sơ này, hoặc đánh dấu trên giấy.',
    none: 'Chưa có đánh giá.',
    overall: 'Đánh giá chung',
    comment: 'Ý kiến',
    source: 'Qua',
    popupBlocked: 'Trình duyệt chặn cửa sổ in; mở tại đây:',
    counter: 'màn hình đánh giá tại quầy',
    qr: 'mã QR',
    kiosk: 'ki-ốt',
    lookup: 'trang tra cứu',
  },
  en: {
    title: 'Citizen’s rating',
    slip: 'Print the rating slip (QR code)',
    slipHelp: 'Hand it over with the result: the citizen scans the QR code to rate this dossier, or ticks the paper.',
    none: 'Not rated yet.',
    overall: 'Overall',
    comment: 'Comment',
    source: 'Via',
    popupBlocked: 'The browser blocked the print window; open it here:',
    counter: 'the counter’s rating screen',
    qr: 'QR code',
    kiosk: 'kiosk',
    lookup: 'lookup page',
  },
};

export function DossierRatingPanel({ view }: { view: DossierView }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [rating, setRating] = useState<DossierRatingView | null>(null);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    if (view.status !== 'returned') return;
    let live = true;
    api<{ rating: DossierRatingView | null }>('GET', `/api/v1/dossiers/${view.id}/rating`)
      .then((r) => live && setRating(r.rating))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [view.id, view.status]);
  if (view.status !== 'returned') return null;
  const href = `/api/v1/dossiers/${view.id}/rating-slip?print=1`;
  return (
    <section className="d-rating" aria-label={text.title} data-testid="dossier-rating-panel">
      <div className="m-buttons">
        <button type="button" data-testid="print-rating-slip" onClick={() => setBlocked(window.open(href, '_blank') === null)}>
          {text.slip}
        </button>
      </div>
      <p className="m-muted">{text.slipHelp}</p>
      {blocked && (
        <p role="status">
          {text.popupBlocked}{' '}
          <a href={href} target="_blank" rel="noopener">
            {href}
          </a>
        </p>
      )}
      <h3>{text.title}</h3>
      {rating ? (
        <p data-testid="dossier-rating-summary">
          {text.overall}: <strong>{rating.value}/{rating.scaleSize}</strong> ({REPORTS_AS_LABELS[rating.reportsAs][lang]}) · {text.source} {text[rating.source]} ·{' '}
          {formatInstantWithWeekday(rating.at, lang)}
          {rating.criteria.length > 0 && <> · {rating.criteria.map((c) => `${c.key}: ${c.value}`).join(', ')}</>}
          {rating.comment && (
            <>
              <br />
              {text.comment}: “{rating.comment}”
            </>
          )}
        </p>
      ) : (
        <p className="m-muted">{text.none}</p>
      )}
    </section>
  );
}
