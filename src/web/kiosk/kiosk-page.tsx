/**
 * The queue kiosk in the hall. The flow lives in kiosk-machine.ts; this page draws the current
 * state, turns touches, keys and timers into the machine's events, and performs the side effects
 * a state asks for (issuing a number, printing the slip).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { BoardState, CentreInfo, IssuedTicket } from '../../contracts/api';
import type { Lang } from '../../contracts/lang';
import { FACE_FRAMES_PER_TEMPLATE, FALLBACK_FACE_MODEL_ID } from '../../contracts/face';
import { api, ApiError } from '../shared/api';
import { DevicePairing } from '../shared/device-pairing';
import { fill, formatMinutes, LangScope, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { openLiveStream } from '../shared/live-stream';
import { announce } from '../shared/speech';
import type { CameraStatus, KioskCamera } from './camera/kiosk-camera';
import type { TouchlessView } from './camera/touchless';
import {
  CameraBadge,
  CheckingScreen,
  ConsentScreen,
  FACE_TEXT,
  HowToChoose,
  NotLiveScreen,
  OneAtATimeBanner,
  PhoneScreen,
  PointerOverlay,
  RecognisedScreen,
  RememberConfirmScreen,
  ReuseConfirmScreen,
  ResultsScreen,
  SeveralFacesScreen,
} from './face-screens';
import {
  countsAsActivity,
  eventForKey,
  faceOffered,
  initialKioskState,
  isChoosingScreen,
  ISSUE_TIMEOUT_CODE,
  needsDeliberateChoice,
  nextKioskState,
  timeoutFor,
  type KioskEvent,
  type KioskMenu,
  type KioskState,
  type ReadyResult,
} from './kiosk-machine';
import { QrCode } from './qr-code';
import { KioskPaknEntry } from './kiosk-pakn';
import { catalogueUrlBeside, isGuidanceField } from '../public/guidance-field';
import './kiosk.css';

const TEXT: Dictionary<
  | 'loading'
  | 'takeNumber'
  | 'touchToStart'
  | 'touchHint'
  | 'chooseTitle'
  | 'chooseHint'
  | 'waiting'
  | 'waitingNone'
  | 'priorityButton'
  | 'priorityTitle'
  | 'priorityHint'
  | 'priorityNo'
  | 'priorityChosen'
  | 'priorityNext'
  | 'clearPriority'
  | 'back'
  | 'issuing'
  | 'yourNumber'
  | 'priority'
  | 'goTo'
  | 'counters'
  | 'ahead'
  | 'aheadLabel'
  | 'aheadNone'
  | 'wait'
  | 'waitUnknown'
  | 'waitSoon'
  | 'takenAt'
  | 'qr'
  | 'qrCatalogue'
  | 'notice'
  | 'slip'
  | 'done'
  | 'autoReturn'
  | 'errorTitle'
  | 'errorTimeout'
  | 'errorAgain'
  | 'noFields'
  | 'offline'
> = {
  vi: {
    loading: 'Đang tải…',
    takeNumber: 'LẤY SỐ THỨ TỰ',
    touchToStart: 'Chạm vào màn hình để lấy số',
    touchHint: 'Không cần đăng ký, không cần giấy tờ',
    chooseTitle: 'Ông/bà cần làm thủ tục về lĩnh vực nào?',
    chooseHint: 'Chạm vào một ô để lấy số',
    waiting: 'Đang chờ: {n} người',
    waitingNone: 'Không có người chờ',
    priorityButton: 'Tôi thuộc diện ưu tiên',
    priorityTitle: 'Ông/bà thuộc diện ưu tiên nào?',
    priorityHint: 'Chạm vào nhóm phù hợp, sau đó chọn lĩnh vực',
    priorityNo: 'Không – quay lại',
    priorityChosen: 'Ưu tiên: {group}',
    priorityNext: 'Bây giờ mời chọn lĩnh vực',
    clearPriority: 'Bỏ ưu tiên',
    back: 'Quay lại',
    issuing: 'Đang lấy số, xin chờ giây lát…',
    yourNumber: 'Số thứ tự của ông/bà',
    priority: 'ƯU TIÊN',
    goTo: 'Mời đến',
    counters: 'Quầy {list}',
    ahead: '{n} người',
    aheadLabel: 'Phía trước còn',
    aheadNone: 'Không còn ai',
    wait: 'Thời gian chờ dự kiến',
    waitUnknown: 'chưa xác định',
    waitSoon: 'sắp đến lượt',
    takenAt: 'Lấy số lúc {time}',
    qr: 'Quét mã để theo dõi số trên điện thoại',
    qrCatalogue: 'Quét mã để xem thủ tục, giấy tờ cần chuẩn bị',
    notice: 'Vui lòng chú ý màn hình và loa gọi số',
    slip: 'Mời nhận phiếu số thứ tự ở khe máy in',
    done: 'Xong',
    autoReturn: 'Màn hình tự trở về sau {s} giây',
    errorTitle: 'Chưa lấy được số',
    errorTimeout: 'Hệ thống đang phản hồi chậm. Mời ông/bà thử lại hoặc hỏi cán bộ hướng dẫn.',
    errorAgain: 'Chọn lại',
    noFields: 'Hiện chưa có lĩnh vực nào nhận số. Mời ông/bà hỏi cán bộ hướng dẫn.',
    offline: 'Mất kết nối – đang kết nối lại…',
  },
  en: {
    loading: 'Loading…',
    takeNumber: 'TAKE A NUMBER',
    touchToStart: 'Touch the screen to take a number',
    touchHint: 'No registration, no documents needed',
    chooseTitle: 'What do you need help with?',
    chooseHint: 'Touch a tile to take a number',
    waiting: 'Waiting: {n}',
    waitingNone: 'Nobody waiting',
    priorityButton: 'I am entitled to priority',
    priorityTitle: 'Which priority group are you in?',
    priorityHint: 'Touch your group, then choose the field',
    priorityNo: 'No – go back',
    priorityChosen: 'Priority: {group}',
    priorityNext: 'Now choose the field',
    clearPriority: 'Remove priority',
    back: 'Back',
    issuing: 'Taking your number, one moment…',
    yourNumber: 'Your number',
    priority: 'PRIORITY',
    goTo: 'Go to',
    counters: 'Counter {list}',
    ahead: '{n} people',
    aheadLabel: 'Ahead of you',
    aheadNone: 'Nobody',
    wait: 'Estimated wait',
    waitUnknown: 'not known yet',
    waitSoon: 'very soon',
    takenAt: 'Taken at {time}',
    qr: 'Scan to follow your number on your phone',
    qrCatalogue: 'Scan to read the procedures and the documents to bring',
    notice: 'Please watch the screen and listen for your number',
    slip: 'Please take your ticket from the printer',
    done: 'Done',
    autoReturn: 'This screen resets in {s} s',
    errorTitle: 'No number was issued',
    errorTimeout: 'The system is responding slowly. Please try again or ask staff for help.',
    errorAgain: 'Choose again',
    noFields: 'No field is issuing numbers right now. Please ask staff for help.',
    offline: 'Connection lost – reconnecting…',
  },
};

export default function KioskPage() {
  return <DevicePairing kind="kiosk">{() => <Kiosk />}</DevicePairing>;
}

/** Other input sources (a camera module) dispatch this DOM event with a KioskEvent as detail. */
export const KIOSK_INPUT_EVENT = 'motcua:kiosk-input';

