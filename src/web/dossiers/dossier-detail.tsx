/**
 * One dossier (/dossiers?id=…): who, what, the appointment (and the extended one), the documents,
 * the steps with their allowance and Trước hạn/Đúng hạn/Quá hạn, the history, the forms that can be
 * printed, and a button for each action the server allows now — each opening a small inline form
 * for what that action needs.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { DossierActionInput, DossierActionName, DossierView } from '../../contracts/dossier';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { FormError, Notice, TextArea, TextField, useAction } from '../manage/ui';
import {
  CHANNEL_LABELS,
  cleanItems,
  formatAppointment,
  formatShort,
  isoToLocalInputs,
  localToIso,
  missingMandatory,
  type MissingItemDraft,
} from './dossier-format';
import { DocumentChecklist, itemsProblemText, MissingItemsEditor, PrintButton } from './dossier-widgets';
import { DossierRatingPanel } from './dossier-rating-panel';
import { EVENT_TYPES, TEXT, type DossiersText, type FormCode } from './dossiers-text';

export function DossierDetail({ id, onBack }: { id: string; onBack(): void }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [view, setView] = useState<DossierView | null>(null);
  const [open, setOpen] = useState<DossierActionName | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useAction();

  const reload = useCallback(
    () =>
      load.run(async () => {
        setView(await api<DossierView>('GET', `dossiers/${id}`));
      }),
    [load.run, id],
  );
  useEffect(() => {
    setView(null);
    setOpen(null);
    setNotice(null);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (view) document.title = `${view.code} – ${text.title}`;
  }, [view, text.title]);

  if (!view) {
    return (
      <div className="m-stack">
        <BackLink onBack={onBack} text={text} />
        {load.error ? <FormError error={load.error} /> : <p>{text.loading}</p>}
      </div>
    );
  }

  const due = view.dueState === 'overdue' || view.dueState === 'due-soon' ? view.dueState : null;
  const a = view.applicant;
  return (
    <div className="m-stack d-detail">
      <BackLink onBack={onBack} text={text} />

      <section className={`m-card d-head${due ? ` d-head-${due}` : ''}`} aria-labelledby="d-detail-code">
        <div className="m-card-head">
          <h2 id="d-detail-code" className="d-code">
            <span className="visually-hidden">{text.codeLabel} </span>
            <span data-testid="dossier-code">{view.code}</span>
          </h2>
          <div className="d-head-badges">
            <span className="d-status d-status-big" data-testid="dossier-status" data-status={view.status}>
              {view.statusLabel}
            </span>
            {due && <span className={`d-due d-due-${due}`}>{text[`due:${due}`]}</span>}
            {view.timeliness && <span className={`d-tl d-tl-${view.timeliness}`}>{text[`tl:${view.timeliness}`]}</span>}
          </div>
        </div>
        <p className="d-proc-line">
          <code>{view.procedureCode}</code> {view.procedureName}{' '}
          <span className="m-muted">({fill(text.version, { n: view.procedureVersion })})</span>
        </p>
        {view.processDocument && (
          <p className="d-proc-line m-muted" data-testid="dossier-process">
            {fill(text.processDocument, { code: view.processDocument.code, n: view.processDocument.issueNumber })}
          </p>
        )}
        <div className="d-head-grid">
          <dl className="d-facts">
            <dt>{text.applicant}</dt>
            <dd data-testid="applicant-name">{a.fullName}</dd>
            {a.idNumber && (
              <>
                <dt>{text.idNumber}</dt>
                <dd>{a.idNumber}</dd>
              </>
            )}
            {a.address && (
              <>
                <dt>{text.address}</dt>
                <dd>{a.address}</dd>
              </>
            )}
            {a.phone && (
              <>
                <dt>{text.phone}</dt>
                <dd>{a.phone}</dd>
              </>
            )}
            {a.email && (
              <>
                <dt>{text.email}</dt>
                <dd>{a.email}</dd>
              </>
            )}
            <dt>{text.field}</dt>
            <dd>{view.fieldName}</dd>
            <dt>{text.channel}</dt>
            <dd>{CHANNEL_LABELS[view.channel][lang]}</dd>
            <dt>{text.processingTime}</dt>
            <dd>{view.processingTimeText}</dd>
          </dl>
          <dl className="d-facts">
            <dt>{view.receivedAt ? text.receivedAt : text.createdAt}</dt>
            <dd>{formatAppointment(view.receivedAt ?? view.createdAt, lang)}</dd>
            {view.receivedByName && (
              <>
                <dt>{text.receivedBy}</dt>
                <dd>{view.receivedByName}</dd>
              </>
            )}
            {view.dueAt && (
              <>
                <dt>{text.dueAt}</dt>
                <dd className={view.extendedDueAt ? 'd-superseded' : 'd-due-at'} data-testid="due-at">
                  {formatAppointment(view.dueAt, lang)}
                </dd>
              </>
            )}
            {view.extendedDueAt && (
              <>
                <dt>{text.extendedDueAt}</dt>
                <dd className="d-due-at" data-testid="extended-due-at">
                  {formatAppointment(view.extendedDueAt, lang)}
                </dd>
              </>
            )}
            {view.finishedAt && (
              <>
                <dt>{text.finishedAt}</dt>
                <dd>{formatAppointment(view.finishedAt, lang)}</dd>
              </>
            )}
            {view.returnedAt && (
              <>
                <dt>{text.returnedAt}</dt>
                <dd>{formatAppointment(view.returnedAt, lang)}</dd>
              </>
            )}
            {view.returnedTo && (
              <>
                <dt>{text.returnedTo}</dt>
                <dd data-testid="returned-to">{view.returnedTo}</dd>
              </>
            )}
          </dl>
        </div>
      </section>

      <section className="m-card" aria-labelledby="d-actions-title">
        <h2 id="d-actions-title">{text.actions}</h2>
        {notice && <Notice>{notice}</Notice>}
        {view.actions.length === 0 ? (
          <p className="m-muted">{text.noActions}</p>
        ) : (
          <div className="m-buttons d-action-buttons">
            {view.actions.map((action) => (
              <button
                key={action}
                type="button"
                data-testid={`action-${action}`}
                aria-expanded={open === action}
                className={open === action ? 'd-action-open' : undefined}
                onClick={() => {
                  setNotice(null);
                  setOpen(open === action ? null : action);
                }}
              >
                {text[`action:${action}`]}
              </button>
            ))}
          </div>
        )}
        {open && view.actions.includes(open) && (
          <ActionForm
            key={open}
            action={open}
            view={view}
            onCancel={() => setOpen(null)}
            onDone={(next) => {
              setView(next);
              setOpen(null);
              setNotice(text.updated);
            }}
          />
        )}
        {view.forms.length > 0 && (
          <>
            <h3>{text.print}</h3>
            <div className="m-buttons d-forms">
              {view.forms.map((form) => (
                <PrintButton key={form} dossierId={view.id} form={form} label={text[`form:${form as FormCode}`]} />
              ))}
            </div>
          </>
        )}
        <DossierRatingPanel view={view} />
      </section>

      <Reasons view={view} text={text} />

      <section className="m-card" aria-labelledby="d-steps-title">
        <h2 id="d-steps-title">{text.steps}</h2>
        <div className="m-table-wrap">
          <table className="m-table m-compact d-steps">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{text.colStepName}</th>
                <th scope="col">{text.colUnit}</th>
                <th scope="col">{text.colAllowance}</th>
                <th scope="col">{text.colStepDue}</th>
                <th scope="col">{text.colFinished}</th>
                <th scope="col">{text.colOfficer}</th>
                <th scope="col">{text.colResult}</th>
              </tr>
            </thead>
            <tbody>
              {view.steps.map((s, i) => {
                const current = view.currentStep === i;
                return (
                  <tr key={`${s.code}-${i}`} className={current ? 'm-selected' : undefined} aria-current={current ? 'step' : undefined} data-testid="step-row">
                    <td className="m-num">{i + 1}</td>
                    <th scope="row">
                      {s.name}
                      {s.note && <span className="m-sub">{s.note}</span>}
                    </th>
                    <td>{s.unit}</td>
                    <td className="m-nowrap">{fill(text.hoursN, { n: s.allowanceHours })}</td>
                    <td className="m-nowrap">{formatShort(s.dueAt)}</td>
                    <td className="m-nowrap">{formatShort(s.finishedAt)}</td>
                    <td>{s.officerName ?? '—'}</td>
                    <td>
                      {s.timeliness ? (
                        <span className={`d-tl d-tl-${s.timeliness}`}>{text[`tl:${s.timeliness}`]}</span>
                      ) : current ? (
                        <span className="d-current">{text.currentStep}</span>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="m-card" aria-labelledby="d-docs-title">
        <h2 id="d-docs-title">{text.documents}</h2>
        <ol className="d-doc-status">
          {view.documents.map((doc, i) => (
            <li key={i} className={doc.received ? 'd-doc-in' : 'd-doc-out'}>
              <span>
                {doc.name}
                {doc.mandatory && <span aria-hidden="true"> *</span>}
                {doc.copies && <span className="m-sub">{doc.copies}</span>}
              </span>
              <span className="d-doc-mark">{doc.received ? `✓ ${text.docReceived}` : `✗ ${text.docMissing}`}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="m-card" aria-labelledby="d-history-title">
        <h2 id="d-history-title">{text.history}</h2>
        {view.events.length === 0 ? (
          <p className="m-muted">{text.historyEmpty}</p>
        ) : (
          <ol className="d-history" data-testid="history">
            {view.events.map((e, i) => (
              <li key={i}>
                <time dateTime={e.at}>{formatShort(e.at)}</time>
                <span className="d-history-what">
                  <strong>{(EVENT_TYPES as readonly string[]).includes(e.type) ? text[e.type as (typeof EVENT_TYPES)[number]] : e.type}</strong>
                  {e.actorName && <span className="m-muted"> · {e.actorName}</span>}
                  <EventDetails data={e.data} lang={lang} text={text} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function BackLink({ onBack, text }: { onBack(): void; text: DossiersText }) {
  return (
    <p className="d-back">
      <a
        href="?"
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          onBack();
        }}
      >
        {text.back}
      </a>
    </p>
  );
}

/** What was asked of the citizen and why the dossier stopped, was refused or extended. */
function Reasons({ view, text }: { view: DossierView; text: DossiersText }) {
  const { lang } = useLang();
  const blocks = [];
  if (view.guidance) {
    blocks.push(
      <div key="guidance">
        <h3>{fill(text.guidance, { time: formatShort(view.guidance.at) })}</h3>
        <ItemList items={view.guidance.items} />
      </div>,
    );
  }
  if (view.supplements.length > 0) {
    blocks.push(
      <div key="supplements">
        <h3>{text.supplements}</h3>
        {view.supplements.map((s, i) => (
          <div key={i} className="d-supplement">
            <p className="m-muted">
              {s.completedAt
                ? fill(text.supplementDone, { time: formatShort(s.requestedAt), done: formatShort(s.completedAt) })
                : fill(text.supplementOpen, { time: formatShort(s.requestedAt) })}
            </p>
            <ItemList items={s.items} />
          </div>
        ))}
      </div>,
    );
  }
  if (view.apology) {
    blocks.push(
      <div key="apology">
        <h3>{fill(text.apology, { time: formatShort(view.apology.issuedAt) })}</h3>
        <p>
          {view.apology.reason} → <strong>{formatAppointment(view.apology.newDueAt, lang)}</strong>
        </p>
      </div>,
    );
  }
  if (view.refusal) {
    blocks.push(
      <div key="refusal">
        <h3>{text.refusal}</h3>
        <p>{view.refusal.reason}</p>
      </div>,
    );
  }
  if (view.stop) {
    blocks.push(
      <div key="stop">
        <h3>{text.stopReason}</h3>
        <p>{view.stop.reason}</p>
      </div>,
    );
  }
  if (blocks.length === 0) return null;
  return <section className="m-card d-reasons">{blocks}</section>;
}

