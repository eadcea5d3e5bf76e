/**
 * The recognition models the pipeline can run, and how each is fed. Kiosks and counters use the
 * model of their centre's face policy (src/contracts/face.ts FACE_MODELS, chosen by the server);
 * the others stay selectable so that `npm run face:eval -- --model …` can re-measure them
 * (docs/face-recognition.md).
 */
import { FALLBACK_FACE_MODEL_ID, type FaceModelId } from '../../contracts/face';
import { arcfaceRegion, dlibRegion, type Point2, type TemplateRegion } from './face-align';

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

/**
 * An ONNX graph installed on the site (served from the data directory), run with onnxruntime-web on
 * WASM, fed a crop aligned onto the model's own five reference points.
 */
export interface OnnxSpec {
  id: string;
  kind: 'onnx';
  /** Which installed model's file (FaceAssetManifest.installedModels) to load. */
  model: FaceModelId;
  inputSize: number;
  /** The model's reference points for left eye, right eye, nose tip, left and right mouth corner. */
  points: readonly Point2[];
  /** Channel order of the NCHW input. */
  channels: 'rgb' | 'bgr';
  /** Pixel value mapping: (v − offset) / divisor. */
  offset: number;
  divisor: number;
  length: number;
}

export type DescriptorSpec = HumanFaceresSpec | GraphSpec | FaceApiSpec | OnnxSpec;

/**
 * Open Model Zoo's alignment template for its 128×128 face models (face-reidentification-retail-0095):
 * vertically compressed compared with a scaled ArcFace template, which costs a little accuracy.
 */
export const OMZ_FACE_TEMPLATE_128: readonly Point2[] = [
  [40.393, 59.082],
  [87.376, 59.082],
  [64.034, 81.985],
  [44.732, 105.561],
  [83.64, 105.561],
];

export const DESCRIPTORS: Record<string, DescriptorSpec> = {
  'human-faceres': { id: 'human-faceres', kind: 'human-faceres', length: 1024 },
  'human-faceres-aligned': {
    id: 'human-faceres-aligned', kind: 'graph', model: 'faceres.json', inputSize: 224, align: arcfaceRegion(0), offset: 0, divisor: 1, length: 1024,
  },
  'face-api-128': { id: 'face-api-128', kind: 'face-api', align: null, length: 128 },
  'face-api-128-aligned': { id: 'face-api-128-aligned', kind: 'face-api', align: dlibRegion(), length: 128 },
  // Input: float32 NCHW, B G R, raw 0–255 (the graph normalises itself); output: 256 floats.
  'face-reidentification-retail-0095': {
    id: 'face-reidentification-retail-0095',
    kind: 'onnx',
    model: 'face-reidentification-retail-0095',
    inputSize: 128,
    points: OMZ_FACE_TEMPLATE_128,
    channels: 'bgr',
    offset: 0,
    divisor: 1,
    length: 256,
  },
};

/** The model every site has (from npm), used when nothing else is asked for. */
export const DEFAULT_DESCRIPTOR: DescriptorSpec = DESCRIPTORS[FALLBACK_FACE_MODEL_ID]!;

/** A descriptor by id; unknown ids are an error, not a silent default. */
export function descriptorById(id: string): DescriptorSpec {
  const spec = DESCRIPTORS[id];
  if (!spec) throw new RangeError(`unknown face descriptor "${id}" (known: ${Object.keys(DESCRIPTORS).join(', ')})`);
  return spec;
}