/** Performance marks the kiosk leaves (bench/kiosk-face-bench.ts reads them). */
export const MARK_TICKET_SHOWN = 'motcua-ticket-shown';

const NO_POINTER: TouchlessView = { cursor: null, target: null, progress: 0 };

/** Screens where the camera has no part of the visit (nothing is described, nothing is kept). */
const OUTSIDE_VISIT: ReadonlySet<KioskState['kind']> = new Set(['attract', 'several-faces', 'issuing', 'reuse-confirm', 'showing-ticket', 'error']);

/** The screen's choices in index order, normalised to the viewport (what the hand cursor points at). */
function readTiles() {
  const w = window.innerWidth || 1;
  const h = window.innerHeight || 1;
  return [...document.querySelectorAll<HTMLElement>('[data-choice]')]
    .sort((a, b) => Number(a.dataset.choice) - Number(b.dataset.choice))
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left / w, y: r.top / h, width: r.width / w, height: r.height / h };
    });
}

const CAMERA_EVENTS: ReadonlySet<KioskEvent['type']> = new Set(['presence', 'faces', 'track-reset', 'liveness', 'captured']);

function Kiosk() {
  const [centre, setCentre] = useState<CentreInfo | null>(null);
  const [waiting, setWaiting] = useState<Record<string, number>>({});
  const [offline, setOffline] = useState(false);
  const [state, dispatch] = useReducer(nextKioskState, undefined, () => initialKioskState());
  const [activity, setActivity] = useState(0);
  const [deadline, setDeadline] = useState<number | null>(null);
  const [printJob, setPrintJob] = useState<{ code: string; lang: Lang } | null>(null);
  // The visit's language is the machine's (every visit starts in Vietnamese): the screens below read it
  // through LangScope, this component directly.
  const { lang } = state;
  const text = TEXT[lang];
  const faceText = FACE_TEXT[lang];
  const [cameraStatus, setCameraStatus] = useState<CameraStatus>('off');
  const [pointer, setPointer] = useState<TouchlessView>(NO_POINTER);
  const cameraRef = useRef<KioskCamera | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const loadCentre = useCallback(async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const info = await api<CentreInfo>('GET', '/api/v1/centre');
        setCentre(info);
        return;
      } catch {
        await sleep(Math.min(10_000, 1000 * 2 ** attempt));
      }
    }
  }, []);

  // Centre, live waiting counts, and the stream that keeps both fresh.
  useEffect(() => {
    let closed = false;
    let stream: ReturnType<typeof openLiveStream> | null = null;
    const loadState = async (): Promise<BoardState> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await api<BoardState>('GET', '/api/v1/display/state');
        } catch {
          await sleep(Math.min(10_000, 1000 * 2 ** attempt));
        }
      }
    };
    void loadCentre();
    void loadState().then((board) => {
      if (closed) return;
      setWaiting(board.waitingByField);
      stream = openLiveStream(board.cursor, {
        onEvent: (event) => {
          if (event.type === 'config.changed') void loadCentre();
        },
        onCounts: (message) => setWaiting(message.waitingByField),
        onReset: () => {
          void loadState().then((fresh) => {
            if (closed) return;
            setWaiting(fresh.waitingByField);
            stream?.restart(fresh.cursor);
          });
        },
        onStatus: (status) => setOffline(status === 'offline'),
      });
    });
    return () => {
      closed = true;
      stream?.close();
    };
  }, [loadCentre]);

  const fields = useMemo(
    () => (centre?.fields ?? []).filter((f) => f.active).sort((a, b) => a.sortOrder - b.sortOrder),
    [centre],
  );
  const groups = useMemo(() => (centre?.priorityGroups ?? []).filter((g) => g.active), [centre]);

  const faceEnabled = centre?.settings.faceEnabled === true;
  // The model the centre decides with: a change (installed, or chosen by an admin) restarts the camera.
  const faceModel = centre?.facePolicy.model ?? null;
  const rememberEnabled = centre?.settings.faceRememberEnabled === true;
  const speechRate = centre?.settings.speechRate ?? 1;

  useEffect(() => {
    const menu: KioskMenu = {
      fields: fields.map((f) => f.id),
      priorityGroups: groups.map((g) => g.id),
      face: { available: faceEnabled && cameraStatus === 'ready', remember: rememberEnabled },
    };
    dispatch({ type: 'menu-loaded', menu });
  }, [fields, groups, faceEnabled, rememberEnabled, cameraStatus]);

  const send = useCallback((event: KioskEvent) => {
    if (countsAsActivity(stateRef.current, event)) setActivity((n) => n + 1);
    dispatch(event);
  }, []);
  const setVisitLang = useCallback((next: Lang) => send({ type: 'set-lang', lang: next }), [send]);

  // The camera runs only when the centre enables the face; without it the kiosk is touch and keys.
  // A camera that fails to start (unplugged, busy, models not loaded) is tried again later: a kiosk
  // runs all day, and the face comes back by itself once the camera does.
  useEffect(() => {
    if (!faceEnabled || !faceModel) return;
    let cancelled = false;
    let camera: KioskCamera | null = null;
    let retry: number | undefined;
    const start = (attempt: number) => {
      setCameraStatus('starting');
      const giveUpFor = () => {
        setPointer(NO_POINTER);
        setCameraStatus('unavailable');
        retry = window.setTimeout(() => start(attempt + 1), Math.min(60_000, 5_000 * 2 ** attempt));
      };
      import('./camera/kiosk-camera')
        .then((m) =>
          m.startKioskCamera({
            // What the camera sees is not the citizen acting: it does not restart the inactivity wait.
            onEvent: (event) => (CAMERA_EVENTS.has(event.type) ? dispatch(event) : send(event)),
            onPointer: setPointer,
            tiles: readTiles,
            onLost: () => {
              if (cancelled) return;
              console.warn('kiosk: the camera stopped; carrying on by touch and keys');
              camera?.stop();
              camera = null;
              cameraRef.current = null;
              giveUpFor();
            },
          }, { model: faceModel }),
        )
        .then((started) => {
          if (cancelled) return started.stop();
          camera = started;
          cameraRef.current = started;
          // Diagnostics for the IT person and the bench (timings only, nothing about any face).
          (window as unknown as { motcuaKioskCamera?: () => unknown }).motcuaKioskCamera = () => started.stats();
          setCameraStatus('ready');
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          console.warn('kiosk: taking numbers with the face is unavailable for now', error);
          giveUpFor();
        });
    };
    start(0);
    return () => {
      cancelled = true;
      window.clearTimeout(retry);
      camera?.stop();
      cameraRef.current = null;
      setPointer(NO_POINTER);
      setCameraStatus('off');
    };
  }, [faceEnabled, faceModel, send]);

  // Tell the camera what the screen needs: describe the face only after consent, report "not live"
  // only while checking, follow hands and head gestures only where there are choices.
  const consent = state.visit.consent;
  const collect = !OUTSIDE_VISIT.has(state.kind) && (consent === 'today' || consent === 'remember');
  const choosing = isChoosingScreen(state);
  const deliberate = needsDeliberateChoice(state);
  useEffect(() => {
    cameraRef.current?.setMode({
      checking: state.kind === 'checking',
      collect,
      choosing,
      // Head gestures read the face: not for someone who said no to the face (hand and touch still work).
      headGestures: consent !== 'declined',
      screen: state.kind,
      deliberate,
    });
  }, [state.kind, collect, choosing, consent, deliberate, cameraStatus]);

  // A visit ends on the idle screen: the person still standing there does not wake it again.
  const previousKind = useRef(state.kind);
  const saidOneAtATime = useRef(0);
  useEffect(() => {
    const previous = previousKind.current;
    previousKind.current = state.kind;
    if (state.kind === previous) return;
    if (state.kind === 'attract') {
      cameraRef.current?.endVisit();
      // The timing marks of the visit that ended (a kiosk runs all day).
      performance.getEntriesByType('mark').forEach((m) => m.name.startsWith('motcua-') && performance.clearMarks(m.name));
    } else {
      performance.mark(`motcua-screen-${state.kind}`);
    }
    if (state.kind === 'showing-ticket') performance.mark(MARK_TICKET_SHOWN);
    // The voice: a greeting, and the few moments where a citizen must be told what to do.
    const say = (words: string) => announce(words, { lang, rate: speechRate, repeat: 1 });
    if (state.kind === 'consent' && (previous === 'attract' || previous === 'several-faces')) say(faceText.sayHello);
    else if (state.kind === 'several-faces' && Date.now() - saidOneAtATime.current > 20_000) {
      // A group lingering at the edge of the distance must not make the kiosk repeat itself.
      saidOneAtATime.current = Date.now();
      say(faceText.sayOneAtATime);
    }
    else if (state.kind === 'remember-confirm') say(faceText.sayRememberConfirm);
    else if (state.kind === 'choosing-field' && (previous === 'consent' || previous === 'remember-confirm' || previous === 'phone')) say(faceText.sayChooseField);
    else if (state.kind === 'not-live') say(faceText.sayNotLive);
    else if (state.kind === 'recognised' && previous !== 'confirming') say(faceText.sayRecognised);
    else if (state.kind === 'reuse-confirm') {
      say(fill(faceText.sayReuseQuestion, { number: state.issued.ticket.displayNumber.split('').join(' ') }));
    } else if (state.kind === 'showing-ticket' && state.reused && previous !== 'reuse-confirm') {
      say(fill(faceText.sayAlreadyHave, { number: state.issued.ticket.displayNumber.split('').join(' ') }));
    }
  }, [state, lang, speechRate, faceText]);

  // Ask for a blink or a turn only when that is what is missing (not while the template is averaged).
  const askedNow = state.kind === 'checking' && state.asked && !state.visit.live;
  useEffect(() => {
    if (askedNow) announce(faceText.sayAsk, { lang, rate: speechRate, repeat: 1 });
  }, [askedNow, faceText, lang, speechRate]);

  // Keyboard, and events from other input sources.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      setActivity((n) => n + 1);
      cameraRef.current?.noteInput();
      const focused = document.activeElement;
      // A focused button (a tile, "back", the language switch) answers Enter and Space itself.
      if ((e.key === 'Enter' || e.key === ' ') && focused instanceof HTMLButtonElement) return;
      const event = eventForKey(e.key, stateRef.current);
      if (!event) return;
      e.preventDefault();
      dispatch(event);
    };
    const onInput = (e: Event) => {
      const detail = (e as CustomEvent<KioskEvent>).detail;
      if (detail && typeof detail === 'object' && 'type' in detail) send(detail);
    };
    const onPointer = () => {
      setActivity((n) => n + 1);
      cameraRef.current?.noteInput();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener(KIOSK_INPUT_EVENT, onInput);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener(KIOSK_INPUT_EVENT, onInput);
    };
  }, [send]);

  // Inactivity: the machine says how long each screen waits; any input restarts the wait. What the
  // camera reports changes the state too, but only a new screen or the citizen's input restarts it.
  const waitMs = timeoutFor(state);
  useEffect(() => {
    if (waitMs === null) {
      setDeadline(null);
      return;
    }
    setDeadline(Date.now() + waitMs);
    const timer = window.setTimeout(() => dispatch({ type: 'timeout' }), waitMs);
    return () => window.clearTimeout(timer);
  }, [state.kind, waitMs, state.lastRequestId, activity]);

  // Requests: one per requestId, even if React runs the effect twice.
  const sent = useRef(new Set<number>());

  // A returning citizen? Asked once per face, after consent, with the template only (never an image).
  useEffect(() => {
    const recognition = state.visit.recognition;
    const template = state.visit.template;
    if (recognition.status !== 'asking' || !template || sent.current.has(recognition.requestId)) return;
    const { requestId } = recognition;
    sent.current.add(requestId);
    api<{ candidate: string | null }>('POST', `/api/v1/kiosk/recognise?lang=${lang}`, {
      capture: { model: state.visit.model ?? FALLBACK_FACE_MODEL_ID, template, live: true, frames: FACE_FRAMES_PER_TEMPLATE },
    })
      .then((answer) => dispatch({ type: 'recognition-answer', requestId, candidate: answer.candidate }))
      // No answer is no recognition: the citizen simply takes a number.
      .catch(() => dispatch({ type: 'recognition-answer', requestId, candidate: null }));
  }, [state, lang]);

  // The second factor: nothing personal is shown before the digits are confirmed.
  useEffect(() => {
    if (state.kind !== 'confirming' || sent.current.has(state.requestId)) return;
    const { requestId, digits } = state;
    sent.current.add(requestId);
    const recognition = state.visit.recognition;
    if (recognition.status !== 'candidate') {
      dispatch({ type: 'confirm-failed', requestId, message: '', final: true });
      return;
    }
    api<{ results: ReadyResult[] }>('POST', `/api/v1/kiosk/recognise/${encodeURIComponent(recognition.token)}/confirm?lang=${lang}`, {
      phoneHint: digits,
    })
      .then((answer) => dispatch({ type: 'confirm-answer', requestId, results: answer.results }))
      .catch((error: unknown) => {
        const code = error instanceof ApiError ? error.code : 'INTERNAL_ERROR';
        const message = error instanceof Error ? error.message : String(error);
        dispatch({ type: 'confirm-failed', requestId, message, final: code !== 'FACE_SECOND_FACTOR_WRONG' });
      });
  }, [state, lang]);

  // Issuing.
  useEffect(() => {
    if (state.kind !== 'issuing' || sent.current.has(state.requestId)) return;
    const { requestId, fieldId, priorityGroupId, face } = state;
    sent.current.add(requestId);
    // ?lang: refusals (daily cap, closed field) come back in the language on screen.
    api<IssuedTicket>('POST', `/api/v1/tickets?lang=${lang}`, { fieldId, priorityGroupId, lang, ...(face ? { face } : {}) })
      .then((issued) => dispatch({ type: 'issued', requestId, issued }))
      .catch((error: unknown) => {
        const code = error instanceof ApiError ? error.code : 'INTERNAL_ERROR';
        const message = error instanceof Error ? error.message : String(error);
        // The centre now decides with another model: fetch it, and the camera restarts with it.
        if (code === 'FACE_MODEL_CHANGED') void loadCentre();
        dispatch({ type: 'issue-failed', requestId, code, message });
      });
  }, [state, lang, loadCentre]);

  // "Yes, it is my number": told to the server once (an answer lost on the way counts as unanswered).
  useEffect(() => {
    if (state.kind !== 'showing-ticket' || !state.reuseConfirmed || sent.current.has(state.reuseConfirmed.requestId)) return;
    const { requestId, token } = state.reuseConfirmed;
    sent.current.add(requestId);
    api<{ ok: true }>('POST', `/api/v1/kiosk/reuse/${encodeURIComponent(token)}/confirm?lang=${lang}`).catch((error: unknown) => {
      console.warn('kiosk: the answer "this number is mine" did not reach the server', error);
    });
  }, [state, lang]);

  // Printing: the server printed on the network printer, or the browser prints the HTML slip. A number
  // given back is not printed again (the citizen holds its slip; the server does not print it either).
  useEffect(() => {
    if (state.kind !== 'showing-ticket' || state.reused || state.issued.print.status === 'printed') return;
    const code = state.issued.ticket.code;
    setPrintJob((job) => (job?.code === code ? job : { code, lang }));
  }, [state, lang]);

  // Keep keyboard focus on the marked choice so the mark is always visible.
  const highlight =
    state.kind === 'choosing-field' ||
    state.kind === 'choosing-priority' ||
    state.kind === 'consent' ||
    state.kind === 'remember-confirm' ||
    state.kind === 'reuse-confirm' ||
    state.kind === 'not-live'
      ? state.highlight
      : null;
  useEffect(() => {
    if (highlight === null) return;
    const el = document.querySelector<HTMLElement>(`[data-choice="${highlight}"]`);
    if (el && document.activeElement !== el) el.focus();
  }, [highlight, state.kind]);

  const now = useNow(state.kind === 'showing-ticket' || state.kind === 'error' ? 1000 : null);
  const secondsLeft = deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1000));

  const groupName = (id: string | null) => {
    const g = groups.find((x) => x.id === id);
    return g ? (lang === 'vi' ? g.nameVi : g.nameEn) : '';
  };

  const faceOn = faceOffered(state.menu);
  const crowded = faceOn && state.visit.faces > 1;
  let screen: ReactNode;
  if (!centre) {
    screen = <div className="kiosk-center kiosk-loading">{text.loading}</div>;
  } else {
    switch (state.kind) {
      case 'attract':
        screen = (
          <>
            <button type="button" className="kiosk-attract" onClick={() => send({ type: 'wake' })}>
              <span className="kiosk-attract-centre">{centre.centre.name}</span>
              <span className="kiosk-attract-title">{text.takeNumber}</span>
              <TouchIcon />
              <span className="kiosk-attract-touch">{faceOn ? faceText.attractTouch : text.touchToStart}</span>
              <span className="kiosk-attract-hint">{text.touchHint}</span>
            </button>
            <KioskPaknEntry publicBaseUrl={centre.settings.publicBaseUrl} />
          </>
        );
        break;
      case 'several-faces':
        screen = <SeveralFacesScreen onStart={() => send({ type: 'wake' })} />;
        break;
      case 'consent':
        screen = (
          <>
            {crowded && <OneAtATimeBanner />}
            <ConsentScreen menu={state.menu} highlight={state.highlight} send={send} />
          </>
        );
        break;
      case 'remember-confirm':
        screen = <RememberConfirmScreen highlight={state.highlight} send={send} />;
        break;
      case 'phone':
        screen = <PhoneScreen digits={state.digits} send={send} />;
        break;
      case 'checking':
        screen = <CheckingScreen asked={askedNow} crowded={crowded} send={send} />;
        break;
      case 'not-live':
        screen = <NotLiveScreen highlight={state.highlight} reason={state.reason} send={send} />;
        break;
      case 'recognised':
        screen = <RecognisedScreen digits={state.digits} message={state.message} closed={state.closed} send={send} />;
        break;
      case 'confirming':
        screen = (
          <div className="kiosk-center" role="status" aria-live="polite">
            <span className="kiosk-spinner" aria-hidden="true" />
            <p className="kiosk-message">{faceText.confirming}</p>
          </div>
        );
        break;
      case 'results':
        screen = <ResultsScreen results={state.results} send={send} />;
        break;
      case 'choosing-field':
        screen = (
          <section className="kiosk-screen" aria-labelledby="kiosk-title">
            <header className="kiosk-head">
              <button type="button" className="kiosk-back" onClick={() => send({ type: 'back' })}>
                <BackIcon /> {text.back}
              </button>
              <div>
                <h1 id="kiosk-title">{text.chooseTitle}</h1>
                {faceOn ? <HowToChoose /> : <p className="kiosk-sub">{text.chooseHint}</p>}
              </div>
            </header>
            {crowded && <OneAtATimeBanner />}
            {state.priorityGroupId && (
              <div className="kiosk-priority-chosen" role="status">
                <PriorityIcon />
                <span>
                  <strong>{fill(text.priorityChosen, { group: groupName(state.priorityGroupId) })}</strong>
                  <span className="kiosk-priority-next">{text.priorityNext}</span>
                </span>
                <button type="button" onClick={() => send({ type: 'clear-priority' })}>
                  {text.clearPriority}
                </button>
              </div>
            )}
            {fields.length === 0 ? (
              <p className="kiosk-center kiosk-message">{text.noFields}</p>
            ) : (
              <div className="kiosk-tiles">
                {fields.map((f, i) => {
                  const n = waiting[f.id] ?? 0;
                  return (
                    <button
                      key={f.id}
                      type="button"
                      className={`kiosk-tile${highlight === i ? ' is-marked' : ''}`}
                      data-choice={i}
                      onClick={() => send({ type: 'select-field', fieldId: f.id })}
                    >
                      {i < 9 && (
                        <span className="kiosk-tile-key" aria-hidden="true">
                          {i + 1}
                        </span>
                      )}
                      <span className="kiosk-tile-name">{lang === 'vi' ? f.nameVi : f.nameEn}</span>
                      <span className="kiosk-tile-waiting">{n > 0 ? fill(text.waiting, { n }) : text.waitingNone}</span>
                    </button>
                  );
                })}
              </div>
            )}
            {groups.length > 0 && !state.priorityGroupId && (
              <button
                type="button"
                className={`kiosk-priority-button${highlight === fields.length ? ' is-marked' : ''}`}
                data-choice={fields.length}
                onClick={() => send({ type: 'ask-priority' })}
              >
                <PriorityIcon />
                <span>
                  <strong>{text.priorityButton}</strong>
                  <span className="kiosk-priority-groups">
                    {groups.map((g) => (lang === 'vi' ? g.nameVi : g.nameEn)).join(' · ')}
                  </span>
                </span>
              </button>
            )}
          </section>
        );
        break;
      case 'choosing-priority':
        screen = (
          <section className="kiosk-screen" aria-labelledby="kiosk-title">
            <header className="kiosk-head">
              <button type="button" className="kiosk-back" onClick={() => send({ type: 'back' })}>
                <BackIcon /> {text.back}
              </button>
              <div>
                <h1 id="kiosk-title">{text.priorityTitle}</h1>
                <p className="kiosk-sub">{text.priorityHint}</p>
              </div>
            </header>
            <div className="kiosk-tiles kiosk-groups">
              {groups.map((g, i) => (
                <button
                  key={g.id}
                  type="button"
                  className={`kiosk-tile kiosk-group${highlight === i ? ' is-marked' : ''}`}
                  data-choice={i}
                  onClick={() => send({ type: 'select-priority', priorityGroupId: g.id })}
                >
                  {i < 9 && (
                    <span className="kiosk-tile-key" aria-hidden="true">
                      {i + 1}
                    </span>
                  )}
                  <span className="kiosk-tile-name">{lang === 'vi' ? g.nameVi : g.nameEn}</span>
                </button>
              ))}
            </div>
            <button
              type="button"
              className={`kiosk-secondary${highlight === groups.length ? ' is-marked' : ''}`}
              data-choice={groups.length}
              onClick={() => send({ type: 'back' })}
            >
              {text.priorityNo}
            </button>
          </section>
        );
        break;
      case 'issuing':
        screen = (
          <div className="kiosk-center" role="status" aria-live="polite">
            <span className="kiosk-spinner" aria-hidden="true" />
            <p className="kiosk-message">{text.issuing}</p>
          </div>
        );
        break;
      case 'reuse-confirm':
        screen = (
          <ReuseConfirmScreen number={state.issued.ticket.displayNumber} fieldName={state.issued.fieldName} highlight={state.highlight} send={send} />
        );
        break;
      case 'showing-ticket':
        screen = (
          <TicketView
            issued={state.issued}
            reused={state.reused}
            priorityName={groupName(state.issued.ticket.priorityGroupId)}
            secondsLeft={secondsLeft}
            onDone={() => send({ type: 'done' })}
            guidance={isGuidanceField(fields.find((f) => f.id === state.issued.ticket.fieldId))}
          />
        );
        break;
      case 'error':
        screen = (
          <section className="kiosk-center kiosk-error" role="alert">
            <h1>{text.errorTitle}</h1>
            <p className="kiosk-message">{state.code === ISSUE_TIMEOUT_CODE ? text.errorTimeout : state.message}</p>
            <button type="button" className="kiosk-primary" onClick={() => send({ type: 'done' })} autoFocus>
              {text.errorAgain}
            </button>
            {secondsLeft !== null && <p className="kiosk-countdown">{fill(text.autoReturn, { s: secondsLeft })}</p>}
          </section>
        );
        break;
    }
  }

  return (
    <LangScope lang={lang} setLang={setVisitLang}>
      <main className={`kiosk is-${state.kind}`} data-state={state.kind} data-face={cameraStatus} data-lang={lang}>
        {state.kind !== 'issuing' && <LangSwitch className="lang-switch kiosk-lang" />}
        {screen}
        {choosing && <PointerOverlay view={pointer} />}
        {cameraStatus === 'ready' && state.kind !== 'attract' && <CameraBadge />}
        {offline && (
          <p className="kiosk-offline" role="status">
            {text.offline}
          </p>
        )}
        {printJob && (
          <iframe
            key={printJob.code}
            className="kiosk-print-frame"
            title="print"
            aria-hidden="true"
            tabIndex={-1}
            src={`/api/v1/public/tickets/${encodeURIComponent(printJob.code)}/slip?print=1&lang=${printJob.lang}`}
          />
        )}
      </main>
    </LangScope>
  );
}

