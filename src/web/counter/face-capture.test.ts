import { describe, expect, it } from 'vitest';
import { FALLBACK_FACE_MODEL_ID } from '../../contracts/face';
import {
  collectFrame,
  EMPTY_COLLECTED,
  encodeTemplate,
  erasureLines,
  INITIAL_PANEL,
  isCapturing,
  isRecheckKey,
  panelReducer,
  panelStorageKey,
  toCapture,
  toneOf,
  type AnalysedFrame,
  type Collected,
  type PanelEvent,
  type PanelState,
} from './face-capture';

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};
const good = (template: Float32Array): AnalysedFrame => ({ quality: { ok: true, issues: [] }, template });
const bad = (...issues: AnalysedFrame['quality']['issues']): AnalysedFrame => ({ quality: { ok: false, issues } });

function feed(frames: AnalysedFrame[], needed = 3, minAgreement = 0.9) {
  let collected: Collected = EMPTY_COLLECTED;
  const steps = [];
  for (const frame of frames) {
    const step = collectFrame(collected, frame, needed, minAgreement);
    steps.push(step);
    if (step.done) break;
    collected = step.collected;
  }
  return steps;
}

describe('collecting good frames into one template', () => {
  const a = [unit(1, 0.02, 0), unit(1, 0, 0.03), unit(1, -0.02, 0.01), unit(1, 0.01, -0.02)];

  it('averages enough good frames and says how well they agree', () => {
    const steps = feed([good(a[0]!), good(a[1]!), good(a[2]!)]);
    const last = steps.at(-1)!;
    expect(last.done).toBe(true);
    if (!last.done) return;
    expect(last.template[0]).toBeGreaterThan(0.99);
    expect(Math.hypot(...last.template)).toBeCloseTo(1, 5);
    expect(last.agreement).toBeGreaterThan(0.99);
  });

  it('skips frames that failed the gate and remembers why, for the officer', () => {
    const steps = feed([bad('not-frontal', 'blurry'), good(a[0]!), bad('too-small'), good(a[1]!)]);
    expect(steps.map((s) => (s.done ? 'done' : `${s.collected.frames.length}:${s.collected.issue}`))).toEqual([
      '0:not-frontal',
      '1:null',
      '1:too-small',
      '2:null',
    ]);
  });

  it('treats a frame without a template as not good, even if the gate passed', () => {
    const [step] = feed([{ quality: { ok: true, issues: [] } }]);
    expect(step).toEqual({ done: false, collected: { frames: [], issue: 'no-face' } });
  });

  it('starts over when several people are in view (the face in front may have changed)', () => {
    const steps = feed([good(a[0]!), good(a[1]!), bad('several-faces'), good(a[2]!)]);
    const last = steps.at(-1)!;
    expect(last.done).toBe(false);
    if (!last.done) expect(last.collected.frames).toHaveLength(1);
  });

  it('slides an inconsistent frame out instead of sending a mixed template', () => {
    const other = unit(0, 1, 0);
    const steps = feed([good(other), good(a[0]!), good(a[1]!), good(a[2]!)]);
    expect(steps.map((s) => s.done)).toEqual([false, false, false, true]);
    const last = steps.at(-1)!;
    if (last.done) expect(last.template[0]).toBeGreaterThan(0.99);
  });
});

describe('the template as the API takes it', () => {
  it('is base64 of float32 little-endian values, as the server reads them', () => {
    const template = unit(0.5, -0.25, 0.125, 1);
    const bytes = Buffer.from(encodeTemplate(template), 'base64');
    expect(bytes).toHaveLength(16);
    expect([0, 1, 2, 3].map((i) => bytes.readFloatLE(i * 4))).toEqual(Array.from(template));
  });

  it('encodes a 128-value template into the contract shape', () => {
    const template = Float32Array.from({ length: 128 }, (_, i) => Math.sin(i));
    const capture = toCapture(FALLBACK_FACE_MODEL_ID, template);
    expect(capture.model).toBe(FALLBACK_FACE_MODEL_ID);
    expect(capture.live).toBe(true);
    expect(capture.template).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(capture.template, 'base64').readFloatLE(127 * 4)).toBeCloseTo(Math.sin(127), 6);
  });
});

