import { describe, expect, it } from 'vitest';
import {
  consecutivePriorityCalls,
  defaultNextTicketPolicy,
  ticketScore,
  type Candidate,
  type PolicyInput,
} from '../../src/core/queue/next-ticket.policy';

/** Wednesday 25/11/2026, 09:00 in Hà Nội: the moment the counter presses "call next". */
const NOW = new Date('2026-11-25T09:00:00+07:00');
const minutesBefore = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

interface Spec {
  field?: string;
  /** Priority weight; 0 = normal ticket. */
  pw?: number;
  /** Minutes the ticket has waited at NOW. */
  waited?: number;
  seq?: number;
  target?: string | null;
}

let nextSeq = 1;
function ticket(id: string, spec: Spec = {}): Candidate {
  return {
    id,
    fieldId: spec.field ?? 'A',
    priorityWeight: spec.pw ?? 0,
    queueSince: minutesBefore(spec.waited ?? 0),
    seq: spec.seq ?? nextSeq++,
    targetCounterId: spec.target ?? null,
  };
}

function rank(input: Partial<PolicyInput> & { candidates: Candidate[] }): string[] {
  return defaultNextTicketPolicy({
    counterId: 'C1',
    fieldWeights: { A: 1 },
    recentCallsWerePriority: [],
    fairnessQuota: 3,
    now: NOW,
    ...input,
  }).map((c) => c.id);
}

interface Row {
  name: string;
  candidates: Candidate[];
  fieldWeights?: Record<string, number>;
  /** Newest first. */
  recent?: boolean[];
  k?: number;
  /** The full ranking, best first (when given). */
  ranking?: string[];
  /** Only the first pick (when the rest of the order does not matter to the scenario). */
  first?: string | null;
}

const P = true;
const N = false;

