/**
 * /thu-tuc — the centre's procedure catalogue for citizens (no sign-in): by field, searchable without
 * diacritics, each procedure with its documents, legal and committed time, fee, where to submit, the
 * forms and the legal basis. The same records the counters receive dossiers under. A phone first:
 * one column, large type; ?q= keeps the search and ?ma= the open procedure, so a link or a QR code
 * can point at either.
 */
import { useEffect, useId, useState } from 'react';
import type { PublicCatalogue, PublicProcedureDetail, PublicProcedureSummary } from '../../contracts/public';
import type { Lang } from '../../contracts/lang';
import { api, ApiError } from '../shared/api';
import { fill, LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { channelName, formatDuration, formatFee, formatPercent, mainChannel } from './public-format';
import './public.css';

const TEXT: Dictionary<
  | 'title'
  | 'intro'
  | 'searchLabel'
  | 'searchHelp'
  | 'allFields'
  | 'loading'
  | 'found'
  | 'noMatch'
  | 'empty'
  | 'code'
  | 'legalTime'
  | 'committedTime'
  | 'fee'
  | 'shorter'
  | 'back'
  | 'channels'
  | 'channel'
  | 'documents'
  | 'document'
  | 'originals'
  | 'copies'
  | 'ifApplicable'
  | 'noDocuments'
  | 'forms'
  | 'formsNone'
  | 'formsNote'
  | 'submitAt'
  | 'inPerson'
  | 'online'
  | 'onlineWhere'
  | 'postal'
  | 'decides'
  | 'result'
  | 'legalBasis'
  | 'decision'
  | 'cutoff'
  | 'field'
  | 'level'
  | 'results'
  | 'lookup'
  | 'footer'
  | 'procedures'
> = {
  vi: {
    title: 'Thủ tục hành chính',
    intro: 'Tra cứu giấy tờ cần chuẩn bị, thời hạn giải quyết, phí, lệ phí và nơi nộp hồ sơ. Gõ tên thủ tục, có dấu hoặc không dấu.',
    searchLabel: 'Tìm thủ tục',
    searchHelp: 'Ví dụ: khai sinh, chung thuc ban sao, 1.001193',
    allFields: 'Tất cả lĩnh vực',
    loading: 'Đang tải…',
    found: 'Tìm thấy {n} thủ tục',
    noMatch: 'Không tìm thấy thủ tục nào với "{q}". Hãy thử ít từ hơn hoặc hỏi cán bộ hướng dẫn.',
    empty: 'Trung tâm chưa công bố thủ tục nào.',
    code: 'Mã thủ tục',
    legalTime: 'Theo quy định',
    committedTime: 'Trung tâm cam kết',
    fee: 'Phí, lệ phí',
    shorter: 'rút ngắn {p}',
    back: 'Quay lại danh sách',
    channels: 'Thời hạn giải quyết và phí, lệ phí',
    channel: 'Cách nộp',
    documents: 'Thành phần hồ sơ',
    document: 'Giấy tờ',
    originals: 'Bản chính',
    copies: 'Bản sao',
    ifApplicable: 'Nếu thuộc trường hợp này',
    noDocuments: 'Danh mục chưa ghi thành phần hồ sơ; xin hỏi cán bộ hướng dẫn.',
    forms: 'Biểu mẫu, tờ khai',
    formsNone: 'Thủ tục này không có tờ khai theo mẫu trong danh mục.',
    formsNote:
      'Danh mục chỉ ghi tên biểu mẫu, chưa có tệp để tải về. Mẫu được phát miễn phí tại quầy hướng dẫn, và có trên Cổng Dịch vụ công quốc gia (tìm theo mã thủ tục {code}).',
    submitAt: 'Nơi nộp hồ sơ',
    inPerson: 'Nộp trực tiếp tại',
    online: 'Nộp trực tuyến',
    onlineWhere: 'Cổng Dịch vụ công quốc gia',
    postal: 'Gửi qua dịch vụ bưu chính đến',
    decides: 'Cơ quan giải quyết',
    result: 'Kết quả',
    legalBasis: 'Căn cứ pháp lý',
    decision: 'Quyết định công bố',
    cutoff: 'Hồ sơ nhận sau {time} được trả kết quả trong ngày làm việc tiếp theo.',
    field: 'Lĩnh vực',
    level: 'Cấp thực hiện',
    results: 'Kết quả giải quyết hồ sơ của Trung tâm',
    lookup: 'Tra cứu hồ sơ đã nộp',
    footer: 'Thông tin theo danh mục thủ tục hành chính Trung tâm đang áp dụng; khi có thay đổi, danh mục được cập nhật.',
    procedures: '{n} thủ tục',
  },
  en: {
    title: 'Administrative procedures',
    intro: 'Find the documents to bring, processing times, fees and where to submit. Type a procedure’s name, with or without Vietnamese accents.',
    searchLabel: 'Find a procedure',
    searchHelp: 'For example: khai sinh, chung thuc ban sao, 1.001193',
    allFields: 'All fields',
    loading: 'Loading…',
    found: '{n} procedures found',
    noMatch: 'No procedure matches "{q}". Try fewer words or ask the guidance desk.',
    empty: 'The centre has not published any procedure yet.',
    code: 'Procedure code',
    legalTime: 'By law',
    committedTime: 'Centre’s commitment',
    fee: 'Fee',
    shorter: '{p} shorter',
    back: 'Back to the list',
    channels: 'Processing time and fees',
    channel: 'How to submit',
    documents: 'Documents to submit',
    document: 'Document',
    originals: 'Originals',
    copies: 'Copies',
    ifApplicable: 'Only if it applies',
    noDocuments: 'The catalogue lists no documents; please ask the guidance desk.',
    forms: 'Forms',
    formsNone: 'The catalogue lists no form to fill in for this procedure.',
    formsNote:
      'The catalogue names the forms but holds no files to download. Forms are free at the guidance desk and on the National Public Service Portal (search for procedure code {code}).',
    submitAt: 'Where to submit',
    inPerson: 'In person at',
    online: 'Online',
    onlineWhere: 'National Public Service Portal',
    postal: 'By post to',
    decides: 'Deciding agency',
    result: 'Result',
    legalBasis: 'Legal basis',
    decision: 'Published by decision',
    cutoff: 'Dossiers received after {time} are resolved on the next working day.',
    field: 'Field',
    level: 'Level',
    results: 'The centre’s published results',
    lookup: 'Look up a submitted dossier',
    footer: 'As in the catalogue of administrative procedures the centre applies; it is updated when procedures change.',
    procedures: '{n} procedures',
  },
};

/** The national portal: where the forms and online submission live. */
const NATIONAL_PORTAL = 'https://dichvucong.gov.vn';

type ListState = { state: 'loading' } | { state: 'ready'; catalogue: PublicCatalogue } | { state: 'failed'; message: string };
type DetailState = { state: 'closed' } | { state: 'loading'; code: string } | { state: 'ready'; procedure: PublicProcedureDetail } | { state: 'failed'; code: string; message: string };

function readParams() {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', field: params.get('linh-vuc') ?? '', code: params.get('ma') ?? '', centre: params.get('centre') ?? '' };
}

function writeParams(next: { q: string; field: string; code: string; centre: string }, push: boolean) {
  const params = new URLSearchParams(location.search);
  const set = (key: string, value: string) => (value ? params.set(key, value) : params.delete(key));
  set('q', next.q.trim());
  set('linh-vuc', next.field);
  set('ma', next.code);
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export default function CataloguePage() {
  const text = useText(TEXT);
  const { lang } = useLang();
  const inputId = useId();
  const initial = readParams();
  const [query, setQuery] = useState(initial.q);
  const [field, setField] = useState(initial.field);
  const [code, setCode] = useState(initial.code);
  const centre = initial.centre;
  const [list, setList] = useState<ListState>({ state: 'loading' });
  const [detail, setDetail] = useState<DetailState>({ state: 'closed' });

  // The list follows the query as the citizen types, a moment after the last key.
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams();
      if (query.trim()) params.set('q', query.trim());
      if (field) params.set('field', field);
      if (centre) params.set('centre', centre);
      api<PublicCatalogue>('GET', `/api/v1/public/catalogue?${params.toString()}`)
        .then((catalogue) => !cancelled && setList({ state: 'ready', catalogue }))
        .catch((error: unknown) => !cancelled && setList({ state: 'failed', message: messageOf(error) }));
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query, field, centre, lang]);

  useEffect(() => {
    if (!code) {
      setDetail({ state: 'closed' });
      return;
    }
    let cancelled = false;
    setDetail({ state: 'loading', code });
    const suffix = centre ? `?centre=${encodeURIComponent(centre)}` : '';
    api<PublicProcedureDetail>('GET', `/api/v1/public/procedures/${encodeURIComponent(code)}${suffix}`)
      .then((procedure) => !cancelled && setDetail({ state: 'ready', procedure }))
      .catch((error: unknown) => !cancelled && setDetail({ state: 'failed', code, message: messageOf(error) }));
    return () => {
      cancelled = true;
    };
  }, [code, centre, lang]);

  useEffect(() => {
    const onPop = () => {
      const p = readParams();
      setQuery(p.q);
      setField(p.field);
      setCode(p.code);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const open = (next: string) => {
    writeParams({ q: query, field, code: next, centre }, true);
    setCode(next);
    window.scrollTo(0, 0);
  };
  const close = () => {
    writeParams({ q: query, field, code: '', centre }, true);
    setCode('');
  };

  const catalogue = list.state === 'ready' ? list.catalogue : null;

  return (
    <main className="pub" data-testid="catalogue-page">
      <header className="pub-head">
        <div>
          <h1>{text.title}</h1>
          {catalogue && <p className="pub-centre">{catalogue.centre.name}</p>}
        </div>
        <LangSwitch className="lang-switch pub-lang" />
      </header>

      {code ? (
        <ProcedureView state={detail} onBack={close} />
      ) : (
        <>
          <form className="pub-search" role="search" aria-label={text.searchLabel} onSubmit={(e) => e.preventDefault()}>
            <p className="pub-intro">{text.intro}</p>
            <label htmlFor={inputId}>{text.searchLabel}</label>
            <input
              id={inputId}
              type="search"
              name="q"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                writeParams({ q: e.target.value, field, code: '', centre }, false);
              }}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              placeholder="khai sinh"
              aria-describedby={`${inputId}-help`}
            />
            <span className="pub-help" id={`${inputId}-help`}>
              {text.searchHelp}
            </span>
            {catalogue && catalogue.fields.length > 1 && (
              <label className="pub-field-select">
                <span>{text.field}</span>
                <select
                  value={field}
                  onChange={(e) => {
                    setField(e.target.value);
                    writeParams({ q: query, field: e.target.value, code: '', centre }, false);
                  }}
                >
                  <option value="">{text.allFields}</option>
                  {catalogue.fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.name} ({f.count})
                    </option>
                  ))}
                </select>
              </label>
            )}
          </form>

          <div aria-live="polite" aria-busy={list.state === 'loading'}>
            {list.state === 'loading' && <p className="pub-muted">{text.loading}</p>}
            {list.state === 'failed' && (
              <p className="pub-error" role="alert">
                {list.message}
              </p>
            )}
            {catalogue && <ProcedureList catalogue={catalogue} onOpen={open} />}
          </div>
        </>
      )}

      <nav className="pub-links">
        <a href="/ket-qua">{text.results}</a>
        <a href="/lookup">{text.lookup}</a>
      </nav>
      <p className="pub-footer">{text.footer}</p>
    </main>
  );
}

