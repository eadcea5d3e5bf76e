import { describe, expect, it } from 'vitest';
import { loadRecordedHandFrames } from '../../../../test/fixtures/gestures/load';
import { HAND_CURSOR_DEFAULTS, initialHandCursorState, mapToScreen, reachRegion, stepHandCursor, type HandCursorOptions } from './hand-cursor';
import type { HandFrame, Vec2 } from './landmarks';

const hand = (t: number, score: number, tip: Vec2 = [0.5, 0.5]): HandFrame => ({ t, indexTip: tip, score });
const none = (t: number): HandFrame => ({ t, indexTip: null, score: 0 });

/** Feeds frames and returns the cursor and event after each. */
function feed(frames: HandFrame[], options: Partial<HandCursorOptions> = {}) {
  let state = initialHandCursorState;
  return frames.map((f) => {
    const step = stepHandCursor(state, f, options);
    state = step.state;
    return step;
  });
}

describe('hand presence', () => {
  it.each([
    ['three frames at ≥ 0.6 show the cursor on the third', [0.7, 0.65, 0.6], [null, null, 'hand-found']],
    ['a weak frame starts the count again', [0.7, 0.59, 0.7, 0.7], [null, null, null, null]],
    ['a missing frame starts the count again', [0.7, null, 0.7, 0.7, 0.7], [null, null, null, null, 'hand-found']],
  ] as const)('%s', (_name, scores, events) => {
    const frames = scores.map((s, i) => (s === null ? none(i * 140) : hand(i * 140, s)));
    expect(feed(frames).map((s) => s.event?.type ?? null)).toEqual(events);
  });

  it('holds the cursor through two missing frames and drops it on the third', () => {
    const steps = feed([hand(0, 0.9), hand(140, 0.9), hand(280, 0.9), none(420), none(560), hand(700, 0.9), none(840), none(980), none(1120)]);
    expect(steps.map((s) => s.cursor !== null)).toEqual([false, false, true, true, true, true, true, true, false]);
    expect(steps[8]!.event).toEqual({ type: 'hand-lost' });
  });

  it('honours other counts', () => {
    const steps = feed([hand(0, 0.9), none(140)], { acquireFrames: 1, loseFrames: 1 });
    expect(steps.map((s) => s.event?.type)).toEqual(['hand-found', 'hand-lost']);
  });
});

describe('mapping the fingertip to the screen', () => {
  const region = { x: 0.2, y: 0.3, width: 0.6, height: 0.5 };
  it.each([
    ['region centre → screen centre', [0.5, 0.55], [0.5, 0.5]],
    ["camera left (the citizen's right) → screen right", [0.2, 0.3], [1, 0]],
    ['camera right → screen left', [0.8, 0.8], [0, 1]],
    ['outside the region is clamped to the screen edge', [0.05, 0.95], [1, 1]],
  ] as const)('%s', (_name, tip, screen) => {
    const p = mapToScreen(tip, region, true);
    expect(p[0]).toBeCloseTo(screen[0], 9);
    expect(p[1]).toBeCloseTo(screen[1], 9);
  });

  it('does not mirror when told the image already is', () => {
    expect(mapToScreen([0.2, 0.3], region, false)).toEqual([0, 0]);
  });

  it('anchors the reach region below the face, three face widths wide', () => {
    const r = reachRegion({ x: 0.4, y: 0.1, width: 0.2, height: 0.27 }, HAND_CURSOR_DEFAULTS);
    expect(r.width).toBeCloseTo(0.6, 9);
    expect(r.x + r.width / 2).toBeCloseTo(0.5, 9);
    // Starts at about chin height and is as tall as 2.3 face widths (in pixels, on a 4:3 image).
    expect(r.y).toBeGreaterThan(0.1 + 0.27 / 2);
    expect(r.height).toBeCloseTo(2.3 * 0.2 * (4 / 3), 9);
  });

  it('keeps an anchored region inside the image, and falls back to the fixed one without a face', () => {
    const r = reachRegion({ x: 0.7, y: 0.5, width: 0.3, height: 0.4 }, HAND_CURSOR_DEFAULTS);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(1 + 1e-9);
    expect(r.y + r.height).toBeLessThanOrEqual(1 + 1e-9);
    expect(reachRegion(null, HAND_CURSOR_DEFAULTS)).toEqual(HAND_CURSOR_DEFAULTS.region);
  });

  it('freezes the region when the hand is found, so a moving head does not drag the cursor', () => {
    const face = { x: 0.4, y: 0.1, width: 0.2, height: 0.27 };
    const moved = { ...face, x: 0.1 };
    const frames: HandFrame[] = [0, 1, 2, 3].map((i) => ({ ...hand(i * 140, 0.9, [0.5, 0.6]), faceBox: i < 3 ? face : moved }));
    const steps = feed(frames);
    expect(steps[3]!.cursor![0]).toBeCloseTo(steps[2]!.cursor![0], 6);
  });
});

