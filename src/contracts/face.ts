/**
 * The face templates the kiosk computes in the browser and the server stores and matches, and the
 * recognition models that make them. One place for each model's id, template length and calibrated
 * decision defaults: the kiosk pipeline, `npm run face:eval`, the server's settings and the manage
 * screen all read them from here. Measurements and calibration: docs/face-recognition.md.
 */

/**
 * Every recognition model the product knows. Templates carry their model's id and templates of
 * different models are never compared.
 * - `face-api-128-aligned` ships in an npm package (@vladmandic/face-api) and is always available;
 * - `face-reidentification-retail-0095` (Intel Open Model Zoo, Apache-2.0) is installed once per site
 *   with `motcua models install` from Intel's official files (or a folder, for offline sites).
 */
export const FACE_MODEL_IDS = ['face-api-128-aligned', 'face-reidentification-retail-0095'] as const;
export type FaceModelId = (typeof FACE_MODEL_IDS)[number];

/** How a site obtains a model: from an npm dependency, or installed under the data directory. */
export type FaceModelSource = 'npm' | 'installed';

export interface FaceModelInfo {
  id: FaceModelId;
  /** Floats per template (L2-normalised, so cosine similarity is a dot product). */
  templateLength: number;
  source: FaceModelSource;
  /**
   * Default cosine threshold for "same person" (score ≥ it): the stricter of the points calibrated on
   * Western (dev) and East-Asian faces, because a false "same person" is the harmful error here.
   */
  defaultThreshold: number;
  /** Default lead of the best candidate over the second best (look-alikes score close together). */
  defaultMargin: number;
  /**
   * How wide a large gallery's HNSW graph is searched (usearch expansion_search), measured with
   * `npm run bench:face` for recall@1 ≥ 0.99: a model whose strangers score near 0 (templates spread
   * over the whole sphere) needs a wider search than one whose templates sit in a narrow cone.
   */
  searchExpansion: number;
  /** Licence of the weights, as shown to the admin. */
  licence: string;
  /**
   * What the model's default threshold means, measured with `npm run face:eval` on the project's
   * labelled sets (docs/face-recognition.md): the manage screen tells the admin what to expect for
   * Vietnamese faces. Null until measured.
   */
  measured: FaceModelMeasurement | null;
}

/** Error rates of one model at its default threshold and margin (fractions, 0.001 = 0.1%). */
export interface FaceModelMeasurement {
  /** Which labelled set and when (e.g. "east-asian-dev: 12 identities, 230 photos; 2026-12-03"). */
  eastAsianSet: string;
  /** Single photos, all pairs. */
  eastAsianEer: number;
  eastAsianFmr: number;
  eastAsianFnmr: number;
  /** 5-photo templates, as the kiosk averages frames. */
  eastAsianTemplateEer: number;
  /** False matches of 5-photo templates at the default threshold (optional: shown as "not measured" when absent). */
  eastAsianTemplateFmr?: number;
  eastAsianTemplateFnmr: number;
  /** The reuse rule over a gallery: strangers given someone's number, returning visitors given another's. */
  eastAsianFalseReuseRate: number;
  eastAsianWrongPersonRate: number;
  /** The Western development set, single photos. */
  westernEer: number;
}

