/**
 * Lịch làm việc: the deadline calendar of a year — public holidays and nghỉ bù computed from the law,
 * plus the day swaps the government announces each year (Công văn …/VPCP-KGVX), which an admin
 * enters here (DOMAIN-VN §4). Reception hours are another matter, set per field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { CalendarAdjustment, CalendarDay } from '../../contracts/dossier';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { formatDayWithWeekday, yearOf } from './day-format';
import { CALENDAR_KIND_LABELS, isDayOff, type CalendarKind } from './dossier-reports';
import { hallDay } from './format';
import type { SectionProps } from './section-props';
import { FormError, Notice, SelectField, TextField, useAction, useConfirm } from './ui';
import './dossier-sections.css';

interface CalendarYear {
  year: number;
  days: CalendarDay[];
  adjustments: CalendarAdjustment[];
}

const TEXT: Dictionary<
  | 'intro'
  | 'receptionNote'
  | 'year'
  | 'previous'
  | 'next'
  | 'daysTitle'
  | 'date'
  | 'name'
  | 'kind'
  | 'source'
  | 'fromLaw'
  | 'fromAdjustment'
  | 'noDays'
  | 'daysOff'
  | 'workDays'
  | 'adjustTitle'
  | 'adjustHelp'
  | 'namePlaceholder'
  | 'nameHelp'
  | 'add'
  | 'adjustments'
  | 'noAdjustments'
  | 'delete'
  | 'deleteLabel'
  | 'deleteConfirm'
  | 'added'
  | 'deleted'
  | 'required'
  | 'actions'
> = {
  vi: {
    intro:
      'Lịch dùng để tính ngày hẹn trả kết quả: ngày làm việc là thứ Hai đến thứ Sáu, trừ ngày lễ, Tết và ngày nghỉ bù; ngày làm bù (hoán đổi) được tính là ngày làm việc.',
    receptionNote:
      'Giờ tiếp nhận hồ sơ (kể cả sáng thứ Bảy) được cài đặt riêng cho từng lĩnh vực trong mục "Lĩnh vực" và không làm thay đổi lịch tính thời hạn này.',
    year: 'Năm',
    previous: 'Năm trước',
    next: 'Năm sau',
    daysTitle: 'Ngày nghỉ và ngày làm bù năm {year}',
    date: 'Ngày',
    name: 'Tên ngày / căn cứ',
    kind: 'Loại',
    source: 'Nguồn',
    fromLaw: 'Theo Bộ luật Lao động',
    fromAdjustment: 'Điều chỉnh',
    noDays: 'Không có ngày nghỉ nào trong năm này.',
    daysOff: '{n} ngày nghỉ',
    workDays: '{n} ngày làm bù',
    adjustTitle: 'Thêm điều chỉnh',
    adjustHelp: 'Nhập theo thông báo hằng năm của Chính phủ về nghỉ lễ, Tết và hoán đổi ngày làm việc. Nhập lại một ngày đã có sẽ thay điều chỉnh cũ.',
    namePlaceholder: 'Công văn số …/VPCP-KGVX',
    nameHelp: 'Tên ngày hoặc văn bản căn cứ, ví dụ "Nghỉ Tết Nguyên đán – Công văn số 2450/VPCP-KGVX".',
    add: 'Thêm điều chỉnh',
    adjustments: 'Các điều chỉnh đã nhập năm {year}',
    noAdjustments: 'Chưa có điều chỉnh nào: lịch đang theo đúng quy định của luật.',
    delete: 'Xóa',
    deleteLabel: 'Xóa điều chỉnh ngày {day}',
    deleteConfirm: 'Xóa điều chỉnh ngày {day} ({name})? Ngày này sẽ trở lại như quy định của luật.',
    added: 'Đã lưu điều chỉnh ngày {day}.',
    deleted: 'Đã xóa điều chỉnh ngày {day}.',
    required: 'Vui lòng nhập.',
    actions: 'Thao tác',
  },
  en: {
    intro:
      'This calendar sets result due dates: working days are Monday to Friday, except public holidays, Tết and compensatory days off; a make-up (swapped) working day counts as a working day.',
    receptionNote:
      'Reception hours (Saturday mornings included) are set per field in "Fields" and do not change this deadline calendar.',
    year: 'Year',
    previous: 'Previous year',
    next: 'Next year',
    daysTitle: 'Days off and make-up working days in {year}',
    date: 'Date',
    name: 'Name / basis',
    kind: 'Kind',
    source: 'Source',
    fromLaw: 'Labour Code',
    fromAdjustment: 'Adjustment',
    noDays: 'No days off this year.',
    daysOff: '{n} days off',
    workDays: '{n} make-up working days',
    adjustTitle: 'Add an adjustment',
    adjustHelp: "Enter the government's yearly notice on holidays, Tết and swapped working days. Entering a date again replaces its adjustment.",
    namePlaceholder: 'Official letter no. …/VPCP-KGVX',
    nameHelp: 'Name of the day or the notice it comes from.',
    add: 'Add adjustment',
    adjustments: 'Adjustments entered for {year}',
    noAdjustments: 'No adjustments: the calendar follows the law as it stands.',
    delete: 'Delete',
    deleteLabel: 'Delete the adjustment of {day}',
    deleteConfirm: 'Delete the adjustment of {day} ({name})? The day goes back to what the law says.',
    added: 'Adjustment of {day} saved.',
    deleted: 'Adjustment of {day} deleted.',
    required: 'Required.',
    actions: 'Actions',
  },
};

const ADJUSTMENT_KINDS: CalendarKind[] = ['swap-off', 'swap-work', 'holiday', 'compensatory', 'removed'];

export function CalendarSection({ info }: SectionProps) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const thisYear = yearOf(hallDay(info.serverTime));
  const [year, setYear] = useState(thisYear);
  const [calendar, setCalendar] = useState<CalendarYear | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useAction();
  const save = useAction();
  const { confirm, dialog } = useConfirm();

  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarKind>('swap-off');
  const [name, setName] = useState('');
  const [nameHint, setNameHint] = useState<string | null>(null);

  useEffect(() => {
    setNotice(null);
    void load.run(async () => {
      setCalendar(await api<CalendarYear>('GET', `/api/v1/manage/calendar?year=${year}`));
    });
  }, [year]);

  const showAnswer = (answer: CalendarYear) => {
    setCalendar(answer);
    if (answer.year !== year) setYear(answer.year);
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!name.trim()) {
      setNameHint(text.required);
      return;
    }
    setNameHint(null);
    const day = date;
    const ok = await save.run(async () => {
      showAnswer(await api<CalendarYear>('PUT', `/api/v1/manage/calendar/adjustments/${day}`, { kind, name: name.trim() }));
    });
    if (ok) {
      setNotice(fill(text.added, { day: formatDayWithWeekday(day, lang) }));
      setDate('');
      setName('');
    }
  };

  const remove = async (a: CalendarAdjustment) => {
    const day = formatDayWithWeekday(a.date, lang);
    if (!(await confirm(fill(text.deleteConfirm, { day, name: a.name }), text.delete))) return;
    setNotice(null);
    const ok = await save.run(async () => {
      showAnswer(await api<CalendarYear>('DELETE', `/api/v1/manage/calendar/adjustments/${a.date}`));
    });
    if (ok) setNotice(fill(text.deleted, { day }));
  };

  const adjusted = new Set(calendar?.adjustments.map((a) => a.date));
  const days = [...(calendar?.days ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const adjustments = [...(calendar?.adjustments ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const offCount = days.filter((d) => isDayOff(d.kind)).length;

  return (
    <div className="m-stack">
      {dialog}
      <section className="m-card">
        <p className="m-muted ds-intro">{text.intro}</p>
        <Notice kind="info">{text.receptionNote}</Notice>
        <div className="ds-year" role="group" aria-label={text.year}>
          <button type="button" onClick={() => setYear(year - 1)} aria-label={text.previous}>
            ‹
          </button>
          <label>
            {text.year}{' '}
            <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {Array.from({ length: 7 }, (_, i) => thisYear - 3 + i)
                .concat(year < thisYear - 3 || year > thisYear + 3 ? [year] : [])
                .sort((a, b) => a - b)
                .map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
            </select>
          </label>
          <button type="button" onClick={() => setYear(year + 1)} aria-label={text.next}>
            ›
          </button>
        </div>
        <FormError error={load.error} />
      </section>

      <section className="m-card" aria-labelledby="ds-days-title" aria-busy={load.busy}>
        <h2 id="ds-days-title">{fill(text.daysTitle, { year })}</h2>
        {calendar && (
          <p className="m-muted">
            {fill(text.daysOff, { n: offCount })} · {fill(text.workDays, { n: days.length - offCount })}
          </p>
        )}
        {calendar && days.length === 0 ? (
          <p className="m-muted">{text.noDays}</p>
        ) : (
          <div className="m-table-wrap">
            <table className="m-table m-compact" data-testid="calendar-days">
              <thead>
                <tr>
                  <th scope="col">{text.date}</th>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.kind}</th>
                  <th scope="col">{text.source}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date} className={isDayOff(d.kind) ? undefined : 'ds-workday'} data-date={d.date} data-kind={d.kind}>
                    <th scope="row" className="m-nowrap">
                      {formatDayWithWeekday(d.date, lang)}
                    </th>
                    <td>{d.name}</td>
                    <td>
                      <span className={`ds-kind ds-kind-${d.kind}`}>{CALENDAR_KIND_LABELS[d.kind][lang]}</span>
                    </td>
                    <td className="m-muted">{adjusted.has(d.date) ? text.fromAdjustment : text.fromLaw}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="m-card" aria-labelledby="ds-adjust-title">
        <h2 id="ds-adjust-title">{text.adjustTitle}</h2>
        <p className="m-help">{text.adjustHelp}</p>
        <form className="ds-adjust-form" onSubmit={(e) => void add(e)} aria-labelledby="ds-adjust-title">
          <TextField label={text.date} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          <SelectField
            label={text.kind}
            value={kind}
            onChange={(e) => setKind(e.target.value as CalendarKind)}
            options={ADJUSTMENT_KINDS.map((k) => ({ value: k, label: CALENDAR_KIND_LABELS[k][lang] }))}
          />
          <TextField
            label={text.name}
            className="ds-grow"
            value={name}
            maxLength={200}
            placeholder={text.namePlaceholder}
            help={text.nameHelp}
            hint={nameHint}
            onChange={(e) => setName(e.target.value)}
          />
          <div className="m-row ds-submit">
            <button type="submit" className="m-primary" disabled={save.busy}>
              {text.add}
            </button>
          </div>
        </form>
        <FormError error={save.error} />
        {notice && <Notice>{notice}</Notice>}

        <h3>{fill(text.adjustments, { year })}</h3>
        {calendar && adjustments.length === 0 ? (
          <p className="m-muted">{text.noAdjustments}</p>
        ) : (
          <div className="m-table-wrap">
            <table className="m-table m-compact" data-testid="calendar-adjustments">
              <thead>
                <tr>
                  <th scope="col">{text.date}</th>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.kind}</th>
                  <th scope="col" className="m-actions">
                    {text.actions}
                  </th>
                </tr>
              </thead>
              <tbody>
                {adjustments.map((a) => {
                  const day = formatDayWithWeekday(a.date, lang);
                  return (
                    <tr key={a.date} data-date={a.date}>
                      <th scope="row" className="m-nowrap">
                        {day}
                      </th>
                      <td>{a.name}</td>
                      <td>
                        <span className={`ds-kind ds-kind-${a.kind}`}>{CALENDAR_KIND_LABELS[a.kind][lang]}</span>
                      </td>
                      <td className="m-actions">
                        <button type="button" className="m-danger-link" disabled={save.busy} aria-label={fill(text.deleteLabel, { day })} onClick={() => void remove(a)}>
                          {text.delete}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
