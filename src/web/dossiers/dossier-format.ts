/**
 * Pure helpers of the dossier workspace: how appointments, processing times and fees read in
 * Vietnamese (and English), the local date-time of the hall turned into an ISO instant, the
 * missing-items rows a Form 02 starts from, and the work-list filters as API queries.
 *
 * The hall is in Asia/Ho_Chi_Minh, which has kept UTC+07:00 without daylight saving since 1975, so
 * a fixed offset is exact and does not depend on the browser's own zone or its time-zone data.
 */
import type { DossierStatus, ProcessingRule, RequiredDocument } from '../../contracts/dossier';
import { CHANNEL_LABELS, processingTimeText } from '../../contracts/dossier-text';
import type { Lang } from '../../contracts/lang';

export const HALL_OFFSET = '+07:00';
const HALL_OFFSET_MS = 7 * 60 * 60 * 1000;

const WEEKDAYS: Record<Lang, readonly string[]> = {
  // Index 0 = Sunday, as Date#getUTCDay counts.
  vi: ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The hall's wall clock of an instant, as UTC fields of a shifted Date. */
function hallClock(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + HALL_OFFSET_MS);
}

/** "17:00 thứ Hai, 23/02/2026" (vi) / "17:00 Monday, 23/02/2026" (en), in the hall's time; null → "—". */
export function formatAppointment(iso: string | null | undefined, lang: Lang): string {
  const t = iso ? hallClock(iso) : null;
  if (!t) return '—';
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  const date = `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
  return `${time} ${WEEKDAYS[lang][t.getUTCDay()]}, ${date}`;
}

/** "23/02/2026 08:05" in the hall's time, for tables and history; null → "—". */
export function formatShort(iso: string | null | undefined): string {
  const t = iso ? hallClock(iso) : null;
  if (!t) return '—';
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/**
 * A date input ("2026-02-23") and a time input ("17:00") read as the hall's local time → ISO with
 * the hall's offset ("2026-02-23T17:00:00+07:00"); null when either is not a real date or time.
 */
export function localToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59) return null;
  return `${d[1]}-${d[2]}-${d[3]}T${pad(hour)}:${pad(minute)}:00${HALL_OFFSET}`;
}

/** The reverse, to prefill a date and a time input from an instant; null → empty inputs. */
export function isoToLocalInputs(iso: string | null | undefined): { date: string; time: string } {
  const t = iso ? hallClock(iso) : null;
  if (!t) return { date: '', time: '' };
  return {
    date: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
    time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`,
  };
}


export { CHANNEL_LABELS, processingTimeText };

/**
 * "Trực tiếp: 3 ngày làm việc"; when the centre committed to a shorter time it is the one shown
 * (the appointment uses it), with the legal time after it.
 */
export function ruleText(rule: ProcessingRule, cutoff: string | null | undefined, lang: Lang): string {
  const committed = rule.committedAmount ?? null;
  const shown = committed ?? rule.amount;
  let text = `${CHANNEL_LABELS[rule.channel][lang]}: ${processingTimeText(shown, rule.unit, cutoff, lang)}`;
  if (committed !== null && rule.amount !== null && committed !== rule.amount && rule.unit !== 'same-day') {
    text += lang === 'vi' ? ` (quy định ${rule.amount})` : ` (legal: ${rule.amount})`;
  }
  return text;
}

/** "50.000 đồng", "Miễn phí", or the catalogue's own words when it gives no amount. */
export function feeText(rule: Pick<ProcessingRule, 'feeDong' | 'feeText'> | undefined, lang: Lang): string {
  if (!rule) return '—';
  if (rule.feeDong === 0) return lang === 'vi' ? 'Miễn phí' : 'Free';
  if (rule.feeDong !== null) {
    const digits = String(rule.feeDong).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
    return lang === 'vi' ? `${digits} đồng` : `${digits} VND`;
  }
  return rule.feeText.trim() || '—';
}

export interface MissingItemDraft {
  name: string;
  reason: string;
}

/** Form 02 must list everything at once: one row per document not ticked, with an editable reason. */
export function missingItemsFrom(documents: readonly RequiredDocument[], received: ReadonlySet<number>, reason: string): MissingItemDraft[] {
  return documents.flatMap((doc, i) => (received.has(i) ? [] : [{ name: doc.name, reason }]));
}

