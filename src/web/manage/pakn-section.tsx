/**
 * "Phản ánh, kiến nghị": the complaints and suggestions citizens filed, overdue ones first and marked,
 * each with its current 766 deadline; a detail with the content, the contact (unless anonymous), the
 * deadlines, the history, and the actions the status allows (assign, request information, reject with
 * a reason, answer, publish).
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  PAKN_CATEGORIES,
  PAKN_CATEGORY_LABELS,
  PAKN_KIND_LABELS,
  PAKN_REJECT_REASONS,
  PAKN_REJECT_REASON_LABELS,
  PAKN_STATUSES,
  PAKN_STATUS_LABELS,
  type PaknDetail,
  type PaknListItem,
} from '../../contracts/pakn';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { formatDateTime, hallDay } from './format';
import { PAKN_EVENT_LABELS, PAKN_SOURCE_LABELS, PAKN_TEXT, type PaknTextKey } from './pakn-text';
import type { SectionProps } from './section-props';
import { FormError, Modal, useAction } from './ui';
import './dossier-sections.css';
import './pakn-section.css';

const DEADLINE_TEXT: Record<PaknDetail['missed'][number], PaknTextKey> = {
  reject: 'rejectBy',
  'request-info': 'requestInfoBy',
  answer: 'answerBy',
  publish: 'publishBy',
};

interface Filter {
  status: 'open' | 'all' | (typeof PAKN_STATUSES)[number];
  overdue: '' | '1' | '0';
  category: '' | (typeof PAKN_CATEGORIES)[number];
  from: string;
  to: string;
}

export function paknListUrl(f: Filter): string {
  const params = new URLSearchParams({ status: f.status });
  if (f.overdue) params.set('overdue', f.overdue);
  if (f.category) params.set('category', f.category);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  return `/api/v1/manage/pakn?${params}`;
}

export function PaknSection({ info }: SectionProps) {
  const text = useText(PAKN_TEXT);
  const { lang } = useLang();
  const [filter, setFilter] = useState<Filter>({ status: 'open', overdue: '', category: '', from: '', to: hallDay(info.serverTime) });
  const [items, setItems] = useState<PaknListItem[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const set = <K extends keyof Filter>(key: K, value: Filter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const load = (f: Filter = filter) =>
    run(async () => {
      setItems(await api<PaknListItem[]>('GET', paknListUrl(f)));
    });

  useEffect(() => {
    void load();
  }, [lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load();
  };
  const overdue = items?.filter((i) => i.overdue).length ?? 0;
  const when = (iso: string | null | undefined) => formatDateTime(iso, lang);

  return (
    <div className="m-stack">
      <section className="m-card">
        <form className="m-range ds-filters" onSubmit={submit} aria-label={text.filters}>
          <label>
            {text.status}
            <select value={filter.status} onChange={(e) => set('status', e.target.value as Filter['status'])} data-testid="pakn-filter-status">
              <option value="open">{text.statusOpen}</option>
              <option value="all">{text.statusAll}</option>
              {PAKN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PAKN_STATUS_LABELS[s][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {text.overdue}
            <select value={filter.overdue} onChange={(e) => set('overdue', e.target.value as Filter['overdue'])} data-testid="pakn-filter-overdue">
              <option value="">{text.overdueAny}</option>
              <option value="1">{text.overdueOnly}</option>
              <option value="0">{text.notOverdue}</option>
            </select>
          </label>
          <label>
            {text.category}
            <select value={filter.category} onChange={(e) => set('category', e.target.value as Filter['category'])}>
              <option value="">{text.categoryAll}</option>
              {PAKN_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {PAKN_CATEGORY_LABELS[c][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {text.from}
            <input type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label>
            {text.to}
            <input type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set('to', e.target.value)} />
          </label>
          <button type="submit" className="m-primary" disabled={busy}>
            {text.show}
          </button>
        </form>
        <p className="m-help">{text.deadlineRule}</p>
        <FormError error={error} />
      </section>

      {items && (
        <section className="m-card" aria-busy={busy}>
          <p className="ds-summary" role="status">
            {fill(text.count, { n: items.length })}
            {overdue > 0 && <span className="ds-overdue-count"> · {fill(text.overdueCount, { n: overdue })}</span>}
          </p>
          {items.length === 0 ? (
            <p className="m-muted">{text.none}</p>
          ) : (
            <div className="m-table-wrap">
              <table className="m-table m-compact ds-book pk-table" data-testid="pakn-list">
                <thead>
                  <tr>
                    <th scope="col">{text.code}</th>
                    <th scope="col">{text.received}</th>
                    <th scope="col">{text.category}</th>
                    <th scope="col">{text.about}</th>
                    <th scope="col">{text.content}</th>
                    <th scope="col">{text.status}</th>
                    <th scope="col">{text.assignedTo}</th>
                    <th scope="col">{text.deadline}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id} className={p.overdue ? 'ds-overdue' : undefined} data-overdue={p.overdue || undefined} data-code={p.code}>
                      <th scope="row" className="m-nowrap">
                        <button type="button" className="pk-link" onClick={() => setOpenId(p.id)}>
                          {p.code}
                        </button>
                        <span className="m-sub">{PAKN_KIND_LABELS[p.kind][lang]}</span>
                      </th>
                      <td className="m-nowrap">{when(p.receivedAt)}</td>
                      <td>{p.categoryLabel}</td>
                      <td>{p.subjectLabel}</td>
                      <td className="pk-excerpt">{p.excerpt}</td>
                      <td>
                        {p.statusLabel}
                        {p.citizenSatisfied !== null && <span className="m-sub">{p.citizenSatisfied ? text.satisfied : text.dissatisfied}</span>}
                      </td>
                      <td>{p.assignedToName ?? '—'}</td>
                      <td className="m-nowrap">
                        {p.current ? (
                          <>
                            {when(p.current.due)}
                            <span className="m-sub">{p.current.label}</span>
                          </>
                        ) : p.paused ? (
                          <span className="m-sub">{text.paused}</span>
                        ) : (
                          '—'
                        )}
                        {p.overdue && <strong className="ds-overdue-mark"> {text.overdueMark}</strong>}
                        {!p.overdue && !p.onTime && <span className="m-sub ds-overdue-mark">{text.missed}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {openId && (
        <PaknDetailModal
          id={openId}
          onClose={() => {
            setOpenId(null);
            void load();
          }}
        />
      )}
    </div>
  );
}

function PaknDetailModal({ id, onClose }: { id: string; onClose(): void }) {
  const text = useText(PAKN_TEXT);
  const { lang } = useLang();
  const [detail, setDetail] = useState<PaknDetail | null>(null);
  const [assignees, setAssignees] = useState<{ id: string; name: string; role: string }[]>([]);
  const { busy, error, run } = useAction();
  const when = (iso: string | null | undefined) => formatDateTime(iso, lang);

  useEffect(() => {
    void run(async () => {
      setDetail(await api<PaknDetail>('GET', `/api/v1/manage/pakn/${id}`));
      setAssignees(await api<typeof assignees>('GET', '/api/v1/manage/pakn/assignees').catch(() => []));
    });
  }, [id, lang]);

  const act = (body: Record<string, unknown>) =>
    run(async () => {
      setDetail(await api<PaknDetail>('POST', `/api/v1/manage/pakn/${id}/actions`, body));
    });

  return (
    <Modal title={fill(text.detailTitle, { code: detail?.code ?? '' })} onClose={onClose} wide>
      {!detail ? (
        <FormError error={error} />
      ) : (
        <div className="m-stack pk-detail" data-testid="pakn-detail" data-status={detail.status}>
          <dl className="pk-facts">
            <dt>{text.status}</dt>
            <dd data-testid="pakn-detail-status">
              {detail.statusLabel}
              {detail.overdue && <strong className="ds-overdue-mark"> · {text.overdueMark}</strong>}
              {detail.missed.length > 0 && (
                <span className="m-sub ds-overdue-mark">
                  {text.missed}: {detail.missed.map((k) => text[DEADLINE_TEXT[k]]).join(', ')}
                </span>
              )}
            </dd>
            <dt>{text.category}</dt>
            <dd>
              {PAKN_KIND_LABELS[detail.kind][lang]} · {detail.categoryLabel}
            </dd>
            <dt>{text.about}</dt>
            <dd>{detail.subjectLabel}</dd>
            <dt>{text.received}</dt>
            <dd>
              {when(detail.receivedAt)} · {text.source}: {PAKN_SOURCE_LABELS[detail.source]?.[lang] ?? detail.source}
            </dd>
            <dt>{text.contact}</dt>
            <dd>{detail.contact ? [detail.contact.name, detail.contact.phone, detail.contact.email].filter(Boolean).join(' · ') : text.anonymous}</dd>
            <dt>{text.assignedTo}</dt>
            <dd>{detail.assignedToName ?? '—'}</dd>
            {detail.citizenSatisfied !== null && (
              <>
                <dt>{text.verdict}</dt>
                <dd>{detail.citizenSatisfied ? text.satisfied : text.dissatisfied}</dd>
              </>
            )}
          </dl>
          <section>
            <h3>{text.content}</h3>
            <p className="pk-content">{detail.content}</p>
          </section>
          <section>
            <h3>{text.deadlines}</h3>
            <ul className="pk-deadlines" data-testid="pakn-deadlines">
              <li>
                {text.rejectBy}: {when(detail.deadlines.rejectBy)}
              </li>
              <li>
                {text.requestInfoBy}: {when(detail.deadlines.requestInfoBy)}
              </li>
              <li>
                {text.answerBy}: {detail.deadlines.answerBy ? when(detail.deadlines.answerBy) : text.paused}
              </li>
              {detail.deadlines.publishBy && (
                <li>
                  {text.publishBy}: {when(detail.deadlines.publishBy)}
                </li>
              )}
            </ul>
          </section>
          {detail.infoRequests.length > 0 && (
            <section>
              <h3>{text.infoRequests}</h3>
              <ol>
                {detail.infoRequests.map((r, i) => (
                  <li key={i}>
                    <p className="pk-content">{r.question}</p>
                    <span className="m-sub">
                      {when(r.requestedAt)} {text.by} {r.requestedByName}
                    </span>
                    <p className="pk-content">
                      <strong>{text.reply}:</strong> {r.reply ?? text.noReply} {r.suppliedAt && <span className="m-sub">{when(r.suppliedAt)}</span>}
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {detail.answer && (
            <section>
              <h3>{text.answer}</h3>
              <p className="pk-content" data-testid="pakn-detail-answer">
                {detail.answer.text}
              </p>
              <span className="m-sub">
                {when(detail.answer.at)} {text.by} {detail.answer.byName}
              </span>
            </section>
          )}
          {detail.rejection && (
            <section>
              <h3>{text.rejection}</h3>
              <p>
                {detail.rejection.reasonLabel}
                {detail.rejection.note && ` — ${detail.rejection.note}`}
              </p>
              <span className="m-sub">
                {when(detail.rejection.at)} {text.by} {detail.rejection.byName}
              </span>
            </section>
          )}
          {detail.actions.length > 0 && (
            <section className="pk-actions">
              <h3>{text.actions}</h3>
              <PaknActions detail={detail} assignees={assignees} busy={busy} onAct={act} />
            </section>
          )}
          <FormError error={error} />
          <section>
            <h3>{text.history}</h3>
            <ol className="pk-history" data-testid="pakn-history">
              {detail.history.map((e, i) => (
                <li key={i}>
                  <span className="m-nowrap">{when(e.at)}</span> — {PAKN_EVENT_LABELS[e.type]?.[lang] ?? e.type}
                  {e.actorName && ` (${e.actorName})`}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </Modal>
  );
}

function PaknActions({
  detail,
  assignees,
  busy,
  onAct,
}: {
  detail: PaknDetail;
  assignees: { id: string; name: string; role: string }[];
  busy: boolean;
  onAct(body: Record<string, unknown>): Promise<boolean>;
}) {
  const text = useText(PAKN_TEXT);
  const { lang } = useLang();
  const [userId, setUserId] = useState(detail.assignedTo ?? '');
  const [question, setQuestion] = useState('');
  const [reason, setReason] = useState<(typeof PAKN_REJECT_REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState('');
  const can = (a: PaknDetail['actions'][number]) => detail.actions.includes(a);
  const submit = (body: Record<string, unknown>, reset: () => void) => (e: FormEvent) => {
    e.preventDefault();
    void onAct(body).then((ok) => ok && reset());
  };

  return (
    <div className="pk-action-forms">
      {can('assign') && (
        <form className="pk-action" onSubmit={submit({ action: 'assign', userId }, () => undefined)}>
          <label>
            {text.assignTo}
            <select value={userId} onChange={(e) => setUserId(e.target.value)} required data-testid="pakn-assignee">
              <option value="">{text.choose}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy || !userId} data-testid="pakn-assign">
            {text.assign}
          </button>
        </form>
      )}
      {can('answer') && (
        <form className="pk-action" onSubmit={submit({ action: 'answer', text: answer }, () => setAnswer(''))}>
          <label>
            {text.answerText}
            <textarea rows={5} maxLength={8000} value={answer} onChange={(e) => setAnswer(e.target.value)} required data-testid="pakn-answer-text" />
          </label>
          <button type="submit" className="m-primary" disabled={busy || answer.trim().length === 0} data-testid="pakn-answer">
            {text.answer}
          </button>
        </form>
      )}
      {can('publish') && (
        <form className="pk-action" onSubmit={submit({ action: 'publish' }, () => undefined)}>
          <span className="m-help">{text.publishHelp}</span>
          <button type="submit" className="m-primary" disabled={busy} data-testid="pakn-publish">
            {text.publish}
          </button>
        </form>
      )}
      {can('request-info') && (
        <form className="pk-action" onSubmit={submit({ action: 'request-info', question }, () => setQuestion(''))}>
          <label>
            {text.question}
            <textarea rows={3} maxLength={2000} value={question} onChange={(e) => setQuestion(e.target.value)} required data-testid="pakn-question" />
          </label>
          <button type="submit" disabled={busy || question.trim().length === 0} data-testid="pakn-request-info">
            {text.requestInfo}
          </button>
        </form>
      )}
      {can('reject') && (
        <form className="pk-action" onSubmit={submit({ action: 'reject', reason, note }, () => setNote(''))}>
          <label>
            {text.reason}
            <select value={reason} onChange={(e) => setReason(e.target.value as typeof reason)} required data-testid="pakn-reject-reason">
              <option value="">{text.choose}</option>
              {PAKN_REJECT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {PAKN_REJECT_REASON_LABELS[r][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {text.note}
            <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} data-testid="pakn-reject-note" />
            <span className="m-help">{text.noteHelp}</span>
          </label>
          <button type="submit" className="m-danger" disabled={busy || !reason} data-testid="pakn-reject">
            {text.reject}
          </button>
        </form>
      )}
    </div>
  );
}
