/**
 * "Tự đánh giá, thẩm định": the year's evaluation frame (admins create it from the example or last year's,
 * edit it, import it from JSON/Excel, open and close it), the units and where each stands, a unit's
 * self-evaluation (pre-filled criteria with the figure, its records and the suggested points; self-score,
 * explanation, evidence files; submit), the appraisal (score, comment, complete or return), the differences
 * and the grade, the ranking of the units and a unit's years side by side.
 */
import { Fragment, useEffect, useState } from 'react';
import type { StoredFileMeta } from '../../contracts/files';
import {
  EVALUATION_STATUS_LABELS,
  FIGURE_DEFINITIONS,
  FIGURE_KEYS,
  FRAME_STATUS_LABELS,
  type Evaluation,
  type EvaluationListItem,
  type FigureKey,
  type Frame,
  type FrameInput,
  type FrameSummary,
  type Ranking,
  type YearOverYear,
} from '../../contracts/self-evaluation';
import { api } from '../shared/api';
import { FileList, FilePicker } from '../shared/files';
import { fill, useLang, useText } from '../shared/i18n';
import { formatDateTime } from './format';
import type { SectionProps } from './section-props';
import { SELF_EVALUATION_TEXT } from './self-evaluation-text';
import { FormError, Modal, Notice, useAction, useConfirm } from './ui';
import './self-evaluation-section.css';

type Tab = 'units' | 'frame' | 'ranking' | 'history';
const BASE = '/api/v1/manage/self-evaluation';

