import { describe, expect, it } from 'vitest';
import { estimateHeadPose, eyeOpenness, fivePointsFromMesh, MESH, MESH_POINTS, type MeshPoint } from '../../src/web/face/face-landmarks';

/** A synthetic mesh: the named points of a frontal face on a head of radius 100, then rotated. */
function mesh(yawDeg = 0, pitchDeg = 0, rollDeg = 0, eyeGap = 6): MeshPoint[] {
  const base: Record<number, [number, number, number]> = {
    [MESH.imageLeftCheek]: [-70, 0, 0],
    [MESH.imageRightCheek]: [70, 0, 0],
    [MESH.foreheadTop]: [0, -90, -10],
    [MESH.chin]: [0, 90, -10],
    [MESH.noseTip]: [0, 10, -60],
    [MESH.imageLeftEyeOuter]: [-45, -20, -30],
    [MESH.imageLeftEyeInner]: [-15, -20, -35],
    [MESH.imageRightEyeInner]: [15, -20, -35],
    [MESH.imageRightEyeOuter]: [45, -20, -30],
    [MESH.imageLeftEyeTop]: [-30, -20 - eyeGap / 2, -35],
    [MESH.imageLeftEyeBottom]: [-30, -20 + eyeGap / 2, -35],
    [MESH.imageRightEyeTop]: [30, -20 - eyeGap / 2, -35],
    [MESH.imageRightEyeBottom]: [30, -20 + eyeGap / 2, -35],
    [MESH.imageLeftMouth]: [-25, 50, -35],
    [MESH.imageRightMouth]: [25, 50, -35],
  };
  const y = (yawDeg * Math.PI) / 180, p = (pitchDeg * Math.PI) / 180, r = (rollDeg * Math.PI) / 180;
  const rotate = ([x0, y0, z0]: [number, number, number]): [number, number, number] => {
    // yaw about the vertical axis (nose towards +x when positive: z larger on the +x side)
    let x1 = x0 * Math.cos(y) - z0 * Math.sin(y);
    const z1 = x0 * Math.sin(y) + z0 * Math.cos(y);
    // pitch about the horizontal axis (chin comes forward and up when positive)
    const y2 = y0 * Math.cos(p) + z1 * Math.sin(p);
    const z2 = -y0 * Math.sin(p) + z1 * Math.cos(p);
    // roll in the image plane
    const x3 = x1 * Math.cos(r) - y2 * Math.sin(r);
    const y3 = x1 * Math.sin(r) + y2 * Math.cos(r);
    x1 = x3;
    return [x1 + 320, y3 + 240, z2];
  };
  const out: MeshPoint[] = Array.from({ length: MESH_POINTS }, () => [320, 240, 0] as const);
  for (const [index, point] of Object.entries(base)) out[Number(index)] = rotate(point);
  return out;
}

describe('estimateHeadPose', () => {
  it.each([
    [0, 0, 0],
    [20, 0, 0],
    [-35, 0, 0],
    [0, 15, 0],
    [0, -25, 0],
    [0, 0, 12],
  ])('yaw %d°, pitch %d°, roll %d°', (yaw, pitch, roll) => {
    const pose = estimateHeadPose(mesh(yaw, pitch, roll));
    expect(pose.yaw).toBeCloseTo(yaw, -0.5); // within ±1.6°
    expect(pose.pitch).toBeCloseTo(pitch, -0.5);
    expect(pose.roll).toBeCloseTo(roll, -0.5);
  });

  it('stays close when yaw and pitch combine (roll picks up a few degrees of cross-talk)', () => {
    const pose = estimateHeadPose(mesh(15, 10, 0));
    expect(Math.abs(pose.yaw - 15)).toBeLessThan(2);
    expect(Math.abs(pose.pitch - 10)).toBeLessThan(2);
    expect(Math.abs(pose.roll)).toBeLessThan(3);
  });

  it('needs the named points', () => {
    expect(() => estimateHeadPose([[0, 0, 0]])).toThrow(RangeError);
  });
});

describe('fivePointsFromMesh', () => {
  it('gives eye centres, nose tip and mouth corners in the ArcFace order (image left first)', () => {
    const points = fivePointsFromMesh(mesh());
    expect(points).toEqual([
      [320 - 30, 220],
      [320 + 30, 220],
      [320, 250],
      [320 - 25, 290],
      [320 + 25, 290],
    ]);
  });
});

describe('eyeOpenness', () => {
  it('falls when the lids close (a blink)', () => {
    const open = eyeOpenness(mesh(0, 0, 0, 9));
    const closed = eyeOpenness(mesh(0, 0, 0, 1));
    expect(open).toBeCloseTo(0.3, 6);
    expect(closed).toBeLessThan(0.05);
  });

  it('does not depend on roll or distance', () => {
    expect(eyeOpenness(mesh(0, 0, 25, 9))).toBeCloseTo(0.3, 6);
  });
});
