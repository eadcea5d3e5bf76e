/**
 * /counter — the officer's console (cán bộ một cửa). Sign in, take a counter, then work the queue
 * from the keyboard. Reloading the page brings an officer straight back to the counter they hold.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CentreInfo, Counter, User } from '../../contracts/api';
import { api } from '../shared/api';
import { LangSwitch, useText } from '../shared/i18n';
import { RequireUser, type Logout } from '../shared/login-form';
import { CounterPicker } from './counter-picker';
import { TEXT, type CounterText } from './counter-text';
import { useHallListener, useHallStream, type HallHub } from './use-hall-stream';
import { WorkScreen } from './work-screen';
import './counter.css';

const LAST_COUNTER_KEY = 'motcua.counter.last';

export default function CounterPage() {
  const text = useText(TEXT);
  return (
    <RequireUser roles={['officer', 'manager', 'admin']} title={text.title}>
      {(user, logout) => <CounterConsole key={user.id} user={user} logout={logout} text={text} />}
    </RequireUser>
  );
}

function CounterConsole({ user, logout, text }: { user: User; logout: Logout; text: CounterText }) {
  const hub: HallHub = useMemo(() => new Set(), []);
  const streamStatus = useHallStream(hub);
  const [centre, setCentre] = useState<CentreInfo | null>(null);
  const [skewMs, setSkewMs] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [counterId, setCounterId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resumedHeld = useRef(false);

  const reloadCentre = useCallback(async () => {
    const info = await api<CentreInfo>('GET', '/api/v1/centre');
    setCentre(info);
    setSkewMs(Date.parse(info.serverTime) - Date.now());
    setLoadError(null);
    if (!resumedHeld.current) {
      // Back to the counter this officer still holds (a reload, a browser restart).
      resumedHeld.current = true;
      const held = info.counters.find((c) => c.officerId === user.id && c.state !== 'closed');
      if (held) setCounterId(held.id);
    }
  }, [user.id]);

  useEffect(() => {
    let timer: number | undefined;
    const load = () =>
      reloadCentre().catch((e: unknown) => {
        setLoadError(e instanceof Error ? e.message : String(e));
        timer = window.setTimeout(load, 5000);
      });
    void load();
    return () => window.clearTimeout(timer);
  }, [reloadCentre]);

  // The picker shows who holds which counter: follow openings and closings live.
  const pickerTimer = useRef<number | undefined>(undefined);
  useHallListener(hub, {
    onEvent: (e) => {
      if (counterId || !e.type.startsWith('counter.')) return;
      window.clearTimeout(pickerTimer.current);
      pickerTimer.current = window.setTimeout(() => void reloadCentre().catch(() => undefined), 200);
    },
    onResync: () => void reloadCentre().catch(() => undefined),
  });

  const open = async (counter: Counter) => {
    await api<Counter>('POST', `/api/v1/counters/${counter.id}/open`);
    try {
      localStorage.setItem(LAST_COUNTER_KEY, counter.id);
    } catch {
      // Private mode or full storage: the picker simply will not remember.
    }
    setNotice(null);
    setCounterId(counter.id);
  };

  const onLeft = useCallback(
    (message: string | null) => {
      setCounterId(null);
      setNotice(message);
      void reloadCentre().catch(() => undefined);
    },
    [reloadCentre],
  );

  if (!centre) {
    return (
      <div className="cc-page">
        <LangSwitch />
        <p className={loadError ? 'cc-error cc-loading' : 'cc-loading'} role={loadError ? 'alert' : undefined}>
          {loadError ?? text.loading}
        </p>
      </div>
    );
  }

  if (counterId) {
    return (
      <div className="cc-page">
        <WorkScreen
          key={counterId}
          user={user}
          centre={centre}
          counterId={counterId}
          skewMs={skewMs}
          hub={hub}
          streamStatus={streamStatus}
          text={text}
          logout={logout}
          onLeft={onLeft}
          reloadCentre={reloadCentre}
        />
      </div>
    );
  }

  return (
    <div className="cc-page">
      <header className="cc-header">
        <div className="cc-header-counter">
          <span className="cc-counter-number">{text.title}</span>
          <span className="cc-counter-name">{centre.centre.shortName}</span>
        </div>
        <div className="cc-header-meta">
          <span>
            <strong>{user.fullName}</strong>
          </span>
          <LangSwitch className="cc-lang" />
          <button type="button" className="cc-help-button" onClick={() => void logout().catch((e: unknown) => setNotice(e instanceof Error ? e.message : String(e)))}>
            {text['action:logout']}
          </button>
        </div>
      </header>
      <CounterPicker
        centre={centre}
        user={user}
        lastCounterId={readLastCounter()}
        notice={notice}
        text={text}
        onOpen={open}
      />
    </div>
  );
}

function readLastCounter(): string | null {
  try {
    return localStorage.getItem(LAST_COUNTER_KEY);
  } catch {
    return null;
  }
}
