import { describe, expect, it } from 'vitest';
import { resolveFacePolicy, type FacePolicySettings } from './face-policy';

const base: FacePolicySettings = { faceModel: 'auto', faceMatchThreshold: null, faceMatchMargin: null, faceThresholdModel: null };
const INTEL = 'face-reidentification-retail-0095' as const;
const FACE_API = 'face-api-128-aligned' as const;

describe('the face policy of a centre', () => {
  it.each([
    ['auto, nothing installed → face-api', base, [], { model: FACE_API, templateLength: 128, threshold: 0.988, margin: 0.005, thresholdSource: 'calibrated', requestedModelMissing: false }],
    ['auto, the Intel model installed → it, with its own calibrated numbers', base, [INTEL], { model: INTEL, templateLength: 256, thresholdSource: 'calibrated', requestedModelMissing: false }],
    ['pinned to face-api although Intel is installed', { ...base, faceModel: FACE_API }, [INTEL], { model: FACE_API, requestedModelMissing: false }],
    ['pinned to a model the site lacks → fallback, said', { ...base, faceModel: INTEL }, [], { model: FACE_API, requestedModelMissing: true }],
    ['an admin threshold for the model in use applies', { ...base, faceMatchThreshold: 0.95, faceThresholdModel: FACE_API }, [], { threshold: 0.95, margin: 0.005, thresholdSource: 'admin' }],
    ['an admin margin alone applies with the calibrated threshold', { ...base, faceMatchMargin: 0.1, faceThresholdModel: FACE_API }, [], { threshold: 0.988, margin: 0.1, thresholdSource: 'admin' }],
    ['an admin threshold set for another model is ignored', { ...base, faceMatchThreshold: 0.95, faceThresholdModel: FACE_API }, [INTEL], { model: INTEL, thresholdSource: 'calibrated' }],
    ['a stored threshold without its model (older versions) is ignored', { ...base, faceMatchThreshold: 0.5 }, [], { threshold: 0.988, thresholdSource: 'calibrated' }],
  ] as const)('%s', (_name, settings, installed, expected) => {
    expect(resolveFacePolicy(settings, installed)).toMatchObject(expected);
  });
});
