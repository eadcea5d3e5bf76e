/**
 * Lĩnh vực: the fields citizens choose at the kiosk — their number series, daily cap, opening
 * hours and default service time. A field that already issued tickets cannot be deleted (the
 * server says so); it is deactivated instead.
 */
import { useState, type FormEvent } from 'react';
import type { Field } from '../../contracts/api';
import type { Lang } from '../../contracts/lang';
import { api, ApiError } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { secondsToMinutes } from './format';
import {
  dailyCapacity,
  describeNumbering,
  draftToFieldInput,
  emptyFieldDraft,
  fieldToDraft,
  firstNumberPreview,
  type FieldDraft,
  type FieldHints,
} from './field-form';
import { COMMON, hintText } from './manage-text';
import {
  describeOpeningHours,
  newWindowDraft,
  officeHoursDrafts,
  WEEKDAYS,
  weekdayShort,
  type WindowDraft,
  type WindowProblem,
} from './opening-hours';
import type { SectionProps } from './section-props';
import { CheckField, FormError, FormFooter, Modal, Notice, TextField, useAction, useConfirm } from './ui';

const TEXT: Dictionary<
  | 'intro'
  | 'add'
  | 'newTitle'
  | 'editTitle'
  | 'order'
  | 'name'
  | 'numbering'
  | 'cap'
  | 'hours'
  | 'service'
  | 'counters'
  | 'noCap'
  | 'none'
  | 'codeHelp'
  | 'mode'
  | 'modeBlock'
  | 'modePrefix'
  | 'prefix'
  | 'prefixHelp'
  | 'blockStart'
  | 'blockEnd'
  | 'blockHelp'
  | 'firstNumber'
  | 'capacity'
  | 'unlimited'
  | 'capLabel'
  | 'capHelp'
  | 'hoursLegend'
  | 'hoursEmpty'
  | 'addWindow'
  | 'officeHours'
  | 'removeWindow'
  | 'fromTime'
  | 'untilTime'
  | 'windowN'
  | 'serviceLabel'
  | 'serviceHelp'
  | 'sortLabel'
  | 'sortHelp'
  | 'activeLabel'
  | 'activeHelp'
  | 'deleteConfirm'
  | 'deleteRefused'
  | 'deactivate'
  | 'deactivated'
  | 'deleted'
  | 'created'
  | 'updated'
  | 'noFields'
  | 'minutes'
