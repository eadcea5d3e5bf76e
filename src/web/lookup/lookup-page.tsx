/**
 * /lookup — the citizen's dossier lookup (the QR code on the receipt, Mẫu 01, opens /lookup?code=…).
 * No sign-in: the code is the key, so the page shows what the receipt already shows, minus personal
 * data (initials only). Made for a phone held in one hand: one column, large type.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PublicDossier } from '../../contracts/dossier';
import { api, ApiError } from '../shared/api';
import { fill, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { formatInstantWithWeekday } from '../manage/day-format';
import { appointmentOf, codeFromSearch, headlineOf, isDossierCode, normaliseCode, searchForCode, stepProgress, type Headline } from './lookup-view';
import { LookupRatingLink } from '../rate/lookup-rating-link';
import './lookup.css';

const TEXT: Dictionary<
  | Headline
  | 'title'
  | 'intro'
  | 'codeLabel'
  | 'codeHelp'
  | 'search'
  | 'searching'
  | 'badCode'
  | 'code'
  | 'procedure'
  | 'applicant'
  | 'receivedAt'
  | 'appointment'
  | 'extended'
  | 'originalAppointment'
  | 'returnedAt'
  | 'missingTitle'
  | 'missingHelp'
  | 'reason'
  | 'steps'
  | 'stepsDone'
  | 'stepDone'
  | 'stepPending'
  | 'noSteps'
  | 'notFoundTitle'
  | 'footer'
  | 'catalogueLink'
  | 'resultsLink'
  | 'paknLink'
  | 'paknAboutDossier'
> = {
  vi: {
    title: 'Tra cứu hồ sơ',
    intro: 'Nhập mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, hoặc quét mã QR trên giấy.',
    codeLabel: 'Mã hồ sơ',
    codeHelp: 'Ví dụ: 000.00.16.H26-261126-0001',
    search: 'Tra cứu',
    searching: 'Đang tra cứu…',
    badCode: 'Mã hồ sơ chỉ gồm chữ cái, chữ số, dấu chấm và dấu gạch ngang. Vui lòng kiểm tra lại.',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    applicant: 'Người nộp',
    receivedAt: 'Ngày nhận hồ sơ',
    appointment: 'Hẹn trả kết quả',
    extended: 'Hẹn lại trả kết quả',
    originalAppointment: 'Hẹn ban đầu',
    returnedAt: 'Đã trả kết quả lúc',
    resultReady: 'Đã có kết quả – mời ông/bà đến quầy trả kết quả',
    returned: 'Đã trả kết quả',
    inProgress: 'Hồ sơ đang được giải quyết',
    supplement: 'Cần bổ sung hồ sơ – mời ông/bà bổ sung các giấy tờ dưới đây',
    incomplete: 'Hồ sơ chưa đủ thành phần, chưa được tiếp nhận',
    refused: 'Hồ sơ bị từ chối giải quyết',
    stopped: 'Đã dừng giải quyết hồ sơ',
    withdrawn: 'Ông/bà đã rút hồ sơ',
    missingTitle: 'Giấy tờ cần bổ sung, hoàn thiện',
    missingHelp: 'Mang các giấy tờ này đến quầy tiếp nhận. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.',
    reason: 'Lý do',
    steps: 'Các bước giải quyết',
    stepsDone: 'Đã xong {done}/{total} bước',
    stepDone: 'Đã xong',
    stepPending: 'Chưa xong',
    noSteps: 'Chưa có bước xử lý nào.',
    notFoundTitle: 'Không tra cứu được hồ sơ',
    footer: 'Thông tin chỉ để tham khảo; kết quả chính thức nhận tại Bộ phận tiếp nhận và trả kết quả.',
    catalogueLink: 'Thủ tục hành chính, giấy tờ cần chuẩn bị',
    resultsLink: 'Kết quả giải quyết hồ sơ của Trung tâm',
    paknLink: 'Phản ánh, kiến nghị',
    paknAboutDossier: 'Phản ánh, kiến nghị về hồ sơ này',
  },
  en: {
    title: 'Dossier lookup',
    intro: 'Enter the dossier code printed on your receipt, or scan the QR code on it.',
    codeLabel: 'Dossier code',
    codeHelp: 'For example: 000.00.16.H26-261126-0001',
    search: 'Look up',
    searching: 'Looking up…',
    badCode: 'A dossier code has only letters, digits, dots and hyphens. Please check it.',
    code: 'Dossier code',
    procedure: 'Procedure',
    applicant: 'Applicant',
    receivedAt: 'Received',
    appointment: 'Result due',
    extended: 'New due date',
    originalAppointment: 'First due date',
    returnedAt: 'Result handed over',
    resultReady: 'Your result is ready – please come to the result counter',
    returned: 'The result has been handed over',
    inProgress: 'Your dossier is being processed',
    supplement: 'Documents needed – please bring the papers listed below',
    incomplete: 'The dossier was incomplete and was not received',
    refused: 'The dossier was refused',
    stopped: 'Processing has been stopped',
    withdrawn: 'You withdrew the dossier',
    missingTitle: 'Documents to add or complete',
    missingHelp: 'Bring these to the reception counter. The time you take does not count against the deadline.',
    reason: 'Reason',
    steps: 'Processing steps',
    stepsDone: '{done} of {total} steps done',
    stepDone: 'Done',
    stepPending: 'Not yet',
    noSteps: 'No processing steps yet.',
    notFoundTitle: 'The dossier could not be shown',
    footer: 'For information only; the official result is handed over at the one-stop counter.',
    catalogueLink: 'Procedures and the documents to bring',
    resultsLink: 'The centre’s published results',
    paknLink: 'Complaints and suggestions',
    paknAboutDossier: 'Complain or suggest about this dossier',
  },
};

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; code: string }
  | { state: 'found'; dossier: PublicDossier }
  | { state: 'failed'; code: string; message: string; notFound: boolean };

export default function LookupPage() {
  const text = useText(TEXT);
  const initial = codeFromSearch(location.search);
  const [input, setInput] = useState(initial);
  const [inputError, setInputError] = useState<string | null>(null);
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const latest = useRef(0);
  const inputId = useId();

  const find = async (code: string) => {
    const request = ++latest.current;
    setLookup({ state: 'loading', code });
    try {
      const dossier = await api<PublicDossier>('GET', `/api/v1/public/dossiers/${encodeURIComponent(code)}`);
      if (request === latest.current) setLookup({ state: 'found', dossier });
    } catch (e) {
      if (request !== latest.current) return;
      const notFound = e instanceof ApiError && (e.code === 'NOT_FOUND' || e.status === 404);
      setLookup({ state: 'failed', code, message: e instanceof Error ? e.message : String(e), notFound });
    }
  };

  // The QR code opens the page with the code: look it up at once.
  useEffect(() => {
    if (!initial) return;
    if (isDossierCode(initial)) void find(initial);
    else setInputError(text.badCode);
  }, []);

  useEffect(() => {
    document.title = lookup.state === 'found' ? `${lookup.dossier.code} – ${text.title}` : text.title;
  }, [lookup, text]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = normaliseCode(input);
    setInput(code);
    if (!isDossierCode(code)) {
      setInputError(text.badCode);
      return;
    }
    setInputError(null);
    history.replaceState(null, '', searchForCode(location.search, code));
    void find(code);
  };

  const busy = lookup.state === 'loading';

  return (
    <main className="lk">
      <header className="lk-head">
        <h1>{text.title}</h1>
        <LangSwitch className="lang-switch lk-lang" />
      </header>

      <form className="lk-form" onSubmit={submit} role="search" aria-label={text.title}>
        <p className="lk-intro">{text.intro}</p>
        <label htmlFor={inputId}>{text.codeLabel}</label>
        <input
          id={inputId}
          name="code"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="search"
          placeholder="000.00.16.H26-261126-0001"
          aria-invalid={inputError ? true : undefined}
          aria-describedby={`${inputId}-help${inputError ? ` ${inputId}-error` : ''}`}
        />
        <span className="lk-help" id={`${inputId}-help`}>
          {text.codeHelp}
        </span>
        {inputError && (
          <span className="lk-input-error" id={`${inputId}-error`} role="alert">
            {inputError}
          </span>
        )}
        <button type="submit" className="lk-search" disabled={busy}>
          {busy ? text.searching : text.search}
        </button>
      </form>

      <div aria-live="polite" aria-busy={busy}>
        {lookup.state === 'failed' && (
          <section className="lk-card lk-failed" role="alert" data-testid="lookup-error">
            <h2>{text.notFoundTitle}</h2>
            <p className="lk-code">{lookup.code}</p>
            <p>{lookup.message}</p>
          </section>
        )}
        {lookup.state === 'found' && <DossierCard dossier={lookup.dossier} />}
      </div>

      <nav className="lk-links">
        <a href="/thu-tuc" data-testid="lookup-catalogue-link">{text.catalogueLink}</a>
        <a href="/ket-qua" data-testid="lookup-results-link">{text.resultsLink}</a>
      </nav>
      <p className="lk-footer">
        {text.footer} · <a href="/phan-anh" data-testid="lookup-pakn-link">{text.paknLink}</a>
      </p>
    </main>
  );
}

function DossierCard({ dossier: d }: { dossier: PublicDossier }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const { headline, tone } = headlineOf(d);
  const appointment = appointmentOf(d);
  const progress = stepProgress(d.steps);
  const when = (iso: string | null) => formatInstantWithWeekday(iso, lang);

  return (
    <article className={`lk-card lk-tone-${tone}`} data-status={d.status} aria-labelledby="lk-status">
      <p className="lk-status" id="lk-status" data-testid="lookup-status">
        {text[headline]}
      </p>
      <LookupRatingLink code={d.code} status={d.status} />

      <dl className="lk-facts">
        <div>
          <dt>{text.code}</dt>
          <dd className="lk-code" data-testid="lookup-code">
            {d.code}
          </dd>
        </div>
        <div>
          <dt>{text.procedure}</dt>
          <dd className="lk-procedure" data-testid="lookup-procedure">
            {d.procedureName}
          </dd>
        </div>
        <div>
          <dt>{text.applicant}</dt>
          <dd data-testid="lookup-applicant">{d.applicantInitials}</dd>
        </div>
        {d.receivedAt && (
          <div>
            <dt>{text.receivedAt}</dt>
            <dd data-testid="lookup-received">{when(d.receivedAt)}</dd>
          </div>
        )}
        {appointment.current && (
          <div className="lk-due">
            <dt>{appointment.original ? text.extended : text.appointment}</dt>
            <dd data-testid="lookup-due">
              <strong>{when(appointment.current)}</strong>
              {appointment.original && (
                <span className="lk-replaced" data-testid="lookup-original-due">
                  {text.originalAppointment}: <s>{when(appointment.original)}</s>
                </span>
              )}
            </dd>
          </div>
        )}
        {d.returnedAt && (
          <div>
            <dt>{text.returnedAt}</dt>
            <dd data-testid="lookup-returned">{when(d.returnedAt)}</dd>
          </div>
        )}
      </dl>

      {d.missingItems.length > 0 && (
        <section className="lk-missing" aria-labelledby="lk-missing-title" data-testid="lookup-missing">
          <h2 id="lk-missing-title">{text.missingTitle}</h2>
          <ol>
            {d.missingItems.map((item, i) => (
              <li key={i}>
                <strong>{item.name}</strong>
                <span className="lk-reason">
                  {text.reason}: {item.reason}
                </span>
              </li>
            ))}
          </ol>
          <p className="lk-help">{text.missingHelp}</p>
        </section>
      )}

      <section className="lk-steps" aria-labelledby="lk-steps-title">
        <h2 id="lk-steps-title">{text.steps}</h2>
        {d.steps.length === 0 ? (
          <p className="lk-help">{text.noSteps}</p>
        ) : (
          <>
            <p className="lk-progress">{fill(text.stepsDone, progress)}</p>
            <ol data-testid="lookup-steps">
              {d.steps.map((s, i) => (
                <li key={i} className={s.done ? 'is-done' : 'is-pending'} data-done={s.done}>
                  <span className="lk-mark" aria-hidden="true">
                    {s.done ? '✓' : '○'}
                  </span>
                  <span className="lk-step-name">{s.name}</span>
                  <span className="lk-step-state">
                    {s.done ? text.stepDone : text.stepPending}
                    {s.done && s.finishedAt ? ` · ${when(s.finishedAt)}` : ''}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <p className="lk-help">
        <a href={`/phan-anh?dossier=${encodeURIComponent(d.code)}`} data-testid="lookup-pakn-dossier">
          {text.paknAboutDossier}
        </a>
      </p>
    </article>
  );
}
