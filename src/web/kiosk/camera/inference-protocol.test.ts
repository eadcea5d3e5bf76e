import { describe, expect, it } from 'vitest';
import { humanFaces, humanHands, loadRecorded } from '../../../../test/fixtures/gestures/load';
import { faceFrameFromHuman, handFrameFromHuman, SHAPE_POINTS, type HumanFaceLike } from '../gestures/landmarks';
import { frameResultFrom, readFromModels, transferablesOf, type FramePlan, type FromModels } from './inference-protocol';

const SIZE: [number, number] = [640, 480];
const plan = (p: Partial<FramePlan> = {}): FramePlan => ({ t: 1000, hands: false, flushHands: false, describe: false, previousHand: null, ...p });
const ms = { flush: 0, sensing: 40, describe: 0 };

const faces = loadRecorded('live-turns');
const person = humanFaces(faces, faces.frames[10]!)[0]!;
/** Someone further back: the same face, smaller, to the side. */
const behind: HumanFaceLike = { ...person, boxRaw: [0.05, 0.1, 0.1, 0.15] };
const pointing = loadRecorded('hand-photo-path');
const pointingFrame = pointing.frames.find((f) => f.hands.length > 0 && f.faces.length > 0)!;

describe('one frame, as the reducers read it', () => {
  it('gives every face box (largest first) and the landmark frame of the largest face, at the time the page took the frame', () => {
    const result = frameResultFrom(plan({ t: 1234 }), SIZE, { face: [behind, person] }, null, ms);
    expect(result.boxes).toEqual([
      { x: person.boxRaw[0], y: person.boxRaw[1], width: person.boxRaw[2], height: person.boxRaw[3] },
      { x: 0.05, y: 0.1, width: 0.1, height: 0.15 },
    ]);
    expect(result.face).toEqual(faceFrameFromHuman(person, 1234));
    expect(result.hand).toBeUndefined();
    expect(result.descriptor).toBeNull();
    expect(result.ms).toEqual(ms);
  });

  it('carries no mesh and no picture: only the points the liveness check and head gestures read', () => {
    const result = frameResultFrom(plan(), SIZE, { face: [person] }, null, ms);
    const allowed = ['t', 'score', 'yaw', 'pitch', 'roll', 'eyeOpenness', 'faceBox', 'shape', 'real', 'live'];
    expect(Object.keys(result.face!).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(result.face!.shape).toHaveLength(SHAPE_POINTS.length);
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
  });

  it('no face: no landmarks, no boxes', () => {
    expect(frameResultFrom(plan(), SIZE, { face: [] }, null, ms)).toMatchObject({ boxes: [], face: null, descriptor: null });
  });

  it('on a hand frame, the hand the adapter keeps, following the previous fingertip', () => {
    const hands = humanHands(pointingFrame);
    const face = humanFaces(pointing, pointingFrame)[0]!;
    const previousHand = { t: pointingFrame.t - 100, indexTip: [0.3, 0.6] as const };
    const result = frameResultFrom(plan({ t: pointingFrame.t, hands: true, previousHand }), pointing.recordedWith.imageSize, { face: [face], hand: hands }, null, ms);
    expect(result.hand).toEqual(handFrameFromHuman(hands, pointingFrame.t, pointing.recordedWith.imageSize, face, previousHand));
    expect(result.hand!.indexTip).not.toBeNull();
  });

  it('a hand frame where Human found no hand says so (an empty hand, not a missing one)', () => {
    const result = frameResultFrom(plan({ hands: true }), SIZE, { face: [person], hand: null }, null, ms);
    expect(result.hand).toMatchObject({ t: 1000, indexTip: null, score: 0 });
  });

  it("on a described frame, the gate's verdict, the template and the described face's box normalised to the frame", () => {
    const template = new Float32Array([0.6, 0.8]);
    const analysis = { faces: [{ box: [160, 120, 320, 240] }], quality: { ok: true }, template };
    const result = frameResultFrom(plan({ describe: true }), SIZE, { face: [person] }, analysis, ms);
    expect(result.descriptor).toEqual({ ok: true, template, box: { x: 0.25, y: 0.25, width: 0.5, height: 0.5 } });
  });

  it('a frame refused by the gate carries its verdict without a template; a frame without a face, without a box', () => {
    expect(frameResultFrom(plan({ describe: true }), SIZE, { face: [person] }, { faces: [{ box: [0, 0, 64, 48] }], quality: { ok: false } }, ms).descriptor).toEqual({
      ok: false,
      box: { x: 0, y: 0, width: 0.1, height: 0.1 },
    });
    expect(frameResultFrom(plan({ describe: true }), SIZE, { face: [] }, { faces: [], quality: { ok: false } }, ms).descriptor).toEqual({ ok: false });
  });
});

describe('messages between the page and the models', () => {
  it('a frame result crosses to the page with its template moved, not copied', () => {
    const template = new Float32Array([0.6, 0.8]);
    const message: FromModels = { type: 'frame', id: 7, result: { boxes: [], face: null, descriptor: { ok: true, template }, ms } };
    const transfer = transferablesOf(message);
    expect(transfer).toEqual([template.buffer]);
    const received = structuredClone(message, { transfer });
    expect(template.byteLength).toBe(0); // moved out of the worker: nothing of it stays there
    expect(readFromModels(received)).toEqual({ type: 'frame', id: 7, result: { boxes: [], face: null, descriptor: { ok: true, template: new Float32Array([0.6, 0.8]) }, ms } });
  });

  it('a template that is a view into a larger buffer is copied (moving would take the whole buffer)', () => {
    const template = new Float32Array(8).subarray(2, 4);
    expect(transferablesOf({ type: 'frame', id: 1, result: { boxes: [], face: null, descriptor: { ok: true, template }, ms } })).toEqual([]);
  });

  it('the picture goes to the worker moved, not copied; nothing else is moved', () => {
    const image = { width: 640, height: 480 } as unknown as ImageBitmap;
    expect(transferablesOf({ type: 'frame', id: 1, plan: plan(), image })).toEqual([image]);
    expect(transferablesOf({ type: 'load', model: 'face-api-128-aligned' })).toEqual([]);
    expect(transferablesOf({ type: 'loaded', modelId: 'face-api-128-aligned' })).toEqual([]);
    expect(transferablesOf({ type: 'frame', id: 1, result: { boxes: [], face: null, descriptor: null, ms } })).toEqual([]);
  });

  it.each([
    [{ type: 'loaded', modelId: 'face-api-128-aligned' }, true],
    [{ type: 'load-failed', message: 'HTTP 404' }, true],
    [{ type: 'frame-failed', id: 3, message: 'boom' }, true],
    [{ type: 'loaded' }, false],
    [{ type: 'frame', id: '3', result: {} }, false],
    [{ type: 'frame', id: 3 }, false],
    [{ type: 'frame-failed', id: 3 }, false],
    [{ type: 'hello' }, false],
    ['loaded', false],
    [null, false],
  ])('reads %j from the models: %s', (data, valid) => {
    expect(readFromModels(data) !== null).toBe(valid);
  });
});
