/**
 * Chỉ số 766: the Decision 766 indicators the centre computes from its own data (1.3, 2.1, 2.2, 3.3,
 * 4.1/4.2 marked as not computable, 5.1–5.4), for a month, a quarter, the first 6 or 9 months, a year
 * or any span, for the whole centre or by field, procedure, unit or officer. Every figure opens the
 * list of dossiers (or PAKN, or procedures) it counts, with why, so a manager can check it by hand.
 */
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { PERIOD_KINDS, type PeriodKind } from '../../contracts/indicator-periods';
import {
  INDICATOR_GROUP_BY,
  INDICATOR_IDS,
  type IndicatorGroupBy,
  type IndicatorItems,
  type IndicatorReport,
  type IndicatorResult,
} from '../../contracts/indicators';
import { api } from '../shared/api';
import { useLang, useText } from '../shared/i18n';
import { formatDateTime, hallDay } from './format';
import { INDICATORS_TEXT, STANDING_LABELS } from './indicators-text';
import { choiceForToday, daysOf, formatFigure, formatPoints, formatRatio, indicatorsUrl, itemsUrl, type PeriodChoice } from './indicators-view';
import type { SectionProps } from './section-props';
import { FormError, Modal, useAction } from './ui';
import './dossier-sections.css';
import './indicators.css';

