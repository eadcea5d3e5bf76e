/**
 * Đánh giá 9 chỉ số: the quarterly evaluation of dossier handling (DOMAIN-VN §1.5) by unit, officer
 * or the whole centre — each indicator's computed points beside the editable self-score and
 * appraisal columns, the totals and grades, the satisfaction shares and the citizens' answers, the
 * Excel workbook units report in, and the dossiers behind every figure.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { EvaluationDossierList, EvaluationReport, EvaluationRow, EvaluationScoresInput } from '../../contracts/api';
import type { Lang } from '../../contracts/lang';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { dossierLink } from './dossier-reports';
import {
  EVALUATION_TEXT,
  evaluationDossiersUrl,
  evaluationUrl,
  evaluationXlsxUrl,
  formatPoints,
  quarterOfDay,
  readScore,
  REPORTS_AS_LABELS,
  scoreText,
  yearOptions,
  type EvaluationBy,
} from './evaluation-text';
import { formatDateTime, formatPercent, hallDay } from './format';
import type { SectionProps } from './section-props';
import { FormError, Modal, Notice, useAction } from './ui';
import './dossier-sections.css';
import './evaluation.css';

const BYS: EvaluationBy[] = ['unit', 'officer', 'centre'];

/** Typed values of one row's inputs, by indicator: [self, appraisal]. */
type Drafts = Record<string, Record<number, [string, string]>>;

function draftsOf(report: EvaluationReport, lang: Lang): Drafts {
  const drafts: Drafts = {};
  for (const row of report.rows) {
    drafts[row.subject] = Object.fromEntries(row.indicators.map((c) => [c.indicator, [scoreText(c.selfScore, lang), scoreText(c.appraisalScore, lang)]]));
  }
  return drafts;
}

