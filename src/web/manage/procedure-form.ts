/**
 * The procedure editor's model, kept apart from React so it can be tested: a ProcedureDetail becomes
 * a draft of strings (what the inputs hold), a draft becomes a ProcedureUpdate or the list of what is
 * wrong with it, and the steps' allowances are added up against the time the centre commits to.
 */
import type { Channel, DurationUnit, ProcedureDetail, ProcedureUpdate, ProcessingRule } from '../../contracts/dossier';
import { CHANNEL_LABELS, processingTimeText, UNIT_LABELS } from '../../contracts/dossier-text';
import type { Lang } from '../../contracts/lang';
import { parseDecimal, parseWhole } from './format';

export const CHANNELS: readonly Channel[] = ['direct', 'online', 'postal'];
export const DURATION_UNITS: readonly DurationUnit[] = ['working-days', 'days', 'hours', 'same-day'];


export { CHANNEL_LABELS, UNIT_LABELS };

/** Office hours in one working day (8:00–12:00, 13:00–17:00); step allowances are counted in them. */
export const WORKING_DAY_HOURS = 8;

export interface RuleDraft {
  channel: Channel;
  amount: string;
  unit: DurationUnit;
  committed: string;
  fee: string;
  feeText: string;
  description: string;
}

export interface DocumentDraft {
  key: number;
  name: string;
  copies: string;
  mandatory: boolean;
}

export interface StepDraft {
  key: number;
  code: string;
  name: string;
  unit: string;
  allowance: string;
}

export interface ProcedureDraft {
  name: string;
  fieldName: string;
  fieldId: string | null;
  active: boolean;
  rules: RuleDraft[];
  documents: DocumentDraft[];
  steps: StepDraft[];
  cutoff: string;
}

let nextKey = 1;
/** A key for a new list row, so React keeps each input with its row when rows move. */
export function rowKey(): number {
  return nextKey++;
}

const numberText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function ruleToDraft(rule: ProcessingRule): RuleDraft {
  return {
    channel: rule.channel,
    amount: numberText(rule.amount),
    unit: rule.unit,
    committed: numberText(rule.committedAmount),
    fee: numberText(rule.feeDong),
    feeText: rule.feeText,
    description: rule.description,
  };
}

export function newRuleDraft(channel: Channel, like?: RuleDraft): RuleDraft {
  return { channel, amount: like?.amount ?? '', unit: like?.unit ?? 'working-days', committed: like?.committed ?? '', fee: like?.fee ?? '', feeText: like?.feeText ?? '', description: '' };
}

export function newDocumentDraft(): DocumentDraft {
  return { key: rowKey(), name: '', copies: '', mandatory: true };
}

export function newStepDraft(): StepDraft {
  return { key: rowKey(), code: '', name: '', unit: '', allowance: '' };
}

export function detailToDraft(detail: ProcedureDetail): ProcedureDraft {
  const v = detail.current;
  return {
    name: v.name,
    fieldName: detail.fieldName,
    fieldId: detail.fieldId,
    active: detail.active,
    rules: v.rules.map(ruleToDraft),
    documents: v.documents.map((d) => ({ key: rowKey(), name: d.name, copies: d.copies, mandatory: d.mandatory })),
    steps: v.steps.map((s) => ({ key: rowKey(), code: s.code, name: s.name, unit: s.unit, allowance: String(s.allowanceHours) })),
    cutoff: v.cutoff ?? '',
  };
}

/** Moves the row at `index` one place up (-1) or down (+1); out of range leaves the list as it was. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[target]] = [out[target]!, out[index]!];
  return out;
}

export type ProcedureHint =
  | 'required'
  | 'wholeNumber'
  | 'tooLarge'
  | 'committedLonger'
  | 'allowance'
  | 'time'
  | 'duplicateChannel'
  | 'noRules'
  | 'noSteps'
  | 'tooMany';

/** Problems keyed by where they are: "name", "rules.0.amount", "steps.2.allowance", "steps" … */
export type ProcedureHints = Record<string, ProcedureHint>;

const MAX_AMOUNT = 3650;
const MAX_FEE = 1_000_000_000;

/** A whole number typed in an input; money may be written with thousands dots or spaces ("8.000"). */
function wholeOrNull(text: string, max: number, key: string, hints: ProcedureHints, money = false): number | null {
  const value = parseWhole(money ? text.replace(/[.\s]/g, '') : text);
  if (value === null) return null;
  if (Number.isNaN(value) || value < 0) hints[key] = 'wholeNumber';
  else if (value > max) hints[key] = 'tooLarge';
  return value;
}