function ItemList({ items }: { items: { name: string; reason: string }[] }) {
  return (
    <ol className="d-missing">
      {items.map((item, i) => (
        <li key={i}>
          <strong>{item.name}</strong>: {item.reason}
        </li>
      ))}
    </ol>
  );
}

/** The few facts of an event worth a line in the history. */
function EventDetails({ data, lang, text }: { data: Record<string, unknown>; lang: 'vi' | 'en'; text: DossiersText }) {
  const str = (key: string) => (typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : null);
  const parts: string[] = [];
  const reason = str('reason');
  if (reason) parts.push(reason);
  const step = str('stepName') ?? str('step');
  if (step) parts.push(step);
  const receivedBy = str('receivedBy');
  if (receivedBy) parts.push(`${text.returnedTo}: ${receivedBy}`);
  const newDue = str('newDueAt');
  if (newDue) parts.push(`${text.extendedDueAt}: ${formatAppointment(newDue, lang)}`);
  const dueAt = str('dueAt');
  if (!newDue && dueAt && str('receivedAt')) parts.push(`${text.dueAt}: ${formatAppointment(dueAt, lang)}`);
  const note = str('note');
  if (note) parts.push(note);
  const items = Array.isArray(data.items) ? (data.items as { name?: unknown }[]) : [];
  const names = items.map((i) => (typeof i.name === 'string' ? i.name : '')).filter(Boolean);
  if (names.length > 0) parts.push(names.join('; '));
  if (parts.length === 0) return null;
  return <span className="d-history-detail"> — {parts.join(' · ')}</span>;
}