> = {
  vi: {
    intro: 'Lĩnh vực là nhóm thủ tục công dân chọn khi lấy số. Mỗi lĩnh vực có dãy số riêng, bắt đầu lại mỗi ngày.',
    add: 'Thêm lĩnh vực',
    newTitle: 'Thêm lĩnh vực',
    editTitle: 'Sửa lĩnh vực "{name}"',
    order: 'TT',
    name: 'Tên lĩnh vực',
    numbering: 'Dãy số',
    cap: 'Tối đa/ngày',
    hours: 'Giờ nhận số',
    service: 'Phục vụ (mặc định)',
    counters: 'Quầy',
    noCap: '—',
    none: 'Chưa có quầy',
    codeHelp: 'Viết hoa, không dấu, ví dụ HT.',
    mode: 'Cách đánh số',
    modeBlock: 'Dải số (ví dụ 1001–1999)',
    modePrefix: 'Chữ cái đầu + số (ví dụ HT → HT001)',
    prefix: 'Chữ cái đầu',
    prefixHelp: '1–3 chữ cái in hoa.',
    blockStart: 'Số đầu',
    blockEnd: 'Số cuối',
    blockHelp: 'Các lĩnh vực không được dùng chung dải số.',
    firstNumber: 'Số đầu tiên trong ngày: {number}',
    capacity: 'Phát tối đa {count} số mỗi ngày.',
    unlimited: 'không giới hạn',
    capLabel: 'Giới hạn số phát mỗi ngày',
    capHelp: 'Để trống nếu không giới hạn (ngoài độ dài dải số).',
    hoursLegend: 'Giờ nhận số',
    hoursEmpty: 'Chưa có khung giờ nào: lĩnh vực nhận số suốt cả ngày, mọi ngày.',
    addWindow: 'Thêm khung giờ',
    officeHours: 'Dùng giờ hành chính (T2–T6 7:30–11:30, 13:30–17:00; T7 sáng)',
    removeWindow: 'Xóa khung giờ {n}',
    fromTime: 'Từ',
    untilTime: 'Đến',
    windowN: 'Khung giờ {n}',
    serviceLabel: 'Thời gian phục vụ mặc định (phút)',
    serviceHelp: 'Dùng để ước tính thời gian chờ khi chưa đủ dữ liệu thực tế.',
    sortLabel: 'Thứ tự hiển thị',
    sortHelp: 'Số nhỏ hiển thị trước trên máy lấy số.',
    activeLabel: 'Đang nhận số',
    activeHelp: 'Bỏ chọn để tạm ngừng lĩnh vực: máy lấy số không hiển thị nữa.',
    deleteConfirm: 'Xóa lĩnh vực "{name}"? Chỉ xóa được lĩnh vực chưa phát số nào; nếu đã có số, hãy tạm ngừng.',
    deleteRefused: 'Lĩnh vực "{name}" đã phát số nên không xóa được (để giữ số liệu báo cáo). Hãy tạm ngừng lĩnh vực thay vì xóa.',
    deactivate: 'Tạm ngừng lĩnh vực "{name}"',
    deactivated: 'Đã tạm ngừng lĩnh vực "{name}": máy lấy số không hiển thị lĩnh vực này nữa.',
    deleted: 'Đã xóa lĩnh vực "{name}".',
    created: 'Đã thêm lĩnh vực "{name}".',
    updated: 'Đã lưu lĩnh vực "{name}".',
    noFields: 'Chưa có lĩnh vực nào.',
    minutes: 'phút',
  },
  en: {
    intro: 'A field is the group of procedures a citizen picks when taking a number. Each field has its own number series, restarting every day.',
    add: 'Add field',
    newTitle: 'New field',
    editTitle: 'Edit field "{name}"',
    order: '#',
    name: 'Field',
    numbering: 'Numbers',
    cap: 'Cap/day',
    hours: 'Hours',
    service: 'Service (default)',
    counters: 'Counters',
    noCap: '—',
    none: 'No counter',
    codeHelp: 'Capitals, no accents, e.g. HT.',
    mode: 'Numbering',
    modeBlock: 'Number block (e.g. 1001–1999)',
    modePrefix: 'Letters + number (e.g. HT → HT001)',
    prefix: 'Letters',
    prefixHelp: '1–3 capital letters.',
    blockStart: 'First number',
    blockEnd: 'Last number',
    blockHelp: 'Two fields may not share numbers.',
    firstNumber: 'First number of the day: {number}',
    capacity: 'At most {count} numbers a day.',
    unlimited: 'unlimited',
    capLabel: 'Daily cap',
    capHelp: 'Leave empty for no cap (beyond the block size).',
    hoursLegend: 'Opening hours for numbers',
    hoursEmpty: 'No window: the field issues numbers at any time, every day.',
    addWindow: 'Add window',
    officeHours: 'Use office hours (Mon–Fri 7:30–11:30, 13:30–17:00; Sat morning)',
    removeWindow: 'Remove window {n}',
    fromTime: 'From',
    untilTime: 'Until',
    windowN: 'Window {n}',
    serviceLabel: 'Default service time (minutes)',
    serviceHelp: 'Used to estimate waits until there is enough real data.',
    sortLabel: 'Sort order',
    sortHelp: 'Lower numbers come first on the kiosk.',
    activeLabel: 'Issuing numbers',
    activeHelp: 'Untick to suspend the field: the kiosk stops offering it.',
    deleteConfirm: 'Delete field "{name}"? Only a field that never issued a number can be deleted; otherwise deactivate it.',
    deleteRefused: 'Field "{name}" has issued numbers, so it cannot be deleted (its figures stay in the reports). Deactivate it instead.',
    deactivate: 'Deactivate field "{name}"',
    deactivated: 'Field "{name}" deactivated: the kiosk no longer offers it.',
    deleted: 'Field "{name}" deleted.',
    created: 'Field "{name}" added.',
    updated: 'Field "{name}" saved.',
    noFields: 'No fields yet.',
    minutes: 'min',
  },
};