function TicketView({
  issued,
  reused,
  priorityName,
  secondsLeft,
  onDone,
  guidance = false,
}: {
  issued: IssuedTicket;
  reused: boolean;
  priorityName: string;
  secondsLeft: number | null;
  onDone: () => void;
  /** A guidance ticket: also a QR code to the public procedure catalogue (the kiosk is touchless). */
  guidance?: boolean;
}) {
  const text = useText(TEXT);
  const faceText = useText(FACE_TEXT);
  const { lang } = useLang();
  const { ticket } = issued;
  const wait =
    issued.estimatedWaitSeconds === null
      ? text.waitUnknown
      : issued.peopleAhead === 0 && issued.estimatedWaitSeconds < 60
        ? text.waitSoon
        : formatMinutes(issued.estimatedWaitSeconds, lang);
  return (
    <section className="kiosk-ticket" aria-labelledby="kiosk-ticket-number" data-testid="kiosk-ticket" data-reused={reused}>
      <div className={`kiosk-ticket-card${reused ? ' is-reused' : ''}`}>
        {reused ? (
          <>
            <p className="kiosk-ticket-label kiosk-ticket-reused" data-testid="ticket-reused">
              {faceText.alreadyHave}
            </p>
            <p className="kiosk-ticket-reused-sub">{faceText.alreadyHaveSub}</p>
          </>
        ) : (
          <p className="kiosk-ticket-label">{text.yourNumber}</p>
        )}
        <p id="kiosk-ticket-number" className="kiosk-ticket-number" data-testid="ticket-number">
          {ticket.displayNumber}
        </p>
        {ticket.priorityGroupId && (
          <p className="kiosk-ticket-priority">
            {text.priority}
            {priorityName ? ` – ${priorityName}` : ''}
          </p>
        )}
        <p className="kiosk-ticket-field">{issued.fieldName}</p>
        <dl className="kiosk-ticket-facts">
          <div>
            <dt>{text.goTo}</dt>
            <dd className="kiosk-ticket-counters">
              {issued.counterNumbers.length > 0 ? fill(text.counters, { list: issued.counterNumbers.join(', ') }) : '—'}
            </dd>
          </div>
          <div>
            <dt>{text.aheadLabel}</dt>
            <dd>{issued.peopleAhead === 0 ? text.aheadNone : fill(text.ahead, { n: issued.peopleAhead })}</dd>
          </div>
          <div>
            <dt>{text.wait}</dt>
            <dd>{wait}</dd>
          </div>
        </dl>
        <p className="kiosk-ticket-time">{fill(text.takenAt, { time: formatDateTime(ticket.issuedAt, lang) })}</p>
      </div>
      <aside className="kiosk-ticket-side">
        <QrCode className="kiosk-qr" text={issued.trackUrl} label={text.qr} />
        <p className="kiosk-qr-caption">{text.qr}</p>
        {guidance && (
          <>
            <QrCode className="kiosk-qr kiosk-qr-catalogue" text={catalogueUrlBeside(issued.trackUrl)} label={text.qrCatalogue} />
            <p className="kiosk-qr-caption" data-testid="catalogue-qr">
              {text.qrCatalogue}
            </p>
          </>
        )}
      </aside>
      <p className="kiosk-notice">
        <SpeakerIcon /> {text.notice}
      </p>
      <div className="kiosk-ticket-actions">
        <p className="kiosk-slip">{text.slip}</p>
        <button type="button" className="kiosk-primary" onClick={onDone} autoFocus>
          {text.done}
        </button>
        {secondsLeft !== null && <span className="kiosk-countdown">{fill(text.autoReturn, { s: secondsLeft })}</span>}
      </div>
    </section>
  );
}

