/**
 * How the public pages write money, times and rates: đồng in the Vietnamese grouping ("8.000 đồng"),
 * processing times in the catalogue's own unit ("3 ngày làm việc"), percentages with a decimal comma.
 * Pure, so the catalogue, the results page and the hall board say the same thing the same way.
 */
import type { Lang } from '../../contracts/lang';
import type { DurationUnit } from '../../contracts/dossier';
import type { PublicChannel } from '../../contracts/public';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** Whole đồng: "8.000 đồng" / "8,000 dong"; 0 is "Miễn phí" / "Free". */
export function formatDong(amount: number, lang: Lang): string {
  if (amount === 0) return lang === 'vi' ? 'Miễn phí' : 'Free';
  const digits = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(amount);
  return lang === 'vi' ? `${digits} đồng` : `${digits} dong`;
}

/**
 * A channel's fee for a citizen: the amount in đồng when the catalogue has one (with the published
 * wording when it says more, e.g. "per page"), otherwise the published wording itself.
 */
export function formatFee(c: Pick<PublicChannel, 'feeDong' | 'feeText'>, lang: Lang): string {
  const text = c.feeText.trim();
  if (c.feeDong === null) return text || (lang === 'vi' ? 'Chưa có thông tin' : 'Not stated');
  const amount = formatDong(c.feeDong, lang);
  const saysMore = text !== '' && !/^(miễn phí|miễn lệ phí|miễn|không)$/iu.test(text) && !sameAmount(text, c.feeDong);
  return saysMore ? `${amount} (${text})` : amount;
}

function sameAmount(text: string, amount: number): boolean {
  const digits = text.replace(/[^\d]/gu, '');
  return digits === String(amount) && !/\//u.test(text);
}

const UNITS: Record<Lang, Record<Exclude<DurationUnit, 'same-day'>, string>> = {
  vi: { 'working-days': 'ngày làm việc', days: 'ngày', hours: 'giờ' },
  en: { 'working-days': 'working days', days: 'days', hours: 'hours' },
};

/** "3 ngày làm việc", "15 ngày", "4 giờ", "Trong ngày"; null amount → "Chưa quy định". */
export function formatDuration(amount: number | null, unit: DurationUnit, lang: Lang): string {
  if (unit === 'same-day') return lang === 'vi' ? 'Trong ngày' : 'Same day';
  if (amount === null) return lang === 'vi' ? 'Chưa quy định' : 'Not stated';
  const number = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(amount);
  const word = lang === 'en' && amount === 1 ? UNITS.en[unit].replace(/s$/u, '') : UNITS[lang][unit];
  return `${number} ${word}`;
}

/** "99,5%" / "99.5%"; null → "—". */
export function formatPercent(value: number | null, lang: Lang, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value)}%`;
}

export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

const CHANNELS: Record<Lang, Record<PublicChannel['channel'], string>> = {
  vi: { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua bưu chính' },
  en: { direct: 'In person', online: 'Online', postal: 'By post' },
};

export function channelName(channel: PublicChannel['channel'], lang: Lang): string {
  return CHANNELS[lang][channel];
}

/** The in-person channel, which the list quotes; else the first one. */
export function mainChannel<T extends { channel: PublicChannel['channel'] }>(channels: readonly T[]): T | null {
  return channels.find((c) => c.channel === 'direct') ?? channels[0] ?? null;
}
