/**
 * Files picked in the browser, turned into the `{ name, contentBase64 }` the catalogue import takes.
 */

/** Bytes → standard base64 (with padding). Built in slices so a 10 MB workbook does not overflow the call stack. */
export function bytesToBase64(input: ArrayBuffer | Uint8Array): string {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

/** Catalogue files the server reads; anything else is refused before it is uploaded. */
export const IMPORT_EXTENSIONS = ['json', 'xlsx', 'csv'] as const;
export const IMPORT_ACCEPT = '.json,.xlsx,.csv,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function hasImportExtension(name: string): boolean {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && (IMPORT_EXTENSIONS as readonly string[]).includes(ext);
}

/** Reads one picked file with FileReader. */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(bytesToBase64(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function filesToUpload(files: readonly File[]): Promise<{ name: string; contentBase64: string }[]> {
  const out: { name: string; contentBase64: string }[] = [];
  // One at a time: a folder of large workbooks read in parallel would hold them all in memory twice.
  for (const file of files) out.push({ name: file.name, contentBase64: await readFileBase64(file) });
  return out;
}