const rows: Row[] = [
  // 1. Eligibility
  {
    name: 'only tickets of the fields the counter serves are candidates',
    fieldWeights: { A: 1, B: 1 },
    candidates: [ticket('a', { field: 'A', waited: 5 }), ticket('x', { field: 'X', waited: 60 }), ticket('b', { field: 'B', waited: 3 })],
    ranking: ['a', 'b'],
  },
  {
    name: 'a ticket of another field, even priority and old, is not called here',
    fieldWeights: { A: 1 },
    candidates: [ticket('x', { field: 'X', pw: 9, waited: 120 })],
    ranking: [],
  },
  {
    name: 'nothing waiting gives an empty ranking',
    candidates: [],
    ranking: [],
  },
  // 2. Transfers
  {
    name: 'a ticket transferred to this counter comes before priority and older tickets',
    fieldWeights: { A: 1 },
    candidates: [
      ticket('old', { waited: 90 }),
      ticket('prio', { pw: 5, waited: 30 }),
      ticket('sent-here', { waited: 0, target: 'C1' }),
    ],
    ranking: ['sent-here', 'prio', 'old'],
  },
  {
    name: 'a ticket transferred to this counter is taken even from a field the counter does not serve',
    fieldWeights: { A: 1 },
    candidates: [ticket('a', { waited: 10 }), ticket('sent-here', { field: 'X', target: 'C1' })],
    ranking: ['sent-here', 'a'],
  },
  {
    name: 'a ticket transferred to another counter is never taken, even in this counter\'s field',
    fieldWeights: { A: 1 },
    candidates: [ticket('sent-elsewhere', { pw: 5, waited: 60, target: 'C2' }), ticket('a', { waited: 1 })],
    ranking: ['a'],
  },
  {
    name: 'a counter with only tickets transferred elsewhere has nothing to call',
    candidates: [ticket('sent-elsewhere', { target: 'C2' })],
    ranking: [],
  },
  {
    name: 'a ticket transferred here comes first even when the fairness quota is used up',
    k: 1,
    recent: [P],
    candidates: [ticket('normal', { waited: 40 }), ticket('sent-here-prio', { pw: 2, target: 'C1' })],
    first: 'sent-here-prio',
  },
  // 3. Priority
  {
    name: 'a priority ticket goes before normal tickets that waited much longer',
    candidates: [ticket('n1', { waited: 45 }), ticket('n2', { waited: 30 }), ticket('p', { pw: 1, waited: 0 })],
    ranking: ['p', 'n1', 'n2'],
  },
  {
    name: 'higher priority weight first among priority tickets that arrived together',
    candidates: [ticket('w1', { pw: 1, waited: 5 }), ticket('w5', { pw: 5, waited: 5 }), ticket('w3', { pw: 3, waited: 5 })],
    ranking: ['w5', 'w3', 'w1'],
  },
  // Fairness quota k = 1
  {
    name: 'k=1: after one priority call the next call is the waiting normal ticket',
    k: 1,
    recent: [P],
    candidates: [ticket('p', { pw: 3, waited: 20 }), ticket('n', { waited: 1 })],
    ranking: ['n', 'p'],
  },
  {
    name: 'k=1: after a normal call priority resumes',
    k: 1,
    recent: [N, P],
    candidates: [ticket('p', { pw: 3, waited: 1 }), ticket('n', { waited: 20 })],
    ranking: ['p', 'n'],
  },
  {
    name: 'k=1: with no call yet today priority goes first',
    k: 1,
    recent: [],
    candidates: [ticket('n', { waited: 20 }), ticket('p', { pw: 1 })],
    first: 'p',
  },
  // Fairness quota k = 2
  {
    name: 'k=2: one priority call so far, priority continues',
    k: 2,
    recent: [P, N],
    candidates: [ticket('n', { waited: 20 }), ticket('p', { pw: 1 })],
    first: 'p',
  },
  {
    name: 'k=2: after two priority calls in a row the next is normal',
    k: 2,
    recent: [P, P, N],
    candidates: [ticket('p1', { pw: 1, waited: 25 }), ticket('n', { waited: 2 }), ticket('p2', { pw: 4 })],
    ranking: ['n', 'p1', 'p2'],
  },
  {
    name: 'k=2: the quota counts only the latest run (P N P is a run of one)',
    k: 2,
    recent: [P, N, P],
    candidates: [ticket('n', { waited: 20 }), ticket('p', { pw: 1 })],
    first: 'p',
  },
  {
    name: 'k=2: priority resumes right after the normal call',
    k: 2,
    recent: [N, P, P],
    candidates: [ticket('n', { waited: 20 }), ticket('p', { pw: 1 })],
    first: 'p',
  },
  // Fairness quota k = 3
  {
    name: 'k=3: two priority calls so far, priority continues',
    k: 3,
    recent: [P, P],
    candidates: [ticket('n', { waited: 20 }), ticket('p', { pw: 1 })],
    first: 'p',
  },
  {
    name: 'k=3: after three priority calls in a row the next is normal',
    k: 3,
    recent: [P, P, P],
    candidates: [ticket('n', { waited: 1 }), ticket('p', { pw: 9, waited: 30 })],
    ranking: ['n', 'p'],
  },
  {
    name: 'k=3: a run longer than k (e.g. no normal ticket waited before) still forces a normal one now',
    k: 3,
    recent: [P, P, P, P, P],
    candidates: [ticket('p', { pw: 9, waited: 30 }), ticket('n', { waited: 0 })],
    first: 'n',
  },
  {
    name: 'k=3: quota used up but no normal ticket waiting — priority continues',
    k: 3,
    recent: [P, P, P],
    candidates: [ticket('p1', { pw: 1, waited: 3 }), ticket('p2', { pw: 2, waited: 3 })],
    ranking: ['p2', 'p1'],
  },
  {
    name: 'quota used up and the only normal ticket is in another counter\'s field — priority continues',
    k: 1,
    recent: [P],
    fieldWeights: { A: 1 },
    candidates: [ticket('n-other', { field: 'X', waited: 50 }), ticket('p', { pw: 1 })],
    ranking: ['p'],
  },
  {
    name: 'quota used up: normal tickets go first among themselves by wait, then priority tickets by weight',
    k: 2,
    recent: [P, P],
    candidates: [
      ticket('p-low', { pw: 1, waited: 10 }),
      ticket('n-new', { waited: 2 }),
      ticket('p-high', { pw: 6, waited: 10 }),
      ticket('n-old', { waited: 12 }),
    ],
    ranking: ['n-old', 'n-new', 'p-high', 'p-low'],
  },
  // 4. Field weight
  {
    name: 'weight 10 for A and 1 for B: A\'s ticket wins when B\'s waited a little longer',
    fieldWeights: { A: 10, B: 1 },
    candidates: [ticket('b', { field: 'B', waited: 15 }), ticket('a', { field: 'A', waited: 2 })],
    ranking: ['a', 'b'],
  },
  {
    name: 'weight 10 for A and 1 for B: A\'s ticket still wins when B\'s waited 9× longer',
    fieldWeights: { A: 10, B: 1 },
    candidates: [ticket('b', { field: 'B', waited: 27 }), ticket('a', { field: 'A', waited: 3 })],
    ranking: ['a', 'b'],
  },
  {
    name: 'weight 10 for A and 1 for B: B\'s ticket wins once it waited more than 10× longer',
    fieldWeights: { A: 10, B: 1 },
    candidates: [ticket('b', { field: 'B', waited: 31 }), ticket('a', { field: 'A', waited: 3 })],
    ranking: ['b', 'a'],
  },
  {
    name: 'field weight also orders priority tickets of different fields',
    fieldWeights: { A: 10, B: 1 },
    candidates: [ticket('pb', { field: 'B', pw: 2, waited: 5 }), ticket('pa', { field: 'A', pw: 2, waited: 1 })],
    ranking: ['pa', 'pb'],
  },
  // 5. Ties
  {
    name: 'equal score: the earlier queue time goes first',
    // A: 3 min × weight 2 = 6; B: 6 min × weight 1 = 6.
    fieldWeights: { A: 2, B: 1 },
    candidates: [ticket('a', { field: 'A', waited: 3, seq: 1 }), ticket('b', { field: 'B', waited: 6, seq: 9 })],
    ranking: ['b', 'a'],
  },
  {
    name: 'equal score and queue time: the lower number goes first',
    candidates: [ticket('s7', { waited: 4, seq: 7 }), ticket('s3', { waited: 4, seq: 3 }), ticket('s5', { waited: 4, seq: 5 })],
    ranking: ['s3', 's5', 's7'],
  },
  {
    name: 'normal tickets of one field are called in arrival order',
    candidates: [ticket('t2', { waited: 8 }), ticket('t3', { waited: 1 }), ticket('t1', { waited: 15 })],
    ranking: ['t1', 't2', 't3'],
  },
  {
    name: 'a full ranking mixing every rule',
    fieldWeights: { A: 10, B: 1 },
    k: 3,
    recent: [P],
    candidates: [
      ticket('elsewhere', { field: 'A', pw: 5, waited: 99, target: 'C2' }),
      ticket('not-mine', { field: 'X', waited: 99 }),
      ticket('nB-long', { field: 'B', waited: 50 }),
      ticket('nA', { field: 'A', waited: 4 }),
      ticket('pA', { field: 'A', pw: 1, waited: 1 }),
      ticket('pB', { field: 'B', pw: 5, waited: 1 }),
      ticket('here', { field: 'X', waited: 0, target: 'C1' }),
    ],
    // here (directed) → priority pA (score 20) before pB (6) → normal nB (50) before nA (40)
    ranking: ['here', 'pA', 'pB', 'nB-long', 'nA'],
  },
];

