/**
 * What the public lookup page decides without React: whether a typed code can be a dossier code,
 * which headline a status gets, and which dates the citizen should see.
 */
import type { DossierStatus, PublicDossier } from '../../contracts/dossier';

/**
 * Codes look like "000.00.16.H26-261126-0001" or "HOANKIEM-261126-0001". People type them with
 * spaces, in lower case, or paste them from a message with the label: keep letters, digits, dots and
 * hyphens, upper-cased.
 */
export function normaliseCode(input: string): string {
  return input
    .trim()
    .replace(/^m[aã]\s*h[oồ]\s*s[oơ]\s*:?\s*/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

const CODE = /^[A-Z0-9](?:[A-Z0-9.-]{2,62})[A-Z0-9]$/;

export function isDossierCode(code: string): boolean {
  return CODE.test(code);
}

/** The code a slip's QR opens: /lookup?code=…; empty when absent. */
export function codeFromSearch(search: string): string {
  return normaliseCode(new URLSearchParams(search).get('code') ?? '');
}

/** The page address that shows a code, so a reload or a shared link shows it again. */
export function searchForCode(search: string, code: string): string {
  const params = new URLSearchParams(search);
  params.set('code', code);
  return `?${params}`;
}

export type Headline =
  | 'resultReady'
  | 'returned'
  | 'inProgress'
  | 'supplement'
  | 'incomplete'
  | 'refused'
  | 'stopped'
  | 'withdrawn';

export type Tone = 'ok' | 'progress' | 'action' | 'ended';

const HEADLINES: Record<DossierStatus, { headline: Headline; tone: Tone }> = {
  'result-ready': { headline: 'resultReady', tone: 'ok' },
  returned: { headline: 'returned', tone: 'ended' },
  'in-progress': { headline: 'inProgress', tone: 'progress' },
  'supplement-requested': { headline: 'supplement', tone: 'action' },
  incomplete: { headline: 'incomplete', tone: 'action' },
  refused: { headline: 'refused', tone: 'ended' },
  stopped: { headline: 'stopped', tone: 'ended' },
  withdrawn: { headline: 'withdrawn', tone: 'ended' },
};

/** The big line at the top: what the citizen must do now. A ready result wins over anything else. */
export function headlineOf(d: Pick<PublicDossier, 'status' | 'resultReady'>): { headline: Headline; tone: Tone } {
  if (d.resultReady && d.status !== 'returned') return HEADLINES['result-ready'];
  return HEADLINES[d.status];
}

/** Steps done / all, for "2/4 bước đã xong". */
export function stepProgress(steps: PublicDossier['steps']): { done: number; total: number } {
  return { done: steps.filter((s) => s.done).length, total: steps.length };
}

/**
 * The appointment the citizen should plan for: the extended one when an apology moved it later,
 * with the original kept to show as replaced.
 */
export function appointmentOf(d: Pick<PublicDossier, 'dueAt' | 'extendedDueAt'>): { current: string | null; original: string | null } {
  if (d.extendedDueAt && d.extendedDueAt !== d.dueAt) return { current: d.extendedDueAt, original: d.dueAt };
  return { current: d.dueAt, original: null };
}
