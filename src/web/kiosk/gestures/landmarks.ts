/**
 * The small, timestamped frames the gesture logic works on, and how they are derived from a
 * @vladmandic/human 3.3.6 result. Everything else in this folder takes these frames, never Human's
 * objects, so it can be tested on recorded sequences and stays independent of the library.
 *
 * Human's conventions (read from its types and source, 3.3.6):
 * - `face.mesh` is 468 points (478 with the iris model) in the MediaPipe FaceMesh topology, in pixels
 *   of the input image, truncated to integers; z is in the model's crop units (not pixels).
 *   `face.meshRaw` divides x by the width and y by the height separately, which distorts angles and
 *   ratios on a 4:3 image, so eye openness and shapes are measured on `mesh`.
 *   "right" in the annotations is the person's right (the left side of an unmirrored camera image).
 * - `face.rotation.angle` = { yaw, pitch, roll } in radians, computed by Human from the mesh.
 *   Measured on our recordings (test/fixtures/gestures/README.md): yaw > 0 when the person turns
 *   their head towards their own right (the nose moves to the left of the raw camera image); pitch > 0
 *   when they tip their head down (chin towards the chest). Roll is unused. Both read low: about
 *   0.4–0.6 of the true angle (a 22° turn reads ~9°), and in steps of 0.3–1° (the mesh is integer).
 * - `face.boxRaw` = [x, y, width, height] normalised to 0..1.
 * - `hand.keypoints` are 21 points (MediaPipe hand topology: 0 wrist, 5–8 index finger MCP → tip) in
 *   pixels of the input image; `hand.annotations.index` = keypoints [5, 6, 7, 8], so its last point is
 *   the index fingertip. `hand.boxRaw` is normalised; `hand.label` is the detector's class, where
 *   'face' means the detector itself thinks it saw a face.
 * - `hand.score` is the hand *detector's* score, and Human re-runs the detector only every so often
 *   (skipFrames/skipTime): in between, the score is frozen and the box comes from the previous
 *   skeleton. The per-frame evidence is `hand.fingerScore` (the skeleton model's confidence), so the
 *   adapter uses the lower of the two. When the skeleton fails, the hand comes back without keypoints.
 *   Human's hand cache also outlives a pause of the hand model: re-enabling it on a similar-looking
 *   scene returns the old hands for a while (seen while recording), so the kiosk should run one
 *   detection on a blank frame when it switches hands on, or ignore the first second.
 */

export type Vec2 = readonly [number, number];

/** An axis-aligned rectangle; units are whatever the caller uses (normalised 0..1 or pixels). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Indices into Human's face mesh (MediaPipe FaceMesh topology). */
export const MESH = {
  noseTip: 1,
  noseBottom: 2,
  betweenEyes: 168,
  forehead: 10,
  chin: 152,
  /** The face outline at cheek height, on the person's right / left. */
  rightOutline: 234,
  leftOutline: 454,
  rightEyeOuter: 33,
  rightEyeInner: 133,
  leftEyeOuter: 263,
  leftEyeInner: 362,
  mouthRight: 61,
  mouthLeft: 291,
} as const;

/**
 * Eyelid points for the eye aspect ratio: the two corners and three upper/lower pairs facing each
 * other across the opening (Human's `rightEyeUpper0`/`rightEyeLower0` and the left equivalents).
 */
export const EYE_LIDS = {
  right: { outer: 33, inner: 133, upper: [160, 159, 158], lower: [144, 145, 153] },
  left: { outer: 263, inner: 362, upper: [387, 386, 385], lower: [373, 374, 380] },
} as const;

/**
 * The points kept per frame for the flat-picture test (face-parallax.ts), in this order. The first
 * `SHAPE_FIT_COUNT` outline the face (silhouette, eye corners, mouth corners, forehead, chin); the
 * rest sit in front of that outline on a real head (nose tip, nose bottom).
 */
export const SHAPE_POINTS: readonly number[] = [
  // silhouette, person's right to left over the forehead and back under the chin
  234, 127, 162, 21, 54, 103, 10, 332, 284, 251, 389, 356, 454, 323, 361, 397, 365, 378, 152, 149, 136, 172, 132, 93,
  // eye corners, mouth corners
  33, 133, 362, 263, 61, 291,
  // in front of the outline
  1, 2,
];
export const SHAPE_FIT_COUNT = SHAPE_POINTS.length - 2;
/** Positions of the outer eye corners inside SHAPE_POINTS (used as the face's scale). */
export const SHAPE_EYE_OUTER = [SHAPE_POINTS.indexOf(33), SHAPE_POINTS.indexOf(263)] as const;
export const SHAPE_NOSE_TIP = SHAPE_POINTS.indexOf(1);

