/**
 * A citizen's rating of a dossier (DOMAIN-VN §1.5): one overall answer on the centre's scale, optional
 * answers per criterion on the same scale, an optional comment. Each answer keeps what it counts as on
 * the national 3-level scale at the moment it was given, so a later change of the scale or of its 5→3
 * mapping does not rewrite old reports.
 *
 * Also which returned dossiers a counter's rating screen should still ask about. Pure: the caller
 * passes the events and the clock.
 */
import { AppError } from '../shared/app-error';

export type ReportsAs = 'very-satisfied' | 'satisfied' | 'dissatisfied';

export interface ScaleOption {
  value: number;
  reportsAs: ReportsAs;
}

export interface CriterionDefinition {
  key: string;
}

export interface DossierRatingAnswer {
  value: number;
  /** Only the criteria the citizen answered; each is optional. */
  criteria: readonly { key: string; value: number }[];
  comment: string | null;
}

export interface ScoredDossierRating {
  value: number;
  scaleSize: number;
  reportsAs: ReportsAs;
  criteria: { key: string; value: number; reportsAs: ReportsAs }[];
  comment: string | null;
}

export const MAX_COMMENT_LENGTH = 1000;

/** Checks an answer against the scale and criteria in force and maps every value to the 3-level scale. */
export function scoreDossierRating(
  scale: readonly ScaleOption[],
  criteria: readonly CriterionDefinition[],
  answer: DossierRatingAnswer,
): ScoredDossierRating {
  const optionOf = (value: number) => scale.find((o) => o.value === value);
  const overall = optionOf(answer.value);
  if (!overall) throw new AppError('INVALID_SCORE');
  const known = new Set(criteria.map((c) => c.key));
  const seen = new Set<string>();
  const scored = answer.criteria.map((c) => {
    if (!known.has(c.key)) throw new AppError('VALIDATION_FAILED', { detail: `criteria: không có tiêu chí "${c.key}"` });
    if (seen.has(c.key)) throw new AppError('VALIDATION_FAILED', { detail: `criteria: tiêu chí "${c.key}" được trả lời hai lần` });
    seen.add(c.key);
    const option = optionOf(c.value);
    if (!option) throw new AppError('INVALID_SCORE');
    return { key: c.key, value: c.value, reportsAs: option.reportsAs };
  });
  // Listed in the centre's order, whatever order the screen sent them in.
  const order = new Map(criteria.map((c, i) => [c.key, i]));
  scored.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const comment = answer.comment?.trim() || null;
  if (comment && comment.length > MAX_COMMENT_LENGTH) {
    throw new AppError('VALIDATION_FAILED', { detail: `comment: ý kiến tối đa ${MAX_COMMENT_LENGTH} ký tự` });
  }
  return { value: overall.value, scaleSize: scale.length, reportsAs: overall.reportsAs, criteria: scored, comment };
}

/** A dossier may be rated once its result was handed over, and only then. */
export function assertRatable(dossier: { code: string; status: string }): void {
  if (dossier.status !== 'returned') throw new AppError('DOSSIER_NOT_RETURNED', { code: dossier.code, status: dossier.status });
}

export interface CounterEvent {
  type: string;
  at: Date;
  facts: Record<string, unknown>;
}

export interface PendingReturn {
  dossierId: string;
  returnedAt: Date;
  /** When the rating screen stops asking. */
  expiresAt: Date;
}

/**
 * The dossiers returned at a counter that its rating screen still asks about, oldest first.
 * `events` are that counter's `dossier.returned`, `ticket.started` and `ticket.finished` events,
 * newest first. A result is usually handed over while the citizen's ticket is being served:
 * - the question stays open until `timeoutSeconds` after the later of the return and the end of that
 *   service (the visit's own rating is asked first, the dossier's after it);
 * - it closes as soon as the counter starts serving someone else (their ticket.started comes after).
 */
export function pendingReturns(events: readonly CounterEvent[], now: Date, timeoutSeconds: number): PendingReturn[] {
  const pending: PendingReturn[] = [];
  let finishedAfter: Date | null = null;
  for (const e of events) {
    if (e.type === 'ticket.started') break;
    if (e.type === 'ticket.finished') {
      finishedAfter = e.at;
      continue;
    }
    if (e.type !== 'dossier.returned' || typeof e.facts['dossierId'] !== 'string') continue;
    const anchor = finishedAfter && finishedAfter > e.at ? finishedAfter : e.at;
    const expiresAt = new Date(anchor.getTime() + timeoutSeconds * 1000);
    if (expiresAt > now && !pending.some((p) => p.dossierId === e.facts['dossierId'])) {
      pending.push({ dossierId: e.facts['dossierId'] as string, returnedAt: e.at, expiresAt });
    }
  }
  return pending.reverse();
}
