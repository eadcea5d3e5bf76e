import { describe, expect, it } from 'vitest';
import { FACE_MODELS, FALLBACK_FACE_MODEL_ID } from '../../src/contracts/face';

const FACE_TEMPLATE_LENGTH = FACE_MODELS[FALLBACK_FACE_MODEL_ID].templateLength;
import { MemoryKeyStore } from '../../src/server/face/key-store';
import { TemplateVault } from '../../src/server/face/template-vault';
import { FaceGallery, rememberedGroup, walkInGroup } from '../../src/server/services/face-gallery';

/** A deterministic unit vector per seed, and a noisy capture of it. */
function person(seed: number, noise = 0, noiseSeed = 1): Float32Array {
  const v = new Float32Array(FACE_TEMPLATE_LENGTH);
  let x = seed * 2654435761 + noiseSeed * 40503;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  let y = seed * 97 + 13;
  const base = () => ((y = (y * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (let i = 0; i < v.length; i++) v[i] = base() + noise * rand();
  const n = Math.hypot(...v);
  return v.map((value) => value / n);
}

const clock = () => new Date('2026-11-25T03:00:00Z');
const quiet = { error: () => undefined, warn: () => undefined };
const vault = () => new TemplateVault(new MemoryKeyStore(), quiet);
const MODEL = 'face-api-128-aligned';
const fieldA = walkInGroup(MODEL, 'c1', 'f1', '2026-11-25');
const fieldB = walkInGroup(MODEL, 'c1', 'f2', '2026-11-25');

describe('the face gallery', () => {
  it('searches only the asked group and names the owner (ticket or citizen), best first', () => {
    const gallery = new FaceGallery(clock, {}, vault());
    gallery.add({ id: 't1', owner: 'ticket-1', group: fieldA, template: person(1) });
    gallery.add({ id: 't2', owner: 'ticket-2', group: fieldA, template: person(2) });
    gallery.add({ id: 't3', owner: 'ticket-3', group: fieldB, template: person(1) });
    gallery.add({ id: 'r1', owner: 'citizen-1', group: rememberedGroup(MODEL, 'c1'), template: person(1) });

    const hits = gallery.search(fieldA, person(1, 0.05, 7), 3);
    expect(hits.map((h) => h.id)).toEqual(['ticket-1', 'ticket-2']);
    expect(hits[0]!.score).toBeGreaterThan(0.99);
    expect(gallery.search(rememberedGroup(MODEL, 'c1'), person(1, 0.05, 7), 3).map((h) => h.id)).toEqual(['citizen-1']);
    expect(gallery.search(walkInGroup(MODEL, 'c1', 'f9', '2026-11-25'), person(1), 3)).toEqual([]);
    expect(gallery.size()).toBe(4);
    expect(gallery.size(fieldA)).toBe(2);
  });

  it('forgets removed templates and ignores a template of another model length', () => {
    const gallery = new FaceGallery(clock, {}, vault());
    gallery.add({ id: 't1', owner: 'ticket-1', group: fieldA, template: person(1) });
    gallery.add({ id: 'old', owner: 'ticket-x', group: fieldA, template: new Float32Array(512).fill(1 / Math.sqrt(512)) });
    expect(gallery.size(fieldA)).toBe(1);
    expect(gallery.search(fieldA, new Float32Array(512).fill(1 / Math.sqrt(512)), 3)).toEqual([]);
    gallery.remove(['t1', 'unknown']);
    expect(gallery.size()).toBe(0);
    expect(gallery.search(fieldA, person(1), 3)).toEqual([]);
  });

  it('answers the same once a large group is searched through its HNSW graph', async () => {
    // A switch of 40 templates stands in for the ~31,000 of the default.
    const gallery = new FaceGallery(clock, { exactMaxElements: 40 * FACE_TEMPLATE_LENGTH }, vault());
    const group = rememberedGroup(MODEL, 'c1');
    for (let i = 0; i < 300; i++) gallery.add({ id: `r${i}`, owner: `citizen-${i}`, group, template: person(i + 1) });
    await gallery.whenIndexed();
    expect(gallery.stats()).toMatchObject({ templates: 300, hnswGroups: 1, pending: 0 });
    for (const i of [0, 57, 123, 299]) {
      const [best] = gallery.search(group, person(i + 1, 0.05, 3), 3);
      expect(best!.id).toBe(`citizen-${i}`);
    }
    gallery.remove(['r57']);
    expect(gallery.search(group, person(58, 0.05, 3), 3).map((h) => h.id)).not.toContain('citizen-57');
  });
});
