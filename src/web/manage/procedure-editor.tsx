/**
 * The editor of one procedure: what the centre applies when it receives a dossier — per channel the
 * legal and the committed (shortened) time and the fee, the 15:00-style cutoff, the documents to
 * check, and the internal steps with their allowances. Saving creates a new version.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Field } from '../../contracts/api';
import type { Channel, DurationUnit, ProcedureDetail } from '../../contracts/dossier';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { formatDateTime } from './format';
import {
  CHANNEL_LABELS,
  CHANNELS,
  checkAllowances,
  describeDuration,
  detailToDraft,
  draftAllowances,
  draftToUpdate,
  DURATION_UNITS,
  formatHours,
  mainRule,
  moveRow,
  newDocumentDraft,
  newRuleDraft,
  newStepDraft,
  UNIT_LABELS,
  WORKING_DAY_HOURS,
  type DocumentDraft,
  type ProcedureDraft,
  type ProcedureHint,
  type ProcedureHints,
  type RuleDraft,
  type StepDraft,
} from './procedure-form';
import { CheckField, FormError, FormFooter, Modal, Notice, TextField, useAction } from './ui';

const TEXT: Dictionary<
  | ProcedureHint
  | 'title'
  | 'loading'
  | 'version'
  | 'versionHelp'
  | 'general'
  | 'name'
  | 'fieldName'
  | 'fieldHelp'
  | 'active'
  | 'activeHelp'
  | 'cutoff'
  | 'cutoffHelp'
  | 'rules'
  | 'channel'
  | 'amount'
  | 'unit'
  | 'committed'
  | 'committedHelp'
  | 'fee'
  | 'feeText'
  | 'addChannel'
  | 'removeChannel'
  | 'documents'
  | 'docName'
  | 'copies'
  | 'mandatory'
  | 'addDocument'
  | 'removeDocument'
  | 'noDocuments'
  | 'steps'
  | 'stepCode'
  | 'stepName'
  | 'stepUnit'
  | 'allowanceCol'
  | 'addStep'
  | 'removeStep'
  | 'up'
  | 'down'
  | 'moveUp'
  | 'moveDown'
  | 'totalOk'
  | 'totalOver'
  | 'totalUnknown'
  | 'limitNote'
  | 'save'
  | 'fixHints'
  | 'actions'
> = {
  vi: {
    title: 'Thủ tục {code}',
    loading: 'Đang tải thủ tục…',
    version: 'Phiên bản {n}',
    versionHelp: 'Lưu sẽ tạo phiên bản mới; hồ sơ đã tiếp nhận giữ nguyên phiên bản cũ. Phiên bản hiện tại tạo lúc {at}.',
    general: 'Thông tin chung',
    name: 'Tên thủ tục',
    fieldName: 'Lĩnh vực',
    fieldHelp: 'Chọn lĩnh vực lấy số tương ứng để quầy nhận đúng thủ tục.',
    active: 'Đang áp dụng',
    activeHelp: 'Bỏ chọn để quầy không tiếp nhận hồ sơ mới của thủ tục này.',
    cutoff: 'Giờ chốt nhận trong ngày',
    cutoffHelp: 'Ví dụ 15:00: hồ sơ giải quyết trong ngày nhận sau giờ này được hẹn ngày làm việc tiếp theo. Để trống nếu không áp dụng.',
    rules: 'Thời hạn giải quyết và phí, lệ phí theo cách thức nộp',
    channel: 'Cách thức',
    amount: 'Thời hạn theo quy định',
    unit: 'Đơn vị',
    committed: 'Thời hạn cam kết (cắt giảm)',
    committedHelp: 'Ngày hẹn trả tính theo thời hạn cam kết nếu có.',
    fee: 'Phí, lệ phí (đồng)',
    feeText: 'Mô tả phí, lệ phí',
    addChannel: 'Thêm cách thức {channel}',
    removeChannel: 'Bỏ cách thức {channel}',
    documents: 'Thành phần hồ sơ',
    docName: 'Tên giấy tờ',
    copies: 'Số lượng (bản chính, bản sao)',
    mandatory: 'Bắt buộc',
    addDocument: 'Thêm giấy tờ',
    removeDocument: 'Xóa giấy tờ {n}',
    noDocuments: 'Chưa có giấy tờ nào.',
    steps: 'Các bước xử lý nội bộ',
    stepCode: 'Mã bước',
    stepName: 'Tên bước',
    stepUnit: 'Đơn vị thực hiện',
    allowanceCol: 'Thời gian (giờ làm việc)',
    addStep: 'Thêm bước',
    removeStep: 'Xóa bước {n}',
    up: '↑',
    down: '↓',
    moveUp: 'Chuyển bước {n} lên',
    moveDown: 'Chuyển bước {n} xuống',
    totalOk: 'Tổng thời gian các bước: {total} giờ, trong thời hạn {limit} giờ làm việc ({time}).',
    totalOver: 'Tổng thời gian các bước là {total} giờ, vượt thời hạn {limit} giờ làm việc ({time}). Hãy giảm thời gian của các bước.',
    totalUnknown: 'Tổng thời gian các bước: {total} giờ. Thủ tục chưa có thời hạn để so sánh.',
    limitNote: 'Mỗi ngày làm việc tính {hours} giờ; so với thời hạn cách thức trực tiếp.',
    save: 'Lưu thành phiên bản mới',
    fixHints: 'Vui lòng sửa các ô được đánh dấu đỏ.',
    actions: 'Thao tác',
    required: 'Vui lòng nhập.',
    wholeNumber: 'Nhập số nguyên không âm.',
    tooLarge: 'Số quá lớn.',
    committedLonger: 'Thời hạn cam kết không được dài hơn thời hạn theo quy định.',
    allowance: 'Từ 0,25 đến 2000 giờ.',
    time: 'Giờ dạng HH:MM, ví dụ 15:00.',
    duplicateChannel: 'Mỗi cách thức chỉ một dòng.',
    noRules: 'Cần ít nhất một cách thức nộp.',
    noSteps: 'Cần ít nhất một bước xử lý.',
    tooMany: 'Quá nhiều dòng.',
  },
  en: {
    title: 'Procedure {code}',
    loading: 'Loading the procedure…',
    version: 'Version {n}',
    versionHelp: 'Saving creates a new version; dossiers already received keep theirs. The current version was made at {at}.',
    general: 'General',
    name: 'Procedure name',
    fieldName: 'Field',
    fieldHelp: 'Pick the matching queue field so counters receive the right procedures.',
    active: 'In use',
    activeHelp: 'Untick to stop receiving new dossiers for this procedure.',
    cutoff: 'Daily cutoff',
    cutoffHelp: 'E.g. 15:00: a same-day dossier received later is due the next working day. Leave empty if none.',
    rules: 'Processing time and fees per channel',
    channel: 'Channel',
    amount: 'Legal time',
    unit: 'Unit',
    committed: 'Committed (shortened) time',
    committedHelp: 'Due dates use the committed time when set.',
    fee: 'Fee (VND)',
    feeText: 'Fee description',
    addChannel: 'Add channel {channel}',
    removeChannel: 'Remove channel {channel}',
    documents: 'Required documents',
    docName: 'Document',
    copies: 'Copies',
    mandatory: 'Mandatory',
    addDocument: 'Add document',
    removeDocument: 'Remove document {n}',
    noDocuments: 'No documents yet.',
    steps: 'Internal steps',
    stepCode: 'Step code',
    stepName: 'Step name',
    stepUnit: 'Unit',
    allowanceCol: 'Time (office hours)',
    addStep: 'Add step',
    removeStep: 'Remove step {n}',
    up: '↑',
    down: '↓',
    moveUp: 'Move step {n} up',
    moveDown: 'Move step {n} down',
    totalOk: 'Steps total {total} h, within the {limit} office hours ({time}).',
    totalOver: 'Steps total {total} h, more than the {limit} office hours ({time}). Shorten the steps.',
    totalUnknown: 'Steps total {total} h. The procedure states no time to compare with.',
    limitNote: 'A working day counts {hours} office hours; compared with the in-person time.',
    save: 'Save as a new version',
    fixHints: 'Please correct the fields marked in red.',
    actions: 'Actions',
    required: 'Required.',
    wholeNumber: 'A whole number, 0 or more.',
    tooLarge: 'Too large.',
    committedLonger: 'The committed time cannot be longer than the legal time.',
    allowance: 'From 0.25 to 2000 hours.',
    time: 'HH:MM, e.g. 15:00.',
    duplicateChannel: 'One row per channel.',
    noRules: 'At least one channel is needed.',
    noSteps: 'At least one step is needed.',
    tooMany: 'Too many rows.',
  },
};

type Text = Record<keyof (typeof TEXT)['vi'], string>;

export function ProcedureEditor({
  procedureId,
  fields,
  onClose,
  onSaved,
}: {
  procedureId: string;
  fields: readonly Field[];
  onClose(): void;
  onSaved(detail: ProcedureDetail): void;
}) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  const [draft, setDraft] = useState<ProcedureDraft | null>(null);
  const [hints, setHints] = useState<ProcedureHints>({});
  const load = useAction();
  const save = useAction();

  useEffect(() => {
    void load.run(async () => {
      const d = await api<ProcedureDetail>('GET', `/api/v1/procedures/${encodeURIComponent(procedureId)}`);
      setDetail(d);
      setDraft(detailToDraft(d));
    });
  }, [procedureId]);

  const title = fill(text.title, { code: detail?.code ?? '' });

  if (!draft || !detail) {
    return (
      <Modal title={title} onClose={onClose} wide>
        {load.error ? <FormError error={load.error} /> : <p>{text.loading}</p>}
      </Modal>
    );
  }

  const update = (patch: Partial<ProcedureDraft>) => setDraft({ ...draft, ...patch });
  const hint = (key: string) => (hints[key] ? text[hints[key]] : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToUpdate(draft);
    if (result.hints) {
      setHints(result.hints);
      save.setError(text.fixHints);
      return;
    }
    setHints({});
    await save.run(async () => {
      onSaved(await api<ProcedureDetail>('PUT', `/api/v1/manage/procedures/${encodeURIComponent(procedureId)}`, result.update));
    });
  };

  const setFieldName = (name: string) => {
    const match = fields.find((f) => f.nameVi === name || f.nameEn === name);
    update({ fieldName: name, fieldId: match ? match.id : name === detail.fieldName ? detail.fieldId : null });
  };

  return (
    <Modal title={title} onClose={onClose} wide>
      <form className="m-form ds-editor" onSubmit={(e) => void submit(e)} noValidate>
        <p className="ds-version">
          <strong data-testid="procedure-version">{fill(text.version, { n: detail.current.version })}</strong>
          <span className="m-help"> · {fill(text.versionHelp, { at: formatDateTime(detail.current.createdAt, lang) })}</span>
        </p>

        <fieldset className="m-fieldset">
          <legend>{text.general}</legend>
          <div className="m-grid m-grid-2">
            <TextField label={text.name} className="ds-span-2" value={draft.name} maxLength={1000} hint={hint('name')} onChange={(e) => update({ name: e.target.value })} />
            <TextField
              label={text.fieldName}
              list="ds-editor-fields"
              value={draft.fieldName}
              maxLength={200}
              hint={hint('fieldName')}
              help={text.fieldHelp}
              onChange={(e) => setFieldName(e.target.value)}
            />
            <datalist id="ds-editor-fields">
              {fields.map((f) => (
                <option key={f.id} value={f.nameVi} />
              ))}
            </datalist>
            <TextField label={text.cutoff} type="time" value={draft.cutoff} hint={hint('cutoff')} help={text.cutoffHelp} onChange={(e) => update({ cutoff: e.target.value })} />
            <CheckField label={text.active} help={text.activeHelp} checked={draft.active} onChange={(active) => update({ active })} />
          </div>
        </fieldset>

        <RulesEditor rules={draft.rules} onChange={(rules) => update({ rules })} hint={hint} text={text} lang={lang} />
        <DocumentsEditor documents={draft.documents} onChange={(documents) => update({ documents })} hint={hint} text={text} />
        <StepsEditor draft={draft} onChange={(steps) => update({ steps })} hint={hint} text={text} lang={lang} />

        <FormFooter busy={save.busy} error={save.error} onCancel={onClose} saveLabel={text.save} />
      </form>
    </Modal>
  );
}

function RulesEditor({
  rules,
  onChange,
  hint,
  text,
  lang,
}: {
  rules: RuleDraft[];
  onChange(rules: RuleDraft[]): void;
  hint(key: string): string | null;
  text: Text;
  lang: 'vi' | 'en';
}) {
  const set = (i: number, patch: Partial<RuleDraft>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const missing = CHANNELS.filter((c) => !rules.some((r) => r.channel === c));
  return (
    <fieldset className="m-fieldset" data-testid="procedure-rules">
      <legend>{text.rules}</legend>
      {hint('rules') && <p className="m-hint">{hint('rules')}</p>}
      {rules.map((r, i) => {
        const channel = CHANNEL_LABELS[r.channel][lang];
        return (
          <div key={r.channel + i} className="ds-rule" role="group" aria-label={channel}>
            <div className="ds-rule-head">
              <strong>{channel}</strong>
              {hint(`rules.${i}.channel`) && <span className="m-hint">{hint(`rules.${i}.channel`)}</span>}
              {rules.length > 1 && (
                <button type="button" className="m-danger-link" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                  {fill(text.removeChannel, { channel })}
                </button>
              )}
            </div>
            <div className="m-grid ds-rule-grid">
              <TextField label={text.amount} inputMode="numeric" value={r.amount} hint={hint(`rules.${i}.amount`)} onChange={(e) => set(i, { amount: e.target.value })} disabled={r.unit === 'same-day'} />
              <div className="m-row">
                <label htmlFor={`ds-unit-${i}`}>{text.unit}</label>
                <select id={`ds-unit-${i}`} value={r.unit} onChange={(e) => set(i, { unit: e.target.value as DurationUnit })}>
                  {DURATION_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {UNIT_LABELS[u][lang]}
                    </option>
                  ))}
                </select>
              </div>
              <TextField
                label={text.committed}
                inputMode="numeric"
                value={r.committed}
                hint={hint(`rules.${i}.committed`)}
                help={text.committedHelp}
                disabled={r.unit === 'same-day'}
                onChange={(e) => set(i, { committed: e.target.value })}
              />
              <TextField label={text.fee} inputMode="numeric" value={r.fee} hint={hint(`rules.${i}.fee`)} onChange={(e) => set(i, { fee: e.target.value })} />
              <TextField label={text.feeText} className="ds-span-all" value={r.feeText} maxLength={2000} onChange={(e) => set(i, { feeText: e.target.value })} />
            </div>
          </div>
        );
      })}
      {missing.length > 0 && (
        <div className="m-buttons">
          {missing.map((c: Channel) => (
            <button key={c} type="button" onClick={() => onChange([...rules, newRuleDraft(c, rules[0])])}>
              + {fill(text.addChannel, { channel: CHANNEL_LABELS[c][lang] })}
            </button>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function DocumentsEditor({ documents, onChange, hint, text }: { documents: DocumentDraft[]; onChange(d: DocumentDraft[]): void; hint(key: string): string | null; text: Text }) {
  const set = (i: number, patch: Partial<DocumentDraft>) => onChange(documents.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="m-fieldset">
      <legend>{text.documents}</legend>
      {documents.length === 0 ? (
        <p className="m-muted">{text.noDocuments}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table m-compact ds-edit-table" data-testid="procedure-documents">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{text.docName}</th>
                <th scope="col">{text.copies}</th>
                <th scope="col">{text.mandatory}</th>
                <th scope="col" className="m-actions">
                  {text.actions}
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d, i) => {
                const n = i + 1;
                const nameHint = hint(`documents.${i}.name`);
                return (
                  <tr key={d.key}>
                    <td className="m-num">{n}</td>
                    <td>
                      <input
                        className="ds-cell-input"
                        aria-label={`${text.docName} ${n}`}
                        value={d.name}
                        maxLength={2000}
                        aria-invalid={nameHint ? true : undefined}
                        onChange={(e) => set(i, { name: e.target.value })}
                      />
                      {nameHint && <span className="m-hint">{nameHint}</span>}
                    </td>
                    <td>
                      <input className="ds-cell-input" aria-label={`${text.copies} ${n}`} value={d.copies} maxLength={200} onChange={(e) => set(i, { copies: e.target.value })} />
                    </td>
                    <td>
                      <input type="checkbox" className="ds-check" aria-label={`${text.mandatory} ${n}`} checked={d.mandatory} onChange={(e) => set(i, { mandatory: e.target.checked })} />
                    </td>
                    <td className="m-actions">
                      <button type="button" className="m-danger-link" aria-label={fill(text.removeDocument, { n })} onClick={() => onChange(documents.filter((_, j) => j !== i))}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hint('documents') && <p className="m-hint">{hint('documents')}</p>}
      <div className="m-buttons ds-add-row">
        <button type="button" onClick={() => onChange([...documents, newDocumentDraft()])}>
          + {text.addDocument}
        </button>
      </div>
    </fieldset>
  );
}

function StepsEditor({
  draft,
  onChange,
  hint,
  text,
  lang,
}: {
  draft: ProcedureDraft;
  onChange(steps: StepDraft[]): void;
  hint(key: string): string | null;
  text: Text;
  lang: 'vi' | 'en';
}) {
  const steps = draft.steps;
  const set = (i: number, patch: Partial<StepDraft>) => onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const rule = mainRule(draft.rules);
  const check = checkAllowances(draftAllowances(steps), rule);
  const values = {
    total: formatHours(check.totalHours, lang),
    limit: check.limitHours === null ? '' : formatHours(check.limitHours, lang),
    time: rule ? describeDuration(rule.committedAmount ?? rule.amount, rule.unit, lang) : '',
  };
  const cell = (i: number, key: 'code' | 'name' | 'unit' | 'allowance', label: string, extra?: { inputMode?: 'decimal'; maxLength?: number }) => {
    const h = hint(`steps.${i}.${key}`);
    return (
      <td>
        <input
          className="ds-cell-input"
          aria-label={`${label} ${i + 1}`}
          value={steps[i]![key]}
          aria-invalid={h ? true : undefined}
          onChange={(e) => set(i, { [key]: e.target.value })}
          {...extra}
        />
        {h && <span className="m-hint">{h}</span>}
      </td>
    );
  };
  return (
    <fieldset className="m-fieldset">
      <legend>{text.steps}</legend>
      {steps.length > 0 && (
        <div className="m-table-wrap">
          <table className="m-table m-compact ds-edit-table" data-testid="procedure-steps">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{text.stepCode}</th>
                <th scope="col">{text.stepName}</th>
                <th scope="col">{text.stepUnit}</th>
                <th scope="col">{text.allowanceCol}</th>
                <th scope="col" className="m-actions">
                  {text.actions}
                </th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s, i) => {
                const n = i + 1;
                return (
                  <tr key={s.key}>
                    <td className="m-num">{n}</td>
                    {cell(i, 'code', text.stepCode, { maxLength: 40 })}
                    {cell(i, 'name', text.stepName, { maxLength: 200 })}
                    {cell(i, 'unit', text.stepUnit, { maxLength: 200 })}
                    {cell(i, 'allowance', text.allowanceCol, { inputMode: 'decimal' })}
                    <td className="m-actions">
                      <button type="button" aria-label={fill(text.moveUp, { n })} disabled={i === 0} onClick={() => onChange(moveRow(steps, i, -1))}>
                        {text.up}
                      </button>
                      <button type="button" aria-label={fill(text.moveDown, { n })} disabled={i === steps.length - 1} onClick={() => onChange(moveRow(steps, i, 1))}>
                        {text.down}
                      </button>
                      <button type="button" className="m-danger-link" aria-label={fill(text.removeStep, { n })} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hint('steps') && <p className="m-hint">{hint('steps')}</p>}
      <div className="m-buttons ds-add-row">
        <button type="button" onClick={() => onChange([...steps, newStepDraft()])}>
          + {text.addStep}
        </button>
      </div>
      <div data-testid="allowance-total" data-state={check.state} className="ds-allowance">
        <Notice kind={check.state === 'over' ? 'warn' : 'info'}>
          {fill(check.state === 'over' ? text.totalOver : check.state === 'ok' ? text.totalOk : text.totalUnknown, values)}
        </Notice>
        <span className="m-help">{fill(text.limitNote, { hours: WORKING_DAY_HOURS })}</span>
      </div>
    </fieldset>
  );
}
