import { describe, expect, it } from 'vitest';
import type { FacePolicyView, FaceRecord } from '../../contracts/api';
import { FACE_MODELS, type FaceModelId } from '../../contracts/face';
import {
  formatRate,
  migrationPlan,
  modelCard,
  modelOfChoice,
  modelOptions,
  retirableModels,
  reuseCheckSummary,
} from './face-model';

const FACE_API: FaceModelId = 'face-api-128-aligned';
const INTEL: FaceModelId = 'face-reidentification-retail-0095';

const status = (id: FaceModelId, over: { available?: boolean; inUse?: boolean; walkIn?: number; remembered?: number } = {}): FaceRecord['models'][number] => ({
  id,
  source: FACE_MODELS[id].source,
  available: over.available ?? FACE_MODELS[id].source === 'npm',
  inUse: over.inUse ?? false,
  templateLength: FACE_MODELS[id].templateLength,
  licence: FACE_MODELS[id].licence,
  templates: { walkIn: over.walkIn ?? 0, remembered: over.remembered ?? 0 },
});

const policyOf = (model: FaceModelId, over: Partial<FacePolicyView> = {}): FacePolicyView => ({
  model,
  templateLength: FACE_MODELS[model].templateLength,
  threshold: FACE_MODELS[model].defaultThreshold,
  margin: FACE_MODELS[model].defaultMargin,
  thresholdSource: 'calibrated',
  requestedModelMissing: false,
  ...over,
});

/** A site without the recommended model: face-api decides. */
const npmOnly = {
  policy: policyOf(FACE_API),
  automaticModel: FACE_API,
  models: [status(FACE_API, { inUse: true, walkIn: 4, remembered: 2 }), status(INTEL)],
};
/** A site that installed it: Intel's model decides, face-api's templates are left from before. */
const installed = {
  policy: policyOf(INTEL),
  automaticModel: INTEL,
  models: [status(FACE_API, { walkIn: 4, remembered: 2 }), status(INTEL, { available: true, inUse: true, walkIn: 1 })],
};

describe('the model card', () => {
  it('warns that face-api is calibrated on Western faces, and says how to install the recommended model', () => {
    expect(modelCard(npmOnly, 'auto')).toMatchObject({
      model: FACE_API,
      source: 'npm',
      choice: 'auto',
      pinned: null,
      templateLength: 128,
      warnings: [{ kind: 'western-model', remedy: 'install' }],
    });
  });

  it('says the recommended model is installed but not chosen when face-api is pinned', () => {
    const pinned = { ...installed, policy: policyOf(FACE_API), models: [status(FACE_API, { inUse: true }), status(INTEL, { available: true })] };
    expect(modelCard(pinned, FACE_API)).toMatchObject({ choice: 'pinned', pinned: FACE_API, warnings: [{ kind: 'western-model', remedy: 'choose' }] });
  });

  it('says when the pinned model is not installed here and the fallback decides instead', () => {
    const missing = { ...npmOnly, policy: policyOf(FACE_API, { requestedModelMissing: true }) };
    expect(modelCard(missing, INTEL).warnings).toEqual([
      { kind: 'requested-missing', requested: INTEL },
      { kind: 'western-model', remedy: 'install' },
    ]);
  });

  it('gives no warning for the recommended model, and its licence and source', () => {
    expect(modelCard(installed, 'auto')).toMatchObject({ model: INTEL, source: 'installed', licence: FACE_MODELS[INTEL].licence, warnings: [] });
  });

  it('says "not measured" (null) until the model has been measured', () => {
    const registry = { ...FACE_MODELS, [INTEL]: { ...FACE_MODELS[INTEL], measured: null } };
    expect(modelCard(installed, 'auto', registry).accuracy).toBeNull();
  });

  it('shows the measured rates, and whether they describe the threshold in use', () => {
    const measured = {
      eastAsianSet: 'east-asian-dev: 12 identities, 230 photos; 2026-12-03',
      eastAsianEer: 0.087,
      eastAsianFmr: 0.0009,
      eastAsianFnmr: 0.31,
      eastAsianTemplateEer: 0.032,
      eastAsianTemplateFnmr: 0.12,
      eastAsianFalseReuseRate: 0.004,
      eastAsianWrongPersonRate: 0,
      westernEer: 0.001,
    };
    const registry = { ...FACE_MODELS, [INTEL]: { ...FACE_MODELS[INTEL], measured } };
    expect(modelCard(installed, 'auto', registry).accuracy).toEqual({
      set: measured.eastAsianSet,
      measuredAt: FACE_MODELS[INTEL].defaultThreshold,
      describesThresholdInUse: true,
      photos: { falseMatch: 0.0009, falseNonMatch: 0.31, eer: 0.087 },
      templates: { falseMatch: null, falseNonMatch: 0.12, eer: 0.032 },
      falseReuse: 0.004,
      wrongPerson: 0,
      westernEer: 0.001,
    });
    const withTemplateFmr = { ...FACE_MODELS, [INTEL]: { ...FACE_MODELS[INTEL], measured: { ...measured, eastAsianTemplateFmr: 0.0004 } } };
    expect(modelCard(installed, 'auto', withTemplateFmr).accuracy?.templates.falseMatch).toBe(0.0004);
    const own = { ...installed, policy: policyOf(INTEL, { threshold: 0.6, thresholdSource: 'admin' }) };
    expect(modelCard(own, 'auto', registry).accuracy?.describesThresholdInUse).toBe(false);
  });
});

