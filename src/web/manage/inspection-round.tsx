/**
 * One inspection round: per unit, the checklist grouped by PAR-index field with each criterion's verdict,
 * notes and evidence (uploaded files, or the system's own records frozen in one click); the findings with
 * their corrective actions; the open actions the unit carries from before; the minutes to print and the
 * conclusion.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { StoredFileMeta } from '../../contracts/files';
import {
  PAR_FIELD_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  SNAPSHOT_KINDS,
  SNAPSHOT_KIND_LABELS,
  VERDICTS,
  VERDICT_LABELS,
  type ActionView,
  type Criterion,
  type ParField,
  type RoundDetail,
  type SnapshotKind,
  type Verdict,
} from '../../contracts/inspection';
import { api } from '../shared/api';
import { FileList, FilePicker } from '../shared/files';
import { fill, useLang, useText } from '../shared/i18n';
import { ActionList, vnDay } from './inspection-actions';
import { INSPECTION_TEXT } from './inspection-text';
import { FormError, FormFooter, Modal, TextArea, TextField, useAction } from './ui';

const base = (id: string) => `/api/v1/manage/inspection/rounds/${id}`;

export function RoundView({ id, onBack }: { id: string; onBack(): void }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const [round, setRound] = useState<RoundDetail | null>(null);
  const [unitId, setUnitId] = useState<string>('');
  const [editing, setEditing] = useState<Criterion | null>(null);
  const [finding, setFinding] = useState(false);
  const [concluding, setConcluding] = useState(false);
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const { error, run } = useAction();

  const load = () =>
    run(async () => {
      const r = await api<RoundDetail>('GET', base(id));
      setRound(r);
      setUnitId((u) => (r.units.some((x) => x.id === u) ? u : (r.units[0]?.id ?? '')));
    });
  useEffect(() => {
    void load();
  }, [id, lang]);

  if (!round) return <FormError error={error} />;
  const verdictOf = (cid: string) => round.verdicts.find((v) => v.unitId === unitId && v.criterionId === cid);
  const tally = round.tallies.find((t) => t.unit.id === unitId);
  const replaceAction = (a: ActionView) =>
    setRound((r) =>
      r && {
        ...r,
        findings: r.findings.map((f) => ({ ...f, actions: f.actions.map((x) => (x.id === a.id ? a : x)) })),
        carriedActions: r.carriedActions.map((x) => (x.id === a.id ? a : x)),
      },
    );
  let field = 0;

  return (
    <div className="m-stack" data-testid="inspection-round" data-status={round.status}>
      <section className="m-card">
        <button type="button" onClick={onBack}>
          {text.back}
        </button>
        <h2>
          {round.title} <span className="m-sub">{round.kindLabel} · {round.planTitle}</span>
        </h2>
        <p>
          {text.plannedDate}: {vnDay(round.plannedDate)} · {text.status}: <strong data-testid="inspection-round-status">{round.statusLabel}</strong>
          {round.processLabel && ` · ${round.processLabel}`}
        </p>
        {round.members.length > 0 && (
          <p className="m-muted">
            {text.members}: {round.members.map((m) => m.name).join(', ')}
          </p>
        )}
        {round.scope && <p className="in-pre">{round.scope}</p>}
        <div className="m-buttons">
          <a className="in-button" href={`${base(id)}/minutes`} target="_blank" rel="noopener" data-testid="inspection-print-minutes">
            {text.printMinutes}
          </a>
          <a className="in-button" href={`${base(id)}/minutes?format=doc`}>
            {text.wordFile}
          </a>
          <a className="in-button" href={`${base(id)}/minutes?format=xlsx`}>
            {text.excelFile}
          </a>
          {round.canRun && (
            <button type="button" className="m-primary" onClick={() => setConcluding(true)} data-testid="inspection-conclude">
              {text.conclude}
            </button>
          )}
        </div>
        {round.minutesFile && (
          <div>
            <span className="m-muted">{text.signedMinutes}:</span>
            <FileList files={[round.minutesFile]} />
          </div>
        )}
        {round.conclusion && (
          <p className="in-pre">
            <strong>{text.conclusion}:</strong> {round.conclusion}
          </p>
        )}
        {!round.canRun && round.status !== 'concluded' && <p className="m-muted">{text.readOnly}</p>}
        <FormError error={error} />
      </section>

      <section className="m-card">
        <div className="m-card-head">
          <label>
            {text.unit}{' '}
            <select value={unitId} onChange={(e) => setUnitId(e.target.value)} data-testid="inspection-round-unit">
              {round.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          {tally && (
            <p className="m-muted" data-testid="inspection-tally">
              {fill(text.tally, { met: tally.met, partly: tally.partly, notMet: tally.notMet, na: tally.notApplicable, pending: tally.pending })}
              {tally.metRate !== null && ` · ${fill(text.metRate, { rate: tally.metRate })}`}
            </p>
          )}
        </div>
        <div className="m-table-wrap">
          <table className="m-table m-compact in-grid" data-testid="inspection-grid">
            <thead>
              <tr>
                <th>{text.code}</th>
                <th>{text.criterion}</th>
                <th>{text.verdict}</th>
                <th>{text.note}</th>
                <th>{text.evidence}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {round.checklist.flatMap((c) => {
                const v = verdictOf(c.id);
                const rows = [];
                if (c.field !== field) {
                  field = c.field;
                  rows.push(
                    <tr key={`f${c.field}`} className="in-field-row">
                      <th colSpan={6}>
                        {c.field}. {PAR_FIELD_LABELS[c.field as ParField]?.[lang]}
                      </th>
                    </tr>,
                  );
                }
                rows.push(
                  <tr key={c.id} data-criterion={c.id}>
                    <td>{c.code}</td>
                    <td>
                      {c.text}
                      {c.evidenceHint && <span className="m-sub">{c.evidenceHint}</span>}
                    </td>
                    <td className={`in-verdict in-verdict-${v?.verdict ?? 'pending'}`}>{VERDICT_LABELS[v?.verdict ?? 'pending'][lang]}</td>
                    <td className="in-pre">{v?.note}</td>
                    <td>{v && v.evidence.length > 0 && <FileList files={v.evidence} />}</td>
                    <td>
                      {round.canRun && (
                        <button type="button" onClick={() => setEditing(c)} data-testid={`inspection-record-${c.id}`}>
                          {text.record}
                        </button>
                      )}
                    </td>
                  </tr>,
                );
                return rows;
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="m-card" data-testid="inspection-findings">
        <div className="m-card-head">
          <h2>{text.findings}</h2>
          {round.canRun && (
            <button type="button" onClick={() => setFinding(true)} data-testid="inspection-new-finding">
              {text.newFinding}
            </button>
          )}
        </div>
        {round.findings.filter((f) => f.unit.id === unitId).length === 0 && <p className="m-muted">{text.none}</p>}
        {round.findings
          .filter((f) => f.unit.id === unitId)
          .map((f) => (
            <div key={f.id} className="in-finding" data-testid="inspection-finding">
              <p>
                <span className={`in-badge in-severity-${f.severity}`}>{f.severityLabel}</span> {f.criterionCode && <strong>[{f.criterionCode}] </strong>}
                {f.description}
              </p>
              {f.evidence.length > 0 && <FileList files={f.evidence} />}
              <ActionList actions={f.actions} onChanged={replaceAction} />
              {round.canRun && (
                <button type="button" onClick={() => setAddingTo(f.id)}>
                  {text.addAction}
                </button>
              )}
            </div>
          ))}
      </section>

      <section className="m-card" data-testid="inspection-carried">
        <h2>{text.carried}</h2>
        <ActionList actions={round.carriedActions.filter((a) => a.unit.id === unitId)} onChanged={replaceAction} showOrigin />
      </section>

      {editing && (
        <VerdictEditor
          round={round}
          unitId={unitId}
          criterion={editing}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            setRound(r);
            setEditing(null);
          }}
        />
      )}
      {finding && (
        <FindingForm
          round={round}
          unitId={unitId}
          onClose={() => setFinding(false)}
          onSaved={(r) => {
            setRound(r);
            setFinding(false);
          }}
        />
      )}
      {addingTo && (
        <ActionForm
          roundId={id}
          findingId={addingTo}
          onClose={() => setAddingTo(null)}
          onSaved={(r) => {
            setRound(r);
            setAddingTo(null);
          }}
        />
      )}
      {concluding && (
        <ConcludeForm
          id={id}
          onClose={() => setConcluding(false)}
          onSaved={(r) => {
            setRound(r);
            setConcluding(false);
          }}
        />
      )}
    </div>
  );
}

function VerdictEditor({ round, unitId, criterion, onClose, onSaved }: { round: RoundDetail; unitId: string; criterion: Criterion; onClose(): void; onSaved(r: RoundDetail): void }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const current = round.verdicts.find((v) => v.unitId === unitId && v.criterionId === criterion.id);
  const [verdict, setVerdict] = useState<Verdict>(current?.verdict ?? 'pending');
  const [note, setNote] = useState(current?.note ?? '');
  const [files, setFiles] = useState<StoredFileMeta[]>(current?.evidence ?? []);
  const [kind, setKind] = useState<SnapshotKind>('tracking-book');
  const year = round.planYear;
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(round.plannedDate);
  const { busy, error, run } = useAction();
  const snap = useAction();
  const unit = round.units.find((u) => u.id === unitId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onSaved(await api<RoundDetail>('PUT', `${base(round.id)}/verdicts`, { unitId, criterionId: criterion.id, verdict, note, evidenceFileIds: files.map((f) => f.id) }));
    });
  };
  const take = () =>
    snap.run(async () => {
      const file = await api<StoredFileMeta>('POST', `${base(round.id)}/snapshots`, { unitId, criterionId: criterion.id, kind, from, to });
      setFiles((list) => [...list, file]);
    });

  return (
    <Modal title={`${fill(text.recordTitle, { code: criterion.code })} – ${unit?.name ?? ''}`} onClose={onClose} wide>
      <form onSubmit={submit} className="m-form" data-testid="inspection-verdict-form">
        <p>{criterion.text}</p>
        {criterion.evidenceHint && <p className="m-muted">{criterion.evidenceHint}</p>}
        <fieldset className="in-verdict-choices">
          <legend>{text.verdict}</legend>
          {VERDICTS.map((v) => (
            <label key={v} className="in-inline">
              <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} /> {VERDICT_LABELS[v][lang]}
            </label>
          ))}
        </fieldset>
        <TextArea label={text.note} value={note} onChange={(e) => setNote(e.target.value)} rows={3} data-testid="inspection-verdict-note" />
        <div className="m-row">
          <span>{text.evidence}</span>
          <FileList files={files} onRemove={(f) => setFiles((list) => list.filter((x) => x.id !== f.id))} />
          <FilePicker label={text.upload} onUploaded={(f) => setFiles((list) => [...list, f])} />
        </div>
        <fieldset className="in-snapshot">
          <legend>{text.snapshot}</legend>
          <select value={kind} onChange={(e) => setKind(e.target.value as SnapshotKind)} aria-label={text.snapshot} data-testid="inspection-snapshot-kind">
            {SNAPSHOT_KINDS.map((k) => (
              <option key={k} value={k}>
                {SNAPSHOT_KIND_LABELS[k][lang]}
              </option>
            ))}
          </select>
          <label className="in-inline">
            {text.from} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="in-inline">
            {text.to} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="button" onClick={() => void take()} disabled={snap.busy} data-testid="inspection-snapshot-take">
            {text.snapshotTake}
          </button>
          <FormError error={snap.error} />
        </fieldset>
        <FormFooter busy={busy} error={error} onCancel={onClose} saveLabel={text.save} />
      </form>
    </Modal>
  );
}

function FindingForm({ round, unitId, onClose, onSaved }: { round: RoundDetail; unitId: string; onClose(): void; onSaved(r: RoundDetail): void }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const [criterionId, setCriterionId] = useState('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('medium');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<StoredFileMeta[]>([]);
  const [actionText, setActionText] = useState('');
  const [owner, setOwner] = useState('');
  const [days, setDays] = useState('10');
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onSaved(
        await api<RoundDetail>('POST', `${base(round.id)}/findings`, {
          unitId,
          criterionId: criterionId || null,
          severity,
          description,
          evidenceFileIds: files.map((f) => f.id),
          ...(actionText.trim() ? { action: { description: actionText, ownerName: owner, workingDays: Number(days) } } : {}),
        }),
      );
    });
  };
  return (
    <Modal title={`${text.newFinding} – ${round.units.find((u) => u.id === unitId)?.name ?? ''}`} onClose={onClose} wide>
      <form onSubmit={submit} className="m-form" data-testid="inspection-finding-form">
        <div className="m-row">
          <label>
            {text.criterion}
            <select value={criterionId} onChange={(e) => setCriterionId(e.target.value)} data-testid="inspection-finding-criterion">
              <option value="">{text.noCriterion}</option>
              {round.checklist.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} – {c.text}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="m-row">
          <label>
            {text.severity}
            <select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)} data-testid="inspection-finding-severity">
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s][lang]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <TextArea label={text.description} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} required data-testid="inspection-finding-text" />
        <div className="m-row">
          <span>{text.evidence}</span>
          <FileList files={files} onRemove={(f) => setFiles((list) => list.filter((x) => x.id !== f.id))} />
          <FilePicker label={text.upload} onUploaded={(f) => setFiles((list) => [...list, f])} />
        </div>
        <fieldset>
          <legend>{text.addAction}</legend>
          <TextArea label={text.actionDescription} value={actionText} onChange={(e) => setActionText(e.target.value)} rows={2} data-testid="inspection-finding-action" />
          <TextField label={text.owner} value={owner} onChange={(e) => setOwner(e.target.value)} required={actionText.trim() !== ''} data-testid="inspection-finding-owner" />
          <TextField label={text.workingDays} type="number" min={1} max={250} value={days} onChange={(e) => setDays(e.target.value)} data-testid="inspection-finding-days" />
        </fieldset>
        <FormFooter busy={busy} error={error} onCancel={onClose} saveLabel={text.save} />
      </form>
    </Modal>
  );
}

function ConcludeForm({ id, onClose, onSaved }: { id: string; onClose(): void; onSaved(r: RoundDetail): void }) {
  const text = useText(INSPECTION_TEXT);
  const [conclusion, setConclusion] = useState('');
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onSaved(await api<RoundDetail>('POST', `${base(id)}/conclude`, { conclusion })));
  };
  return (
    <Modal title={text.conclude} onClose={onClose} wide>
      <form onSubmit={submit} className="m-form">
        <p className="m-muted">{text.concludeHelp}</p>
        <TextArea label={text.conclusion} value={conclusion} onChange={(e) => setConclusion(e.target.value)} rows={6} required data-testid="inspection-conclusion" />
        <FormFooter busy={busy} error={error} onCancel={onClose} saveLabel={text.conclude} />
      </form>
    </Modal>
  );
}

function ActionForm({ roundId, findingId, onClose, onSaved }: { roundId: string; findingId: string; onClose(): void; onSaved(r: RoundDetail): void }) {
  const text = useText(INSPECTION_TEXT);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [days, setDays] = useState('10');
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      onSaved(await api<RoundDetail>('POST', `${base(roundId)}/findings/${findingId}/actions`, { description, ownerName: owner, workingDays: Number(days) })),
    );
  };
  return (
    <Modal title={text.addAction} onClose={onClose}>
      <form onSubmit={submit} className="m-form">
        <TextArea label={text.actionDescription} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} required />
        <TextField label={text.owner} value={owner} onChange={(e) => setOwner(e.target.value)} required />
        <TextField label={text.workingDays} type="number" min={1} max={250} value={days} onChange={(e) => setDays(e.target.value)} required />
        <FormFooter busy={busy} error={error} onCancel={onClose} saveLabel={text.save} />
      </form>
    </Modal>
  );
}
