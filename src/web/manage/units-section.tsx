/**
 * Đơn vị: the units that are inspected, self-evaluate and send reform reports — the centre itself, the
 * departments and agencies it works with, communes. An administrator keeps the list; everyone in oversight
 * sees it (a unit head sees only their own unit).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { UNIT_KIND_LABELS, UnitKinds, type OrgUnit, type OrgUnitInput, type UnitKind } from '../../contracts/oversight';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { COMMON } from './manage-text';
import type { SectionProps } from './section-props';
import { CheckField, FormError, FormFooter, Modal, Notice, SelectField, TextField, useAction } from './ui';

const TEXT: Dictionary<
  'intro' | 'add' | 'newTitle' | 'editTitle' | 'name' | 'kind' | 'members' | 'figures' | 'figuresLabel' | 'figuresHelp' | 'codeHelp' | 'saved' | 'own' | 'none'
> = {
  vi: {
    intro: 'Các đơn vị được kiểm tra, tự đánh giá và gửi báo cáo cải cách hành chính.',
    add: 'Thêm đơn vị',
    newTitle: 'Thêm đơn vị',
    editTitle: 'Sửa đơn vị {name}',
    name: 'Tên đơn vị',
    kind: 'Loại',
    members: 'Số người',
    figures: 'Số liệu từ hệ thống',
    figuresLabel: 'Số liệu của đơn vị là hồ sơ, số thứ tự, đánh giá của trung tâm này',
    figuresHelp: 'Khi chọn, các tiêu chí tự đánh giá và báo cáo được điền sẵn từ dữ liệu của trung tâm.',
    codeHelp: 'Mã ngắn, ví dụ P-VHXH.',
    saved: 'Đã lưu đơn vị {name}.',
    own: 'Có',
    none: 'Chưa có đơn vị.',
  },
  en: {
    intro: 'The units that are inspected, self-evaluate and send administrative-reform reports.',
    add: 'Add unit',
    newTitle: 'New unit',
    editTitle: 'Edit unit {name}',
    name: 'Unit name',
    kind: 'Kind',
    members: 'People',
    figures: 'Figures from the system',
    figuresLabel: 'This unit’s figures are this centre’s dossiers, tickets and ratings',
    figuresHelp: 'When ticked, self-evaluation criteria and reports are pre-filled from the centre’s records.',
    codeHelp: 'A short code, e.g. P-VHXH.',
    saved: 'Unit {name} saved.',
    own: 'Yes',
    none: 'No units yet.',
  },
};

export function UnitsSection({ isAdmin }: SectionProps) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [units, setUnits] = useState<OrgUnit[] | null>(null);
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { error, run } = useAction();

  const load = useCallback(() => run(async () => setUnits(await api<OrgUnit[]>('GET', '/api/v1/manage/units'))), [run]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="m-stack">
      <div className="m-toolbar">
        <p className="m-muted">{text.intro}</p>
        {isAdmin && (
          <button type="button" className="m-primary" onClick={() => setEditing('new')}>
            {text.add}
          </button>
        )}
      </div>
      <FormError error={error} />
      {notice && <Notice>{notice}</Notice>}
      {units === null ? (
        !error && <p>{common.loading}</p>
      ) : units.length === 0 ? (
        <p className="m-muted">{text.none}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table" data-testid="units-table">
            <thead>
              <tr>
                <th scope="col">{common.code}</th>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.kind}</th>
                <th scope="col">{text.members}</th>
                <th scope="col">{text.figures}</th>
                <th scope="col">{common.status}</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">{common.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'm-dim'}>
                  <td>
                    <code>{u.code}</code>
                  </td>
                  <th scope="row">{u.name}</th>
                  <td>{UNIT_KIND_LABELS[u.kind][lang]}</td>
                  <td>{u.members}</td>
                  <td>{u.figuresCentreId ? text.own : ''}</td>
                  <td>
                    <span className={`m-badge ${u.active ? 'm-badge-ok' : 'm-badge-off'}`}>{u.active ? common.active : common.inactive}</span>
                  </td>
                  {isAdmin && (
                    <td className="m-actions">
                      <button type="button" onClick={() => setEditing(u)} aria-label={`${common.edit} ${u.name}`}>
                        {common.edit}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && isAdmin && (
        <UnitEditor
          unit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (name) => {
            await load();
            setEditing(null);
            setNotice(fill(text.saved, { name }));
          }}
        />
      )}
    </div>
  );
}

function UnitEditor({ unit, onClose, onSaved }: { unit: OrgUnit | null; onClose(): void; onSaved(name: string): Promise<void> }) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<OrgUnitInput>(() =>
    unit
      ? { code: unit.code, name: unit.name, kind: unit.kind, figuresFromCentre: unit.figuresCentreId !== null, active: unit.active }
      : { code: '', name: '', kind: 'department', figuresFromCentre: false, active: true },
  );
  const { busy, error, run } = useAction();
  const set = <K extends keyof OrgUnitInput>(key: K, value: OrgUnitInput[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { ...draft, code: draft.code.trim(), name: draft.name.trim() };
    const ok = await run(async () => {
      if (unit) await api('PUT', `/api/v1/manage/units/${unit.id}`, input);
      else await api('POST', '/api/v1/manage/units', input);
    });
    if (ok) await onSaved(input.name);
  };

  const title = unit ? fill(text.editTitle, { name: unit.name }) : text.newTitle;
  return (
    <Modal title={title} onClose={onClose}>
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <div className="m-grid m-grid-2">
          <TextField label={common.code} value={draft.code} onChange={(e) => set('code', e.target.value)} help={text.codeHelp} autoFocus />
          <TextField label={text.name} value={draft.name} onChange={(e) => set('name', e.target.value)} />
          <SelectField
            label={text.kind}
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as UnitKind)}
            options={UnitKinds.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))}
          />
          <CheckField label={text.figuresLabel} checked={draft.figuresFromCentre} onChange={(v) => set('figuresFromCentre', v)} help={text.figuresHelp} />
          <CheckField label={common.active} checked={draft.active} onChange={(v) => set('active', v)} />
        </div>
        <FormFooter busy={busy} error={error} onCancel={onClose} />
      </form>
    </Modal>
  );
}
