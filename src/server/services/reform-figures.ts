/**
 * The reform figures a unit's self-evaluation and its reports are pre-filled with, computed from the
 * records of the unit's figures centre for a period: the 766 indicators (the same engine the "Chỉ số 766"
 * screen and the public results page use), apology letters, dossiers received and resolved, and the
 * procedures whose time the centre shortened. Each figure links to the records behind it, so an
 * appraiser can check the number by hand.
 */
import { FIGURE_DEFINITIONS, FIGURE_KEYS, type FigureKey, type ReformFigure } from '../../contracts/self-evaluation';
import type { IndicatorReport } from '../../contracts/indicators';
import { hasShortenableTime, procedureReduction } from '../../core/catalogue/public-procedure';
import { periodInstants } from '../../core/indicators/periods';
import { countReceivedAndResolved } from '../../core/public/dossier-counts';
import { listProceduresWithCurrent } from '../../db/repositories/catalogue.repository';
import { listDossiers } from '../../db/repositories/dossier.repository';
import { formatLocalDate, formatLocalTime } from '../../core/shared/local-time';
import type { IndicatorId } from '../../core/indicators/indicator-definitions';
import { escapeHtml } from '../printing/ticket-slip.html';
import { renderTrackingBookHtml } from '../printing/tracking-book';
import type { Actor, ServiceContext } from './context';
import { trackingBookDocument } from './dossier-reports';
import { computeIndicators, indicatorItems } from './indicators';

const DAY_MS = 86_400_000;

