import { describe, expect, it } from 'vitest';
import { defaultNextTicketPolicy, type Candidate } from '../../src/core/queue/next-ticket.policy';
import { countByField, estimateWaitSeconds, ticketsAhead, type WaitEstimateInput } from '../../src/core/queue/wait-estimate';

const NOW = new Date('2026-11-25T09:00:00+07:00');
const minutesBefore = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

function ticket(id: string, field: string, waited: number, o: { pw?: number; seq?: number; target?: string | null } = {}): Candidate {
  return {
    id,
    fieldId: field,
    priorityWeight: o.pw ?? 0,
    queueSince: minutesBefore(waited),
    seq: o.seq ?? 100 - waited,
    targetCounterId: o.target ?? null,
  };
}

const input = (o: Partial<WaitEstimateInput>): WaitEstimateInput => ({
  aheadByField: {},
  averageServiceSeconds: {},
  defaultServiceSeconds: 300,
  openCounters: 1,
  assignedCounters: 1,
  ...o,
});

describe('estimateWaitSeconds', () => {
  it.each([
    ['3 ahead in A (600 s each) and 2 in B (300 s), 2 counters open', input({ aheadByField: { A: 3, B: 2 }, averageServiceSeconds: { A: 600, B: 300 }, openCounters: 2, assignedCounters: 4 }), 1200],
    ['the same people ahead, one counter open', input({ aheadByField: { A: 3, B: 2 }, averageServiceSeconds: { A: 600, B: 300 }, openCounters: 1, assignedCounters: 4 }), 2400],
    ['a field without an average uses the default', input({ aheadByField: { A: 2, C: 1 }, averageServiceSeconds: { A: 600 }, defaultServiceSeconds: 420 }), 1620],
    ['nobody ahead', input({ aheadByField: {}, averageServiceSeconds: { A: 600 } }), 0],
    ['a field with zero ahead adds nothing', input({ aheadByField: { A: 0, B: 1 }, averageServiceSeconds: { A: 600, B: 300 } }), 300],
    ['rounded to whole seconds (down)', input({ aheadByField: { A: 1 }, averageServiceSeconds: { A: 1000 }, openCounters: 3 }), 333],
    ['rounded to whole seconds (up)', input({ aheadByField: { A: 2 }, averageServiceSeconds: { A: 1000 }, openCounters: 3 }), 667],
    ['no counter open yet: shared among the counters assigned to the field', input({ aheadByField: { A: 4 }, averageServiceSeconds: { A: 600 }, openCounters: 0, assignedCounters: 3 }), 800],
  ])('%s → %i s', (_name, estimateInput, seconds) => {
    expect(estimateWaitSeconds(estimateInput)).toBe(seconds);
  });

  it('is null when no counter serves the field at all', () => {
    expect(estimateWaitSeconds(input({ aheadByField: { A: 4 }, openCounters: 0, assignedCounters: 0 }))).toBeNull();
    expect(estimateWaitSeconds(input({ aheadByField: {}, openCounters: 0, assignedCounters: 0 }))).toBeNull();
  });

  it('more open counters never make the wait longer', () => {
    const base = { aheadByField: { A: 7, B: 3 }, averageServiceSeconds: { A: 480, B: 240 } };
    const waits = [1, 2, 3, 4, 5].map((open) => estimateWaitSeconds(input({ ...base, openCounters: open }))!);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeLessThanOrEqual(waits[i - 1]!);
  });
});

