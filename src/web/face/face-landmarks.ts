/**
 * What the 468-point face mesh (MediaPipe topology, as @vladmandic/human returns it) tells us without
 * a model: the five alignment points, the head pose and how open the eyes are. Pure functions on
 * [x, y, z] points in image pixels (z: depth, larger = farther from the camera).
 */
import type { Point2 } from './face-align';

export type MeshPoint = readonly [number, number, number?];

/** Mesh indices, named as seen in the image (image-left = the person's right). */
export const MESH = {
  imageLeftEyeOuter: 33,
  imageLeftEyeInner: 133,
  imageLeftEyeTop: 159,
  imageLeftEyeBottom: 145,
  imageRightEyeInner: 362,
  imageRightEyeOuter: 263,
  imageRightEyeTop: 386,
  imageRightEyeBottom: 374,
  noseTip: 1,
  imageLeftMouth: 61,
  imageRightMouth: 291,
  imageLeftCheek: 234,
  imageRightCheek: 454,
  foreheadTop: 10,
  chin: 152,
} as const;

export const MESH_POINTS = 468;

function mid(p: MeshPoint, q: MeshPoint): Point2 {
  return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
}

function point(mesh: readonly MeshPoint[], index: number): MeshPoint {
  const p = mesh[index];
  if (!p) throw new RangeError(`mesh has no point ${index} (length ${mesh.length})`);
  return p;
}

/** Eye centres, nose tip, mouth corners: the order of the ArcFace template. */
export function fivePointsFromMesh(mesh: readonly MeshPoint[]): Point2[] {
  const p = (i: number) => point(mesh, i);
  return [
    mid(p(MESH.imageLeftEyeOuter), p(MESH.imageLeftEyeInner)),
    mid(p(MESH.imageRightEyeInner), p(MESH.imageRightEyeOuter)),
    [p(MESH.noseTip)[0], p(MESH.noseTip)[1]],
    [p(MESH.imageLeftMouth)[0], p(MESH.imageLeftMouth)[1]],
    [p(MESH.imageRightMouth)[0], p(MESH.imageRightMouth)[1]],
  ];
}

export interface HeadPose {
  /** Degrees; positive when the nose points to the image's right. */
  yaw: number;
  /** Degrees; positive when the chin comes up (the face looks up). */
  pitch: number;
  /** Degrees; positive when the eye line turns clockwise in the image. */
  roll: number;
}

const DEG = 180 / Math.PI;

/**
 * Head pose from the mesh's own axes: the cheek-to-cheek line gives yaw (its depth slope) and roll
 * (its image slope), the forehead-to-chin line gives pitch (its depth slope).
 */
export function estimateHeadPose(mesh: readonly MeshPoint[]): HeadPose {
  const left = point(mesh, MESH.imageLeftCheek);
  const right = point(mesh, MESH.imageRightCheek);
  const top = point(mesh, MESH.foreheadTop);
  const chin = point(mesh, MESH.chin);
  const across = [right[0] - left[0], right[1] - left[1], (right[2] ?? 0) - (left[2] ?? 0)] as const;
  const down = [chin[0] - top[0], chin[1] - top[1], (chin[2] ?? 0) - (top[2] ?? 0)] as const;
  const acrossInImage = Math.hypot(across[0], across[1]);
  const downInImage = Math.hypot(down[0], down[1]);
  return {
    yaw: Math.atan2(across[2], acrossInImage) * DEG,
    pitch: Math.atan2(-down[2], downInImage) * DEG,
    roll: Math.atan2(across[1], across[0]) * DEG,
  };
}

/** Eye opening: lid distance over eye width, averaged over both eyes (≈0.25–0.35 open, < 0.15 closed). */
export function eyeOpenness(mesh: readonly MeshPoint[]): number {
  const ratio = (top: number, bottom: number, a: number, b: number) => {
    const t = point(mesh, top), bo = point(mesh, bottom), p = point(mesh, a), q = point(mesh, b);
    const width = Math.hypot(q[0] - p[0], q[1] - p[1]);
    return width === 0 ? 0 : Math.hypot(t[0] - bo[0], t[1] - bo[1]) / width;
  };
  return (
    ratio(MESH.imageLeftEyeTop, MESH.imageLeftEyeBottom, MESH.imageLeftEyeOuter, MESH.imageLeftEyeInner) +
    ratio(MESH.imageRightEyeTop, MESH.imageRightEyeBottom, MESH.imageRightEyeInner, MESH.imageRightEyeOuter)
  ) / 2;
}
