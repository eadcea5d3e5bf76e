/**
 * The settings form (queue policy, board voice, rating scale, slip) and the centre's identity.
 * Rating options are listed best first; each says how it counts on the national 3-level scale.
 */
import type { Centre, CentreInput, RatingOption, Settings } from '../../contracts/api';
import { ratingCriteriaProblems, ratingScaleProblems, type RatingCriteriaProblem, type RatingScaleProblem } from '../../contracts/rating-scale';
import { parseDecimal, parseWhole } from './format';

export type ReportsAs = RatingOption['reportsAs'];

/** The settings this form edits; face recognition and the dossier forms have their own sections. */
export type QueueSettings = Omit<
  Settings,
  | 'faceEnabled'
  | 'faceRememberEnabled'
  | 'faceMatchThreshold'
  | 'faceMatchMargin'
  | 'faceModel'
  | 'faceThresholdModel'
  | 'faceRecognitionsPerHour'
  | 'faceSecondFactorAttempts'
  | 'agencyCode'
  | 'dossierCodeFormat'
  | 'parentAgencyName'
  | 'formPlaceName'
  // A dossier-statistics policy, edited with the dossier settings.
  | 'apologyCountsAsLate'
>;
export const REPORTS_AS: readonly ReportsAs[] = ['very-satisfied', 'satisfied', 'dissatisfied'];

export interface RatingOptionDraft {
  key: string;
  value: string;
  labelVi: string;
  labelEn: string;
  reportsAs: ReportsAs;
}

/** One optional question asked with a dossier's rating. */
export interface CriterionDraft {
  /** React's row key; `code` is what is stored with the answers. */
  rowKey: string;
  code: string;
  labelVi: string;
  labelEn: string;
}

export interface SettingsDraft {
  fairnessQuota: string;
  transferKeepsArrivalTime: boolean;
  noShowToleranceMinutes: string;
  announceRepeat: string;
  speechRate: string;
  /** Minutes without a call before the board shows the published results; 0: never. */
  resultsSlideQuietMinutes: string;
  resultsSlideWhileWaiting: boolean;
  ratingScale: RatingOptionDraft[];
  ratingTimeoutSeconds: string;
  ratingCriteria: CriterionDraft[];
  /** One footer line per text line. */
  slipFooter: string;
  publicBaseUrl: string;
}

export type SettingsHintCode =
  | 'required'
  | 'whole-range'
  | 'rate-range'
  | 'scale-size'
  | 'value-range'
  | 'value-duplicate'
  | 'label-required'
  | 'label-long'
  | 'footer-lines'
  | 'footer-long'
  | 'url'
  | RatingScaleProblem
  | RatingCriteriaProblem;

export type SettingsHintKey =
  | 'fairnessQuota'
  | 'noShowToleranceMinutes'
  | 'announceRepeat'
  | 'speechRate'
  | 'resultsSlideQuietMinutes'
  | 'ratingScale'
  | 'ratingTimeoutSeconds'
  | 'ratingCriteria'
  | 'slipFooter'
  | 'publicBaseUrl';

export interface SettingsHints extends Partial<Record<SettingsHintKey, SettingsHintCode>> {
  /** Problems of single rating options, by row index. */
  options?: Map<number, SettingsHintCode>;
  /** Problems of single rating criteria, by row index. */
  criteria?: Map<number, SettingsHintCode>;
}

let nextKey = 0;
const newKey = () => `r${++nextKey}`;

function optionDrafts(options: readonly RatingOption[]): RatingOptionDraft[] {
  return options.map((o) => ({ key: newKey(), value: String(o.value), labelVi: o.labelVi, labelEn: o.labelEn, reportsAs: o.reportsAs }));
}

/** The scale national reports aggregate: Rất hài lòng / Hài lòng / Không hài lòng. */
export const THREE_LEVEL_SCALE: readonly RatingOption[] = [
  { value: 3, labelVi: 'Rất hài lòng', labelEn: 'Very satisfied', reportsAs: 'very-satisfied' },
  { value: 2, labelVi: 'Hài lòng', labelEn: 'Satisfied', reportsAs: 'satisfied' },
  { value: 1, labelVi: 'Không hài lòng', labelEn: 'Not satisfied', reportsAs: 'dissatisfied' },
];

/** The ministries' 5-level survey; "Bình thường" counts as satisfied until the centre decides otherwise. */
export const FIVE_LEVEL_SCALE: readonly RatingOption[] = [
  { value: 5, labelVi: 'Rất hài lòng', labelEn: 'Very satisfied', reportsAs: 'very-satisfied' },
  { value: 4, labelVi: 'Hài lòng', labelEn: 'Satisfied', reportsAs: 'satisfied' },
  { value: 3, labelVi: 'Bình thường', labelEn: 'Neutral', reportsAs: 'satisfied' },
  { value: 2, labelVi: 'Không hài lòng', labelEn: 'Not satisfied', reportsAs: 'dissatisfied' },
  { value: 1, labelVi: 'Rất không hài lòng', labelEn: 'Very dissatisfied', reportsAs: 'dissatisfied' },
];

