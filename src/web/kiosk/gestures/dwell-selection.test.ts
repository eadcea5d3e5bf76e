import { describe, expect, it } from 'vitest';
import { loadGeneratedHand } from '../../../../test/fixtures/gestures/load';
import { initialDwellState, stepDwell, type DwellEvent, type DwellOptions, type DwellState } from './dwell-selection';
import { initialHandCursorState, stepHandCursor } from './hand-cursor';
import type { Rect, Vec2 } from './landmarks';

/** Two tiles side by side with a 0.04 gap, in screen units. */
const TILES: Rect[] = [
  { x: 0.1, y: 0.3, width: 0.3, height: 0.3 },
  { x: 0.44, y: 0.3, width: 0.3, height: 0.3 },
];
const IN_A: Vec2 = [0.25, 0.45];
const IN_B: Vec2 = [0.59, 0.45];
const GAP: Vec2 = [0.42, 0.45];
const OUTSIDE: Vec2 = [0.9, 0.9];

/** A cursor path as [t, point] samples → events (with times) and the states. */
function play(path: Array<[number, Vec2 | null]>, options: Partial<DwellOptions> = {}) {
  let state: DwellState = initialDwellState;
  const events: Array<DwellEvent & { t: number }> = [];
  const states: DwellState[] = [];
  for (const [t, point] of path) {
    const r = stepDwell(state, { t, point }, TILES, options);
    state = r.state;
    states.push(state);
    events.push(...r.events.map((e) => ({ ...e, t })));
  }
  return { events, states };
}

/** Samples every `step` ms from `from` to `to` at a point (or a function of time). */
const hold = (from: number, to: number, at: Vec2 | null | ((t: number) => Vec2 | null), step = 140): Array<[number, Vec2 | null]> => {
  const out: Array<[number, Vec2 | null]> = [];
  for (let t = from; t <= to; t += step) out.push([t, typeof at === 'function' ? at(t) : at]);
  return out;
};
const selects = (events: DwellEvent[]) => events.filter((e) => e.type === 'select').map((e) => e.index);

