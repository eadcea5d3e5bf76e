/**
 * Quầy: the counters of the hall and the fields each one serves, with a weight per field that
 * decides how strongly the counter calls that field's queue (10 = its main field).
 */
import { useState, type FormEvent } from 'react';
import type { Counter, Field } from '../../contracts/api';
import { api, ApiError } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { counterToDraft, DEFAULT_WEIGHT, draftToCounterInput, emptyCounterDraft, type CounterDraft, type CounterHints } from './counter-form';
import { COMMON, COUNTER_STATE_LABELS, hintText } from './manage-text';
import type { SectionProps } from './section-props';
import { CheckField, FormError, FormFooter, Modal, Notice, TextField, useAction, useConfirm } from './ui';

const TEXT: Dictionary<
  | 'intro'
  | 'add'
  | 'newTitle'
  | 'editTitle'
  | 'number'
  | 'name'
  | 'fields'
  | 'state'
  | 'noFields'
  | 'nameHelp'
  | 'fieldsLegend'
  | 'weightExplain'
  | 'weight'
  | 'fieldColumn'
  | 'weightOf'
  | 'serves'
  | 'activeLabel'
  | 'activeHelp'
  | 'deleteConfirm'
  | 'deleteRefused'
  | 'deactivate'
  | 'deactivated'
  | 'deleted'
  | 'created'
  | 'updated'
  | 'noCounters'
  | 'noFieldsYet'
  | 'main'
> = {
  vi: {
    intro: 'Mỗi quầy phục vụ một hoặc nhiều lĩnh vực. Cán bộ nhận quầy ở trang Quầy.',
    add: 'Thêm quầy',
    newTitle: 'Thêm quầy',
    editTitle: 'Sửa quầy số {number}',
    number: 'Số quầy',
    name: 'Tên quầy',
    fields: 'Lĩnh vực phục vụ (trọng số)',
    state: 'Hoạt động hiện tại',
    noFields: 'Chưa phục vụ lĩnh vực nào',
    nameHelp: 'Ví dụ: Quầy 1 – Hộ tịch.',
    fieldsLegend: 'Lĩnh vực quầy phục vụ',
    weightExplain:
      'Trọng số 1–10: 10 là lĩnh vực chính của quầy; số nhỏ (1–3) chỉ hỗ trợ. Quầy ưu tiên gọi số theo (số phút đã chờ × trọng số).',
    weight: 'Trọng số',
    fieldColumn: 'Lĩnh vực',
    weightOf: 'Trọng số của {field}',
    serves: 'Phục vụ {field}',
    activeLabel: 'Đang sử dụng',
    activeHelp: 'Bỏ chọn để tạm ngừng quầy (không nhận số, không hiện trên màn hình).',
    deleteConfirm: 'Xóa quầy số {number}? Chỉ xóa được quầy chưa hoạt động lần nào; nếu đã có lịch sử, hãy tạm ngừng.',
    deleteRefused: 'Quầy số {number} đã có lịch sử phục vụ nên không xóa được (để giữ số liệu báo cáo). Hãy tạm ngừng quầy thay vì xóa.',
    deactivate: 'Tạm ngừng quầy số {number}',
    deactivated: 'Đã tạm ngừng quầy số {number}.',
    deleted: 'Đã xóa quầy số {number}.',
    created: 'Đã thêm quầy số {number}.',
    updated: 'Đã lưu quầy số {number}.',
    noCounters: 'Chưa có quầy nào.',
    noFieldsYet: 'Chưa có lĩnh vực nào; hãy thêm lĩnh vực trước.',
    main: 'chính',
  },
  en: {
    intro: 'Each counter serves one or more fields. Officers take a counter on the Counter page.',
    add: 'Add counter',
    newTitle: 'New counter',
    editTitle: 'Edit counter {number}',
    number: 'Number',
    name: 'Name',
    fields: 'Fields served (weight)',
    state: 'Now',
    noFields: 'Serves no field',
    nameHelp: 'E.g. Counter 1 – Civil status.',
    fieldsLegend: 'Fields this counter serves',
    weightExplain: 'Weight 1–10: 10 is the counter’s main field; small weights (1–3) only help out. The counter calls by (minutes waited × weight).',
    weight: 'Weight',
    fieldColumn: 'Field',
    weightOf: 'Weight for {field}',
    serves: 'Serves {field}',
    activeLabel: 'In use',
    activeHelp: 'Untick to suspend the counter (it takes no numbers and leaves the boards).',
    deleteConfirm: 'Delete counter {number}? Only a counter that never worked can be deleted; otherwise deactivate it.',
    deleteRefused: 'Counter {number} has served people, so it cannot be deleted (its figures stay in the reports). Deactivate it instead.',
    deactivate: 'Deactivate counter {number}',
    deactivated: 'Counter {number} deactivated.',
    deleted: 'Counter {number} deleted.',
    created: 'Counter {number} added.',
    updated: 'Counter {number} saved.',
    noCounters: 'No counters yet.',
    noFieldsYet: 'There are no fields yet; add fields first.',
    main: 'main',
  },
};

