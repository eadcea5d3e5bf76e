/**
 * /phan-anh — complaints and suggestions (phản ánh, kiến nghị) from citizens, without signing in.
 * File one (about a dossier, a counter, an officer or the centre; anonymously or with contact details),
 * keep the code it gets, and follow it with /phan-anh?code=…: status, deadlines, the centre's answer,
 * the information the centre asks for, and "satisfied with the handling?". The return slip's QR opens
 * /phan-anh?dossier=…; the kiosk's QR /phan-anh?from=kiosk.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  PAKN_CATEGORIES,
  PAKN_CATEGORY_LABELS,
  PAKN_KIND_LABELS,
  PAKN_SUBJECT_KINDS,
  PAKN_SUBJECT_LABELS,
  type PaknFormOptions,
  type PublicPakn,
} from '../../contracts/pakn';
import { api, ApiError } from '../shared/api';
import { fill, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { formatInstantWithWeekday } from '../manage/day-format';
import {
  codeFromSearch,
  CONTENT_MAX,
  initialForm,
  isPaknCode,
  normalisePaknCode,
  problemOf,
  sourceFromSearch,
  toRequest,
  type FormProblem,
  type PaknFormState,
} from './pakn-form';
import '../lookup/lookup.css';
import './pakn.css';

type Key =
  | FormProblem
  | 'title'
  | 'intro'
  | 'tabFile'
  | 'tabFollow'
  | 'kind'
  | 'category'
  | 'choose'
  | 'subject'
  | 'dossierCode'
  | 'dossierHelp'
  | 'counter'
  | 'officer'
  | 'content'
  | 'contentHelp'
  | 'anonymous'
  | 'anonymousHelp'
  | 'name'
  | 'phone'
  | 'email'
  | 'contactHelp'
  | 'send'
  | 'sending'
  | 'filedTitle'
  | 'filedKeep'
  | 'filedFollow'
  | 'codeLabel'
  | 'codeHelp'
  | 'follow'
  | 'badCode'
  | 'notFoundTitle'
  | 'receivedAt'
  | 'status'
  | 'aboutLabel'
  | 'yourContent'
  | 'currentDeadline'
  | 'waitingForYou'
  | 'addInfo'
  | 'addInfoSend'
  | 'answer'
  | 'answeredAt'
  | 'published'
  | 'rejected'
  | 'verdictQuestion'
  | 'satisfied'
  | 'dissatisfied'
  | 'verdictThanks'
  | 'verdictGiven'
  | 'fileAnother'
  | 'deadlines'
  | 'footer'
  | 'lookupLink';

const TEXT: Dictionary<Key> = {
  vi: {
    title: 'Phản ánh, kiến nghị',
    intro: 'Ông/bà có thể phản ánh về việc giải quyết hồ sơ, thái độ phục vụ, thời gian, phí, cơ sở vật chất… hoặc kiến nghị để Trung tâm phục vụ tốt hơn. Trung tâm trả lời trong 15 ngày làm việc.',
    tabFile: 'Gửi phản ánh, kiến nghị',
    tabFollow: 'Theo dõi bằng mã',
    kind: 'Loại',
    category: 'Nội dung thuộc nhóm',
    choose: '— Chọn —',
    subject: 'Phản ánh, kiến nghị về',
    dossierCode: 'Mã hồ sơ',
    dossierHelp: 'In trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, ví dụ 000.00.16.H26-261126-0001',
    counter: 'Quầy',
    officer: 'Cán bộ',
    content: 'Nội dung',
    contentHelp: '{count}/{max} ký tự. Nêu rõ sự việc, thời gian, địa điểm.',
    anonymous: 'Gửi ẩn danh (không để lại thông tin liên hệ)',
    anonymousHelp: 'Khi gửi ẩn danh, Trung tâm chỉ trả lời qua mã phản ánh; hãy giữ mã để theo dõi.',
    name: 'Họ và tên',
    phone: 'Số điện thoại',
    email: 'Thư điện tử',
    contactHelp: 'Cần số điện thoại hoặc thư điện tử. Thông tin liên hệ chỉ cán bộ xử lý được xem.',
    send: 'Gửi',
    sending: 'Đang gửi…',
    needCategory: 'Hãy chọn nhóm nội dung.',
    needDossier: 'Hãy nhập mã hồ sơ.',
    needCounter: 'Hãy chọn quầy.',
    needOfficer: 'Hãy chọn cán bộ.',
    contentShort: 'Nội dung cần ít nhất 10 ký tự.',
    contentLong: 'Nội dung tối đa 4000 ký tự.',
    needName: 'Hãy nhập họ tên, hoặc chọn gửi ẩn danh.',
    needContact: 'Hãy nhập số điện thoại hoặc thư điện tử, hoặc chọn gửi ẩn danh.',
    badPhone: 'Số điện thoại không hợp lệ (ví dụ 0912345678).',
    badEmail: 'Thư điện tử không hợp lệ.',
    filedTitle: 'Trung tâm đã nhận phản ánh, kiến nghị của ông/bà',
    filedKeep: 'Mã để theo dõi — hãy ghi lại hoặc chụp màn hình:',
    filedFollow: 'Xem tình trạng xử lý',
    codeLabel: 'Mã phản ánh, kiến nghị',
    codeHelp: 'Ví dụ: PA-261203-7KQ2MX9D',
    follow: 'Xem',
    badCode: 'Mã có dạng PA-261203-7KQ2MX9D. Vui lòng kiểm tra lại.',
    notFoundTitle: 'Không xem được phản ánh, kiến nghị',
    receivedAt: 'Ngày tiếp nhận',
    status: 'Tình trạng',
    aboutLabel: 'Về',
    yourContent: 'Nội dung ông/bà gửi',
    currentDeadline: 'Hạn xử lý hiện tại',
    waitingForYou: 'Trung tâm cần ông/bà bổ sung thông tin',
    addInfo: 'Thông tin bổ sung',
    addInfoSend: 'Gửi thông tin bổ sung',
    answer: 'Trả lời của Trung tâm',
    answeredAt: 'Trả lời lúc',
    published: 'Đã công khai lúc',
    rejected: 'Trung tâm không tiếp nhận xử lý',
    verdictQuestion: 'Ông/bà có hài lòng với việc xử lý không?',
    satisfied: 'Hài lòng',
    dissatisfied: 'Không hài lòng',
    verdictThanks: 'Cảm ơn ông/bà đã đánh giá.',
    verdictGiven: 'Ông/bà đã đánh giá: {verdict}.',
    fileAnother: 'Gửi phản ánh, kiến nghị khác',
    deadlines: 'Thời hạn theo Quyết định 766/QĐ-TTg',
    footer: 'Thời hạn tính theo ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết.',
    lookupLink: 'Tra cứu hồ sơ',
  },
  en: {
    title: 'Complaints and suggestions',
    intro: 'Tell us about how your dossier was handled, staff attitude, waiting, fees, the premises… or suggest how the centre could serve you better. The centre answers within 15 working days.',
    tabFile: 'Send a complaint or suggestion',
    tabFollow: 'Follow with your code',
    kind: 'Type',
    category: 'Topic',
    choose: '— Choose —',
    subject: 'About',
    dossierCode: 'Dossier code',
    dossierHelp: 'Printed on your receipt, e.g. 000.00.16.H26-261126-0001',
    counter: 'Counter',
    officer: 'Officer',
    content: 'What happened',
    contentHelp: '{count}/{max} characters. Say what, when and where.',
    anonymous: 'Send anonymously (no contact details)',
    anonymousHelp: 'Anonymous messages are answered only through the code: keep it to follow up.',
    name: 'Full name',
    phone: 'Phone',
    email: 'Email',
    contactHelp: 'A phone number or an email is needed. Only the staff handling it can see them.',
    send: 'Send',
    sending: 'Sending…',
    needCategory: 'Please choose a topic.',
    needDossier: 'Please enter the dossier code.',
    needCounter: 'Please choose the counter.',
    needOfficer: 'Please choose the officer.',
    contentShort: 'Please write at least 10 characters.',
    contentLong: 'At most 4000 characters.',
    needName: 'Please enter your name, or send anonymously.',
    needContact: 'Please give a phone number or an email, or send anonymously.',
    badPhone: 'The phone number is not valid (e.g. 0912345678).',
    badEmail: 'The email address is not valid.',
    filedTitle: 'The centre has received your message',
    filedKeep: 'Your code to follow it — write it down or take a screenshot:',
    filedFollow: 'See its progress',
    codeLabel: 'Complaint/suggestion code',
    codeHelp: 'For example: PA-261203-7KQ2MX9D',
    follow: 'Show',
    badCode: 'A code looks like PA-261203-7KQ2MX9D. Please check it.',
    notFoundTitle: 'It could not be shown',
    receivedAt: 'Received',
    status: 'Status',
    aboutLabel: 'About',
    yourContent: 'Your message',
    currentDeadline: 'Current deadline',
    waitingForYou: 'The centre needs more information from you',
    addInfo: 'More information',
    addInfoSend: 'Send the information',
    answer: 'The centre’s answer',
    answeredAt: 'Answered',
    published: 'Published',
    rejected: 'The centre will not handle it',
    verdictQuestion: 'Are you satisfied with how it was handled?',
    satisfied: 'Satisfied',
    dissatisfied: 'Not satisfied',
    verdictThanks: 'Thank you for your answer.',
    verdictGiven: 'Your answer: {verdict}.',
    fileAnother: 'Send another one',
    deadlines: 'Deadlines under Decision 766/QĐ-TTg',
    footer: 'Deadlines count working days: weekends and public holidays do not count.',
    lookupLink: 'Dossier lookup',
  },
};

export default function PaknPage() {
  const text = useText(TEXT);
  const [code, setCode] = useState(() => codeFromSearch(location.search));
  const [tab, setTab] = useState<'file' | 'follow'>(code ? 'follow' : 'file');

  useEffect(() => {
    document.title = text.title;
  }, [text]);

  const show = (next: string) => {
    const params = new URLSearchParams(location.search);
    params.set('code', next);
    params.delete('dossier');
    history.replaceState(null, '', `?${params}`);
    setCode(next);
    setTab('follow');
  };

  return (
    <main className="lk pk">
      <header className="lk-head">
        <h1>{text.title}</h1>
        <LangSwitch className="lang-switch lk-lang" />
      </header>
      <nav className="pk-tabs" aria-label={text.title}>
        <button type="button" aria-pressed={tab === 'file'} onClick={() => setTab('file')} data-testid="pakn-tab-file">
          {text.tabFile}
        </button>
        <button type="button" aria-pressed={tab === 'follow'} onClick={() => setTab('follow')} data-testid="pakn-tab-follow">
          {text.tabFollow}
        </button>
      </nav>
      {tab === 'file' ? <FileForm onFiled={show} /> : <Follow code={code} onCode={show} />}
      <p className="lk-footer">
        {text.footer} · <a href="/lookup">{text.lookupLink}</a>
      </p>
    </main>
  );
}

function Field({ label, htmlFor, help, children }: { label: string; htmlFor?: string; help?: ReactNode; children: ReactNode }) {
  return (
    <div className="pk-field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {help && <span className="lk-help">{help}</span>}
    </div>
  );
}

function FileForm({ onFiled }: { onFiled(code: string): void }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const id = useId();
  const [form, setForm] = useState<PaknFormState>(() => initialForm(location.search));
  const [options, setOptions] = useState<PaknFormOptions | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<string | null>(null);
  const set = <K extends keyof PaknFormState>(key: K, value: PaknFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    api<PaknFormOptions>('GET', '/api/v1/public/pakn/options').then(setOptions, () => setOptions({ centreName: '', counters: [], officers: [] }));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = problemOf(form);
    if (local) {
      setProblem(text[local]);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const { code } = await api<{ code: string }>('POST', `/api/v1/public/pakn?lang=${lang}`, toRequest(form, sourceFromSearch(location.search)));
      setFiled(code);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (filed) {
    return (
      <section className="lk-card lk-tone-ok pk-filed" role="status" data-testid="pakn-filed">
        <h2>{text.filedTitle}</h2>
        <p>{text.filedKeep}</p>
        <p className="pk-code" data-testid="pakn-code">
          {filed}
        </p>
        <button type="button" className="lk-search" onClick={() => onFiled(filed)}>
          {text.filedFollow}
        </button>
      </section>
    );
  }

  return (
    <form className="lk-form pk-form" onSubmit={submit} noValidate data-testid="pakn-form">
      <p className="lk-intro">{text.intro}</p>
      <fieldset className="pk-choice">
        <legend>{text.kind}</legend>
        {(['complaint', 'suggestion'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" checked={form.kind === k} onChange={() => set('kind', k)} /> {PAKN_KIND_LABELS[k][lang]}
          </label>
        ))}
      </fieldset>
      <Field label={text.category} htmlFor={`${id}-cat`}>
        <select id={`${id}-cat`} value={form.category} onChange={(e) => set('category', e.target.value as PaknFormState['category'])} data-testid="pakn-category">
          <option value="">{text.choose}</option>
          {PAKN_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {PAKN_CATEGORY_LABELS[c][lang]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="pk-choice">
        <legend>{text.subject}</legend>
        {PAKN_SUBJECT_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="subject" checked={form.subjectKind === k} onChange={() => set('subjectKind', k)} data-testid={`pakn-subject-${k}`} />{' '}
            {PAKN_SUBJECT_LABELS[k][lang]}
          </label>
        ))}
      </fieldset>
      {form.subjectKind === 'dossier' && (
        <Field label={text.dossierCode} htmlFor={`${id}-dossier`} help={text.dossierHelp}>
          <input
            id={`${id}-dossier`}
            value={form.dossierCode}
            onChange={(e) => set('dossierCode', e.target.value)}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            data-testid="pakn-dossier"
          />
        </Field>
      )}
      {form.subjectKind === 'counter' && (
        <Field label={text.counter} htmlFor={`${id}-counter`}>
          <select id={`${id}-counter`} value={form.counterNumber} onChange={(e) => set('counterNumber', e.target.value)} data-testid="pakn-counter">
            <option value="">{text.choose}</option>
            {options?.counters.map((c) => (
              <option key={c.number} value={c.number}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {form.subjectKind === 'officer' && (
        <Field label={text.officer} htmlFor={`${id}-officer`}>
          <select id={`${id}-officer`} value={form.officerId} onChange={(e) => set('officerId', e.target.value)} data-testid="pakn-officer">
            <option value="">{text.choose}</option>
            {options?.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={text.content} htmlFor={`${id}-content`} help={fill(text.contentHelp, { count: form.content.length, max: CONTENT_MAX })}>
        <textarea id={`${id}-content`} rows={6} maxLength={CONTENT_MAX} value={form.content} onChange={(e) => set('content', e.target.value)} data-testid="pakn-content" />
      </Field>
      <label className="pk-check">
        <input type="checkbox" checked={form.anonymous} onChange={(e) => set('anonymous', e.target.checked)} data-testid="pakn-anonymous" /> {text.anonymous}
      </label>
      {form.anonymous ? (
        <span className="lk-help">{text.anonymousHelp}</span>
      ) : (
        <>
          <Field label={text.name} htmlFor={`${id}-name`}>
            <input id={`${id}-name`} value={form.name} maxLength={120} autoComplete="name" onChange={(e) => set('name', e.target.value)} data-testid="pakn-name" />
          </Field>
          <Field label={text.phone} htmlFor={`${id}-phone`}>
            <input id={`${id}-phone`} type="tel" value={form.phone} maxLength={20} autoComplete="tel" onChange={(e) => set('phone', e.target.value)} data-testid="pakn-phone" />
          </Field>
          <Field label={text.email} htmlFor={`${id}-email`} help={text.contactHelp}>
            <input id={`${id}-email`} type="email" value={form.email} maxLength={200} autoComplete="email" onChange={(e) => set('email', e.target.value)} data-testid="pakn-email" />
          </Field>
        </>
      )}
      {/* Hidden from people (and from screen readers); robots that fill every box give themselves away. */}
      <div className="pk-trap" aria-hidden="true">
        <label>
          Website <input tabIndex={-1} autoComplete="off" value={form.website} onChange={(e) => set('website', e.target.value)} name="website" />
        </label>
      </div>
      {problem && (
        <span className="lk-input-error" role="alert" data-testid="pakn-problem">
          {problem}
        </span>
      )}
      <button type="submit" className="lk-search" disabled={busy} data-testid="pakn-send">
        {busy ? text.sending : text.send}
      </button>
    </form>
  );
}

