/**
 * Which waiting ticket a counter calls next. A policy is a pure function from the counter, the
 * waiting candidates and the counter's recent calls to a ranking (best first); the service tries the
 * ranking in order so that a ticket another counter took a millisecond earlier is simply skipped.
 *
 * Default policy:
 *   1. Only tickets in the counter's fields, or transferred to this very counter, are candidates;
 *      a ticket transferred to another named counter is never taken here.
 *   2. Tickets transferred to this counter come first: an officer sent them here on purpose.
 *   3. Then priority tickets before normal ones, but with a hard fairness quota: after k priority
 *      calls in a row at this counter, the next call goes to a normal ticket if one waits. Priority
 *      can therefore delay everyone else, never starve them.
 *   4. Inside each class, by score = (minutes waited + priority weight) × the counter's weight for
 *      the ticket's field, so a counter mainly staffed for one field still helps with the others.
 *   5. Ties: earlier queue time, then lower number.
 */

export interface Candidate {
  id: string;
  fieldId: string;
  /** 0 for a normal ticket. */
  priorityWeight: number;
  queueSince: Date;
  seq: number;
  targetCounterId: string | null;
}

export interface PolicyInput {
  counterId: string;
  /** Fields this counter serves and how strongly (1 = helps out … 10 = main field). */
  fieldWeights: Readonly<Record<string, number>>;
  candidates: readonly Candidate[];
  /** Whether each of this counter's recent calls today was a priority ticket, newest first. */
  recentCallsWerePriority: readonly boolean[];
  /** At most this many priority calls in a row before a normal ticket must be called. */
  fairnessQuota: number;
  now: Date;
}

export type NextTicketPolicy = (input: PolicyInput) => Candidate[];

export function consecutivePriorityCalls(recent: readonly boolean[]): number {
  let n = 0;
  for (const wasPriority of recent) {
    if (!wasPriority) break;
    n++;
  }
  return n;
}

export function ticketScore(candidate: Candidate, fieldWeight: number, now: Date): number {
  const minutesWaited = Math.max(0, (now.getTime() - candidate.queueSince.getTime()) / 60_000);
  return (minutesWaited + candidate.priorityWeight) * fieldWeight;
}

export const defaultNextTicketPolicy: NextTicketPolicy = (input) => {
  const { counterId, fieldWeights, now } = input;
  const eligible = input.candidates.filter((c) =>
    c.targetCounterId === null ? fieldWeights[c.fieldId] !== undefined : c.targetCounterId === counterId,
  );
  const scored = eligible.map((c) => ({
    c,
    directed: c.targetCounterId === counterId,
    priority: c.priorityWeight > 0,
    score: ticketScore(c, fieldWeights[c.fieldId] ?? 1, now),
  }));
  const quotaUsed = consecutivePriorityCalls(input.recentCallsWerePriority) >= input.fairnessQuota;
  const hasNormal = scored.some((s) => !s.priority);
  const priorityFirst = !(quotaUsed && hasNormal);

  scored.sort((a, b) => {
    if (a.directed !== b.directed) return a.directed ? -1 : 1;
    if (a.priority !== b.priority) return a.priority === priorityFirst ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    const t = a.c.queueSince.getTime() - b.c.queueSince.getTime();
    return t !== 0 ? t : a.c.seq - b.c.seq;
  });
  return scored.map((s) => s.c);
};
