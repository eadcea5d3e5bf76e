/**
 * "Báo cáo CCHC": the reform reports asked of the units for a year with their deadlines and where each
 * unit stands (on time, late, drafting, missing), asking for a new report (periodic or ad-hoc), a unit's
 * submission (figures filled in by the system with links to the records, text per template section,
 * attachments) and the roll-up of the submissions (on screen, printable, Word and Excel).
 */
import { useEffect, useState } from 'react';
import type { StoredFileMeta } from '../../contracts/files';
import {
  DEFAULT_TEMPLATE,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  SUBMISSION_STATE_LABELS,
  type ReformReport,
  type ReportKind,
  type ReportRollup,
  type ReportSubmission,
  type ReportTemplate,
} from '../../contracts/reform-reports';
import { FIGURE_DEFINITIONS, FIGURE_KEYS, type FigureKey } from '../../contracts/self-evaluation';
import { api } from '../shared/api';
import { FileList, FilePicker } from '../shared/files';
import { fill, useLang, useText } from '../shared/i18n';
import { formatDateTime } from './format';
import { REFORM_REPORTS_TEXT } from './reform-reports-text';
import type { SectionProps } from './section-props';
import { formatPoints } from './self-evaluation-section';
import { FormError, Modal, Notice, useAction } from './ui';
import './self-evaluation-section.css';

