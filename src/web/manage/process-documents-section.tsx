/**
 * "Quy trình ISO": the process documents of the centre's procedures — the list with the issue in force,
 * a new draft from a procedure, and one document: its issues with the change history (print and Word
 * links), the draft editor (purpose, scope, legal basis, steps with roles and hours, records kept,
 * audit questions), issuing, and starting a revision. Inspectors and unit heads read only.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ProcedureSummary } from '../../contracts/dossier';
import type { ProcessContent, ProcessDocumentDetail, ProcessDocumentSummary } from '../../contracts/process-documents';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { hallDay } from './format';
import { formatDay } from './day-format';
import { PROCESS_TEXT } from './process-documents-text';
import type { SectionProps } from './section-props';
import { FormError, Notice, TextArea, TextField, useAction } from './ui';
import './process-documents.css';

export function canWriteProcesses(user: SectionProps['user']): boolean {
  return user.role === 'admin' || (user.role === 'manager' && !user.unitId);
}

export function ProcessDocumentsSection({ user, info }: SectionProps) {
  const text = useText(PROCESS_TEXT);
  const { lang } = useLang();
  const [items, setItems] = useState<ProcessDocumentSummary[] | null>(null);
  const [procedures, setProcedures] = useState<ProcedureSummary[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [draft, setDraft] = useState({ procedureId: '', code: '' });
  const list = useAction();
  const create = useAction();
  const writer = canWriteProcesses(user);

  const load = () =>
    list.run(async () => {
      setItems(await api<ProcessDocumentSummary[]>('GET', '/api/v1/manage/process-documents'));
    });

  useEffect(() => {
    void load();
    if (writer) void api<{ procedures: ProcedureSummary[] }>('GET', '/api/v1/procedures').then((r) => setProcedures(r.procedures), () => setProcedures([]));
  }, [lang]);

  const without = procedures.filter((p) => p.active && !items?.some((i) => i.procedureId === p.id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run(async () => {
      const made = await api<ProcessDocumentDetail>('POST', '/api/v1/manage/process-documents', draft);
      setDraft({ procedureId: '', code: '' });
      await load();
      setOpenId(made.id);
    });
  };

  return (
    <div className="m-stack pd-section">
      <section className="m-card">
        <p className="m-help">{text.intro}</p>
        {!writer && <Notice kind="info">{text.readOnly}</Notice>}
        <h2>{text.listTitle}</h2>
        <FormError error={list.error} />
        {items && items.length === 0 && <p className="m-muted">{text.none}</p>}
        {items && items.length > 0 && (
          <div className="m-table-wrap">
            <table className="m-table m-compact" data-testid="process-list">
              <thead>
                <tr>
                  <th scope="col">{text.code}</th>
                  <th scope="col">{text.procedure}</th>
                  <th scope="col">{text.inForce}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id} data-code={d.code}>
                    <th scope="row" className="m-nowrap">
                      {d.code}
                    </th>
                    <td>
                      <code>{d.procedureCode}</code> {d.procedureName}
                      <span className="m-sub">{d.fieldName}</span>
                    </td>
                    <td>
                      {d.inForce ? (
                        <>
                          {d.inForce.label}
                          <span className="m-sub">{formatDay(d.inForce.issuedOn)}</span>
                        </>
                      ) : (
                        <span className="m-muted">{text.notIssued}</span>
                      )}
                      {d.hasDraft && <span className="pd-badge">{text.draft}</span>}
                      {d.procedureChanged && <span className="pd-badge pd-warn">{text.procedureChanged}</span>}
                    </td>
                    <td>
                      <button type="button" onClick={() => setOpenId(d.id)} aria-label={`${text.open} ${d.code}`}>
                        {text.open}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {writer && (
        <section className="m-card">
          <h2>{text.newTitle}</h2>
          <form className="m-grid m-grid-3 pd-new" onSubmit={submit}>
            <div className="m-row">
              <label htmlFor="pd-new-procedure">{text.newProcedure}</label>
              <select id="pd-new-procedure" value={draft.procedureId} onChange={(e) => setDraft((d) => ({ ...d, procedureId: e.target.value }))} required>
                <option value="">{text.choose}</option>
                {without.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code} – {p.name}
                  </option>
                ))}
              </select>
            </div>
            <TextField label={text.newCode} help={text.newCodeHelp} value={draft.code} onChange={(e) => setDraft((d) => ({ ...d, code: e.target.value }))} required maxLength={30} />
            <div className="m-row">
              <button type="submit" className="m-primary" disabled={create.busy}>
                {text.create}
              </button>
            </div>
          </form>
          <FormError error={create.error} />
        </section>
      )}

      {openId && <ProcessDocumentPanel key={openId} id={openId} writer={writer} today={hallDay(info.serverTime)} onChanged={() => void load()} onClose={() => setOpenId(null)} />}
    </div>
  );
}

function ProcessDocumentPanel({ id, writer, today, onChanged, onClose }: { id: string; writer: boolean; today: string; onChanged(): void; onClose(): void }) {
  const text = useText(PROCESS_TEXT);
  const { lang } = useLang();
  const [doc, setDoc] = useState<ProcessDocumentDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [issue, setIssue] = useState({ issuedOn: today, approverName: '', approverTitle: '' });
  const [reviseNote, setReviseNote] = useState('');
  // The editor starts again from what the server saved (its audit questions follow edited steps).
  const [saves, setSaves] = useState(0);
  const load = useAction();
  const act = useAction();

  useEffect(() => {
    void load.run(async () => setDoc(await api<ProcessDocumentDetail>('GET', `/api/v1/manage/process-documents/${id}`)));
  }, [id, lang]);

  const apply = (work: () => Promise<ProcessDocumentDetail>, message: (d: ProcessDocumentDetail) => string) =>
    act.run(async () => {
      const next = await work();
      setDoc(next);
      setSaves((n) => n + 1);
      setNotice(message(next));
      onChanged();
    });

  if (!doc) return <FormError error={load.error} />;
  const draftIssue = doc.issues.find((i) => i.status === 'draft');
  const issuedOnes = doc.issues.filter((i) => i.status !== 'draft');

  return (
    <section className="m-card pd-panel" data-testid="process-detail" data-code={doc.code} aria-labelledby="pd-title">
      <div className="m-card-head">
        <h2 id="pd-title">
          {doc.code} · <code>{doc.procedureCode}</code> {doc.procedureName}
        </h2>
        <button type="button" onClick={onClose}>
          {text.close}
        </button>
      </div>
      {doc.inForce && <p data-testid="process-in-force">{doc.inForce.label}</p>}
      {doc.procedureChanged && <Notice kind="warn">{text.procedureChanged}</Notice>}
      {notice && <Notice>{notice}</Notice>}

      <h3>{text.history}</h3>
      <div className="m-table-wrap">
        <table className="m-table m-compact" data-testid="process-issues">
          <thead>
            <tr>
              <th scope="col">{text.issueNumber}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.issuedOn}</th>
              <th scope="col">{text.approver}</th>
              <th scope="col">{text.changes}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {doc.issues.map((i) => (
              <tr key={i.id} data-status={i.status} data-issue={i.issueNumber ?? 'draft'}>
                <th scope="row">{i.issueNumber ?? '—'}</th>
                <td>{i.statusLabel}</td>
                <td className="m-nowrap">{i.issuedOn ? formatDay(i.issuedOn) : '—'}</td>
                <td>
                  {i.approverName ?? '—'}
                  {i.approverTitle && <span className="m-sub">{i.approverTitle}</span>}
                </td>
                <td>
                  {i.changes.length === 0 && i.issueNumber === 1 ? text.firstIssue : i.changes.map((c) => <div key={c}>{c}</div>)}
                  {i.changeNote && <span className="m-sub">{i.changeNote}</span>}
                </td>
                <td className="m-nowrap">
                  <a href={i.printUrl} target="_blank" rel="noopener">
                    {text.print}
                  </a>{' '}
                  · <a href={`${i.printUrl}?format=doc`}>{text.word}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {draftIssue && writer && (
        <DraftEditor
          key={`${draftIssue.id}-${saves}`}
          content={draftIssue.content}
          changeNote={draftIssue.changeNote}
          committedHours={doc.committedHours}
          busy={act.busy}
          onSave={(content, changeNote) => apply(() => api('PUT', `/api/v1/manage/process-documents/${id}/draft`, { content, changeNote }), () => text.saved)}
          onDiscard={issuedOnes.length > 0 ? () => apply(() => api('DELETE', `/api/v1/manage/process-documents/${id}/draft`), () => '') : null}
        />
      )}

      {draftIssue && writer && (
        <form
          className="pd-issue"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(() => api('POST', `/api/v1/manage/process-documents/${id}/issue`, issue), (d) => fill(text.issued, { label: d.inForce?.label ?? '' }));
          }}
        >
          <h3>{text.issueTitle}</h3>
          <div className="m-grid m-grid-3">
            <TextField label={text.issuedOn} type="date" value={issue.issuedOn} onChange={(e) => setIssue((s) => ({ ...s, issuedOn: e.target.value }))} required />
            <TextField label={text.approverName} value={issue.approverName} onChange={(e) => setIssue((s) => ({ ...s, approverName: e.target.value }))} required />
            <TextField label={text.approverTitle} value={issue.approverTitle} onChange={(e) => setIssue((s) => ({ ...s, approverTitle: e.target.value }))} required />
          </div>
          <button type="submit" className="m-primary" disabled={act.busy}>
            {text.issue}
          </button>
        </form>
      )}

      {!draftIssue && doc.inForce && writer && (
        <form
          className="pd-revise"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(() => api('POST', `/api/v1/manage/process-documents/${id}/revise`, { changeNote: reviseNote }), () => '');
          }}
        >
          <h3>{text.reviseTitle}</h3>
          <p className="m-help">{text.reviseHelp}</p>
          <TextField label={text.changeNote} value={reviseNote} onChange={(e) => setReviseNote(e.target.value)} maxLength={2000} />
          <button type="submit" disabled={act.busy}>
            {text.revise}
          </button>
        </form>
      )}
      <FormError error={act.error} />
    </section>
  );
}

function DraftEditor({
  content: initial,
  changeNote: initialNote,
  committedHours,
  busy,
  onSave,
  onDiscard,
}: {
  content: ProcessContent;
  changeNote: string;
  committedHours: number | null;
  busy: boolean;
  onSave(content: ProcessContent, changeNote: string): void;
  onDiscard: (() => void) | null;
}) {
  const text = useText(PROCESS_TEXT);
  const [c, setC] = useState<ProcessContent>(initial);
  const [legal, setLegal] = useState(initial.legalBasis.join('\n'));
  const [note, setNote] = useState(initialNote);
  const total = c.steps.reduce((s, x) => s + (Number.isFinite(x.allowanceHours) ? x.allowanceHours : 0), 0);
  const set = <K extends keyof ProcessContent>(key: K, value: ProcessContent[K]) => setC((v) => ({ ...v, [key]: value }));
  const setRow = <K extends 'steps' | 'records' | 'checklist'>(key: K, index: number, patch: Partial<ProcessContent[K][number]>) =>
    setC((v) => ({ ...v, [key]: v[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const removeRow = (key: 'steps' | 'records' | 'checklist', index: number) => setC((v) => ({ ...v, [key]: v[key].filter((_, i) => i !== index) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ ...c, legalBasis: legal.split('\n').map((l) => l.trim()).filter(Boolean) }, note);
  };

  return (
    <form className="pd-editor m-stack" onSubmit={submit} data-testid="process-draft">
      <h3>{text.draftTitle}</h3>
      <TextField label={text.title} value={c.title} onChange={(e) => set('title', e.target.value)} maxLength={300} />
      <TextArea label={text.purpose} value={c.purpose} onChange={(e) => set('purpose', e.target.value)} rows={2} />
      <TextArea label={text.scope} value={c.scope} onChange={(e) => set('scope', e.target.value)} rows={2} />
      <TextArea label={text.legalBasis} help={text.legalBasisHelp} value={legal} onChange={(e) => setLegal(e.target.value)} rows={3} />

      <h4>{text.steps}</h4>
      <div className="m-table-wrap">
        <table className="m-table m-compact pd-steps">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{text.stepName}</th>
              <th scope="col">{text.stepRole}</th>
              <th scope="col">{text.stepHours}</th>
              <th scope="col">{text.stepOutput}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {c.steps.map((s, i) => (
              <tr key={i} data-step={i + 1}>
                <th scope="row">B{i + 1}</th>
                <td>
                  <input aria-label={`${text.stepName} ${i + 1}`} value={s.name} onChange={(e) => setRow('steps', i, { name: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`${text.stepRole} ${i + 1}`} value={s.role} onChange={(e) => setRow('steps', i, { role: e.target.value })} />
                </td>
                <td>
                  <input
                    aria-label={`${text.stepHours} ${i + 1}`}
                    className="pd-hours"
                    type="number"
                    min={0}
                    step={0.25}
                    value={s.allowanceHours}
                    onChange={(e) => setRow('steps', i, { allowanceHours: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <input aria-label={`${text.stepOutput} ${i + 1}`} value={s.output} onChange={(e) => setRow('steps', i, { output: e.target.value })} />
                </td>
                <td>
                  <button type="button" onClick={() => removeRow('steps', i)}>
                    {text.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={committedHours !== null && total > committedHours ? 'm-hint' : 'm-help'} data-testid="process-total">
        {fill(text.totalHours, { n: total })}
        {committedHours !== null && ` · ${fill(text.committed, { n: committedHours })}`}
      </p>
      <div className="m-buttons">
        <button type="button" onClick={() => set('steps', [...c.steps, { code: `step-${c.steps.length + 1}`, name: '', role: '', allowanceHours: 1, output: '' }])}>
          {text.addStep}
        </button>
      </div>

      <h4>{text.records}</h4>
      <div className="m-table-wrap">
        <table className="m-table m-compact pd-records">
          <thead>
            <tr>
              <th scope="col">{text.recordName}</th>
              <th scope="col">{text.recordForm}</th>
              <th scope="col">{text.recordKeptBy}</th>
              <th scope="col">{text.recordRetention}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {c.records.map((r, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={`${text.recordName} ${i + 1}`} value={r.name} onChange={(e) => setRow('records', i, { name: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`${text.recordForm} ${i + 1}`} className="pd-short" value={r.form} onChange={(e) => setRow('records', i, { form: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`${text.recordKeptBy} ${i + 1}`} value={r.keptBy} onChange={(e) => setRow('records', i, { keptBy: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`${text.recordRetention} ${i + 1}`} value={r.retention} onChange={(e) => setRow('records', i, { retention: e.target.value })} />
                </td>
                <td>
                  <button type="button" onClick={() => removeRow('records', i)}>
                    {text.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="m-buttons">
        <button type="button" onClick={() => set('records', [...c.records, { name: '', form: '', keptBy: '', retention: '' }])}>
          {text.addRecord}
        </button>
      </div>

      <h4>{text.checklist}</h4>
      <div className="m-table-wrap">
        <table className="m-table m-compact pd-checklist">
          <thead>
            <tr>
              <th scope="col">{text.checklistStep}</th>
              <th scope="col">{text.checklistQuestion}</th>
              <th scope="col">{text.checklistEvidence}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {c.checklist.map((q, i) => (
              <tr key={i}>
                <th scope="row">{q.step === null ? text.general : `B${q.step}`}</th>
                <td>
                  <textarea aria-label={`${text.checklistQuestion} ${i + 1}`} rows={2} value={q.question} onChange={(e) => setRow('checklist', i, { question: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`${text.checklistEvidence} ${i + 1}`} value={q.evidence} onChange={(e) => setRow('checklist', i, { evidence: e.target.value })} />
                </td>
                <td>
                  <button type="button" onClick={() => removeRow('checklist', i)}>
                    {text.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="m-buttons">
        <button type="button" onClick={() => set('checklist', [...c.checklist, { step: null, question: '', evidence: '' }])}>
          {text.addQuestion}
        </button>
      </div>

      <TextField label={text.changeNote} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      <div className="m-buttons">
        <button type="submit" className="m-primary" disabled={busy}>
          {text.saveDraft}
        </button>
        {onDiscard && (
          <button type="button" onClick={onDiscard} disabled={busy}>
            {text.discard}
          </button>
        )}
      </div>
    </form>
  );
}
