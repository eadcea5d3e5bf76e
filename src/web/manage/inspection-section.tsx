/**
 * "Kiểm tra CCHC": the year's inspection plans the person may see (an inspector: the plans they are on;
 * a unit head: the plans that inspect their unit, showing that unit only), a plan with its team, units,
 * checklist and rounds, a round (inspection-round.tsx), the corrective actions across plans
 * (inspection-actions.tsx), and the year summary to print or export.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  PAR_FIELDS,
  PAR_FIELD_LABELS,
  ROUND_KINDS,
  ROUND_KIND_LABELS,
  TEAM_ROLES,
  TEAM_ROLE_LABELS,
  type Criterion,
  type InspectionOptions,
  type PlanDetail,
  type PlanListItem,
  type RoundDetail,
  type RoundKind,
  type TeamMember,
} from '../../contracts/inspection';
import type { ProcessChecklist, ProcessDocumentSummary } from '../../contracts/process-documents';
import { api } from '../shared/api';
import { useLang, useText } from '../shared/i18n';
import { ActionList, ActionsPanel, vnDay } from './inspection-actions';
import { RoundView } from './inspection-round';
import { INSPECTION_TEXT } from './inspection-text';
import type { SectionProps } from './section-props';
import { FormError, FormFooter, Modal, SelectField, TextArea, TextField, useAction } from './ui';
import './inspection-section.css';

type View = { kind: 'plans' } | { kind: 'plan'; id: string } | { kind: 'round'; id: string; planId: string } | { kind: 'actions' };

export function InspectionSection({ user, info }: SectionProps) {
  const text = useText(INSPECTION_TEXT);
  const [view, setView] = useState<View>({ kind: 'plans' });
  const [year, setYear] = useState(Number(info.serverTime.slice(0, 4)));
  const mayPlan = user.role === 'admin' || user.role === 'inspector';
  return (
    <div className="m-stack in-section">
      <nav className="m-buttons in-tabs" aria-label={text.plans}>
        <button type="button" aria-pressed={view.kind !== 'actions'} onClick={() => setView({ kind: 'plans' })} data-testid="inspection-tab-plans">
          {text.plans}
        </button>
        <button type="button" aria-pressed={view.kind === 'actions'} onClick={() => setView({ kind: 'actions' })} data-testid="inspection-tab-actions">
          {text.actions}
        </button>
      </nav>
      {view.kind === 'plans' && <PlansView year={year} setYear={setYear} mayPlan={mayPlan} onOpen={(id) => setView({ kind: 'plan', id })} />}
      {view.kind === 'plan' && <PlanView id={view.id} onBack={() => setView({ kind: 'plans' })} onRound={(id) => setView({ kind: 'round', id, planId: view.id })} />}
      {view.kind === 'round' && <RoundView id={view.id} onBack={() => setView({ kind: 'plan', id: view.planId })} />}
      {view.kind === 'actions' && <ActionsPanel />}
    </div>
  );
}

function PlansView({ year, setYear, mayPlan, onOpen }: { year: number; setYear(y: number): void; mayPlan: boolean; onOpen(id: string): void }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const [plans, setPlans] = useState<PlanListItem[] | null>(null);
  const [creating, setCreating] = useState(false);
  const { busy, error, run } = useAction();
  useEffect(() => {
    void run(async () => setPlans(await api<PlanListItem[]>('GET', `/api/v1/manage/inspection/plans?year=${year}`)));
  }, [year, lang]);
  const summary = `/api/v1/manage/inspection/summary?year=${year}`;
  return (
    <section className="m-card" aria-busy={busy}>
      <div className="m-card-head">
        <label>
          {text.year}{' '}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} className="in-year" data-testid="inspection-year" />
        </label>
        {mayPlan && (
          <button type="button" className="m-primary" onClick={() => setCreating(true)} data-testid="inspection-new-plan">
            {text.newPlan}
          </button>
        )}
      </div>
      <FormError error={error} />
      {plans && plans.length === 0 && <p className="m-muted">{text.noPlans}</p>}
      {plans && plans.length > 0 && (
        <div className="m-table-wrap">
          <table className="m-table" data-testid="inspection-plans">
            <thead>
              <tr>
                <th>{text.planTitle}</th>
                <th>{text.units}</th>
                <th>{text.rounds}</th>
                <th>{text.openActions}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} data-id={p.id}>
                  <td>
                    {p.title}
                    {p.decisionRef && <span className="m-sub">{p.decisionRef}</span>}
                  </td>
                  <td>{p.units.map((u) => u.name).join('; ')}</td>
                  <td className="m-num">{p.rounds}</td>
                  <td className="m-num">
                    {p.openActions}
                    {p.overdueActions > 0 && (
                      <span className="in-overdue-text">
                        {' '}
                        ({text.overdueActions}: {p.overdueActions})
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" onClick={() => onOpen(p.id)} data-testid="inspection-open-plan">
                      {text.open}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{text.summary}</h3>
      <div className="m-buttons">
        <a className="in-button" href={summary} target="_blank" rel="noopener" data-testid="inspection-summary">
          {text.printSummary}
        </a>
        <a className="in-button" href={`${summary}&format=doc`}>
          {text.wordFile}
        </a>
        <a className="in-button" href={`${summary}&format=xlsx`}>
          {text.excelFile}
        </a>
      </div>
      {creating && (
        <PlanForm
          year={year}
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            onOpen(p.id);
          }}
        />
      )}
    </section>
  );
}

function PlanView({ id, onBack, onRound }: { id: string; onBack(): void; onRound(id: string): void }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const { error, run } = useAction();
  const load = () => run(async () => setPlan(await api<PlanDetail>('GET', `/api/v1/manage/inspection/plans/${id}`)));
  useEffect(() => {
    void load();
  }, [id, lang]);
  if (!plan) return <FormError error={error} />;
  return (
    <div className="m-stack" data-testid="inspection-plan">
      <section className="m-card">
        <button type="button" onClick={onBack}>
          {text.back}
        </button>
        <h2>
          {plan.title} <span className="m-sub">{plan.decisionRef}</span>
        </h2>
        {plan.scope && <p className="in-pre">{plan.scope}</p>}
        <p>
          <strong>{text.units}:</strong> <span data-testid="inspection-plan-units">{plan.units.map((u) => u.name).join('; ')}</span>
        </p>
        <h3>{text.team}</h3>
        <ul>
          {plan.team.map((m) => (
            <li key={m.key}>
              {m.name} – {TEAM_ROLE_LABELS[m.role][lang]}
              {m.organisation && `, ${m.organisation}`}
            </li>
          ))}
        </ul>
        {plan.canEdit && (
          <button type="button" onClick={() => setEditing(true)}>
            {text.editPlan}
          </button>
        )}
        <details>
          <summary>
            {text.checklist} ({plan.checklist.length})
          </summary>
          <ChecklistTable checklist={plan.checklist} />
        </details>
      </section>
      <section className="m-card">
        <div className="m-card-head">
          <h2>{text.rounds}</h2>
          {plan.canEdit && (
            <button type="button" className="m-primary" onClick={() => setAdding(true)} data-testid="inspection-new-round">
              {text.newRound}
            </button>
          )}
        </div>
        {plan.rounds.length === 0 ? (
          <p className="m-muted">{text.none}</p>
        ) : (
          <div className="m-table-wrap">
            <table className="m-table" data-testid="inspection-rounds">
              <thead>
                <tr>
                  <th>{text.roundTitle}</th>
                  <th>{text.plannedDate}</th>
                  <th>{text.units}</th>
                  <th>{text.status}</th>
                  <th>{text.findings}</th>
                  <th>{text.openActions}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {plan.rounds.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.number}. {r.title}
                      <span className="m-sub">{ROUND_KIND_LABELS[r.kind][lang]}</span>
                    </td>
                    <td>{vnDay(r.plannedDate)}</td>
                    <td>{r.units.map((u) => u.name).join('; ')}</td>
                    <td>{r.statusLabel}</td>
                    <td className="m-num">{r.findings}</td>
                    <td className="m-num">
                      {r.openActions}
                      {r.overdueActions > 0 && <span className="in-overdue-text"> ({r.overdueActions})</span>}
                    </td>
                    <td>
                      <button type="button" onClick={() => onRound(r.id)} data-testid="inspection-open-round">
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
      <section className="m-card">
        <h2>{text.carriedPlan}</h2>
        <ActionList actions={plan.carriedActions} onChanged={() => void load()} showOrigin />
      </section>
      {editing && (
        <PlanForm
          year={plan.year}
          plan={plan}
          onClose={() => setEditing(false)}
          onSaved={(p) => {
            setPlan(p);
            setEditing(false);
          }}
        />
      )}
      {adding && (
        <RoundForm
          plan={plan}
          onClose={() => setAdding(false)}
          onSaved={(r) => {
            setAdding(false);
            onRound(r.id);
          }}
        />
      )}
    </div>
  );
}

function ChecklistTable({ checklist }: { checklist: Criterion[] }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  return (
    <table className="m-table m-compact">
      <tbody>
        {checklist.map((c, i) => (
          <tr key={c.id}>
            {(i === 0 || checklist[i - 1]!.field !== c.field) && (
              <th rowSpan={checklist.filter((x) => x.field === c.field).length} className="in-field-cell">
                {c.field}. {PAR_FIELD_LABELS[c.field as (typeof PAR_FIELDS)[number]]?.[lang]}
              </th>
            )}
            <td>{c.code}</td>
            <td>
              {c.text}
              {c.evidenceHint && (
                <span className="m-sub">
                  {text.evidenceHint}: {c.evidenceHint}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const slug = (i: number) => `tv${i + 1}`;

function PlanForm({ year, plan, onClose, onSaved }: { year: number; plan?: PlanDetail; onClose(): void; onSaved(p: PlanDetail): void }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const [options, setOptions] = useState<InspectionOptions | null>(null);
  const [form, setForm] = useState({
    year: plan?.year ?? year,
    title: plan?.title ?? '',
    decisionRef: plan?.decisionRef ?? '',
    scope: plan?.scope ?? '',
  });
  const [team, setTeam] = useState<TeamMember[]>(plan?.team ?? [{ key: 'tv1', userId: null, name: '', role: 'lead', organisation: '' }]);
  const [unitIds, setUnitIds] = useState<string[]>(plan?.units.map((u) => u.id) ?? []);
  const [checklist, setChecklist] = useState<Criterion[]>(plan?.checklist ?? []);
  const { busy, error, run } = useAction();
  useEffect(() => {
    void run(async () => {
      const o = await api<InspectionOptions>('GET', '/api/v1/manage/inspection/options');
      setOptions(o);
      setChecklist((c) => (c.length ? c : o.defaultChecklist));
    });
  }, []);
  const setMember = (i: number, change: Partial<TeamMember>) => setTeam((t) => t.map((m, j) => (j === i ? { ...m, ...change } : m)));
  const setCriterion = (i: number, change: Partial<Criterion>) => setChecklist((c) => c.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = { ...form, team, unitIds, checklist };
      onSaved(plan ? await api<PlanDetail>('PUT', `/api/v1/manage/inspection/plans/${plan.id}`, body) : await api<PlanDetail>('POST', '/api/v1/manage/inspection/plans', body));
    });
  };
  return (
    <Modal title={plan ? text.editPlan : text.newPlan} onClose={onClose} wide>
      <form onSubmit={submit} className="m-form" data-testid="inspection-plan-form">
        <TextField label={text.year} type="number" value={form.year} onChange={(e) => setForm({ ...form, year: Number(e.target.value) })} required />
        <TextField label={text.planTitle} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} required data-testid="inspection-plan-title" />
        <TextField label={text.decisionRef} value={form.decisionRef} onChange={(e) => setForm({ ...form, decisionRef: e.target.value })} />
        <TextArea label={text.scope} value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value })} rows={2} />
        <fieldset>
          <legend>{text.team}</legend>
          {team.map((m, i) => (
            <div key={i} className="in-member" data-testid="inspection-member">
              <input aria-label={text.memberName} placeholder={text.memberName} value={m.name} onChange={(e) => setMember(i, { name: e.target.value })} required />
              <select aria-label={text.memberRole} value={m.role} onChange={(e) => setMember(i, { role: e.target.value as TeamMember['role'] })}>
                {TEAM_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {TEAM_ROLE_LABELS[r][lang]}
                  </option>
                ))}
              </select>
              <input aria-label={text.organisation} placeholder={text.organisation} value={m.organisation} onChange={(e) => setMember(i, { organisation: e.target.value })} />
              <select
                aria-label={text.account}
                value={m.userId ?? ''}
                onChange={(e) => {
                  const person = options?.people.find((p) => p.id === e.target.value);
                  setMember(i, { userId: e.target.value || null, ...(person && !m.name ? { name: person.name } : {}) });
                }}
              >
                <option value="">{text.noAccount}</option>
                {options?.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => setTeam((t) => t.filter((_, j) => j !== i))}>
                {text.remove}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              setTeam((t) => {
                let n = t.length;
                while (t.some((m) => m.key === slug(n))) n += 1;
                return [...t, { key: slug(n), userId: null, name: '', role: 'member', organisation: '' }];
              })
            }
          >
            {text.addMember}
          </button>
        </fieldset>
        <fieldset>
          <legend>{text.units}</legend>
          {options?.units.map((u) => (
            <label key={u.id} className="in-inline">
              <input
                type="checkbox"
                checked={unitIds.includes(u.id)}
                onChange={(e) => setUnitIds((ids) => (e.target.checked ? [...ids, u.id] : ids.filter((x) => x !== u.id)))}
                data-testid={`inspection-plan-unit-${u.code}`}
              />{' '}
              {u.name}
            </label>
          ))}
        </fieldset>
        <details>
          <summary>
            {text.checklist} ({checklist.length})
          </summary>
          <p className="m-help">{text.checklistHelp}</p>
          {checklist.map((c, i) => (
            <div key={i} className="in-criterion">
              <select aria-label={text.field} value={c.field} onChange={(e) => setCriterion(i, { field: Number(e.target.value) })}>
                {PAR_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {f}. {PAR_FIELD_LABELS[f][lang]}
                  </option>
                ))}
              </select>
              <input aria-label={text.code} value={c.code} onChange={(e) => setCriterion(i, { code: e.target.value })} className="in-code" />
              <input aria-label={text.criterion} value={c.text} onChange={(e) => setCriterion(i, { text: e.target.value })} className="in-text" />
              <input aria-label={text.evidenceHint} value={c.evidenceHint} onChange={(e) => setCriterion(i, { evidenceHint: e.target.value })} className="in-text" />
              <button type="button" onClick={() => setChecklist((list) => list.filter((_, j) => j !== i))}>
                {text.remove}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              setChecklist((list) => {
                let n = list.length + 1;
                while (list.some((c) => c.id === `tc${n}`)) n += 1;
                return [...list, { id: `tc${n}`, field: 3, code: `3.${n}`, text: '', evidenceHint: '' }];
              })
            }
          >
            {text.addCriterion}
          </button>
        </details>
        <FormFooter busy={busy} error={error} onCancel={onClose} saveLabel={plan ? text.save : text.create} />
      </form>
    </Modal>
  );
}

function RoundForm({ plan, onClose, onSaved }: { plan: PlanDetail; onClose(): void; onSaved(r: RoundDetail): void }) {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const [kind, setKind] = useState<RoundKind>('inspection');
  const [title, setTitle] = useState(`Kiểm tra đợt ${plan.rounds.length + 1} năm ${plan.year}`);
  const [scope, setScope] = useState('');
  const [plannedDate, setPlannedDate] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>(plan.units.map((u) => u.id));
  const [memberKeys, setMemberKeys] = useState<string[]>(plan.team.map((m) => m.key));
  const [processDocumentId, setProcessDocumentId] = useState('');
  const [questions, setQuestions] = useState('');
  const [processes, setProcesses] = useState<ProcessDocumentSummary[] | null>(null);
  const [preview, setPreview] = useState<ProcessChecklist | null>(null);
  const { busy, error, run } = useAction();
  const audit = kind === 'internal-audit';
  useEffect(() => {
    if (!audit || processes) return;
    void run(async () => setProcesses((await api<ProcessDocumentSummary[]>('GET', '/api/v1/manage/process-documents')).filter((p) => p.inForce)));
  }, [audit, processes, run]);
  useEffect(() => {
    setPreview(null);
    if (!processDocumentId) return;
    void run(async () => setPreview(await api<ProcessChecklist>('GET', `/api/v1/manage/process-documents/${processDocumentId}/checklist`)));
  }, [processDocumentId, run]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Questions of the team's own, after the process's (which the server copies from the issue in force).
    const checklist = audit
      ? questions
          .split('\n')
          .map((q) => q.trim())
          .filter(Boolean)
          .map((q, i) => ({ id: `t${i + 1}`, field: 7, code: `T${i + 1}`, text: q, evidenceHint: '' }))
      : undefined;
    void run(async () =>
      onSaved(
        await api<RoundDetail>('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, {
          kind,
          title,
          scope,
          plannedDate,
          unitIds,
          memberKeys,
          ...(audit ? { processDocumentId: processDocumentId || null, checklist } : {}),
        }),
      ),
    );
  };
  return (
    <Modal title={text.newRound} onClose={onClose} wide>
      <form onSubmit={submit} className="m-form" data-testid="inspection-round-form">
        <div className="m-row">
          <label>
            {text.kind}
            <select value={kind} onChange={(e) => setKind(e.target.value as RoundKind)}>
              {ROUND_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ROUND_KIND_LABELS[k][lang]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <TextField label={text.roundTitle} value={title} onChange={(e) => setTitle(e.target.value)} required data-testid="inspection-round-title" />
        <TextField label={text.plannedDate} type="date" value={plannedDate} onChange={(e) => setPlannedDate(e.target.value)} required data-testid="inspection-round-date" />
        <TextArea label={text.scope} value={scope} onChange={(e) => setScope(e.target.value)} rows={2} />
        <fieldset>
          <legend>{text.units}</legend>
          {plan.units.map((u) => (
            <label key={u.id} className="in-inline">
              <input type="checkbox" checked={unitIds.includes(u.id)} onChange={(e) => setUnitIds((ids) => (e.target.checked ? [...ids, u.id] : ids.filter((x) => x !== u.id)))} /> {u.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{text.members}</legend>
          {plan.team.map((m) => (
            <label key={m.key} className="in-inline">
              <input type="checkbox" checked={memberKeys.includes(m.key)} onChange={(e) => setMemberKeys((ks) => (e.target.checked ? [...ks, m.key] : ks.filter((x) => x !== m.key)))} />{' '}
              {m.name}
            </label>
          ))}
        </fieldset>
        {kind === 'internal-audit' && (
          <>
            {processes && processes.length === 0 ? (
              <p className="m-muted">{text.noIssuedProcess}</p>
            ) : (
              <SelectField
                label={text.processDocument}
                value={processDocumentId}
                onChange={(e) => setProcessDocumentId(e.target.value)}
                required
                options={[
                  { value: '', label: text.chooseProcess },
                  ...(processes ?? []).map((p) => ({ value: p.id, label: `${p.inForce!.label} – ${p.procedureName}` })),
                ]}
              />
            )}
            {preview && (
              <div data-testid="audit-questions">
                <p>{text.processQuestions}</p>
                <ol>
                  {preview.questions.map((q, i) => (
                    <li key={i}>{q.question}</li>
                  ))}
                </ol>
              </div>
            )}
            <TextArea label={text.auditQuestions} value={questions} onChange={(e) => setQuestions(e.target.value)} rows={3} />
          </>
        )}
        <FormFooter busy={busy} error={error} onCancel={onClose} saveLabel={text.create} />
      </form>
    </Modal>
  );
}
