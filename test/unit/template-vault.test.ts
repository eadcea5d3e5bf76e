/**
 * Sealed templates: any length opens again with its key; the stored bytes carry no trace of the
 * template's values; a copy on another row, an altered byte, a destroyed or a missing key never
 * opens — and the vault says which of those it was.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeTemplate, float32ToFloat16Bits, normalizeTemplate } from '../../src/core/face/template-math';
import { FileKeyStore, MemoryKeyStore } from '../../src/server/face/key-store';
import { isSealed, TemplateVault } from '../../src/server/face/template-vault';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recorder() {
  const lines: string[] = [];
  return { lines, log: { error: (f: object, m: string) => void lines.push(`${m} ${JSON.stringify(f)}`), warn: (_f: object, m: string) => void lines.push(m) } };
}

function template(length: number, seed: number): Float32Array {
  let x = seed;
  return normalizeTemplate(Array.from({ length }, () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5));
}

/** Whether any 8-byte window of the template's float32 or float16 form appears in `bytes`. */
function leaksTemplate(bytes: Uint8Array, values: Float32Array): boolean {
  const haystack = Buffer.from(bytes);
  const f32 = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const f16 = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => f16.writeUInt16LE(float32ToFloat16Bits(v), i * 2));
  for (const form of [f32, f16]) {
    for (let at = 0; at + 8 <= form.length; at += 4) if (haystack.includes(form.subarray(at, at + 8))) return true;
  }
  return false;
}

describe('the template vault', () => {
  it('seals and opens templates of any model length, with no trace of the values in the stored bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-vault-'));
    dirs.push(dir);
    const keys = new FileKeyStore(dir, recorder().log);
    const vault = new TemplateVault(keys, recorder().log);
    for (const length of [128, 256, 512]) {
      const id = randomUUID();
      const values = template(length, length);
      const sealed = await vault.seal(id, values);
      expect(isSealed(sealed)).toBe(true);
      // The check can fail: the plain encoding does contain the values.
      expect(leaksTemplate(encodeTemplate(values), values)).toBe(true);
      expect(leaksTemplate(sealed, values)).toBe(false);
      const opened = await vault.open(id, sealed);
      expect(opened.status).toBe('open');
      expect(Array.from(opened.status === 'open' ? opened.template : [])).toEqual(Array.from(values));
    }
    await keys.close();
  });

  it('uses a fresh key and nonce each time: the same template sealed twice looks unrelated', async () => {
    const vault = new TemplateVault(new MemoryKeyStore(), recorder().log);
    const values = template(128, 1);
    const a = Buffer.from(await vault.seal(randomUUID(), values));
    const b = Buffer.from(await vault.seal(randomUUID(), values));
    expect(a.length).toBe(b.length);
    expect(a.subarray(2).equals(b.subarray(2))).toBe(false);
    expect(a.subarray(2, 14).equals(b.subarray(2, 14))).toBe(false);
  });

  it('does not open a sealed value moved to another row, nor an altered one', async () => {
    const { lines, log } = recorder();
    const vault = new TemplateVault(new MemoryKeyStore(), log);
    const [a, b] = [randomUUID(), randomUUID()];
    const sealedA = await vault.seal(a, template(128, 1));
    await vault.seal(b, template(128, 2));
    // Even if b's key were the right one, the id is part of the authenticated data.
    expect((await vault.open(b, sealedA)).status).toBe('unreadable');
    const altered = Uint8Array.from(sealedA);
    altered[40]! ^= 1;
    expect((await vault.open(a, altered)).status).toBe('unreadable');
    expect((await vault.open(a, sealedA)).status).toBe('open');
    expect(lines.filter((l) => l.includes('damaged or altered'))).toHaveLength(2);
  });

  it('tells a destroyed key (erased: the row may go) from a missing one (wrong key store: keep the row)', async () => {
    const keys = new MemoryKeyStore();
    const { lines, log } = recorder();
    const vault = new TemplateVault(keys, log);
    const [erased, kept] = [randomUUID(), randomUUID()];
    const rows = [
      { id: erased, template: await vault.seal(erased, template(128, 1)) },
      { id: kept, template: await vault.seal(kept, template(128, 2)) },
    ];
    await vault.destroy([erased]);
    const opened = await vault.openMany(rows);
    expect([opened.get(erased)!.status, opened.get(kept)!.status]).toEqual(['key-destroyed', 'open']);
    expect(lines).toEqual([]);

    const elsewhere = new TemplateVault(new MemoryKeyStore(), log);
    const fromElsewhere = await elsewhere.openMany(rows);
    expect([fromElsewhere.get(erased)!.status, fromElsewhere.get(kept)!.status]).toEqual(['key-missing', 'key-missing']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/keys are not in the face key store \(check FACE_KEYS_DIR\).*"templates":2/);
    const unknown = randomUUID();
    expect(await vault.keyStates([erased, kept, unknown])).toEqual(
      new Map([
        [erased, 'destroyed'],
        [kept, 'live'],
        [unknown, 'absent'],
      ]),
    );
  });

  it('recognises a template stored before encryption', async () => {
    const vault = new TemplateVault(new MemoryKeyStore(), recorder().log);
    const plain = encodeTemplate(template(128, 3));
    expect(isSealed(plain)).toBe(false);
    expect((await vault.open(randomUUID(), plain)).status).toBe('plaintext');
  });
});