export const FACE_MODELS: Readonly<Record<FaceModelId, FaceModelInfo>> = {
  'face-api-128-aligned': {
    id: 'face-api-128-aligned',
    templateLength: 128,
    source: 'npm',
    // East-Asian faces decide it: 0.93 (the Western calibration) accepted 47% of East-Asian impostor
    // pairs; 0.988 is above every East-Asian impostor photo pair and all but 0.003% of 5-photo template
    // pairs (docs/face-recognition.md). face-api scores are compressed near 1, hence the small margin.
    defaultThreshold: 0.988,
    defaultMargin: 0.005,
    // Recall@1 0.997 at 100,000 and 0.995 at 1,000,000 (docs/face-recognition.md).
    searchExpansion: 256,
    licence: 'dlib ResNet, public domain (face-api MIT)',
    measured: {
      eastAsianSet: 'east-asian-dev: 12 identities, 230 photos (2026-12-03)',
      eastAsianEer: 0.1419,
      eastAsianFmr: 0,
      eastAsianFnmr: 0.9986,
      eastAsianTemplateEer: 0.0152,
      eastAsianTemplateFmr: 0,
      eastAsianTemplateFnmr: 0.1045,
      eastAsianFalseReuseRate: 0,
      eastAsianWrongPersonRate: 0,
      westernEer: 0.0087,
    },
  },
  'face-reidentification-retail-0095': {
    id: 'face-reidentification-retail-0095',
    templateLength: 256,
    source: 'installed',
    // Above every East-Asian impostor pair, photos and 5-photo templates alike, with room for harder
    // look-alikes (template impostors reached 0.68 on east-asian-dev), while 5-photo templates of the
    // same person stay above it (3.4% below on east-asian-dev): docs/face-recognition.md.
    defaultThreshold: 0.75,
    defaultMargin: 0.05,
    // 256 gave recall@1 0.975 at 100,000 (enrolled visitors 0.956), 512 gave 0.996, 1024 0.999.
    searchExpansion: 512,
    licence: 'Apache-2.0, © Intel Corporation (converted from OpenVINO IR to ONNX, weights unchanged)',
    measured: {
      eastAsianSet: 'east-asian-dev: 12 identities, 230 photos (2026-12-03)',
      eastAsianEer: 0.0628,
      eastAsianFmr: 0,
      eastAsianFnmr: 0.978,
      eastAsianTemplateEer: 0,
      eastAsianTemplateFmr: 0,
      eastAsianTemplateFnmr: 0.0149,
      eastAsianFalseReuseRate: 0,
      eastAsianWrongPersonRate: 0,
      westernEer: 0.0048,
    },
  },
};

export function isFaceModelId(value: string): value is FaceModelId {
  return (FACE_MODEL_IDS as readonly string[]).includes(value);
}

/** The model every site has (from npm): used when no better model is installed. */
export const FALLBACK_FACE_MODEL_ID: FaceModelId = 'face-api-128-aligned';

/** The model a site uses once it is installed, unless an admin pins another. */
export const PREFERRED_FACE_MODEL_ID: FaceModelId = 'face-reidentification-retail-0095';

/**
 * The 1:N searches the server makes, each audited: one field's walk-in numbers of the day (the same
 * person gets their number back), a centre's remembered citizens (recognition at the kiosk), and
 * both at a counter to find what to erase.
 */
export const FACE_SEARCH_KINDS = ['walk-in-reuse', 'returning-citizen', 'erasure'] as const;
export type FaceSearchKind = (typeof FACE_SEARCH_KINDS)[number];

/** Good frames averaged into one template at enrolment. */
export const FACE_FRAMES_PER_TEMPLATE = 5;

/** Where the server serves the face libraries, their models and the WASM binaries (GET, no auth). */
export const FACE_ASSET_MANIFEST_URL = '/vendor/face-assets.json';

/** A recognition model installed under the data directory, as the browser loads it. */
export interface InstalledFaceModelAsset {
  id: FaceModelId;
  /** Versioned URL of the converted ONNX graph (the path carries its sha256, so it is cached for a year). */
  url: string;
  sha256: string;
  bytes: number;
}

/**
 * The manifest at FACE_ASSET_MANIFEST_URL. URLs carry the package version (or the file's hash), so
 * they are cached for a year and an upgrade can never mix a new library with old models.
 */
export interface FaceAssetManifest {
  human: { version: string; script: string; modelBase: string };
  faceApi: { version: string; script: string; modelBase: string };
  tfjsWasm: { version: string; base: string };
  /** onnxruntime-web: `script` is its WASM-only ES module, `base` the folder of its .wasm/.mjs files. */
  onnxRuntime: { version: string; script: string; base: string };
  /** Models installed on this site (none until `motcua models install`). */
  installedModels: InstalledFaceModelAsset[];
}