export function EvaluationSection({ info }: SectionProps) {
  const text = useText(EVALUATION_TEXT);
  const { lang } = useLang();
  const today = hallDay(info.serverTime);
  const [quarter, setQuarter] = useState(quarterOfDay(today));
  const [by, setBy] = useState<EvaluationBy>('unit');
  const [report, setReport] = useState<EvaluationReport | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ by: EvaluationBy; subject: string; label: string; indicator: number | undefined } | null>(null);
  const { busy, error, setError, run } = useAction();

  const load = (q: string, b: EvaluationBy) =>
    run(async () => {
      const next = await api<EvaluationReport>('GET', evaluationUrl(q, b));
      setReport(next);
      setDrafts(draftsOf(next, lang));
      setSaved(null);
    });

  useEffect(() => {
    void load(quarter, by);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(quarter, by);
  };

  const edit = (subject: string, indicator: number, column: 0 | 1, value: string) =>
    setDrafts((d) => {
      const row = { ...(d[subject] ?? {}) };
      const pair: [string, string] = [...(row[indicator] ?? ['', ''])] as [string, string];
      pair[column] = value;
      row[indicator] = pair;
      return { ...d, [subject]: row };
    });

  const save = (row: EvaluationRow) => {
    if (!report) return;
    const typed = drafts[row.subject] ?? {};
    const scores: EvaluationScoresInput['scores'] = [];
    for (const cell of row.indicators) {
      const [selfText, appraisalText] = typed[cell.indicator] ?? ['', ''];
      const selfScore = readScore(selfText);
      const appraisalScore = readScore(appraisalText);
      const bad = [selfText, appraisalText].find((t, i) => Number.isNaN(i === 0 ? selfScore : appraisalScore) && t);
      if (bad !== undefined) {
        setError(fill(text.notNumber, { indicator: cell.indicator, value: bad }));
        return;
      }
      scores.push({ indicator: cell.indicator, selfScore, appraisalScore, note: cell.note });
    }
    void run(async () => {
      const next = await api<EvaluationReport>('PUT', '/api/v1/manage/evaluation/scores', { quarter: report.quarter, by: report.by, subject: row.subject, scores });
      setReport(next);
      setDrafts(draftsOf(next, lang));
      setSaved(fill(text.saved, { subject: row.label }));
    });
  };

  const [year, number] = quarter.split('-Q') as [string, string];
  const totalColumns = 2 + (report?.indicators.length ?? 9) * 3 + 3 + 3 + 4 + (report?.total.criteria.length ?? 0) + 1;

  return (
    <div className="m-stack">
      <section className="m-card">
        <form className="m-range" onSubmit={submit} aria-label={text.controls}>
          <label>
            {text.year}
            <select value={year} onChange={(e) => setQuarter(`${e.target.value}-Q${number}`)}>
              {yearOptions(today).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {text.quarter}
            <select value={number} onChange={(e) => setQuarter(`${year}-Q${e.target.value}`)}>
              {['1', '2', '3', '4'].map((n) => (
                <option key={n} value={n}>
                  {['I', 'II', 'III', 'IV'][Number(n) - 1]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {text.by}
            <select
              value={by}
              onChange={(e) => {
                const b = e.target.value as EvaluationBy;
                setBy(b);
                void load(quarter, b);
              }}
            >
              {BYS.map((b) => (
                <option key={b} value={b}>
                  {text[b]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="m-primary" disabled={busy}>
            {text.show}
          </button>
          {report && (
            <span className="m-range-presets">
              <a className="ds-button-link" href={evaluationXlsxUrl(report.quarter, report.by)} download data-testid="evaluation-xlsx">
                {text.excel}
              </a>
            </span>
          )}
        </form>
        <FormError error={error} />
        {saved && <Notice>{saved}</Notice>}
        {report && (
          <div aria-busy={busy}>
            <p className="m-muted">
              <strong>{report.title}</strong> · {report.centreName} · {fill(text.asOf, { time: formatDateTime(report.asOf, lang) })}
            </p>
            <div className="m-table-wrap">
              <table className="m-table m-numeric m-compact ev-table" data-testid="evaluation-table">
                <thead>
                  <tr>
                    <th scope="col" rowSpan={2}>
                      {text[report.by]}
                    </th>
                    <th scope="col" rowSpan={2}>
                      {text.dossiers}
                    </th>
                    {report.indicators.map((ind) => (
                      <th key={ind.id} scope="colgroup" colSpan={3} title={ind.name}>
                        {ind.id}. {ind.name}
                      </th>
                    ))}
                    <th scope="colgroup" colSpan={3}>
                      {text.total}
                    </th>
                    <th scope="colgroup" colSpan={3}>
                      {text.grade}
                    </th>
                    <th scope="colgroup" colSpan={4}>
                      {text.satisfaction}
                    </th>
                    {report.total.criteria.length > 0 && (
                      <th scope="colgroup" colSpan={report.total.criteria.length}>
                        {text.citizen}
                      </th>
                    )}
                    <th scope="col" rowSpan={2} />
                  </tr>
                  <tr>
                    {[...report.indicators, { id: 'total' }, { id: 'grade' }].map((ind) =>
                      (['computed', 'self', 'appraisal'] as const).map((c) => (
                        <th key={`${ind.id}-${c}`} scope="col">
                          {text[c]}
                        </th>
                      )),
                    )}
                    <th scope="col">{text.dissatisfied}</th>
                    <th scope="col">{text.satisfied}</th>
                    <th scope="col">{text.verySatisfied}</th>
                    <th scope="col">{text.ballots}</th>
                    {report.total.criteria.map((c) => (
                      <th key={c.key} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.rows.length === 0 || (report.rows.every((r) => r.dossiers === 0) && report.by === 'centre') ? (
                    <tr>
                      <td colSpan={totalColumns} className="ds-empty-cell">
                        {text.noRows}
                      </td>
                    </tr>
                  ) : (
                    report.rows.map((row) => (
                      <Row
                        key={row.subject}
                        row={row}
                        lang={lang}
                        busy={busy}
                        drafts={drafts[row.subject] ?? {}}
                        onEdit={(indicator, column, value) => edit(row.subject, indicator, column, value)}
                        onSave={() => save(row)}
                        onOpen={(indicator) => setOpened({ by: report.by, subject: row.subject, label: row.label, indicator })}
                      />
                    ))
                  )}
                </tbody>
                {report.by !== 'centre' && report.rows.length > 0 && (
                  <tfoot>
                    <Row
                      row={{ ...report.total, label: text.wholeCentre }}
                      lang={lang}
                      busy={busy}
                      onOpen={(indicator) => setOpened({ by: 'centre', subject: '', label: text.wholeCentre, indicator })}
                    />
                  </tfoot>
                )}
              </table>
            </div>
            <p className="m-help">{text.scoreHint}</p>
            <p className="m-help">{text.help}</p>
          </div>
        )}
      </section>
      {opened && report && (
        <DossiersDialog
          quarter={report.quarter}
          by={opened.by}
          subject={opened.subject}
          label={opened.label}
          indicator={opened.indicator}
          indicators={report.indicators}
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}

function Row({
  row,
  lang,
  busy,
  drafts,
  onEdit,
  onSave,
  onOpen,
}: {
  row: EvaluationRow;
  lang: Lang;
  busy: boolean;
  /** Absent for the centre's total row, whose scores are not edited here. */
  drafts?: Record<number, [string, string]>;
  onEdit?: (indicator: number, column: 0 | 1, value: string) => void;
  onSave?: () => void;
  onOpen: (indicator?: number) => void;
}) {
  const text = useText(EVALUATION_TEXT);
  const editable = drafts !== undefined && onEdit !== undefined;
  const pct = row.satisfaction.percent;
  return (
    <tr className={editable ? undefined : 'ds-total'} data-testid={`evaluation-row-${row.label}`}>
      <th scope="row">
        <button type="button" className="ev-link" onClick={() => onOpen()} title={text.openDossiers}>
          {row.label}
        </button>
      </th>
      <td>
        <button type="button" className="ev-link" onClick={() => onOpen()}>
          {row.dossiers}
        </button>
      </td>
      {row.indicators.map((cell) => (
        <ScoreCells key={cell.indicator} cell={cell} lang={lang} drafts={drafts?.[cell.indicator]} onEdit={onEdit} onOpen={onOpen} />
      ))}
      <td title={row.computed ? fill(text.outOf18, { value: formatPoints(row.computed.outOf18, lang), total: formatPoints(row.computed.total, lang), max: row.computed.max }) : undefined}>
        {formatPoints(row.computed?.outOf18, lang)}
      </td>
      <td title={row.self.complete ? undefined : text.incomplete}>{formatPoints(row.self.total, lang)}</td>
      <td title={row.appraisal.complete ? undefined : text.incomplete}>{formatPoints(row.appraisal.total, lang)}</td>
      <td>{row.computed?.gradeLabel ?? '—'}</td>
      <td>{row.self.gradeLabel ?? '—'}</td>
      <td>{row.appraisal.gradeLabel ?? '—'}</td>
      <td>{formatPercent(pct?.dissatisfied, lang)}</td>
      <td>{formatPercent(pct?.satisfied, lang)}</td>
      <td>{formatPercent(pct?.verySatisfied, lang)}</td>
      <td>{row.satisfaction.ratings}</td>
      {row.criteria.map((c) => (
        <td key={c.key} title={`${c.label}: ${c.answers}`}>
          {formatPoints(c.average, lang)}
        </td>
      ))}
      <td>
        {editable && onSave && (
          <button type="button" onClick={onSave} disabled={busy}>
            {text.save}
          </button>
        )}
      </td>
    </tr>
  );
}

function ScoreCells({
  cell,
  lang,
  drafts,
  onEdit,
  onOpen,
}: {
  cell: EvaluationRow['indicators'][number];
  lang: Lang;
  drafts: [string, string] | undefined;
  onEdit: ((indicator: number, column: 0 | 1, value: string) => void) | undefined;
  onOpen: (indicator?: number) => void;
}) {
  const text = useText(EVALUATION_TEXT);
  const input = (column: 0 | 1, label: string, value: number | null) =>
    drafts && onEdit ? (
      <input
        className="ev-score"
        inputMode="decimal"
        size={3}
        aria-label={`${text.indicatorFilter} ${cell.indicator} – ${label}`}
        value={drafts[column]}
        onChange={(e) => onEdit(cell.indicator, column, e.target.value)}
      />
    ) : (
      formatPoints(value, lang)
    );
  return (
    <>
      <td title={cell.fromCitizen > 0 ? fill(text.fromCitizen, { count: cell.fromCitizen }) : undefined}>
        {cell.computed === null ? (
          '—'
        ) : (
          <button type="button" className="ev-link" onClick={() => onOpen(cell.indicator)}>
            {formatPoints(cell.computed, lang)}
            {cell.fromCitizen > 0 ? '*' : ''}
          </button>
        )}
      </td>
      <td>{input(0, text.self, cell.selfScore)}</td>
      <td>{input(1, text.appraisal, cell.appraisalScore)}</td>
    </>
  );
}

function DossiersDialog({
  quarter,
  by,
  subject,
  label,
  indicator,
  indicators,
  onClose,
}: {
  quarter: string;
  by: EvaluationBy;
  subject: string;
  label: string;
  indicator: number | undefined;
  indicators: EvaluationReport['indicators'];
  onClose(): void;
}) {
  const text = useText(EVALUATION_TEXT);
  const { lang } = useLang();
  const [list, setList] = useState<EvaluationDossierList | null>(null);
  const [filter, setFilter] = useState<number | undefined>(indicator);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void run(async () => setList(await api<EvaluationDossierList>('GET', evaluationDossiersUrl(quarter, by, subject, filter))));
  }, [filter]);

  return (
    <Modal title={fill(text.dossiersOf, { subject: label })} onClose={onClose} wide>
      <label className="ev-filter">
        {text.indicatorFilter}{' '}
        <select value={filter ?? ''} onChange={(e) => setFilter(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">{text.allIndicators}</option>
          {indicators.map((ind) => (
            <option key={ind.id} value={ind.id}>
              {ind.id}. {ind.name}
            </option>
          ))}
        </select>
      </label>
      <FormError error={error} />
      {list && (
        <div className="m-table-wrap" aria-busy={busy}>
          <table className="m-table m-compact ev-dossiers" data-testid="evaluation-dossiers">
            <thead>
              <tr>
                <th scope="col">{text.code}</th>
                <th scope="col">{text.procedure}</th>
                <th scope="col">{text.ended}</th>
                {indicators.map((ind) => (
                  <th key={ind.id} scope="col" title={ind.name}>
                    {ind.id}
                  </th>
                ))}
                <th scope="col">{text.rating}</th>
                <th scope="col">{text.pakn}</th>
              </tr>
            </thead>
            <tbody>
              {list.dossiers.length === 0 ? (
                <tr>
                  <td colSpan={indicators.length + 5} className="ds-empty-cell">
                    {text.noDossiers}
                  </td>
                </tr>
              ) : (
                list.dossiers.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="m-nowrap">
                      <a href={dossierLink(d.id)}>{d.code}</a>
                      <span className="m-sub">{d.applicantName}</span>
                    </th>
                    <td>{d.procedureName}</td>
                    <td className="m-nowrap">{formatDateTime(d.endedAt, lang)}</td>
                    {d.indicators.map((s) => (
                      <td key={s.indicator} title={s.reasonText} className={s.points === 0 ? 'ds-bad' : undefined}>
                        {s.points === null ? '—' : s.points}
                        {s.source === 'citizen' ? '*' : ''}
                      </td>
                    ))}
                    <td>
                      {d.rating ? REPORTS_AS_LABELS[d.rating.reportsAs][lang] : '—'}
                      {d.rating?.comment && <span className="m-sub">{d.rating.comment}</span>}
                    </td>
                    <td>{d.pakns.map((p) => p.code).join(', ') || '—'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