/** Mandatory documents not ticked, by name. */
export function missingMandatory(documents: readonly RequiredDocument[], received: ReadonlySet<number>): string[] {
  return documents.flatMap((doc, i) => (doc.mandatory && !received.has(i) ? [doc.name] : []));
}

/** Rows of a missing-items editor worth sending: trimmed, blank rows dropped. */
export function cleanItems(items: readonly MissingItemDraft[]): MissingItemDraft[] {
  return items
    .map((item) => ({ name: item.name.trim(), reason: item.reason.trim() }))
    .filter((item) => item.name !== '' || item.reason !== '');
}

/** Why a list of missing items cannot be sent yet: none at all, or a row lacking its name or reason (1-based). */
export function itemsProblem(items: readonly MissingItemDraft[]): { kind: 'empty' } | { kind: 'incomplete'; row: number } | null {
  const cleaned = cleanItems(items);
  if (cleaned.length === 0) return { kind: 'empty' };
  const bad = cleaned.findIndex((item) => item.name === '' || item.reason === '');
  return bad >= 0 ? { kind: 'incomplete', row: bad + 1 } : null;
}

/** Procedures of the ticket's field first, the order of the server otherwise. */
export function fieldFirst<T extends { fieldId: string | null }>(procedures: readonly T[], fieldId: string | null): T[] {
  if (!fieldId) return [...procedures];
  return [...procedures.filter((p) => p.fieldId === fieldId), ...procedures.filter((p) => p.fieldId !== fieldId)];
}

export const LIST_FILTERS = ['open', 'overdue', 'due-soon', 'result-ready', 'closed', 'all'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The work list's tab and search → `dossiers?…` for GET /api/v1/dossiers. */
export function listPath(filter: ListFilter, search: { q?: string; from?: string; to?: string } = {}): string {
  const params = new URLSearchParams();
  switch (filter) {
    case 'overdue':
    case 'due-soon':
      params.set('status', 'open');
      params.set('due', filter);
      break;
    default:
      params.set('status', filter);
  }
  const q = search.q?.trim();
  if (q) params.set('q', q);
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  return `dossiers?${params.toString()}`;
}

/** What the address asks the page to show. */
export type DossiersRoute =
  | { view: 'receive'; ticketId: string | null; fieldId: string | null }
  | { view: 'detail'; id: string }
  | { view: 'list'; filter: ListFilter; q: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRoute(search: string): DossiersRoute {
  const params = new URLSearchParams(search);
  const uuidOrNull = (value: string | null) => (value && UUID.test(value) ? value : null);
  if (params.get('receive') === '1') {
    return { view: 'receive', ticketId: uuidOrNull(params.get('ticket')), fieldId: uuidOrNull(params.get('field')) };
  }
  const id = uuidOrNull(params.get('id'));
  if (id) return { view: 'detail', id };
  const filter = params.get('filter');
  return {
    view: 'list',
    filter: (LIST_FILTERS as readonly string[]).includes(filter ?? '') ? (filter as ListFilter) : 'open',
    q: params.get('q') ?? '',
  };
}

export function routeSearch(route: DossiersRoute): string {
  const params = new URLSearchParams();
  if (route.view === 'receive') {
    params.set('receive', '1');
    if (route.ticketId) params.set('ticket', route.ticketId);
    if (route.fieldId) params.set('field', route.fieldId);
  } else if (route.view === 'detail') params.set('id', route.id);
  else {
    if (route.filter !== 'open') params.set('filter', route.filter);
    if (route.q.trim()) params.set('q', route.q.trim());
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Statuses after which nothing more happens to the dossier. */
export const CLOSED_STATUSES: readonly DossierStatus[] = ['refused', 'stopped', 'withdrawn', 'returned'];

/** The form each reception outcome prints. */
export const RECEPTION_FORM = { receive: '01', incomplete: '02', refuse: '03' } as const;

/** The printable form; `print=1` makes the page open the browser's print dialog by itself. */
export function formPath(dossierId: string, form: string): string {
  return `/api/v1/dossiers/${dossierId}/forms/${form}?print=1`;
}
