import { describe, expect, it } from 'vitest';
import { loadFaceFrames } from '../../../../test/fixtures/gestures/load';
import { initialHeadGestureState, stepHeadGestures, type HeadGestureEvent, type HeadGestureOptions } from './head-gestures';

type Pose = { t: number; yaw: number; pitch: number };

/** Linear interpolation through [t, yaw, pitch] keys, sampled every `step` ms (Human at ~7.5 fps). */
function path(keys: Array<[number, number, number]>, step = 133): Pose[] {
  const end = keys[keys.length - 1]![0];
  const out: Pose[] = [];
  for (let t = 0; t <= end; t += step) {
    const k = keys.findIndex(([kt]) => kt >= t);
    const [t1, y1, p1] = keys[Math.max(0, k)]!;
    const [t0, y0, p0] = keys[Math.max(0, k - 1)]!;
    const u = t1 === t0 ? 1 : (t - t0) / (t1 - t0);
    out.push({ t, yaw: y0 + (y1 - y0) * u, pitch: p0 + (p1 - p0) * u });
  }
  return out;
}

function events(poses: Pose[], options: Partial<HeadGestureOptions> = {}): Array<HeadGestureEvent & { t: number }> {
  let state = initialHeadGestureState;
  const out: Array<HeadGestureEvent & { t: number }> = [];
  for (const p of poses) {
    const r = stepHeadGestures(state, p, options);
    state = r.state;
    if (r.event) out.push({ ...r.event, t: p.t });
  }
  return out;
}
const names = (ev: HeadGestureEvent[]) => ev.map((e) => (e.type === 'move' ? `move${e.delta > 0 ? '+' : '-'}` : 'nod'));

