/**
 * Verification metrics of a face recognition model over a labelled set, as pure functions.
 * A pair "matches" when its score is ≥ the threshold. FMR (= FAR) is the share of impostor pairs that
 * match, FNMR (= 1 − TAR) the share of genuine pairs that do not.
 */

export interface PairScores {
  genuine: number[];
  impostor: number[];
}

/** Cosine scores of every pair of templates (normalised vectors), split by same / different identity. */
export function scoreAllPairs(identities: readonly (readonly ArrayLike<number>[])[]): PairScores {
  const flat: { id: number; t: ArrayLike<number> }[] = [];
  identities.forEach((templates, id) => templates.forEach((t) => flat.push({ id, t })));
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    for (let j = i + 1; j < flat.length; j++) {
      const a = flat[i]!.t, b = flat[j]!.t;
      let s = 0;
      for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
      (flat[i]!.id === flat[j]!.id ? genuine : impostor).push(s);
    }
  }
  return { genuine, impostor };
}

export function ratesAtThreshold(scores: PairScores, threshold: number): { fmr: number; fnmr: number } {
  const accepted = scores.impostor.filter((s) => s >= threshold).length;
  const rejected = scores.genuine.filter((s) => s < threshold).length;
  return {
    fmr: scores.impostor.length ? accepted / scores.impostor.length : 0,
    fnmr: scores.genuine.length ? rejected / scores.genuine.length : 0,
  };
}

/** A threshold strictly above `value` that no double between them can fall into. */
function justAbove(value: number): number {
  return value + Math.max(Math.abs(value), 1) * 4 * Number.EPSILON;
}

/**
 * The lowest threshold whose FMR is ≤ `fmr`. With N impostor pairs at most ⌊fmr·N⌋ of them may
 * match, so below 1/N the answer is "above every impostor" (the measurement cannot say more).
 */
export function thresholdAtFmr(impostor: readonly number[], fmr: number): number {
  if (impostor.length === 0) return -Infinity;
  const allowed = Math.floor(fmr * impostor.length + 1e-9);
  if (allowed >= impostor.length) return -Infinity;
  const sorted = [...impostor].sort((a, b) => b - a);
  return justAbove(sorted[allowed]!);
}

/** Share of genuine pairs accepted at the lowest threshold with FMR ≤ `fmr`. */
export function tarAtFmr(scores: PairScores, fmr: number): number {
  return 1 - ratesAtThreshold(scores, thresholdAtFmr(scores.impostor, fmr)).fnmr;
}

/**
 * Equal error rate: over every threshold where the rates can change, the point where FMR and FNMR
 * are closest; the EER is their mean there (and the threshold is returned with it).
 */
export function equalErrorRate(scores: PairScores): { eer: number; threshold: number } {
  if (!scores.genuine.length || !scores.impostor.length) return { eer: Number.NaN, threshold: Number.NaN };
  const all = [...new Set([...scores.genuine, ...scores.impostor])].sort((a, b) => a - b);
  const candidates = [...all, justAbove(all[all.length - 1]!)];
  const gen = [...scores.genuine].sort((a, b) => a - b);
  const imp = [...scores.impostor].sort((a, b) => a - b);
  let best = { gap: Infinity, eer: Number.NaN, threshold: Number.NaN };
  let g = 0; // genuine below the threshold
  let i = 0; // impostors below the threshold
  for (const t of candidates) {
    while (g < gen.length && gen[g]! < t) g++;
    while (i < imp.length && imp[i]! < t) i++;
    const fnmr = g / gen.length;
    const fmr = (imp.length - i) / imp.length;
    const gap = Math.abs(fmr - fnmr);
    if (gap < best.gap) best = { gap, eer: (fmr + fnmr) / 2, threshold: t };
  }
  return { eer: best.eer, threshold: best.threshold };
}

export interface VerificationReport {
  genuinePairs: number;
  impostorPairs: number;
  eer: number;
  tarAtFar1e3: number;
  fnmrAtFmr1e4: number;
  threshold: number;
  fmrAtThreshold: number;
  fnmrAtThreshold: number;
}

export function verificationReport(scores: PairScores, threshold: number): VerificationReport {
  const at = ratesAtThreshold(scores, threshold);
  return {
    genuinePairs: scores.genuine.length,
    impostorPairs: scores.impostor.length,
    eer: equalErrorRate(scores).eer,
    tarAtFar1e3: tarAtFmr(scores, 1e-3),
    fnmrAtFmr1e4: 1 - tarAtFmr(scores, 1e-4),
    threshold,
    fmrAtThreshold: at.fmr,
    fnmrAtThreshold: at.fnmr,
  };
}
