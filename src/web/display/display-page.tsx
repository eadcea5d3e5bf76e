/**
 * The hall board on a TV: the number just called (shown big and spoken), the last calls, how many
 * wait per field and what each counter is doing. It loads the board state once, then follows the
 * live stream from that state's cursor; it never needs a mouse and survives server restarts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardCall, BoardState, CentreInfo, Counter } from '../../contracts/api';
import type { Lang } from '../../contracts/lang';
import { api } from '../shared/api';
import { DevicePairing } from '../shared/device-pairing';
import { fill, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { openLiveStream, type LiveStream } from '../shared/live-stream';
import { announce, chime } from '../shared/speech';
import { applyCounterEvent, callFromEvent, mergeCalls } from './board-calls';
import { isHallQuiet, totalWaiting } from './hall-quiet';
import { ResultsSlide } from './results-slide';
import './display.css';

const TEXT: Dictionary<
  | 'inviting'
  | 'counter'
  | 'counterShort'
  | 'priority'
  | 'recall'
  | 'recent'
  | 'noCalls'
  | 'noCallsSub'
  | 'waiting'
  | 'people'
  | 'counters'
  | 'open'
  | 'paused'
  | 'closed'
  | 'noOfficer'
  | 'offline'
  | 'loading'
  | 'sound'
> = {
  vi: {
    inviting: 'MỜI CÔNG DÂN CÓ SỐ',
    counter: 'QUẦY SỐ {n}',
    counterShort: 'Quầy {n}',
    priority: 'ƯU TIÊN',
    recall: 'GỌI LẠI',
    recent: 'SỐ ĐÃ GỌI',
    noCalls: 'Kính chào quý công dân',
    noCallsSub: 'Mời lấy số thứ tự tại máy lấy số và chú ý màn hình, loa gọi số.',
    waiting: 'ĐANG CHỜ',
    people: 'người',
    counters: 'CÁC QUẦY',
    open: 'Đang làm việc',
    paused: 'Tạm dừng',
    closed: 'Đóng',
    noOfficer: '—',
    offline: 'Mất kết nối – đang kết nối lại…',
    loading: 'Đang tải…',
    sound: 'Nhấn phím bất kỳ để bật âm thanh',
  },
  en: {
    inviting: 'NOW SERVING NUMBER',
    counter: 'COUNTER {n}',
    counterShort: 'Counter {n}',
    priority: 'PRIORITY',
    recall: 'CALLED AGAIN',
    recent: 'RECENT CALLS',
    noCalls: 'Welcome',
    noCallsSub: 'Please take a number at the kiosk and watch this screen for your call.',
    waiting: 'WAITING',
    people: 'people',
    counters: 'COUNTERS',
    open: 'Serving',
    paused: 'Paused',
    closed: 'Closed',
    noOfficer: '—',
    offline: 'Connection lost – reconnecting…',
    loading: 'Loading…',
    sound: 'Press any key to turn the sound on',
  },
};

export default function DisplayPage() {
  return <DevicePairing kind="display">{() => <Board />}</DevicePairing>;
}

function Board() {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [centre, setCentre] = useState<CentreInfo | null>(null);
  const [calls, setCalls] = useState<BoardCall[]>([]);
  const [waiting, setWaiting] = useState<Record<string, number>>({});
  const [counters, setCounters] = useState<Counter[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [connectionLost, setConnectionLost] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [flashId, setFlashId] = useState<string | null>(null);
  const [clockOffset, setClockOffset] = useState(0);
  const settings = useRef({ speechRate: 1, announceRepeat: 2 });
  // When the board started, then when a call last reached it (board clock): see hall-quiet.ts.
  const [activityAt, setActivityAt] = useState(() => Date.now());

  const loadCentre = useCallback(async () => {
    const info = await retry(() => api<CentreInfo>('GET', '/api/v1/centre'));
    setCentre(info);
    setCounters(info.counters);
    setClockOffset(new Date(info.serverTime).getTime() - Date.now());
    settings.current = { speechRate: info.settings.speechRate, announceRepeat: info.settings.announceRepeat };
  }, []);

  useEffect(() => {
    let closed = false;
    let stream: LiveStream | null = null;
    const loadState = () =>
      retry(
        () => api<BoardState>('GET', '/api/v1/display/state'),
        () => !closed && setConnectionLost(true),
      );
    const applyState = (state: BoardState) => {
      setCalls((current) => mergeCalls(current, state.recentCalls));
      setWaiting(state.waitingByField);
      setCounters(state.counters);
      setAnnouncement((current) => current || (state.recentCalls[0]?.text ?? ''));
      setLoaded(true);
      setConnectionLost(false);
    };

    void loadCentre();
    void loadState().then((state) => {
      if (closed) return;
      applyState(state);
      stream = openLiveStream(state.cursor, {
        onEvent: (event) => {
          const call = callFromEvent(event);
          if (call) {
            setCalls((current) => mergeCalls(current, [call]));
            setActivityAt(Date.now());
            setAnnouncement(call.text);
            setFlashId(call.eventId);
            const speech = event.announcement?.vi.speech ?? call.speech;
            announce(speech, { lang: 'vi', rate: settings.current.speechRate, repeat: settings.current.announceRepeat });
          }
          if (event.counter && event.type.startsWith('counter.')) {
            const update = event.counter;
            setCounters((current) => applyCounterEvent(current, update));
          }
          if (event.type === 'config.changed') void loadCentre();
        },
        onCounts: (message) => setWaiting(message.waitingByField),
        onReset: () => {
          void loadState().then((fresh) => {
            if (closed) return;
            applyState(fresh);
            stream?.restart(fresh.cursor);
          });
        },
        onStatus: (status) => {
          if (status === 'live') setConnectionLost(false);
          if (status === 'offline') setConnectionLost(true);
        },
      });
    });
    return () => {
      closed = true;
      stream?.close();
    };
  }, [loadCentre]);

  // The flash lasts a few seconds, then the number stays, calm.
  useEffect(() => {
    if (!flashId) return;
    const timer = window.setTimeout(() => setFlashId(null), 6000);
    return () => window.clearTimeout(timer);
  }, [flashId]);

  const soundBlocked = useSoundBlocked();
  const now = useNow(1000) + clockOffset;

  if (!loaded) {
    return (
      <main className="board board-loading">
        <p>{text.loading}</p>
        {connectionLost && <p className="board-offline" role="status">{text.offline}</p>}
      </main>
    );
  }

  const current = calls[0] ?? null;
  const fields = (centre?.fields ?? []).filter((f) => f.active).sort((a, b) => a.sortOrder - b.sortOrder);
  const visibleCounters = counters.filter((c) => c.active).sort((a, b) => a.number - b.number);
  // A quiet hall shows the published results; the next call brings the calls back.
  const quiet =
    centre !== null &&
    isHallQuiet({
      lastCallAt: current?.at ?? null,
      boardActivityAt: activityAt + clockOffset,
      waiting: totalWaiting(waiting),
      now,
      quietMinutes: centre.settings.resultsSlideQuietMinutes,
      whileWaiting: centre.settings.resultsSlideWhileWaiting,
    });
  const fieldName = (id: string) => {
    const f = centre?.fields.find((x) => x.id === id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : '';
  };

  return (
    <main className="board" data-testid="board">
      <header className="board-head">
        <div className="board-centre">
          <span className="board-emblem" aria-hidden="true">
            ★
          </span>
          <span>{centre?.centre.name ?? ''}</span>
        </div>
        <div className="board-time">
          <span className="board-date">{formatDate(now, lang)}</span>
          <span className="board-clock">{formatClock(now, lang)}</span>
        </div>
      </header>

      {quiet && centre ? (
        <ResultsSlide centreCode={centre.centre.code} />
      ) : (
      <section className="board-main">
        <div className={`board-now${current?.priority ? ' is-priority' : ''}`}>
          {flashId && <div key={flashId} className="board-flash" aria-hidden="true" />}
          {current ? (
            <>
              <p className="board-now-label">{text.inviting}</p>
              <p className="board-now-number" data-testid="current-number">
                {current.displayNumber}
              </p>
              <p className="board-now-counter">
                <span className="board-arrow" aria-hidden="true">
                  ➜
                </span>{' '}
                {fill(text.counter, { n: current.counterNumber })}
              </p>
              <p className="board-now-badges">
                {current.priority && <span className="board-badge board-badge-priority">{text.priority}</span>}
                {current.recall && <span className="board-badge board-badge-recall">{text.recall}</span>}
                <span className="board-now-field">{fieldName(current.fieldId)}</span>
              </p>
            </>
          ) : (
            <>
              <p className="board-welcome">{text.noCalls}</p>
              <p className="board-welcome-sub">{text.noCallsSub}</p>
            </>
          )}
          <p className="board-announcement" data-testid="announcement" aria-live="assertive" aria-atomic="true">
            {announcement}
          </p>
        </div>

        <div className="board-side">
          <div className="board-recent">
            <h2>{text.recent}</h2>
            <ol className="board-recent-list">
              {calls.slice(0, 8).map((c, i) => (
                <li key={c.eventId} data-testid="recent-call" className={`${i === 0 ? 'is-latest' : ''}${c.priority ? ' is-priority' : ''}`}>
                  <span className="board-recent-number">
                    {c.displayNumber}
                    {c.priority && (
                      <span className="board-recent-mark" title={text.priority}>
                        {text.priority}
                      </span>
                    )}
                  </span>
                  <span className="board-recent-arrow" aria-hidden="true">
                    ➜
                  </span>
                  <span className="board-recent-counter">{fill(text.counterShort, { n: c.counterNumber })}</span>
                </li>
              ))}
            </ol>
          </div>
          <section className="board-waiting" aria-label={text.waiting}>
            <h2>{text.waiting}</h2>
            <ul>
              {fields.map((f) => (
                <li key={f.id}>
                  <span className="board-waiting-name">{lang === 'vi' ? f.nameVi : f.nameEn}</span>
                  <span className="board-waiting-count">{waiting[f.id] ?? 0}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </section>
      )}

      <footer className="board-foot">
        <section className="board-counters" aria-label={text.counters}>
          {visibleCounters.map((c) => (
            <div key={c.id} className={`board-counter is-${c.state}`}>
              <span className="board-counter-number">{fill(text.counterShort, { n: c.number })}</span>
              <span className="board-counter-state">
                {c.state === 'open' ? text.open : c.state === 'paused' ? text.paused : text.closed}
                {c.state === 'paused' && c.pauseReason ? `: ${c.pauseReason}` : ''}
              </span>
              <span className="board-counter-officer">{c.state !== 'closed' ? (c.officerName ?? text.noOfficer) : ''}</span>
            </div>
          ))}
        </section>
      </footer>

      {connectionLost && (
        <p className="board-offline" role="status" data-testid="connection-lost">
          {text.offline}
        </p>
      )}
      {soundBlocked && <p className="board-sound">{text.sound}</p>}
      <LangSwitch className="lang-switch board-lang" />
    </main>
  );
}

/**
 * Browsers keep audio off until someone interacts with the page (unless the kiosk browser is
 * started with --autoplay-policy=no-user-gesture-required). Then the board says so, and the first
 * key or touch plays the chime, which unlocks the sound for the calls that follow.
 */
function useSoundBlocked(): boolean {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    let probe: AudioContext | null = null;
    try {
      probe = new AudioContext();
      if (probe.state === 'suspended') setBlocked(true);
    } catch {
      return;
    } finally {
      void probe?.close().catch(() => undefined);
    }
    const unlock = () => {
      setBlocked(false);
      void chime();
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);
  return blocked;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

async function retry<T>(load: () => Promise<T>, onFailure?: () => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch {
      onFailure?.();
      await new Promise((r) => setTimeout(r, Math.min(10_000, 1000 * 2 ** attempt)));
    }
  }
}

const HCM = 'Asia/Ho_Chi_Minh';

function formatDate(ms: number, lang: Lang): string {
  const text = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: HCM,
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(ms));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatClock(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: HCM,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(ms));
}
