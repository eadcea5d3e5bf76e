/**
 * The One-Euro filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose cut-off rises with
 * the speed of the signal, so a still fingertip is held steady (low cut-off removes jitter) and a
 * moving one is followed with little lag (high cut-off). Pure: `(state, value, t) → state`.
 *
 * Units: the cursor filters normalised screen coordinates (0..1) with time in milliseconds; the
 * parameters below are in hertz and "screens per second".
 */

export interface OneEuroOptions {
  /** Cut-off at rest (Hz). Lower = steadier, more lag when starting to move. */
  minCutoff: number;
  /** How fast the cut-off rises with speed (Hz per unit/s). Higher = less lag when moving fast. */
  beta: number;
  /** Cut-off for the speed estimate (Hz). */
  dCutoff: number;
}

/**
 * Tuned for a fingertip seen at 6–9 frames per second (Human's hand models take 117–173 ms on a kiosk
 * PC) and mapped to 0..1 of the screen: at rest the cut-off is 0.3 Hz; a reach across half the screen
 * in a second raises it to ~3.3 Hz. Measured in one-euro-filter.test.ts: detector jitter at rest is
 * halved (standard deviation), a 5 Hz tremor (aliased at these frame rates) cut to about a quarter, a
 * steady 0.5 screen/s movement trails by ~40 ms, and a jump reaches 90% within one frame.
 */
export const ONE_EURO_DEFAULTS: OneEuroOptions = { minCutoff: 0.3, beta: 6, dCutoff: 0.5 };

export interface OneEuroState {
  t: number;
  x: number;
  dx: number;
}

/** Filters one value; `state` null starts the filter at `value`. Time must increase. */
export function stepOneEuro(state: OneEuroState | null, value: number, t: number, options: OneEuroOptions = ONE_EURO_DEFAULTS): OneEuroState {
  if (state === null) return { t, x: value, dx: 0 };
  const dt = (t - state.t) / 1000;
  if (!(dt > 0)) return state;
  const dxRaw = (value - state.x) / dt;
  const dx = state.dx + smoothing(dt, options.dCutoff) * (dxRaw - state.dx);
  const cutoff = options.minCutoff + options.beta * Math.abs(dx);
  const x = state.x + smoothing(dt, cutoff) * (value - state.x);
  return { t, x, dx };
}

/** The exponential smoothing factor of a first-order low-pass at `cutoff` Hz for a step of dt seconds. */
function smoothing(dt: number, cutoff: number): number {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau / dt);
}
