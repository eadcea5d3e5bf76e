/**
 * Which recognition model a centre uses and with which decision numbers, from its settings and the
 * models installed on the site. Pure: the caller says what is installed.
 *
 * - 'auto' takes the preferred model when it is installed, otherwise the one every site has (npm).
 * - A model the settings name but the site does not have falls back the same way, and says so.
 * - An admin's threshold and margin apply only to the model they were set for: a number calibrated
 *   for one model means nothing for another (their cosine scales differ widely).
 */
import {
  FACE_MODELS,
  FALLBACK_FACE_MODEL_ID,
  PREFERRED_FACE_MODEL_ID,
  type FaceModelId,
} from '../../contracts/face';

export interface FacePolicySettings {
  faceModel: 'auto' | FaceModelId;
  faceMatchThreshold: number | null;
  faceMatchMargin: number | null;
  faceThresholdModel: FaceModelId | null;
}

export interface FacePolicy {
  model: FaceModelId;
  templateLength: number;
  threshold: number;
  margin: number;
  thresholdSource: 'calibrated' | 'admin';
  requestedModelMissing: boolean;
}

/** Models a site can run: those from npm always, installed ones when present. */
export function availableFaceModels(installed: readonly FaceModelId[]): FaceModelId[] {
  return (Object.keys(FACE_MODELS) as FaceModelId[]).filter((id) => FACE_MODELS[id].source === 'npm' || installed.includes(id));
}

export function resolveFacePolicy(settings: FacePolicySettings, installed: readonly FaceModelId[]): FacePolicy {
  const available = availableFaceModels(installed);
  const automatic = available.includes(PREFERRED_FACE_MODEL_ID) ? PREFERRED_FACE_MODEL_ID : FALLBACK_FACE_MODEL_ID;
  const requested = settings.faceModel === 'auto' ? automatic : settings.faceModel;
  const model = available.includes(requested) ? requested : automatic;
  const info = FACE_MODELS[model];
  const own = settings.faceThresholdModel === model;
  const threshold = own && settings.faceMatchThreshold !== null ? settings.faceMatchThreshold : info.defaultThreshold;
  const margin = own && settings.faceMatchMargin !== null ? settings.faceMatchMargin : info.defaultMargin;
  return {
    model,
    templateLength: info.templateLength,
    threshold,
    margin,
    thresholdSource: own && (settings.faceMatchThreshold !== null || settings.faceMatchMargin !== null) ? 'admin' : 'calibrated',
    requestedModelMissing: requested !== model,
  };
}
