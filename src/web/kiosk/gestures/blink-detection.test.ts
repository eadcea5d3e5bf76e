import { describe, expect, it } from 'vitest';
import { loadFaceFrames } from '../../../../test/fixtures/gestures/load';
import { detectBlinks } from './blink-detection';
import { eyeAspectRatio, type FaceFrame } from './landmarks';

/** A still face from a recording, to vary one thing at a time. */
const base = loadFaceFrames('live-blink').frames[0]!;
const OPEN = { left: 0.3, right: 0.32 };

/** Frames every 130 ms; `eyes(t)` gives the openness as a fraction of OPEN, `pose(t)` changes the head. */
function sequence(
  ms: number,
  eyes: (t: number) => number | { left: number; right: number },
  pose: (t: number) => Partial<Pick<FaceFrame, 'yaw' | 'pitch'>> & { squeeze?: number } = () => ({}),
): FaceFrame[] {
  const out: FaceFrame[] = [];
  for (let t = 0; t <= ms; t += 130) {
    const e = eyes(t);
    const k = typeof e === 'number' ? { left: e, right: e } : e;
    const { squeeze = 0, ...angles } = pose(t);
    // A picture tipped back: everything shrinks vertically about the face centre.
    const cy = base.shape.reduce((s, p) => s + p[1], 0) / base.shape.length;
    const shape = base.shape.map(([x, y]) => [x, cy + (y - cy) * (1 - squeeze)] as const);
    out.push({ ...base, ...angles, t, shape, eyeOpenness: { left: OPEN.left * k.left, right: OPEN.right * k.right } });
  }
  return out;
}
const blinkAt = (start: number, ms: number, depth = 0.3) => (t: number) => (t >= start && t < start + ms ? depth : 1);

describe('blink detection (table)', () => {
  it.each([
    ['a blink caught on one frame', blinkAt(1300, 130), 1],
    ['a blink caught on two frames', blinkAt(1300, 260), 1],
    ['two blinks', (t: number) => Math.min(blinkAt(1300, 130)(t), blinkAt(2860, 260)(t)), 2],
    ['a partly caught blink (eyes at 65%)', blinkAt(1300, 130, 0.65), 1],
    ['eyes that only narrow (to 80%)', blinkAt(1300, 260, 0.8), 0],
    ['eyes closed for 0.8 s (resting them, not blinking)', blinkAt(1300, 780), 0],
    ['one eye shut (a wink, or a glitch on one eye)', (t: number) => (t === 1300 ? { left: 0.2, right: 1 } : 1), 0],
    ['eyes still open', () => 1, 0],
  ] as const)('%s → %i', (_name, eyes, count) => {
    expect(detectBlinks(sequence(4000, eyes))).toHaveLength(count);
  });

  it('a blink just after the face appeared counts, once the open eyes after it give their open level', () => {
    // Frames 0 and 130 open, 260 shut, 390 open: two frames before the blink are not enough on their own.
    expect(detectBlinks(sequence(2000, blinkAt(260, 130)))).toEqual([expect.objectContaining({ start: 260, reopenedAt: 390, certainAt: 390 })]);
    // Shut on the second frame: certain only once a third open frame is there.
    expect(detectBlinks(sequence(2000, blinkAt(130, 130)))).toEqual([expect.objectContaining({ start: 130, reopenedAt: 260, certainAt: 390 })]);
    expect(detectBlinks(sequence(2000, blinkAt(130, 130)).slice(0, 3))).toEqual([]);
  });

  it('never takes the first frame of a face for the closed one (no open frame before it)', () => {
    expect(detectBlinks(sequence(2000, blinkAt(0, 130)))).toHaveLength(0);
  });

  it('ignores lids lowered by looking down', () => {
    const lookDown = sequence(3000, blinkAt(1300, 130), (t) => ({ pitch: base.pitch + (t >= 1300 && t < 1430 ? 8 : 0) }));
    expect(detectBlinks(lookDown)).toHaveLength(0);
  });

  it('ignores eyes squeezed together with the whole face (a picture tipped back)', () => {
    const tipped = sequence(3000, blinkAt(1300, 130, 0.6), (t) => ({ squeeze: t >= 1300 && t < 1430 ? 0.4 : 0 }));
    expect(detectBlinks(tipped)).toHaveLength(0);
  });

  it('reports when each blink became certain: at the frame the eyes opened again', () => {
    const [b] = detectBlinks(sequence(3000, blinkAt(1300, 260)));
    expect(b).toMatchObject({ start: 1300, end: 1430, reopenedAt: 1560, certainAt: 1560 });
    expect(b!.depth).toBeCloseTo(0.3, 2);
  });
});

