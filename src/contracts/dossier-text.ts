/**
 * How processing times and channels read, in one place for the server (forms, views) and the
 * browser (reception, catalogue editor): "3 ngày làm việc", "trong ngày (trước 15:00)".
 */
import type { Channel, DurationUnit } from './dossier';
import type { Lang } from './lang';

export const CHANNEL_LABELS: Record<Channel, Record<Lang, string>> = {
  direct: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Bưu chính', en: 'By post' },
};

export const UNIT_LABELS: Record<DurationUnit, Record<Lang, string>> = {
  'working-days': { vi: 'ngày làm việc', en: 'working days' },
  days: { vi: 'ngày', en: 'days' },
  hours: { vi: 'giờ', en: 'hours' },
  'same-day': { vi: 'trong ngày', en: 'same day' },
};

const UNIT_WORDS: Record<Lang, Record<Exclude<DurationUnit, 'same-day'>, (n: number) => string>> = {
  vi: { 'working-days': (n) => `${n} ngày làm việc`, days: (n) => `${n} ngày`, hours: (n) => `${n} giờ` },
  en: {
    'working-days': (n) => `${n} working day${n === 1 ? '' : 's'}`,
    days: (n) => `${n} day${n === 1 ? '' : 's'}`,
    hours: (n) => `${n} hour${n === 1 ? '' : 's'}`,
  },
};

/**
 * "3 ngày làm việc", "15 ngày", "4 giờ", "trong ngày (trước 15:00)" — the cut-off only means
 * something for same-day procedures (received later → due the next working day).
 */
export function processingTimeText(amount: number | null, unit: DurationUnit, cutoff: string | null | undefined, lang: Lang): string {
  if (unit === 'same-day') {
    const base = lang === 'vi' ? 'trong ngày' : 'same day';
    return cutoff ? `${base} (${lang === 'vi' ? 'trước' : 'before'} ${cutoff})` : base;
  }
  if (amount === null) return lang === 'vi' ? 'không quy định' : 'not stated';
  return UNIT_WORDS[lang][unit](amount);
}
