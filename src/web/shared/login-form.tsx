/**
 * Sign-in for staff screens (counter, manage).
 *
 *   <RequireUser roles={['manager', 'admin']} title="Quản lý">
 *     {(user, logout) => <Screen user={user} onLogout={logout} />}
 *   </RequireUser>
 *
 * - Asks GET /api/v1/auth/me. Signed in: renders the children. Not signed in (401): a login form
 *   (POST /api/v1/auth/login), the server's error message shown under it, then the children.
 * - `roles`: who may use the screen (default: every signed-in person). Anyone else is told so and
 *   can sign out to let a colleague in.
 * - `logout()` ends the session and brings the form back. It rejects with an ApiError (message in
 *   the user's language) when the server cannot be reached, so the caller can show it.
 * - `useCurrentUser()` is for pages that also work signed out (the start page):
 *   `{ user }` is undefined while checking, null when signed out.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Roles, User } from '../../contracts/api';
import { api, ApiError } from './api';
import { fill, LangSwitch, useText, type Dictionary } from './i18n';

const TEXT: Dictionary<
  'signIn' | 'username' | 'password' | 'submit' | 'submitting' | 'checking' | 'notAllowed' | 'logout' | 'retry' | 'staffOnly'
> = {
  vi: {
    signIn: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    checking: 'Đang kiểm tra đăng nhập…',
    notAllowed: 'Tài khoản {name} không được dùng màn hình này. Hãy đăng xuất để người có quyền đăng nhập.',
    logout: 'Đăng xuất',
    retry: 'Thử lại',
    staffOnly: 'Dành cho cán bộ của Trung tâm.',
  },
  en: {
    signIn: 'Sign in',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    checking: 'Checking your session…',
    notAllowed: 'The account {name} may not use this screen. Sign out so that someone allowed can sign in.',
    logout: 'Sign out',
    retry: 'Try again',
    staffOnly: 'For the centre’s staff.',
  },
};

export type Logout = () => Promise<void>;
export type Role = (typeof Roles)[number];

/** The signed-in person, if any, for pages that work without signing in. */
export function useCurrentUser(): { user: User | null | undefined; logout: Logout } {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    api<{ user: User }>('GET', '/api/v1/auth/me')
      .then((me) => !cancelled && setUser(me.user))
      .catch(() => !cancelled && setUser(null));
    return () => {
      cancelled = true;
    };
  }, []);
  const logout = useCallback(async () => {
    await api('POST', '/api/v1/auth/logout');
    setUser(null);
  }, []);
  return { user, logout };
}

type Check = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; user: User } | { state: 'offline'; message: string };

export function RequireUser({
  roles,
  title,
  children,
}: {
  roles?: readonly Role[];
  /** Heading of the login form, e.g. the screen's name. */
  title?: string;
  children: (user: User, logout: Logout) => ReactNode;
}) {
  const text = useText(TEXT);
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let retry: number | undefined;
    api<{ user: User }>('GET', '/api/v1/auth/me')
      .then((me) => !cancelled && setCheck({ state: 'signed-in', user: me.user }))
      .catch((e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setCheck({ state: 'signed-out' });
        else {
          // The server is down or restarting: say so and keep trying rather than show a login form.
          setCheck({ state: 'offline', message: e instanceof Error ? e.message : String(e) });
          retry = window.setTimeout(() => setAttempt((n) => n + 1), 5000);
        }
      });
    return () => {
      cancelled = true;
      if (retry !== undefined) window.clearTimeout(retry);
    };
  }, [attempt]);

  const logout = useCallback<Logout>(async () => {
    await api('POST', '/api/v1/auth/logout');
    setCheck({ state: 'signed-out' });
  }, []);

  if (check.state === 'signed-in') {
    if (roles && !roles.includes(check.user.role)) {
      return (
        <LoginFrame title={title ?? text.signIn}>
          <p role="alert">{fill(text.notAllowed, { name: check.user.fullName })}</p>
          <button type="button" className="login-submit" onClick={() => void logout().catch(() => undefined)}>
            {text.logout}
          </button>
        </LoginFrame>
      );
    }
    return <>{children(check.user, logout)}</>;
  }
  if (check.state === 'checking') return <LoginFrame title={title ?? text.signIn}><p>{text.checking}</p></LoginFrame>;
  if (check.state === 'offline') {
    return (
      <LoginFrame title={title ?? text.signIn}>
        <p className="error" role="alert">{check.message}</p>
        <button type="button" className="login-submit" onClick={() => setAttempt((n) => n + 1)}>
          {text.retry}
        </button>
      </LoginFrame>
    );
  }
  return <LoginForm title={title ?? text.signIn} onSignedIn={(user) => setCheck({ state: 'signed-in', user })} />;
}

function LoginForm({ title, onSignedIn }: { title: string; onSignedIn: (user: User) => void }) {
  const text = useText(TEXT);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api<{ user: User }>('POST', '/api/v1/auth/login', { username: username.trim(), password });
      onSignedIn(session.user);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <LoginFrame title={title}>
      <p className="login-hint">{text.staffOnly}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className="login-field">
          <span>{text.username}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="login-field">
          <span>{text.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <p className="error login-error" role="alert" data-testid="login-error">
          {error}
        </p>
        <button type="submit" className="login-submit" disabled={busy || !username.trim() || !password}>
          {busy ? text.submitting : text.submit}
        </button>
      </form>
    </LoginFrame>
  );
}

function LoginFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="login-panel">
      {/* React 19 hoists and de-duplicates this; base.css belongs to the shell, so the form brings its own few rules. */}
      <style href="motcua-login-form" precedence="default">
        {LOGIN_CSS}
      </style>
      <LangSwitch />
      <h1>{title}</h1>
      {children}
    </main>
  );
}

const LOGIN_CSS = `
.login-panel { max-width: 420px; margin: 12vh auto; padding: 32px; background: var(--paper); border-radius: var(--radius);
  box-shadow: 0 2px 12px rgba(0,0,0,.08); }
.login-panel h1 { margin: 0 0 8px; font-size: 28px; color: var(--brand-dark); }
.login-hint { margin: 0 0 20px; color: var(--muted); }
.login-field { display: flex; flex-direction: column; gap: 6px; margin-bottom: 16px; font-weight: 600; }
.login-field input { padding: 12px; font-size: 18px; border: 2px solid #bbb; border-radius: 8px; font-weight: 400; }
.login-field input:focus { border-color: var(--brand); outline: none; }
.login-error { min-height: 1.4em; margin: 0 0 12px; }
.login-submit { width: 100%; padding: 14px; font-size: 18px; font-weight: 700; color: #fff; background: var(--brand);
  border: 0; border-radius: var(--radius); }
.login-submit:disabled { background: #c9a3a6; cursor: default; }
`;