/** What a click asked to open: one figure of one indicator, possibly within one group. */
interface Opened {
  indicator: IndicatorResult;
  figure: string;
  figureLabel: string;
  group: { key: string; label: string } | null;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const QUARTERS = [1, 2, 3, 4];

export function IndicatorsSection({ info }: SectionProps) {
  const text = useText(INDICATORS_TEXT);
  const { lang } = useLang();
  const today = hallDay(info.serverTime);
  const [choice, setChoice] = useState<PeriodChoice>(() => choiceForToday(today));
  const [groupBy, setGroupBy] = useState<IndicatorGroupBy>('none');
  const [report, setReport] = useState<IndicatorReport | null>(null);
  const [asked, setAsked] = useState<{ days: { from: string; to: string }; groupBy: IndicatorGroupBy } | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const { busy, error, run } = useAction();

  const load = (c: PeriodChoice, g: IndicatorGroupBy) =>
    run(async () => {
      const days = daysOf(c);
      setReport(await api<IndicatorReport>('GET', indicatorsUrl(days, g)));
      setAsked({ days, groupBy: g });
    });

  useEffect(() => {
    void load(choice, groupBy);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(choice, groupBy);
  };
  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const years = Array.from({ length: 6 }, (_, i) => Number(today.slice(0, 4)) - i);
  const days = daysOf(choice);
  const open = (indicator: IndicatorResult, figure: string, figureLabel: string, group: Opened['group'] = null) => setOpened({ indicator, figure, figureLabel, group });

  return (
    <div className="m-stack">
      <section className="m-card">
        <p className="ds-intro">{text.intro}</p>
        <form className="m-range" onSubmit={submit} aria-label={text.period}>
          <label>
            {text.kind}
            <select value={choice.kind} onChange={(e) => set({ kind: e.target.value as PeriodKind, index: e.target.value === 'quarter' ? Math.ceil(choice.index / 3) || 1 : choice.index })}>
              {PERIOD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {text[k]}
                </option>
              ))}
            </select>
          </label>
          {choice.kind === 'custom' ? (
            <>
              <label>
                {text.from}
                <input type="date" value={choice.from} max={choice.to || undefined} required onChange={(e) => set({ from: e.target.value })} />
              </label>
              <label>
                {text.to}
                <input type="date" value={choice.to} min={choice.from || undefined} required onChange={(e) => set({ to: e.target.value })} />
              </label>
            </>
          ) : (
            <>
              {(choice.kind === 'month' || choice.kind === 'quarter') && (
                <label>
                  {text[choice.kind]}
                  <select value={choice.index} onChange={(e) => set({ index: Number(e.target.value) })}>
                    {(choice.kind === 'month' ? MONTHS : QUARTERS).map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label>
                {text.year}
                <select value={choice.year} onChange={(e) => set({ year: Number(e.target.value) })}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <label>
            {text.groupBy}
            <select
              value={groupBy}
              onChange={(e) => {
                const g = e.target.value as IndicatorGroupBy;
                setGroupBy(g);
                void load(choice, g);
              }}
            >
              {INDICATOR_GROUP_BY.map((g) => (
                <option key={g} value={g}>
                  {text[g]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="m-primary" disabled={busy}>
            {text.show}
          </button>
          <button type="button" onClick={() => window.print()}>
            {text.print}
          </button>
        </form>
        <p className="m-help" data-testid="indicators-period">{lang === 'vi' ? days.labelVi : days.labelEn}</p>
        <FormError error={error} />
        {report && asked && (
          <div aria-busy={busy}>
            <p className="m-help">
              {text.asOf} {formatDateTime(report.asOf, lang)}. {report.apologyCountsAsLate ? text.apologyOn : text.apologyOff}
            </p>
            <div className="m-table-wrap">
              <table className="m-table" data-testid="indicators">
                <thead>
                  <tr>
                    <th scope="col">{text.id}</th>
                    <th scope="col">{text.name}</th>
                    <th scope="col">{text.value}</th>
                    <th scope="col">{text.ratio}</th>
                    <th scope="col">{text.points}</th>
                    <th scope="col">{text.formula}</th>
                  </tr>
                </thead>
                <tbody>
                  {INDICATOR_IDS.map((id) => {
                    const r = report.indicators[id];
                    return (
                      <Fragment key={id}>
                        <IndicatorRow r={r} lang={lang} text={text} onOpen={open} />
                        {r.extra.map((f) => (
                          <tr key={`${id}:${f.key}`} className="ind-extra">
                            <td />
                            <th scope="row">{lang === 'vi' ? f.labelVi : f.labelEn}</th>
                            <td>
                              <button type="button" className="ind-figure" onClick={() => open(r, f.key, lang === 'vi' ? f.labelVi : f.labelEn)}>
                                {formatFigure(f.value, f.unit, lang)}
                              </button>
                            </td>
                            <td>{formatRatio(f.numerator, f.denominator, lang)}</td>
                            <td colSpan={2} />
                          </tr>
                        ))}
                      </Fragment>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr className="ds-total">
                    <th scope="row" colSpan={4}>
                      {text.total}
                    </th>
                    <td data-testid="indicators-total">{formatPoints(report.points, report.maxPoints, lang)}</td>
                    <td className="m-help">{text.totalHelp}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            {asked.groupBy !== 'none' && <GroupTables report={report} lang={lang} text={text} groupBy={asked.groupBy} onOpen={open} />}
          </div>
        )}
      </section>
      {opened && asked && <ItemsDialog opened={opened} asked={asked} lang={lang} text={text} onClose={() => setOpened(null)} />}
    </div>
  );
}

type Text = ReturnType<typeof useText<keyof (typeof INDICATORS_TEXT)['vi']>>;
type OnOpen = (indicator: IndicatorResult, figure: string, figureLabel: string, group?: Opened['group']) => void;

function IndicatorRow({ r, lang, text, onOpen }: { r: IndicatorResult; lang: 'vi' | 'en'; text: Text; onOpen: OnOpen }) {
  const name = lang === 'vi' ? r.name : r.nameEn;
  return (
    <tr data-testid={`indicator-${r.id}`}>
      <td>{r.id}</td>
      <th scope="row">{name}</th>
      <td>
        {r.computable ? (
          <button type="button" className="ind-figure" onClick={() => onOpen(r, 'value', name)} title={text.open}>
            {formatFigure(r.value, r.unit, lang)}
          </button>
        ) : (
          <span className="ind-na">{text.notComputable}</span>
        )}
      </td>
      <td>{r.computable ? formatRatio(r.numerator, r.denominator, lang) : '—'}</td>
      <td>{formatPoints(r.points, r.maxPoints, lang)}</td>
      <td className="ind-formula">
        {!r.computable && <p className="ds-bad">{lang === 'vi' ? r.reason : r.reasonEn}</p>}
        <details>
          <summary>{text.showFormula}</summary>
          <p>{lang === 'vi' ? r.formula : r.formulaEn}</p>
        </details>
      </td>
    </tr>
  );
}

function GroupTables({ report, lang, text, groupBy, onOpen }: { report: IndicatorReport; lang: 'vi' | 'en'; text: Text; groupBy: IndicatorGroupBy; onOpen: OnOpen }) {
  const grouped = INDICATOR_IDS.map((id) => report.indicators[id]).filter((r) => r.computable);
  return (
    <div className="m-stack">
      <h3>
        {text.groups}: {text[groupBy]}
      </h3>
      {grouped.map((r) => (
        <section key={r.id} className="ind-group">
          <h4>
            {r.id} – {lang === 'vi' ? r.name : r.nameEn}
          </h4>
          {r.groups.length === 0 ? (
            <p className="m-help">{text.noGroups}</p>
          ) : (
            <div className="m-table-wrap">
              <table className="m-table m-numeric" data-testid={`indicator-groups-${r.id}`}>
                <thead>
                  <tr>
                    <th scope="col">{text.group}</th>
                    <th scope="col">{text.value}</th>
                    <th scope="col">{text.ratio}</th>
                    <th scope="col">{text.points}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.groups.map((g) => (
                    <tr key={g.key}>
                      <th scope="row">{g.label}</th>
                      <td>
                        <button type="button" className="ind-figure" onClick={() => onOpen(r, 'value', g.label, { key: g.key, label: g.label })}>
                          {formatFigure(g.value, g.unit, lang)}
                        </button>
                      </td>
                      <td>{formatRatio(g.numerator, g.denominator, lang)}</td>
                      <td>{formatPoints(g.points, r.maxPoints, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {r.id === '2.2' && <p className="m-help">{text.mixedUnits}</p>}
        </section>
      ))}
    </div>
  );
}

function ItemsDialog({
  opened,
  asked,
  lang,
  text,
  onClose,
}: {
  opened: Opened;
  asked: { days: { from: string; to: string }; groupBy: IndicatorGroupBy };
  lang: 'vi' | 'en';
  text: Text;
  onClose(): void;
}) {
  const [list, setList] = useState<IndicatorItems | null>(null);
  const { busy, error, run } = useAction();
  const { indicator, figure, group } = opened;
  useEffect(() => {
    void run(async () => {
      setList(await api<IndicatorItems>('GET', itemsUrl(indicator.id, asked.days, asked.groupBy, figure, group?.key ?? null)));
    });
  }, []);
  const title = `${indicator.id} – ${opened.figureLabel}${group && group.label !== opened.figureLabel ? ` (${group.label})` : ''}`;
  const showMeasure = indicator.id === '2.2';
  return (
    <Modal title={`${text.items}: ${title}`} onClose={onClose} wide>
      <FormError error={error} />
      {busy && <p className="m-help">{text.loading}</p>}
      {list && (
        <>
          <p className="m-help">
            {text.numerator}: {list.items.filter((i) => i.inNumerator).length} · {text.denominator}: {list.items.length}
          </p>
          <div className="m-table-wrap ds-scroll">
            <table className="m-table" data-testid="indicator-items">
              <thead>
                <tr>
                  <th scope="col">{text.code}</th>
                  <th scope="col">{text.title}</th>
                  <th scope="col">{text.received}</th>
                  <th scope="col">{text.due}</th>
                  <th scope="col">{text.end}</th>
                  <th scope="col">{text.status}</th>
                  {showMeasure && <th scope="col">{text.measure}</th>}
                  <th scope="col">{text.counted}</th>
                  <th scope="col">{text.why}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.length === 0 ? (
                  <tr>
                    <td colSpan={showMeasure ? 9 : 8} className="ds-empty-cell">
                      {text.noItems}
                    </td>
                  </tr>
                ) : (
                  list.items.map((i) => (
                    <tr key={i.id}>
                      <td>
                        {i.kind === 'dossier' ? (
                          <a href={`/dossiers?id=${encodeURIComponent(i.id)}`} target="_blank" rel="noreferrer">
                            {i.code}
                          </a>
                        ) : (
                          i.code
                        )}
                      </td>
                      <td>{i.title}</td>
                      <td>{formatDateTime(i.receivedAt, lang)}</td>
                      <td>{formatDateTime(i.dueAt, lang)}</td>
                      <td>{formatDateTime(i.endAt, lang)}</td>
                      <td>{i.status ? STANDING_LABELS[i.status]?.[lang] ?? i.status : '—'}</td>
                      {showMeasure && <td>{i.measure === null ? '—' : i.measure.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>}
                      <td>{i.inNumerator ? text.inNumerator : text.onlyDenominator}</td>
                      <td>{i.why}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Modal>
  );
}