describe('dwell selection', () => {
  it('fills over about a second and selects once', () => {
    const { events, states } = play(hold(0, 3000, IN_A));
    expect(selects(events)).toEqual([0]);
    const at = events.find((e) => e.type === 'select')!.t;
    expect(at).toBeGreaterThanOrEqual(1000);
    expect(at).toBeLessThanOrEqual(1000 + 140);
    // Progress grows steadily up to the selection.
    const before = states.slice(0, 7).map((s) => s.progress);
    expect(before).toEqual([...before].sort((a, b) => a - b));
    expect(states[3]!.progress).toBeCloseTo(0.42, 2);
  });

  it('announces the tile under the cursor as the target, and no target when it leaves', () => {
    const { events } = play([...hold(0, 280, IN_A), ...hold(420, 1200, OUTSIDE)]);
    expect(events.filter((e) => e.type === 'target').map((e) => e.index)).toEqual([0, null]);
  });

  it.each([
    ['dwellMs 1500', { dwellMs: 1500 }, 1500],
    ['dwellMs 600', { dwellMs: 600 }, 600],
  ])('honours %s', (_name, options, expected) => {
    const { events } = play(hold(0, 3000, IN_A, 100), options);
    expect(events.find((e) => e.type === 'select')!.t).toBe(expected);
  });

  it('tolerates tremor across the border into the next tile (hysteresis)', () => {
    // Aiming 2% of a tile inside A's right edge, shaking ±0.03 across it: with hysteresis A fills.
    const shaky = (t: number): Vec2 => [0.394 + 0.03 * Math.sin(t / 50), 0.45];
    expect(selects(play(hold(0, 2000, shaky)).events)).toEqual([0]);
    const without = play(hold(0, 2000, shaky), { hysteresis: 0, graceMs: 0 });
    expect(without.events.filter((e) => e.type === 'target').length).toBeGreaterThan(3);
  });

  it('pauses through a brief slip into the gap and resumes', () => {
    const path = [...hold(0, 560, IN_A), [700, GAP] as [number, Vec2], ...hold(840, 2000, IN_A)];
    const { events, states } = play(path, { hysteresis: 0 });
    expect(selects(events)).toEqual([0]);
    expect(states[5]!.progress).toBe(states[4]!.progress);
    expect(events.some((e) => e.type === 'target' && e.index === null)).toBe(false);
  });

  it('resets when the cursor stays out longer than the grace period', () => {
    const path = [...hold(0, 700, IN_A), ...hold(840, 1400, OUTSIDE), ...hold(1540, 2200, IN_A)];
    const { events } = play(path);
    expect(selects(events)).toEqual([]);
    expect(events.filter((e) => e.type === 'target').map((e) => e.index)).toEqual([0, null, 0]);
  });

  it('moves the fill to the tile the cursor settles on', () => {
    const { events } = play([...hold(0, 560, IN_A), ...hold(700, 2500, IN_B)]);
    expect(selects(events)).toEqual([1]);
  });

  it('never selects twice while the cursor stays; leaving and coming back selects again', () => {
    expect(selects(play(hold(0, 6000, IN_A)).events)).toEqual([0]);
    const again = play([...hold(0, 1400, IN_A), ...hold(1540, 2200, OUTSIDE), ...hold(2340, 3800, IN_A)]);
    expect(selects(again.events)).toEqual([0, 0]);
  });

  it('treats a lost hand as leaving: the fill resets at once', () => {
    const { events, states } = play([...hold(0, 560, IN_A), [700, null], ...hold(840, 1500, IN_A)]);
    expect(states[5]!.progress).toBe(0);
    expect(selects(events)).toEqual([]);
  });

  it('does not let one stalled frame complete the fill', () => {
    const { events, states } = play([[0, IN_A], [140, IN_A], [1400, IN_A]]);
    expect(selects(events)).toEqual([]);
    // A 1.26 s gap counts as 500 ms.
    expect(states[2]!.heldMs).toBe(140 + 500);
  });

  it('counts the real time between slow frames: a loaded 2-core kiosk still fills in about a second', () => {
    // Hand models on two busy cores: a frame every ~400 ms (2.5 per second), at times 700 ms.
    const { events, states } = play(hold(0, 3000, IN_A, 400));
    expect(states.slice(0, 3).map((s) => s.progress)).toEqual([0, 0.4, 0.8]);
    expect(events.find((e) => e.type === 'select')!.t).toBe(1200);
    const slower = play(hold(0, 3000, IN_A, 700));
    expect(selects(slower.events)).toEqual([0]);
    // Two 700 ms steps, counted 500 ms each: three frames on the tile, as at 500 ms a frame.
    expect(slower.events.find((e) => e.type === 'select')!.t).toBe(1400);
  });

  it('drops a target that no longer exists (the tiles changed)', () => {
    let state = stepDwell(initialDwellState, { t: 0, point: IN_B }, TILES).state;
    const r = stepDwell(state, { t: 140, point: IN_B }, TILES.slice(0, 1));
    state = r.state;
    expect(state.target).toBeNull();
    expect(r.events).toEqual([{ type: 'target', index: null }]);
  });
});

describe('generated pointing (fingertip model → cursor → dwell)', () => {
  const names = ['gen-steady-select', 'gen-tremor-border', 'gen-passing-over', 'gen-hold-long', 'gen-leave-reenter', 'gen-dropouts'];

  function pipeline(name: string, dwell: Partial<DwellOptions> = {}) {
    const { fixture, frames } = loadGeneratedHand(name);
    let cursor = initialHandCursorState;
    let state = initialDwellState;
    const events: DwellEvent[] = [];
    for (const f of frames) {
      const c = stepHandCursor(cursor, f, { anchor: null, region: fixture.region });
      cursor = c.state;
      const d = stepDwell(state, { t: f.t, point: c.cursor }, fixture.tiles, dwell);
      state = d.state;
      events.push(...d.events);
    }
    return { fixture, events };
  }

  it.each(names)('%s: selects exactly the tiles the person meant', (name) => {
    const { fixture, events } = pipeline(name);
    expect(selects(events)).toEqual(fixture.truth.selects);
  });

  it('with strong tremor at a border, hysteresis keeps one target where plain hit-testing flickers', () => {
    const targets = (dwell: Partial<DwellOptions>) => pipeline('gen-tremor-border', dwell).events.filter((e) => e.type === 'target').length;
    expect(targets({})).toBeLessThanOrEqual(3);
    expect(targets({ hysteresis: 0, graceMs: 0 })).toBeGreaterThan(targets({}) + 3);
  });
});