describe('blink detection on recorded sequences', () => {
  it.each(['live-blink', 'live-blink-b'])('%s: every blink found lies in a blink of the script, and most are found', (name) => {
    const { fixture, frames } = loadFaceFrames(name);
    const truth = fixture.truth.blinks!;
    const found = detectBlinks(frames);
    for (const b of found) {
      expect(truth.some(([from, to]) => b.start >= from - 100 && b.end <= to + 100)).toBe(true);
    }
    expect(found.length).toBeGreaterThanOrEqual(truth.length - 1);
  });

  it.each(['live-turns', 'live-turns-b', 'live-nods', 'looking-around', 'photo-moved', 'photo-tilted'])('%s: no blink', (name) => {
    expect(detectBlinks(loadFaceFrames(name).frames)).toEqual([]);
  });

  it.each(['live-turns', 'live-turns-b', 'live-nods', 'looking-around', 'photo-moved', 'photo-tilted'])(
    '%s: no blink either when the face is first seen at any of its frames (little history to go by)',
    (name) => {
      const all = loadFaceFrames(name).frames;
      for (let i = 0; i < all.length - 3; i++) expect(detectBlinks(all.slice(i))).toEqual([]);
    },
  );

  it.each(['live-blink', 'live-blink-b'])('%s: each blink is found when the face was first seen open only one or two frames before it', (name) => {
    const { frames } = loadFaceFrames(name);
    const openLevel = (f: FaceFrame) => f.eyeOpenness.left + f.eyeOpenness.right;
    const typical = [...frames].map(openLevel).sort((x, y) => x - y)[Math.floor(frames.length / 2)]!;
    const caught = detectBlinks(frames);
    expect(caught.length).toBeGreaterThanOrEqual(3);
    for (const b of caught) {
      // The last frame before the blink with the eyes open (a face first seen mid-blink is another case).
      const before = frames.findLastIndex((f) => f.t < b.start && openLevel(f) >= 0.9 * typical);
      for (const first of [before, before - 1]) {
        const found = detectBlinks(frames.slice(first));
        // The same closed frames (it may read open again a frame sooner, against a different baseline).
        expect(found[0], `${name}: the blink at ${b.start}, face first seen at frame ${first}`).toMatchObject({ start: expect.any(Number) });
        expect(found[0]!.start <= b.end && found[0]!.end >= b.start).toBe(true);
      }
    }
  });
});

describe('eye aspect ratio', () => {
  it('is the mean lid gap over the corner distance', () => {
    const mesh: Array<[number, number]> = [];
    // Right eye: corners 33 and 133 20 px apart; lids 160/144, 159/145, 158/153 4, 6 and 5 px apart.
    mesh[33] = [0, 0];
    mesh[133] = [20, 0];
    [[160, 144, 4], [159, 145, 6], [158, 153, 5]].forEach(([u, l, gap], k) => {
      mesh[u!] = [5 + 5 * k, -gap! / 2];
      mesh[l!] = [5 + 5 * k, gap! / 2];
    });
    expect(eyeAspectRatio(mesh, 'right')).toBeCloseTo(5 / 20, 9);
    expect(eyeAspectRatio(mesh, 'left')).toBeNaN();
  });
});