describe('the panel', () => {
  const run = (events: PanelEvent[], from: PanelState = INITIAL_PANEL) => events.reduce(panelReducer, from);

  it('checks a newly called ticket once the camera is ready', () => {
    const waiting = run([{ type: 'ticket', ticketId: 't1', cameraReady: false }]);
    expect(waiting.check).toEqual({ kind: 'idle' });
    const ready = run([{ type: 'ticket', ticketId: 't1', cameraReady: true }], waiting);
    expect(ready.check).toEqual({ kind: 'capturing', ticketId: 't1', good: 0, issue: null });
    expect(isCapturing(ready, 't1')).toBe(true);
    expect(isCapturing(ready, 't2')).toBe(false);
  });

  it('goes from capturing to checking to the answer', () => {
    const state = run([
      { type: 'ticket', ticketId: 't1', cameraReady: true },
      { type: 'progress', ticketId: 't1', good: 2, issue: 'blurry' },
      { type: 'captured', ticketId: 't1' },
      { type: 'answered', ticketId: 't1', result: 'mismatch', score: 0.71 },
    ]);
    expect(state.check).toEqual({ kind: 'result', ticketId: 't1', result: 'mismatch', score: 0.71 });
    expect(toneOf('ready', state.check)).toBe('warn');
  });

  it('keeps the answer when the same ticket is started (called → serving) or the view reloads', () => {
    const answered = run([
      { type: 'ticket', ticketId: 't1', cameraReady: true },
      { type: 'captured', ticketId: 't1' },
      { type: 'answered', ticketId: 't1', result: 'match', score: 0.97 },
    ]);
    expect(run([{ type: 'ticket', ticketId: 't1', cameraReady: true }], answered)).toBe(answered);
  });

  it('does not check a parked ticket again when it comes back, unless asked', () => {
    const state = run([
      { type: 'ticket', ticketId: 't1', cameraReady: true },
      { type: 'captured', ticketId: 't1' },
      { type: 'answered', ticketId: 't1', result: 'no-template', score: null },
      { type: 'ticket', ticketId: 't2', cameraReady: true },
      { type: 'ticket', ticketId: 't1', cameraReady: true },
    ]);
    expect(state.check).toEqual({ kind: 'result', ticketId: 't1', result: 'no-template', score: null });
    const again = run([{ type: 'recheck', ticketId: 't1', cameraReady: true }], state);
    expect(again.check.kind).toBe('capturing');
    expect(again.known['t1']).toBeUndefined();
  });

  it('drops an answer that arrives after the ticket left the counter', () => {
    const state = run([
      { type: 'ticket', ticketId: 't1', cameraReady: true },
      { type: 'captured', ticketId: 't1' },
      { type: 'ticket', ticketId: null, cameraReady: true },
      { type: 'answered', ticketId: 't1', result: 'match', score: 0.95 },
      { type: 'failed', ticketId: 't1', message: 'late' },
    ]);
    expect(state.check).toEqual({ kind: 'idle' });
    expect(state.known['t1']).toEqual({ result: 'match', score: 0.95 });
  });

  it('ignores a re-check while a capture runs, without a ticket, or without a camera', () => {
    const capturing = run([{ type: 'ticket', ticketId: 't1', cameraReady: true }, { type: 'progress', ticketId: 't1', good: 3, issue: null }]);
    expect(run([{ type: 'recheck', ticketId: 't1', cameraReady: true }], capturing)).toBe(capturing);
    expect(run([{ type: 'recheck', ticketId: null, cameraReady: true }]).check.kind).toBe('idle');
    expect(run([{ type: 'recheck', ticketId: 't1', cameraReady: false }]).check.kind).toBe('idle');
  });

  it('gives up and fails visibly, and a re-check starts again', () => {
    const gaveUp = run([{ type: 'ticket', ticketId: 't1', cameraReady: true }, { type: 'gave-up', ticketId: 't1', issue: 'too-dark' }]);
    expect(gaveUp.check).toEqual({ kind: 'gave-up', ticketId: 't1', issue: 'too-dark' });
    expect(toneOf('ready', gaveUp.check)).toBe('problem');
    expect(run([{ type: 'recheck', ticketId: 't1', cameraReady: true }], gaveUp).check.kind).toBe('capturing');
    const failed = run([{ type: 'ticket', ticketId: 't1', cameraReady: true }, { type: 'captured', ticketId: 't1' }, { type: 'failed', ticketId: 't1', message: 'x' }]);
    expect(failed.check).toEqual({ kind: 'failed', ticketId: 't1', message: 'x' });
  });

  it('remembers a bounded number of answers', () => {
    let state = INITIAL_PANEL;
    for (let i = 0; i < 80; i++) {
      state = run([{ type: 'ticket', ticketId: `t${i}`, cameraReady: true }, { type: 'captured', ticketId: `t${i}` }, { type: 'answered', ticketId: `t${i}`, result: 'match', score: 1 }], state);
    }
    expect(Object.keys(state.known)).toHaveLength(50);
    expect(state.known['t79']).toBeDefined();
    expect(state.known['t0']).toBeUndefined();
  });

  it('colours the verdict: problems with the camera first, then the answer', () => {
    expect(toneOf('off', { kind: 'idle' })).toBe('neutral');
    expect(toneOf('no-camera', { kind: 'idle' })).toBe('problem');
    expect(toneOf('starting', { kind: 'idle' })).toBe('busy');
    expect(toneOf('ready', { kind: 'result', ticketId: 't', result: 'match', score: 1 })).toBe('ok');
    expect(toneOf('ready', { kind: 'result', ticketId: 't', result: 'no-template', score: null })).toBe('neutral');
    expect(toneOf('ready', { kind: 'checking', ticketId: 't' })).toBe('busy');
  });

  it('is remembered per counter', () => {
    expect(panelStorageKey('c1')).not.toBe(panelStorageKey('c2'));
  });
});