function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function TouchIcon() {
  return (
    <svg className="kiosk-touch-icon" viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="30" cy="14" r="9" fill="none" stroke="currentColor" strokeWidth="3" opacity="0.6" />
      <path
        d="M26 14a4 4 0 0 1 8 0v18l2-1a4 4 0 0 1 4 0l1 1a4 4 0 0 1 5 0l1 1a4 4 0 0 1 5 3v12c0 8-6 13-13 13h-4c-5 0-8-2-11-6l-9-12a4 4 0 0 1 6-5l5 5z"
        fill="currentColor"
      />
    </svg>
  );
}

function BackIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path d="M15 4 7 12l8 8" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function PriorityIcon() {
  return (
    <svg className="kiosk-priority-icon" viewBox="0 0 48 48" aria-hidden="true">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <circle cx="22" cy="11" r="4" fill="#fff" />
      <path d="M21 17h4v10h7l4 11h-4l-3-7h-8z" fill="#fff" />
      <path d="M19 22a9 9 0 1 0 11 13" fill="none" stroke="#fff" strokeWidth="3" />
    </svg>
  );
}

function SpeakerIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" style={{ verticalAlign: '-0.15em' }}>
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      <path d="M16 8a5 5 0 0 1 0 8M19 5a9 9 0 0 1 0 14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
