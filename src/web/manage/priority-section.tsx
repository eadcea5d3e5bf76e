/**
 * Nhóm ưu tiên: the groups a kiosk may flag (elderly, people with disabilities, pregnant women…).
 * The weight is minutes of waiting credited when priority tickets are ranked; how many priority
 * calls may come in a row is the fairness quota in Settings. Groups are deactivated, not deleted.
 */
import { useState, type FormEvent } from 'react';
import type { PriorityGroup } from '../../contracts/api';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { COMMON, hintText } from './manage-text';
import { draftToPriorityInput, emptyPriorityDraft, priorityToDraft, type PriorityDraft, type PriorityHints } from './priority-form';
import type { SectionProps } from './section-props';
import { CheckField, FormFooter, Modal, Notice, TextField, useAction } from './ui';

const TEXT: Dictionary<
  | 'intro'
  | 'add'
  | 'newTitle'
  | 'editTitle'
  | 'name'
  | 'weight'
  | 'weightHelp'
  | 'weightCell'
  | 'codeHelp'
  | 'activeLabel'
  | 'activeHelp'
  | 'created'
  | 'updated'
  | 'none'
  | 'noDelete'
> = {
  vi: {
    intro:
      'Công dân thuộc nhóm ưu tiên được gọi trước người thường. Trọng số là số phút chờ được cộng thêm khi xếp thứ tự giữa các số ưu tiên; số lần gọi ưu tiên liên tiếp bị giới hạn bởi "hạn mức công bằng" trong Cài đặt.',
    add: 'Thêm nhóm ưu tiên',
    newTitle: 'Thêm nhóm ưu tiên',
    editTitle: 'Sửa nhóm "{name}"',
    name: 'Tên nhóm',
    weight: 'Trọng số (phút)',
    weightHelp: 'Số phút chờ được cộng thêm, 1–600. Ví dụ người cao tuổi 30: như đã chờ thêm 30 phút.',
    weightCell: '+{n} phút',
    codeHelp: 'Viết hoa, không dấu, ví dụ NCT.',
    activeLabel: 'Đang áp dụng',
    activeHelp: 'Bỏ chọn để máy lấy số không hiển thị nhóm này nữa.',
    created: 'Đã thêm nhóm "{name}".',
    updated: 'Đã lưu nhóm "{name}".',
    none: 'Chưa có nhóm ưu tiên nào.',
    noDelete: 'Nhóm ưu tiên không xóa được vì gắn với số đã phát; bấm Sửa và bỏ chọn "Đang áp dụng" để ngừng dùng.',
  },
  en: {
    intro:
      'Citizens in a priority group are called before others. The weight is minutes of waiting credited when ranking priority tickets; how many priority calls may come in a row is the fairness quota in Settings.',
    add: 'Add priority group',
    newTitle: 'New priority group',
    editTitle: 'Edit group "{name}"',
    name: 'Group',
    weight: 'Weight (minutes)',
    weightHelp: 'Minutes of waiting credited, 1–600. E.g. elderly 30: as if they had waited 30 minutes more.',
    weightCell: '+{n} min',
    codeHelp: 'Capitals, no accents, e.g. NCT.',
    activeLabel: 'In use',
    activeHelp: 'Untick so the kiosk no longer offers this group.',
    created: 'Group "{name}" added.',
    updated: 'Group "{name}" saved.',
    none: 'No priority groups yet.',
    noDelete: 'Priority groups cannot be deleted because issued tickets refer to them; edit it and untick "In use" to retire it.',
  },
};

export function PrioritySection({ info, hall }: SectionProps) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [editing, setEditing] = useState<PriorityGroup | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const groups = [...info.priorityGroups].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));

  return (
    <div className="m-stack">
      <div className="m-toolbar">
        <p className="m-muted">{text.intro}</p>
        <button type="button" className="m-primary" onClick={() => setEditing('new')}>
          {text.add}
        </button>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {groups.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table" data-testid="priority-table">
            <thead>
              <tr>
                <th scope="col">{common.code}</th>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.weight}</th>
                <th scope="col">{common.status}</th>
                <th scope="col">
                  <span className="visually-hidden">{common.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id} className={g.active ? undefined : 'm-dim'}>
                  <td>
                    <code>{g.code}</code>
                  </td>
                  <th scope="row">
                    {lang === 'en' ? g.nameEn : g.nameVi}
                    <span className="m-sub">{lang === 'en' ? g.nameVi : g.nameEn}</span>
                  </th>
                  <td className="m-num">{fill(text.weightCell, { n: g.weight })}</td>
                  <td>
                    <span className={`m-badge ${g.active ? 'm-badge-ok' : 'm-badge-off'}`}>{g.active ? common.active : common.inactive}</span>
                  </td>
                  <td className="m-actions">
                    <button type="button" onClick={() => setEditing(g)} aria-label={`${common.edit} ${lang === 'en' ? g.nameEn : g.nameVi}`}>
                      {common.edit}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="m-muted">{text.noDelete}</p>
      {editing && (
        <PriorityEditor
          group={editing === 'new' ? null : editing}
          groups={info.priorityGroups}
          onClose={() => setEditing(null)}
          onSaved={async (name, isNew) => {
            await hall.reload();
            setEditing(null);
            setNotice(fill(isNew ? text.created : text.updated, { name }));
          }}
        />
      )}
    </div>
  );
}

function PriorityEditor({
  group,
  groups,
  onClose,
  onSaved,
}: {
  group: PriorityGroup | null;
  groups: PriorityGroup[];
  onClose(): void;
  onSaved(name: string, isNew: boolean): Promise<void>;
}) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<PriorityDraft>(() => (group ? priorityToDraft(group) : emptyPriorityDraft()));
  const [hints, setHints] = useState<PriorityHints>({});
  const { busy, error, run } = useAction();
  const set = <K extends keyof PriorityDraft>(key: K, value: PriorityDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToPriorityInput(draft, groups, group?.id ?? null);
    if (!result.ok) {
      setHints(result.hints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      if (group) await api('PUT', `/api/v1/manage/priority-groups/${group.id}`, result.input);
      else await api('POST', '/api/v1/manage/priority-groups', result.input);
    });
    if (ok) await onSaved(lang === 'en' ? result.input.nameEn : result.input.nameVi, group === null);
  };

  const title = group ? fill(text.editTitle, { name: lang === 'en' ? group.nameEn : group.nameVi }) : text.newTitle;
  return (
    <Modal title={title} onClose={onClose}>
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <div className="m-grid m-grid-2">
          <TextField
            label={common.code}
            value={draft.code}
            onChange={(e) => set('code', e.target.value.toUpperCase())}
            hint={hintText(hints.code, lang)}
            help={text.codeHelp}
            maxLength={16}
            autoFocus
          />
          <TextField
            label={text.weight}
            inputMode="numeric"
            value={draft.weight}
            onChange={(e) => set('weight', e.target.value)}
            hint={hintText(hints.weight, lang)}
            help={text.weightHelp}
          />
          <TextField label={common.nameVi} value={draft.nameVi} onChange={(e) => set('nameVi', e.target.value)} hint={hintText(hints.nameVi, lang)} />
          <TextField label={common.nameEn} value={draft.nameEn} onChange={(e) => set('nameEn', e.target.value)} hint={hintText(hints.nameEn, lang)} />
          <CheckField label={text.activeLabel} checked={draft.active} onChange={(v) => set('active', v)} help={text.activeHelp} />
        </div>
        <FormFooter busy={busy} error={error} onCancel={onClose} />
      </form>
    </Modal>
  );
}
