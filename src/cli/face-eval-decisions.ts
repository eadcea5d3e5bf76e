/**
 * What `face:eval` measures beyond pairs of photos, as pure functions: the decisions the product
 * actually takes.
 * - Templates: the kiosk enrols the average of several frames, so photos of each identity are split
 *   (seeded, deterministic) into disjoint groups that are averaged with the product's own
 *   averageTemplates, and every pair of those templates is scored.
 * - Open set: a gallery of enrolled people and a stream of visitors, some returning and some never
 *   seen, each decided by the product's reuse rule (decideMatch: best score ≥ threshold and a lead
 *   over the second-best identity ≥ margin). A stranger given someone's number is the harmful error.
 */
import { averageTemplates, decideMatch, dot, type FaceTemplate, type MatchDecision, type MatchPolicy } from '../core/face/template-math';
import { scoreAllPairs, type PairScores } from './face-eval-metrics';

/** One identity's enrolled photos (templates of the photos that passed the pipeline), in file order. */
export interface IdentityPhotos {
  identity: string;
  templates: readonly ArrayLike<number>[];
}

/** 32-bit FNV-1a: turns a text seed into a number, so every identity gets its own shuffle. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and the same on every platform (Math.random is neither seeded nor stable). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in an order fixed by `seed` (Fisher–Yates). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const random = seededRandom(hashSeed(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Disjoint groups of exactly `size` items, in a seeded order; the leftover (fewer than `size`) is dropped. */
export function splitIntoGroups<T>(items: readonly T[], size: number, seed: string): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`group size must be a positive integer, got ${size}`);
  const shuffled = seededShuffle(items, seed);
  const groups: T[][] = [];
  for (let start = 0; start + size <= shuffled.length; start += size) groups.push(shuffled.slice(start, start + size));
  return groups;
}

export interface IdentityTemplates {
  identity: string;
  templates: FaceTemplate[];
}

/**
 * Each identity's photos in disjoint groups of `imagesPerTemplate`, each group averaged into one
 * template as the kiosk averages frames. The shuffle of an identity depends on the seed and its
 * name only, so adding a person to the folder does not reshuffle the others.
 */
export function buildGroupTemplates(identities: readonly IdentityPhotos[], imagesPerTemplate: number, seed: string): IdentityTemplates[] {
  return identities.map(({ identity, templates }) => ({
    identity,
    templates: splitIntoGroups(templates, imagesPerTemplate, `${seed}/${identity}`).map((group) => averageTemplates(group)),
  }));
}

/** Scores of every pair of group templates, genuine when both belong to the same identity. */
export function scoreGroupTemplates(sets: readonly IdentityTemplates[]): PairScores {
  return scoreAllPairs(sets.map((s) => s.templates));
}

// ---------------------------------------------------------------------------------------------
// Open set
// ---------------------------------------------------------------------------------------------

/**
 * - `reused`: a returning visitor recognised as themselves;
 * - `wrong-person`: a returning visitor matched to someone else;
 * - `missed`: a returning visitor matched to nobody (no match, or ambiguous between two people);
 * - `false-reuse`: a stranger matched to someone in the gallery;
 * - `new`: a stranger matched to nobody.
 */
export type OpenSetOutcome = 'reused' | 'wrong-person' | 'missed' | 'false-reuse' | 'new';

export interface OpenSetProbe {
  identity: string;
  /** Position of the photo among the identity's enrolled photos (0 is the enrolment photo). */
  photo: number;
  returning: boolean;
  decision: MatchDecision;
  outcome: OpenSetOutcome;
}

export interface OpenSetReport {
  galleryIdentities: number;
  strangerIdentities: number;
  probes: number;
  returningVisitors: number;
  newVisitors: number;
  reused: number;
  wrongPerson: number;
  missedReuse: number;
  falseReuse: number;
  /** Probes (returning or new) whose best candidate cleared the threshold but not the margin. */
  ambiguous: number;
  /** Strangers matched to anyone; null without strangers. */
  falseReuseRate: number | null;
  /** Returning visitors matched to someone else; null without returning visitors. */
  wrongPersonRate: number | null;
  /** Returning visitors matched to nobody, "ambiguous" included; null without returning visitors. */
  missedReuseRate: number | null;
  results: OpenSetProbe[];
}

const byName = (a: IdentityPhotos, b: IdentityPhotos) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);

/**
 * Identities sorted by name (code-unit order, the same on every machine); even positions (0, 2, …)
 * are enrolled with a template from their first enrolled photo, odd positions are strangers. Every
 * other photo of an enrolled identity is a returning visitor, every photo of a stranger a new one,
 * and each is decided by `decideMatch` over the whole gallery. Positions count every identity given,
 * so an identity with no enrolled photo keeps its place (and simply adds no one).
 */
export function evaluateOpenSet(identities: readonly IdentityPhotos[], policy: MatchPolicy): OpenSetReport {
  const sorted = [...identities].sort(byName);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.identity === sorted[i - 1]!.identity) throw new RangeError(`identity "${sorted[i]!.identity}" appears twice`);
  }
  const gallery: { id: string; template: FaceTemplate }[] = [];
  const probes: { identity: string; photo: number; returning: boolean; template: ArrayLike<number> }[] = [];
  let strangerIdentities = 0;
  sorted.forEach(({ identity, templates }, position) => {
    const enrolled = position % 2 === 0;
    if (!enrolled && templates.length > 0) strangerIdentities++;
    templates.forEach((template, photo) => {
      if (enrolled && photo === 0) gallery.push({ id: identity, template: averageTemplates([template]) });
      else probes.push({ identity, photo, returning: enrolled, template });
    });
  });

  const results: OpenSetProbe[] = probes.map(({ identity, photo, returning, template }) => {
    const decision = decideMatch(
      gallery.map((g) => ({ id: g.id, score: dot(template, g.template) })),
      policy,
    );
    const matched = decision.decision === 'match' ? decision.id : null;
    const outcome: OpenSetOutcome = returning
      ? matched === identity ? 'reused' : matched !== null ? 'wrong-person' : 'missed'
      : matched !== null ? 'false-reuse' : 'new';
    return { identity, photo, returning, decision, outcome };
  });

  const count = (outcome: OpenSetOutcome) => results.filter((r) => r.outcome === outcome).length;
  const returningVisitors = results.filter((r) => r.returning).length;
  const newVisitors = results.length - returningVisitors;
  const rate = (n: number, of: number) => (of === 0 ? null : n / of);
  return {
    galleryIdentities: gallery.length,
    strangerIdentities,
    probes: results.length,
    returningVisitors,
    newVisitors,
    reused: count('reused'),
    wrongPerson: count('wrong-person'),
    missedReuse: count('missed'),
    falseReuse: count('false-reuse'),
    ambiguous: results.filter((r) => r.decision.decision === 'ambiguous').length,
    falseReuseRate: rate(count('false-reuse'), newVisitors),
    wrongPersonRate: rate(count('wrong-person'), returningVisitors),
    missedReuseRate: rate(count('missed'), returningVisitors),
    results,
  };
}
