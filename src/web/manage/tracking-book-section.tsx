/**
 * Sổ theo dõi hồ sơ (Mẫu 07, Circular 03/2025): the dossiers received in a period, one row each with
 * the form's columns. The same filters give the Excel file and the printable A4 book.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { TrackingBookRowView } from '../../contracts/dossier';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { dossierLink, TIMELINESS_LABELS, trackingBookUrl, type TimelinessFilter, type TrackingBookFilter } from './dossier-reports';
import { formatDateTime, hallDay, startOfMonth } from './format';
import type { SectionProps } from './section-props';
import { FormError, useAction } from './ui';
import './dossier-sections.css';

const TEXT: Dictionary<
  | 'filters'
  | 'from'
  | 'to'
  | 'status'
  | 'statusAll'
  | 'statusOpen'
  | 'statusClosed'
  | 'field'
  | 'fieldAll'
  | 'timeliness'
  | 'timelinessAll'
  | 'show'
  | 'excel'
  | 'print'
  | 'count'
  | 'overdueCount'
  | 'noRows'
  | 'index'
  | 'code'
  | 'procedure'
  | 'sets'
  | 'applicant'
  | 'contact'
  | 'agency'
  | 'received'
  | 'due'
  | 'transferred'
  | 'result'
  | 'returned'
  | 'outcome'
  | 'note'
  | 'overdueMark'
  | 'extended'
  | 'returnedTo'
  | 'inProgress'
> = {
  vi: {
    filters: 'Lọc sổ theo dõi',
    from: 'Từ ngày',
    to: 'Đến ngày',
    status: 'Tình trạng',
    statusAll: 'Tất cả',
    statusOpen: 'Đang giải quyết',
    statusClosed: 'Đã kết thúc',
    field: 'Lĩnh vực',
    fieldAll: 'Tất cả lĩnh vực',
    timeliness: 'Kết quả',
    timelinessAll: 'Tất cả',
    show: 'Xem sổ',
    excel: 'Xuất Excel',
    print: 'In sổ',
    count: '{n} hồ sơ',
    overdueCount: '{n} hồ sơ quá hạn',
    noRows: 'Không có hồ sơ nào khớp bộ lọc.',
    index: 'STT',
    code: 'Mã hồ sơ',
    procedure: 'Tên TTHC',
    sets: 'Số lượng hồ sơ (bộ)',
    applicant: 'Tên cá nhân, tổ chức',
    contact: 'Địa chỉ, số điện thoại',
    agency: 'Cơ quan chủ trì giải quyết',
    received: 'Nhận hồ sơ (giờ, ngày)',
    due: 'Hẹn trả kết quả',
    transferred: 'Chuyển hồ sơ đến cơ quan giải quyết',
    result: 'Nhận kết quả từ cơ quan giải quyết',
    returned: 'Trả kết quả (giờ, ngày)',
    outcome: 'Kết quả (Trước hạn/Đúng hạn/Quá hạn)',
    note: 'Ghi chú',
    overdueMark: 'Quá hạn',
    extended: 'Hẹn lại',
    returnedTo: 'Người nhận',
    inProgress: 'Đang giải quyết',
  },
  en: {
    filters: 'Filter the tracking book',
    from: 'From',
    to: 'To',
    status: 'Status',
    statusAll: 'All',
    statusOpen: 'Open',
    statusClosed: 'Closed',
    field: 'Field',
    fieldAll: 'All fields',
    timeliness: 'Outcome',
    timelinessAll: 'All',
    show: 'Show',
    excel: 'Export to Excel',
    print: 'Print the book',
    count: '{n} dossiers',
    overdueCount: '{n} overdue',
    noRows: 'No dossier matches the filters.',
    index: 'No.',
    code: 'Dossier code',
    procedure: 'Procedure',
    sets: 'Sets',
    applicant: 'Applicant',
    contact: 'Address, phone',
    agency: 'Lead agency',
    received: 'Received',
    due: 'Due',
    transferred: 'Sent to the agency',
    result: 'Result from the agency',
    returned: 'Result returned',
    outcome: 'Outcome (early/on time/late)',
    note: 'Note',
    overdueMark: 'Overdue',
    extended: 'New date',
    returnedTo: 'Received by',
    inProgress: 'In progress',
  },
};

export function TrackingBookSection({ info }: SectionProps) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const today = hallDay(info.serverTime);
  const [filter, setFilter] = useState<TrackingBookFilter>({ from: startOfMonth(today), to: today, status: 'all', fieldName: '', timeliness: '' });
  // The links and the table follow the filters last shown, not half-typed ones.
  const [shown, setShown] = useState<TrackingBookFilter>(filter);
  const [rows, setRows] = useState<TrackingBookRowView[] | null>(null);
  const { busy, error, run } = useAction();

  const load = (f: TrackingBookFilter) =>
    run(async () => {
      const answer = await api<{ rows: TrackingBookRowView[] }>('GET', trackingBookUrl(f));
      setRows(answer.rows);
      setShown(f);
    });

  useEffect(() => {
    void load(filter);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(filter);
  };
  const set = <K extends keyof TrackingBookFilter>(key: K, value: TrackingBookFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const fieldNames = info.fields.map((f) => f.nameVi);
  const overdue = rows?.filter((r) => r.overdue).length ?? 0;
  const when = (iso: string | null) => formatDateTime(iso, lang);

  return (
    <div className="m-stack">
      <section className="m-card">
        <form className="m-range ds-filters" onSubmit={submit} aria-label={text.filters}>
          <label>
            {text.from}
            <input type="date" value={filter.from} max={filter.to || undefined} required onChange={(e) => set('from', e.target.value)} />
          </label>
          <label>
            {text.to}
            <input type="date" value={filter.to} min={filter.from || undefined} required onChange={(e) => set('to', e.target.value)} />
          </label>
          <label>
            {text.status}
            <select value={filter.status} onChange={(e) => set('status', e.target.value as TrackingBookFilter['status'])}>
              <option value="all">{text.statusAll}</option>
              <option value="open">{text.statusOpen}</option>
              <option value="closed">{text.statusClosed}</option>
            </select>
          </label>
          <label>
            {text.field}
            <input
              list="ds-field-names"
              value={filter.fieldName}
              placeholder={text.fieldAll}
              maxLength={200}
              onChange={(e) => set('fieldName', e.target.value)}
            />
            <datalist id="ds-field-names">
              {fieldNames.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </label>
          <label>
            {text.timeliness}
            <select value={filter.timeliness} onChange={(e) => set('timeliness', e.target.value as TimelinessFilter | '')}>
              <option value="">{text.timelinessAll}</option>
              {(['early', 'on-time', 'late', 'overdue'] as const).map((t) => (
                <option key={t} value={t}>
                  {TIMELINESS_LABELS[t][lang]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="m-primary" disabled={busy}>
            {text.show}
          </button>
          <span className="m-range-presets">
            <a className="ds-button-link" href={trackingBookUrl(shown, 'xlsx')} download>
              {text.excel}
            </a>
            <a className="ds-button-link" href={trackingBookUrl(shown, 'html')} target="_blank" rel="noopener">
              {text.print}
            </a>
          </span>
        </form>
        <FormError error={error} />
      </section>

      {rows && (
        <section className="m-card" aria-busy={busy}>
          <p className="ds-summary" role="status">
            {fill(text.count, { n: rows.length })}
            {overdue > 0 && <span className="ds-overdue-count"> · {fill(text.overdueCount, { n: overdue })}</span>}
          </p>
          {rows.length === 0 ? (
            <p className="m-muted">{text.noRows}</p>
          ) : (
            <div className="m-table-wrap">
              <table className="m-table m-compact ds-book" data-testid="tracking-book">
                <thead>
                  <tr>
                    <th scope="col">{text.index}</th>
                    <th scope="col">{text.code}</th>
                    <th scope="col">{text.procedure}</th>
                    <th scope="col">{text.sets}</th>
                    <th scope="col">{text.applicant}</th>
                    <th scope="col">{text.contact}</th>
                    <th scope="col">{text.agency}</th>
                    <th scope="col">{text.received}</th>
                    <th scope="col">{text.due}</th>
                    <th scope="col">{text.transferred}</th>
                    <th scope="col">{text.result}</th>
                    <th scope="col">{text.returned}</th>
                    <th scope="col">{text.outcome}</th>
                    <th scope="col">{text.note}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className={r.overdue ? 'ds-overdue' : undefined} data-overdue={r.overdue || undefined}>
                      <td className="m-num">{r.index}</td>
                      <th scope="row" className="m-nowrap">
                        <a href={dossierLink(r.id)}>{r.code}</a>
                        <span className="m-sub">{r.statusLabel}</span>
                      </th>
                      <td>
                        {r.procedureName}
                        <span className="m-sub">{r.fieldName}</span>
                      </td>
                      <td className="m-num">{r.sets}</td>
                      <td>{r.applicantName}</td>
                      <td>{r.applicantContact}</td>
                      <td>{r.agency}</td>
                      <td className="m-nowrap">{when(r.receivedAt)}</td>
                      <td className="m-nowrap">
                        {when(r.dueAt)}
                        {r.extendedDueAt && (
                          <span className="m-sub">
                            {text.extended}: {when(r.extendedDueAt)}
                          </span>
                        )}
                      </td>
                      <td className="m-nowrap">{when(r.transferredAt)}</td>
                      <td className="m-nowrap">{when(r.resultAt)}</td>
                      <td className="m-nowrap">
                        {when(r.returnedAt)}
                        {r.returnedTo && (
                          <span className="m-sub">
                            {text.returnedTo}: {r.returnedTo}
                          </span>
                        )}
                      </td>
                      <td className="m-nowrap">
                        {r.overdue ? (
                          <strong className="ds-overdue-mark">⚠ {text.overdueMark}</strong>
                        ) : r.timeliness ? (
                          <span className={`ds-timeliness ds-timeliness-${r.timeliness}`}>{TIMELINESS_LABELS[r.timeliness][lang]}</span>
                        ) : (
                          <span className="m-muted">{text.inProgress}</span>
                        )}
                      </td>
                      <td>{r.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
