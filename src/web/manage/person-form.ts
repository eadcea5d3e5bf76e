/**
 * The person (cán bộ) form. A new account needs a password; when editing, an empty password keeps
 * the current one. Changing the password or deactivating ends the person's open sessions (server).
 */
import type { User, UserInput } from '../../contracts/api';

export interface PersonDraft {
  username: string;
  fullName: string;
  role: User['role'];
  /** '' = no unit. */
  unitId: string;
  lang: User['lang'];
  active: boolean;
  password: string;
  passwordAgain: string;
}

export type PersonHintCode = 'required' | 'too-long' | 'username-format' | 'password-short' | 'password-long' | 'password-mismatch';

export type PersonHints = Partial<Record<'username' | 'fullName' | 'password' | 'passwordAgain', PersonHintCode>>;

export const MIN_PASSWORD = 8;

export function emptyPersonDraft(): PersonDraft {
  return { username: '', fullName: '', role: 'officer', unitId: '', lang: 'vi', active: true, password: '', passwordAgain: '' };
}

export function personToDraft(user: User): PersonDraft {
  return { username: user.username, fullName: user.fullName, role: user.role, unitId: user.unitId ?? '', lang: user.lang, active: user.active, password: '', passwordAgain: '' };
}

export function draftToUserInput(draft: PersonDraft, isNew: boolean): { ok: true; input: UserInput } | { ok: false; hints: PersonHints } {
  const hints: PersonHints = {};
  const username = draft.username.trim().toLowerCase();
  if (!username) hints.username = 'required';
  else if (!/^[a-z0-9._-]{3,40}$/.test(username)) hints.username = 'username-format';
  const fullName = draft.fullName.trim();
  if (!fullName) hints.fullName = 'required';
  else if (fullName.length > 200) hints.fullName = 'too-long';
  if (isNew && !draft.password) hints.password = 'required';
  else if (draft.password && draft.password.length < MIN_PASSWORD) hints.password = 'password-short';
  else if (draft.password.length > 200) hints.password = 'password-long';
  if (draft.password && draft.password !== draft.passwordAgain) hints.passwordAgain = 'password-mismatch';
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      username,
      fullName,
      role: draft.role,
      unitId: draft.unitId || null,
      lang: draft.lang,
      active: draft.active,
      ...(draft.password ? { password: draft.password } : {}),
    },
  };
}