/** The inputs one action needs, then Confirm / Cancel. */
function ActionForm({
  action,
  view,
  onDone,
  onCancel,
}: {
  action: DossierActionName;
  view: DossierView;
  onDone(view: DossierView): void;
  onCancel(): void;
}) {
  const text = useText(TEXT);
  const send = useAction();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [items, setItems] = useState<MissingItemDraft[]>([{ name: '', reason: '' }]);
  const [date, setDate] = useState('');
  const [time, setTime] = useState(() => isoToLocalInputs(view.extendedDueAt ?? view.dueAt).time || '17:00');
  const [receivedBy, setReceivedBy] = useState(view.applicant.fullName);
  const [docs, setDocs] = useState<ReadonlySet<number>>(
    () => new Set(view.documents.flatMap((d, i) => (d.received ? [i] : []))),
  );
  const [localError, setLocalError] = useState<string | null>(null);

  const problem = (): string | null => {
    switch (action) {
      case 'request-supplement':
        return itemsProblemText(items, text);
      case 'apologise':
        if (!reason.trim()) return text.reasonRequired;
        return localToIso(date, time) ? null : text.newDueBad;
      case 'stop':
      case 'refuse':
        return reason.trim() ? null : text.reasonRequired;
      case 'return':
        return receivedBy.trim() ? null : text.receivedByRequired;
      case 'receive': {
        const missing = missingMandatory(view.documents, docs);
        return missing.length > 0 ? fill(text.missingMandatory, { names: missing.join('; ') }) : null;
      }
      default:
        return null;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bad = problem();
    setLocalError(bad);
    if (bad) return;
    const body: DossierActionInput = {
      action,
      note: note.trim() || null,
      items: action === 'request-supplement' ? cleanItems(items) : [],
      reason: reason.trim(),
      newDueAt: action === 'apologise' ? localToIso(date, time) : null,
      receivedBy: action === 'return' ? receivedBy.trim() : '',
      documentsReceived: action === 'receive' ? [...docs].sort((x, y) => x - y) : [],
    };
    await send.run(async () => onDone(await api<DossierView>('POST', `dossiers/${view.id}/actions`, body)));
  };

  const reasonLabel = action === 'apologise' ? text.apologyReason : action === 'stop' ? text.stopReasonLabel : action === 'refuse' ? text.refuseReason : text.reason;

  return (
    <form className="m-form d-action-form" onSubmit={(e) => void submit(e)} noValidate aria-label={text[`action:${action}`]} data-testid="action-form">
      <p className="m-help">{text[`help:${action}`]}</p>
      {action === 'request-supplement' && <MissingItemsEditor items={items} onChange={setItems} />}
      {(action === 'apologise' || action === 'stop' || action === 'refuse') && (
        <TextArea label={reasonLabel} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      )}
      {action === 'apologise' && (
        <div className="m-grid m-grid-3">
          <TextField label={text.newDate} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <TextField label={text.newTime} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
      )}
      {action === 'return' && (
        <TextField label={text.receivedByLabel} maxLength={200} value={receivedBy} onChange={(e) => setReceivedBy(e.target.value)} autoFocus />
      )}
      {action === 'receive' && (
        <DocumentChecklist
          documents={view.documents}
          received={docs}
          onToggle={(i, on) =>
            setDocs((prev) => {
              const next = new Set(prev);
              if (on) next.add(i);
              else next.delete(i);
              return next;
            })
          }
        />
      )}
      {(action === 'finish-step' || action === 'withdraw' || action === 'complete-supplement') && (
        <TextArea label={text.note} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      )}
      <FormError error={localError ?? send.error} />
      <div className="m-buttons">
        <button type="submit" className="m-primary" disabled={send.busy}>
          {send.busy ? text.sending : text.confirm}
        </button>
        <button type="button" onClick={onCancel} disabled={send.busy}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
