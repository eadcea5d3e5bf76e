/**
 * The kiosk's face screens: greeting and consent, the phone keypad, "one at a time", the liveness
 * check and its calm retry, the returning citizen's prompt and results, and the cursor with its
 * filling ring. They draw the machine's state (kiosk-machine.ts) and send its events; nothing here
 * decides the flow.
 */
import type { ReactNode } from 'react';
import { fill, useText, type Dictionary } from '../shared/i18n';
import {
  consentChoices,
  PHONE_DIGITS,
  REMEMBER_CONFIRM_CHOICES,
  REUSE_CONFIRM_CHOICES,
  type FaceConsent,
  type KioskEvent,
  type KioskMenu,
  type ReadyResult,
} from './kiosk-machine';
import type { TouchlessView } from './camera/touchless';

export const FACE_TEXT: Dictionary<
  | 'attractTouch'
  | 'attractHint'
  | 'hello'
  | 'consentQuestion'
  | 'consentWhy'
  | 'consentWhyRemember'
  | 'today'
  | 'todaySub'
  | 'remember'
  | 'rememberSub'
  | 'decline'
  | 'declineSub'
  | 'rememberConfirmTitle'
  | 'rememberConfirmText'
  | 'rememberYes'
  | 'rememberYesSub'
  | 'rememberNo'
  | 'rememberNoSub'
  | 'howToChoose'
  | 'oneAtATime'
  | 'oneAtATimeSub'
  | 'phoneTitle'
  | 'phoneWhy'
  | 'keypadErase'
  | 'keypadDone'
  | 'back'
  | 'withoutFace'
  | 'checkingTitle'
  | 'checkingLook'
  | 'checkingAsk'
  | 'checkingAskSub'
  | 'notLiveTitle'
  | 'notLiveText'
  | 'retry'
  | 'recognisedTitle'
  | 'recognisedText'
  | 'skip'
  | 'continue'
  | 'confirming'
  | 'resultsTitle'
  | 'resultReady'
  | 'resultCounter'
  | 'resultAsk'
  | 'cameraOn'
  | 'alreadyHave'
  | 'alreadyHaveSub'
  | 'reuseQuestion'
  | 'reuseMine'
  | 'reuseNotMine'
  | 'reuseNotMineSub'
  | 'sayReuseQuestion'
  | 'sayHello'
  | 'sayChooseField'
  | 'sayOneAtATime'
  | 'sayAsk'
  | 'sayRememberConfirm'
  | 'sayNotLive'
  | 'sayRecognised'
  | 'sayAlreadyHave'
