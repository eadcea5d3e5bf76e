/**
 * The recognition models the pipeline can run, and how each is fed. The kiosk uses FACE_MODEL_ID
 * (src/contracts/face.ts); the others stay selectable so that `npm run face:eval -- --model …`
 * can re-measure them (docs/face-recognition.md).
 */
import { FACE_MODEL_ID } from '../../contracts/face';
import { arcfaceRegion, dlibRegion, type TemplateRegion } from './face-align';

/** Runs human's own `faceres` on human's (unaligned) face crop. */
export interface HumanFaceresSpec {
  id: string;
  kind: 'human-faceres';
  length: number;
}

/** A TensorFlow.js graph model fed a crop from our own warp (aligned, or the plain face box). */
export interface GraphSpec {
  id: string;
  kind: 'graph';
  /** Absolute URL, or a file name under human's model folder. */
  model: string;
  inputSize: number;
  /** null: the face box, square, no rotation (unaligned); else 5-point alignment onto this template region. */
  align: TemplateRegion | null;
  /** Pixel value mapping: (v − offset) / divisor. */
  offset: number;
  divisor: number;
  length: number;
}

/** face-api's 128-d ResNet (dlib-style) fed a 150×150 crop from our own warp. */
export interface FaceApiSpec {
  id: string;
  kind: 'face-api';
  align: TemplateRegion | null;
  length: number;
}

export type DescriptorSpec = HumanFaceresSpec | GraphSpec | FaceApiSpec;

export const DESCRIPTORS: Record<string, DescriptorSpec> = {
  'human-faceres': { id: 'human-faceres', kind: 'human-faceres', length: 1024 },
  'human-faceres-aligned': {
    id: 'human-faceres-aligned', kind: 'graph', model: 'faceres.json', inputSize: 224, align: arcfaceRegion(0), offset: 0, divisor: 1, length: 1024,
  },
  'face-api-128': { id: 'face-api-128', kind: 'face-api', align: null, length: 128 },
  'face-api-128-aligned': { id: 'face-api-128-aligned', kind: 'face-api', align: dlibRegion(), length: 128 },
};

export const DEFAULT_DESCRIPTOR: DescriptorSpec = DESCRIPTORS[FACE_MODEL_ID]!;

/** A descriptor by id; unknown ids are an error, not a silent default. */
export function descriptorById(id: string): DescriptorSpec {
  const spec = DESCRIPTORS[id];
  if (!spec) throw new RangeError(`unknown face descriptor "${id}" (known: ${Object.keys(DESCRIPTORS).join(', ')})`);
  return spec;
}
