/**
 * A manager uploads catalogue files from the browser. They are written to a private temporary folder
 * and read by the same reader the CLI uses, so both import paths parse the same way.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ImportReport } from '../../contracts/dossier';
import { AppError } from '../../core/shared/app-error';
import { readCatalogueSource } from '../catalogue/read-catalogue-source';
import { importCatalogue } from './catalogue';
import type { Actor, ServiceContext } from './context';
import { assertManager } from './manage-reference';

const ACCEPTED = /\.(json|xlsx|csv)$/i;

export async function importUploadedCatalogue(
  ctx: ServiceContext,
  actor: Actor,
  files: readonly { name: string; contentBase64: string }[],
): Promise<ImportReport> {
  assertManager(actor);
  const folder = await mkdtemp(join(tmpdir(), 'motcua-catalogue-'));
  try {
    for (const [index, file] of files.entries()) {
      // The uploaded name only picks the parser; the path is ours, so no name can escape the folder.
      const name = basename(file.name).replace(/[^\p{L}\p{N}._-]/gu, '_');
      if (!ACCEPTED.test(name)) {
        throw new AppError('CATALOGUE_FILE_INVALID', { source: file.name, detail: 'chỉ nhận tệp .json, .xlsx hoặc .csv' });
      }
      await writeFile(join(folder, `${String(index).padStart(4, '0')}-${name}`), Buffer.from(file.contentBase64, 'base64'));
    }
    const parsed = await readCatalogueSource(folder);
    // Warnings name the file the manager chose, not the temporary copy.
    for (const w of parsed.warnings) w.source = w.source.replace(folder + '/', '').replace(/^\d{4}-/, '');
    for (const d of parsed.drafts) d.source = d.source.replace(folder + '/', '').replace(/^\d{4}-/, '');
    return await importCatalogue(ctx, actor.centreId, actor.id, parsed, describeFiles(files.map((f) => basename(f.name))));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** "3 tệp: a.json, b.json, c.json" — a long upload is named by its first files and its count. */
export function describeFiles(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length <= 3 ? shown : `${names.length} tệp: ${shown}, …`;
}