type Loaded = { state: 'idle' } | { state: 'loading' } | { state: 'found'; pakn: PublicPakn } | { state: 'failed'; message: string };

function Follow({ code, onCode }: { code: string; onCode(code: string): void }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const id = useId();
  const [input, setInput] = useState(code);
  const [inputError, setInputError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'idle' });

  useEffect(() => {
    if (!code) return;
    if (!isPaknCode(code)) {
      setInputError(text.badCode);
      return;
    }
    let live = true;
    setLoaded({ state: 'loading' });
    api<PublicPakn>('GET', `/api/v1/public/pakn/${encodeURIComponent(code)}?lang=${lang}`).then(
      (pakn) => live && setLoaded({ state: 'found', pakn }),
      (e) => live && setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [code, lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = normalisePaknCode(input);
    setInput(next);
    if (!isPaknCode(next)) {
      setInputError(text.badCode);
      return;
    }
    setInputError(null);
    onCode(next);
  };

  return (
    <>
      <form className="lk-form" onSubmit={submit} role="search">
        <label htmlFor={`${id}-code`}>{text.codeLabel}</label>
        <input
          id={`${id}-code`}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="PA-261203-7KQ2MX9D"
          aria-invalid={inputError ? true : undefined}
          data-testid="pakn-follow-code"
        />
        <span className="lk-help">{text.codeHelp}</span>
        {inputError && (
          <span className="lk-input-error" role="alert">
            {inputError}
          </span>
        )}
        <button type="submit" className="lk-search" disabled={loaded.state === 'loading'}>
          {text.follow}
        </button>
      </form>
      <div aria-live="polite">
        {loaded.state === 'failed' && (
          <section className="lk-card lk-failed" role="alert" data-testid="pakn-error">
            <h2>{text.notFoundTitle}</h2>
            <p>{loaded.message}</p>
          </section>
        )}
        {loaded.state === 'found' && <PaknCard pakn={loaded.pakn} onChange={(pakn) => setLoaded({ state: 'found', pakn })} />}
      </div>
    </>
  );
}

function toneOf(p: PublicPakn): string {
  if (p.status === 'rejected') return 'ended';
  if (p.status === 'answered' || p.status === 'published') return 'ok';
  if (p.status === 'info-requested') return 'action';
  return 'progress';
}

function PaknCard({ pakn: p, onChange }: { pakn: PublicPakn; onChange(p: PublicPakn): void }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [info, setInfo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [thanked, setThanked] = useState(false);
  const when = (iso: string | null) => formatInstantWithWeekday(iso, lang);

  const post = async (path: string, body: unknown) => {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await api<PublicPakn>('POST', `/api/v1/public/pakn/${p.code}/${path}?lang=${lang}`, body));
      return true;
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={`lk-card lk-tone-${toneOf(p)}`} data-status={p.status} data-testid="pakn-card">
      <p className="lk-status" data-testid="pakn-status">
        {p.statusLabel}
      </p>
      <dl className="lk-facts">
        <div>
          <dt>{text.codeLabel}</dt>
          <dd className="lk-code">{p.code}</dd>
        </div>
        <div>
          <dt>{text.kind}</dt>
          <dd>
            {p.kindLabel} · {p.categoryLabel}
          </dd>
        </div>
        <div>
          <dt>{text.aboutLabel}</dt>
          <dd>{p.subjectLabel}</dd>
        </div>
        <div>
          <dt>{text.receivedAt}</dt>
          <dd>{when(p.receivedAt)}</dd>
        </div>
        {p.current && (
          <div className="lk-due">
            <dt>{text.currentDeadline}</dt>
            <dd data-testid="pakn-deadline">
              <strong>{when(p.current.due)}</strong>
              <span className="lk-replaced">{p.current.label}</span>
            </dd>
          </div>
        )}
        <div>
          <dt>{text.yourContent}</dt>
          <dd className="pk-content">{p.content}</dd>
        </div>
      </dl>

      {p.infoRequest && (
        <section className="lk-missing" data-testid="pakn-info-request">
          <h2>{text.waitingForYou}</h2>
          <p>{p.infoRequest.question}</p>
          {p.canAddInfo && (
            <form
              className="pk-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (info.trim().length < 2) return;
                void post('info', { text: info }).then((ok) => ok && setInfo(''));
              }}
            >
              <label htmlFor="pk-info">{text.addInfo}</label>
              <textarea id="pk-info" rows={4} maxLength={CONTENT_MAX} value={info} onChange={(e) => setInfo(e.target.value)} data-testid="pakn-info-text" />
              <button type="submit" className="lk-search" disabled={busy}>
                {text.addInfoSend}
              </button>
            </form>
          )}
        </section>
      )}

      {p.answer && (
        <section className="pk-answer" data-testid="pakn-answer">
          <h2>{text.answer}</h2>
          <p className="pk-content">{p.answer.text}</p>
          <p className="lk-help">
            {text.answeredAt}: {when(p.answer.at)}
            {p.publishedAt ? ` · ${text.published}: ${when(p.publishedAt)}` : ''}
          </p>
        </section>
      )}

      {p.rejection && (
        <section className="pk-answer" data-testid="pakn-rejection">
          <h2>{text.rejected}</h2>
          <p>{p.rejection.reasonLabel}</p>
          {p.rejection.note && <p className="pk-content">{p.rejection.note}</p>}
        </section>
      )}

      {p.canGiveVerdict && (
        <section className="pk-verdict" data-testid="pakn-verdict">
          <h2>{text.verdictQuestion}</h2>
          <div className="pk-verdict-buttons">
            <button type="button" className="pk-yes" disabled={busy} onClick={() => void post('verdict', { satisfied: true }).then((ok) => ok && setThanked(true))}>
              😊 {text.satisfied}
            </button>
            <button type="button" className="pk-no" disabled={busy} onClick={() => void post('verdict', { satisfied: false }).then((ok) => ok && setThanked(true))}>
              ☹️ {text.dissatisfied}
            </button>
          </div>
        </section>
      )}
      {p.citizenSatisfied !== null && (
        <p className="pk-verdict-done" data-testid="pakn-verdict-done">
          {thanked ? `${text.verdictThanks} ` : ''}
          {fill(text.verdictGiven, { verdict: p.citizenSatisfied ? text.satisfied : text.dissatisfied })}
        </p>
      )}
      {problem && (
        <p className="lk-input-error" role="alert">
          {problem}
        </p>
      )}

      <section className="pk-deadlines">
        <h2>{text.deadlines}</h2>
        <ul>
          <li>
            {lang === 'vi' ? 'Trả lời' : 'Answer'}: {p.deadlines.answerBy ? when(p.deadlines.answerBy) : '—'}
          </li>
          {p.deadlines.publishBy && (
            <li>
              {lang === 'vi' ? 'Công khai' : 'Publish'}: {when(p.deadlines.publishBy)}
            </li>
          )}
        </ul>
      </section>
      <p>
        <a href="/phan-anh">{text.fileAnother}</a>
      </p>
    </article>
  );
}
