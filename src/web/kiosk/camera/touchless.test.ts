import { describe, expect, it } from 'vitest';
import { loadFaceFrames, loadGeneratedHand } from '../../../../test/fixtures/gestures/load';
import type { GestureKioskEvent } from '../gestures/kiosk-input';
import { initialTouchless, planFrame, resetTouchless, stepTouchless, type TouchlessState } from './touchless';

describe('choosing without touching', () => {
  it('pointing and holding on a tile fills its ring and chooses it, like a number key and Enter', () => {
    const { fixture, frames } = loadGeneratedHand('gen-steady-select');
    let state: TouchlessState = initialTouchless;
    const events: GestureKioskEvent[] = [];
    let fullest = 0;
    for (const hand of frames) {
      const step = stepTouchless(state, { t: hand.t, hand, face: null, tiles: fixture.tiles }, { cursor: { anchor: null, region: fixture.region } });
      state = step.state;
      events.push(...step.events);
      fullest = Math.max(fullest, step.view.progress);
    }
    const confirmed = events.flatMap((e, i) => (e.type === 'confirm' ? [events[i - 1]] : []));
    expect(confirmed).toEqual(fixture.truth.selects.map((index) => ({ type: 'highlight', index })));
    expect(fullest).toBe(1);
  });

  it('a turn of the head moves the mark and a nod confirms', () => {
    const turns = loadFaceFrames('live-turns-b').frames;
    const nods = loadFaceFrames('live-nods').frames.map((f) => ({ ...f, t: f.t + 20_000 }));
    let state: TouchlessState = initialTouchless;
    const events: GestureKioskEvent[] = [];
    for (const face of [...turns, ...nods]) {
      const step = stepTouchless(state, { t: face.t, hand: null, face, tiles: [] });
      state = step.state;
      events.push(...step.events);
    }
    expect(events).toEqual([
      { type: 'move', delta: -1 },
      { type: 'move', delta: 1 },
      { type: 'move', delta: 1 },
      { type: 'confirm' },
      { type: 'confirm' },
      { type: 'confirm' },
    ]);
  });

  it('a hand still resting where the previous screen had a choice does not choose on the new screen', () => {
    const { fixture, frames } = loadGeneratedHand('gen-hold-long');
    let state: TouchlessState = initialTouchless;
    const confirms: number[] = [];
    let reset = false;
    for (const hand of frames) {
      const step = stepTouchless(state, { t: hand.t, hand, face: null, tiles: fixture.tiles }, { cursor: { anchor: null, region: fixture.region } });
      state = step.state;
      if (step.events.some((e) => e.type === 'confirm')) confirms.push(hand.t);
      // The screen changes as soon as the first choice is made.
      if (confirms.length === 1 && !reset) {
        state = resetTouchless(state);
        reset = true;
      }
    }
    expect(confirms).toHaveLength(1);
  });

  it('without a hand there is no cursor and no ring', () => {
    const step = stepTouchless(initialTouchless, { t: 0, hand: null, face: null, tiles: [] });
    expect(step.view).toEqual({ cursor: null, target: null, progress: 0 });
    expect(step.events).toEqual([]);
  });
});

describe('which models run on a frame', () => {
  const plan = (choosing: boolean, describe: boolean, pointing: boolean) =>
    [0, 1, 2, 3, 4, 5].map((tick) => planFrame({ choosing, describe, pointing, tick }));

  it('outside the choosing screens: no hand models; the recognition model whenever it is wanted', () => {
    expect(plan(false, true, false).every((p) => !p.hands && p.describe)).toBe(true);
    expect(plan(false, false, false).every((p) => !p.hands && !p.describe)).toBe(true);
  });

  it('while choosing, the hands and the recognition model take turns (the face runs on every frame)', () => {
    const frames = plan(true, true, false);
    expect(frames.every((p) => p.hands !== p.describe)).toBe(true);
    expect(frames.filter((p) => p.hands)).toHaveLength(3);
    expect(plan(true, false, false).filter((p) => p.hands)).toHaveLength(3);
  });

  it('right after a key, a touch or a new screen the hand models rest: the recognition model gets every frame', () => {
    const frames = [0, 1, 2, 3].map((tick) => planFrame({ choosing: true, describe: true, pointing: false, tick, handsRest: true }));
    expect(frames.every((p) => !p.hands && p.describe)).toBe(true);
    const faceOnly = [0, 1, 2, 3].map((tick) => planFrame({ choosing: true, describe: false, pointing: false, tick, handsRest: true }));
    expect(faceOnly.every((p) => !p.hands && !p.describe)).toBe(true);
  });

  it('a hand already pointing is still followed while the hands rest', () => {
    const frames = [0, 1, 2].map((tick) => planFrame({ choosing: true, describe: false, pointing: true, tick, handsRest: true }));
    expect(frames.every((p) => p.hands)).toBe(true);
  });

  it('a pointing hand gets every frame; the template waits its turn', () => {
    const frames = plan(true, true, true);
    expect(frames.every((p) => p.hands)).toBe(true);
    expect(frames.filter((p) => p.describe)).toHaveLength(2);
  });
});

describe('frames where the hand model skipped', () => {
  it('keep the cursor and the ring where they were', () => {
    const { fixture, frames } = loadGeneratedHand('gen-steady-select');
    let state: TouchlessState = initialTouchless;
    let last = null as ReturnType<typeof stepTouchless>['view'] | null;
    for (const hand of frames.slice(0, 12)) {
      const step = stepTouchless(state, { t: hand.t, hand, face: null, tiles: fixture.tiles }, { cursor: { anchor: null, region: fixture.region } });
      state = step.state;
      last = step.view;
    }
    expect(last!.cursor).not.toBeNull();
    const skipped = stepTouchless(state, { t: frames[12]!.t, hand: undefined, face: null, tiles: fixture.tiles });
    expect(skipped.view).toEqual(last);
    expect(skipped.events).toEqual([]);
  });
});
