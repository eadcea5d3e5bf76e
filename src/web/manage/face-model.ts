/**
 * What the manage screen says about the recognition model: which one decides now and why (the
 * centre's choice, 'auto' or pinned, applied to the models this site has), what its measured error
 * rates mean for Vietnamese faces, what a change of model does to the templates held, which
 * templates an admin may delete, and what citizens answered when a number was given back on a face
 * match. Pure: the page and its tests read the same facts.
 */
import type { FaceRecord, Settings } from '../../contracts/api';
import { FACE_MODELS, FALLBACK_FACE_MODEL_ID, PREFERRED_FACE_MODEL_ID, type FaceModelId, type FaceModelInfo } from '../../contracts/face';
import type { Lang } from '../../contracts/lang';

export type ModelChoice = Settings['faceModel'];
export type ModelStatus = FaceRecord['models'][number];
type RecordModels = Pick<FaceRecord, 'models' | 'automaticModel' | 'policy'>;

export type ModelWarning =
  /** The pinned model is not installed here: the fallback decides instead. */
  | { kind: 'requested-missing'; requested: FaceModelId }
  /** face-api decides: calibrated on Western faces; install the recommended model, or choose it. */
  | { kind: 'western-model'; remedy: 'install' | 'choose' };

export interface AccuracyView {
  /** Which labelled set the figures come from. */
  set: string;
  /** The threshold the figures were measured at (the model's calibrated default). */
  measuredAt: number;
  /** False: the centre uses its own numbers, so the figures describe the calibrated default only. */
  describesThresholdInUse: boolean;
  photos: { falseMatch: number; falseNonMatch: number; eer: number };
  templates: { falseMatch: number | null; falseNonMatch: number; eer: number };
  falseReuse: number;
  wrongPerson: number;
  westernEer: number;
}

export interface ModelCardView {
  model: FaceModelId;
  source: ModelStatus['source'];
  licence: string;
  templateLength: number;
  choice: 'auto' | 'pinned';
  /** The pinned model (null with 'auto'). */
  pinned: FaceModelId | null;
  warnings: ModelWarning[];
  /** Null: the model has not been measured yet. */
  accuracy: AccuracyView | null;
}

function isAvailable(record: Pick<FaceRecord, 'models'>, id: FaceModelId): boolean {
  return record.models.some((m) => m.id === id && m.available);
}

/** `registry` is the product's own; a test may pass one with measurements the product lacks yet. */
export function modelCard(
  record: RecordModels,
  choice: ModelChoice,
  registry: Readonly<Record<FaceModelId, FaceModelInfo>> = FACE_MODELS,
): ModelCardView {
  const { policy } = record;
  const info = registry[policy.model];
  const warnings: ModelWarning[] = [];
  if (choice !== 'auto' && policy.requestedModelMissing) warnings.push({ kind: 'requested-missing', requested: choice });
  if (policy.model === FALLBACK_FACE_MODEL_ID) {
    warnings.push({ kind: 'western-model', remedy: isAvailable(record, PREFERRED_FACE_MODEL_ID) ? 'choose' : 'install' });
  }
  const m = info.measured;
  return {
    model: policy.model,
    source: info.source,
    licence: info.licence,
    templateLength: info.templateLength,
    choice: choice === 'auto' ? 'auto' : 'pinned',
    pinned: choice === 'auto' ? null : choice,
    warnings,
    accuracy: m
      ? {
          set: m.eastAsianSet,
          measuredAt: info.defaultThreshold,
          describesThresholdInUse: policy.thresholdSource === 'calibrated',
          photos: { falseMatch: m.eastAsianFmr, falseNonMatch: m.eastAsianFnmr, eer: m.eastAsianEer },
          templates: { falseMatch: m.eastAsianTemplateFmr ?? null, falseNonMatch: m.eastAsianTemplateFnmr, eer: m.eastAsianTemplateEer },
          falseReuse: m.eastAsianFalseReuseRate,
          wrongPerson: m.eastAsianWrongPersonRate,
          westernEer: m.westernEer,
        }
      : null,
  };
}

/** The model a choice makes the centre use on this site now (a missing pinned model falls back). */
export function modelOfChoice(record: Pick<FaceRecord, 'models' | 'automaticModel'>, choice: ModelChoice): FaceModelId {
  if (choice === 'auto') return record.automaticModel;
  return isAvailable(record, choice) ? choice : record.automaticModel;
}