> = {
  vi: {
    attractTouch: 'Mời đứng trước màn hình hoặc chạm để lấy số',
    attractHint: 'Không cần đăng ký, không cần giấy tờ',
    hello: 'Xin chào ông/bà',
    consentQuestion: 'Ông/bà có muốn dùng khuôn mặt để lấy số không?',
    consentWhy: 'Máy chỉ dùng khuôn mặt để gắn số thứ tự với đúng ông/bà; không chụp, không lưu ảnh.',
    consentWhyRemember:
      'Máy chỉ dùng khuôn mặt để gắn số thứ tự với đúng ông/bà (và nhận ra ông/bà lần sau nếu ông/bà muốn); không chụp, không lưu ảnh.',
    today: 'Đồng ý (chỉ hôm nay)',
    todaySub: 'Dữ liệu khuôn mặt tự xoá hết trong ngày',
    remember: 'Đồng ý và ghi nhớ cho lần sau',
    rememberSub: 'Cần 4 số cuối điện thoại của ông/bà',
    decline: 'Không, lấy số không dùng khuôn mặt',
    declineSub: 'Vẫn được cấp số như bình thường',
    rememberConfirmTitle: 'Ông/bà muốn kiosk ghi nhớ khuôn mặt cho lần sau?',
    rememberConfirmText: 'Máy sẽ giữ dữ liệu khuôn mặt (không phải ảnh) để lần sau nhận ra ông/bà, và hỏi 4 số cuối điện thoại trước khi hiện bất cứ thông tin nào.',
    rememberYes: 'Có, ghi nhớ cho lần sau',
    rememberYesSub: 'Tiếp theo: 4 số cuối điện thoại',
    rememberNo: 'Không, chỉ dùng hôm nay',
    rememberNoSub: 'Dữ liệu khuôn mặt tự xoá hết trong ngày',
    howToChoose: 'Chỉ tay vào ô và giữ yên 1 giây · hoặc quay đầu sang trái/phải rồi gật đầu · hoặc chạm vào ô',
    oneAtATime: 'Mời từng người một',
    oneAtATimeSub: 'Xin mời một người đứng trước màn hình, những người khác vui lòng chờ phía sau.',
    phoneTitle: 'Mời nhập 4 số cuối điện thoại của ông/bà',
    phoneWhy: 'Lần sau, máy hỏi lại 4 số này trước khi hiện bất cứ thông tin nào của ông/bà.',
    keypadErase: 'Xoá',
    keypadDone: 'Xong',
    back: 'Quay lại',
    withoutFace: 'Lấy số không dùng khuôn mặt',
    checkingTitle: 'Đang nhận diện khuôn mặt…',
    checkingLook: 'Xin ông/bà nhìn vào màn hình',
    checkingAsk: 'Xin ông/bà chớp mắt hoặc quay nhẹ đầu sang một bên',
    checkingAskSub: 'Để máy chắc chắn đây đúng là ông/bà',
    notLiveTitle: 'Máy chưa nhận diện được',
    notLiveText: 'Mời ông/bà nhìn thẳng vào màn hình rồi thử lại, hoặc lấy số không dùng khuôn mặt.',
    retry: 'Thử lại',
    recognisedTitle: 'Có phải ông/bà đã đăng ký nhận diện?',
    recognisedText: 'Mời nhập 4 số cuối điện thoại đã đăng ký.',
    skip: 'Bỏ qua, lấy số',
    continue: 'Tiếp tục lấy số',
    confirming: 'Đang kiểm tra…',
    resultsTitle: 'Hồ sơ của ông/bà đã có kết quả',
    resultReady: 'Hồ sơ {code}',
    resultCounter: 'Mời đến quầy {n} để nhận kết quả',
    resultAsk: 'Mời hỏi cán bộ hướng dẫn để nhận kết quả',
    cameraOn: 'Camera đang bật · không lưu ảnh',
    alreadyHave: 'Ông/bà đã có số',
    alreadyHaveSub: 'Máy nhận ra ông/bà đã lấy số cho lĩnh vực này hôm nay. Mời giữ số này.',
    reuseQuestion: 'Đây có phải số của ông/bà không?',
    reuseMine: 'Đúng, số của tôi',
    reuseNotMine: 'Không phải số của tôi',
    reuseNotMineSub: 'Máy cấp cho ông/bà một số mới',
    sayReuseQuestion: 'Ông/bà đã có số {number}. Đây có phải số của ông/bà không?',
    sayHello: 'Xin chào ông/bà. Mời ông/bà chọn cách lấy số.',
    sayChooseField: 'Mời chọn lĩnh vực cần giải quyết.',
    sayOneAtATime: 'Mời từng người một.',
    sayAsk: 'Xin ông/bà chớp mắt, hoặc quay nhẹ đầu sang một bên.',
    sayRememberConfirm: 'Ông/bà có muốn máy ghi nhớ khuôn mặt cho lần sau không?',
    sayNotLive: 'Máy chưa nhận diện được. Mời ông/bà thử lại, hoặc lấy số không dùng khuôn mặt.',
    sayRecognised: 'Có phải ông/bà đã đăng ký nhận diện? Mời nhập bốn số cuối điện thoại.',
    sayAlreadyHave: 'Ông/bà đã có số {number}.',
  },
  en: {
    attractTouch: 'Stand in front of the screen or touch it to take a number',
    attractHint: 'No registration, no documents needed',
    hello: 'Welcome',
    consentQuestion: 'Would you like to use your face to take a number?',
    consentWhy: 'The face is only used to link the number to you; no photo is taken or kept.',
    consentWhyRemember: 'The face is only used to link the number to you (and to recognise you next time, if you wish); no photo is taken or kept.',
    today: 'Yes (today only)',
    todaySub: 'The face data is deleted by the end of the day',
    remember: 'Yes, and remember me next time',
    rememberSub: 'Needs the last 4 digits of your phone',
    decline: 'No, take a number without my face',
    declineSub: 'You still get a number as usual',
    rememberConfirmTitle: 'Do you want the kiosk to remember your face for next time?',
    rememberConfirmText: 'The kiosk will keep your face data (not a photo) to recognise you next time, and will ask for the last 4 digits of your phone before showing anything about you.',
    rememberYes: 'Yes, remember me next time',
    rememberYesSub: 'Next: the last 4 digits of your phone',
    rememberNo: 'No, today only',
    rememberNoSub: 'The face data is deleted by the end of the day',
    howToChoose: 'Point at a tile and hold still for 1 second · or turn your head left/right and nod · or touch a tile',
    oneAtATime: 'One person at a time, please',
    oneAtATimeSub: 'Please let one person stand in front of the screen; the others wait behind.',
    phoneTitle: 'Enter the last 4 digits of your phone',
    phoneWhy: 'Next time, these digits are asked again before anything about you is shown.',
    keypadErase: 'Erase',
    keypadDone: 'Done',
    back: 'Back',
    withoutFace: 'Take a number without my face',
    checkingTitle: 'Recognising your face…',
    checkingLook: 'Please look at the screen',
    checkingAsk: 'Please blink, or turn your head slightly to one side',
    checkingAskSub: 'So that the kiosk is sure it is really you',
    notLiveTitle: 'Your face could not be checked yet',
    notLiveText: 'Please look straight at the screen and try again, or take a number without your face.',
    retry: 'Try again',
    recognisedTitle: 'Have you registered to be recognised?',
    recognisedText: 'Please enter the last 4 digits of the phone you registered.',
    skip: 'Skip, take a number',
    continue: 'Continue to take a number',
    confirming: 'Checking…',
    resultsTitle: 'Results are ready for you',
    resultReady: 'Dossier {code}',
    resultCounter: 'Please go to counter {n} to collect it',
    resultAsk: 'Please ask staff where to collect it',
    cameraOn: 'Camera on · no photo kept',
    alreadyHave: 'You already have a number',
    alreadyHaveSub: 'You already took a number for this field today. Please keep this one.',
    reuseQuestion: 'Is this your number?',
    reuseMine: 'Yes, it is mine',
    reuseNotMine: 'No, it is not mine',
    reuseNotMineSub: 'You get a new number',
    sayReuseQuestion: 'You already have number {number}. Is this your number?',
    sayHello: 'Welcome. Please choose how to take your number.',
    sayChooseField: 'Please choose what you need help with.',
    sayOneAtATime: 'One person at a time, please.',
    sayAsk: 'Please blink, or turn your head slightly to one side.',
    sayRememberConfirm: 'Do you want the kiosk to remember your face for next time?',
    sayNotLive: 'Your face could not be checked. Please try again, or take a number without your face.',
    sayRecognised: 'Have you registered to be recognised? Please enter the last four digits of your phone.',
    sayAlreadyHave: 'You already have number {number}.',
  },
};

