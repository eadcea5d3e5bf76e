/**
 * The server's 1:N template index: exact and HNSW search agree on realistic templates, groups
 * filter, changes replay safely (the event log may deliver an event twice), and a snapshot survives
 * a restart.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng, structureFrom, syntheticMoments, TemplateSynthesizer, type LabelledTemplate } from '../../bench/face-bench';
import { dot, normalizeTemplate } from '../../src/core/face/template-math';
import { GallerySnapshots } from '../../src/server/face/gallery-snapshots';
import { MemoryKeyStore } from '../../src/server/face/key-store';
import { readSnapshotHeader, TemplateIndex, type TemplateChange } from '../../src/server/face/template-index';

const DIMS = 128;
const tmp = mkdtempSync(join(tmpdir(), 'motcua-face-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function randomUnit(rng: Rng, dims = DIMS): Float32Array {
  return normalizeTemplate(Array.from({ length: dims }, () => rng.gauss()));
}

/**
 * Templates shaped like real ones (see bench/face-bench.ts): a narrow cone — strangers score
 * ≈0.8, two captures of one person ≈0.95 — generated from a seeded stand-in for the real set
 * (21 people around a common axis) with the parameters the bench fitted to face-api templates.
 */
function realisticSynthesizer(seed: number): TemplateSynthesizer {
  const rng = new Rng(seed);
  const axis = randomUnit(rng);
  const people: LabelledTemplate[] = [];
  for (let p = 0; p < 21; p++) {
    const person = normalizeTemplate(axis.map((v, j) => v + 0.45 * randomUnit(rng)[j]!));
    for (let photo = 0; photo < 5; photo++) {
      people.push({ identity: `p${p}`, template: normalizeTemplate(person.map((v, j) => v + 0.25 * randomUnit(rng)[j]!)) });
    }
  }
  return new TemplateSynthesizer(structureFrom(people), { sigma: 0.33, rho: 0.67, tau: 0.22, lambda: 0.89 });
}

function gallery(synth: TemplateSynthesizer, size: number, seed: number): { identities: Float32Array[]; templates: Float32Array[] } {
  const rng = new Rng(seed);
  const identities: Float32Array[] = [];
  const templates: Float32Array[] = [];
  for (let i = 0; i < size; i++) {
    const identity = new Float32Array(DIMS);
    synth.identity(rng, identity);
    const template = new Float32Array(DIMS);
    synth.capture(identity, rng, template);
    identities.push(identity);
    templates.push(template);
  }
  return { identities, templates };
}

