/** Evidence and document files, kept in the database (one backup, any number of app instances). */
import type { Executor } from './executor';

const META = ['storedFile.id', 'storedFile.centreId', 'storedFile.name', 'storedFile.mediaType', 'storedFile.size', 'storedFile.sha256', 'storedFile.purpose', 'storedFile.createdAt'] as const;

export async function insertStoredFile(
  ex: Executor,
  file: { id: string; centreId: string; name: string; mediaType: string; size: number; sha256: string; content: Uint8Array; purpose: 'evidence' | 'snapshot' | 'document'; createdBy: string | null; createdAt: Date },
): Promise<void> {
  await ex.insertInto('storedFile').values(file).execute();
}

export async function findStoredFileMetas(ex: Executor, centreId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('storedFile')
    .leftJoin('appUser', 'appUser.id', 'storedFile.createdBy')
    .select([...META, 'appUser.fullName as createdByName'])
    .where('storedFile.centreId', '=', centreId)
    .where('storedFile.id', 'in', ids)
    .execute();
}

export async function findStoredFileContent(ex: Executor, centreId: string, id: string) {
  return ex
    .selectFrom('storedFile')
    .select([...META, 'storedFile.content'])
    .where('storedFile.centreId', '=', centreId)
    .where('storedFile.id', '=', id)
    .executeTakeFirst();
}
