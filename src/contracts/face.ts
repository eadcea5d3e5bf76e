/**
 * The face template the kiosk computes in the browser and the server stores and matches.
 * One place for the model, the template length and the default match threshold: the kiosk
 * pipeline, `npm run face:eval` and the server's default setting all read them from here.
 * Measurements and the calibration of the threshold: docs/face-recognition.md.
 */

/** Recognition model whose templates are stored; templates of another model never match these. */
export const FACE_MODEL_ID = 'face-api-128-aligned' as const;

/** Floats per template (L2-normalised, so cosine similarity is a dot product). */
export const FACE_TEMPLATE_LENGTH = 128;

/**
 * Default cosine-similarity threshold for a match of two templates of FACE_MODEL_ID (score ≥ it).
 * Calibrated with `npm run face:eval` on the development set (21 Western identities, 4,545 impostor
 * pairs): FMR 1e-3 is reached at 0.921; 0.93 gives FMR 0.02% and FNMR 1.4% there. A threshold set on
 * Western faces does not transfer to East-Asian faces (docs/face-recognition.md): it is only the
 * default of an admin-editable setting and must be re-calibrated on a consented local set.
 */
export const DEFAULT_FACE_MATCH_THRESHOLD = 0.93;

/** Good frames averaged into one template at enrolment. */
export const FACE_FRAMES_PER_TEMPLATE = 5;

/** Where the server serves the face libraries, their models and the WASM binaries (GET, no auth). */
export const FACE_ASSET_MANIFEST_URL = '/vendor/face-assets.json';

/**
 * The manifest at FACE_ASSET_MANIFEST_URL. URLs carry the package version, so they are cached for a
 * year and an upgrade can never mix a new library with old models.
 */
export interface FaceAssetManifest {
  human: { version: string; script: string; modelBase: string };
  faceApi: { version: string; script: string; modelBase: string };
  tfjsWasm: { version: string; base: string };
}