export function CountersSection({ info, hall }: SectionProps) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [editing, setEditing] = useState<Counter | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState<Counter | null>(null);
  const { error, run } = useAction();
  const { confirm, dialog } = useConfirm();

  const fieldName = (id: string) => {
    const f = info.fields.find((x) => x.id === id);
    return f ? (lang === 'en' ? f.nameEn : f.nameVi) : '?';
  };
  const live = (c: Counter) => hall.board?.counters.find((x) => x.id === c.id) ?? c;
  const counters = [...info.counters].sort((a, b) => a.number - b.number);

  const remove = async (counter: Counter) => {
    setNotice(null);
    setRefused(null);
    if (!(await confirm(fill(text.deleteConfirm, { number: counter.number }), common.delete))) return;
    const ok = await run(async () => {
      try {
        await api('DELETE', `/api/v1/manage/counters/${counter.id}`);
      } catch (e) {
        // The counter has history: say why in the user's words and offer the way out.
        if (e instanceof ApiError && e.code === 'IN_USE') {
          setRefused(counter);
          throw new Error(fill(text.deleteRefused, { number: counter.number }));
        }
        throw e;
      }
      await hall.reload();
    });
    if (ok) setNotice(fill(text.deleted, { number: counter.number }));
  };

  const deactivate = async (counter: Counter) => {
    const input = { number: counter.number, name: counter.name, active: false, fields: counter.fields };
    const ok = await run(async () => {
      await api('PUT', `/api/v1/manage/counters/${counter.id}`, input);
      await hall.reload();
    });
    if (ok) {
      setRefused(null);
      setNotice(fill(text.deactivated, { number: counter.number }));
    }
  };

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
            {fill(text.deactivate, { number: refused.number })}
          </button>
        </div>
      )}
      {notice && <Notice>{notice}</Notice>}
      {counters.length === 0 ? (
        <p>{text.noCounters}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table" data-testid="counters-table">
            <thead>
              <tr>
                <th scope="col">{text.number}</th>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.fields}</th>
                <th scope="col">{text.state}</th>
                <th scope="col">{common.status}</th>
                <th scope="col">
                  <span className="visually-hidden">{common.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {counters.map((c) => {
                const now = live(c);
                return (
                  <tr key={c.id} className={c.active ? undefined : 'm-dim'}>
                    <td className="m-num m-big-num">{c.number}</td>
                    <th scope="row">{c.name}</th>
                    <td>
                      {c.fields.length === 0 ? (
                        <span className="m-warn-text">{text.noFields}</span>
                      ) : (
                        <ul className="m-chips">
                          {[...c.fields]
                            .sort((a, b) => b.weight - a.weight)
                            .map((l) => (
                              <li key={l.fieldId} className={l.weight >= 10 ? 'm-chip m-chip-main' : 'm-chip'}>
                                {fieldName(l.fieldId)} <b>{l.weight}</b>
                              </li>
                            ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <span className={`m-state m-state-${now.state}`}>{COUNTER_STATE_LABELS[now.state][lang]}</span>
                      {now.officerName && <span className="m-sub">{now.officerName}</span>}
                    </td>
                    <td>
                      <span className={`m-badge ${c.active ? 'm-badge-ok' : 'm-badge-off'}`}>{c.active ? common.active : common.inactive}</span>
                    </td>
                    <td className="m-actions">
                      <button type="button" onClick={() => setEditing(c)} aria-label={`${common.edit} ${c.name}`}>
                        {common.edit}
                      </button>
                      <button type="button" className="m-danger-link" onClick={() => void remove(c)} aria-label={`${common.delete} ${c.name}`}>
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
        <CounterEditor
          counter={editing === 'new' ? null : editing}
          counters={info.counters}
          fields={info.fields}
          onClose={() => setEditing(null)}
          onSaved={async (number, isNew) => {
            await hall.reload();
            setEditing(null);
            setNotice(fill(isNew ? text.created : text.updated, { number }));
          }}
        />
      )}
      {dialog}
    </div>
  );
}

function CounterEditor({
  counter,
  counters,
  fields,
  onClose,
  onSaved,
}: {
  counter: Counter | null;
  counters: Counter[];
  fields: Field[];
  onClose(): void;
  onSaved(number: number, isNew: boolean): Promise<void>;
}) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<CounterDraft>(() => (counter ? counterToDraft(counter) : emptyCounterDraft(counters)));
  const [hints, setHints] = useState<CounterHints>({});
  const { busy, error, run } = useAction();

  const setLink = (fieldId: string, change: Partial<{ on: boolean; weight: string }>) =>
    setDraft((d) => {
      const current = d.links[fieldId] ?? { on: false, weight: String(DEFAULT_WEIGHT) };
      return { ...d, links: { ...d.links, [fieldId]: { ...current, ...change } } };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToCounterInput(draft, counters, counter?.id ?? null);
    if (!result.ok) {
      setHints(result.hints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      if (counter) await api('PUT', `/api/v1/manage/counters/${counter.id}`, result.input);
      else await api('POST', '/api/v1/manage/counters', result.input);
    });
    if (ok) await onSaved(result.input.number, counter === null);
  };

  return (
    <Modal title={counter ? fill(text.editTitle, { number: counter.number }) : text.newTitle} onClose={onClose} wide>
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-label={counter ? fill(text.editTitle, { number: counter.number }) : text.newTitle}>
        <div className="m-grid m-grid-counter">
          <TextField
            label={text.number}
            inputMode="numeric"
            value={draft.number}
            onChange={(e) => setDraft((d) => ({ ...d, number: e.target.value }))}
            hint={hintText(hints.number, lang)}
            autoFocus
          />
          <TextField
            label={text.name}
            value={draft.name}
            onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
            hint={hintText(hints.name, lang)}
            help={text.nameHelp}
          />
          <CheckField label={text.activeLabel} checked={draft.active} onChange={(v) => setDraft((d) => ({ ...d, active: v }))} help={text.activeHelp} />
        </div>
        <fieldset className="m-fieldset">
          <legend>{text.fieldsLegend}</legend>
          <p className="m-help">{text.weightExplain}</p>
          {fields.length === 0 ? (
            <p className="m-warn-text">{text.noFieldsYet}</p>
          ) : (
            <table className="m-table m-compact">
              <thead>
                <tr>
                  <th scope="col">{text.fieldColumn}</th>
                  <th scope="col">{text.weight}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => {
                  const link = draft.links[f.id];
                  const on = link?.on ?? false;
                  const name = lang === 'en' ? f.nameEn : f.nameVi;
                  const weightHint = hintText(hints.weights?.[f.id], lang);
                  return (
                    <tr key={f.id} className={on ? 'm-selected' : undefined}>
                      <td>
                        <label className="m-inline-check">
                          <input type="checkbox" checked={on} onChange={(e) => setLink(f.id, { on: e.target.checked })} aria-label={fill(text.serves, { field: name })} />
                          <span>
                            <code>{f.code}</code> {name}
                            {!f.active && <span className="m-muted"> ({common.inactive})</span>}
                          </span>
                        </label>
                      </td>
                      <td className="m-weight-cell">
                        <input
                          type="number"
                          min={1}
                          max={10}
                          step={1}
                          className="m-weight"
                          value={link?.weight ?? String(DEFAULT_WEIGHT)}
                          disabled={!on}
                          aria-label={fill(text.weightOf, { field: name })}
                          aria-invalid={weightHint ? true : undefined}
                          onChange={(e) => setLink(f.id, { weight: e.target.value })}
                        />
                        {on && (link?.weight ?? '') === '10' && <span className="m-muted"> {text.main}</span>}
                        {weightHint && <span className="m-hint">{weightHint}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </fieldset>
        <FormFooter busy={busy} error={error} onCancel={onClose} />
      </form>
    </Modal>
  );
}