type Send = (event: KioskEvent) => void;

function Choice({
  index,
  marked,
  tone,
  title,
  sub,
  onClick,
  icon,
}: {
  index: number;
  marked: boolean;
  tone: 'yes' | 'remember' | 'no' | 'plain';
  title: string;
  sub?: string;
  onClick: () => void;
  icon?: ReactNode;
}) {
  return (
    <button type="button" className={`kiosk-choice is-${tone}${marked ? ' is-marked' : ''}`} data-choice={index} onClick={onClick}>
      <span className="kiosk-tile-key" aria-hidden="true">
        {index + 1}
      </span>
      {icon}
      <span className="kiosk-choice-text">
        <span className="kiosk-choice-title">{title}</span>
        {sub && <span className="kiosk-choice-sub">{sub}</span>}
      </span>
    </button>
  );
}

export function ConsentScreen({ menu, highlight, send }: { menu: KioskMenu; highlight: number | null; send: Send }) {
  const text = useText(FACE_TEXT);
  const labels: Record<FaceConsent, { title: string; sub: string; tone: 'yes' | 'remember' | 'no' }> = {
    today: { title: text.today, sub: text.todaySub, tone: 'yes' },
    remember: { title: text.remember, sub: text.rememberSub, tone: 'remember' },
    declined: { title: text.decline, sub: text.declineSub, tone: 'no' },
  };
  return (
    <section className="kiosk-screen kiosk-consent" aria-labelledby="kiosk-title" data-testid="kiosk-consent">
      <header className="kiosk-face-head">
        <p className="kiosk-hello">{text.hello}</p>
        <h1 id="kiosk-title">{text.consentQuestion}</h1>
        <p className="kiosk-why">
          <ShieldIcon /> {menu.face?.remember ? text.consentWhyRemember : text.consentWhy}
        </p>
      </header>
      <div className="kiosk-choices">
        {consentChoices(menu).map((c, i) => (
          <Choice
            key={c}
            index={i}
            marked={highlight === i}
            tone={labels[c].tone}
            title={labels[c].title}
            sub={labels[c].sub}
            icon={c === 'declined' ? <TicketIcon /> : <FaceIcon />}
            onClick={() => send({ type: 'select-consent', consent: c })}
          />
        ))}
      </div>
      <HowToChoose />
    </section>
  );
}

