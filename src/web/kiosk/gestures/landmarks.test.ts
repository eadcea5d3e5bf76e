import { describe, expect, it } from 'vitest';
import { humanFaces, loadRecorded } from '../../../../test/fixtures/gestures/load';
import {
  EYE_LIDS,
  faceFrameFromHuman,
  handFrameFromHuman,
  SHAPE_POINTS,
  USED_MESH_INDICES,
  type HumanHandLike,
} from './landmarks';

const SIZE: [number, number] = [640, 480];

/** A hand whose index fingertip (keypoint 8) is at (x, y) pixels, with a box of `size` (normalised). */
function hand(x: number, y: number, score = 0.9, extra: Partial<HumanHandLike> = {}, size = 0.2): HumanHandLike {
  const keypoints = Array.from({ length: 21 }, (_, i) => (i === 8 ? [x, y] : [x + 5, y + 40]));
  return { score, label: 'point', boxRaw: [x / 640 - size / 2, y / 480, size, size], keypoints, ...extra };
}
const face = { boxRaw: [0.4, 0.1, 0.2, 0.3] };

describe('face frames from Human results', () => {
  const fixture = loadRecorded('live-turns');
  const human = humanFaces(fixture, fixture.frames[10]!)[0]!;

  it('turns radians into degrees and measures both eyes and the shape', () => {
    const f = faceFrameFromHuman(human, 1234)!;
    expect(f.t).toBe(1234);
    expect(f.yaw).toBeCloseTo((human.rotation!.angle.yaw * 180) / Math.PI, 9);
    expect(f.pitch).toBeCloseTo((human.rotation!.angle.pitch * 180) / Math.PI, 9);
    expect(f.eyeOpenness.left).toBeGreaterThan(0.15);
    expect(f.eyeOpenness.right).toBeGreaterThan(0.15);
    expect(f.eyeOpenness.left).toBeLessThan(0.5);
    expect(f.shape).toHaveLength(SHAPE_POINTS.length);
    expect(f.faceBox).toEqual({ x: human.boxRaw[0], y: human.boxRaw[1], width: human.boxRaw[2], height: human.boxRaw[3] });
    expect(f.real).toBe(human.real);
  });

  it('gives nothing when the mesh lacks the points (Human fell back to the detector landmarks)', () => {
    const six = { ...human, mesh: human.mesh.slice(0, 6) };
    expect(faceFrameFromHuman(six, 0)).toBeNull();
  });

  it('reads a face without rotation as straight ahead', () => {
    expect(faceFrameFromHuman({ ...human, rotation: null }, 0)).toMatchObject({ yaw: 0, pitch: 0, roll: 0 });
  });

  it('the fixtures keep every mesh point the logic reads', () => {
    const lids = Object.values(EYE_LIDS).flatMap((e) => [e.outer, e.inner, ...e.upper, ...e.lower]);
    for (const i of [...SHAPE_POINTS, ...lids]) expect(USED_MESH_INDICES).toContain(i);
    expect(fixture.meshIndices).toEqual([...USED_MESH_INDICES]);
  });
});

describe('hand frames from Human results', () => {
  it('takes the index fingertip, normalised to the image', () => {
    const f = handFrameFromHuman([hand(160, 360)], 500, SIZE, face);
    expect(f).toMatchObject({ t: 500, indexTip: [0.25, 0.75], score: 0.9 });
  });

  it.each([
    ["the detector's own 'face' class", hand(160, 360, 0.9, { label: 'face' })],
    ['a hand whose skeleton failed (no keypoints)', hand(160, 360, 0.9, { keypoints: [] })],
    ['a weak detection', hand(160, 360, 0.2)],
    ['a frozen detector score with a failing skeleton', hand(160, 360, 0.95, { fingerScore: 0.2 })],
    ['a "hand" far smaller than the face (an ear, a button)', hand(160, 360, 0.9, {}, 0.03)],
    ['a fingertip inside the face', hand(320, 120, 0.9)],
  ])('drops %s', (_name, h) => {
    expect(handFrameFromHuman([h], 0, SIZE, face).indexTip).toBeNull();
  });

  it('keeps a hand beside the face, and small hands when no face is seen', () => {
    expect(handFrameFromHuman([hand(460, 120)], 0, SIZE, face).indexTip).not.toBeNull();
    expect(handFrameFromHuman([hand(160, 360, 0.9, {}, 0.03)], 0, SIZE, null).indexTip).not.toBeNull();
  });

  it('scores a hand by the lower of its detector and skeleton scores', () => {
    expect(handFrameFromHuman([hand(160, 360, 0.95, { fingerScore: 0.7 })], 0, SIZE, face).score).toBe(0.7);
  });

  it('follows the hand it had rather than the one scoring higher this frame', () => {
    const a = hand(160, 360, 0.7);
    const b = hand(480, 300, 0.8);
    expect(handFrameFromHuman([a, b], 0, SIZE, face).indexTip).toEqual([0.75, 0.625]);
    const previous = { t: 0, indexTip: [0.26, 0.74] as const };
    expect(handFrameFromHuman([a, b], 140, SIZE, face, previous).indexTip).toEqual([0.25, 0.75]);
    // Too far from where it was a moment ago: it is not the same hand, take the best.
    const far = { t: 100, indexTip: [0.95, 0.1] as const };
    expect(handFrameFromHuman([a, b], 140, SIZE, face, far).indexTip).toEqual([0.75, 0.625]);
  });
});
