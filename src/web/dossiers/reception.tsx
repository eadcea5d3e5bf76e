/**
 * Tiếp nhận hồ sơ: the officer picks the procedure (those of the ticket's field first), the channel,
 * fills in the applicant, ticks the documents handed in, and ends with one of three outcomes —
 * receive (Form 01, appointment computed by the server), ask for a supplement listing every missing
 * item (Form 02), or refuse with a legal reason (Form 03). The server decides; its refusals are shown
 * next to the buttons in the user's language.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Channel, DossierView, ProcedureDetail, ProcedureSummary, ReceiveDossierInput } from '../../contracts/dossier';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { FormError, SelectField, TextArea, TextField, useAction } from '../manage/ui';
import {
  cleanItems,
  feeText,
  fieldFirst,
  formatAppointment,
  missingItemsFrom,
  missingMandatory,
  processingTimeText,
  RECEPTION_FORM,
  ruleText,
  routeSearch,
  type DossiersRoute,
  type MissingItemDraft,
} from './dossier-format';
import { DocumentChecklist, itemsProblemText, MissingItemsEditor, PrintButton } from './dossier-widgets';
import { TEXT } from './dossiers-text';

type Outcome = ReceiveDossierInput['outcome'];

interface ApplicantDraft {
  fullName: string;
  idNumber: string;
  address: string;
  phone: string;
  email: string;
}
const EMPTY_APPLICANT: ApplicantDraft = { fullName: '', idNumber: '', address: '', phone: '', email: '' };

export function Reception({
  ticketId,
  fieldId,
  navigate,
}: {
  ticketId: string | null;
  fieldId: string | null;
  navigate(route: DossiersRoute): void;
}) {
  const text = useText(TEXT);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [result, setResult] = useState<{ view: DossierView; outcome: Outcome } | null>(null);
  // A fresh form (new key) for each dossier: nothing typed for the last citizen lingers.
  const [round, setRound] = useState(0);

  if (result) {
    return (
      <ReceptionResult
        view={result.view}
        outcome={result.outcome}
        navigate={navigate}
        onAnother={() => {
          setResult(null);
          setProcedure(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return (
    <div className="m-stack d-reception" key={round}>
      {ticketId && <p className="m-notice m-notice-info">{text.fromTicket}</p>}
      {procedure ? (
        <ReceptionForm procedure={procedure} ticketId={ticketId} onChange={() => setProcedure(null)} onDone={(view, outcome) => setResult({ view, outcome })} />
      ) : (
        <ProcedurePicker fieldId={fieldId} onPick={setProcedure} />
      )}
    </div>
  );
}

function ProcedurePicker({ fieldId, onPick }: { fieldId: string | null; onPick(p: ProcedureDetail): void }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [query, setQuery] = useState('');
  const [ofField, setOfField] = useState<ProcedureSummary[] | null>(null);
  const [found, setFound] = useState<ProcedureSummary[] | null>(null);
  const list = useAction();
  const pick = useAction();

  useEffect(() => {
    if (!fieldId) return;
    let cancelled = false;
    void list.run(async () => {
      const r = await api<{ procedures: ProcedureSummary[] }>('GET', `procedures?${new URLSearchParams({ fieldId })}`);
      if (!cancelled) setOfField(r.procedures);
    });
    return () => {
      cancelled = true;
    };
  }, [fieldId, list.run]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFound(null);
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void list.run(async () => {
        const r = await api<{ procedures: ProcedureSummary[] }>('GET', `procedures?${new URLSearchParams({ q })}`);
        if (!cancelled) setFound(fieldFirst(r.procedures, fieldId));
      });
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query, fieldId, list.run]);

  const shown = found ?? ofField;
  const choose = (p: ProcedureSummary) =>
    void pick.run(async () => {
      onPick(await api<ProcedureDetail>('GET', `procedures/${p.id}`));
    });

  return (
    <section className="m-card" aria-labelledby="d-pick-title">
      <h2 id="d-pick-title">{text.chosen}</h2>
      <TextField
        label={text.procSearch}
        help={text.procSearchHelp}
        type="search"
        autoFocus
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <FormError error={pick.error ?? list.error} />
      {shown && (
        <>
          <h3>{found ? text.procResults : text.procOfField}</h3>
          {shown.length === 0 ? (
            <p className="m-muted">{text.procNone}</p>
          ) : (
            <ul className="d-procs" aria-busy={list.busy || pick.busy}>
              {shown.map((p) => (
                <li key={p.id} className={p.fieldId && p.fieldId === fieldId ? 'd-proc d-proc-field' : 'd-proc'} data-testid="procedure-option">
                  <button type="button" className="d-proc-pick" disabled={pick.busy} onClick={() => choose(p)}>
                    <code>{p.code}</code> <strong>{p.name}</strong>
                  </button>
                  <div className="d-proc-facts">
                    <span>{p.fieldName}</span>
                    {p.rules.map((r) => (
                      <span key={r.channel}>{ruleText(r, p.cutoff, lang)}</span>
                    ))}
                    <span>
                      {text.fee}: {feeText(p.rules.find((r) => r.channel === 'direct') ?? p.rules[0], lang)}
                    </span>
                    <span>{fill(text.documentsN, { n: p.documents })}</span>
                    {!p.active && <span className="m-badge m-badge-off">{text.inactive}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function ReceptionForm({
  procedure,
  ticketId,
  onChange,
  onDone,
}: {
  procedure: ProcedureDetail;
  ticketId: string | null;
  onChange(): void;
  onDone(view: DossierView, outcome: Outcome): void;
}) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const current = procedure.current;
  const channels = current.rules.map((r) => r.channel);
  const [channel, setChannel] = useState<Channel>(channels.includes('direct') ? 'direct' : (channels[0] ?? 'direct'));
  const [applicant, setApplicant] = useState<ApplicantDraft>(EMPTY_APPLICANT);
  const [received, setReceived] = useState<ReadonlySet<number>>(() => new Set());
  const [mode, setMode] = useState<'incomplete' | 'refuse' | null>(null);
  const [items, setItems] = useState<MissingItemDraft[]>([]);
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const send = useAction();
  const editorRef = useRef<HTMLDivElement>(null);

  const rule = current.rules.find((r) => r.channel === channel) ?? current.rules[0];
  const amount = rule ? (rule.committedAmount ?? rule.amount) : null;

  useEffect(() => {
    setPreview(null);
    if (!rule || (amount === null && rule.unit !== 'same-day')) return;
    let cancelled = false;
    const params = new URLSearchParams({ received: new Date().toISOString(), amount: String(amount ?? 0), unit: rule.unit });
    if (current.cutoff) params.set('cutoff', current.cutoff);
    api<{ due: string }>('GET', `calendar/due?${params}`)
      .then((r) => !cancelled && setPreview(r.due))
      // Only a preview: the server computes the real appointment on receipt.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [rule, amount, current.cutoff]);

  useEffect(() => {
    if (mode) editorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [mode]);

  const missing = useMemo(() => missingMandatory(current.documents, received), [current.documents, received]);
  const setField = (key: keyof ApplicantDraft) => (e: { target: { value: string } }) => setApplicant((a) => ({ ...a, [key]: e.target.value }));
  const toggle = (index: number, on: boolean) =>
    setReceived((prev) => {
      const next = new Set(prev);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });

  const submit = async (outcome: Outcome) => {
    setLocalError(null);
    send.setError(null);
    if (!applicant.fullName.trim()) return setLocalError(text.nameRequired);
    if (outcome === 'receive' && missing.length > 0) return setLocalError(fill(text.missingMandatory, { names: missing.join('; ') }));
    if (outcome === 'incomplete') {
      const problem = itemsProblemText(items, text);
      if (problem) return setLocalError(problem);
    }
    if (outcome === 'refuse' && !reason.trim()) return setLocalError(text.reasonRequired);
    const orNull = (value: string) => value.trim() || null;
    const body: ReceiveDossierInput = {
      procedureId: procedure.id,
      ticketId,
      channel,
      applicant: {
        fullName: applicant.fullName.trim(),
        idNumber: orNull(applicant.idNumber),
        address: orNull(applicant.address),
        phone: orNull(applicant.phone),
        email: orNull(applicant.email),
      },
      documentsReceived: [...received].sort((a, b) => a - b),
      outcome,
      missingItems: outcome === 'incomplete' ? cleanItems(items) : [],
      reason: outcome === 'refuse' ? reason.trim() : '',
    };
    await send.run(async () => onDone(await api<DossierView>('POST', 'dossiers', body), outcome));
  };

  const openIncomplete = () => {
    setLocalError(null);
    setMode('incomplete');
    setItems(missingItemsFrom(current.documents, received, text.defaultReason));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(mode ?? 'receive');
  };

  return (
    <form className="m-stack" onSubmit={onSubmit} noValidate aria-labelledby="d-proc-title">
      <section className="m-card d-chosen">
        <div className="m-card-head">
          <h2 id="d-proc-title">
            <code>{procedure.code}</code> {current.name}
          </h2>
          <button type="button" onClick={onChange} disabled={send.busy}>
            {text.change}
          </button>
        </div>
        <dl className="d-facts">
          <dt>{text.field}</dt>
          <dd>{procedure.fieldName}</dd>
          {current.agency && (
            <>
              <dt>{text.agency}</dt>
              <dd>{current.agency}</dd>
            </>
          )}
          <dt>{text.processingTime}</dt>
          <dd data-testid="processing-time">{rule ? processingTimeText(amount, rule.unit, current.cutoff, lang) : '—'}</dd>
          <dt>{text.fee}</dt>
          <dd>{feeText(rule, lang)}</dd>
          {preview && (
            <>
              <dt>{text.appointmentPreview}</dt>
              <dd data-testid="appointment-preview">{formatAppointment(preview, lang)}</dd>
            </>
          )}
        </dl>
        <div className="m-grid m-grid-3">
          <SelectField
            label={text.channel}
            value={channel}
            onChange={(e) => setChannel(e.target.value as Channel)}
            options={current.rules.map((r) => ({ value: r.channel, label: ruleText(r, current.cutoff, lang) }))}
          />
        </div>
      </section>

      <section className="m-card" aria-labelledby="d-applicant-title">
        <h2 id="d-applicant-title">{text.applicantTitle}</h2>
        <div className="m-grid m-grid-2">
          <TextField label={`${text.fullName} *`} required autoComplete="off" maxLength={200} value={applicant.fullName} onChange={setField('fullName')} />
          <TextField label={text.idNumber} help={text.idNumberHelp} autoComplete="off" maxLength={20} value={applicant.idNumber} onChange={setField('idNumber')} />
          <TextField label={text.address} className="d-wide" autoComplete="off" maxLength={300} value={applicant.address} onChange={setField('address')} />
          <TextField label={text.phone} type="tel" autoComplete="off" maxLength={16} value={applicant.phone} onChange={setField('phone')} />
          <TextField label={text.email} type="email" autoComplete="off" maxLength={200} value={applicant.email} onChange={setField('email')} />
        </div>
      </section>

      <section className="m-card d-docs" aria-labelledby="d-docs-title">
        <div className="m-card-head">
          <h2 id="d-docs-title">{text.docsTitle}</h2>
          {current.documents.length > 0 && (
            <button type="button" onClick={() => setReceived(new Set(current.documents.map((_, i) => i)))}>
              {text.tickAll}
            </button>
          )}
        </div>
        <p className="m-help">{text.docsHelp}</p>
        {current.documents.length === 0 ? (
          <p className="m-muted">{text.docsNone}</p>
        ) : (
          <DocumentChecklist documents={current.documents} received={received} onToggle={toggle} />
        )}
        {missing.length > 0 && <p className="m-warn-text">{fill(text.missingMandatory, { names: missing.join('; ') })}</p>}
      </section>

      {mode === 'incomplete' && (
        <section className="m-card" ref={editorRef} aria-labelledby="d-incomplete-title">
          <h2 id="d-incomplete-title">{text.incompleteTitle}</h2>
          <p className="m-help">{text.incompleteHelp}</p>
          <MissingItemsEditor items={items} onChange={setItems} />
        </section>
      )}
      {mode === 'refuse' && (
        <section className="m-card" ref={editorRef} aria-labelledby="d-refuse-title">
          <h2 id="d-refuse-title">{text.refuseTitle}</h2>
          <TextArea label={text.refuseReason} help={text.refuseHelp} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </section>
      )}

      <div className="m-card d-outcomes">
        <FormError error={localError ?? send.error} />
        <div className="m-buttons">
          {mode === null ? (
            <>
              <button type="button" className="m-primary" disabled={send.busy} onClick={() => void submit('receive')}>
                {text.outcomeReceive}
              </button>
              <button type="button" disabled={send.busy} onClick={openIncomplete}>
                {text.outcomeIncomplete}
              </button>
              <button
                type="button"
                className="m-danger-link"
                disabled={send.busy}
                onClick={() => {
                  setLocalError(null);
                  setMode('refuse');
                }}
              >
                {text.outcomeRefuse}
              </button>
            </>
          ) : (
            <>
              <button type="submit" className="m-primary" disabled={send.busy}>
                {send.busy ? text.sending : mode === 'incomplete' ? text.createIncomplete : text.createRefuse}
              </button>
              <button
                type="button"
                disabled={send.busy}
                onClick={() => {
                  setLocalError(null);
                  send.setError(null);
                  setMode(null);
                }}
              >
                {text.cancel}
              </button>
            </>
          )}
        </div>
      </div>
    </form>
  );
}

function ReceptionResult({
  view,
  outcome,
  navigate,
  onAnother,
}: {
  view: DossierView;
  outcome: Outcome;
  navigate(route: DossiersRoute): void;
  onAnother(): void;
}) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const form = RECEPTION_FORM[outcome];
  const title = outcome === 'receive' ? text.successReceived : outcome === 'incomplete' ? text.successIncomplete : text.successRefused;
  const detail: DossiersRoute = { view: 'detail', id: view.id };
  return (
    <section className={`m-card d-result d-result-${outcome}`} aria-labelledby="d-result-title">
      <h2 id="d-result-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="d-result-code">
        <span className="d-result-label">{text.codeLabel}</span>
        <strong data-testid="dossier-code">{view.code}</strong>
      </p>
      <p>
        <span className="d-status" data-testid="dossier-status" data-status={view.status}>
          {view.statusLabel}
        </span>{' '}
        <code>{view.procedureCode}</code> {view.procedureName} · {view.applicant.fullName}
      </p>
      {view.dueAt && (
        <p className="d-result-due" data-testid="appointment">
          {fill(text.appointment, { date: formatAppointment(view.extendedDueAt ?? view.dueAt, lang) })}
        </p>
      )}
      <div className="m-buttons">
        <PrintButton dossierId={view.id} form={form} label={fill(text.printForm, { form })} primary />
        <a
          href={routeSearch(detail) || '?'}
          onClick={(e) => {
            if (e.ctrlKey || e.metaKey || e.shiftKey) return;
            e.preventDefault();
            navigate(detail);
          }}
        >
          {text.openDetail}
        </a>
        <button type="button" onClick={onAnother}>
          {text.receiveAnother}
        </button>
      </div>
    </section>
  );
}
