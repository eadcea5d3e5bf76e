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

  describe('on a screen that needs a deliberate choice ("remember me?")', () => {
    /**
     * Runs a generated hand path; after the first choice the screen changes to a deliberate one with
     * the same choices in the same places (the worst layout). `gap`: the detector misses the hand on
     * that many frames just after the change; `sway`: the whole person (face and hand together) moves
     * by that much of the camera image over the second after the change; `face: false`: no face in view.
     */
    function run(name: string, { gap = 0, deliberate = true, sway = [0, 0] as [number, number], face = true } = {}) {
      const { fixture, frames } = loadGeneratedHand(name);
      let state: TouchlessState = initialTouchless;
      const tiles = fixture.tiles;
      let changed = false;
      const selected: number[] = [];
      const rings: number[] = [];
      let missed = 0;
      let changedAt = 0;
      for (const recorded of frames) {
        let hand = changed && missed < gap ? { ...recorded, indexTip: null } : recorded;
        if (hand !== recorded) missed++;
        const k = changed ? Math.min(1, (hand.t - changedAt) / 1000) : 0;
        const [dx, dy] = [sway[0] * k, sway[1] * k];
        const box = hand.faceBox!;
        hand = {
          ...hand,
          indexTip: hand.indexTip && [hand.indexTip[0] + dx, hand.indexTip[1] + dy],
          faceBox: face ? { ...box, x: box.x + dx, y: box.y + dy } : null,
        };
        const step = stepTouchless(state, { t: hand.t, hand, face: null, tiles }, { cursor: { anchor: null, region: fixture.region } });
        state = step.state;
        if (selected.length === 1) rings.push(step.view.progress);
        step.events.forEach((e, i) => {
          if (e.type === 'confirm') selected.push((step.events[i - 1] as { index: number }).index);
        });
        if (selected.length === 1 && !changed) {
          changed = true;
          changedAt = hand.t;
          state = resetTouchless(state, { deliberate });
        }
      }
      return { selected, rings };
    }

    it('a hand resting where it chose never chooses, even with a choice right under it', () => {
      // gen-hold-long keeps pointing at tile 5 for 4.5 s: 3 s past its first choice, three dwell times.
      const { selected, rings } = run('gen-hold-long');
      expect(selected).toEqual([5]);
      expect(rings.length).toBeGreaterThan(10);
      expect(Math.max(...rings)).toBe(0);
    });

    it('nor after the hand detector lost it for a moment (which used to let the choice under it fill again)', () => {
      // Lost for 4 frames (~0.6 s), found again where it was: still the same resting hand.
      expect(run('gen-hold-long', { gap: 4 }).selected).toEqual([5]);
      expect(run('gen-hold-long', { gap: 4, deliberate: false }).selected).toEqual([5, 5]);
    });

    it('nor when the whole person sways or steps aside with the hand still raised: the face moves with it', () => {
      // A quarter of the image: the cursor (its region frozen in the image) crosses onto another choice.
      expect(run('gen-hold-long', { sway: [-0.15, 0.05] }).selected).toEqual([5]);
      // Without the face in view the camera cannot tell that from pointing elsewhere.
      expect(run('gen-hold-long', { sway: [-0.15, 0.05], face: false }).selected).toHaveLength(2);
    });

    it('a hand that moves away to another choice and holds there chooses it', () => {
      // gen-steady-select: tile 1 held 1.8 s, then a reach to tile 6 held 1.6 s.
      const { selected } = run('gen-steady-select');
      expect(selected).toEqual([1, 6]);
    });

    /** A generated hand path from `from` ms on, on a deliberate screen from its first frame. */
    function fromStart(name: string, from = 0): number[] {
      const { fixture, frames } = loadGeneratedHand(name);
      let state = resetTouchless(initialTouchless, { deliberate: true });
      const selected: number[] = [];
      for (const hand of frames.filter((f) => f.t >= from)) {
        const step = stepTouchless(state, { t: hand.t, hand, face: null, tiles: fixture.tiles }, { cursor: { anchor: null, region: fixture.region } });
        state = step.state;
        step.events.forEach((e, i) => e.type === 'confirm' && selected.push((step.events[i - 1] as { index: number }).index));
      }
      return selected;
    }

    it('a hand raised after the screen appeared chooses once it has moved: reaching for a choice is such a move', () => {
      expect(fromStart('gen-steady-select')).toEqual(loadGeneratedHand('gen-steady-select').fixture.truth.selects);
    });

    it('a raised hand first seen (or first found by the detector) where it rests does not choose', () => {
      // gen-hold-long from 1.5 s: the reach is over, the hand holds tile 5 for 3.5 s.
      expect(fromStart('gen-hold-long', 1500)).toEqual([]);
    });
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