describe('defaultNextTicketPolicy', () => {
  it.each(rows)('$name', (row) => {
    const got = rank({
      candidates: row.candidates,
      fieldWeights: row.fieldWeights ?? { A: 1 },
      recentCallsWerePriority: row.recent ?? [],
      fairnessQuota: row.k ?? 3,
    });
    if (row.ranking) expect(got).toEqual(row.ranking);
    if (row.first !== undefined) expect(got[0] ?? null).toBe(row.first);
  });

  it('does not reorder or change the candidates it is given', () => {
    const candidates = [ticket('n', { waited: 5 }), ticket('p', { pw: 1 })];
    const copy = structuredClone(candidates);
    rank({ candidates });
    expect(candidates).toEqual(copy);
  });

  it('a ticket queued in the future (clock skew) is treated as not having waited, not as negative wait', () => {
    const future = { ...ticket('future'), queueSince: new Date(NOW.getTime() + 10 * 60_000), seq: 1 };
    const present = ticket('present', { waited: 0, seq: 2 });
    // Both score 0; the earlier queue time wins the tie.
    expect(rank({ candidates: [future, present] })).toEqual(['present', 'future']);
  });
});

describe('consecutivePriorityCalls', () => {
  it.each([
    [[], 0],
    [[N], 0],
    [[P], 1],
    [[P, P, N, P], 2],
    [[N, P, P], 0],
    [[P, P, P, P], 4],
  ] as [boolean[], number][])('%j → %i', (recent, expected) => {
    expect(consecutivePriorityCalls(recent)).toBe(expected);
  });
});

