/** Files kept as evidence and documents (inspection evidence, self-evaluation proof, frozen exports). */
import { z } from 'zod';

/** The largest file a person may upload: a multi-page scan at office-scanner resolution fits. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const FilePurpose = z.enum(['evidence', 'snapshot', 'document']);
export type FilePurpose = z.infer<typeof FilePurpose>;

export const StoredFileMeta = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** evidence: uploaded by a person; snapshot: an export the product froze; document: a document it printed. */
  purpose: FilePurpose,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** Where to download it (always as an attachment). */
  url: z.string(),
});
export type StoredFileMeta = z.infer<typeof StoredFileMeta>;