const fieldName = (f: Pick<Field, 'nameVi' | 'nameEn'>, lang: Lang) => (lang === 'en' ? f.nameEn : f.nameVi);

export function FieldsSection({ info, hall }: SectionProps) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [editing, setEditing] = useState<Field | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState<Field | null>(null);
  const { error, run } = useAction();
  const { confirm, dialog } = useConfirm();

  const remove = async (field: Field) => {
    setNotice(null);
    setRefused(null);
    const name = fieldName(field, lang);
    if (!(await confirm(fill(text.deleteConfirm, { name }), common.delete))) return;
    const ok = await run(async () => {
      try {
        await api('DELETE', `/api/v1/manage/fields/${field.id}`);
      } catch (e) {
        // The field has tickets: say why in the user's words and offer the way out.
        if (e instanceof ApiError && e.code === 'IN_USE') {
          setRefused(field);
          throw new Error(fill(text.deleteRefused, { name }));
        }
        throw e;
      }
      await hall.reload();
    });
    if (ok) setNotice(fill(text.deleted, { name }));
  };

  const deactivate = async (field: Field) => {
    const { id: _id, ...input } = field;
    const ok = await run(async () => {
      await api('PUT', `/api/v1/manage/fields/${field.id}`, { ...input, active: false });
      await hall.reload();
    });
    if (ok) {
      setRefused(null);
      setNotice(fill(text.deactivated, { name: fieldName(field, lang) }));
    }
  };

  const countersOf = (id: string) =>
    info.counters
      .filter((c) => c.fields.some((l) => l.fieldId === id))
      .map((c) => c.number)
      .sort((a, b) => a - b);

  return (
    <div className="m-stack">
      <div className="m-toolbar">
        <p className="m-muted">{text.intro}</p>
        <button type="button" className="m-primary" onClick={() => setEditing('new')}>
          {text.add}
        </button>
      </div>
      <FormError error={error} />
      {refused?.active && (
        <div className="m-buttons">
          <button type="button" onClick={() => void deactivate(refused)}>
            {fill(text.deactivate, { name: fieldName(refused, lang) })}
          </button>
        </div>
      )}
      {notice && <Notice>{notice}</Notice>}
      {info.fields.length === 0 ? (
        <p>{text.noFields}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table" data-testid="fields-table">
            <thead>
              <tr>
                <th scope="col">{text.order}</th>
                <th scope="col">{common.code}</th>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.numbering}</th>
                <th scope="col">{text.cap}</th>
                <th scope="col">{text.hours}</th>
                <th scope="col">{text.service}</th>
                <th scope="col">{text.counters}</th>
                <th scope="col">{common.status}</th>
                <th scope="col">
                  <span className="visually-hidden">{common.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {info.fields.map((f) => {
                const counters = countersOf(f.id);
                return (
                  <tr key={f.id} className={f.active ? undefined : 'm-dim'}>
                    <td className="m-num">{f.sortOrder}</td>
                    <td>
                      <code>{f.code}</code>
                    </td>
                    <th scope="row">
                      {fieldName(f, lang)}
                      <span className="m-sub">{lang === 'en' ? f.nameVi : f.nameEn}</span>
                    </th>
                    <td className="m-nowrap">{describeNumbering(f)}</td>
                    <td className="m-num m-nowrap">{f.dailyCap ?? text.noCap}</td>
                    <td className="m-hours-cell">{describeOpeningHours(f.openingHours, lang)}</td>
                    <td className="m-num m-nowrap">{secondsToMinutes(f.defaultServiceSeconds)} {text.minutes}</td>
                    <td className="m-nowrap">{counters.length > 0 ? counters.join(', ') : <span className="m-warn-text">{text.none}</span>}</td>
                    <td>
                      <span className={`m-badge ${f.active ? 'm-badge-ok' : 'm-badge-off'}`}>{f.active ? common.active : common.inactive}</span>
                    </td>
                    <td className="m-actions">
                      <button type="button" onClick={() => setEditing(f)} aria-label={`${common.edit} ${fieldName(f, lang)}`}>
                        {common.edit}
                      </button>
                      <button type="button" className="m-danger-link" onClick={() => void remove(f)} aria-label={`${common.delete} ${fieldName(f, lang)}`}>
                        {common.delete}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <FieldEditor
          field={editing === 'new' ? null : editing}
          others={info.fields}
          onClose={() => setEditing(null)}
          onSaved={async (name, isNew) => {
            await hall.reload();
            setEditing(null);
            setNotice(fill(isNew ? text.created : text.updated, { name }));
          }}
        />
      )}
      {dialog}
    </div>
  );
}

function FieldEditor({
  field,
  others,
  onClose,
  onSaved,
}: {
  field: Field | null;
  others: Field[];
  onClose(): void;
  onSaved(name: string, isNew: boolean): Promise<void>;
}) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<FieldDraft>(() =>
    field ? fieldToDraft(field) : emptyFieldDraft(others.reduce((max, f) => Math.max(max, f.sortOrder), 0) + 1),
  );
  const [hints, setHints] = useState<FieldHints>({});
  const [windowProblems, setWindowProblems] = useState<Map<number, WindowProblem>>(new Map());
  const { busy, error, run } = useAction();

  const set = <K extends keyof FieldDraft>(key: K, value: FieldDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const hint = (key: keyof FieldHints) => {
    const h = hints[key];
    return h ? hintText(h.code, lang, { other: h.other ?? '' }) : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToFieldInput(draft, others, field?.id ?? null, lang);
    if (!result.ok) {
      setHints(result.hints);
      setWindowProblems(result.windowProblems);
      return;
    }
    setHints({});
    setWindowProblems(new Map());
    const input = result.input;
    const ok = await run(async () => {
      if (field) await api('PUT', `/api/v1/manage/fields/${field.id}`, input);
      else await api('POST', '/api/v1/manage/fields', input);
    });
    if (ok) await onSaved(lang === 'en' ? input.nameEn : input.nameVi, field === null);
  };

  const preview = firstNumberPreview(draft);
  const capacity = dailyCapacity(draft);

  return (
    <Modal title={field ? fill(text.editTitle, { name: fieldName(field, lang) }) : text.newTitle} onClose={onClose} wide>
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-label={field ? text.editTitle : text.newTitle}>
        <div className="m-grid m-grid-3">
          <TextField
            label={common.code}
            value={draft.code}
            onChange={(e) => set('code', e.target.value.toUpperCase())}
            hint={hint('code')}
            help={text.codeHelp}
            maxLength={16}
            autoFocus
            required
          />
          <TextField label={common.nameVi} value={draft.nameVi} onChange={(e) => set('nameVi', e.target.value)} hint={hint('nameVi')} required />
          <TextField label={common.nameEn} value={draft.nameEn} onChange={(e) => set('nameEn', e.target.value)} hint={hint('nameEn')} required />
        </div>

        <fieldset className="m-fieldset">
          <legend>{text.mode}</legend>
          <div className="m-radios">
            <label>
              <input type="radio" name="numberingMode" checked={draft.numberingMode === 'block'} onChange={() => set('numberingMode', 'block')} />
              {text.modeBlock}
            </label>
            <label>
              <input type="radio" name="numberingMode" checked={draft.numberingMode === 'prefix'} onChange={() => set('numberingMode', 'prefix')} />
              {text.modePrefix}
            </label>
          </div>
          <div className="m-grid m-grid-3">
            {draft.numberingMode === 'prefix' ? (
              <TextField
                label={text.prefix}
                value={draft.prefix}
                onChange={(e) => set('prefix', e.target.value.toUpperCase())}
                hint={hint('prefix')}
                help={text.prefixHelp}
                maxLength={3}
              />
            ) : (
              <>
                <TextField
                  label={text.blockStart}
                  inputMode="numeric"
                  value={draft.blockStart}
                  onChange={(e) => set('blockStart', e.target.value)}
                  hint={hint('blockStart')}
                  help={text.blockHelp}
                />
                <TextField label={text.blockEnd} inputMode="numeric" value={draft.blockEnd} onChange={(e) => set('blockEnd', e.target.value)} hint={hint('blockEnd')} />
              </>
            )}
            <TextField
              label={text.capLabel}
              inputMode="numeric"
              value={draft.dailyCap}
              onChange={(e) => set('dailyCap', e.target.value)}
              hint={hint('dailyCap')}
              help={text.capHelp}
            />
          </div>
          <p className="m-preview" aria-live="polite">
            {preview && fill(text.firstNumber, { number: preview })}
            {preview && ' · '}
            {fill(text.capacity, { count: capacity === null ? text.unlimited : capacity })}
          </p>
        </fieldset>

        <HoursEditor windows={draft.hours} onChange={(hours) => set('hours', hours)} problems={windowProblems} hint={hint('hours')} />

        <div className="m-grid m-grid-3">
          <TextField
            label={text.serviceLabel}
            inputMode="decimal"
            value={draft.serviceMinutes}
            onChange={(e) => set('serviceMinutes', e.target.value)}
            hint={hint('serviceMinutes')}
            help={text.serviceHelp}
          />
          <TextField
            label={text.sortLabel}
            inputMode="numeric"
            value={draft.sortOrder}
            onChange={(e) => set('sortOrder', e.target.value)}
            hint={hint('sortOrder')}
            help={text.sortHelp}
          />
          <CheckField label={text.activeLabel} checked={draft.active} onChange={(v) => set('active', v)} help={text.activeHelp} />
        </div>
        <FormFooter busy={busy} error={error} onCancel={onClose} />
      </form>
    </Modal>
  );
}

/** Rows of day check boxes (Mon–Sun) and from/until times; no row means always open. */
function HoursEditor({
  windows,
  onChange,
  problems,
  hint,
}: {
  windows: WindowDraft[];
  onChange(windows: WindowDraft[]): void;
  problems: Map<number, WindowProblem>;
  hint: string | null;
}) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const update = (index: number, change: Partial<WindowDraft>) => onChange(windows.map((w, i) => (i === index ? { ...w, ...change } : w)));
  return (
    <fieldset className="m-fieldset" aria-describedby={hint ? 'm-hours-hint' : undefined}>
      <legend>{text.hoursLegend}</legend>
      {windows.length === 0 && <p className="m-muted">{text.hoursEmpty}</p>}
      <ol className="m-windows">
        {windows.map((w, index) => {
          const problem = problems.get(index);
          const label = fill(text.windowN, { n: index + 1 });
          return (
            <li key={w.key} className={problem ? 'm-window m-invalid' : 'm-window'}>
              <span className="m-window-days" role="group" aria-label={label}>
                {WEEKDAYS.map((day, d) => (
                  <label key={day} className="m-day">
                    <input
                      type="checkbox"
                      checked={w.days[d] ?? false}
                      onChange={(e) => update(index, { days: w.days.map((v, j) => (j === d ? e.target.checked : v)) })}
                    />
                    {weekdayShort(day, lang)}
                  </label>
                ))}
              </span>
              <label className="m-time">
                {text.fromTime}
                <input type="time" value={w.from} onChange={(e) => update(index, { from: e.target.value })} />
              </label>
              <label className="m-time">
                {text.untilTime}
                <input type="time" value={w.until} onChange={(e) => update(index, { until: e.target.value })} />
              </label>
              <button
                type="button"
                className="m-icon-button"
                onClick={() => onChange(windows.filter((_, i) => i !== index))}
                aria-label={fill(text.removeWindow, { n: index + 1 })}
                title={fill(text.removeWindow, { n: index + 1 })}
              >
                ×
              </button>
              {problem && <span className="m-hint">{hintText(problem, lang)}</span>}
            </li>
          );
        })}
      </ol>
      <div className="m-buttons">
        <button type="button" onClick={() => onChange([...windows, newWindowDraft()])} disabled={windows.length >= 14}>
          + {text.addWindow}
        </button>
        {windows.length === 0 && (
          <button type="button" onClick={() => onChange(officeHoursDrafts())}>
            {text.officeHours}
          </button>
        )}
      </div>
      {hint && (
        <p className="m-hint" id="m-hours-hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