/** Every mesh index the gesture logic reads (what the recorded fixtures keep of each mesh). */
export const USED_MESH_INDICES: readonly number[] = [
  ...new Set([...SHAPE_POINTS, ...Object.values(EYE_LIDS).flatMap((e) => [e.outer, e.inner, ...e.upper, ...e.lower])]),
].sort((a, b) => a - b);

/** One face observation. */
export interface FaceFrame {
  /** Milliseconds on a monotonic clock (performance.now() or the video's time). */
  t: number;
  /** Human's face score (0..1). */
  score: number;
  /** Degrees, Human's signs and scale (see the header): yaw > 0 = turned to the person's right, pitch > 0 = head down. */
  yaw: number;
  pitch: number;
  roll: number;
  /** Eye aspect ratio of each eye (eye-openness.ts); about 0.25–0.35 open, below ~0.15 closed. */
  eyeOpenness: { left: number; right: number };
  /** Normalised 0..1 face box (Human's boxRaw). */
  faceBox: Rect;
  /** SHAPE_POINTS in image pixels. */
  shape: Vec2[];
  /** Human's antispoof / liveness scores when those models run: hints only, never decisive. */
  real?: number;
  live?: number;
}

/** One hand observation: the hand the adapter kept, or none. */
export interface HandFrame {
  t: number;
  /** Index fingertip, normalised 0..1 in the raw (unmirrored) camera image; null when no hand. */
  indexTip: Vec2 | null;
  /** The kept hand's score, 0 when none. */
  score: number;
  /** The person's face box in the same frame, normalised (anchors the reach region), if seen. */
  faceBox?: Rect | null;
}

/** The parts of Human's FaceResult the adapter reads (a real FaceResult is assignable to it). */
export interface HumanFaceLike {
  score: number;
  boxRaw: readonly number[];
  mesh: ReadonlyArray<readonly number[] | undefined>;
  rotation?: { angle: { yaw: number; pitch: number; roll: number } } | null;
  real?: number;
  live?: number;
}

/** The parts of Human's HandResult the adapter reads. */
export interface HumanHandLike {
  score: number;
  fingerScore?: number;
  label: string;
  boxRaw: readonly number[];
  keypoints: ReadonlyArray<readonly number[]>;
}

const DEG = 180 / Math.PI;
const INDEX_TIP = 8;

/**
 * A FaceFrame from one Human face result. Returns null when the mesh lacks the points the gesture
 * logic needs (e.g. Human fell back to the 6 detector landmarks).
 */
export function faceFrameFromHuman(face: HumanFaceLike, t: number): FaceFrame | null {
  const shape: Vec2[] = [];
  for (const i of SHAPE_POINTS) {
    const p = face.mesh[i];
    if (!p) return null;
    shape.push([p[0]!, p[1]!]);
  }
  const right = eyeAspectRatio(face.mesh, 'right');
  const left = eyeAspectRatio(face.mesh, 'left');
  if (!Number.isFinite(right) || !Number.isFinite(left)) return null;
  const angle = face.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  const [x = 0, y = 0, width = 0, height = 0] = face.boxRaw;
  const frame: FaceFrame = {
    t,
    score: face.score,
    yaw: angle.yaw * DEG,
    pitch: angle.pitch * DEG,
    roll: angle.roll * DEG,
    eyeOpenness: { left, right },
    faceBox: { x, y, width, height },
    shape,
  };
  if (face.real !== undefined) frame.real = face.real;
  if (face.live !== undefined) frame.live = face.live;
  return frame;
}

/**
 * Eye aspect ratio (Soukupová & Čech 2016, on the FaceMesh lids): the mean of the three lid-to-lid
 * distances divided by the corner-to-corner width. Scale-free; NaN when points are missing.
 */
export function eyeAspectRatio(mesh: ReadonlyArray<readonly number[] | undefined>, eye: 'left' | 'right'): number {
  const lids = EYE_LIDS[eye];
  const a = mesh[lids.outer];
  const b = mesh[lids.inner];
  if (!a || !b) return Number.NaN;
  const width = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
  if (width === 0) return Number.NaN;
  let gaps = 0;
  for (let k = 0; k < lids.upper.length; k++) {
    const u = mesh[lids.upper[k]!];
    const l = mesh[lids.lower[k]!];
    if (!u || !l) return Number.NaN;
    gaps += Math.hypot(u[0]! - l[0]!, u[1]! - l[1]!);
  }
  return gaps / lids.upper.length / width;
}

