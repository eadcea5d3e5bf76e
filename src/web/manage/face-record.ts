/**
 * The face processing record as tables: every kind of data, every consent choice and every audited
 * action has a row, also when its count is zero (an inspector must see "0", not a missing line).
 * Pure, so the page and its print-out read the same rows and they can be tested without a browser.
 */
import type { FaceRecord } from '../../contracts/api';
import { FACE_SEARCH_KINDS, type FaceSearchKind } from '../../contracts/face';

export type HeldKind = FaceRecord['held'][number]['kind'];
export const HELD_KINDS: readonly HeldKind[] = ['walk-in', 'remembered'];

export interface HeldRow {
  kind: HeldKind;
  count: number;
  oldest: string | null;
  newest: string | null;
  /** When the next template of this kind is deleted; null for remembered templates (until withdrawn). */
  nextExpiry: string | null;
}

export function heldRows(record: Pick<FaceRecord, 'held'>): HeldRow[] {
  return HELD_KINDS.map((kind) => {
    const row = record.held.find((h) => h.kind === kind);
    return row ? { ...row } : { kind, count: 0, oldest: null, newest: null, nextExpiry: null };
  });
}

export function totalHeld(record: Pick<FaceRecord, 'held'>): number {
  return record.held.reduce((n, h) => n + h.count, 0);
}

export type ConsentScope = keyof FaceRecord['consentsLast30Days'];
/** The kiosk's choices in the order it offers them. */
export const CONSENT_SCOPES: readonly ConsentScope[] = ['today', 'remember', 'declined'];

export function consentRows(record: Pick<FaceRecord, 'consentsLast30Days'>): { scope: ConsentScope; count: number }[] {
  return CONSENT_SCOPES.map((scope) => ({ scope, count: record.consentsLast30Days[scope] }));
}

/** Audited actions on templates, in the order of a template's life; then 1:N searches and encryption of older templates. */
export const AUDIT_ACTIONS = ['create', 'read', 'delete', 'erase', 'purge', 'search', 'seal'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRow {
  action: string;
  /** Whether the page has words for this action (an action added later is still listed, by its code). */
  known: boolean;
  entries: number;
  templates: number;
}

export function auditRows(record: Pick<FaceRecord, 'accessLast30Days'>): AuditRow[] {
  const byAction = new Map(record.accessLast30Days.map((a) => [a.action, a]));
  const rows: AuditRow[] = AUDIT_ACTIONS.map((action) => ({
    action,
    known: true,
    entries: byAction.get(action)?.entries ?? 0,
    templates: byAction.get(action)?.templates ?? 0,
  }));
  for (const a of record.accessLast30Days) {
    if (!(AUDIT_ACTIONS as readonly string[]).includes(a.action)) rows.push({ action: a.action, known: false, entries: a.entries, templates: a.templates });
  }
  return rows;
}

export interface SearchRow {
  kind: FaceSearchKind;
  searches: number;
  match: number;
  noMatch: number;
  ambiguous: number;
  /** Walk-in searches that gave the person back the number they held; null for the other kinds. */
  reused: number | null;
  /** Templates looked through, all searches together. */
  templates: number;
}

/** One row per kind of 1:N search, zeros included, in the order kiosk → kiosk → counter. */
export function searchRows(record: Pick<FaceRecord, 'searchesLast30Days'>): SearchRow[] {
  return FACE_SEARCH_KINDS.map((kind) => {
    const rows = record.searchesLast30Days.filter((r) => r.kind === kind);
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
    return {
      kind,
      searches: sum((r) => r.searches),
      match: sum((r) => (r.outcome === 'match' ? r.searches : 0)),
      noMatch: sum((r) => (r.outcome === 'no-match' ? r.searches : 0)),
      ambiguous: sum((r) => (r.outcome === 'ambiguous' ? r.searches : 0)),
      reused: kind === 'walk-in-reuse' ? sum((r) => (r.reused ? r.searches : 0)) : null,
      templates: sum((r) => r.templates),
    };
  });
}

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * What the page says about the threshold in use. The default was calibrated on Western faces only
 * (docs/face-recognition.md): any value is "not locally calibrated" as far as this page can know,
 * and one below the default also accepts more look-alikes.
 */
export type ThresholdAdvice = 'below-default' | 'default' | 'above-default';

export function thresholdAdvice(threshold: number, calibrated: number): ThresholdAdvice {
  const diff = Math.round((threshold - calibrated) * 1e6);
  if (diff < 0) return 'below-default';
  return diff === 0 ? 'default' : 'above-default';
}