/**
 * "Remember me" asked a second time, on a screen of its own: the question fills the middle of the
 * screen, where the "remember" choice was, and the two answers sit side by side below it, so a hand
 * still resting where it chose points at the question, not at an answer (and the camera ignores a
 * resting hand here anyway: kiosk-machine.ts `needsDeliberateChoice`).
 */
export function RememberConfirmScreen({ highlight, send }: { highlight: number | null; send: Send }) {
  const text = useText(FACE_TEXT);
  const labels: Record<(typeof REMEMBER_CONFIRM_CHOICES)[number], { title: string; sub: string; tone: 'remember' | 'yes' }> = {
    remember: { title: text.rememberYes, sub: text.rememberYesSub, tone: 'remember' },
    today: { title: text.rememberNo, sub: text.rememberNoSub, tone: 'yes' },
  };
  return (
    <section className="kiosk-screen kiosk-remember-confirm" aria-labelledby="kiosk-title" data-testid="kiosk-remember-confirm">
      <header className="kiosk-face-head">
        <button type="button" className="kiosk-back" onClick={() => send({ type: 'back' })}>
          <BackIcon /> {text.back}
        </button>
      </header>
      <div className="kiosk-remember-question">
        <FaceIcon />
        <h1 id="kiosk-title">{text.rememberConfirmTitle}</h1>
        <p className="kiosk-why">
          <ShieldIcon /> {text.rememberConfirmText}
        </p>
      </div>
      <div className="kiosk-choices kiosk-choices-row">
        {REMEMBER_CONFIRM_CHOICES.map((c, i) => (
          <Choice
            key={c}
            index={i}
            marked={highlight === i}
            tone={labels[c].tone}
            title={labels[c].title}
            sub={labels[c].sub}
            onClick={() => send({ type: 'select-consent', consent: c })}
          />
        ))}
      </div>
      <button type="button" className="kiosk-secondary" onClick={() => send({ type: 'without-face' })}>
        {text.withoutFace}
      </button>
      <HowToChoose />
    </section>
  );
}

/**
 * A number given back because the face matched someone who already holds one: is it theirs? Only the
 * number and its field are shown — nothing that would tell a stranger whose number it is — with the
 * two answers side by side at the bottom, away from the field tile a hand may still rest on (and the
 * camera ignores a resting hand here: kiosk-machine.ts `needsDeliberateChoice`).
 */
export function ReuseConfirmScreen({ number, fieldName, highlight, send }: { number: string; fieldName: string; highlight: number | null; send: Send }) {
  const text = useText(FACE_TEXT);
  const labels: Record<(typeof REUSE_CONFIRM_CHOICES)[number], { title: string; sub?: string; tone: 'yes' | 'no' }> = {
    mine: { title: text.reuseMine, tone: 'yes' },
    'not-mine': { title: text.reuseNotMine, sub: text.reuseNotMineSub, tone: 'no' },
  };
  return (
    <section className="kiosk-screen kiosk-reuse-confirm" aria-labelledby="kiosk-title" data-testid="kiosk-reuse-confirm">
      <div className="kiosk-remember-question">
        <p className="kiosk-ticket-label kiosk-ticket-reused">{text.alreadyHave}</p>
        <p className="kiosk-ticket-number" data-testid="reuse-number">
          {number}
        </p>
        <p className="kiosk-ticket-field">{fieldName}</p>
        <h1 id="kiosk-title">{text.reuseQuestion}</h1>
      </div>
      <div className="kiosk-choices kiosk-choices-row">
        {REUSE_CONFIRM_CHOICES.map((c, i) => (
          <Choice
            key={c}
            index={i}
            marked={highlight === i}
            tone={labels[c].tone}
            title={labels[c].title}
            {...(labels[c].sub ? { sub: labels[c].sub } : {})}
            onClick={() => send({ type: 'reuse-answer', answer: c })}
          />
        ))}
      </div>
      <HowToChoose />
    </section>
  );
}

