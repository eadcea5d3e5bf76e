import { describe, expect, it } from 'vitest';
import { buildGroupTemplates, evaluateOpenSet, scoreGroupTemplates, seededShuffle, splitIntoGroups, type IdentityPhotos } from '../../src/cli/face-eval-decisions';
import { averageTemplates as coreAverage, dot } from '../../src/core/face/template-math';
import { averageTemplates as kioskAverage } from '../../src/web/face/face-template';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('splitIntoGroups', () => {
  it.each([
    [23, 5, 4],
    [10, 5, 2],
    [9, 5, 1],
    [4, 5, 0],
    [0, 5, 0],
    [7, 1, 7],
  ])('%d photos in groups of %d: %d groups, all full, disjoint, leftover dropped', (n, size, groups) => {
    const result = splitIntoGroups(range(n), size, 'seed');
    expect(result).toHaveLength(groups);
    for (const group of result) expect(group).toHaveLength(size);
    const used = result.flat();
    expect(new Set(used).size).toBe(used.length);
    for (const item of used) expect(item).toBeGreaterThanOrEqual(0);
  });

  it('is fixed by the seed: the same seed gives the same groups, another seed others', () => {
    const items = range(40);
    expect(splitIntoGroups(items, 5, 'a')).toEqual(splitIntoGroups(items, 5, 'a'));
    expect(splitIntoGroups(items, 5, 'a')).not.toEqual(splitIntoGroups(items, 5, 'b'));
    // A real shuffle, not the file order.
    expect(splitIntoGroups(items, 5, 'a').flat()).not.toEqual(range(40));
  });

  it('drops a different leftover depending on the seed (no photo is always left out)', () => {
    const leftOut = new Set<number>();
    for (const seed of range(30)) {
      const used = new Set(splitIntoGroups(range(7), 5, String(seed)).flat());
      for (const i of range(7)) if (!used.has(i)) leftOut.add(i);
    }
    expect(leftOut.size).toBe(7);
  });

  it('refuses a group size that is not a positive integer', () => {
    expect(() => splitIntoGroups([1, 2], 0, 's')).toThrow(RangeError);
    expect(() => splitIntoGroups([1, 2], 2.5, 's')).toThrow(RangeError);
  });

  it('shuffles every element exactly once', () => {
    expect(seededShuffle(range(50), 'x').sort((a, b) => a - b)).toEqual(range(50));
  });
});

/** A unit vector along axis `k` of `n`, tilted by `noise` towards axis `j`. */
function vector(n: number, k: number, noise = 0, j = (k + 1) % n): number[] {
  const v = new Array<number>(n).fill(0);
  v[k] = 1;
  v[j]! += noise;
  return v;
}

describe('buildGroupTemplates', () => {
  const photos: IdentityPhotos[] = [
    { identity: 'ann', templates: range(12).map((i) => vector(8, 0, i / 20, 1 + (i % 3))) },
    { identity: 'bob', templates: range(5).map((i) => vector(8, 4, i / 10, 5)) },
    { identity: 'cy', templates: range(4).map(() => vector(8, 6)) },
  ];

  it('averages each group of 5 with the product\u2019s function, identical to the kiosk\u2019s averaging of frames', () => {
    const sets = buildGroupTemplates(photos, 5, 'seed');
    expect(sets.map((s) => [s.identity, s.templates.length])).toEqual([['ann', 2], ['bob', 1], ['cy', 0]]);
    const groups = splitIntoGroups(photos[0]!.templates, 5, 'seed/ann');
    sets[0]!.templates.forEach((template, g) => {
      expect(template).toEqual(coreAverage(groups[g]!));
      expect(template).toEqual(kioskAverage(groups[g]!));
      expect(dot(template, template)).toBeCloseTo(1, 6);
    });
  });

  it('shuffles each identity by its own name: adding someone does not regroup the others', () => {
    const before = buildGroupTemplates(photos, 5, 'seed');
    const after = buildGroupTemplates([{ identity: 'aaron', templates: range(10).map(() => vector(8, 7)) }, ...photos], 5, 'seed');
    expect(after.slice(1)).toEqual(before);
  });

  it('scores every pair of templates: genuine within an identity, impostor across', () => {
    const scores = scoreGroupTemplates(buildGroupTemplates(photos, 5, 'seed'));
    expect(scores.genuine).toHaveLength(1); // ann's two templates
    expect(scores.impostor).toHaveLength(2); // ann×2 with bob×1
    expect(scores.genuine[0]!).toBeGreaterThan(0.9);
    for (const s of scores.impostor) expect(s).toBeLessThan(0.1);
  });
});