export function scalePreset(levels: 3 | 5): RatingOptionDraft[] {
  return optionDrafts(levels === 3 ? THREE_LEVEL_SCALE : FIVE_LEVEL_SCALE);
}

/** A new option below the others: the lowest unused value. */
export function newRatingOption(existing: readonly RatingOptionDraft[]): RatingOptionDraft {
  const used = new Set(existing.map((o) => parseWhole(o.value)));
  const value = [1, 2, 3, 4, 5].find((v) => !used.has(v)) ?? 1;
  return { key: newKey(), value: String(value), labelVi: '', labelEn: '', reportsAs: 'dissatisfied' };
}

/** The default questions (DOMAIN-VN §1.5): time, attitude, guidance, result. */
export const DEFAULT_CRITERIA: readonly QueueSettings['ratingCriteria'][number][] = [
  { key: 'time', labelVi: 'Thời gian giải quyết', labelEn: 'Processing time' },
  { key: 'attitude', labelVi: 'Thái độ của cán bộ', labelEn: 'Staff attitude' },
  { key: 'guidance', labelVi: 'Hướng dẫn, tiếp nhận', labelEn: 'Guidance and reception' },
  { key: 'result', labelVi: 'Kết quả giải quyết', labelEn: 'Result' },
];

export function criterionDrafts(criteria: readonly QueueSettings['ratingCriteria'][number][]): CriterionDraft[] {
  return criteria.map((c) => ({ rowKey: newKey(), code: c.key, labelVi: c.labelVi, labelEn: c.labelEn }));
}

/** A new, empty question with a key not used yet ("tieu-chi", "tieu-chi-b", …). */
export function newCriterion(existing: readonly CriterionDraft[]): CriterionDraft {
  const used = new Set(existing.map((c) => c.code));
  const suffix = ['', ...'bcdefghijklmnopqrstuvwxyz'.split('').map((l) => `-${l}`)].find((s) => !used.has(`tieu-chi${s}`)) ?? '-z';
  return { rowKey: newKey(), code: `tieu-chi${suffix}`, labelVi: '', labelEn: '' };
}

/**
 * The option of a 5-level scale labelled "Bình thường" (neutral): the centre decides whether it counts
 * as satisfied or dissatisfied in the 3-level reports. Null when the scale has no such option.
 */
export function neutralOption(scale: readonly RatingOptionDraft[]): RatingOptionDraft | null {
  return scale.find((o) => o.labelVi.trim().toLocaleLowerCase('vi') === 'bình thường') ?? null;
}

export function settingsToDraft(settings: QueueSettings): SettingsDraft {
  return {
    fairnessQuota: String(settings.fairnessQuota),
    transferKeepsArrivalTime: settings.transferKeepsArrivalTime,
    noShowToleranceMinutes: String(settings.noShowToleranceMinutes),
    announceRepeat: String(settings.announceRepeat),
    speechRate: String(settings.speechRate),
    resultsSlideQuietMinutes: String(settings.resultsSlideQuietMinutes),
    resultsSlideWhileWaiting: settings.resultsSlideWhileWaiting,
    ratingScale: optionDrafts(settings.ratingScale),
    ratingTimeoutSeconds: String(settings.ratingTimeoutSeconds),
    ratingCriteria: criterionDrafts(settings.ratingCriteria),
    slipFooter: settings.slipFooter.join('\n'),
    publicBaseUrl: settings.publicBaseUrl,
  };
}

function whole(text: string, min: number, max: number): { value?: number; hint?: SettingsHintCode } {
  const value = parseWhole(text);
  if (value === null) return { hint: 'required' };
  if (!Number.isInteger(value) || value < min || value > max) return { hint: 'whole-range' };
  return { value };
}