export interface HandAdapterOptions {
  /** Hands below this score are dropped here already (the tracker applies its own ≥ 0.6). */
  minScore: number;
  /**
   * With a face in view, a hand whose box is smaller than this fraction of the face width is not the
   * citizen's hand (false "hands" on ears, hair and blurred backgrounds are small; a real hand at the
   * same distance is about as big as the face).
   */
  minSizeToFace: number;
  /** A hand whose fingertip lies inside the face box shrunk by this fraction is a face detail. */
  faceInset: number;
  /**
   * With the previous frame given, keep following the hand whose fingertip is within
   * `followRadius + followSpeed × Δt(s)` of the previous fingertip (normalised image units) rather
   * than jumping to whichever hand scores higher this frame: with two hands in view their scores cross
   * often (seen in the real hand recording).
   */
  followRadius: number;
  followSpeed: number;
}

export const HAND_ADAPTER_DEFAULTS: HandAdapterOptions = {
  minScore: 0.3,
  minSizeToFace: 0.35,
  faceInset: 0.1,
  followRadius: 0.06,
  followSpeed: 0.6,
};

/**
 * A HandFrame from Human's hands (and the citizen's face, when seen): drops detections labelled
 * 'face', implausibly small ones and fingertips inside the face, then keeps the hand nearest to
 * the previous frame's fingertip if one is close enough, else the best-scoring one.
 * `imageSize` is [width, height] of the image Human ran on.
 */
export function handFrameFromHuman(
  hands: readonly HumanHandLike[],
  t: number,
  imageSize: readonly [number, number],
  face: Pick<HumanFaceLike, 'boxRaw'> | null = null,
  previous: Pick<HandFrame, 't' | 'indexTip'> | null = null,
  options: Partial<HandAdapterOptions> = {},
): HandFrame {
  const o = { ...HAND_ADAPTER_DEFAULTS, ...options };
  const faceBox = face ? rectFromBox(face.boxRaw) : null;
  const candidates: Array<{ tip: Vec2; score: number }> = [];
  for (const h of hands) {
    const tip = h.keypoints[INDEX_TIP];
    if (!tip || h.label === 'face') continue;
    const p: Vec2 = [tip[0]! / imageSize[0], tip[1]! / imageSize[1]];
    if (faceBox && !isPlausibleHand(rectFromBox(h.boxRaw), p, faceBox, imageSize, o)) continue;
    const score = h.fingerScore !== undefined && h.fingerScore > 0 ? Math.min(h.score, h.fingerScore) : h.score;
    if (score >= o.minScore) candidates.push({ tip: p, score });
  }
  const last = previous?.indexTip ?? null;
  const radius = previous ? o.followRadius + (o.followSpeed * Math.max(0, t - previous.t)) / 1000 : 0;
  const distance = (c: { tip: Vec2 }) => (last ? Math.hypot(c.tip[0] - last[0], c.tip[1] - last[1]) : Infinity);
  const near = candidates.filter((c) => distance(c) <= radius).sort((a, b) => distance(a) - distance(b))[0];
  const best = near ?? [...candidates].sort((a, b) => b.score - a.score)[0];
  return { t, indexTip: best?.tip ?? null, score: best?.score ?? 0, faceBox };
}

function isPlausibleHand(box: Rect, tip: Vec2, face: Rect, imageSize: readonly [number, number], o: HandAdapterOptions): boolean {
  // Compare sizes in pixels: boxes are normalised per axis and the image is not square.
  const handSize = Math.max(box.width * imageSize[0], box.height * imageSize[1]);
  if (handSize < o.minSizeToFace * face.width * imageSize[0]) return false;
  const ix = face.width * o.faceInset;
  const iy = face.height * o.faceInset;
  const insideFace =
    tip[0] > face.x + ix && tip[0] < face.x + face.width - ix && tip[1] > face.y + iy && tip[1] < face.y + face.height - iy;
  return !insideFace;
}

function rectFromBox(box: readonly number[]): Rect {
  const [x = 0, y = 0, width = 0, height = 0] = box;
  return { x, y, width, height };
}
