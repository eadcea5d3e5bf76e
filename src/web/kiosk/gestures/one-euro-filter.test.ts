import { describe, expect, it } from 'vitest';
import { ONE_EURO_DEFAULTS, stepOneEuro, type OneEuroOptions, type OneEuroState } from './one-euro-filter';

/** mulberry32, for reproducible noise. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

/** Runs the filter over (t, value) pairs and returns the outputs. */
function run(samples: Array<[number, number]>, options: OneEuroOptions = ONE_EURO_DEFAULTS): number[] {
  let s: OneEuroState | null = null;
  return samples.map(([t, v]) => (s = stepOneEuro(s, v, t, options)).x);
}

/** Frame times like Human's hand models on a kiosk PC: every 117–173 ms. */
function frameTimes(n: number, seed: number): number[] {
  const r = prng(seed);
  const out: number[] = [];
  for (let i = 0, t = 0; i < n; i++, t += 117 + r() * 56) out.push(t);
  return out;
}

const std = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
};

describe('One-Euro filter', () => {
  it('halves the jitter of a fingertip held still', () => {
    const r = prng(1);
    const sigma = 0.01;
    const times = frameTimes(400, 2);
    const out = run(times.map((t) => [t, 0.5 + sigma * gauss(r)])).slice(20);
    expect(std(out) / sigma).toBeLessThan(0.55);
  });

  it('cuts a 5 Hz tremor seen at kiosk frame rates to under a third', () => {
    const amplitude = 0.01;
    const times = frameTimes(400, 3);
    const out = run(times.map((t) => [t, 0.5 + amplitude * Math.sin((2 * Math.PI * 5 * t) / 1000)])).slice(20);
    expect(std(out) / (amplitude / Math.SQRT2)).toBeLessThan(0.33);
  });

  it('follows a steady movement with little lag (0.5 screen/s trails by < 60 ms)', () => {
    const speed = 0.5 / 1000;
    const times = Array.from({ length: 15 }, (_, i) => i * 140);
    const out = run(times.map((t) => [t, 0.1 + speed * t]));
    const lagMs = (0.1 + speed * times[times.length - 1]! - out[out.length - 1]!) / speed;
    expect(lagMs).toBeGreaterThanOrEqual(0);
    expect(lagMs).toBeLessThan(60);
  });

  it('reaches 90% of a jump to another tile within two frames', () => {
    const times = Array.from({ length: 20 }, (_, i) => i * 140);
    const out = run(times.map((t) => [t, t < 700 ? 0.3 : 0.7]));
    const reached = times.findIndex((t, i) => t >= 700 && out[i]! >= 0.3 + 0.9 * 0.4);
    expect(times[reached]! - 700).toBeLessThanOrEqual(280);
  });

  it('lags far less than a plain low-pass filter that is as steady at rest', () => {
    const plain: OneEuroOptions = { ...ONE_EURO_DEFAULTS, beta: 0 };
    const times = Array.from({ length: 15 }, (_, i) => i * 140);
    const ramp = times.map((t): [number, number] => [t, 0.1 + t / 2000]);
    const lag = (out: number[]) => 0.1 + times[times.length - 1]! / 2000 - out[out.length - 1]!;
    expect(lag(run(ramp))).toBeLessThan(lag(run(ramp, plain)) / 4);
  });

  it('starts at the first value and ignores a sample that does not move time forward', () => {
    const s0 = stepOneEuro(null, 0.42, 1000);
    expect(s0.x).toBe(0.42);
    expect(stepOneEuro(s0, 0.9, 1000)).toBe(s0);
    expect(stepOneEuro(s0, 0.9, 900)).toBe(s0);
  });
});