describe('choosing the model', () => {
  it('offers auto (with what it means here) and the models this site has, keeping a missing pinned one visible', () => {
    expect(modelOptions(npmOnly, 'auto')).toEqual([
      { value: 'auto', model: FACE_API, available: true },
      { value: FACE_API, model: FACE_API, available: true },
    ]);
    expect(modelOptions(npmOnly, INTEL).map((o) => [o.value, o.available])).toEqual([
      ['auto', true],
      [FACE_API, true],
      [INTEL, false],
    ]);
    expect(modelOptions(installed, 'auto').map((o) => o.value)).toEqual(['auto', FACE_API, INTEL]);
  });

  it('resolves a choice as the server does: auto, a model the site has, or the fallback for a missing one', () => {
    expect(modelOfChoice(npmOnly, 'auto')).toBe(FACE_API);
    expect(modelOfChoice(npmOnly, INTEL)).toBe(FACE_API);
    expect(modelOfChoice(installed, 'auto')).toBe(INTEL);
    expect(modelOfChoice(installed, FACE_API)).toBe(FACE_API);
  });

  it('explains a change of model now: the old templates stop being used, an earlier set of the new one is used again', () => {
    const settings = { faceThresholdModel: INTEL, faceMatchThreshold: 0.6, faceMatchMargin: null };
    expect(migrationPlan(installed, settings, FACE_API)).toEqual({
      from: INTEL,
      to: FACE_API,
      changesNow: true,
      walkIns: 1,
      remembered: 0,
      reused: { walkIn: 4, remembered: 2 },
      mayChangeLater: false,
      ownNumbersStop: true,
      ownNumbersReturn: false,
    });
  });

  it('says the admin\'s own numbers for the new model apply again', () => {
    const back = { ...installed, policy: policyOf(FACE_API), models: [status(FACE_API, { inUse: true }), status(INTEL, { available: true, walkIn: 3 })] };
    const plan = migrationPlan(back, { faceThresholdModel: INTEL, faceMatchThreshold: 0.6, faceMatchMargin: 0.07 }, 'auto');
    expect(plan).toMatchObject({ from: FACE_API, to: INTEL, changesNow: true, walkIns: 0, remembered: 0, reused: { walkIn: 3, remembered: 0 } });
    expect(plan).toMatchObject({ ownNumbersStop: false, ownNumbersReturn: true, mayChangeLater: false });
  });

  it('says nothing changes now when the choice means the same model, and warns that auto moves by itself later', () => {
    const calibrated = { faceThresholdModel: null, faceMatchThreshold: null, faceMatchMargin: null };
    expect(migrationPlan(npmOnly, calibrated, FACE_API)).toMatchObject({ changesNow: false, walkIns: 0, remembered: 0, mayChangeLater: false });
    expect(migrationPlan(npmOnly, calibrated, 'auto')).toMatchObject({ changesNow: false, walkIns: 0, remembered: 0, mayChangeLater: true });
    // Pinning a model this site does not have changes nothing either: the fallback keeps deciding.
    expect(migrationPlan(npmOnly, calibrated, INTEL)).toMatchObject({ to: FACE_API, changesNow: false });
  });

  it('lets an admin delete only the templates of models not in use that hold some', () => {
    expect(retirableModels(installed).map((m) => m.id)).toEqual([FACE_API]);
    expect(retirableModels(npmOnly)).toEqual([]);
  });
});

describe('field-measured false matches', () => {
  it('counts the answers and keeps the server\'s rate, with a note below twenty answers', () => {
    const few = reuseCheckSummary({ reuseChecksLast30Days: { offered: 6, confirmed: 3, rejected: 1, unanswered: 2, falseMatchRate: 0.25 } });
    expect(few).toEqual({ offered: 6, confirmed: 3, rejected: 1, unanswered: 2, answered: 4, rate: 0.25, enoughAnswers: false });
    const enough = reuseCheckSummary({ reuseChecksLast30Days: { offered: 25, confirmed: 19, rejected: 1, unanswered: 5, falseMatchRate: 0.05 } });
    expect(enough).toMatchObject({ answered: 20, enoughAnswers: true });
    expect(reuseCheckSummary({ reuseChecksLast30Days: { offered: 0, confirmed: 0, rejected: 0, unanswered: 0, falseMatchRate: null } }).rate).toBeNull();
  });

  it.each<[number, string, string]>([
    [0, '0 %', '0%'],
    [0.25, '25 %', '25%'],
    [0.553, '55,3 %', '55.3%'],
    [0.001, '0,1 %', '0.1%'],
    [0.0009, '0,09 %', '0.09%'],
    [0.00004, '< 0,01 %', '< 0.01%'],
  ])('writes the rate %d as "%s" / "%s"', (value, vi, en) => {
    expect(formatRate(value, 'vi')).toBe(vi);
    expect(formatRate(value, 'en')).toBe(en);
  });
});