const BASE = '/api/v1/manage/reform-reports';
const vnDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export function ReformReportsSection({ user, info }: SectionProps) {
  const text = useText(REFORM_REPORTS_TEXT);
  const { lang } = useLang();
  const [year, setYear] = useState(Number(info.serverTime.slice(0, 4)));
  const [reports, setReports] = useState<ReformReport[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const mayAsk = !(user.role === 'manager' && user.unitId);

  const load = (y = year) => run(async () => setReports(await api<ReformReport[]>('GET', `${BASE}?year=${y}`)));
  useEffect(() => {
    void load();
  }, [lang]);

  const open = reports?.find((r) => r.id === openId) ?? null;
  return (
    <div className="m-stack">
      <section className="m-card">
        <form
          className="rr-form"
          onSubmit={(e) => {
            e.preventDefault();
            void load();
          }}
        >
          <label>
            {text.year}
            <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
          </label>
          <button type="submit" disabled={busy}>
            {text.show}
          </button>
        </form>
        {notice && <Notice>{notice}</Notice>}
        <FormError error={error} />
      </section>
      {mayAsk && (
        <section className="m-card">
          <h2 className="rr-card-title">{text.newSchedule}</h2>
          <NewSchedule
            year={year}
            onCreated={(n) => {
              setNotice(fill(text.created, { n }));
              void load();
            }}
          />
        </section>
      )}

      {reports && (
        <section className="m-card">
          {reports.length === 0 ? (
            <p className="m-muted">{text.none}</p>
          ) : (
            <div className="m-table-wrap">
              <table className="m-table m-compact" data-testid="rr-reports">
                <thead>
                  <tr>
                    <th scope="col">{text.title}</th>
                    <th scope="col">{text.period}</th>
                    <th scope="col">{text.dueDay}</th>
                    <th scope="col" className="m-num">{text.counts}</th>
                    <th scope="col" className="m-num">{text.late}</th>
                    <th scope="col" className="m-num">{text.missing}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {reports.map((r) => (
                    <tr key={r.id} data-report={`${r.title} – ${r.periodLabel}`}>
                      <th scope="row">
                        {r.title}
                        <span className="m-sub">{REPORT_KIND_LABELS[r.kind][lang]}</span>
                      </th>
                      <td>{r.periodLabel}</td>
                      <td className="m-nowrap">
                        {vnDay(r.dueDay)}
                        {r.overdue && <span className="m-sub">{text.overdue}</span>}
                      </td>
                      <td className="m-num">
                        {r.counts.submitted}/{r.counts.asked}
                      </td>
                      <td className={`m-num ${r.counts.late ? 'rr-state-late' : ''}`}>{r.counts.late}</td>
                      <td className={`m-num ${r.counts.missing ? 'rr-state-missing' : ''}`}>{r.counts.missing}</td>
                      <td>
                        <button type="button" onClick={() => setOpenId(r.id)}>
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
      )}
      {open && (
        <ReportModal
          report={open}
          mayRollUp={mayAsk}
          onClose={() => {
            setOpenId(null);
            void load();
          }}
        />
      )}
    </div>
  );
}

function NewSchedule({ year, onCreated }: { year: number; onCreated(n: number): void }) {
  const text = useText(REFORM_REPORTS_TEXT);
  const { lang } = useLang();
  const [title, setTitle] = useState('Báo cáo kết quả thực hiện công tác cải cách hành chính');
  const [kind, setKind] = useState<ReportKind>('quarterly');
  const [days, setDays] = useState('5');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [due, setDue] = useState('');
  const [template, setTemplate] = useState<ReportTemplate>(DEFAULT_TEMPLATE);
  const { busy, error, run } = useAction();
  const submit = () =>
    run(async () => {
      const body =
        kind === 'ad-hoc'
          ? { title, kind, year, periodFrom: from, periodTo: to, dueDay: due, template }
          : { title, kind, year, dueWorkingDays: Number(days), template };
      const created = await api<ReformReport[]>('POST', BASE, body);
      onCreated(created.length);
    });
  return (
    <form
      className="rr-form"
      aria-label={text.newSchedule}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {text.title}
        <input size={48} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="rr-title" />
      </label>
      <label>
        {text.kind}
        <select value={kind} onChange={(e) => setKind(e.target.value as ReportKind)} data-testid="rr-kind">
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {REPORT_KIND_LABELS[k][lang]}
            </option>
          ))}
        </select>
      </label>
      {kind === 'ad-hoc' ? (
        <>
          <label>
            {text.periodFrom}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="rr-from" />
          </label>
          <label>
            {text.periodTo}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="rr-to" />
          </label>
          <label>
            {text.dueDay}
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} data-testid="rr-due" />
          </label>
        </>
      ) : (
        <label>
          {text.dueWorkingDays}
          <input type="number" min={0} max={60} value={days} onChange={(e) => setDays(e.target.value)} className="rr-days" />
        </label>
      )}
      <TemplateEditor template={template} onChange={setTemplate} />
      <button type="submit" className="m-primary" disabled={busy}>
        {text.create}
      </button>
      <FormError error={error} />
    </form>
  );
}

/** The report's sections: title, guidance and the figures each shows; sections added and removed. */
function TemplateEditor({ template, onChange }: { template: ReportTemplate; onChange(t: ReportTemplate): void }) {
  const text = useText(REFORM_REPORTS_TEXT);
  const { lang } = useLang();
  type Section = ReportTemplate['sections'][number];
  const set = (i: number, change: Partial<Section>) => onChange({ sections: template.sections.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  const toggle = (i: number, key: FigureKey, on: boolean) => {
    const keys = template.sections[i]!.figureKeys;
    set(i, { figureKeys: on ? [...keys, key] : keys.filter((k) => k !== key) });
  };
  const add = () => {
    const used = new Set(template.sections.map((s) => s.key));
    let n = template.sections.length + 1;
    while (used.has(`muc-${n}`)) n += 1;
    onChange({ sections: [...template.sections, { key: `muc-${n}`, title: '', guidance: '', figureKeys: [] }] });
  };
  return (
    <details className="rr-template">
      <summary>{text.template}</summary>
      {template.sections.map((s, i) => (
        <fieldset key={s.key} className="rr-template-section">
          <label>
            {text.sectionTitle}
            <input size={60} value={s.title} onChange={(e) => set(i, { title: e.target.value })} />
          </label>
          <label>
            {text.guidance}
            <input size={60} value={s.guidance} onChange={(e) => set(i, { guidance: e.target.value })} />
          </label>
          <div className="rr-template-figures">
            {FIGURE_KEYS.map((k) => (
              <label key={k} className="m-inline-check">
                <input type="checkbox" checked={s.figureKeys.includes(k)} onChange={(e) => toggle(i, k, e.target.checked)} /> {FIGURE_DEFINITIONS[k][lang]}
              </label>
            ))}
          </div>
          <button type="button" className="m-link-button" onClick={() => onChange({ sections: template.sections.filter((_, j) => j !== i) })}>
            {text.removeSection}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={add}>
        {text.addSection}
      </button>
    </details>
  );
}

function ReportModal({ report, mayRollUp, onClose }: { report: ReformReport; mayRollUp: boolean; onClose(): void }) {
  const text = useText(REFORM_REPORTS_TEXT);
  const { lang } = useLang();
  const [current, setCurrent] = useState(report);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [rollup, setRollup] = useState<ReportRollup | null>(null);
  const { error, run } = useAction();
  const reload = () => run(async () => setCurrent(await api<ReformReport>('GET', `${BASE}/${report.id}`)));
  const showRollup = () => run(async () => setRollup(await api<ReportRollup>('GET', `${BASE}/${report.id}/rollup`)));

  return (
    <Modal title={fill(text.reportTitle, { title: current.title, period: current.periodLabel })} onClose={onClose} wide>
      <div className="m-stack" data-testid="rr-report">
        <p>
          {text.dueDay}: <strong>{vnDay(current.dueDay)}</strong>
          {current.overdue && <span className="rr-state-missing"> · {text.overdue}</span>}
        </p>
        <table className="m-table m-compact" data-testid="rr-units">
          <thead>
            <tr>
              <th scope="col">{text.unit}</th>
              <th scope="col">{text.state}</th>
              <th scope="col">{text.submittedAt}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {current.units.map((u) => (
              <tr key={u.unitId} data-unit={u.unitName} data-state={u.state}>
                <th scope="row">{u.unitName}</th>
                <td className={`rr-state-${u.state}`}>{SUBMISSION_STATE_LABELS[u.state][lang]}</td>
                <td className="m-nowrap">{formatDateTime(u.submittedAt, lang)}</td>
                <td>
                  <button type="button" onClick={() => setUnitId(u.unitId)}>
                    {text.write}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {unitId && (
          <SubmissionEditor
            reportId={report.id}
            unitId={unitId}
            template={current.template}
            onSaved={() => {
              void reload();
              setRollup(null);
            }}
          />
        )}
        {mayRollUp && (
          <section className="rr-rollup">
            <div className="m-buttons">
              <button type="button" onClick={() => void showRollup()} data-testid="rr-show-rollup">
                {text.rollup}
              </button>
              <a href={`${BASE}/${report.id}/rollup?format=html`} target="_blank" rel="noopener" data-testid="rr-print">
                {text.printRollup}
              </a>
              <a href={`${BASE}/${report.id}/rollup?format=doc`} download>
                {text.wordRollup}
              </a>
              <a href={`${BASE}/${report.id}/rollup?format=xlsx`} download>
                {text.excelRollup}
              </a>
            </div>
            {rollup && <RollupView rollup={rollup} />}
          </section>
        )}
        <FormError error={error} />
      </div>
    </Modal>
  );
}

function RollupView({ rollup }: { rollup: ReportRollup }) {
  const text = useText(REFORM_REPORTS_TEXT);
  const { lang } = useLang();
  return (
    <div data-testid="rr-rollup">
      <p>{fill(text.included, { n: rollup.included.length, units: rollup.included.join(', ') || '—' })}</p>
      {rollup.missing.length > 0 && <p className="rr-state-missing">{fill(text.notSubmitted, { units: rollup.missing.join(', ') })}</p>}
      {rollup.sections.map((s) => (
        <div key={s.key}>
          <h3>{s.title}</h3>
          {s.figures.length > 0 && (
            <table className="m-table m-compact rr-figures">
              <tbody>
                {s.figures.map((f) => (
                  <tr key={f.key} data-figure={f.key}>
                    <th scope="row">{FIGURE_DEFINITIONS[f.key][lang]}</th>
                    <td className="m-num">
                      <strong>
                        {formatPoints(f.value, lang)}
                        {f.unit === '%' && f.value !== null ? '%' : ''}
                      </strong>
                    </td>
                    <td className="m-sub">{f.how}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {s.texts.length === 0 ? (
            <p className="m-muted">{text.noText}</p>
          ) : (
            s.texts.map((t) => (
              <div key={t.unitName}>
                <strong>{t.unitName}:</strong>
                <blockquote>{t.text}</blockquote>
              </div>
            ))
          )}
        </div>
      ))}
    </div>
  );
}

function SubmissionEditor({ reportId, unitId, template, onSaved }: { reportId: string; unitId: string; template: ReformReport['template']; onSaved(): void }) {
  const text = useText(REFORM_REPORTS_TEXT);
  const { lang } = useLang();
  const [s, setS] = useState<ReportSubmission | null>(null);
  const [sections, setSections] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<StoredFileMeta[]>([]);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const url = `${BASE}/${reportId}/units/${unitId}`;
  const show = (x: ReportSubmission) => {
    setS(x);
    setSections(x.sections);
    setFiles(x.files);
    setOverrides({});
  };
  useEffect(() => {
    setNotice(null);
    void run(async () => show(await api<ReportSubmission>('GET', url)));
  }, [url, lang]);

  const save = (submit: boolean) =>
    run(async () => {
      const figureOverrides = Object.fromEntries(
        Object.entries(overrides)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, Number(v.replace(',', '.'))]),
      );
      show(await api<ReportSubmission>('PUT', url, { sections, fileIds: files.map((f) => f.id), figureOverrides, submit }));
      setNotice(submit ? text.submitted : text.saved);
      onSaved();
    });

  if (!s) return <FormError error={error} />;
  const figure = (key: string) => s.figures.find((f) => f.key === key);
  return (
    <form
      className="m-stack rr-section"
      data-testid="rr-submission"
      data-status={s.status}
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <h3>
        {fill(text.submissionOf, { unit: s.unitName })} · <span className={`rr-state-${s.state}`}>{SUBMISSION_STATE_LABELS[s.state][lang]}</span>
      </h3>
      {template.sections.map((section) => (
        <div key={section.key} data-section={section.key}>
          <h3>{section.title}</h3>
          {section.guidance && <p className="m-help">{section.guidance}</p>}
          {section.figureKeys.length > 0 && (
            <table className="m-table m-compact rr-figures">
              <tbody>
                {section.figureKeys.map((key) => {
                  const f = figure(key);
                  if (!f) return null;
                  return (
                    <tr key={key} data-figure={key}>
                      <th scope="row">{FIGURE_DEFINITIONS[f.key][lang]}</th>
                      <td className="m-num">
                        {f.value === null ? '—' : `${formatPoints(f.value, lang)}${f.unit === '%' ? '%' : ''}`}
                      </td>
                      <td className="m-sub">
                        {f.detail}{' '}
                        {f.link && (
                          <a href={f.link} target="_blank" rel="noopener">
                            {text.records}
                          </a>
                        )}
                      </td>
                      {s.canEdit && (
                        <td>
                          <input
                            className="se-points"
                            inputMode="decimal"
                            aria-label={`${text.enter}: ${FIGURE_DEFINITIONS[f.key][lang]}`}
                            placeholder={text.enter}
                            value={overrides[key] ?? ''}
                            onChange={(e) => setOverrides((o) => ({ ...o, [key]: e.target.value }))}
                          />
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {s.canEdit ? (
            <textarea
              rows={4}
              aria-label={section.title}
              value={sections[section.key] ?? ''}
              onChange={(e) => setSections((x) => ({ ...x, [section.key]: e.target.value }))}
            />
          ) : (
            <blockquote>{sections[section.key] || text.noText}</blockquote>
          )}
        </div>
      ))}
      <div>
        <h3>{text.files}</h3>
        <FileList files={files} {...(s.canEdit ? { onRemove: (f: StoredFileMeta) => setFiles((x) => x.filter((y) => y.id !== f.id)) } : {})} />
        {s.canEdit && <FilePicker label={text.attach} onUploaded={(meta) => setFiles((x) => [...x, meta])} />}
      </div>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={error} />
      {s.canEdit && (
        <div className="m-buttons">
          <button type="submit" disabled={busy}>
            {text.save}
          </button>
          <button type="button" className="m-primary" disabled={busy} onClick={() => void save(true)} data-testid="rr-submit">
            {text.submit}
          </button>
        </div>
      )}
    </form>
  );
}