export interface FigurePeriod {
  /** First and last local day, both included. */
  from: string;
  to: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function figure(key: FigureKey, value: number | null, numerator: number | null, denominator: number | null, detail: string, link: string | null): ReformFigure {
  const def = FIGURE_DEFINITIONS[key];
  return { key, label: def.vi, unit: def.unit, value, numerator, denominator, detail, link };
}

/** Every figure without a value: the product holds no records for the unit. */
export function emptyFigures(reason = 'Hệ thống không quản lý hồ sơ của đơn vị này; đơn vị tự nhập số liệu.'): ReformFigure[] {
  return FIGURE_KEYS.map((key) => figure(key, null, null, null, reason, null));
}

/**
 * The figures of `centreId` (a unit's figures centre) for the period. A null centre gives empty
 * figures; the caller shows them for the unit to fill in.
 */
export async function computeReformFigures(ctx: ServiceContext, centreId: string | null, period: FigurePeriod): Promise<ReformFigure[]> {
  if (!centreId) return emptyFigures();
  const range = periodInstants(period.from, period.to);
  const now = ctx.clock();
  const q = `from=${period.from}&to=${period.to}`;
  const book = `/api/v1/manage/reports/tracking-book?${q}&format=html`;
  const items = (id: string) => `/api/v1/manage/indicators/${id}/items?${q}`;

  const [report, dossierRecords, procedures] = await Promise.all([
    computeIndicators(ctx, centreId, range),
    // Dossiers that end or receive an apology in the period may have been received a year before.
    listDossiers(ctx.db, centreId, { createdFrom: new Date(range.from.getTime() - 366 * DAY_MS), createdBefore: range.to, limit: 1_000_000 }),
    listProceduresWithCurrent(ctx.db, centreId),
  ]);
  const dossiers = dossierRecords.map((r) => r.dossier);
  const rate = (key: FigureKey, id: keyof IndicatorReport['indicators'], link: string): ReformFigure => {
    const r = report.indicators[id];
    if (!r || !r.computable || r.value === null) return figure(key, null, null, null, r?.reason ?? 'Chưa có dữ liệu trong kỳ.', link);
    return figure(key, round1(r.value), r.numerator, r.denominator, `${r.numerator ?? 0}/${r.denominator ?? 0} — ${r.name}`, link);
  };

  // Late dossiers are those the on-time rate counts but not as on time; each should have an apology.
  const onTime = report.indicators['2.1'];
  const lateIds = onTime ? onTime.denominatorIds.filter((id) => !onTime.numeratorIds.includes(id)) : [];
  const byId = new Map(dossiers.map((d) => [d.id, d]));
  const lateWithApology = lateIds.filter((id) => byId.get(id)?.apology).length;
  const inPeriod = (at: Date) => at >= range.from && at < range.to && at <= now;
  const apologies = dossiers.filter((d) => d.apology && inPeriod(new Date(d.apology.issuedAt))).length;
  const { received, resolved } = countReceivedAndResolved(dossiers, range, now);

  const shortenable = procedures.filter((p) => p.active && hasShortenableTime(p.version.rules));
  const shortened = shortenable.filter((p) => procedureReduction(p.version.rules) !== null).length;

  const byKey: Record<FigureKey, ReformFigure> = {
    'on-time-rate': rate('on-time-rate', '2.1', book),
    'apology-coverage':
      lateIds.length === 0
        ? figure('apology-coverage', 100, 0, 0, 'Không có hồ sơ trễ hạn trong kỳ.', book)
        : figure(
            'apology-coverage',
            round1((lateWithApology / lateIds.length) * 100),
            lateWithApology,
            lateIds.length,
            `${lateWithApology} văn bản xin lỗi cho ${lateIds.length} hồ sơ trễ hạn`,
            book,
          ),
    'apology-letters': figure('apology-letters', apologies, apologies, null, `${apologies} văn bản xin lỗi (Mẫu 04) ban hành trong kỳ`, book),
    'procedures-published': rate('procedures-published', '1.3', items('1.3')),
    'procedures-shortened':
      shortenable.length === 0
        ? figure('procedures-shortened', null, 0, 0, 'Không có thủ tục có thời hạn tính theo ngày, giờ.', '/ket-qua')
        : figure(
            'procedures-shortened',
            round1((shortened / shortenable.length) * 100),
            shortened,
            shortenable.length,
            `${shortened}/${shortenable.length} thủ tục đang áp dụng có thời gian cam kết ngắn hơn quy định`,
            '/ket-qua',
          ),
    'online-rate': rate('online-rate', '3.3', items('3.3')),
    'satisfaction-rate': rate('satisfaction-rate', '5.4', items('5.4')),
    'pakn-on-time': rate('pakn-on-time', '5.2', items('5.2')),
    'dossiers-received': figure('dossiers-received', received, received, null, `${received} hồ sơ tiếp nhận trong kỳ`, book),
    'dossiers-resolved': figure('dossiers-resolved', resolved, resolved, null, `${resolved} hồ sơ giải quyết xong trong kỳ`, book),
  };
  return FIGURE_KEYS.map((k) => byKey[k]);
}

/** The figures of a whole year. */
export function yearPeriod(year: number): FigurePeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

// ---------------------------------------------------------------------------------------------
// The records behind a figure, for whoever may see the evaluation or report it is in
// ---------------------------------------------------------------------------------------------

const INDICATOR_OF: Partial<Record<FigureKey, IndicatorId>> = {
  'on-time-rate': '2.1',
  'apology-coverage': '2.1',
  'procedures-published': '1.3',
  'online-rate': '3.3',
  'satisfaction-rate': '5.4',
  'pakn-on-time': '5.2',
};

/**
 * The records behind one figure of a unit's figures centre as a printable page: the indicator's items
 * with why each is counted, the tracking book for counts of dossiers, the shortened procedures. The caller
 * has decided that the person may see the evaluation or report; the lists are then read as a read-only
 * manager of that centre (an inspector holds no role there).
 */
export async function renderFigureRecords(
  ctx: ServiceContext,
  person: { id: string; name: string },
  figuresCentreId: string | null,
  key: FigureKey,
  period: FigurePeriod,
  heading: string,
): Promise<string> {
  const def = FIGURE_DEFINITIONS[key];
  const title = `${def.vi} – ${heading} (${vnDay(period.from)} – ${vnDay(period.to)})`;
  if (!figuresCentreId) return page(title, '<p>Hệ thống không quản lý hồ sơ của đơn vị này.</p>');
  const reader: Actor = { kind: 'user', id: person.id, centreId: figuresCentreId, role: 'manager', name: person.name, unitId: null };
  const indicator = INDICATOR_OF[key];
  if (indicator) {
    const { items } = await indicatorItems(ctx, reader, indicator, { from: period.from, to: period.to, groupBy: 'none' }, 'vi');
    const shown = key === 'apology-coverage' ? items.filter((i) => !i.inNumerator) : items;
    const byCode = key === 'apology-coverage' ? await apologiesByCode(ctx, figuresCentreId, period) : null;
    const rows = shown
      .map(
        (i, n) =>
          `<tr><td>${n + 1}</td><td class="code">${escapeHtml(i.code)}</td><td>${escapeHtml(i.title)}</td><td>${when(i.receivedAt)}</td><td>${when(i.dueAt)}</td><td>${when(i.endAt)}</td>` +
          (byCode ? `<td>${byCode.has(i.code) ? 'Có' : '<b>Không</b>'}</td>` : `<td>${i.inNumerator ? 'Có' : 'Không'}</td>`) +
          `<td>${escapeHtml(i.why)}</td></tr>`,
      )
      .join('');
    const counted = byCode ? 'Có văn bản xin lỗi' : 'Tính vào tử số';
    return page(
      title,
      `<p>${shown.length} bản ghi.</p><table><thead><tr><th>STT</th><th>Mã</th><th>Nội dung</th><th>Tiếp nhận</th><th>Hẹn trả</th><th>Kết thúc</th><th>${counted}</th><th>Lý do</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  if (key === 'procedures-shortened') {
    const procedures = (await listProceduresWithCurrent(ctx.db, figuresCentreId)).filter((p) => p.active && hasShortenableTime(p.version.rules));
    const rows = procedures
      .map((p, n) => {
        const r = procedureReduction(p.version.rules);
        return `<tr><td>${n + 1}</td><td class="code">${escapeHtml(p.code)}</td><td>${escapeHtml(p.version.name)}</td><td>${r ? `${r.legalAmount} → ${r.committedAmount} (${String(r.percent).replace('.', ',')}%)` : 'Không cắt giảm'}</td></tr>`;
      })
      .join('');
    return page(title, `<table><thead><tr><th>STT</th><th>Mã</th><th>Thủ tục</th><th>Thời hạn quy định → cam kết</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  // Counts of dossiers and apology letters: the tracking book of the period, as the centre keeps it.
  const book = await trackingBookDocument(ctx, reader, { from: period.from, to: period.to, status: 'all' }, 'vi');
  return renderTrackingBookHtml(book.rows, book.title);
}

async function apologiesByCode(ctx: ServiceContext, centreId: string, period: FigurePeriod): Promise<Set<string>> {
  const range = periodInstants(period.from, period.to);
  const records = await listDossiers(ctx.db, centreId, { createdFrom: new Date(range.from.getTime() - 366 * DAY_MS), createdBefore: range.to, limit: 1_000_000 });
  return new Set(records.filter((r) => r.dossier.apology).map((r) => r.dossier.code));
}

const vnDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const when = (iso: string | null) => (iso ? escapeHtml(`${formatLocalDate(new Date(iso))} ${formatLocalTime(new Date(iso))}`) : '');

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body { font-family: 'Times New Roman', 'DejaVu Serif', serif; font-size: 12pt; margin: 1.5cm; }
h1 { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
.code { font-family: 'DejaVu Sans Mono', monospace; white-space: nowrap; }
@page { size: A4 landscape; margin: 1.5cm; }
</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}
