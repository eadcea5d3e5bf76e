/**
 * How long a citizen will wait. People ahead who compete for the same counters, each costing the
 * rolling average service time of their own field, shared among the counters open for the field.
 * The estimate is recorded with the ticket and compared with the real wait, so its error is a KPI.
 */
import { defaultNextTicketPolicy, type Candidate } from './next-ticket.policy';

export interface WaitEstimateInput {
  /** Waiting tickets ahead, by field. */
  aheadByField: Readonly<Record<string, number>>;
  /** Rolling average service time (seconds) per field; missing fields use the default. */
  averageServiceSeconds: Readonly<Record<string, number>>;
  defaultServiceSeconds: number;
  /** Counters open now for the ticket's field; when none is open yet, the staffed-later count. */
  openCounters: number;
  assignedCounters: number;
}

/** Seconds until the citizen is likely called, or null when no counter serves the field at all. */
export function estimateWaitSeconds(input: WaitEstimateInput): number | null {
  const counters = input.openCounters > 0 ? input.openCounters : input.assignedCounters;
  if (counters <= 0) return null;
  let work = 0;
  for (const [fieldId, count] of Object.entries(input.aheadByField)) {
    work += count * (input.averageServiceSeconds[fieldId] ?? input.defaultServiceSeconds);
  }
  return Math.round(work / counters);
}

/**
 * Tickets that will be called before `target`, among waiting tickets in the fields that compete for
 * the target's counters. Uses the default ordering with equal field weights, i.e. what an average
 * counter serving all those fields would do.
 */
export function ticketsAhead(
  target: Candidate,
  waiting: readonly Candidate[],
  competingFieldIds: readonly string[],
  now: Date,
): Candidate[] {
  const weights: Record<string, number> = {};
  for (const id of competingFieldIds) weights[id] = 1;
  weights[target.fieldId] = 1;
  const pseudoCounter = target.targetCounterId ?? '\u0000any';
  const ranking = defaultNextTicketPolicy({
    counterId: pseudoCounter,
    fieldWeights: weights,
    candidates: waiting.filter(
      (c) => c.id === target.id || c.targetCounterId === null || c.targetCounterId === target.targetCounterId,
    ),
    recentCallsWerePriority: [],
    fairnessQuota: Number.POSITIVE_INFINITY,
    now,
  });
  const index = ranking.findIndex((c) => c.id === target.id);
  return index < 0 ? [] : ranking.slice(0, index);
}

export function countByField(candidates: readonly Candidate[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of candidates) counts[c.fieldId] = (counts[c.fieldId] ?? 0) + 1;
  return counts;
}
