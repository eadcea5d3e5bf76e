/**
 * A second process adding face keys to a key store folder at the same time as others (for the key
 * store's concurrency test): `tsx key-store-writer.ts <dir> <count> <sync dir>` says it is ready
 * (a file `ready-<pid>` in the sync dir), waits for a file `go` there, adds <count> keys, then prints
 * one JSON line `{ keys: { <id>: <key hex> }, errors, from, to }`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileKeyStore } from '../../src/server/face/key-store';

const [dir, count, syncDir] = process.argv.slice(2);
const errors: string[] = [];
const store = new FileKeyStore(dir!, { error: (_f, m) => errors.push(m), warn: () => undefined });
const keys: Record<string, string> = {};
writeFileSync(join(syncDir!, `ready-${process.pid}`), '');
while (!existsSync(join(syncDir!, 'go'))) await new Promise((r) => setTimeout(r, 2));
const from = Date.now();
await Promise.all(
  Array.from({ length: Number(count) }, async () => {
    const id = randomUUID();
    keys[id] = (await store.create(id)).toString('hex');
  }),
);
const to = Date.now();
await store.close();
process.stdout.write(`${JSON.stringify({ keys, errors, from, to })}\n`);
