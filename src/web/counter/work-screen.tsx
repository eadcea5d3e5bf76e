/**
 * The officer's work screen at one counter: the ticket in hand, the actions (each on one key),
 * the queues of the counter's fields, parked tickets and recent no-shows. The server decides;
 * this screen reloads its view after every action and on live events that concern the counter,
 * and shows every refusal with the server's own words.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CentreInfo, Counter, CounterWork, TicketView, User } from '../../contracts/api';
import { api, ApiError } from '../shared/api';
import { fill, LangSwitch, useLang } from '../shared/i18n';
import type { Logout } from '../shared/login-form';
import type { StreamStatus } from '../shared/live-stream';
import {
  blockerOf,
  commandForKey,
  SHORTCUTS,
  suggestedAction,
  type ConsoleState,
  type CounterAction,
} from './counter-actions';
import type { CounterText } from './counter-text';
import {
  applyOutcome,
  callableTickets,
  concernsCounter,
  counterNameShowsNumber,
  filterByNumber,
  formatElapsed,
  noShowMinutesLeft,
  priorityBadgeText,
  transferTargets,
  waitingRows,
  type TransferTarget,
} from './counter-view';
import { ConfirmDialog, HelpDialog, ListDialog } from './dialogs';
import { FaceCheckPanel } from './face-check-panel';
import { useHallListener, type HallHub } from './use-hall-stream';

type DialogKind = 'help' | 'transfer' | 'call-number' | 'pause' | 'resume-parked' | 'reactivate' | 'close' | 'logout';
type Message = { tone: 'error' | 'hint'; text: string } | null;

const REFRESH_DEBOUNCE_MS = 150;
/** A safety net besides the live stream; also drops no-shows whose tolerance ran out. */
const REFRESH_EVERY_MS = 30_000;
const RETRY_MS = 3_000;