export function HowToChoose() {
  const text = useText(FACE_TEXT);
  return (
    <p className="kiosk-how" data-testid="kiosk-how">
      <PointIcon /> {text.howToChoose}
    </p>
  );
}

export function SeveralFacesScreen({ onStart }: { onStart: () => void }) {
  const text = useText(FACE_TEXT);
  return (
    <button type="button" className="kiosk-several" onClick={onStart} data-testid="kiosk-several">
      <PeopleIcon />
      <span className="kiosk-several-title">{text.oneAtATime}</span>
      <span className="kiosk-several-sub">{text.oneAtATimeSub}</span>
    </button>
  );
}

/** A small banner on the face screens while more than one person is close. */
export function OneAtATimeBanner() {
  const text = useText(FACE_TEXT);
  return (
    <p className="kiosk-banner" role="status" data-testid="kiosk-one-at-a-time">
      <PeopleIcon /> {text.oneAtATime}
    </p>
  );
}

function Keypad({ digits, send, doneLabel }: { digits: string; send: Send; doneLabel: string }) {
  const text = useText(FACE_TEXT);
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <div className="kiosk-keypad-wrap">
      <div className="kiosk-digits" aria-live="polite" data-testid="kiosk-digits">
        {Array.from({ length: PHONE_DIGITS }, (_, i) => (
          <span key={i} className={`kiosk-digit${i < digits.length ? ' is-filled' : ''}${i === digits.length ? ' is-next' : ''}`}>
            {digits[i] ?? ''}
          </span>
        ))}
      </div>
      <div className="kiosk-keypad" role="group">
        {keys.map((k) => (
          <button key={k} type="button" className="kiosk-key" onClick={() => send({ type: 'digit', digit: k })}>
            {k}
          </button>
        ))}
        <button type="button" className="kiosk-key is-erase" onClick={() => send({ type: 'erase' })}>
          {text.keypadErase}
        </button>
        <button type="button" className="kiosk-key" onClick={() => send({ type: 'digit', digit: '0' })}>
          0
        </button>
        <button
          type="button"
          className="kiosk-key is-done"
          disabled={digits.length !== PHONE_DIGITS}
          onClick={() => send({ type: 'confirm' })}
        >
          {doneLabel}
        </button>
      </div>
    </div>
  );
}

export function PhoneScreen({ digits, send }: { digits: string; send: Send }) {
  const text = useText(FACE_TEXT);
  return (
    <section className="kiosk-screen kiosk-phone" aria-labelledby="kiosk-title" data-testid="kiosk-phone">
      <header className="kiosk-head">
        <button type="button" className="kiosk-back" onClick={() => send({ type: 'back' })}>
          <BackIcon /> {text.back}
        </button>
        <div>
          <h1 id="kiosk-title">{text.phoneTitle}</h1>
          <p className="kiosk-sub">{text.phoneWhy}</p>
        </div>
      </header>
      <Keypad digits={digits} send={send} doneLabel={text.keypadDone} />
      <button type="button" className="kiosk-secondary" onClick={() => send({ type: 'without-face' })}>
        {text.withoutFace}
      </button>
    </section>
  );
}

export function CheckingScreen({ asked, crowded, send }: { asked: boolean; crowded: boolean; send: Send }) {
  const text = useText(FACE_TEXT);
  return (
    <section className="kiosk-center kiosk-checking" role="status" aria-live="polite" data-testid="kiosk-checking" data-asked={asked}>
      {crowded && <OneAtATimeBanner />}
      <FaceScanIcon active={!asked} />
      <h1 className="kiosk-checking-title">{asked ? text.checkingAsk : text.checkingTitle}</h1>
      <p className="kiosk-message">{asked ? text.checkingAskSub : text.checkingLook}</p>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-secondary" onClick={() => send({ type: 'back' })}>
          {text.back}
        </button>
        <button type="button" className="kiosk-secondary" onClick={() => send({ type: 'without-face' })} data-testid="kiosk-without-face">
          {text.withoutFace}
        </button>
      </div>
    </section>
  );
}