describe('exact and HNSW search on a realistic gallery', () => {
  const synth = realisticSynthesizer(1);
  const { identities, templates } = gallery(synth, 3000, 2);
  const rng = new Rng(3);
  const probes = Array.from({ length: 200 }, (_, i) => {
    const probe = new Float32Array(DIMS);
    // Half are new captures of enrolled people, half strangers.
    if (i % 2 === 0) synth.capture(identities[(i * 7919) % identities.length]!, rng, probe);
    else {
      const stranger = new Float32Array(DIMS);
      synth.identity(rng, stranger);
      synth.capture(stranger, rng, probe);
    }
    return probe;
  });

  it('the gallery really is a narrow cone (what makes it harder than random vectors)', () => {
    const m = syntheticMoments(synth.structure, synth.params, 300);
    expect(m.impostorMean).toBeGreaterThan(0.7);
    expect(m.genuineMean - m.impostorMean).toBeGreaterThan(0.05);
  });

  it('agree on the best match for ≥ 99% of probes, and report exact scores', async () => {
    const exact = new TemplateIndex({ dimensions: DIMS, exactMaxElements: Number.POSITIVE_INFINITY });
    const hnsw = new TemplateIndex({ dimensions: DIMS, exactMaxElements: 0 });
    templates.forEach((t, i) => {
      exact.add(`t${i}`, 'field-1|2026-11-25', t);
      hnsw.add(`t${i}`, 'field-1|2026-11-25', t);
    });
    await hnsw.whenIndexed();
    expect(exact.stats().hnswGroups).toBe(0);
    expect(hnsw.stats()).toMatchObject({ hnswGroups: 1, pending: 0 });

    let agree = 0;
    for (const probe of probes) {
      const e = exact.search(probe, 5);
      const h = hnsw.search(probe, 5);
      if (h[0]!.id === e[0]!.id) agree++;
      // Scores come from the float32 rows, whatever the graph's quantisation.
      const index = Number(h[0]!.id.slice(1));
      expect(h[0]!.score).toBeCloseTo(dot(normalizeTemplate(probe), templates[index]!), 6);
      expect(h.map((x) => x.score)).toEqual([...h.map((x) => x.score)].sort((a, b) => b - a));
    }
    expect(agree / probes.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe('add, remove, groups', () => {
  const rng = new Rng(10);
  const a = randomUnit(rng);
  const b = randomUnit(rng);
  const c = randomUnit(rng);

  it('search is restricted to the filter groups; without a filter it covers all', () => {
    const index = new TemplateIndex({ dimensions: DIMS });
    index.add('x', 'field-A|2026-11-25', a);
    index.add('y', 'field-B|2026-11-25', b);
    index.add('z', 'remembered', c);
    expect(index.search(a, 3, { groupKey: 'field-B|2026-11-25' }).map((h) => h.id)).toEqual(['y']);
    expect(index.search(a, 3, { groupKey: ['field-A|2026-11-25', 'remembered'] }).map((h) => h.id).sort()).toEqual(['x', 'z']);
    expect(index.search(a, 3).map((h) => h.id).sort()).toEqual(['x', 'y', 'z']);
    expect(index.search(a, 1)[0]).toEqual({ id: 'x', groupKey: 'field-A|2026-11-25', score: expect.closeTo(1, 6) });
    expect(index.search(a, 3, { groupKey: 'no-such-group' })).toEqual([]);
  });

  it('remove takes a template out of every search; unknown ids are a no-op', () => {
    const index = new TemplateIndex({ dimensions: DIMS });
    index.add('x', 'g', a);
    index.add('y', 'g', b);
    expect(index.remove('x')).toBe(true);
    expect(index.remove('x')).toBe(false);
    expect(index.remove('never-there')).toBe(false);
    expect(index.search(a, 5).map((h) => h.id)).toEqual(['y']);
    expect(index.has('x')).toBe(false);
    expect(index.size).toBe(1);
    index.remove('y');
    expect(index.stats()).toMatchObject({ templates: 0, groups: 0 });
  });

  it('add is idempotent; a changed template or group replaces the old one', () => {
    const index = new TemplateIndex({ dimensions: DIMS });
    expect(index.add('x', 'g1', a)).toBe('added');
    expect(index.add('x', 'g1', a)).toBe('unchanged');
    // The same direction at another scale is the same template once normalised.
    expect(index.add('x', 'g1', a.map((v) => v * 7))).toBe('unchanged');
    expect(index.size).toBe(1);
    expect(index.add('x', 'g1', b)).toBe('replaced');
    expect(index.search(b, 1)[0]!.id).toBe('x');
    expect(index.add('x', 'g2', b)).toBe('replaced');
    expect(index.search(b, 5, { groupKey: 'g1' })).toEqual([]);
    expect(index.search(b, 5, { groupKey: 'g2' }).map((h) => h.id)).toEqual(['x']);
    expect(index.size).toBe(1);
  });

  it('replaying a stream of changes twice (an event delivered again) gives the same index', () => {
    const changes: TemplateChange[] = [
      { op: 'add', id: 'x', groupKey: 'g', template: a },
      { op: 'add', id: 'y', groupKey: 'g', template: b },
      { op: 'remove', id: 'x' },
      { op: 'add', id: 'z', groupKey: 'h', template: c },
      { op: 'add', id: 'y', groupKey: 'g', template: c },
    ];
    const once = new TemplateIndex({ dimensions: DIMS });
    const twice = new TemplateIndex({ dimensions: DIMS });
    for (const change of changes) once.applyChange(change);
    for (const change of [...changes, ...changes]) twice.applyChange(change);
    for (const q of [a, b, c]) expect(twice.search(q, 5)).toEqual(once.search(q, 5));
    expect(once.search(c, 5).map((h) => h.id).sort()).toEqual(['y', 'z']);
  });

  it('refuses a template or query of the wrong length, and a bad k', () => {
    const index = new TemplateIndex({ dimensions: DIMS });
    expect(() => index.add('x', 'g', new Float32Array(512).fill(1))).toThrow(RangeError);
    expect(() => index.search(new Float32Array(DIMS - 1).fill(1), 1)).toThrow(RangeError);
    expect(() => index.search(a, 0)).toThrow(RangeError);
    expect(() => index.add('x', 'g', new Float32Array(DIMS))).toThrow(RangeError); // zero vector
  });

  it('works for any template length', () => {
    for (const dims of [128, 192, 512, 1024]) {
      const r = new Rng(dims);
      const index = new TemplateIndex({ dimensions: dims });
      const t = randomUnit(r, dims);
      index.add('x', 'g', t);
      index.add('y', 'g', randomUnit(r, dims));
      const [best] = index.search(t, 1);
      expect(best!.id).toBe('x');
      expect(best!.score).toBeCloseTo(1, 6);
    }
  });
});

describe('a group that grows past the switch', () => {
  const rng = new Rng(20);
  const templates = Array.from({ length: 400 }, () => randomUnit(rng));

  it('switches to HNSW above exactMaxElements, stays correct while the graph is being built, and goes back below half', async () => {
    const index = new TemplateIndex({ dimensions: DIMS, exactMaxElements: 100 * DIMS, buildSliceMs: 1 });
    templates.slice(0, 100).forEach((t, i) => index.add(`t${i}`, 'g', t));
    expect(index.stats().hnswGroups).toBe(0);
    templates.slice(100).forEach((t, i) => index.add(`t${i + 100}`, 'g', t));
    expect(index.stats().hnswGroups).toBe(1);
    // Nothing is in the graph yet: the pending rows are scanned exactly, so every template is found.
    expect(index.stats().pending).toBe(400);
    for (const i of [0, 150, 399]) expect(index.search(templates[i]!, 1)[0]!.id).toBe(`t${i}`);

    await index.whenIndexed();
    expect(index.stats().pending).toBe(0);
    for (const i of [0, 150, 399]) expect(index.search(templates[i]!, 1)[0]!.id).toBe(`t${i}`);

    // Removed from the graph: never returned again.
    index.remove('t150');
    expect(index.search(templates[150]!, 5).map((h) => h.id)).not.toContain('t150');

    // Down to 50 rows (below half the switch): exact again.
    for (let i = 0; i < 400; i++) if (i >= 50) index.remove(`t${i}`);
    expect(index.stats()).toMatchObject({ templates: 50, hnswGroups: 0, pending: 0 });
    expect(index.search(templates[10]!, 1)[0]!.id).toBe('t10');
  });

  it('rebuilds the graph once a quarter of it has been removed', async () => {
    const index = new TemplateIndex({ dimensions: DIMS, exactMaxElements: 50 * DIMS });
    templates.forEach((t, i) => index.add(`t${i}`, 'g', t));
    await index.whenIndexed();
    for (let i = 0; i < 80; i++) index.remove(`t${i}`);
    expect(index.stats()).toMatchObject({ removedFromGraphs: 80, pending: 0 }); // 80 of 320: 25%
    index.remove('t80'); // 81 of 319: more than a quarter
    expect(index.stats()).toMatchObject({ removedFromGraphs: 0, pending: 319 });
    await index.whenIndexed();
    for (const i of [81, 200, 399]) expect(index.search(templates[i]!, 1)[0]!.id).toBe(`t${i}`);
  });
});

describe('save and load', () => {
  const rng = new Rng(30);
  const templates = Array.from({ length: 300 }, () => randomUnit(rng));
  const probes = Array.from({ length: 20 }, () => randomUnit(rng));

  async function populated(): Promise<TemplateIndex> {
    const index = new TemplateIndex({ dimensions: DIMS, exactMaxElements: 100 * DIMS });
    templates.forEach((t, i) => index.add(`big-${i}`, 'remembered', t));
    templates.slice(0, 10).forEach((t, i) => index.add(`small-${i}`, 'field-A|2026-11-25', t));
    await index.whenIndexed();
    index.remove('big-7');
    return index;
  }

  it('a loaded snapshot answers exactly like the original, and returns its meta', async () => {
    const index = await populated();
    const dir = join(tmp, 'snapshot');
    index.save(dir, { cursor: '812.5' });
    const { index: loaded, meta } = TemplateIndex.load(dir, { dimensions: DIMS });
    expect(meta).toEqual({ cursor: '812.5' });
    const { templates: n, groups, hnswGroups, pending } = index.stats();
    expect(loaded.stats()).toMatchObject({ templates: n, groups, hnswGroups, pending });
    for (const q of [...probes, templates[3]!]) {
      expect(loaded.search(q, 5, { groupKey: 'remembered' })).toEqual(index.search(q, 5, { groupKey: 'remembered' }));
      expect(loaded.search(q, 3, { groupKey: 'field-A|2026-11-25' })).toEqual(index.search(q, 3, { groupKey: 'field-A|2026-11-25' }));
    }
    expect(loaded.has('big-7')).toBe(false);

    // Life goes on after a load: adds, idempotent re-adds, removes.
    expect(loaded.add('big-0', 'remembered', templates[0]!)).toBe('unchanged');
    expect(loaded.add('new', 'remembered', probes[0]!)).toBe('added');
    loaded.remove('big-1');
    await loaded.whenIndexed();
    expect(loaded.search(probes[0]!, 1)[0]!.id).toBe('new');
    expect(loaded.search(templates[1]!, 5).map((h) => h.id)).not.toContain('big-1');
  });

  it('saving again replaces the snapshot atomically (no temporary directory is left)', async () => {
    const index = await populated();
    const dir = join(tmp, 'again');
    index.save(dir, 1);
    index.remove('big-0');
    index.save(dir, 2);
    expect(TemplateIndex.load(dir).meta).toBe(2);
    expect(TemplateIndex.load(dir).index.has('big-0')).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.startsWith('again'))).toEqual(['again']);
  });

  it('a snapshot whose graph file is lost still loads, and rebuilds the graph', async () => {
    const index = await populated();
    const dir = join(tmp, 'no-graph');
    index.save(dir);
    const graph = readdirSync(dir).find((f) => f.endsWith('.usearch'))!;
    rmSync(join(dir, graph));
    const { index: loaded } = TemplateIndex.load(dir);
    expect(loaded.stats().pending).toBe(299);
    expect(loaded.search(templates[3]!, 1)[0]!.id).toBe('big-3'); // exact on pending rows meanwhile
    await loaded.whenIndexed();
    expect(loaded.search(templates[3]!, 1)[0]!.id).toBe('big-3');
  });

  it('a truncated graph file is detected before usearch reads it (it would abort the process) and rebuilt', async () => {
    const index = await populated();
    const dir = join(tmp, 'truncated-graph');
    index.save(dir);
    const graph = join(dir, readdirSync(dir).find((f) => f.endsWith('.usearch'))!);
    writeFileSync(graph, readFileSync(graph).subarray(0, 1000));
    const { index: loaded } = TemplateIndex.load(dir);
    expect(loaded.stats().pending).toBe(299);
    await loaded.whenIndexed();
    expect(loaded.search(templates[5]!, 1)[0]!.id).toBe('big-5');
  });

  it('refuses a snapshot whose templates were altered (the caller reloads from the database)', async () => {
    const index = await populated();
    const dir = join(tmp, 'altered-rows');
    index.save(dir);
    const rows = join(dir, readdirSync(dir).find((f) => f.endsWith('.f32'))!);
    const bytes = readFileSync(rows);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(rows, bytes);
    expect(() => TemplateIndex.load(dir)).toThrow(/damaged/);
  });

  it('refuses a snapshot of another template length', async () => {
    const index = await populated();
    const dir = join(tmp, 'length');
    index.save(dir);
    expect(() => TemplateIndex.load(dir, { dimensions: 512 })).toThrow(/128/);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  describe('sealed', () => {
    const key = randomBytes(32);
    /** Does any file of the snapshot hold this template's float32 bytes in clear? */
    const holdsInClear = (dir: string, template: Float32Array) => {
      const needle = Buffer.from(template.buffer, template.byteOffset, 64);
      return readdirSync(dir).some((f) => readFileSync(join(dir, f)).includes(needle));
    };

    it('no file holds a template, an id or the groups in clear; with its key it answers like the original', async () => {
      const index = await populated();
      const dir = join(tmp, 'sealed');
      const saved = index.save(dir, { cursor: 'x' }, { seal: { key, keyRef: 'k-1' }, onlyGraphGroups: true });
      expect(saved).toHaveLength(299);
      expect(saved).not.toContain('small-0');
      expect(readSnapshotHeader(dir)).toEqual({ keyRef: 'k-1', dimensions: DIMS });
      for (const file of readdirSync(dir)) {
        const text = readFileSync(join(dir, file)).toString('latin1');
        expect(text).not.toContain('big-3');
        expect(text).not.toContain('remembered');
      }
      const stored = index.search(templates[3]!, 1)[0]!;
      expect(stored.id).toBe('big-3');
      expect(holdsInClear(dir, normalizeTemplate(templates[3]!))).toBe(false);
      // The same check finds the bytes in a plain snapshot, so it can fail.
      index.save(join(tmp, 'plain'));
      expect(holdsInClear(join(tmp, 'plain'), normalizeTemplate(templates[3]!))).toBe(true);

      const { index: loaded, meta } = TemplateIndex.load(dir, { dimensions: DIMS }, { key });
      expect(meta).toEqual({ cursor: 'x' });
      expect(loaded.stats()).toMatchObject({ templates: 299, groups: 1, hnswGroups: 1, pending: 0 });
      for (const q of probes) expect(loaded.search(q, 5)).toEqual(index.search(q, 5, { groupKey: 'remembered' }));
      // No plaintext graph is left behind in the scratch space.
      expect(readdirSync('/dev/shm').filter((f) => f.startsWith(`motcua-graph-${process.pid}-`))).toEqual([]);
    });

    it('cannot be read without its key, or with another one', async () => {
      const index = await populated();
      const dir = join(tmp, 'sealed-keys');
      index.save(dir, null, { seal: { key, keyRef: 'k-2' } });
      expect(() => TemplateIndex.load(dir)).toThrow(/sealed/);
      expect(() => TemplateIndex.load(dir, {}, { key: randomBytes(32) })).toThrow();
      expect(TemplateIndex.load(dir, {}, { key }).index.size).toBe(309);
    });

    it('an altered sealed file is refused', async () => {
      const index = await populated();
      const dir = join(tmp, 'sealed-altered');
      index.save(dir, null, { seal: { key, keyRef: 'k-3' } });
      const rows = join(dir, readdirSync(dir).find((f) => f.endsWith('.f32'))!);
      const bytes = readFileSync(rows);
      bytes[200] = bytes[200]! ^ 0x01;
      writeFileSync(rows, bytes);
      expect(() => TemplateIndex.load(dir, {}, { key })).toThrow();
    });

    it('a sealed graph that fails to authenticate is rebuilt from the rows', async () => {
      const index = await populated();
      const dir = join(tmp, 'sealed-graph');
      index.save(dir, null, { seal: { key, keyRef: 'k-4' }, scratchDir: tmp });
      const graph = join(dir, readdirSync(dir).find((f) => f.endsWith('.usearch'))!);
      const bytes = readFileSync(graph);
      bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0x01;
      writeFileSync(graph, bytes);
      const { index: loaded } = TemplateIndex.load(dir, {}, { key, scratchDir: tmp });
      expect(loaded.stats().pending).toBe(299);
      await loaded.whenIndexed();
      expect(loaded.search(templates[5]!, 1)[0]!.id).toBe('big-5');
      expect(readdirSync(tmp).filter((f) => f.startsWith('motcua-graph-'))).toEqual([]);
    });
  });

  it('a save that crashed leaves nothing readable behind: its folder is removed and its key destroyed', async () => {
    const index = await populated();
    const location = join(tmp, 'leftovers');
    const keys = new MemoryKeyStore();
    const snapshots = new GallerySnapshots(location, keys, { error: () => undefined, warn: () => undefined });
    expect(await snapshots.save('face-api-128-aligned', index)).not.toBeNull();
    // A crashed save of another process: complete files and manifest, never renamed into place.
    const keyRef = '0b0b0b0b-0000-4000-8000-00000000dead';
    const crashed = join(location, 'face-api-128-aligned.tmp-99999');
    index.save(crashed, null, { seal: { key: await keys.create(keyRef), keyRef } });
    const fresh = join(location, 'face-api-128-aligned.tmp-99998');
    index.save(fresh, null, { seal: { key: await keys.create('0b0b0b0b-0000-4000-8000-00000000beef'), keyRef: '0b0b0b0b-0000-4000-8000-00000000beef' } });
    const hourAgo = new Date(Date.now() - 3700_000);
    utimesSync(crashed, hourAgo, hourAgo);
    expect(await snapshots.load('face-api-128-aligned', { dimensions: DIMS })).not.toBeNull();
    expect(existsSync(crashed)).toBe(false);
    expect((await keys.read(keyRef)).state).toBe('destroyed');
    // One written moments ago may be another instance's save under way: left alone.
    expect(existsSync(fresh)).toBe(true);
  });
});