export function WorkScreen({
  user,
  centre,
  counterId,
  skewMs,
  hub,
  streamStatus,
  text,
  logout,
  onLeft,
  reloadCentre,
}: {
  user: User;
  centre: CentreInfo;
  counterId: string;
  /** Server time minus browser time, so "called 2:10 ago" is right on a PC with a wrong clock. */
  skewMs: number;
  hub: HallHub;
  streamStatus: StreamStatus;
  text: CounterText;
  logout: Logout;
  /** The officer left the counter (or lost it); back to the picker with this message. */
  onLeft: (message: string | null) => void;
  reloadCentre: () => Promise<void>;
}) {
  const { lang } = useLang();
  const [work, setWorkState] = useState<CounterWork | null>(null);
  // The key handler judges a key press on this, which changes the moment an answer arrives,
  // not at the next render.
  const workRef = useRef<CounterWork | null>(null);
  const setWork = (next: CounterWork) => {
    workRef.current = next;
    setWorkState(next);
  };
  const [waiting, setWaiting] = useState<Record<string, number>>({});
  const [message, setMessage] = useState<Message>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [dialog, setDialogState] = useState<DialogKind | null>(null);
  const dialogRef = useRef<DialogKind | null>(null);
  const setDialog = (next: DialogKind | null) => {
    dialogRef.current = next;
    setDialogState(next);
  };
  const [pending, setPending] = useState<CounterAction | null>(null);
  const now = useNow(1000) + skewMs;
  const busy = useRef(false);
  const leaving = useRef(false);
  const refreshTimer = useRef<number | undefined>(undefined);
  const lastLoaded = useRef(0);
  /** Sequence numbers of work-view requests: the last one sent, the newest one shown. */
  const requested = useRef(0);
  const applied = useRef(0);
  /** The last request sent before the latest live waiting counts arrived. */
  const countsSeenAt = useRef(0);
  const [loadError, setLoadError] = useState<string | null>(null);

  const counterNumber = work?.counter.number ?? centre.counters.find((c) => c.id === counterId)?.number ?? 0;
  const showError = (e: unknown) => setMessage({ tone: 'error', text: e instanceof Error ? e.message : String(e) });

  const refresh = useCallback(async () => {
    const seq = ++requested.current;
    try {
      const next = await api<CounterWork>('GET', `/api/v1/counters/${counterId}/work`);
      lastLoaded.current = Date.now();
      setLoadError(null);
      // Responses can overtake each other, and a live count can arrive while one is on its way:
      // never let an older view replace a newer one.
      if (leaving.current || seq <= applied.current) return;
      applied.current = seq;
      if (next.counter.officerId !== user.id || next.counter.state === 'closed') {
        leaving.current = true;
        onLeft(fill(text.counterLost, { number: next.counter.number }));
        return;
      }
      workRef.current = next;
      setWorkState(next);
      if (seq > countsSeenAt.current) setWaiting(next.waitingByField);
    } catch (e) {
      lastLoaded.current = 0;
      if (e instanceof ApiError && e.status === 401) void logout().catch(() => undefined);
      else setLoadError(e instanceof Error ? e.message : String(e));
      throw e;
    }
  }, [counterId, user.id, onLeft, logout, text]);

  const scheduleRefresh = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => void refresh().catch(() => undefined), REFRESH_DEBOUNCE_MS);
  }, [refresh]);

  useEffect(() => {
    void refresh().catch(() => undefined);
    // Soon after a failure (the server restarting), otherwise now and then.
    const timer = window.setInterval(() => {
      if (Date.now() - lastLoaded.current >= REFRESH_EVERY_MS) void refresh().catch(() => undefined);
    }, RETRY_MS);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(refreshTimer.current);
    };
  }, [refresh]);

  const knownIds = useMemo(
    () => new Set([work?.current?.id, ...(work?.parked ?? []).map((t) => t.id), ...(work?.noShows ?? []).map((t) => t.id)].filter((x): x is string => !!x)),
    [work],
  );
  useHallListener(hub, {
    onEvent: (e) => {
      if (concernsCounter(e, counterId, knownIds)) scheduleRefresh();
    },
    onCounts: (m) => {
      // Newer than any view requested so far; views requested after this may replace it.
      countsSeenAt.current = requested.current;
      setWaiting(m.waitingByField);
    },
    onResync: scheduleRefresh,
  });

  const tolerance = centre.settings.noShowToleranceMinutes;
  const viewOf = (w: CounterWork | null, atMs: number) => {
    const noShows = (w?.noShows ?? []).filter((t) => noShowMinutesLeft(t.noShowAt, tolerance, atMs) > 0);
    const parked = w?.parked ?? [];
    const current = w?.current ?? null;
    const state: ConsoleState = {
      counterState: w?.counter.state ?? 'closed',
      current: current?.status === 'called' || current?.status === 'serving' ? current.status : null,
      parked: parked.length,
      noShows: noShows.length,
    };
    return { noShows, parked, current, state };
  };
  const { noShows, parked, current, state } = viewOf(work, now);
  const loaded = work !== null;
  const suggested = loaded ? suggestedAction(state) : null;

  type Done = { outcome?: Parameters<typeof applyOutcome>[1]; info?: string | null } | void;

  /**
   * Runs one server call. Its answer is shown at once (and the next key is judged on it), then the
   * full view is reloaded. On failure nothing changes and the server's message is shown.
   */
  const perform = async (action: CounterAction, call: () => Promise<Done>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setPending(action);
    setMessage(null);
    setInfo(null);
    let ok = false;
    try {
      const done = await call();
      if (done?.outcome && workRef.current) {
        applied.current = requested.current; // answers to earlier reloads are older than this
        setWork(applyOutcome(workRef.current, done.outcome));
      }
      if (done?.info) setInfo(done.info);
      ok = true;
    } catch (e) {
      showError(e);
    }
    busy.current = false;
    setPending(null);
    void refresh().catch(() => undefined);
    return ok;
  };

  const ticketAction = (action: CounterAction, path: string, ticket: TicketView, info?: string) =>
    perform(action, async () => ({
      outcome: { ticket: await api<TicketView>('POST', `/api/v1/tickets/${ticket.id}/${path}`) },
      info: info ? fill(info, { number: ticket.displayNumber }) : null,
    }));

  const leave = async (then: 'picker' | 'logout') => {
    const ok = await perform(then === 'logout' ? 'logout' : 'close', async () => {
      await api('POST', `/api/v1/counters/${counterId}/close`);
      leaving.current = true; // the reload that follows must not report the counter as lost
    });
    if (!ok) return;
    setDialog(null);
    if (then === 'logout') {
      try {
        await logout();
      } catch (e) {
        onLeft(e instanceof Error ? e.message : String(e));
      }
    } else onLeft(fill(text.counterLeft, { number: counterNumber }));
  };

  const trigger = (action: CounterAction) => {
    if (!workRef.current || busy.current) return;
    const { noShows, parked, current, state } = viewOf(workRef.current, Date.now() + skewMs);
    const blocker = blockerOf(action, state);
    if (blocker) {
      setInfo(null);
      setMessage({ tone: 'hint', text: `${text[`action:${action}`]} (${SHORTCUTS[action]}): ${text[`blocked:${blocker}`]}` });
      return;
    }
    switch (action) {
      case 'call-next':
        void perform(action, async () => {
          const result = await api<{ ticket: TicketView | null }>('POST', `/api/v1/counters/${counterId}/call-next`);
          return result.ticket ? { outcome: { ticket: result.ticket } } : { info: text.nobodyWaiting };
        });
        return;
      case 'recall':
        void ticketAction(action, 'recall', current!);
        return;
      case 'start':
        void ticketAction(action, 'start', current!);
        return;
      case 'finish':
        void ticketAction(action, 'finish', current!);
        return;
      case 'no-show':
        void ticketAction(action, 'no-show', current!);
        return;
      case 'park':
        void ticketAction(action, 'park', current!);
        return;
      case 'transfer':
        setMessage(null);
        void reloadCentre().catch(() => undefined);
        setDialog('transfer');
        return;
      case 'call-number':
        setMessage(null);
        setDialog('call-number');
        return;
      case 'resume-parked':
        if (parked.length === 1) void ticketAction(action, 'resume', parked[0]!, text.resumed);
        else setDialog('resume-parked');
        return;
      case 'reactivate':
        if (noShows.length === 1) void ticketAction(action, 'reactivate', noShows[0]!, text.reactivated);
        else setDialog('reactivate');
        return;
      case 'pause':
        if (state.counterState === 'paused') {
          void perform(action, async () => ({
            outcome: { counter: await api<Counter>('POST', `/api/v1/counters/${counterId}/resume`) },
          }));
        } else {
          setMessage(null);
          setDialog('pause');
        }
        return;
      case 'close':
      case 'logout':
        setMessage(null);
        setDialog(action);
        return;
    }
  };

  // Single-key shortcuts, read by one window listener that always sees the latest state.
  const latestTrigger = useRef(trigger);
  latestTrigger.current = trigger;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialogRef.current || isEditable(e.target)) return;
      const command = commandForKey(e);
      if (!command) return;
      e.preventDefault();
      if (command.kind === 'help') setDialog('help');
      else latestTrigger.current(command.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const closeDialog = () => {
    setDialog(null);
    setMessage(null);
  };

  const fieldById = (id: string) => centre.fields.find((f) => f.id === id);
  const fieldName = (id: string) => {
    const f = fieldById(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : '?';
  };
  const groupName = (id: string) => {
    const g = centre.priorityGroups.find((p) => p.id === id);
    return g ? (lang === 'vi' ? g.nameVi : g.nameEn) : null;
  };
  const badge = (t: TicketView, small: boolean) => <PriorityBadge ticket={t} text={text} groupName={groupName} small={small} />;
  const clock = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(iso),
    );

  const counter = work?.counter;
  const rows = waitingRows(centre.fields, counter?.fields ?? [], waiting);
  const mineWaiting = rows.mine.reduce((n, r) => n + r.count, 0);
  const dialogError = message?.tone === 'error' ? message.text : null;
  const shown: Message = message ?? (loadError ? { tone: 'error', text: loadError } : null);

  const button = (action: CounterAction, extraClass = '') => {
    const blocked = !loaded || blockerOf(action, state) !== null;
    const label =
      action === 'pause' && state.counterState === 'paused' ? text['action:resume-counter'] : text[`action:${action}`];
    return (
      <button
        type="button"
        key={action}
        data-testid={`action-${action}`}
        className={['cc-action', extraClass, suggested === action && 'suggested', pending === action && 'pending'].filter(Boolean).join(' ')}
        disabled={blocked}
        aria-keyshortcuts={SHORTCUTS[action]}
        onClick={() => trigger(action)}
      >
        <kbd>{SHORTCUTS[action]}</kbd>
        <span>{label}</span>
      </button>
    );
  };

  return (
    <div className={`cc-work state-${state.counterState}`}>
      <header className="cc-header">
        <div className="cc-header-counter">
          {counter && counterNameShowsNumber(counter.name, counter.number) ? (
            <span className="cc-counter-number">{counter.name}</span>
          ) : (
            <>
              <span className="cc-counter-number">{fill(text.counter, { number: counterNumber })}</span>
              <span className="cc-counter-name">{counter?.name}</span>
            </>
          )}
          <span className={`cc-pill state-${state.counterState}`} data-testid="counter-state">
            {state.counterState === 'open' ? text.stateOpen : state.counterState === 'paused' ? text.statePaused : text.stateClosed}
          </span>
        </div>
        <div className="cc-header-meta">
          <span>
            {text.officer}: <strong>{user.fullName}</strong>
          </span>
          <span className={`cc-live ${streamStatus}`} role="status">
            {streamStatus === 'live' ? text.live : streamStatus === 'connecting' ? text.connecting : text.offline}
          </span>
          <span>
            {text.servedToday}: <strong data-testid="served-today">{work?.servedToday ?? '—'}</strong>
          </span>
          <button type="button" className="cc-help-button" onClick={() => setDialog('help')} aria-keyshortcuts="?">
            <kbd>?</kbd> {text.help}
          </button>
          <LangSwitch className="cc-lang" />
        </div>
      </header>

      {state.counterState === 'paused' && (
        <div className="cc-paused" data-testid="paused-banner">
          <strong>{fill(text.pausedBanner, { reason: counter?.pauseReason ?? '' })}</strong> <span>{text.pausedResumeHint}</span>
        </div>
      )}

      <div className="cc-messages">
        <div className={`cc-alert ${shown?.tone ?? ''}`} role="alert" data-testid="console-alert">
          {shown && (
            <>
              <span>{shown.text}</span>
              <button type="button" className="cc-dismiss" aria-label={text.dismiss} onClick={() => setMessage(null)}>
                ×
              </button>
            </>
          )}
        </div>
        <div className={`cc-status ${info ? 'shown' : ''}`} role="status" data-testid="console-status">
          {info}
        </div>
      </div>

      <main className="cc-main">
        <section className="cc-left">
          <div className={`cc-ticket ${current ? `status-${current.status}` : 'empty'}`} aria-live="polite">
            {!loaded ? (
              <p className="cc-muted">{text.loading}</p>
            ) : current ? (
              <>
                <div className="cc-ticket-label">{current.status === 'serving' ? text.inHand : text.calledLabel}</div>
                <div className="cc-ticket-number" data-testid="current-ticket">
                  {current.displayNumber}
                </div>
                <div className="cc-ticket-status" data-testid="current-status">
                  {current.status === 'serving' ? text.statusServing : text.statusCalled}
                </div>
                <div className="cc-ticket-field">{fieldName(current.fieldId)}</div>
                <div className="cc-ticket-facts">
                  {badge(current, false)}
                  {current.status === 'called' && (
                    <span className="cc-badge" data-testid="call-count">
                      {fill(text.callCount, { count: current.callCount })}
                    </span>
                  )}
                  <span className="cc-badge timer">
                    {current.status === 'serving' && current.startedAt
                      ? fill(text.servingFor, { time: formatElapsed(now - Date.parse(current.startedAt)) })
                      : current.calledAt
                        ? fill(text.calledAgo, { time: formatElapsed(now - Date.parse(current.calledAt)) })
                        : ''}
                  </span>
                  <span className="cc-badge plain">{fill(text.issuedAt, { time: clock(current.issuedAt) })}</span>
                  {(current.status === 'called' || current.status === 'serving') && (
                    <a
                      className="cc-badge"
                      data-testid="receive-dossier"
                      href={`/dossiers?${new URLSearchParams({ receive: '1', ticket: current.id, field: current.fieldId })}`}
                      target="_blank"
                      rel="noopener"
                    >
                      {text.receiveDossier}
                    </a>
                  )}
                </div>
              </>
            ) : (
              <>
                <div className="cc-ticket-empty" data-testid="no-ticket">
                  {text.nothingInHand}
                </div>
                <div className="cc-ticket-status">{state.counterState === 'open' ? text.pressToCall : text.pausedResumeHint}</div>
                <div className="cc-ticket-field">{fill(text.waitingForYou, { count: mineWaiting })}</div>
              </>
            )}
          </div>

          <div className="cc-actions" aria-label={text.help}>
            <div className="cc-action-row primary">
              {button('call-next', 'big')}
              {button('recall')}
              {button('start')}
              {button('finish')}
              {button('no-show')}
            </div>
            <div className="cc-action-row">
              {button('transfer')}
              {button('park')}
              {button('call-number')}
              {button('resume-parked')}
              {button('reactivate')}
            </div>
            <div className="cc-action-row quiet">
              {button('pause')}
              {button('close')}
              {button('logout')}
            </div>
          </div>
        </section>

        <aside className="cc-right">
          <FaceCheckPanel
            counterId={counterId}
            ticket={current?.status === 'called' || current?.status === 'serving' ? current : null}
            hasFace={work?.currentHasFace ?? true}
            settings={centre.settings}
            policy={centre.facePolicy}
          />
          <section className="cc-panel">
            <h2>{text.waitingTitle}</h2>
            <h3>{text.yourFields}</h3>
            <ul className="cc-waiting">
              {rows.mine.map((r) => (
                <li key={r.fieldId} data-testid="waiting-row" data-field={fieldById(r.fieldId)?.code} className={r.count > 0 ? 'has' : ''}>
                  <span className="cc-waiting-name">
                    {fieldName(r.fieldId)} <small>({r.weight! >= 10 ? text.mainField : text.helpsField})</small>
                  </span>
                  <span className="cc-waiting-count">{r.count}</span>
                </li>
              ))}
            </ul>
            {rows.others.length > 0 && (
              <>
                <h3>{text.otherFields}</h3>
                <ul className="cc-waiting others">
                  {rows.others.map((r) => (
                    <li key={r.fieldId} data-testid="waiting-row" data-field={fieldById(r.fieldId)?.code}>
                      <span className="cc-waiting-name">{fieldName(r.fieldId)}</span>
                      <span className="cc-waiting-count">{r.count}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section className="cc-panel">
            <h2>
              {text.parkedTitle} <span className="cc-count">{parked.length}</span>
            </h2>
            {parked.length === 0 ? (
              <p className="cc-muted">{text.parkedNone}</p>
            ) : (
              <ul className="cc-tickets" data-testid="parked-list">
                {parked.map((t) => (
                  <li key={t.id}>
                    <span className="cc-ticket-mini">{t.displayNumber}</span>
                    {badge(t, true)}
                    <span className="cc-muted">{fieldName(t.fieldId)}</span>
                    <button
                      type="button"
                      disabled={blockerOf('resume-parked', state) !== null}
                      onClick={() => void ticketAction('resume-parked', 'resume', t, text.resumed)}
                    >
                      {text['action:resume-parked']}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="cc-panel">
            <h2>
              {text.noShowsTitle} <span className="cc-count">{noShows.length}</span>
            </h2>
            {noShows.length === 0 ? (
              <p className="cc-muted">{text.noShowsNone}</p>
            ) : (
              <ul className="cc-tickets" data-testid="no-show-list">
                {noShows.map((t) => (
                  <li key={t.id}>
                    <span className="cc-ticket-mini">{t.displayNumber}</span>
                    {badge(t, true)}
                    <span className="cc-muted">
                      {fill(text.minutesLeft, { minutes: noShowMinutesLeft(t.noShowAt, tolerance, now) })}
                    </span>
                    <button type="button" onClick={() => void ticketAction('reactivate', 'reactivate', t, text.reactivated)}>
                      {text['action:reactivate']}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </main>

      {dialog === 'help' && <HelpDialog text={text} onClose={closeDialog} />}

      {dialog === 'transfer' && current && (
        <ListDialog<TransferTarget>
          testId="transfer-dialog"
          title={fill(text.transferTitle, { number: current.displayNumber })}
          hint={text.transferHint}
          text={text}
          error={dialogError}
          items={transferTargets(centre.fields, centre.counters, current.fieldId, counterId)}
          itemKey={(t) => (t.kind === 'field' ? `f-${t.fieldId}` : `c-${t.counterId}`)}
          sectionOf={(t) => (t.kind === 'field' ? text.toField : text.toCounter)}
          empty="—"
          renderItem={(t) => {
            if (t.kind === 'field') {
              return (
                <>
                  <span className="cc-choice-main">{fieldName(t.fieldId)}</span>
                  <span className="cc-choice-aside">
                    {waiting[t.fieldId] ?? 0} {text.people}
                  </span>
                </>
              );
            }
            const c = centre.counters.find((x) => x.id === t.counterId)!;
            return (
              <>
                <span className="cc-choice-main">{c.name}</span>
                <span className={`cc-choice-aside state-${c.state}`}>
                  {c.state === 'open' ? text.stateOpen : c.state === 'paused' ? text.statePaused : text.stateClosed}
                  {c.officerName ? ` · ${c.officerName}` : ''}
                </span>
              </>
            );
          }}
          onChoose={async (t) => {
            const ok = await perform('transfer', async () => ({
              outcome: {
                ticket: await api<TicketView>(
                  'POST',
                  `/api/v1/tickets/${current.id}/transfer`,
                  t.kind === 'field' ? { fieldId: t.fieldId } : { counterId: t.counterId },
                ),
              },
              info: fill(text.transferred, { number: current.displayNumber }),
            }));
            if (ok) setDialog(null);
          }}
          onClose={closeDialog}
        />
      )}

      {dialog === 'call-number' && counter && (
        <CallNumberDialog
          text={text}
          error={dialogError}
          counter={counter}
          fieldName={fieldName}
          groupName={groupName}
          clock={clock}
          onClose={closeDialog}
          onCall={async (t) => {
            const ok = await perform('call-number', async () => ({
              outcome: { ticket: await api<TicketView>('POST', `/api/v1/counters/${counterId}/call`, { ticketId: t.id }) },
            }));
            if (ok) setDialog(null);
            return ok;
          }}
        />
      )}

      {dialog === 'pause' && (
        <PauseDialog
          text={text}
          error={dialogError}
          onClose={closeDialog}
          onPause={async (reason) => {
            const ok = await perform('pause', async () => ({
              outcome: { counter: await api<Counter>('POST', `/api/v1/counters/${counterId}/pause`, { reason }) },
            }));
            if (ok) setDialog(null);
          }}
        />
      )}

      {dialog === 'resume-parked' && (
        <ListDialog<TicketView>
          testId="resume-dialog"
          title={text.resumeTitle}
          hint={text.chooseHint}
          text={text}
          error={dialogError}
          quickKeys
          items={parked}
          itemKey={(t) => t.id}
          empty={text.parkedNone}
          renderItem={(t) => (
            <>
              <span className="cc-choice-main cc-ticket-mini">{t.displayNumber}</span>
              <span className="cc-choice-aside">
                {fieldName(t.fieldId)}
                {badge(t, true)}
              </span>
            </>
          )}
          onChoose={async (t) => {
            if (await ticketAction('resume-parked', 'resume', t, text.resumed)) setDialog(null);
          }}
          onClose={closeDialog}
        />
      )}

      {dialog === 'reactivate' && (
        <ListDialog<TicketView>
          testId="reactivate-dialog"
          title={text.reactivateTitle}
          hint={text.chooseHint}
          text={text}
          error={dialogError}
          quickKeys
          items={noShows}
          itemKey={(t) => t.id}
          empty={text.noShowsNone}
          renderItem={(t) => (
            <>
              <span className="cc-choice-main cc-ticket-mini">{t.displayNumber}</span>
              <span className="cc-choice-aside">
                {fieldName(t.fieldId)} · {fill(text.minutesLeft, { minutes: noShowMinutesLeft(t.noShowAt, tolerance, now) })}
                {badge(t, true)}
              </span>
            </>
          )}
          onChoose={async (t) => {
            if (await ticketAction('reactivate', 'reactivate', t, text.reactivated)) setDialog(null);
          }}
          onClose={closeDialog}
        />
      )}

      {(dialog === 'close' || dialog === 'logout') && (
        <ConfirmDialog
          title={text[`action:${dialog}`]}
          message={fill(dialog === 'close' ? text.closeConfirm : text.logoutConfirm, { number: counterNumber })}
          text={text}
          error={dialogError}
          onClose={closeDialog}
          onConfirm={() => leave(dialog === 'close' ? 'picker' : 'logout')}
        />
      )}
    </div>
  );
}

/**
 * Today's waiting tickets this counter may call, loaded when the dialog opens. The list does not
 * move under the officer's cursor; if someone else calls the chosen number first, the server says
 * so and the list is reloaded.
 */
function CallNumberDialog({
  text,
  error,
  counter,
  fieldName,
  groupName,
  clock,
  onCall,
  onClose,
}: {
  text: CounterText;
  error: string | null;
  counter: CounterWork['counter'];
  fieldName: (id: string) => string;
  groupName: (id: string) => string | null;
  clock: (iso: string) => string;
  onCall: (t: TicketView) => Promise<boolean>;
  onClose: () => void;
}) {
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  // The work view refreshes underneath with a new counter object each time; load only once.
  const counterRef = useRef(counter);
  counterRef.current = counter;
  const load = useCallback(async () => {
    try {
      const result = await api<{ tickets: TicketView[] }>('GET', '/api/v1/tickets?status=waiting&limit=1000');
      setTickets(callableTickets(result.tickets, counterRef.current));
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
      setTickets([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const items = filterByNumber(tickets ?? [], query);
  return (
    <ListDialog<TicketView>
      testId="call-number-dialog"
      title={text.callNumberTitle}
      hint={text.callNumberHint}
      text={text}
      error={error ?? loadError}
      autoFocusList={false}
      header={
        <label className="cc-filter">
          <span>{text.typeNumber}</span>
          <input
            data-autofocus
            data-list-keys
            inputMode="numeric"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="call-number-filter"
          />
        </label>
      }
      items={items}
      itemKey={(t) => t.id}
      empty={tickets === null ? text.loading : query ? text.noMatch : text.noneWaiting}
      renderItem={(t) => (
        <>
          <span className="cc-choice-main cc-ticket-mini">{t.displayNumber}</span>
          <span className="cc-choice-aside">
            {fieldName(t.fieldId)} · {clock(t.issuedAt)}
            <PriorityBadge ticket={t} text={text} groupName={groupName} small />
            {t.targetCounterId === counter.id && <span className="cc-badge small">{text.sentHere}</span>}
          </span>
        </>
      )}
      onChoose={async (t) => {
        if (!(await onCall(t))) await load();
      }}
      onClose={onClose}
    />
  );
}

/** "ƯU TIÊN" on a priority ticket; the big one on the ticket in hand also names the group. */
function PriorityBadge({
  ticket,
  text,
  groupName,
  small,
}: {
  ticket: TicketView;
  text: CounterText;
  groupName: (id: string) => string | null;
  small: boolean;
}) {
  const words = priorityBadgeText(ticket, text.priorityBadge, groupName, !small);
  if (!words) return null;
  const group = ticket.priorityGroupId ? groupName(ticket.priorityGroupId) : null;
  return (
    <span className={`cc-badge priority${small ? ' small' : ''}`} data-testid="priority-badge" title={small && group ? group : undefined}>
      {words}
    </span>
  );
}

const PRESETS = ['reasonBreak', 'reasonMeeting', 'reasonHelping'] as const;

function PauseDialog({
  text,
  error,
  onPause,
  onClose,
}: {
  text: CounterText;
  error: string | null;
  onPause: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [other, setOther] = useState('');
  return (
    <ListDialog<(typeof PRESETS)[number]>
      testId="pause-dialog"
      title={text.pauseTitle}
      hint={text.pauseHint}
      text={text}
      error={error}
      quickKeys
      items={PRESETS}
      itemKey={(k) => k}
      empty=""
      renderItem={(k) => <span className="cc-choice-main">{text[k]}</span>}
      onChoose={(k) => onPause(text[k])}
      onClose={onClose}
      footer={
        <form
          className="cc-filter"
          onSubmit={(e) => {
            e.preventDefault();
            if (other.trim()) void onPause(other.trim());
          }}
        >
          <label>
            <span>{text.otherReason}</span>
            <input value={other} maxLength={200} onChange={(e) => setOther(e.target.value)} data-testid="pause-other" />
          </label>
          <button type="submit" disabled={!other.trim()}>
            {text.pauseAction}
          </button>
        </form>
      }
    />
  );
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