export function NotLiveScreen({ highlight, reason, send }: { highlight: number | null; reason: string; send: Send }) {
  const text = useText(FACE_TEXT);
  return (
    <section className="kiosk-screen kiosk-not-live" aria-labelledby="kiosk-title" data-testid="kiosk-not-live" data-reason={reason}>
      <header className="kiosk-face-head">
        <h1 id="kiosk-title">{text.notLiveTitle}</h1>
        <p className="kiosk-sub">{text.notLiveText}</p>
      </header>
      <div className="kiosk-choices">
        <Choice index={0} marked={highlight === 0} tone="yes" title={text.retry} icon={<FaceIcon />} onClick={() => send({ type: 'retry' })} />
        <Choice index={1} marked={highlight === 1} tone="no" title={text.withoutFace} icon={<TicketIcon />} onClick={() => send({ type: 'without-face' })} />
      </div>
      <HowToChoose />
    </section>
  );
}

export function RecognisedScreen({ digits, message, closed, send }: { digits: string; message: string | null; closed: boolean; send: Send }) {
  const text = useText(FACE_TEXT);
  return (
    <section className="kiosk-screen kiosk-phone" aria-labelledby="kiosk-title" data-testid="kiosk-recognised">
      <header className="kiosk-face-head">
        <h1 id="kiosk-title">{text.recognisedTitle}</h1>
        {!closed && <p className="kiosk-sub">{text.recognisedText}</p>}
      </header>
      {message && (
        <p className="kiosk-notice-calm" role="alert" data-testid="kiosk-recognised-message">
          {message}
        </p>
      )}
      {!closed && <Keypad digits={digits} send={send} doneLabel={text.keypadDone} />}
      <button
        type="button"
        className={closed ? 'kiosk-primary' : 'kiosk-secondary'}
        onClick={() => send({ type: 'skip' })}
        data-testid="kiosk-skip"
        autoFocus={closed}
      >
        {closed ? text.continue : text.skip}
      </button>
    </section>
  );
}

