/**
 * A stable text for "has this procedure changed?": saving a draft whose fingerprint equals the
 * current version's creates no new version. `source` is left out, so moving or renaming the import
 * file does not look like a change of the procedure. Pure.
 */
import type { ProcedureDraft } from './procedure';

export function draftFingerprint(draft: ProcedureDraft): string {
  const { source: _source, ...content } = draft;
  return canonicalJson(content);
}

/** JSON with object keys sorted at every depth and `undefined` members dropped; arrays keep order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
