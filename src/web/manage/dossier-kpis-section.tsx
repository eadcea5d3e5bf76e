/**
 * Chỉ số hồ sơ: the dossiers of a period by field, procedure, unit or officer, counted the portal's
 * way (766 §2.1, DOMAIN-VN §1.5) — early, on time, late, still open within or past the appointment —
 * and the dossiers that need attention now: due soon and overdue.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { DossierKpiRow, DossierKpis, DossierListItem } from '../../contracts/dossier';
import type { Lang } from '../../contracts/lang';
import { api } from '../shared/api';
import { useLang, useText, type Dictionary } from '../shared/i18n';
import { dossierKpisUrl, dossierLink, formatRate, formatWorkingDays, type KpiGroupBy } from './dossier-reports';
import { addDays, formatDateTime, hallDay, startOfMonth } from './format';
import type { SectionProps } from './section-props';
import { FormError, useAction } from './ui';
import './dossier-sections.css';

type Column = 'received' | 'early' | 'onTime' | 'late' | 'openWithinTime' | 'openOverdue' | 'onTimeRate' | 'averageWorkingDays';
const COLUMNS: Column[] = ['received', 'early', 'onTime', 'late', 'openWithinTime', 'openOverdue', 'onTimeRate', 'averageWorkingDays'];

const TEXT: Dictionary<
  | Column
  | KpiGroupBy
  | 'range'
  | 'from'
  | 'to'
  | 'groupBy'
  | 'show'
  | 'thisMonth'
  | 'lastMonth'
  | 'thisYear'
  | 'total'
  | 'noRows'
  | 'rateHelp'
  | 'dueSoon'
  | 'overdue'
  | 'noneDueSoon'
  | 'noneOverdue'
  | 'code'
  | 'procedure'
  | 'applicant'
  | 'appointment'
  | 'step'
  | 'extended'
> = {
  vi: {
    range: 'Kỳ báo cáo',
    from: 'Từ ngày',
    to: 'Đến ngày',
    groupBy: 'Nhóm theo',
    field: 'Lĩnh vực',
    procedure: 'Thủ tục',
    unit: 'Đơn vị',
    officer: 'Cán bộ',
    show: 'Xem',
    thisMonth: 'Tháng này',
    lastMonth: 'Tháng trước',
    thisYear: 'Năm nay',
    total: 'Tổng cộng',
    received: 'Tiếp nhận',
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    openWithinTime: 'Đang xử lý trong hạn',
    openOverdue: 'Quá hạn chưa xử lý',
    onTimeRate: 'Tỷ lệ đúng hạn (%)',
    averageWorkingDays: 'Thời gian trung bình (ngày làm việc)',
    noRows: 'Không có hồ sơ nào trong kỳ này.',
    rateHelp:
      'Tỷ lệ đúng hạn = (hồ sơ xử lý trước hạn, đúng hạn và đang xử lý trong hạn) / hồ sơ tiếp nhận và xử lý trong kỳ; hồ sơ công dân rút được tính với thời điểm rút là thời điểm kết thúc. Hồ sơ yêu cầu bổ sung quá một lần được tính là quá hạn; hồ sơ có văn bản xin lỗi chỉ tính là quá hạn khi bật cài đặt đó. Thời gian trung bình tính trên hồ sơ tiếp nhận trong kỳ đã xử lý xong.',
    dueSoon: 'Sắp đến hạn',
    overdue: 'Quá hạn',
    noneDueSoon: 'Không có hồ sơ nào sắp đến hạn.',
    noneOverdue: 'Không có hồ sơ nào quá hạn.',
    code: 'Mã hồ sơ',
    applicant: 'Người nộp',
    appointment: 'Hẹn trả',
    step: 'Bước hiện tại',
    extended: 'Hẹn lại',
  },
  en: {
    range: 'Period',
    from: 'From',
    to: 'To',
    groupBy: 'Group by',
    field: 'Field',
    procedure: 'Procedure',
    unit: 'Unit',
    officer: 'Officer',
    show: 'Show',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    thisYear: 'This year',
    total: 'Total',
    received: 'Received',
    early: 'Early',
    onTime: 'On time',
    late: 'Late',
    openWithinTime: 'Open, within time',
    openOverdue: 'Open, overdue',
    onTimeRate: 'On-time rate (%)',
    averageWorkingDays: 'Average time (working days)',
    noRows: 'No dossiers in this period.',
    rateHelp:
      'On-time rate = (finished early or on time, plus open within time) / dossiers received or handled in the period; a dossier the citizen withdrew ends at its withdrawal. A dossier with more than one supplement request counts as late; one with an apology letter only when that setting is on. The average time is over the dossiers received in the period that have finished.',
    dueSoon: 'Due soon',
    overdue: 'Overdue',
    noneDueSoon: 'No dossier is due soon.',
    noneOverdue: 'No dossier is overdue.',
    code: 'Dossier code',
    applicant: 'Applicant',
    appointment: 'Due',
    step: 'Current step',
    extended: 'New date',
  },
};

function cell(row: DossierKpiRow, column: Column, lang: Lang): string {
  switch (column) {
    case 'onTimeRate':
      return formatRate(row.onTimeRate, lang);
    case 'averageWorkingDays':
      return formatWorkingDays(row.averageWorkingDays, lang);
    default:
      return String(row[column]);
  }
}

const GROUPS: KpiGroupBy[] = ['field', 'procedure', 'unit', 'officer'];

export function DossierKpisSection({ info }: SectionProps) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const today = hallDay(info.serverTime);
  const [from, setFrom] = useState(startOfMonth(today));
  const [to, setTo] = useState(today);
  const [groupBy, setGroupBy] = useState<KpiGroupBy>('field');
  const [kpis, setKpis] = useState<DossierKpis | null>(null);
  const { busy, error, run } = useAction();

  const load = (f: string, t: string, g: KpiGroupBy) =>
    run(async () => {
      setKpis(await api<DossierKpis>('GET', dossierKpisUrl(f, t, g)));
    });

  useEffect(() => {
    void load(from, to, groupBy);
  }, []);

  const pick = (f: string, t: string) => {
    setFrom(f);
    setTo(t);
    void load(f, t, groupBy);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(from, to, groupBy);
  };

  const lastMonthEnd = addDays(startOfMonth(today), -1);

  return (
    <div className="m-stack">
      <section className="m-card">
        <form className="m-range" onSubmit={submit} aria-label={text.range}>
          <label>
            {text.from}
            <input type="date" value={from} max={to || undefined} required onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {text.to}
            <input type="date" value={to} min={from || undefined} required onChange={(e) => setTo(e.target.value)} />
          </label>
          <label>
            {text.groupBy}
            <select
              value={groupBy}
              onChange={(e) => {
                const g = e.target.value as KpiGroupBy;
                setGroupBy(g);
                void load(from, to, g);
              }}
            >
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {text[g]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="m-primary" disabled={busy}>
            {text.show}
          </button>
          <span className="m-range-presets">
            <button type="button" onClick={() => pick(startOfMonth(today), today)}>
              {text.thisMonth}
            </button>
            <button type="button" onClick={() => pick(startOfMonth(lastMonthEnd), lastMonthEnd)}>
              {text.lastMonth}
            </button>
            <button type="button" onClick={() => pick(`${today.slice(0, 4)}-01-01`, today)}>
              {text.thisYear}
            </button>
          </span>
        </form>
        <FormError error={error} />
        {kpis && (
          <div className="m-kpis" aria-busy={busy}>
            <div className="m-table-wrap">
              <table className="m-table m-numeric" data-testid="dossier-kpis">
                <thead>
                  <tr>
                    <th scope="col">{text[kpis.groupBy]}</th>
                    {COLUMNS.map((c) => (
                      <th key={c} scope="col">
                        {text[c]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {kpis.rows.length === 0 ? (
                    <tr>
                      <td colSpan={COLUMNS.length + 1} className="ds-empty-cell">
                        {text.noRows}
                      </td>
                    </tr>
                  ) : (
                    kpis.rows.map((row) => (
                      <tr key={row.key}>
                        <th scope="row">{row.label}</th>
                        {COLUMNS.map((c) => (
                          <td key={c} className={c === 'openOverdue' && row.openOverdue > 0 ? 'ds-bad' : undefined}>
                            {cell(row, c, lang)}
                          </td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
                <tfoot>
                  <tr className="ds-total" data-testid="dossier-kpis-total">
                    <th scope="row">{text.total}</th>
                    {COLUMNS.map((c) => (
                      <td key={c}>{cell(kpis.total, c, lang)}</td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="m-help">{text.rateHelp}</p>
          </div>
        )}
      </section>

      {kpis && (
        <div className="ds-attention">
          <DossierList title={text.dueSoon} empty={text.noneDueSoon} items={kpis.dueSoon} testId="kpis-due-soon" lang={lang} />
          <DossierList title={text.overdue} empty={text.noneOverdue} items={kpis.overdue} testId="kpis-overdue" lang={lang} bad />
        </div>
      )}
    </div>
  );
}

function DossierList({ title, empty, items, testId, lang, bad }: { title: string; empty: string; items: DossierListItem[]; testId: string; lang: Lang; bad?: boolean }) {
  const text = useText(TEXT);
  const headingId = `ds-${testId}`;
  return (
    <section className={`m-card ${bad ? 'ds-card-bad' : 'ds-card-warn'}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="ds-count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="m-muted">{empty}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table m-compact" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{text.code}</th>
                <th scope="col">{text.procedure}</th>
                <th scope="col">{text.appointment}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="m-nowrap">
                    <a href={dossierLink(d.id)}>{d.code}</a>
                    <span className="m-sub">{d.applicantName}</span>
                  </th>
                  <td>
                    {d.procedureName}
                    {d.currentStepName && (
                      <span className="m-sub">
                        {text.step}: {d.currentStepName}
                      </span>
                    )}
                  </td>
                  <td className="m-nowrap">
                    {formatDateTime(d.dueAt, lang)}
                    {d.extendedDueAt && (
                      <span className="m-sub">
                        {text.extended}: {formatDateTime(d.extendedDueAt, lang)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