function ProcedureList({ catalogue, onOpen }: { catalogue: PublicCatalogue; onOpen: (code: string) => void }) {
  const text = useText(TEXT);
  const { procedures, query } = catalogue;
  if (procedures.length === 0) {
    return <p className="pub-muted">{query ? fill(text.noMatch, { q: query }) : text.empty}</p>;
  }
  if (query) {
    return (
      <section aria-label={fill(text.found, { n: procedures.length })}>
        <p className="pub-muted" role="status">
          {fill(text.found, { n: procedures.length })}
        </p>
        <ul className="pub-list" data-testid="procedure-list">
          {procedures.map((p) => (
            <ProcedureItem key={p.code} procedure={p} onOpen={onOpen} showField />
          ))}
        </ul>
      </section>
    );
  }
  const groups = new Map<string, PublicProcedureSummary[]>();
  for (const p of procedures) groups.set(p.fieldName, [...(groups.get(p.fieldName) ?? []), p]);
  return (
    <>
      {[...groups.entries()].map(([name, items]) => (
        <section key={name} className="pub-group" aria-label={name}>
          <h2>
            {name || '—'} <span className="pub-count">{fill(text.procedures, { n: items.length })}</span>
          </h2>
          <ul className="pub-list" data-testid="procedure-list">
            {items.map((p) => (
              <ProcedureItem key={p.code} procedure={p} onOpen={onOpen} showField={false} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ProcedureItem({ procedure: p, onOpen, showField }: { procedure: PublicProcedureSummary; onOpen: (code: string) => void; showField: boolean }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const main = mainChannel(p.channels);
  return (
    <li>
      <a
        className="pub-item"
        href={`?ma=${encodeURIComponent(p.code)}`}
        data-testid="procedure-item"
        onClick={(e) => {
          e.preventDefault();
          onOpen(p.code);
        }}
      >
        <span className="pub-item-name">{p.name}</span>
        <span className="pub-item-facts">
          <span>{p.code}</span>
          {showField && p.fieldName && <span>{p.fieldName}</span>}
          {main && <span>{timeSummary(main, lang, text)}</span>}
          {main && <span>{formatFee(main, lang)}</span>}
        </span>
      </a>
    </li>
  );
}

function timeSummary(c: PublicProcedureSummary['channels'][number], lang: Lang, text: Record<keyof (typeof TEXT)['vi'], string>): string {
  if (c.committedAmount !== null && c.reductionPercent !== null) {
    return `${formatDuration(c.committedAmount, c.unit, lang)} (${fill(text.shorter, { p: formatPercent(c.reductionPercent, lang) })})`;
  }
  return formatDuration(c.legalAmount, c.unit, lang);
}

function ProcedureView({ state, onBack }: { state: DetailState; onBack: () => void }) {
  const text = useText(TEXT);
  const back = (
    <button type="button" className="pub-back" onClick={onBack}>
      ← {text.back}
    </button>
  );
  if (state.state === 'loading' || state.state === 'closed') {
    return (
      <>
        {back}
        <p className="pub-muted">{text.loading}</p>
      </>
    );
  }
  if (state.state === 'failed') {
    return (
      <>
        {back}
        <p className="pub-error" role="alert">
          {state.message}
        </p>
      </>
    );
  }
  return (
    <>
      {back}
      <ProcedureDetail procedure={state.procedure} />
    </>
  );
}

function ProcedureDetail({ procedure: p }: { procedure: PublicProcedureDetail }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  return (
    <article className="pub-card" data-testid="procedure-detail" aria-labelledby="pub-procedure-name">
      <h2 id="pub-procedure-name" className="pub-name">
        {p.name}
      </h2>
      <dl className="pub-facts">
        <div>
          <dt>{text.code}</dt>
          <dd>{p.code}</dd>
        </div>
        {p.fieldName && (
          <div>
            <dt>{text.field}</dt>
            <dd>{p.fieldName}</dd>
          </div>
        )}
        {p.level && (
          <div>
            <dt>{text.level}</dt>
            <dd>{p.level}</dd>
          </div>
        )}
      </dl>

      <section>
        <h3>{text.channels}</h3>
        <div className="pub-table-wrap">
          <table className="pub-table" data-testid="procedure-times">
            <thead>
              <tr>
                <th scope="col">{text.channel}</th>
                <th scope="col">{text.legalTime}</th>
                <th scope="col">{text.committedTime}</th>
                <th scope="col">{text.fee}</th>
              </tr>
            </thead>
            <tbody>
              {p.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{channelName(c.channel, lang)}</th>
                  <td>{formatDuration(c.legalAmount, c.unit, lang)}</td>
                  <td>
                    {c.committedAmount !== null && c.reductionPercent !== null ? (
                      <strong className="pub-shorter">
                        {formatDuration(c.committedAmount, c.unit, lang)} ({fill(text.shorter, { p: formatPercent(c.reductionPercent, lang) })})
                      </strong>
                    ) : (
                      formatDuration(c.legalAmount, c.unit, lang)
                    )}
                  </td>
                  <td data-testid="procedure-fee">{formatFee(c, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.cutoff && <p className="pub-note">{fill(text.cutoff, { time: p.cutoff })}</p>}
      </section>

      <section>
        <h3>{text.documents}</h3>
        {p.documents.length === 0 ? (
          <p className="pub-muted">{text.noDocuments}</p>
        ) : (
          <div className="pub-table-wrap">
            <table className="pub-table pub-docs" data-testid="procedure-documents">
              <thead>
                <tr>
                  <th scope="col">{text.document}</th>
                  <th scope="col">{text.originals}</th>
                  <th scope="col">{text.copies}</th>
                </tr>
              </thead>
              <tbody>
                {p.documents.map((d, i) => (
                  <tr key={i}>
                    <td>
                      {d.name}
                      {!d.required && <span className="pub-optional"> ({text.ifApplicable})</span>}
                    </td>
                    <td className="pub-num">{d.originals ?? (d.copiesText || '—')}</td>
                    <td className="pub-num">{d.copies ?? (d.copiesText ? '' : '—')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section data-testid="procedure-forms">
        <h3>{text.forms}</h3>
        {p.forms.length === 0 ? (
          <p className="pub-muted">{text.formsNone}</p>
        ) : (
          <>
            <ul className="pub-forms">
              {p.forms.map((f, i) => (
                <li key={i}>{f.url ? <a href={f.url}>{f.name}</a> : f.name}</li>
              ))}
            </ul>
            {p.forms.some((f) => !f.url) && (
              <p className="pub-note">
                {fill(text.formsNote, { code: p.code })}{' '}
                <a href={NATIONAL_PORTAL} rel="noopener noreferrer" target="_blank">
                  dichvucong.gov.vn
                </a>
              </p>
            )}
          </>
        )}
      </section>

      <section>
        <h3>{text.submitAt}</h3>
        <ul className="pub-where">
          <li>
            {text.inPerson} <strong>{p.submitAt.centre.name}</strong>
            {p.submitAt.centre.address ? ` – ${p.submitAt.centre.address}` : ''}
          </li>
          {p.submitAt.online && (
            <li>
              {text.online}:{' '}
              <a href={NATIONAL_PORTAL} rel="noopener noreferrer" target="_blank">
                {text.onlineWhere}
              </a>
            </li>
          )}
          {p.submitAt.postal && (
            <li>
              {text.postal} {p.submitAt.centre.name}
            </li>
          )}
          {p.submitAt.agency && (
            <li>
              {text.decides}: {p.submitAt.agency}
            </li>
          )}
        </ul>
      </section>

      {p.resultText && (
        <section>
          <h3>{text.result}</h3>
          <p>{p.resultText}</p>
        </section>
      )}

      {(p.legalBasis.length > 0 || p.decision) && (
        <section>
          <h3>{text.legalBasis}</h3>
          <ul className="pub-legal">
            {p.legalBasis.map((l, i) => (
              <li key={i}>
                {l.title}
                {l.number && <span className="pub-legal-number"> ({l.number})</span>}
              </li>
            ))}
          </ul>
          {p.decision && (
            <p className="pub-note">
              {text.decision}: {p.decision}
            </p>
          )}
        </section>
      )}
    </article>
  );
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}