export function ResultsScreen({ results, send }: { results: readonly ReadyResult[]; send: Send }) {
  const text = useText(FACE_TEXT);
  return (
    <section className="kiosk-screen kiosk-results" aria-labelledby="kiosk-title" data-testid="kiosk-results">
      <header className="kiosk-face-head">
        <h1 id="kiosk-title">{text.resultsTitle}</h1>
      </header>
      <ul className="kiosk-result-list">
        {results.map((r) => (
          <li key={r.dossierCode}>
            <strong>{fill(text.resultReady, { code: r.dossierCode })}</strong>
            <span>{r.counterNumber === null ? text.resultAsk : fill(text.resultCounter, { n: r.counterNumber })}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="kiosk-primary" onClick={() => send({ type: 'confirm' })} autoFocus>
        {text.continue}
      </button>
    </section>
  );
}

/** The hand cursor and, on the choice under it, the ring that fills in about a second. */
export function PointerOverlay({ view }: { view: TouchlessView }) {
  if (!view.cursor) return null;
  const [x, y] = view.cursor;
  let ring: ReactNode = null;
  if (view.target !== null) {
    const el = document.querySelector<HTMLElement>(`[data-choice="${view.target}"]`);
    // Around the choice's number badge: the ring is seen without hiding the choice's words.
    const r = (el?.querySelector<HTMLElement>('.kiosk-tile-key') ?? el)?.getBoundingClientRect();
    if (r) {
      const size = Math.min(Math.max(r.width, r.height) * 2.2, 170);
      const c = 2 * Math.PI * 44;
      ring = (
        <svg
          className="kiosk-dwell-ring"
          data-testid="kiosk-dwell-ring"
          data-progress={view.progress.toFixed(2)}
          viewBox="0 0 100 100"
          style={{ left: r.left + r.width / 2 - size / 2, top: r.top + r.height / 2 - size / 2, width: size, height: size }}
          aria-hidden="true"
        >
          <circle cx="50" cy="50" r="44" className="kiosk-dwell-track" />
          <circle cx="50" cy="50" r="44" className="kiosk-dwell-fill" strokeDasharray={c} strokeDashoffset={c * (1 - view.progress)} />
        </svg>
      );
    }
  }
  return (
    <>
      {ring}
      <span className="kiosk-cursor" data-testid="kiosk-cursor" style={{ left: `${x * 100}%`, top: `${y * 100}%` }} aria-hidden="true" />
    </>
  );
}

export function CameraBadge() {
  const text = useText(FACE_TEXT);
  return (
    <p className="kiosk-camera-badge" data-testid="kiosk-camera-on">
      <CameraIcon /> {text.cameraOn}
    </p>
  );
}

// ---------------------------------------------------------------------------------------------
// Icons (inline SVG: nothing to fetch)

function BackIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path d="M15 4 7 12l8 8" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function FaceIcon() {
  return (
    <svg className="kiosk-choice-icon" viewBox="0 0 48 48" aria-hidden="true">
      <path d="M6 15V8a2 2 0 0 1 2-2h7M33 6h7a2 2 0 0 1 2 2v7M42 33v7a2 2 0 0 1-2 2h-7M15 42H8a2 2 0 0 1-2-2v-7" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      <circle cx="18" cy="20" r="2.5" fill="currentColor" />
      <circle cx="30" cy="20" r="2.5" fill="currentColor" />
      <path d="M17 30c4 4 10 4 14 0" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function TicketIcon() {
  return (
    <svg className="kiosk-choice-icon" viewBox="0 0 48 48" aria-hidden="true">
      <path d="M8 12h32v8a4 4 0 0 0 0 8v8H8v-8a4 4 0 0 0 0-8z" fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" />
      <path d="M18 20h12M18 28h12" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function PeopleIcon() {
  return (
    <svg className="kiosk-people-icon" viewBox="0 0 64 48" aria-hidden="true">
      <circle cx="22" cy="14" r="8" fill="currentColor" />
      <path d="M6 44c0-10 7-16 16-16s16 6 16 16z" fill="currentColor" />
      <circle cx="44" cy="16" r="7" fill="currentColor" opacity="0.45" />
      <path d="M34 44c1-8 5-13 10-13 8 0 14 5 14 13z" fill="currentColor" opacity="0.45" />
    </svg>
  );
}

function PointIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" style={{ verticalAlign: '-0.2em' }}>
      <path d="M9 11V4.5a1.5 1.5 0 0 1 3 0V10l5 1c1.3.3 2 1.3 2 2.6V15c0 3.3-2.7 6-6 6h-1c-2 0-3.4-.8-4.5-2.4L4.6 14.3a1.5 1.5 0 0 1 2.3-1.9z" fill="currentColor" />
    </svg>
  );
}

function ShieldIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" style={{ verticalAlign: '-0.2em' }}>
      <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5z" fill="currentColor" opacity="0.9" />
      <path d="m8.5 12 2.5 2.5 4.5-5" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" style={{ verticalAlign: '-0.15em' }}>
      <path d="M4 7h3l2-2h6l2 2h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z" fill="currentColor" />
      <circle cx="12" cy="13" r="3.5" fill="#fff" />
    </svg>
  );
}

function FaceScanIcon({ active }: { active: boolean }) {
  return (
    <svg className={`kiosk-scan-icon${active ? ' is-active' : ''}`} viewBox="0 0 120 120" aria-hidden="true">
      <path d="M12 36V18a6 6 0 0 1 6-6h18M84 12h18a6 6 0 0 1 6 6v18M108 84v18a6 6 0 0 1-6 6H84M36 108H18a6 6 0 0 1-6-6V84" fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
      <ellipse cx="60" cy="58" rx="26" ry="32" fill="none" stroke="currentColor" strokeWidth="5" />
      <path d="M48 52h6M66 52h6M52 74c5 4 11 4 16 0" fill="none" stroke="currentColor" strokeWidth="5" strokeLinecap="round" />
      <line className="kiosk-scan-line" x1="22" x2="98" y1="60" y2="60" stroke="currentColor" strokeWidth="4" opacity="0.6" />
    </svg>
  );
}
