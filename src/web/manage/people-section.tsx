/**
 * Cán bộ: the accounts of the centre. An administrator creates and edits them (role, language,
 * active, password); a manager sees the list only.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { User } from '../../contracts/api';
import type { OrgUnit } from '../../contracts/oversight';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { COMMON, hintText, ROLE_LABELS } from './manage-text';
import { draftToUserInput, emptyPersonDraft, MIN_PASSWORD, personToDraft, type PersonDraft, type PersonHints } from './person-form';
import type { SectionProps } from './section-props';
import { CheckField, FormError, FormFooter, Modal, Notice, SelectField, TextField, useAction } from './ui';

const TEXT: Dictionary<
  | 'intro'
  | 'add'
  | 'newTitle'
  | 'editTitle'
  | 'username'
  | 'fullName'
  | 'role'
  | 'lang'
  | 'usernameHelp'
  | 'password'
  | 'passwordNewHelp'
  | 'passwordEditHelp'
  | 'passwordAgain'
  | 'activeLabel'
  | 'activeHelp'
  | 'selfLocked'
  | 'created'
  | 'updated'
  | 'you'
  | 'vi'
  | 'en'
  | 'roleHelp'
  | 'unit'
  | 'noUnit'
  | 'unitHelp'
> = {
  vi: {
    intro: 'Tài khoản cán bộ một cửa, quản lý và quản trị của trung tâm.',
    add: 'Thêm tài khoản',
    newTitle: 'Thêm tài khoản',
    editTitle: 'Sửa tài khoản {username}',
    username: 'Tên đăng nhập',
    fullName: 'Họ và tên',
    role: 'Vai trò',
    lang: 'Ngôn ngữ',
    usernameHelp: 'Chữ thường không dấu, ví dụ canbo7.',
    password: 'Mật khẩu',
    passwordNewHelp: 'Ít nhất {min} ký tự.',
    passwordEditHelp: 'Để trống nếu không đổi. Đổi mật khẩu sẽ đăng xuất người này khỏi mọi máy.',
    passwordAgain: 'Nhập lại mật khẩu',
    activeLabel: 'Đang hoạt động',
    activeHelp: 'Bỏ chọn để khóa tài khoản (đăng xuất ngay khỏi mọi máy).',
    selfLocked: 'Bạn không thể tự hạ vai trò hoặc khóa tài khoản của chính mình.',
    created: 'Đã thêm tài khoản {username}.',
    updated: 'Đã lưu tài khoản {username}.',
    you: '(bạn)',
    vi: 'Tiếng Việt',
    en: 'English',
    roleHelp:
      'Cán bộ: làm việc tại quầy. Quản lý: xem báo cáo, cấu hình lĩnh vực, quầy, thiết bị. Quản trị: toàn quyền. Kiểm tra, thẩm định: thành viên đoàn kiểm tra, hội đồng thẩm định của tỉnh.',
    unit: 'Đơn vị',
    noUnit: '— Không thuộc đơn vị nào —',
    unitHelp: 'Quản lý thuộc một đơn vị là trưởng đơn vị đó: chỉ xem kiểm tra, tự đánh giá, báo cáo của đơn vị mình.',
  },
  en: {
    intro: 'Accounts of the centre’s officers, managers and administrators.',
    add: 'Add account',
    newTitle: 'New account',
    editTitle: 'Edit account {username}',
    username: 'User name',
    fullName: 'Full name',
    role: 'Role',
    lang: 'Language',
    usernameHelp: 'Lower case, no accents, e.g. canbo7.',
    password: 'Password',
    passwordNewHelp: 'At least {min} characters.',
    passwordEditHelp: 'Leave empty to keep it. A new password signs the person out everywhere.',
    passwordAgain: 'Repeat password',
    activeLabel: 'Active',
    activeHelp: 'Untick to lock the account (signs out everywhere at once).',
    selfLocked: 'You cannot lower your own role or lock your own account.',
    created: 'Account {username} added.',
    updated: 'Account {username} saved.',
    you: '(you)',
    vi: 'Tiếng Việt',
    en: 'English',
    roleHelp:
      'Officer: works at a counter. Manager: reports, fields, counters, devices. Administrator: everything. Inspector: member of the province’s inspection team and appraisal council.',
    unit: 'Unit',
    noUnit: '— No unit —',
    unitHelp: 'A manager who belongs to a unit is its head: sees only that unit’s inspections, self-evaluation and reports.',
  },
};

export function PeopleSection({ user, isAdmin }: SectionProps) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [users, setUsers] = useState<User[] | null>(null);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { error, run } = useAction();

  const load = useCallback(
    () =>
      run(async () => {
        const [list, unitList] = await Promise.all([api<{ users: User[] }>('GET', '/api/v1/manage/users'), api<OrgUnit[]>('GET', '/api/v1/manage/units')]);
        setUsers(list.users);
        setUnits(unitList);
      }),
    [run],
  );
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? '';
  useEffect(() => {
    void load();
  }, [load]);

  const sorted = users ? [...users].sort((a, b) => a.username.localeCompare(b.username)) : [];

  return (
    <div className="m-stack">
      <div className="m-toolbar">
        <p className="m-muted">{text.intro}</p>
        {isAdmin ? (
          <button type="button" className="m-primary" onClick={() => setEditing('new')}>
            {text.add}
          </button>
        ) : (
          <Notice kind="info">{common.readOnlyManager}</Notice>
        )}
      </div>
      <FormError error={error} />
      {notice && <Notice>{notice}</Notice>}
      {users === null ? (
        !error && <p>{common.loading}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table" data-testid="people-table">
            <thead>
              <tr>
                <th scope="col">{text.username}</th>
                <th scope="col">{text.fullName}</th>
                <th scope="col">{text.role}</th>
                <th scope="col">{text.unit}</th>
                <th scope="col">{text.lang}</th>
                <th scope="col">{common.status}</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">{common.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {sorted.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'm-dim'}>
                  <td>
                    <code>{u.username}</code> {u.id === user.id && <span className="m-muted">{text.you}</span>}
                  </td>
                  <th scope="row">{u.fullName}</th>
                  <td>{ROLE_LABELS[u.role][lang]}</td>
                  <td>{unitName(u.unitId)}</td>
                  <td>{u.lang === 'vi' ? text.vi : text.en}</td>
                  <td>
                    <span className={`m-badge ${u.active ? 'm-badge-ok' : 'm-badge-off'}`}>{u.active ? common.active : common.inactive}</span>
                  </td>
                  {isAdmin && (
                    <td className="m-actions">
                      <button type="button" onClick={() => setEditing(u)} aria-label={`${common.edit} ${u.username}`}>
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
        <PersonEditor
          person={editing === 'new' ? null : editing}
          units={units}
          self={editing !== 'new' && editing.id === user.id}
          onClose={() => setEditing(null)}
          onSaved={async (username, isNew) => {
            await load();
            setEditing(null);
            setNotice(fill(isNew ? text.created : text.updated, { username }));
          }}
        />
      )}
    </div>
  );
}

function PersonEditor({
  person,
  units,
  self,
  onClose,
  onSaved,
}: {
  person: User | null;
  units: OrgUnit[];
  self: boolean;
  onClose(): void;
  onSaved(username: string, isNew: boolean): Promise<void>;
}) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [draft, setDraft] = useState<PersonDraft>(() => (person ? personToDraft(person) : emptyPersonDraft()));
  const [hints, setHints] = useState<PersonHints>({});
  const { busy, error, run } = useAction();
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToUserInput(draft, person === null);
    if (!result.ok) {
      setHints(result.hints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      if (person) await api('PUT', `/api/v1/manage/users/${person.id}`, result.input);
      else await api('POST', '/api/v1/manage/users', result.input);
    });
    if (ok) await onSaved(result.input.username, person === null);
  };

  const title = person ? fill(text.editTitle, { username: person.username }) : text.newTitle;
  return (
    <Modal title={title} onClose={onClose}>
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <div className="m-grid m-grid-2">
          <TextField
            label={text.username}
            value={draft.username}
            onChange={(e) => set('username', e.target.value)}
            hint={hintText(hints.username, lang)}
            help={text.usernameHelp}
            autoComplete="off"
            autoFocus
          />
          <TextField label={text.fullName} value={draft.fullName} onChange={(e) => set('fullName', e.target.value)} hint={hintText(hints.fullName, lang)} />
          <SelectField
            label={text.role}
            value={draft.role}
            onChange={(e) => set('role', e.target.value as PersonDraft['role'])}
            disabled={self}
            help={self ? text.selfLocked : text.roleHelp}
            options={(['officer', 'manager', 'admin', 'inspector'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
          />
          <SelectField
            label={text.unit}
            value={draft.unitId}
            onChange={(e) => set('unitId', e.target.value)}
            help={text.unitHelp}
            options={[{ value: '', label: text.noUnit }, ...units.filter((u) => u.active || u.id === draft.unitId).map((u) => ({ value: u.id, label: u.name }))]}
          />
          <SelectField
            label={text.lang}
            value={draft.lang}
            onChange={(e) => set('lang', e.target.value as PersonDraft['lang'])}
            options={[
              { value: 'vi', label: text.vi },
              { value: 'en', label: text.en },
            ]}
          />
          <TextField
            label={text.password}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set('password', e.target.value)}
            hint={hintText(hints.password, lang)}
            help={person ? text.passwordEditHelp : fill(text.passwordNewHelp, { min: MIN_PASSWORD })}
          />
          <TextField
            label={text.passwordAgain}
            type="password"
            autoComplete="new-password"
            value={draft.passwordAgain}
            onChange={(e) => set('passwordAgain', e.target.value)}
            hint={hintText(hints.passwordAgain, lang)}
          />
          <CheckField
            label={text.activeLabel}
            checked={draft.active}
            onChange={(v) => set('active', v)}
            disabled={self}
            help={self ? text.selfLocked : text.activeHelp}
          />
        </div>
        <FormFooter busy={busy} error={error} onCancel={onClose} />
      </form>
    </Modal>
  );
}
