/**
 * /dossiers — the officer's dossier workspace: the work list, one dossier's detail
 * (?id=<uuid>, linkable), and reception (?receive=1&ticket=<id>&field=<id>, opened from the counter
 * for the citizen being served). The address holds the view, so reload, back and new tabs work.
 */
import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../contracts/api';
import { LangSwitch, useText } from '../shared/i18n';
import { RequireUser, type Logout } from '../shared/login-form';
import { errorMessage } from '../manage/ui';
import { parseRoute, routeSearch, type DossiersRoute } from './dossier-format';
import { DossierDetail } from './dossier-detail';
import { DossierList } from './dossier-list';
import { TEXT } from './dossiers-text';
import { Reception } from './reception';
import '../manage/manage.css';
import './dossiers.css';

export default function DossiersPage() {
  const text = useText(TEXT);
  return (
    <RequireUser roles={['officer', 'manager', 'admin']} title={text.loginTitle}>
      {(user, logout) => <Workspace key={user.id} user={user} logout={logout} />}
    </RequireUser>
  );
}

function Workspace({ user, logout }: { user: User; logout: Logout }) {
  const text = useText(TEXT);
  const [route, setRoute] = useState<DossiersRoute>(() => parseRoute(location.search));
  const [logoutError, setLogoutError] = useState<string | null>(null);

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: DossiersRoute) => {
    history.pushState(null, '', `${location.pathname}${routeSearch(next)}`);
    setRoute(next);
    window.scrollTo?.(0, 0);
  }, []);

  const heading = route.view === 'receive' ? text.receiveTitle : route.view === 'list' ? text.navList : text.title;
  useEffect(() => {
    if (route.view !== 'detail') document.title = `${heading} – Một Cửa`;
  }, [route.view, heading]);

  const link = (target: DossiersRoute, label: string, current: boolean) => (
    <a
      href={`${location.pathname}${routeSearch(target)}`}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(target);
      }}
    >
      {label}
    </a>
  );

  return (
    <div className="m-app d-app">
      <header className="m-top">
        <div className="m-brand">
          <strong>{text.title}</strong>
        </div>
        <div className="m-top-right">
          <span className="m-user">{user.fullName}</span>
          <LangSwitch className="m-lang" />
          <button type="button" onClick={() => void logout().catch((e: unknown) => setLogoutError(errorMessage(e)))}>
            {text.logout}
          </button>
          {logoutError && (
            <span className="m-top-error" role="alert">
              {logoutError}
            </span>
          )}
        </div>
      </header>
      <nav className="d-nav" aria-label={text.menu}>
        {link({ view: 'list', filter: 'open', q: '' }, text.navList, route.view === 'list')}
        {link(
          { view: 'receive', ticketId: route.view === 'receive' ? route.ticketId : null, fieldId: route.view === 'receive' ? route.fieldId : null },
          text.navReceive,
          route.view === 'receive',
        )}
      </nav>
      <main className="m-main d-main" aria-labelledby="d-page-title">
        <h1 id="d-page-title">{heading}</h1>
        {route.view === 'receive' ? (
          <Reception key={`${route.ticketId}-${route.fieldId}`} ticketId={route.ticketId} fieldId={route.fieldId} navigate={navigate} />
        ) : route.view === 'detail' ? (
          <DossierDetail id={route.id} onBack={() => navigate({ view: 'list', filter: 'open', q: '' })} />
        ) : (
          <DossierList filter={route.filter} q={route.q} navigate={navigate} />
        )}
      </main>
    </div>
  );
}
