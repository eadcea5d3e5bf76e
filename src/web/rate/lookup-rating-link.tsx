/**
 * On the lookup page: "Đánh giá" once the result was returned, when the page was opened from the
 * QR code of Form 01 (whose address carries the token). A code typed by hand gets no button: the
 * code alone does not prove the reader holds the paper.
 */
import { useText, type Dictionary } from '../shared/i18n';
import { ratingHrefFromLookup } from './dossier-rating-link';
import './dossier-rating.css';

const TEXT: Dictionary<'rate' | 'rateHelp'> = {
  vi: { rate: 'Đánh giá việc giải quyết hồ sơ', rateHelp: 'Ông/bà đã nhận kết quả: mời đánh giá mức độ hài lòng (mỗi hồ sơ một lần).' },
  en: { rate: 'Rate how this dossier was handled', rateHelp: 'You have received the result: please tell us how satisfied you are (once per dossier).' },
};

export function LookupRatingLink({ code, status }: { code: string; status: string }) {
  const text = useText(TEXT);
  const href = status === 'returned' ? ratingHrefFromLookup(location.search, code) : null;
  if (!href) return null;
  return (
    <p className="lk-rate">
      <a className="lk-rate-link" href={href} data-testid="lookup-rate-link">
        ★ {text.rate}
      </a>
      <span className="lk-help">{text.rateHelp}</span>
    </p>
  );
}