/** Points the Vietnamese way (7,5). */
export function formatPoints(n: number | null | undefined, lang: 'vi' | 'en'): string {
  if (n === null || n === undefined) return '—';
  const text = String(Math.round(n * 100) / 100);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

function parsePoints(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function SelfEvaluationSection({ user, isAdmin, info }: SectionProps) {
  const text = useText(SELF_EVALUATION_TEXT);
  const { lang } = useLang();
  const [frames, setFrames] = useState<FrameSummary[] | null>(null);
  const [frameId, setFrameId] = useState<string | null>(null);
  const [frame, setFrame] = useState<Frame | null>(null);
  const [tab, setTab] = useState<Tab>('units');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const loadFrames = (select?: string) =>
    run(async () => {
      const list = await api<FrameSummary[]>('GET', `${BASE}/frames`);
      setFrames(list);
      const id = select ?? frameId ?? list[0]?.id ?? null;
      setFrameId(id);
      setFrame(id ? await api<Frame>('GET', `${BASE}/frames/${id}`) : null);
    });

  useEffect(() => {
    void loadFrames();
  }, [lang]);

  const choose = (id: string) =>
    run(async () => {
      setFrameId(id);
      setFrame(await api<Frame>('GET', `${BASE}/frames/${id}`));
      setNotice(null);
    });

  const thisYear = Number(info.serverTime.slice(0, 4));

  return (
    <div className="m-stack se-section">
      <section className="m-card">
        <div className="m-toolbar se-toolbar">
          {frames && frames.length > 0 && (
            <label>
              {text.frameYear}{' '}
              <select value={frameId ?? ''} onChange={(e) => void choose(e.target.value)} data-testid="se-frame-select">
                {frames.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.year} – {FRAME_STATUS_LABELS[f.status][lang]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {isAdmin && <CreateFrame frames={frames ?? []} defaultYear={thisYear} onCreated={(id) => void loadFrames(id)} />}
        </div>
        {frames && frames.length === 0 && <p className="m-muted">{isAdmin ? text.noFramesAdmin : text.noFrames}</p>}
        {frame && (
          <p className="se-frame-facts" data-testid="se-frame-facts">
            <strong>{frame.name}</strong> · {fill(text.points, { n: formatPoints(frame.totalPoints, lang) })} · {fill(text.criteriaCount, { n: frame.criteriaCount })} ·{' '}
            {FRAME_STATUS_LABELS[frame.status][lang]} · {fill(text.submittedCount, { n: frame.submittedCount })}
          </p>
        )}
        {frame && isAdmin && <FrameAdmin frame={frame} onChanged={(f, message) => { setFrame(f); setNotice(message); void loadFrames(f.id); }} />}
        {notice && <Notice>{notice}</Notice>}
        <FormError error={error} />
      </section>

      {frame && (
        <>
          <nav className="se-tabs" aria-label={text.tabUnits}>
            {(['units', 'frame', 'ranking', 'history'] as Tab[]).map((t) => (
              <button key={t} type="button" aria-pressed={tab === t} onClick={() => setTab(t)}>
                {text[t === 'units' ? 'tabUnits' : t === 'frame' ? 'tabFrame' : t === 'ranking' ? 'tabRanking' : 'tabHistory']}
              </button>
            ))}
          </nav>
          {tab === 'units' && <UnitsTab frame={frame} />}
          {tab === 'frame' && <FrameTab frame={frame} editable={isAdmin && frame.submittedCount === 0} onSaved={(f) => { setFrame(f); setNotice(text.saved); }} />}
          {tab === 'ranking' && <RankingTab year={frame.year} />}
          {tab === 'history' && <HistoryTab frame={frame} unitId={user.unitId} />}
        </>
      )}
      {busy && !frames && <p className="m-muted">…</p>}
    </div>
  );
}

function CreateFrame({ frames, defaultYear, onCreated }: { frames: FrameSummary[]; defaultYear: number; onCreated(id: string): void }) {
  const text = useText(SELF_EVALUATION_TEXT);
  const [year, setYear] = useState(String(defaultYear));
  const [copyFrom, setCopyFrom] = useState('');
  const { busy, error, run } = useAction();
  const submit = () =>
    run(async () => {
      const created = await api<Frame>('POST', `${BASE}/frames`, { year: Number(year), ...(copyFrom ? { copyFrom } : {}) });
      onCreated(created.id);
    });
  return (
    <form
      className="se-create"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {text.year} <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} data-testid="se-new-year" />
      </label>
      <label>
        {text.copyFrom}{' '}
        <select value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
          <option value="">{text.example}</option>
          {frames.map((f) => (
            <option key={f.id} value={f.id}>
              {f.year}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        {text.create}
      </button>
      <FormError error={error} />
    </form>
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function FrameAdmin({ frame, onChanged }: { frame: Frame; onChanged(frame: Frame, message: string | null): void }) {
  const text = useText(SELF_EVALUATION_TEXT);
  const { busy, error, run } = useAction();
  const setStatus = (status: Frame['status']) => run(async () => onChanged(await api<Frame>('POST', `${BASE}/frames/${frame.id}/status`, { status }), null));
  const importFile = (file: File) =>
    run(async () => {
      const xlsx = /\.xlsx$/i.test(file.name);
      const content = xlsx ? await readAsBase64(file) : await file.text();
      const updated = await api<Frame>('POST', `${BASE}/frames/${frame.id}/import`, { format: xlsx ? 'xlsx' : 'json', content });
      onChanged(updated, fill(text.importDone, { name: file.name }));
    });
  return (
    <div className="se-admin">
      <div className="m-buttons">
        {frame.status === 'draft' && (
          <button type="button" className="m-primary" disabled={busy} onClick={() => void setStatus('open')} data-testid="se-open-frame">
            {text.open}
          </button>
        )}
        {frame.status === 'open' && (
          <button type="button" disabled={busy} onClick={() => void setStatus('closed')}>
            {text.close}
          </button>
        )}
        {frame.status === 'closed' && (
          <button type="button" disabled={busy} onClick={() => void setStatus('open')}>
            {text.reopen}
          </button>
        )}
        <a href={`${BASE}/frames/${frame.id}/export.xlsx`} download>
          {text.exportXlsx}
        </a>
        <a href={`${BASE}/example-frame`} download="bo-tieu-chi-mau.json">
          {text.exampleJson}
        </a>
      </div>
      {frame.submittedCount === 0 && (
        <label className="se-import">
          {text.import}{' '}
          <input
            type="file"
            accept=".json,.xlsx,application/json"
            disabled={busy}
            data-testid="se-import"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) void importFile(file).then(() => (input.value = ''));
            }}
          />
        </label>
      )}
      <FormError error={error} />
    </div>
  );
}

function UnitsTab({ frame }: { frame: Frame }) {
  const text = useText(SELF_EVALUATION_TEXT);
  const { lang } = useLang();
  const [items, setItems] = useState<EvaluationListItem[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const { error, run } = useAction();
  const load = () => run(async () => setItems(await api<EvaluationListItem[]>('GET', `${BASE}/frames/${frame.id}/units`)));
  useEffect(() => {
    void load();
  }, [frame.id, lang]);
  return (
    <section className="m-card">
      <FormError error={error} />
      {items && items.length === 0 && <p className="m-muted">{text.noUnits}</p>}
      {items && items.length > 0 && (
        <div className="m-table-wrap">
          <table className="m-table m-compact" data-testid="se-units">
            <thead>
              <tr>
                <th scope="col">{text.unit}</th>
                <th scope="col">{text.status}</th>
                <th scope="col" className="m-num">{text.selfTotal}</th>
                <th scope="col" className="m-num">{text.finalScore}</th>
                <th scope="col">{text.grade}</th>
                <th scope="col">{text.submittedAt}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.unitId} data-unit={i.unitName} data-status={i.status}>
                  <th scope="row">{i.unitName}</th>
                  <td>{EVALUATION_STATUS_LABELS[i.status][lang]}</td>
                  <td className="m-num">{formatPoints(i.selfTotal, lang)}</td>
                  <td className="m-num">{formatPoints(i.finalScore, lang)}</td>
                  <td>{i.grade ?? '—'}</td>
                  <td className="m-nowrap">{formatDateTime(i.submittedAt, lang)}</td>
                  <td>
                    <button type="button" onClick={() => setOpen(i.unitId)}>
                      {text.openEvaluation}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <EvaluationModal
          frame={frame}
          unitId={open}
          onClose={() => {
            setOpen(null);
            void load();
          }}
        />
      )}
    </section>
  );
}

interface Draft {
  selfScore: string;
  selfNote: string;
  files: StoredFileMeta[];
  appraisalScore: string;
  appraisalComment: string;
}

function draftsOf(e: Evaluation, lang: 'vi' | 'en'): Record<string, Draft> {
  return Object.fromEntries(
    e.criteria.map((c) => [
      c.code,
      {
        selfScore: c.selfScore === null ? '' : formatPoints(c.selfScore, lang),
        selfNote: c.selfNote,
        files: c.files,
        // Appraisers start from the unit's own score and change what they disagree with.
        appraisalScore: c.appraisalScore !== null ? formatPoints(c.appraisalScore, lang) : e.canAppraise && c.selfScore !== null ? formatPoints(c.selfScore, lang) : '',
        appraisalComment: c.appraisalComment,
      },
    ]),
  );
}

function EvaluationModal({ frame, unitId, onClose }: { frame: Frame; unitId: string; onClose(): void }) {
  const text = useText(SELF_EVALUATION_TEXT);
  const { lang } = useLang();
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const { confirm, dialog } = useConfirm();
  const url = `${BASE}/frames/${frame.id}/units/${unitId}`;
  const show = (e: Evaluation) => {
    setEvaluation(e);
    setDrafts(draftsOf(e, lang));
  };
  useEffect(() => {
    void run(async () => show(await api<Evaluation>('GET', url)));
  }, [url, lang]);
  const set = (code: string, change: Partial<Draft>) => setDrafts((d) => ({ ...d, [code]: { ...d[code]!, ...change } }));

  const saveSelf = (submit: boolean) =>
    run(async () => {
      if (submit && !(await confirm(text.submitConfirm, text.submit))) return;
      const scores = Object.entries(drafts).map(([code, d]) => ({ code, selfScore: parsePoints(d.selfScore), selfNote: d.selfNote, fileIds: d.files.map((f) => f.id) }));
      show(await api<Evaluation>('PUT', url, { scores, submit }));
      setNotice(text.saved);
    });
  const saveAppraisal = (complete: boolean) =>
    run(async () => {
      const scores = Object.entries(drafts).map(([code, d]) => ({ code, appraisalScore: parsePoints(d.appraisalScore), appraisalComment: d.appraisalComment }));
      show(await api<Evaluation>('POST', `${url}/appraisal`, { scores, complete }));
      setNotice(text.saved);
    });
  const giveBack = () => run(async () => show(await api<Evaluation>('POST', `${url}/return`)));

  const e = evaluation;
  const showAppraisal = !!e && (e.canAppraise || e.status === 'appraised');
  return (
    <Modal title={fill(text.evaluationOf, { year: frame.year, unit: e?.unitName ?? '' })} onClose={onClose} wide>
      {dialog}
      {!e ? (
        <FormError error={error} />
      ) : (
        <form
          className="m-stack se-evaluation"
          data-testid="se-evaluation"
          data-status={e.status}
          onSubmit={(ev) => {
            ev.preventDefault();
            void saveSelf(false);
          }}
        >
          <p className="se-summary" data-testid="se-summary">
            <strong>{EVALUATION_STATUS_LABELS[e.status][lang]}</strong> · {text.selfTotal}: {formatPoints(e.selfTotal, lang)}/{formatPoints(e.maxPoints, lang)}
            {e.appraisalTotal !== null && ` · ${text.finalScore}: ${formatPoints(e.appraisalTotal, lang)}`}
            {e.status === 'submitted' && e.submittedAt && <span className="m-sub">{fill(text.waitAppraisal, { at: formatDateTime(e.submittedAt, lang) })}</span>}
          </p>
          {e.status === 'appraised' && (
            <Notice kind="info">
              <span data-testid="se-result">{fill(text.result, { final: formatPoints(e.finalScore, lang), max: formatPoints(e.maxPoints, lang), grade: e.grade ?? '—' })}</span>
              {e.appraisedByName && e.appraisedAt && <span className="m-sub">{fill(text.appraisedBy, { name: e.appraisedByName, at: formatDateTime(e.appraisedAt, lang) })}</span>}
            </Notice>
          )}
          <div className="m-table-wrap">
            <table className="m-table m-compact se-criteria">
              <thead>
                <tr>
                  <th scope="col">{text.criterion}</th>
                  <th scope="col" className="m-num">{text.max}</th>
                  <th scope="col">{text.figure}</th>
                  <th scope="col">{text.selfScore}</th>
                  <th scope="col">{text.files}</th>
                  {showAppraisal && <th scope="col">{text.appraisalScore}</th>}
                  {showAppraisal && <th scope="col" className="m-num">{text.difference}</th>}
                </tr>
              </thead>
              <tbody>
                {e.criteria.map((c, i) => {
                  const d = drafts[c.code]!;
                  const newField = i === 0 || e.criteria[i - 1]!.fieldCode !== c.fieldCode;
                  return (
                    <Fragment key={c.code}>
                      {newField && (
                        <tr className="se-field-row">
                          <th colSpan={showAppraisal ? 7 : 5} scope="rowgroup">
                            {c.fieldCode}. {c.fieldName}
                          </th>
                        </tr>
                      )}
                      <tr data-criterion={c.code} className={c.difference ? 'se-differs' : undefined}>
                        <th scope="row" className="se-criterion">
                          <span className="se-code">{c.code}</span> {c.name}
                          {c.evidence && (
                            <span className="m-sub">
                              {text.evidence}: {c.evidence}
                              {c.evidenceRequired ? ` (${text.evidenceRequired})` : ''}
                            </span>
                          )}
                        </th>
                        <td className="m-num">{formatPoints(c.maxPoints, lang)}</td>
                        <td className="se-figure" data-testid={c.prefill ? 'se-prefill' : undefined}>
                          {c.prefill ? (
                            c.prefill.figure.value === null ? (
                              <span className="m-muted">{text.noFigure}</span>
                            ) : (
                              <>
                                <strong>
                                  {formatPoints(c.prefill.figure.value, lang)}
                                  {c.prefill.figure.unit === '%' ? '%' : ''}
                                </strong>{' '}
                                <span className="m-sub">{c.prefill.figure.detail}</span>
                                {c.prefill.suggestedPoints !== null && <span className="m-sub">{fill(text.suggested, { n: formatPoints(c.prefill.suggestedPoints, lang) })}</span>}
                                {c.prefill.figure.link && (
                                  <a href={c.prefill.figure.link} target="_blank" rel="noopener">
                                    {text.records}
                                  </a>
                                )}
                              </>
                            )
                          ) : (
                            '—'
                          )}
                        </td>
                        <td className="se-self">
                          {e.canEdit ? (
                            <>
                              <input
                                inputMode="decimal"
                                className="se-points"
                                aria-label={`${text.selfScore} ${c.code}`}
                                value={d.selfScore}
                                onChange={(ev) => set(c.code, { selfScore: ev.target.value })}
                              />
                              <textarea aria-label={`${text.note} ${c.code}`} placeholder={text.note} rows={2} value={d.selfNote} onChange={(ev) => set(c.code, { selfNote: ev.target.value })} />
                            </>
                          ) : (
                            <>
                              <strong>{formatPoints(c.selfScore, lang)}</strong>
                              {c.selfNote && <span className="m-sub">{c.selfNote}</span>}
                            </>
                          )}
                        </td>
                        <td className="se-files">
                          <FileList files={d.files} {...(e.canEdit ? { onRemove: (f: StoredFileMeta) => set(c.code, { files: d.files.filter((x) => x.id !== f.id) }) } : {})} />
                          {e.canEdit && (
                            <FilePicker
                              label={`${text.attach} (${c.code})`}
                              onUploaded={(meta) => setDrafts((all) => ({ ...all, [c.code]: { ...all[c.code]!, files: [...all[c.code]!.files, meta] } }))}
                            />
                          )}
                        </td>
                        {showAppraisal && (
                          <td className="se-appraisal">
                            {e.canAppraise ? (
                              <>
                                <input
                                  inputMode="decimal"
                                  className="se-points"
                                  aria-label={`${text.appraisalScore} ${c.code}`}
                                  value={d.appraisalScore}
                                  onChange={(ev) => set(c.code, { appraisalScore: ev.target.value })}
                                />
                                <textarea
                                  aria-label={`${text.comment} ${c.code}`}
                                  placeholder={text.comment}
                                  rows={2}
                                  value={d.appraisalComment}
                                  onChange={(ev) => set(c.code, { appraisalComment: ev.target.value })}
                                />
                              </>
                            ) : (
                              <>
                                <strong>{formatPoints(c.appraisalScore, lang)}</strong>
                                {c.appraisalComment && <span className="m-sub">{c.appraisalComment}</span>}
                              </>
                            )}
                          </td>
                        )}
                        {showAppraisal && (
                          <td className="m-num se-difference" data-testid={`se-diff-${c.code}`}>
                            {c.difference === null ? '—' : c.difference > 0 ? `+${formatPoints(c.difference, lang)}` : formatPoints(c.difference, lang)}
                          </td>
                        )}
                      </tr>
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          {notice && <Notice>{notice}</Notice>}
          <FormError error={error} />
          <div className="m-buttons m-sticky-foot se-foot">
            <a href={`${url}/print`} target="_blank" rel="noopener" data-testid="se-print">
              {text.print}
            </a>
            <a href={`${url}/print?format=doc`} download>
              {text.printWord}
            </a>
            {e.canEdit && (
              <>
                <button type="submit" disabled={busy}>
                  {text.save}
                </button>
                <button type="button" className="m-primary" disabled={busy} onClick={() => void saveSelf(true)}>
                  {text.submit}
                </button>
              </>
            )}
            {e.canAppraise && (
              <>
                <button type="button" disabled={busy} onClick={() => void saveAppraisal(false)}>
                  {text.saveAppraisal}
                </button>
                <button type="button" className="m-primary" disabled={busy} onClick={() => void saveAppraisal(true)}>
                  {text.completeAppraisal}
                </button>
                <button type="button" disabled={busy} onClick={() => void giveBack()}>
                  {text.returnToUnit}
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </Modal>
  );
}

/** The frame's criteria; an admin edits names, points, evidence and figures, adds and removes criteria. */
function FrameTab({ frame, editable, onSaved }: { frame: Frame; editable: boolean; onSaved(frame: Frame): void }) {
  const text = useText(SELF_EVALUATION_TEXT);
  const { lang } = useLang();
  const [draft, setDraft] = useState<FrameInput>({ name: frame.name, fields: frame.fields, gradeBands: frame.gradeBands });
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction();
  useEffect(() => setDraft({ name: frame.name, fields: frame.fields, gradeBands: frame.gradeBands }), [frame]);
  type Criterion = FrameInput['fields'][number]['criteria'][number];
  const setCriterion = (fi: number, ci: number, change: Partial<Criterion>) =>
    setDraft((d) => ({
      ...d,
      fields: d.fields.map((f, i) => (i !== fi ? f : { ...f, criteria: f.criteria.map((c, j) => (j !== ci ? c : { ...c, ...change })) })),
    }));
  const addCriterion = (fi: number) =>
    setDraft((d) => ({
      ...d,
      fields: d.fields.map((f, i) =>
        i !== fi ? f : { ...f, criteria: [...f.criteria, { code: `${f.code}.${f.criteria.length + 1}`, name: '', maxPoints: 1, evidence: '', evidenceRequired: true, prefill: null }] },
      ),
    }));
  const removeCriterion = (fi: number, ci: number) =>
    setDraft((d) => ({ ...d, fields: d.fields.map((f, i) => (i !== fi ? f : { ...f, criteria: f.criteria.filter((_, j) => j !== ci) })) }));
  const setFieldName = (fi: number, name: string) => setDraft((d) => ({ ...d, fields: d.fields.map((f, i) => (i !== fi ? f : { ...f, name })) }));
  const addField = () =>
    setDraft((d) => {
      // The next free number: fields are numbered 1, 2, 3… and criteria under them 3.1, 3.2…
      const code = String(Math.max(0, ...d.fields.map((f) => Number(f.code) || 0)) + 1);
      const criterion = { code: `${code}.1`, name: '', maxPoints: 1, evidence: '', evidenceRequired: true, prefill: null };
      return { ...d, fields: [...d.fields, { code, name: text.newField, criteria: [criterion] }] };
    });
  const removeField = (fi: number) => setDraft((d) => ({ ...d, fields: d.fields.filter((_, i) => i !== fi) }));
  type Band = FrameInput['gradeBands'][number];
  const setBand = (bi: number, change: Partial<Band>) => setDraft((d) => ({ ...d, gradeBands: d.gradeBands.map((b, i) => (i !== bi ? b : { ...b, ...change })) }));
  const save = () =>
    run(async () => {
      onSaved(await api<Frame>('PUT', `${BASE}/frames/${frame.id}`, draft));
      setEditing(false);
    });
  const shown = editing ? draft : frame;

  return (
    <section className="m-card">
      {!editable && frame.submittedCount > 0 && <p className="m-help">{text.frameLocked}</p>}
      {editable && !editing && (
        <button type="button" onClick={() => setEditing(true)} data-testid="se-edit-frame">
          {text.editCriteria}
        </button>
      )}
      {editing && (
        <label className="se-frame-name">
          {text.name} <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
      )}
      {editing ? (
        <fieldset className="se-bands">
          <legend>{text.gradeBands}</legend>
          {draft.gradeBands.map((b, bi) => (
            <span key={bi} className="se-band">
              <input aria-label={`${text.bandLabel} ${bi + 1}`} value={b.label} onChange={(e) => setBand(bi, { label: e.target.value })} />
              <input
                className="se-points"
                inputMode="decimal"
                aria-label={`${text.bandMin} ${bi + 1}`}
                defaultValue={formatPoints(b.min, lang)}
                onChange={(e) => setBand(bi, { min: parsePoints(e.target.value) ?? 0 })}
              />
              {draft.gradeBands.length > 1 && (
                <button type="button" className="m-link-button" onClick={() => setDraft((d) => ({ ...d, gradeBands: d.gradeBands.filter((_, i) => i !== bi) }))}>
                  {text.remove}
                </button>
              )}
            </span>
          ))}
          <button type="button" className="m-link-button" onClick={() => setDraft((d) => ({ ...d, gradeBands: [...d.gradeBands, { label: '', min: 0 }] }))}>
            {text.addBand}
          </button>
        </fieldset>
      ) : (
        <p className="m-help">
          {text.gradeBands}: {frame.gradeBands.map((b) => `${b.label} ${fill(text.fromPoints, { n: formatPoints(b.min, lang) })}`).join(' · ')}
        </p>
      )}
      <div className="m-table-wrap">
        <table className="m-table m-compact se-frame-table">
          <thead>
            <tr>
              <th scope="col">{text.code}</th>
              <th scope="col">{text.criterion}</th>
              <th scope="col" className="m-num">{text.max}</th>
              <th scope="col">{text.evidence}</th>
              <th scope="col">{text.prefillKey}</th>
              {editing && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {shown.fields.map((f, fi) => (
              <Fragment key={f.code}>
                <tr className="se-field-row">
                  <th colSpan={editing ? 6 : 5} scope="rowgroup">
                    {editing ? (
                      <>
                        {f.code}.{' '}
                        <input className="se-field-name" aria-label={`${text.fieldName} ${f.code}`} value={f.name} onChange={(e) => setFieldName(fi, e.target.value)} />
                      </>
                    ) : (
                      `${f.code}. ${f.name}`
                    )}{' '}
                    ({formatPoints(f.criteria.reduce((s, c) => s + c.maxPoints, 0), lang)})
                    {editing && (
                      <>
                        <button type="button" className="m-link-button" onClick={() => addCriterion(fi)}>
                          {text.addCriterion}
                        </button>
                        {shown.fields.length > 1 && (
                          <button type="button" className="m-link-button" onClick={() => removeField(fi)}>
                            {text.removeField}
                          </button>
                        )}
                      </>
                    )}
                  </th>
                </tr>
                {f.criteria.map((c, ci) =>
                  editing ? (
                    <tr key={`${f.code}-${ci}`}>
                      <td>
                        <input className="se-code-input" aria-label={text.code} value={c.code} onChange={(e) => setCriterion(fi, ci, { code: e.target.value })} />
                      </td>
                      <td>
                        <textarea aria-label={`${text.criterion} ${c.code}`} rows={2} value={c.name} onChange={(e) => setCriterion(fi, ci, { name: e.target.value })} />
                      </td>
                      <td>
                        <input
                          className="se-points"
                          inputMode="decimal"
                          aria-label={`${text.max} ${c.code}`}
                          defaultValue={formatPoints(c.maxPoints, lang)}
                          onChange={(e) => setCriterion(fi, ci, { maxPoints: parsePoints(e.target.value) ?? 0 })}
                        />
                      </td>
                      <td>
                        <textarea aria-label={`${text.evidence} ${c.code}`} rows={2} value={c.evidence} onChange={(e) => setCriterion(fi, ci, { evidence: e.target.value })} />
                      </td>
                      <td>
                        <select
                          aria-label={`${text.prefillKey} ${c.code}`}
                          value={c.prefill?.key ?? ''}
                          onChange={(e) =>
                            setCriterion(fi, ci, {
                              prefill: e.target.value ? { key: e.target.value as FigureKey, full: c.prefill?.full ?? 100, zero: c.prefill?.zero ?? 0 } : null,
                            })
                          }
                        >
                          <option value="">{text.none}</option>
                          {FIGURE_KEYS.map((k) => (
                            <option key={k} value={k}>
                              {FIGURE_DEFINITIONS[k][lang]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <button type="button" className="m-link-button" onClick={() => removeCriterion(fi, ci)}>
                          {text.remove}
                        </button>
                      </td>
                    </tr>
                  ) : (
                    <tr key={c.code}>
                      <td className="se-code">{c.code}</td>
                      <td>{c.name}</td>
                      <td className="m-num">{formatPoints(c.maxPoints, lang)}</td>
                      <td>
                        {c.evidence}
                        {c.evidenceRequired ? ` (${text.evidenceRequired})` : ''}
                      </td>
                      <td>{c.prefill ? `${FIGURE_DEFINITIONS[c.prefill.key][lang]} (${c.prefill.zero} → ${c.prefill.full})` : '—'}</td>
                    </tr>
                  ),
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <div className="m-buttons">
          <button type="button" onClick={addField}>
            {text.addField}
          </button>
          <button type="button" className="m-primary" disabled={busy} onClick={() => void save()}>
            {text.save}
          </button>
          <button type="button" disabled={busy} onClick={() => setEditing(false)}>
            {text.cancel}
          </button>
        </div>
      )}
      <FormError error={error} />
    </section>
  );
}

function RankingTab({ year }: { year: number }) {
  const text = useText(SELF_EVALUATION_TEXT);
  const { lang } = useLang();
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const { error, run } = useAction();
  useEffect(() => {
    void run(async () => setRanking(await api<Ranking>('GET', `${BASE}/ranking?year=${year}`)));
  }, [year, lang]);
  return (
    <section className="m-card">
      <FormError error={error} />
      {ranking && ranking.rows.length === 0 && <p className="m-muted">{text.noRanking}</p>}
      {ranking && ranking.rows.length > 0 && (
        <table className="m-table m-compact" data-testid="se-ranking">
          <thead>
            <tr>
              <th scope="col" className="m-num">{text.rank}</th>
              <th scope="col">{text.unit}</th>
              <th scope="col" className="m-num">{text.finalScore}</th>
              <th scope="col">{text.grade}</th>
              <th scope="col" className="m-num">{text.previousRank}</th>
              <th scope="col" className="m-num">{text.change}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((r) => (
              <tr key={r.unitId} data-unit={r.unitName}>
                <td className="m-num">{r.rank}</td>
                <th scope="row">{r.unitName}</th>
                <td className="m-num">{formatPoints(r.finalScore, lang)}</td>
                <td>{r.grade ?? '—'}</td>
                <td className="m-num">{r.previousRank ?? '—'}</td>
                <td className={`m-num ${r.rankChange && r.rankChange > 0 ? 'se-up' : r.rankChange && r.rankChange < 0 ? 'se-down' : ''}`}>
                  {r.rankChange === null ? '—' : r.rankChange > 0 ? `▲ ${r.rankChange}` : r.rankChange < 0 ? `▼ ${-r.rankChange}` : '='}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ranking && ranking.rows.length > 0 && (
        <a href={`${BASE}/ranking.xlsx?year=${year}`} download>
          {text.rankingXlsx}
        </a>
      )}
      {ranking && ranking.unranked.length > 0 && <p className="m-help">{fill(text.unranked, { units: ranking.unranked.map((u) => u.unitName).join(', ') })}</p>}
    </section>
  );
}

function HistoryTab({ frame, unitId }: { frame: Frame; unitId: string | null }) {
  const text = useText(SELF_EVALUATION_TEXT);
  const { lang } = useLang();
  const [units, setUnits] = useState<EvaluationListItem[]>([]);
  const [chosen, setChosen] = useState<string | null>(unitId);
  const [history, setHistory] = useState<YearOverYear | null>(null);
  const { error, run } = useAction();
  useEffect(() => {
    void run(async () => {
      const list = await api<EvaluationListItem[]>('GET', `${BASE}/frames/${frame.id}/units`);
      setUnits(list);
      setChosen((c) => c ?? list[0]?.unitId ?? null);
    });
  }, [frame.id]);
  useEffect(() => {
    if (chosen) void run(async () => setHistory(await api<YearOverYear>('GET', `${BASE}/units/${chosen}/history`)));
  }, [chosen, lang]);
  const fields = history?.years.at(-1)?.fields ?? [];
  return (
    <section className="m-card">
      {units.length > 1 && (
        <label>
          {text.historyOf}{' '}
          <select value={chosen ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.unitName}
              </option>
            ))}
          </select>
        </label>
      )}
      <FormError error={error} />
      {history && history.years.length === 0 && <p className="m-muted">{text.noHistory}</p>}
      {history && history.years.length > 0 && (
        <div className="m-table-wrap">
          <table className="m-table m-compact" data-testid="se-history">
            <thead>
              <tr>
                <th scope="col">{text.year}</th>
                <th scope="col" className="m-num">{text.selfTotal}</th>
                <th scope="col" className="m-num">{text.finalScore}</th>
                <th scope="col">{text.grade}</th>
                <th scope="col">{text.rank}</th>
                {fields.map((f) => (
                  <th key={f.code} scope="col" className="m-num" title={f.name}>
                    {text.field} {f.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="m-num">
                    {formatPoints(y.selfTotal, lang)}/{formatPoints(y.maxPoints, lang)}
                  </td>
                  <td className="m-num">{formatPoints(y.finalScore, lang)}</td>
                  <td>{y.grade ?? EVALUATION_STATUS_LABELS[y.status][lang]}</td>
                  <td>{y.rank === null ? '—' : fill(text.ranked, { rank: y.rank, of: y.ranked })}</td>
                  {fields.map((f) => {
                    const p = y.fields.find((x) => x.code === f.code);
                    return (
                      <td key={f.code} className="m-num">
                        {p ? formatPoints(p.finalPoints ?? p.selfPoints, lang) : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
