/**
 * The rating screen facing the citizen at a counter. Idle, it greets; after the officer finishes a
 * service it asks for one touch on a face (the centre's 2–5 level scale), thanks, and goes quiet
 * again. The prompt is bound by the server to the ticket, the service and the officer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardState, CentreInfo, Device, PendingDossierRating, PendingRating, RatingOption } from '../../contracts/api';
import { api, ApiError } from '../shared/api';
import { DevicePairing } from '../shared/device-pairing';
import { fill, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { openLiveStream, type LiveStream } from '../shared/live-stream';
import { DossierRatingForm } from './dossier-rating-form';
import { moodColour, moodOf, mouthPath, optionForKey } from './rating-faces';
import './rate.css';
import './dossier-rating.css';

const TEXT: Dictionary<
  | 'counter'
  | 'officer'
  | 'welcome'
  | 'welcomeSub'
  | 'question'
  | 'about'
  | 'hint'
  | 'thanks'
  | 'thanksSub'
  | 'noCounter'
  | 'offline'
  | 'retry'
  | 'dossierAbout'
> = {
  vi: {
    counter: 'QUẦY SỐ {n}',
    officer: 'Cán bộ: {name}',
    welcome: 'Kính chào ông/bà!',
    welcomeSub: 'Sau khi giải quyết xong thủ tục, mời ông/bà đánh giá sự phục vụ tại màn hình này.',
    question: 'Ông/bà đánh giá thế nào về việc giải quyết thủ tục hôm nay?',
    about: 'Cán bộ {name} · Số {number}',
    hint: 'Chạm vào một hình để đánh giá',
    thanks: 'Cảm ơn ông/bà!',
    thanksSub: 'Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.',
    noCounter: 'Màn hình đánh giá này chưa được gán cho quầy nào. Quản trị viên vào Quản lý → Thiết bị để chọn quầy.',
    offline: 'Mất kết nối – đang kết nối lại…',
    retry: 'Chưa gửi được đánh giá, mời ông/bà chạm lại.',
    dossierAbout: 'Hồ sơ {code} · {procedure}',
  },
  en: {
    counter: 'COUNTER {n}',
    officer: 'Officer: {name}',
    welcome: 'Welcome!',
    welcomeSub: 'When your service is finished, please rate it on this screen.',
    question: 'How satisfied are you with the service today?',
    about: 'Officer {name} · Number {number}',
    hint: 'Touch a face to rate',
    thanks: 'Thank you!',
    thanksSub: 'Your opinion helps us serve you better.',
    noCounter: 'This rating screen is not assigned to a counter. An administrator chooses one in Manage → Devices.',
    offline: 'Connection lost – reconnecting…',
    retry: 'The rating was not sent; please touch again.',
    dossierAbout: 'Dossier {code} · {procedure}',
  },
};

const POLL_MS = 10_000;
const THANKS_MS = 5_000;
/** A citizen answering the dossier's questions keeps them open this long after each touch. */
const ACTIVE_MS = 60_000;
/** The server accepts an answer this long after the question closed (dossier-ratings.ts). */
const SUBMIT_GRACE_MS = 280_000;

export default function RatePage() {
  return <DevicePairing kind="rating">{(device) => <RatingScreen device={device} />}</DevicePairing>;
}

/** After the visit's own rating, the screen asks about a dossier returned at this counter (if any). */
type Phase =
  | { kind: 'idle' }
  | { kind: 'asking'; pending: PendingRating }
  | { kind: 'dossier'; pending: PendingDossierRating }
  | { kind: 'thanks' };

