/**
 * The citizen's phone page at /t/<code> (the QR code on the slip): where they stand in the queue,
 * updated live, and a loud, unmistakable "your turn" when they are called. No login: the code is
 * the key. Reconnects by itself when the phone wakes up or the network comes back.
 */
import { useEffect, useRef, useState } from 'react';
import type { PublicTicket } from '../../contracts/api';
import type { Lang } from '../../contracts/lang';
import { api, ApiError } from '../shared/api';
import { fill, formatMinutes, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { chime } from '../shared/speech';
import './ticket.css';

const TEXT: Dictionary<
  | 'loading'
  | 'number'
  | 'priority'
  | 'field'
  | 'issuedAt'
  | 'waiting'
  | 'ahead'
  | 'aheadNone'
  | 'wait'
  | 'waitUnknown'
  | 'waitSoon'
  | 'calledTitle'
  | 'calledCounter'
  | 'serving'
  | 'parked'
  | 'done'
  | 'noShow'
  | 'cancelled'
  | 'notFound'
  | 'notFoundHint'
  | 'oldDay'
  | 'cancel'
  | 'cancelConfirm'
  | 'cancelYes'
  | 'cancelNo'
  | 'soundOn'
  | 'soundIsOn'
  | 'keepOpen'
  | 'reconnecting'
  | 'titleCalled'
> = {
  vi: {
    loading: 'Đang tải…',
    number: 'Số thứ tự',
    priority: 'Ưu tiên',
    field: 'Lĩnh vực',
    issuedAt: 'Lấy số lúc',
    waiting: 'Đang chờ đến lượt',
    ahead: 'Trước ông/bà còn {n} người',
    aheadNone: 'Ông/bà là người tiếp theo',
    wait: 'Thời gian chờ dự kiến',
    waitUnknown: 'chưa xác định',
    waitSoon: 'sắp đến lượt',
    calledTitle: 'Đến lượt ông/bà!',
    calledCounter: 'Mời đến quầy số {n}',
    serving: 'Ông/bà đang được phục vụ tại quầy số {n}',
    parked: 'Hồ sơ đang tạm gác. Cán bộ sẽ gọi lại ông/bà, vui lòng chờ gần quầy.',
    done: 'Đã giải quyết xong. Cảm ơn ông/bà!',
    noShow: 'Ông/bà đã không có mặt khi được gọi. Vui lòng liên hệ cán bộ tại quầy hoặc lấy số mới.',
    cancelled: 'Số thứ tự này đã được hủy.',
    notFound: 'Không tìm thấy số thứ tự này',
    notFoundHint: 'Vui lòng quét lại mã QR trên phiếu, hoặc hỏi cán bộ hướng dẫn.',
    oldDay: 'Phiếu của ngày {day} – chỉ có giá trị trong ngày.',
    cancel: 'Hủy số này',
    cancelConfirm: 'Ông/bà chắc chắn muốn hủy số {n}? Sau khi hủy, muốn làm thủ tục phải lấy số mới.',
    cancelYes: 'Có, hủy số',
    cancelNo: 'Không, giữ số',
    soundOn: 'Bật chuông báo khi đến lượt',
    soundIsOn: 'Chuông báo đã bật',
    keepOpen: 'Hãy để trang này mở. Điện thoại sẽ rung và đổ chuông khi đến lượt.',
    reconnecting: 'Đang kết nối lại…',
    titleCalled: 'Đến lượt! Quầy {n}',
  },
  en: {
    loading: 'Loading…',
    number: 'Your number',
    priority: 'Priority',
    field: 'Field',
    issuedAt: 'Taken at',
    waiting: 'Waiting for your turn',
    ahead: '{n} people before you',
    aheadNone: 'You are next',
    wait: 'Estimated wait',
    waitUnknown: 'not known yet',
    waitSoon: 'very soon',
    calledTitle: 'It is your turn!',
    calledCounter: 'Please go to counter {n}',
    serving: 'You are being served at counter {n}',
    parked: 'Your case is on hold. Staff will call you again; please stay near the counter.',
    done: 'All done. Thank you!',
    noShow: 'You were not there when called. Please ask staff at the counter or take a new number.',
    cancelled: 'This number has been cancelled.',
    notFound: 'This number was not found',
    notFoundHint: 'Please scan the QR code on your ticket again, or ask staff for help.',
    oldDay: 'Ticket of {day} – valid on that day only.',
    cancel: 'Cancel this number',
    cancelConfirm: 'Cancel number {n}? You will need a new number to be served.',
    cancelYes: 'Yes, cancel it',
    cancelNo: 'No, keep it',
    soundOn: 'Ring when it is my turn',
    soundIsOn: 'Ringing is on',
    keepOpen: 'Keep this page open. Your phone will vibrate and ring when it is your turn.',
    reconnecting: 'Reconnecting…',
    titleCalled: 'Your turn! Counter {n}',
  },
};

const RETRY_MS = 3000;

export default function TicketPage({ code }: { code: string }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [missing, setMissing] = useState(false);
  const [live, setLive] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [soundOn, setSoundOn] = useState(false);
  const notifiedCall = useRef<string | null>(null);

  useEffect(() => {
    let closed = false;
    let source: EventSource | null = null;
    let timer: number | null = null;
    const path = `/api/v1/public/tickets/${encodeURIComponent(code)}`;

    const schedule = () => {
      if (closed || timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        void start();
      }, RETRY_MS);
    };
    const connect = () => {
      source?.close();
      source = new EventSource(`${path}/stream`);
      source.onopen = () => setLive(true);
      source.addEventListener('ticket', (message) => {
        setTicket(JSON.parse((message as MessageEvent<string>).data) as PublicTicket);
        setLive(true);
      });
      source.onerror = () => {
        setLive(false);
        // The browser retries network errors by itself; after an HTTP error it gives up, so do we.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          source = null;
          schedule();
        }
      };
    };
    const start = async () => {
      try {
        const fresh = await api<PublicTicket>('GET', path);
        if (closed) return;
        setTicket(fresh);
        setMissing(false);
        connect();
      } catch (e) {
        if (closed) return;
        if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')) {
          setMissing(true);
          return;
        }
        setLive(false);
        schedule();
      }
    };
    // Phones freeze background pages; when the page comes back, make sure the stream is alive.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && (!source || source.readyState === EventSource.CLOSED)) void start();
    };
    document.addEventListener('visibilitychange', onVisible);
    void start();
    return () => {
      closed = true;
      source?.close();
      if (timer !== null) window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [code]);

  // "Your turn": vibrate and ring once per call (a recall rings again).
  useEffect(() => {
    if (!ticket || ticket.status !== 'called') return;
    const key = `${ticket.calledAt ?? ''}|${ticket.counterNumber ?? ''}`;
    if (notifiedCall.current === key) return;
    notifiedCall.current = key;
    try {
      navigator.vibrate?.([400, 200, 400, 200, 800]);
    } catch {
      // Not every browser allows vibration.
    }
    void chime();
  }, [ticket]);

  useEffect(() => {
    if (!ticket) return;
    document.title =
      ticket.status === 'called' && ticket.counterNumber !== null
        ? fill(text.titleCalled, { n: ticket.counterNumber })
        : `${ticket.displayNumber} – ${ticket.centreName}`;
  }, [ticket, text]);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      setTicket(await api<PublicTicket>('POST', `/api/v1/public/tickets/${encodeURIComponent(code)}/cancel?lang=${lang}`));
      setConfirming(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const enableSound = () => {
    void chime();
    try {
      navigator.vibrate?.(200);
    } catch {
      // ignore
    }
    setSoundOn(true);
  };

  if (missing) {
    return (
      <main className="tp tp-missing">
        <LangSwitch className="lang-switch tp-lang" />
        <div className="tp-card" role="alert">
          <h1>{text.notFound}</h1>
          <p className="tp-code">{code}</p>
          <p>{text.notFoundHint}</p>
        </div>
      </main>
    );
  }
  if (!ticket) {
    return (
      <main className="tp">
        <p className="tp-loading">{text.loading}</p>
      </main>
    );
  }

  const fieldName = lang === 'vi' ? ticket.fieldNameVi : ticket.fieldNameEn;
  const counter = ticket.counterNumber ?? 0;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

  return (
    <main className={`tp is-${ticket.status}`} data-status={ticket.status}>
      <header className="tp-head">
        <span className="tp-centre">{ticket.centreName}</span>
        <LangSwitch className="lang-switch tp-lang" />
      </header>

      {ticket.status === 'called' && (
        <section className="tp-called" role="alert" data-testid="called">
          <p className="tp-called-title">{text.calledTitle}</p>
          <p className="tp-called-counter">{fill(text.calledCounter, { n: counter })}</p>
        </section>
      )}

      <section className="tp-card">
        <p className="tp-label">{text.number}</p>
        <p className="tp-number" data-testid="ticket-number">
          {ticket.displayNumber}
        </p>
        {ticket.priority && <p className="tp-priority">{text.priority}</p>}
        <p className="tp-field">
          <span className="tp-dim">{text.field}: </span>
          {fieldName}
        </p>
        <StatusLine ticket={ticket} />
        {ticket.status === 'waiting' && (
          <dl className="tp-facts">
            <div>
              <dt className="visually-hidden">{text.ahead}</dt>
              <dd className="tp-ahead">
                {ticket.peopleAhead === 0 ? text.aheadNone : fill(text.ahead, { n: ticket.peopleAhead })}
              </dd>
            </div>
            <div>
              <dt>{text.wait}</dt>
              <dd className="tp-wait">
                {ticket.estimatedWaitSeconds === null
                  ? text.waitUnknown
                  : ticket.peopleAhead === 0 && ticket.estimatedWaitSeconds < 60
                    ? text.waitSoon
                    : formatMinutes(ticket.estimatedWaitSeconds, lang)}
              </dd>
            </div>
          </dl>
        )}
        <p className="tp-issued">
          {text.issuedAt} {formatTime(ticket.issuedAt, lang)}
        </p>
        {ticket.serviceDay !== today && <p className="tp-old">{fill(text.oldDay, { day: formatDay(ticket.serviceDay) })}</p>}
      </section>

      {(ticket.status === 'waiting' || ticket.status === 'parked') && (
        <section className="tp-tools">
          <p className="tp-keep">{text.keepOpen}</p>
          <button type="button" className={`tp-sound${soundOn ? ' is-on' : ''}`} onClick={enableSound} aria-pressed={soundOn}>
            <BellIcon on={soundOn} /> {soundOn ? text.soundIsOn : text.soundOn}
          </button>
        </section>
      )}

      {ticket.status === 'waiting' && (
        <section className="tp-cancel">
          {confirming ? (
            <div className="tp-confirm" role="alertdialog" aria-labelledby="tp-confirm-text">
              <p id="tp-confirm-text">{fill(text.cancelConfirm, { n: ticket.displayNumber })}</p>
              <div className="tp-confirm-actions">
                <button type="button" className="tp-danger" onClick={() => void cancel()} disabled={busy}>
                  {text.cancelYes}
                </button>
                <button type="button" className="tp-plain" onClick={() => setConfirming(false)} disabled={busy} autoFocus>
                  {text.cancelNo}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="tp-plain" onClick={() => setConfirming(true)}>
              {text.cancel}
            </button>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}

      {!live && (
        <p className="tp-offline" role="status">
          {text.reconnecting}
        </p>
      )}
    </main>
  );
}

function StatusLine({ ticket }: { ticket: PublicTicket }) {
  const text = useText(TEXT);
  const n = ticket.counterNumber ?? 0;
  const line = (() => {
    switch (ticket.status) {
      case 'waiting':
        return text.waiting;
      case 'called':
        return fill(text.calledCounter, { n });
      case 'serving':
        return fill(text.serving, { n });
      case 'parked':
        return text.parked;
      case 'done':
        return text.done;
      case 'no-show':
        return text.noShow;
      case 'cancelled':
        return text.cancelled;
    }
  })();
  return (
    <p className="tp-status" data-testid="ticket-status">
      {line}
    </p>
  );
}

function BellIcon({ on }: { on: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" style={{ verticalAlign: '-0.2em' }}>
      <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6z" fill={on ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <path d="M9.5 19a2.5 2.5 0 0 0 5 0" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
