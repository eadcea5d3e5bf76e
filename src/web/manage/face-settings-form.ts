/**
 * The face settings form (admin): whether the kiosk offers the face, whether citizens may be
 * remembered, the match threshold and margin, and the attempts allowed for the phone digits.
 * Pure: text typed by a person → the SettingsPatch sent to PUT /manage/settings, or hints.
 */
import type { FacePolicyView, Settings } from '../../contracts/api';
import { FACE_MODELS } from '../../contracts/face';
import { parseDecimal, parseWhole } from './format';

export type FaceSettings = Pick<
  Settings,
  'faceEnabled' | 'faceRememberEnabled' | 'faceMatchThreshold' | 'faceMatchMargin' | 'faceThresholdModel' | 'faceSecondFactorAttempts'
>;

/** What the form needs of the decisions in force: the model, and its threshold and margin. */
export type FormPolicy = Pick<FacePolicyView, 'model' | 'threshold' | 'margin'>;

export interface FaceSettingsDraft {
  enabled: boolean;
  rememberEnabled: boolean;
  threshold: string;
  margin: string;
  attempts: string;
}

export type FaceHintCode = 'required' | 'threshold-range' | 'margin-range' | 'attempts-range' | 'too-precise';
export type FaceSettingsHints = Partial<Record<'threshold' | 'margin' | 'attempts', FaceHintCode>>;

/** A cosine below this accepts almost anyone with this model (impostor pairs score 0.84 on average). */
export const THRESHOLD_MIN = 0.5;
/** At 1 only identical templates match. */
export const THRESHOLD_MAX = 0.999;
/** Scores of look-alikes differ by hundredths; a margin beyond this would refuse almost everyone. */
export const MARGIN_MAX = 0.2;
export const ATTEMPTS_MIN = 1;
export const ATTEMPTS_MAX = 5;
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
  };
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
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  const calibrated = FACE_MODELS[policy.model];
  const own = threshold.value !== calibrated.defaultThreshold || margin.value !== calibrated.defaultMargin;
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
    },
  };
}