describe('ticketScore', () => {
  it.each([
    // waited, priority weight, field weight, score
    [0, 0, 1, 0],
    [12, 0, 1, 12],
    [12, 0, 10, 120],
    [12, 3, 1, 15],
    [12, 3, 10, 150],
    [1.5, 0, 2, 3],
  ])('waited %d min, priority %d, field weight %d → %d', (waited, pw, weight, score) => {
    expect(ticketScore(ticket('t', { waited, pw }), weight, NOW)).toBeCloseTo(score, 9);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-style simulation with a seeded pseudo-random generator (no fast-check in this repo).

/** mulberry32: small, deterministic, good enough to shuffle test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

interface SimTicket extends Candidate {
  arrivesAt: number; // minutes after opening
}

interface SimCounter {
  id: string;
  fieldWeights: Record<string, number>;
  freeAt: number;
  /** Newest first. */
  history: boolean[];
}

/**
 * Counters call until every ticket has been called: arrivals over the morning, each service lasting
 * 1–8 minutes. Returns the failures found (empty when every invariant held).
 */
function simulate(seed: number, k: number, counterCount: 1 | 2): { failures: string[]; forcedNormal: number } {
  const r = rng(seed);
  const opening = new Date('2026-11-25T07:30:00+07:00').getTime();
  const fields = ['A', 'B'];
  const tickets: SimTicket[] = [];
  const total = int(r, 5, 40);
  const seqByField: Record<string, number> = { A: 0, B: 0 };
  for (let i = 0; i < total; i++) {
    const field = fields[int(r, 0, 1)]!;
    const arrivesAt = int(r, 0, 120);
    const priority = r() < 0.45;
    tickets.push({
      id: `t${i}`,
      fieldId: field,
      priorityWeight: priority ? int(r, 1, 5) : 0,
      queueSince: new Date(opening + arrivesAt * 60_000),
      seq: 0,
      targetCounterId: null,
      arrivesAt,
    });
  }
  tickets.sort((a, b) => a.arrivesAt - b.arrivesAt);
  for (const t of tickets) t.seq = ++seqByField[t.fieldId]!;

  const counters: SimCounter[] = [
    { id: 'C1', fieldWeights: { A: 10, B: 1 }, freeAt: 0, history: [] },
    { id: 'C2', fieldWeights: { A: 1, B: 10 }, freeAt: 0, history: [] },
  ].slice(0, counterCount);

  const called = new Map<string, number>();
  const failures: string[] = [];
  let forcedNormal = 0;
  let guard = 0;
  while (called.size < tickets.length && guard++ < 10_000) {
    // The counter that is free first calls next (ties: C1 first).
    const counter = [...counters].sort((a, b) => a.freeAt - b.freeAt)[0]!;
    const now = counter.freeAt;
    const waiting = tickets.filter((t) => t.arrivesAt <= now && !called.has(t.id));
    if (waiting.length === 0) {
      const nextArrival = Math.min(...tickets.filter((t) => !called.has(t.id)).map((t) => t.arrivesAt));
      counter.freeAt = Math.max(now + 1, nextArrival);
      continue;
    }
    const ranking = defaultNextTicketPolicy({
      counterId: counter.id,
      fieldWeights: counter.fieldWeights,
      candidates: waiting.map(({ arrivesAt: _unused, ...c }) => c),
      // The call service loads only the last `fairnessQuota` calls of the day.
      recentCallsWerePriority: counter.history.slice(0, k),
      fairnessQuota: k,
      now: new Date(opening + now * 60_000),
    });
    const pick = ranking[0];
    if (!pick) {
      failures.push(`seed ${seed}: ${counter.id} got an empty ranking with ${waiting.length} waiting`);
      break;
    }
    if (called.has(pick.id)) failures.push(`seed ${seed}: ${pick.id} called twice`);
    if (!waiting.some((t) => t.id === pick.id)) failures.push(`seed ${seed}: ${pick.id} was not waiting`);
    const isPriority = pick.priorityWeight > 0;
    const normalWaiting = waiting.some((t) => t.priorityWeight === 0);
    const runBefore = consecutivePriorityCalls(counter.history);
    if (isPriority && normalWaiting && runBefore >= k) {
      failures.push(`seed ${seed} k=${k}: ${counter.id} made priority call #${runBefore + 1} in a row while a normal ticket waited`);
    }
    const priorityWaiting = waiting.some((t) => t.priorityWeight > 0);
    if (priorityWaiting && normalWaiting && runBefore >= k) forcedNormal++;
    if (!isPriority && priorityWaiting && runBefore < k) {
      failures.push(`seed ${seed} k=${k}: ${counter.id} called a normal ticket before the quota was used while priority waited`);
    }
    called.set(pick.id, (called.get(pick.id) ?? 0) + 1);
    counter.history.unshift(isPriority);
    counter.freeAt = now + int(r, 1, 8);
  }
  const missing = tickets.filter((t) => !called.has(t.id)).map((t) => t.id);
  if (missing.length > 0) failures.push(`seed ${seed}: never called ${missing.join(', ')}`);
  if ([...called.values()].some((n) => n !== 1)) failures.push(`seed ${seed}: a ticket was called more than once`);
  return { failures, forcedNormal };
}

describe('defaultNextTicketPolicy — simulated days (seeded)', () => {
  const seeds = Array.from({ length: 150 }, (_, i) => 1000 + i * 7919);

  it.each([1, 2, 3])('one counter, k=%i: no priority run beyond k while a normal ticket waits; everyone called once', (k) => {
    const runs = seeds.map((seed) => simulate(seed, k, 1));
    expect(runs.flatMap((run) => run.failures)).toEqual([]);
    // The generated days really reach the quota with both kinds waiting (else the test proves nothing).
    expect(runs.reduce((n, run) => n + run.forcedNormal, 0)).toBeGreaterThan(20);
  });

  it.each([1, 2, 3])('two counters sharing fields, k=%i: the same invariants hold at each counter', (k) => {
    const runs = seeds.map((seed) => simulate(seed, k, 2));
    expect(runs.flatMap((run) => run.failures)).toEqual([]);
    expect(runs.reduce((n, run) => n + run.forcedNormal, 0)).toBeGreaterThan(20);
  });

  it('the simulation actually exercises the quota (a normal call is forced after k priority calls)', () => {
    // Guard against a generator that never produces the situation under test.
    let forced = 0;
    for (const seed of seeds.slice(0, 30)) {
      const r = rng(seed);
      const candidates = Array.from({ length: 6 }, (_, i) => ticket(`t${i}`, { pw: r() < 0.5 ? 1 : 0, waited: int(r, 0, 30) }));
      const hasBoth = candidates.some((c) => c.priorityWeight > 0) && candidates.some((c) => c.priorityWeight === 0);
      if (!hasBoth) continue;
      const pick = rank({ candidates, recentCallsWerePriority: [P, P], fairnessQuota: 2 })[0]!;
      expect(pick.startsWith('t')).toBe(true);
      expect(candidates.find((c) => c.id === pick)!.priorityWeight).toBe(0);
      forced++;
    }
    expect(forced).toBeGreaterThan(10);
  });
});