/** The draft as the PUT body, or what is wrong with it. */
export function draftToUpdate(draft: ProcedureDraft): { update: ProcedureUpdate; hints?: undefined } | { update?: undefined; hints: ProcedureHints } {
  const hints: ProcedureHints = {};
  if (!draft.name.trim()) hints.name = 'required';
  if (!draft.fieldName.trim()) hints.fieldName = 'required';
  if (draft.cutoff.trim() && !/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.cutoff.trim())) hints.cutoff = 'time';

  if (draft.rules.length === 0) hints.rules = 'noRules';
  const seen = new Set<Channel>();
  const rules: ProcessingRule[] = draft.rules.map((r, i) => {
    if (seen.has(r.channel)) hints[`rules.${i}.channel`] = 'duplicateChannel';
    seen.add(r.channel);
    const amount = wholeOrNull(r.amount, MAX_AMOUNT, `rules.${i}.amount`, hints);
    const committed = wholeOrNull(r.committed, MAX_AMOUNT, `rules.${i}.committed`, hints);
    if (amount !== null && committed !== null && !hints[`rules.${i}.committed`] && !hints[`rules.${i}.amount`] && committed > amount) {
      hints[`rules.${i}.committed`] = 'committedLonger';
    }
    const fee = wholeOrNull(r.fee, MAX_FEE, `rules.${i}.fee`, hints, true);
    return {
      channel: r.channel,
      amount,
      unit: r.unit,
      committedAmount: committed,
      feeDong: fee,
      feeText: r.feeText.trim(),
      description: r.description,
    };
  });

  const documents = draft.documents.map((d, i) => {
    if (!d.name.trim()) hints[`documents.${i}.name`] = 'required';
    return { name: d.name.trim(), copies: d.copies.trim(), mandatory: d.mandatory };
  });
  if (documents.length > 100) hints.documents = 'tooMany';

  if (draft.steps.length === 0) hints.steps = 'noSteps';
  if (draft.steps.length > 20) hints.steps = 'tooMany';
  const steps = draft.steps.map((s, i) => {
    if (!s.code.trim()) hints[`steps.${i}.code`] = 'required';
    if (!s.name.trim()) hints[`steps.${i}.name`] = 'required';
    if (!s.unit.trim()) hints[`steps.${i}.unit`] = 'required';
    const hours = parseDecimal(s.allowance);
    if (hours === null || hours < 0.25 || hours > 2000) hints[`steps.${i}.allowance`] = 'allowance';
    return { code: s.code.trim(), name: s.name.trim(), unit: s.unit.trim(), allowanceHours: hours ?? 0 };
  });

  if (Object.keys(hints).length > 0) return { hints };
  return {
    update: {
      name: draft.name.trim(),
      fieldName: draft.fieldName.trim(),
      fieldId: draft.fieldId,
      active: draft.active,
      rules,
      documents,
      steps,
      cutoff: draft.cutoff.trim() || null,
    },
  };
}

/**
 * The office hours a rule gives the steps: the committed time when set (the appointment uses it),
 * else the legal one. A calendar-day time is counted as if every day were a working day, so the
 * check only catches allowances that could never fit. Null when the time is unknown.
 */
export function ruleLimitHours(rule: Pick<ProcessingRule, 'amount' | 'committedAmount' | 'unit'>): number | null {
  if (rule.unit === 'same-day') return WORKING_DAY_HOURS;
  const amount = rule.committedAmount ?? rule.amount;
  if (amount === null || amount === undefined) return null;
  return rule.unit === 'hours' ? amount : amount * WORKING_DAY_HOURS;
}

export interface AllowanceCheck {
  totalHours: number;
  limitHours: number | null;
  /** over: the steps need more than the time allows; unknown: the procedure states no time. */
  state: 'ok' | 'over' | 'unknown';
}

export function checkAllowances(steps: readonly { allowanceHours: number }[], rule: Pick<ProcessingRule, 'amount' | 'committedAmount' | 'unit'> | undefined): AllowanceCheck {
  // Rounded to hundredths so 0.1 + 0.2 style drift never flips the comparison.
  const totalHours = Math.round(steps.reduce((sum, s) => sum + (Number.isFinite(s.allowanceHours) ? s.allowanceHours : 0), 0) * 100) / 100;
  const limitHours = rule ? ruleLimitHours(rule) : null;
  if (limitHours === null) return { totalHours, limitHours, state: 'unknown' };
  return { totalHours, limitHours, state: totalHours > limitHours + 1e-9 ? 'over' : 'ok' };
}

/** The steps of a draft as numbers, for the live total while the manager types. */
export function draftAllowances(steps: readonly StepDraft[]): { allowanceHours: number }[] {
  return steps.map((s) => ({ allowanceHours: parseDecimal(s.allowance) ?? 0 }));
}

/** The rule of a draft the appointment of a counter dossier uses: the direct channel, else the first. */
export function mainRule(rules: readonly RuleDraft[]): Pick<ProcessingRule, 'amount' | 'committedAmount' | 'unit'> | undefined {
  const r = rules.find((x) => x.channel === 'direct') ?? rules[0];
  if (!r) return undefined;
  const amount = parseWhole(r.amount);
  const committed = parseWhole(r.committed);
  return {
    amount: amount === null || Number.isNaN(amount) ? null : amount,
    committedAmount: committed === null || Number.isNaN(committed) ? null : committed,
    unit: r.unit,
  };
}

/** "3 ngày làm việc", "trong ngày"; unknown amount → "không quy định". */
export function describeDuration(amount: number | null | undefined, unit: DurationUnit, lang: Lang): string {
  return processingTimeText(amount ?? null, unit, null, lang);
}

/** "Trực tiếp: 3 ngày làm việc (cam kết 2)" for lists. */
export function describeRule(rule: Pick<ProcessingRule, 'channel' | 'amount' | 'committedAmount' | 'unit'>, lang: Lang): string {
  const base = `${CHANNEL_LABELS[rule.channel][lang]}: ${describeDuration(rule.amount, rule.unit, lang)}`;
  const committed = rule.committedAmount;
  if (committed === null || committed === undefined || committed === rule.amount || rule.unit === 'same-day') return base;
  return `${base} (${lang === 'vi' ? 'cam kết' : 'committed'} ${committed})`;
}

/** "8.000 đồng" / "8,000 VND"; null → "—". */
export function formatDong(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return lang === 'vi' ? `${value.toLocaleString('vi-VN')} đồng` : `${value.toLocaleString('en-GB')} VND`;
}

/** Hours with at most two decimals and a decimal comma in Vietnamese: "12,5". */
export function formatHours(hours: number, lang: Lang): string {
  return hours.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}
