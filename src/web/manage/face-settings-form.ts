/**
 * The face settings form (admin): whether the kiosk offers the face, whether citizens may be
 * remembered, the match threshold and margin of the model in use, the attempts allowed for the
 * phone digits and the recognitions of one face per hour. Pure: text typed by a person → the
 * SettingsPatch sent to PUT /manage/settings, or hints.
 */
import type { FacePolicyView, Settings } from '../../contracts/api';
import { FACE_MODELS } from '../../contracts/face';
import { parseDecimal, parseWhole } from './format';

export type FaceSettings = Pick<
  Settings,
  | 'faceEnabled'
  | 'faceRememberEnabled'
  | 'faceMatchThreshold'
  | 'faceMatchMargin'
  | 'faceThresholdModel'
  | 'faceSecondFactorAttempts'
  | 'faceRecognitionsPerHour'
>;

/** What the form needs of the decisions in force: the model, and its threshold and margin. */
export type FormPolicy = Pick<FacePolicyView, 'model' | 'threshold' | 'margin'>;

export interface FaceSettingsDraft {
  enabled: boolean;
  rememberEnabled: boolean;
  threshold: string;
  margin: string;
  attempts: string;
  perHour: string;
}

export type FaceHintCode = 'required' | 'threshold-range' | 'margin-range' | 'attempts-range' | 'per-hour-range' | 'too-precise';
export type FaceSettingsHints = Partial<Record<'threshold' | 'margin' | 'attempts' | 'perHour', FaceHintCode>>;

/** A cosine below this accepts far too many different people with any model the product knows. */
export const THRESHOLD_MIN = 0.5;
/** At 1 only identical templates match. */
export const THRESHOLD_MAX = 0.999;
/** Scores of look-alikes differ by hundredths; a margin beyond this would refuse almost everyone. */
export const MARGIN_MAX = 0.2;
export const ATTEMPTS_MIN = 1;
export const ATTEMPTS_MAX = 5;
/** Recognitions of one remembered face per hour (every kiosk together). */
export const PER_HOUR_MIN = 1;
export const PER_HOUR_MAX = 20;
/** Decimals a calibrated value carries (face:eval prints four). */
const MAX_DECIMALS = 4;

/** A decimal for an input, in the person's language ("0,93" / "0.93"). */
export function decimalText(value: number, lang: 'vi' | 'en'): string {
  const text = String(Math.round(value * 10 ** MAX_DECIMALS) / 10 ** MAX_DECIMALS);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** The draft shows the numbers in force for the model in use (the admin's own, or its calibrated defaults). */
export function faceSettingsToDraft(settings: FaceSettings, policy: FormPolicy, lang: 'vi' | 'en'): FaceSettingsDraft {
  return {
    enabled: settings.faceEnabled,
    rememberEnabled: settings.faceRememberEnabled,
    threshold: decimalText(policy.threshold, lang),
    margin: decimalText(policy.margin, lang),
    attempts: String(settings.faceSecondFactorAttempts),
    perHour: String(settings.faceRecognitionsPerHour),
  };
}

/** The draft with the model's calibrated threshold and margin (saved, they are sent as null). */
export function withCalibratedNumbers(draft: FaceSettingsDraft, model: FormPolicy['model'], lang: 'vi' | 'en'): FaceSettingsDraft {
  const info = FACE_MODELS[model];
  return { ...draft, threshold: decimalText(info.defaultThreshold, lang), margin: decimalText(info.defaultMargin, lang) };
}

/** The threshold typed, when it is a valid one (the rest of the form may still be wrong). */
export function typedThreshold(draft: Pick<FaceSettingsDraft, 'threshold'>): number | null {
  return decimal(draft.threshold, THRESHOLD_MIN, THRESHOLD_MAX, 'threshold-range').value ?? null;
}

/**
 * Whether the numbers typed are the model's calibrated ones or the admin's own (null while one of
 * them is not a valid number): the form says which the centre will follow once saved.
 */
export function numbersSource(draft: Pick<FaceSettingsDraft, 'threshold' | 'margin'>, model: FormPolicy['model']): 'calibrated' | 'admin' | null {
  const threshold = decimal(draft.threshold, THRESHOLD_MIN, THRESHOLD_MAX, 'threshold-range');
  const margin = decimal(draft.margin, 0, MARGIN_MAX, 'margin-range');
  if (threshold.value === undefined || margin.value === undefined) return null;
  const info = FACE_MODELS[model];
  return threshold.value === info.defaultThreshold && margin.value === info.defaultMargin ? 'calibrated' : 'admin';
}

function decimal(text: string, min: number, max: number, range: FaceHintCode): { value?: number; hint?: FaceHintCode } {
  if (text.trim() === '') return { hint: 'required' };
  const value = parseDecimal(text);
  if (value === null || value < min || value > max) return { hint: range };
  const decimals = text.trim().replace(',', '.').split('.')[1]?.length ?? 0;
  if (decimals > MAX_DECIMALS) return { hint: 'too-precise' };
  return { value };
}

/**
 * Numbers equal to the model's calibrated defaults are sent as null, so the centre keeps following
 * the calibration (and a later, better calibration); others are the admin's own, for this model only.
 */
export function draftToFaceSettings(
  draft: FaceSettingsDraft,
  policy: FormPolicy,
): { ok: true; settings: FaceSettings } | { ok: false; hints: FaceSettingsHints } {
  const hints: FaceSettingsHints = {};
  const threshold = decimal(draft.threshold, THRESHOLD_MIN, THRESHOLD_MAX, 'threshold-range');
  if (threshold.hint) hints.threshold = threshold.hint;
  const margin = decimal(draft.margin, 0, MARGIN_MAX, 'margin-range');
  if (margin.hint) hints.margin = margin.hint;
  const attempts = parseWhole(draft.attempts);
  if (attempts === null) hints.attempts = 'required';
  else if (!Number.isInteger(attempts) || attempts < ATTEMPTS_MIN || attempts > ATTEMPTS_MAX) hints.attempts = 'attempts-range';
  const perHour = parseWhole(draft.perHour);
  if (perHour === null) hints.perHour = 'required';
  else if (!Number.isInteger(perHour) || perHour < PER_HOUR_MIN || perHour > PER_HOUR_MAX) hints.perHour = 'per-hour-range';
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  const own = numbersSource(draft, policy.model) === 'admin';
  return {
    ok: true,
    settings: {
      faceEnabled: draft.enabled,
      // Remembering needs the face; the choice is kept as it was while the face is off.
      faceRememberEnabled: draft.rememberEnabled,
      faceMatchThreshold: own ? threshold.value! : null,
      faceMatchMargin: own ? margin.value! : null,
      faceThresholdModel: own ? policy.model : null,
      faceSecondFactorAttempts: attempts!,
      faceRecognitionsPerHour: perHour!,
    },
  };
}