function RatingScreen({ device }: { device: Device }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const counterId = device.counterId;
  const [counter, setCounter] = useState<{ number: number; officerName: string | null } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const [offline, setOffline] = useState(false);
  const clockOffset = useRef(0);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const counterRef = useRef(counter);
  counterRef.current = counter;
  /** Services already rated here: a poll that was in flight must not bring the prompt back. */
  const rated = useRef(new Set<string>());

  const loadCentre = useCallback(async () => {
    try {
      const info = await api<CentreInfo>('GET', '/api/v1/centre');
      clockOffset.current = new Date(info.serverTime).getTime() - Date.now();
      const c = info.counters.find((x) => x.id === counterId);
      setCounter(c ? { number: c.number, officerName: c.officerName } : null);
    } catch {
      // Retried by the next poll.
    }
  }, [counterId]);

  const refresh = useCallback(async () => {
    if (!counterId) return;
    try {
      const [{ pending }, { pending: dossier }] = await Promise.all([
        api<{ pending: PendingRating | null }>('GET', '/api/v1/ratings/pending'),
        api<{ pending: PendingDossierRating | null }>('GET', '/api/v1/dossier-ratings/pending'),
      ]);
      setOffline(false);
      setPhase((current) => {
        if (current.kind === 'thanks') return current;
        // A citizen in the middle of answering about their dossier is not interrupted.
        if (current.kind === 'dossier' && !rated.current.has(dossierKeyOf(current.pending))) return current;
        if (pending && !rated.current.has(keyOf(pending))) {
          if (current.kind === 'asking' && keyOf(current.pending) === keyOf(pending)) return current;
          return { kind: 'asking', pending };
        }
        if (dossier && !rated.current.has(dossierKeyOf(dossier))) return { kind: 'dossier', pending: dossier };
        return current.kind === 'idle' ? current : { kind: 'idle' };
      });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NETWORK') setOffline(true);
    }
  }, [counterId]);

  // Live: a finish or a start at this counter changes what may be rated. Also a slow poll.
  useEffect(() => {
    if (!counterId) return;
    let closed = false;
    let stream: LiveStream | null = null;
    void loadCentre();
    void refresh();
    const poll = window.setInterval(() => {
      void refresh();
      if (!counterRef.current) void loadCentre();
    }, POLL_MS);
    const open = async () => {
      try {
        const state = await api<BoardState>('GET', '/api/v1/display/state');
        if (closed) return;
        stream = openLiveStream(state.cursor, {
          onEvent: (event) => {
            const here = !event.ticket?.counterId || event.ticket.counterId === counterId;
            if ((event.type === 'ticket.finished' || event.type === 'ticket.started') && here) void refresh();
            if (event.type === 'dossier.returned' && event.counter?.id === counterId) void refresh();
            if (event.counter?.id === counterId) {
              const c = event.counter;
              setCounter({ number: c.number, officerName: c.officerName });
            }
            if (event.type === 'config.changed') void loadCentre();
          },
          onReset: () => {
            void api<BoardState>('GET', '/api/v1/display/state').then((fresh) => stream?.restart(fresh.cursor));
            void refresh();
          },
          onStatus: (status) => {
            if (status === 'offline') setOffline(true);
            if (status === 'live') {
              setOffline(false);
              // Whatever happened while offline: ask again.
              void refresh();
            }
          },
        });
      } catch {
        if (!closed) window.setTimeout(() => void open(), 3000);
      }
    };
    void open();
    return () => {
      closed = true;
      window.clearInterval(poll);
      stream?.close();
    };
  }, [counterId, loadCentre, refresh]);

  // The prompt closes at its expiry time (the server's clock).
  useEffect(() => {
    if (phase.kind !== 'asking') return;
    const ms = new Date(phase.pending.expiresAt).getTime() - (Date.now() + clockOffset.current);
    const timer = window.setTimeout(() => {
      setPhase({ kind: 'idle' });
      // A dossier handed over during the visit may still be waiting for its rating.
      void refresh();
    }, Math.max(0, ms));
    return () => window.clearTimeout(timer);
  }, [phase, refresh]);

  useEffect(() => {
    if (phase.kind !== 'thanks') return;
    // Then whatever is still waiting: the dossier handed over in the same visit.
    const timer = window.setTimeout(() => {
      setPhase({ kind: 'idle' });
      void refresh();
    }, THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [phase, refresh]);

  // The dossier's question closes at its expiry, or a minute after the citizen's last touch if later;
  // what they answered by then is sent.
  const dossierAnswer = useRef<(() => { value: number; criteria: { key: string; value: number }[]; comment: string | null } | null) | null>(null);
  const [lastTouch, setLastTouch] = useState(0);
  const submitDossierRef = useRef<(pending: PendingDossierRating, answer: { value: number; criteria: { key: string; value: number }[]; comment: string | null }) => Promise<void>>(async () => undefined);
  useEffect(() => {
    if (phase.kind !== 'dossier') return;
    const expires = new Date(phase.pending.expiresAt).getTime();
    const serverNow = () => Date.now() + clockOffset.current;
    const deadline = Math.min(Math.max(expires, lastTouch + ACTIVE_MS), expires + SUBMIT_GRACE_MS);
    const timer = window.setTimeout(() => {
      const answer = dossierAnswer.current?.();
      if (answer) void submitDossierRef.current(phase.pending, answer);
      else setPhase({ kind: 'idle' });
    }, Math.max(0, deadline - serverNow()));
    return () => window.clearTimeout(timer);
  }, [phase, lastTouch]);

  const submit = useCallback(async (pending: PendingRating, option: RatingOption) => {
    setSending(true);
    setFailed(false);
    try {
      await api('POST', '/api/v1/ratings', { ticketId: pending.ticketId, serveNo: pending.serveNo, value: option.value });
      rated.current.add(keyOf(pending));
      setPhase({ kind: 'thanks' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_RATED') {
        rated.current.add(keyOf(pending));
        setPhase({ kind: 'thanks' });
      } else if (e instanceof ApiError && e.code === 'NOTHING_TO_RATE') {
        setPhase({ kind: 'idle' });
      } else {
        setFailed(true);
      }
    } finally {
      setSending(false);
    }
  }, []);

  const submitDossier = useCallback(async (pending: PendingDossierRating, answer: { value: number; criteria: { key: string; value: number }[]; comment: string | null }) => {
    setSending(true);
    setFailed(false);
    try {
      await api('POST', '/api/v1/dossier-ratings', { dossierId: pending.dossierId, ...answer });
      rated.current.add(dossierKeyOf(pending));
      setPhase({ kind: 'thanks' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_RATED') {
        rated.current.add(dossierKeyOf(pending));
        setPhase({ kind: 'thanks' });
      } else if (e instanceof ApiError && e.code === 'NOTHING_TO_RATE') {
        rated.current.add(dossierKeyOf(pending));
        setPhase({ kind: 'idle' });
      } else {
        setFailed(true);
      }
    } finally {
      setSending(false);
    }
  }, []);
  submitDossierRef.current = submitDossier;

  // Keys 1…n pick the options from the left.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const current = phaseRef.current;
      if (current.kind !== 'asking' || sending) return;
      const index = optionForKey(e.key, current.pending.scale.length);
      if (index === null) return;
      e.preventDefault();
      void submit(current.pending, current.pending.scale[index]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sending, submit]);

  let body;
  if (!counterId) {
    body = <p className="rate-message">{text.noCounter}</p>;
  } else if (phase.kind === 'asking') {
    const { pending } = phase;
    const officer = pending.officerName ?? counter?.officerName ?? '';
    body = (
      <section className="rate-ask" aria-labelledby="rate-question">
        <h1 id="rate-question">{text.question}</h1>
        <p className="rate-about">{fill(text.about, { name: officer || '—', number: pending.displayNumber })}</p>
        <div className={`rate-options rate-options-${pending.scale.length}`}>
          {pending.scale.map((option, i) => {
            const mood = moodOf(pending.scale, i);
            const colour = moodColour(mood);
            return (
              <button
                key={option.value}
                type="button"
                className="rate-option"
                data-testid="rating-option"
                data-value={option.value}
                style={{ borderColor: colour }}
                disabled={sending}
                onClick={() => void submit(pending, option)}
              >
                <Face mood={mood} colour={colour} />
                <span className="rate-option-label">{lang === 'vi' ? option.labelVi : option.labelEn}</span>
                {pending.scale.length <= 9 && (
                  <span className="rate-option-key" aria-hidden="true">
                    {i + 1}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <p className="rate-hint">{failed ? <span className="error">{text.retry}</span> : text.hint}</p>
      </section>
    );
  } else if (phase.kind === 'dossier') {
    const { pending } = phase;
    body = (
      <DossierRatingForm
        key={pending.dossierId}
        scale={pending.scale}
        criteria={pending.criteria}
        about={<p className="rate-about">{fill(text.dossierAbout, { code: pending.code, procedure: pending.procedureName })}</p>}
        busy={sending}
        error={failed ? text.retry : null}
        onSend={(answer) => void submitDossier(pending, answer)}
        onScreenKeyboard
        onActivity={() => setLastTouch(Date.now() + clockOffset.current)}
        answerRef={dossierAnswer}
      />
    );
  } else if (phase.kind === 'thanks') {
    body = (
      <section className="rate-thanks" role="status">
        <Face mood={1} colour={moodColour(1)} />
        <h1>{text.thanks}</h1>
        <p>{text.thanksSub}</p>
      </section>
    );
  } else {
    body = (
      <section className="rate-idle">
        {counter && <p className="rate-counter">{fill(text.counter, { n: counter.number })}</p>}
        {counter?.officerName && <p className="rate-officer">{fill(text.officer, { name: counter.officerName })}</p>}
        <p className="rate-welcome">{text.welcome}</p>
        <p className="rate-welcome-sub">{text.welcomeSub}</p>
      </section>
    );
  }

  return (
    <main className={`rate rate-${phase.kind}`}>
      <LangSwitch className="lang-switch rate-lang" />
      {body}
      {offline && (
        <p className="rate-offline" role="status">
          {text.offline}
        </p>
      )}
    </main>
  );
}

function keyOf(p: PendingRating): string {
  return `${p.ticketId}#${p.serveNo}`;
}

function dossierKeyOf(p: PendingDossierRating): string {
  return `dossier#${p.dossierId}`;
}

function Face({ mood, colour }: { mood: number; colour: string }) {
  return (
    <svg className="rate-face" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill={colour} />
      <circle cx="35" cy="40" r="6.5" fill="#fff" />
      <circle cx="65" cy="40" r="6.5" fill="#fff" />
      <path d={mouthPath(mood)} fill="none" stroke="#fff" strokeWidth="7" strokeLinecap="round" />
    </svg>
  );
}