export function draftToSettings(draft: SettingsDraft): { ok: true; settings: QueueSettings } | { ok: false; hints: SettingsHints } {
  const hints: SettingsHints = {};
  const quota = whole(draft.fairnessQuota, 1, 20);
  if (quota.hint) hints.fairnessQuota = quota.hint;
  const tolerance = whole(draft.noShowToleranceMinutes, 0, 480);
  if (tolerance.hint) hints.noShowToleranceMinutes = tolerance.hint;
  const repeat = whole(draft.announceRepeat, 1, 3);
  if (repeat.hint) hints.announceRepeat = repeat.hint;
  const rate = parseDecimal(draft.speechRate);
  if (draft.speechRate.trim() === '') hints.speechRate = 'required';
  else if (rate === null || rate < 0.5 || rate > 2) hints.speechRate = 'rate-range';
  const timeout = whole(draft.ratingTimeoutSeconds, 10, 600);
  if (timeout.hint) hints.ratingTimeoutSeconds = timeout.hint;
  const quiet = whole(draft.resultsSlideQuietMinutes, 0, 120);
  if (quiet.hint) hints.resultsSlideQuietMinutes = quiet.hint;

  const options = new Map<number, SettingsHintCode>();
  const scale: RatingOption[] = [];
  const seen = new Map<number, number>();
  draft.ratingScale.forEach((o, i) => {
    const value = parseWhole(o.value);
    const labelVi = o.labelVi.trim();
    const labelEn = o.labelEn.trim();
    if (value === null || !Number.isInteger(value) || value < 1 || value > 5) options.set(i, 'value-range');
    else if (seen.has(value)) options.set(i, 'value-duplicate');
    else if (!labelVi || !labelEn) options.set(i, 'label-required');
    else if (labelVi.length > 60 || labelEn.length > 60) options.set(i, 'label-long');
    if (value !== null && Number.isInteger(value)) seen.set(value, i);
    if (!options.has(i)) scale.push({ value: value!, labelVi, labelEn, reportsAs: o.reportsAs });
  });
  if (draft.ratingScale.length < 2 || draft.ratingScale.length > 5) hints.ratingScale = 'scale-size';
  if (options.size > 0) hints.options = options;
  // Best first, as the rating screen shows them.
  scale.sort((a, b) => b.value - a.value);
  if (!hints.ratingScale && options.size === 0) {
    const [problem] = ratingScaleProblems(scale);
    if (problem) hints.ratingScale = problem;
  }

  const criteria = draft.ratingCriteria.map((c) => ({ key: c.code.trim(), labelVi: c.labelVi.trim(), labelEn: c.labelEn.trim() }));
  const criterionHints = new Map<number, SettingsHintCode>();
  criteria.forEach((c, i) => {
    const [problem] = ratingCriteriaProblems([c]);
    if (problem) criterionHints.set(i, problem);
    else if (criteria.findIndex((o) => o.key === c.key) !== i) criterionHints.set(i, 'criterion-key-duplicate');
  });
  if (criterionHints.size > 0) hints.criteria = criterionHints;
  if (ratingCriteriaProblems(criteria).includes('criteria-count')) hints.ratingCriteria = 'criteria-count';

  const footer = draft.slipFooter.split(/\r?\n/).map((l) => l.trim());
  while (footer.length > 0 && footer[footer.length - 1] === '') footer.pop();
  if (footer.length > 4) hints.slipFooter = 'footer-lines';
  else if (footer.some((l) => l.length > 120)) hints.slipFooter = 'footer-long';

  const url = draft.publicBaseUrl.trim().replace(/\/+$/, '');
  if (url && (!/^https?:\/\/[^\s/]+(\/\S*)?$/i.test(url) || url.length > 200)) hints.publicBaseUrl = 'url';

  const { options: optionHints, criteria: criteriaHints, ...fieldHints } = hints;
  if (Object.keys(fieldHints).length > 0 || optionHints || criteriaHints) return { ok: false, hints };
  return {
    ok: true,
    settings: {
      fairnessQuota: quota.value!,
      transferKeepsArrivalTime: draft.transferKeepsArrivalTime,
      noShowToleranceMinutes: tolerance.value!,
      announceRepeat: repeat.value!,
      speechRate: rate!,
      resultsSlideQuietMinutes: quiet.value!,
      resultsSlideWhileWaiting: draft.resultsSlideWhileWaiting,
      ratingScale: scale,
      ratingTimeoutSeconds: timeout.value!,
      ratingCriteria: criteria,
      slipFooter: footer,
      publicBaseUrl: url,
    },
  };
}

export interface CentreDraft {
  code: string;
  name: string;
  shortName: string;
  address: string;
}

export type CentreHints = Partial<Record<keyof CentreDraft, 'required' | 'too-long'>>;

export function centreToDraft(centre: Centre): CentreDraft {
  return { code: centre.code, name: centre.name, shortName: centre.shortName, address: centre.address ?? '' };
}

export function draftToCentreInput(draft: CentreDraft): { ok: true; input: CentreInput } | { ok: false; hints: CentreHints } {
  const hints: CentreHints = {};
  const code = draft.code.trim();
  const name = draft.name.trim();
  const shortName = draft.shortName.trim();
  const address = draft.address.trim();
  if (!code) hints.code = 'required';
  else if (code.length > 40) hints.code = 'too-long';
  if (!name) hints.name = 'required';
  else if (name.length > 200) hints.name = 'too-long';
  if (!shortName) hints.shortName = 'required';
  else if (shortName.length > 200) hints.shortName = 'too-long';
  if (address.length > 300) hints.address = 'too-long';
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return { ok: true, input: { code, name, shortName, address: address || null } };
}