describe('ticketsAhead', () => {
  const target = ticket('me', 'A', 10);

  it('counts the tickets the counters will call first: priority, then older tickets of competing fields', () => {
    const waiting = [
      target,
      ticket('older-A', 'A', 20),
      ticket('older-B', 'B', 15),
      ticket('newer-A', 'A', 5),
      ticket('prio-new-B', 'B', 1, { pw: 2 }),
      ticket('not-competing', 'X', 60),
      ticket('sent-to-C9', 'A', 60, { target: 'C9' }),
    ];
    const ahead = ticketsAhead(target, waiting, ['A', 'B'], NOW);
    expect(ahead.map((c) => c.id)).toEqual(['prio-new-B', 'older-A', 'older-B']);
  });

  it('ranks exactly like the call policy of a counter serving all competing fields equally', () => {
    const waiting = [
      target,
      ticket('t1', 'A', 30),
      ticket('t2', 'B', 12),
      ticket('t3', 'B', 10, { seq: 1 }),
      ticket('t4', 'A', 2, { pw: 1 }),
      ticket('t5', 'A', 9),
    ];
    const ranking = defaultNextTicketPolicy({
      counterId: 'any',
      fieldWeights: { A: 1, B: 1 },
      candidates: waiting,
      recentCallsWerePriority: [],
      fairnessQuota: Number.POSITIVE_INFINITY,
      now: NOW,
    }).map((c) => c.id);
    const ahead = ticketsAhead(target, waiting, ['A', 'B'], NOW).map((c) => c.id);
    expect(ahead).toEqual(ranking.slice(0, ranking.indexOf('me')));
    // Equal wait (10 min): t3 has the lower number than 'me' (seq 90) and goes first.
    expect(ahead).toEqual(['t4', 't1', 't2', 't3']);
  });

  it('the first ticket in the queue has nobody ahead', () => {
    expect(ticketsAhead(target, [target, ticket('newer', 'A', 1)], ['A'], NOW)).toEqual([]);
  });

  it('a priority ticket has only earlier priority tickets ahead', () => {
    const prio = ticket('me', 'A', 5, { pw: 1 });
    const waiting = [prio, ticket('n-old', 'A', 50), ticket('p-old', 'A', 8, { pw: 1 }), ticket('p-new', 'A', 1, { pw: 1 })];
    expect(ticketsAhead(prio, waiting, ['A'], NOW).map((c) => c.id)).toEqual(['p-old']);
  });

  it('a ticket transferred to a counter has only earlier tickets transferred to the same counter ahead', () => {
    const sent = ticket('me', 'A', 3, { target: 'C2' });
    const waiting = [
      sent,
      ticket('sent-earlier', 'A', 6, { target: 'C2' }),
      ticket('sent-later', 'A', 1, { target: 'C2' }),
      ticket('sent-to-C3', 'A', 30, { target: 'C3' }),
      ticket('plain-old', 'A', 40),
      ticket('plain-prio', 'A', 40, { pw: 5 }),
    ];
    expect(ticketsAhead(sent, waiting, ['A'], NOW).map((c) => c.id)).toEqual(['sent-earlier']);
  });

  it('the target\'s own field counts even when it is not listed as competing', () => {
    const waiting = [target, ticket('older-A', 'A', 20)];
    expect(ticketsAhead(target, waiting, [], NOW).map((c) => c.id)).toEqual(['older-A']);
  });

  it('feeds the estimate: people ahead by field × field average ÷ open counters', () => {
    const waiting = [target, ticket('a1', 'A', 20), ticket('a2', 'A', 15), ticket('b1', 'B', 12), ticket('b-new', 'B', 1)];
    const ahead = ticketsAhead(target, waiting, ['A', 'B'], NOW);
    expect(countByField(ahead)).toEqual({ A: 2, B: 1 });
    const seconds = estimateWaitSeconds(
      input({ aheadByField: countByField(ahead), averageServiceSeconds: { A: 600, B: 300 }, openCounters: 2, assignedCounters: 3 }),
    );
    expect(seconds).toBe(750); // (2×600 + 1×300) / 2
  });
});

describe('countByField', () => {
  it('counts candidates per field', () => {
    expect(countByField([])).toEqual({});
    expect(countByField([ticket('1', 'A', 1), ticket('2', 'B', 1), ticket('3', 'A', 1)])).toEqual({ A: 2, B: 1 });
  });
});