export interface ModelOption {
  value: ModelChoice;
  /** The model this option means here now. */
  model: FaceModelId;
  /** False only for a pinned model this site does not have (listed so the current choice shows). */
  available: boolean;
}

/** 'auto' first, then every model this site has, and the current choice even when it is missing. */
export function modelOptions(record: Pick<FaceRecord, 'models' | 'automaticModel'>, current: ModelChoice): ModelOption[] {
  const options: ModelOption[] = [{ value: 'auto', model: record.automaticModel, available: true }];
  for (const m of record.models) {
    if (m.available || m.id === current) options.push({ value: m.id, model: m.id, available: m.available });
  }
  return options;
}

export interface MigrationPlan {
  from: FaceModelId;
  to: FaceModelId;
  /** The model in use changes as soon as the choice is saved. */
  changesNow: boolean;
  /** Templates of `from` that stop being used for matching (zero when nothing changes now). */
  walkIns: number;
  remembered: number;
  /** Templates of `to` already held (from an earlier time on that model): used again. */
  reused: { walkIn: number; remembered: number };
  /** 'auto' while the recommended model is not installed: the centre moves to it by itself once it is. */
  mayChangeLater: boolean;
  /** An admin's own threshold and margin, set for `from`, stop applying; `to` uses its calibrated ones. */
  ownNumbersStop: boolean;
  /** An admin's own numbers set earlier for `to` apply again. */
  ownNumbersReturn: boolean;
}

export function migrationPlan(
  record: RecordModels,
  settings: Pick<Settings, 'faceThresholdModel' | 'faceMatchThreshold' | 'faceMatchMargin'>,
  next: ModelChoice,
): MigrationPlan {
  const from = record.policy.model;
  const to = modelOfChoice(record, next);
  const changesNow = to !== from;
  const held = (id: FaceModelId) => record.models.find((m) => m.id === id)?.templates ?? { walkIn: 0, remembered: 0 };
  const ownNumbers = settings.faceMatchThreshold !== null || settings.faceMatchMargin !== null;
  return {
    from,
    to,
    changesNow,
    walkIns: changesNow ? held(from).walkIn : 0,
    remembered: changesNow ? held(from).remembered : 0,
    reused: changesNow ? held(to) : { walkIn: 0, remembered: 0 },
    mayChangeLater: next === 'auto' && to !== PREFERRED_FACE_MODEL_ID,
    ownNumbersStop: changesNow && ownNumbers && settings.faceThresholdModel === from,
    ownNumbersReturn: changesNow && ownNumbers && settings.faceThresholdModel === to,
  };
}

/** Models whose templates an admin may delete: not in use, and holding some. */
export function retirableModels(record: Pick<FaceRecord, 'models'>): ModelStatus[] {
  return record.models.filter((m) => !m.inUse && m.templates.walkIn + m.templates.remembered > 0);
}

/** Below this many answers a field-measured rate says more about chance than about the model. */
export const MIN_ANSWERS_FOR_RATE = 20;

export interface ReuseCheckSummary {
  offered: number;
  confirmed: number;
  rejected: number;
  unanswered: number;
  answered: number;
  /** "Not mine" among the answers; null before any answer. */
  rate: number | null;
  enoughAnswers: boolean;
}

export function reuseCheckSummary(record: Pick<FaceRecord, 'reuseChecksLast30Days'>): ReuseCheckSummary {
  const r = record.reuseChecksLast30Days;
  const answered = r.confirmed + r.rejected;
  return {
    offered: r.offered,
    confirmed: r.confirmed,
    rejected: r.rejected,
    unanswered: r.unanswered,
    answered,
    rate: r.falseMatchRate,
    enoughAnswers: answered >= MIN_ANSWERS_FOR_RATE,
  };
}

/**
 * An error rate as a percentage in the language's style. Rates that matter here are small (a false
 * match target is 0.1%), so below 1% two decimals are kept, and a rate too small for them is shown
 * as "< 0.01%", never as a zero it is not.
 */
export function formatRate(value: number, lang: Lang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const percent = (text: string) => (lang === 'vi' ? `${text} %` : `${text}%`);
  if (value > 0 && value < 0.0001) return `< ${percent((0.01).toLocaleString(locale))}`;
  const digits = value !== 0 && Math.abs(value) < 0.01 ? 2 : 1;
  return percent((value * 100).toLocaleString(locale, { maximumFractionDigits: digits }));
}