describe('recorded hands (Human on real hand photos moved along a path)', () => {
  it('finds the hand within two seconds, keeps it, and follows one hand, never jumping to the other', () => {
    const { frames } = loadRecordedHandFrames('hand-photo-path');
    const steps = feed(frames);
    // At least three good frames; a frame where the score dips under 0.6 starts the count again.
    const found = steps.findIndex((s) => s.event?.type === 'hand-found');
    expect(found).toBeGreaterThanOrEqual(2);
    expect(frames[found]!.t).toBeLessThan(2000);
    expect(steps.slice(found).every((s) => s.cursor !== null)).toBe(true);
    // Two hands are in view; the fingertip never jumps between them (they are > 0.15 apart).
    const tips = frames.map((f) => f.indexTip!);
    for (let i = 1; i < tips.length; i++) {
      const dt = (frames[i]!.t - frames[i - 1]!.t) / 1000;
      const jump = Math.hypot(tips[i]![0] - tips[i - 1]![0], tips[i]![1] - tips[i - 1]![1]);
      expect(jump).toBeLessThan(0.06 + 0.6 * dt);
    }
  });

  it('holds the cursor still during each pause and moves it mirrored between them', () => {
    const { fixture, frames } = loadRecordedHandFrames('hand-photo-path');
    const steps = feed(frames);
    const during = ([from, to]: [number, number]) =>
      steps.filter((_, i) => frames[i]!.t >= from + 300 && frames[i]!.t <= to).map((s) => s.cursor!);
    const pauses = fixture.truth.pauses!.map(during);
    for (const cursor of pauses) {
      const xs = cursor.map((c) => c[0]);
      const ys = cursor.map((c) => c[1]);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(0.03);
      expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(0.03);
    }
    // The photo moved left (camera), then right: the cursor went right, then left.
    // Between the first two pauses the photo moved right in the camera image; the cursor moved left.
    const meanX = (c: Vec2[]) => c.reduce((s, p) => s + p[0], 0) / c.length;
    const cameraX = ([from, to]: [number, number]) => meanX(frames.filter((f) => f.t >= from + 300 && f.t <= to).map((f) => f.indexTip!));
    const [first, second] = fixture.truth.pauses!;
    expect(cameraX(second!)).toBeGreaterThan(cameraX(first!) + 0.1);
    expect(meanX(pauses[1]!)).toBeLessThan(meanX(pauses[0]!) - 0.1);
  });
});

describe('recorded false hands (Human on portraits without any hand)', () => {
  it.each(['false-hand-ear', 'false-hand-face', 'false-hand-background'])('%s: no cursor ever appears', (name) => {
    const { frames } = loadRecordedHandFrames(name);
    expect(feed(frames).some((s) => s.cursor !== null)).toBe(false);
  });

  it('a false "fist" by the ear stays ≥ 0.6 for a second: only the face-relative checks keep it out', () => {
    const unfiltered = loadRecordedHandFrames('false-hand-ear', { minSizeToFace: 0, faceInset: 1 }).frames;
    expect(feed(unfiltered).some((s) => s.event?.type === 'hand-found')).toBe(true);
    const filtered = loadRecordedHandFrames('false-hand-ear').frames;
    expect(filtered.every((f) => f.indexTip === null)).toBe(true);
  });
});