describe('evaluateOpenSet', () => {
  // Hand-made 4-d templates. Sorted by name: amy (0, enrolled), ben (1, stranger), cat (2, enrolled),
  // dan (3, stranger), eve (4, enrolled). Their first photo is the gallery template.
  const amy = [1, 0, 0, 0];
  const cat = [0, 1, 0, 0];
  const eve = [0, 0, 1, 0];
  const unit = (v: number[]) => {
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  const identities: IdentityPhotos[] = [
    // Given out of order on purpose: positions follow the names.
    { identity: 'eve', templates: [eve, unit([0.1, 0, 1, 0])] },
    { identity: 'dan', templates: [unit([1, 0.05, 0, 0]), [0, 0, 0, 1]] },
    { identity: 'cat', templates: [cat, unit([0.2, 1, 0, 0]), unit([1, 1, 0, 0]), unit([0, 0.3, 1, 0])] },
    { identity: 'ben', templates: [[0, 0, 0, 1], unit([0.6, 0.6, 0, 0.5])] },
    { identity: 'amy', templates: [amy, unit([1, 0.1, 0, 0]), unit([0, 0, 0, 1])] },
  ];
  const policy = { threshold: 0.9, minMargin: 0.05 };

  it('decides every visitor with the product rule: reuse, wrong person, missed (ambiguous too), false reuse', () => {
    const report = evaluateOpenSet(identities, policy);
    const outcomes = report.results.map((r) => `${r.identity}#${r.photo}:${r.outcome}`);
    expect(outcomes).toEqual([
      'amy#1:reused', // 0.995 to amy, far from the others
      'amy#2:missed', // nobody above the threshold
      'ben#0:new',
      'ben#1:new', // 0.6-ish to amy and cat: below the threshold
      'cat#1:reused',
      'cat#2:missed', // 0.707 to amy and cat alike: below the threshold
      'cat#3:wrong-person', // closer to eve than to cat
      'dan#0:false-reuse', // a stranger who looks like amy
      'dan#1:new',
      'eve#1:reused',
    ]);
    expect(report).toMatchObject({
      galleryIdentities: 3,
      strangerIdentities: 2,
      probes: 10,
      returningVisitors: 6,
      newVisitors: 4,
      reused: 3,
      wrongPerson: 1,
      missedReuse: 2,
      falseReuse: 1,
      ambiguous: 0,
      falseReuseRate: 1 / 4,
      wrongPersonRate: 1 / 6,
      missedReuseRate: 2 / 6,
    });
  });

  it('counts an ambiguous decision as a missed reuse for a returning visitor and as no reuse for a stranger', () => {
    const twins: IdentityPhotos[] = [
      { identity: 'a-twin', templates: [unit([1, 0.02, 0]), unit([1, 0.01, 0])] },
      { identity: 'b-stranger', templates: [unit([1, 0.01, 0.01])] },
      { identity: 'c-twin', templates: [unit([1, 0, 0.02])] },
    ];
    const report = evaluateOpenSet(twins, policy);
    expect(report.results.map((r) => [r.identity, r.decision.decision, r.outcome])).toEqual([
      ['a-twin', 'ambiguous', 'missed'],
      ['b-stranger', 'ambiguous', 'new'],
    ]);
    expect(report).toMatchObject({ ambiguous: 2, missedReuseRate: 1, falseReuseRate: 0 });
    // Without a margin the same visitors are decided by the best score alone.
    const noMargin = evaluateOpenSet(twins, { threshold: 0.9, minMargin: 0 });
    expect(noMargin.results.map((r) => r.outcome)).toEqual(['reused', 'false-reuse']);
  });

  it('keeps positions for identities without any enrolled photo, and reports rates it cannot measure as null', () => {
    const report = evaluateOpenSet(
      [
        { identity: 'a', templates: [] },
        { identity: 'b', templates: [amy] },
        { identity: 'c', templates: [cat] },
      ],
      policy,
    );
    // a (enrolled position) has no photo; b stays a stranger; c is enrolled and has no other photo.
    expect(report).toMatchObject({ galleryIdentities: 1, strangerIdentities: 1, probes: 1, newVisitors: 1, returningVisitors: 0, falseReuseRate: 0, wrongPersonRate: null, missedReuseRate: null });
  });

  it('refuses an identity given twice (positions would be meaningless)', () => {
    expect(() => evaluateOpenSet([{ identity: 'a', templates: [amy] }, { identity: 'a', templates: [cat] }], policy)).toThrow(RangeError);
  });
});