// Angles are Human's degrees, which read about half the true angle (see head-gestures.ts).
describe('head gestures (table)', () => {
  it.each([
    ['a turn to the right and back moves forward', [[0, 0, 0], [1000, 0, 0], [1200, 9, 0], [1700, 9, 0], [1900, 0, 0], [2600, 0, 0]], ['move+']],
    ['a turn to the left and back moves back', [[0, 0, 0], [1000, 0, 0], [1200, -9, 0], [1700, -9, 0], [1900, 0, 0], [2600, 0, 0]], ['move-']],
    ['a quick nod confirms', [[0, 0, 0], [1000, 0, 0], [1250, 0, 6], [1500, 0, 0], [2200, 0, 0]], ['nod']],
    ['two turns with a pause between move twice', [[0, 0, 0], [1000, 0, 0], [1200, 9, 0], [1600, 9, 0], [1800, 0, 0], [2500, 0, 0], [2700, 9, 0], [3100, 9, 0], [3300, 0, 0], [4000, 0, 0]], ['move+', 'move+']],
    ['the neutral pose need not be straight ahead (camera above the eyes)', [[0, -3, 8], [1000, -3, 8], [1200, 6, 8], [1700, 6, 8], [1900, -3, 8], [2600, -3, 8]], ['move+']],
  ] as const)('%s', (_name, keys, expected) => {
    expect(names(events(path(keys.map((k) => [...k] as [number, number, number]))))).toEqual(expected);
  });

  it.each([
    ['slow drift of the head', [[0, 0, 0], [6000, 10, 0], [9000, 10, 0]]],
    ['looking away and staying there', [[0, 0, 0], [1000, 0, 0], [1300, 20, 0], [4300, 20, 0], [4600, 0, 0], [5500, 0, 0]]],
    ['a turn held too long (reading a sign)', [[0, 0, 0], [1000, 0, 0], [1200, 9, 0], [3200, 9, 0], [3400, 0, 0], [4200, 0, 0]]],
    ['a glance of one frame', [[0, 0, 0], [1000, 0, 0], [1133, 9, 0], [1266, 0, 0], [2000, 0, 0]]],
    ['a turn while looking down (at a bag on the floor)', [[0, 0, 0], [1000, 0, 0], [1200, 8, 6], [1700, 8, 6], [1900, 0, 0], [2600, 0, 0]]],
    ['a slow, rising turn (a look that drifts aside)', [[0, 0, 0], [1000, 0, 0], [4000, 8, 0], [4400, 8, 0], [4600, 0, 0], [5300, 0, 0]]],
    ['swinging from one side straight to the other', [[0, 0, 0], [1000, 0, 0], [1200, 9, 0], [1500, 9, 0], [1650, -9, 0], [2000, -9, 0], [2200, 0, 0], [2900, 0, 0]]],
    ['head up then down (not a nod)', [[0, 0, 0], [1000, 0, 0], [1250, 0, -6], [1500, 0, 0], [2200, 0, 0]]],
    ['looking down at papers', [[0, 0, 0], [1000, 0, 0], [1400, 0, 7], [3400, 0, 7], [3800, 0, 0], [4500, 0, 0]]],
    ['a bow far deeper than a nod', [[0, 0, 0], [1000, 0, 0], [1300, 0, 14], [1600, 0, 0], [2300, 0, 0]]],
    ['a turn right at the start, before the head has settled', [[0, 0, 0], [100, 9, 0], [600, 9, 0], [800, 0, 0], [1200, 0, 0]]],
  ] as const)('not a command: %s', (_name, keys) => {
    expect(events(path(keys.map((k) => [...k] as [number, number, number])))).toEqual([]);
  });

  it('needs the head back in neutral for a moment before the next command', () => {
    const rushed = path([[0, 0, 0], [1000, 0, 0], [1200, 9, 0], [1600, 9, 0], [1800, 0, 0], [1950, 9, 0], [2400, 9, 0], [2600, 0, 0], [3300, 0, 0]]);
    expect(names(events(rushed))).toEqual(['move+']);
  });

  it('swaps directions when told the tiles run the other way', () => {
    const turn = path([[0, 0, 0], [1000, 0, 0], [1200, 9, 0], [1700, 9, 0], [1900, 0, 0], [2600, 0, 0]]);
    expect(names(events(turn, { rightIsForward: false }))).toEqual(['move-']);
  });

  it('starts over after a gap in the frames (the face was lost)', () => {
    const poses = path([[0, 0, 0], [1000, 0, 0], [1200, 9, 0], [1700, 9, 0], [1900, 0, 0], [2600, 0, 0]]).filter((p) => p.t < 1300 || p.t > 2100);
    expect(events(poses)).toEqual([]);
  });

  it('takes a person who moved as their new neutral pose', () => {
    // Moves to a new spot (yaw 12 for 3 s), then turns from there and back.
    const keys: Array<[number, number, number]> = [[0, 0, 0], [1000, 0, 0], [1300, 12, 0], [5000, 12, 0], [5200, 21, 0], [5700, 21, 0], [5900, 12, 0], [6600, 12, 0]];
    expect(names(events(path(keys)))).toEqual(['move+']);
  });
});

describe('head gestures on recorded sequences', () => {
  const run = (name: string) => {
    const { fixture, frames } = loadFaceFrames(name);
    return { fixture, events: events(frames) };
  };

  it('turns to each side move the highlight, each at the end of its turn', () => {
    const { fixture, events: ev } = run('live-turns');
    // The first turn is to the person's right (Human yaw > 0), the second to their left.
    expect(names(ev)).toEqual(['move+', 'move-']);
    fixture.truth.turns!.forEach((turn, i) => {
      expect(ev[i]!.t).toBeGreaterThan(turn.from);
      expect(ev[i]!.t).toBeLessThan(turn.to + 700);
    });
  });

  it('small turns (~14°) and a slower one count too', () => {
    expect(names(run('live-turns-b').events)).toEqual(['move-', 'move+', 'move+']);
  });

  it('three nods confirm; a slight bob and a look down at the ticket slot do not', () => {
    const { fixture, events: ev } = run('live-nods');
    expect(names(ev)).toEqual(['nod', 'nod', 'nod']);
    fixture.truth.nods!.forEach((nod, i) => {
      expect(ev[i]!.t).toBeGreaterThan(nod.from);
      expect(ev[i]!.t).toBeLessThan(nod.to + 700);
    });
  });

  it.each(['looking-around', 'live-blink', 'live-blink-b', 'photo-moved'])('%s: no command', (name) => {
    expect(run(name).events).toEqual([]);
  });
});
