/**
 * The settings form (queue policy, board voice, rating scale, slip) and the centre's identity.
 * Rating options are listed best first; each says how it counts on the national 3-level scale.
 */
import type { Centre, CentreInput, RatingOption, Settings } from '../../contracts/api';
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
>;
export const REPORTS_AS: readonly ReportsAs[] = ['very-satisfied', 'satisfied', 'dissatisfied'];

export interface RatingOptionDraft {
  key: string;
  value: string;
  labelVi: string;
  labelEn: string;
  reportsAs: ReportsAs;
}

export interface SettingsDraft {
  fairnessQuota: string;
  transferKeepsArrivalTime: boolean;
  noShowToleranceMinutes: string;
  announceRepeat: string;
  speechRate: string;
  ratingScale: RatingOptionDraft[];
  ratingTimeoutSeconds: string;
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
  | 'url';

export type SettingsHintKey =
  | 'fairnessQuota'
  | 'noShowToleranceMinutes'
  | 'announceRepeat'
  | 'speechRate'
  | 'ratingScale'
  | 'ratingTimeoutSeconds'
  | 'slipFooter'
  | 'publicBaseUrl';

export interface SettingsHints extends Partial<Record<SettingsHintKey, SettingsHintCode>> {
  /** Problems of single rating options, by row index. */
  options?: Map<number, SettingsHintCode>;
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

export function settingsToDraft(settings: QueueSettings): SettingsDraft {
  return {
    fairnessQuota: String(settings.fairnessQuota),
    transferKeepsArrivalTime: settings.transferKeepsArrivalTime,
    noShowToleranceMinutes: String(settings.noShowToleranceMinutes),
    announceRepeat: String(settings.announceRepeat),
    speechRate: String(settings.speechRate),
    ratingScale: optionDrafts(settings.ratingScale),
    ratingTimeoutSeconds: String(settings.ratingTimeoutSeconds),
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

  const footer = draft.slipFooter.split(/\r?\n/).map((l) => l.trim());
  while (footer.length > 0 && footer[footer.length - 1] === '') footer.pop();
  if (footer.length > 4) hints.slipFooter = 'footer-lines';
  else if (footer.some((l) => l.length > 120)) hints.slipFooter = 'footer-long';

  const url = draft.publicBaseUrl.trim().replace(/\/+$/, '');
  if (url && (!/^https?:\/\/[^\s/]+(\/\S*)?$/i.test(url) || url.length > 200)) hints.publicBaseUrl = 'url';

  const { options: optionHints, ...fieldHints } = hints;
  if (Object.keys(fieldHints).length > 0 || optionHints) return { ok: false, hints };
  return {
    ok: true,
    settings: {
      fairnessQuota: quota.value!,
      transferKeepsArrivalTime: draft.transferKeepsArrivalTime,
      noShowToleranceMinutes: tolerance.value!,
      announceRepeat: repeat.value!,
      speechRate: rate!,
      // Best first, as the rating screen shows them.
      ratingScale: scale.sort((a, b) => b.value - a.value),
      ratingTimeoutSeconds: timeout.value!,
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