describe('the re-check key', () => {
  const key = (over: Partial<Parameters<typeof isRecheckKey>[0]>) => ({ key: 'm', code: 'KeyM', ctrlKey: false, altKey: false, metaKey: false, repeat: false, ...over });
  it('is M, in either case or under a Vietnamese input method', () => {
    expect(isRecheckKey(key({}))).toBe(true);
    expect(isRecheckKey(key({ key: 'M' }))).toBe(true);
    expect(isRecheckKey(key({ key: 'Process' }))).toBe(true);
  });
  it('ignores other keys, modified keys and auto-repeat', () => {
    expect(isRecheckKey(key({ key: 'n', code: 'KeyN' }))).toBe(false);
    expect(isRecheckKey(key({ ctrlKey: true }))).toBe(false);
    expect(isRecheckKey(key({ repeat: true }))).toBe(false);
    expect(isRecheckKey(key({ key: 'Process', code: 'KeyN' }))).toBe(false);
  });
});

describe('what an erasure deleted', () => {
  it('names each kind of data, also when none of it was held', () => {
    expect(erasureLines({ remembered: 1, walkIns: 2 })).toEqual([
      { key: 'eraseDoneRemembered', count: 1 },
      { key: 'eraseDoneWalkIns', count: 2 },
    ]);
    expect(erasureLines({ remembered: 0, walkIns: 1 }).map((l) => l.key)).toEqual(['eraseDoneNoRemembered', 'eraseDoneWalkIns']);
    expect(erasureLines({ remembered: 1, walkIns: 0 }).map((l) => l.key)).toEqual(['eraseDoneRemembered', 'eraseDoneNoWalkIns']);
  });
});
