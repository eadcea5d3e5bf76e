import { describe, expect, it } from 'vitest';
import { defaultSteps } from '../catalogue/default-steps';
import type { ProcessingRule } from '../catalogue/procedure';
import { assertClosable, assertReviewOpen, checkProposal, countProposals, decide, fitSteps, shortenRules, type ProposalStatus } from './procedure-review';

const rule = (over: Partial<ProcessingRule> = {}): ProcessingRule => ({ channel: 'direct', amount: 15, unit: 'days', feeDong: null, feeText: '', description: '', ...over });
const building = [rule(), rule({ channel: 'online', amount: 20 })];

describe('proposals', () => {
  it('a shortening needs a time shorter than what applies on every channel it names', () => {
    expect(checkProposal({ kind: 'shorten', rationale: ' Liên thông ', channel: null, newCommittedAmount: 12 }, building)).toEqual({ kind: 'shorten', rationale: 'Liên thông', channel: null, newCommittedAmount: 12 });
    expect(() => checkProposal({ kind: 'shorten', rationale: 'x', channel: null, newCommittedAmount: 15 }, building)).toThrow('thời hạn mới (15) phải ngắn hơn thời hạn đang áp dụng (15) của hình thức trực tiếp');
    expect(checkProposal({ kind: 'shorten', rationale: 'x', channel: 'online', newCommittedAmount: 18 }, building).channel).toBe('online');
    expect(() => checkProposal({ kind: 'shorten', rationale: 'x', channel: null, newCommittedAmount: 10 }, [rule({ committedAmount: 10 })])).toThrow('đang áp dụng (10)');
    expect(() => checkProposal({ kind: 'shorten', rationale: 'x', channel: null, newCommittedAmount: null }, building)).toThrow('số nguyên dương');
    expect(() => checkProposal({ kind: 'shorten', rationale: 'x', channel: null, newCommittedAmount: 1 }, [rule({ unit: 'same-day', amount: 1 })])).toThrow('không có thời hạn');
  });

  it('other kinds keep only the rationale', () => {
    expect(checkProposal({ kind: 'merge', rationale: 'Gộp với 1.001193', channel: 'direct', newCommittedAmount: 3 }, building)).toEqual({ kind: 'merge', rationale: 'Gộp với 1.001193', channel: null, newCommittedAmount: null });
    expect(() => checkProposal({ kind: 'other', rationale: '  ', channel: null, newCommittedAmount: null }, building)).toThrow('lý do');
  });
});

describe('decisions', () => {
  const input = { decidedOn: '2026-12-15', decisionRef: 'QĐ 245/QĐ-UBND', note: '' };
  it.each([
    ['proposed', 'adopted', 'adopted'],
    ['proposed', 'rejected', 'rejected'],
    ['proposed', 'deferred', 'deferred'],
    ['deferred', 'adopted', 'adopted'],
    ['deferred', 'deferred', 'deferred'],
  ] as const)('%s + %s → %s', (from, decision, to) => expect(decide(from, { ...input, decision })).toBe(to));

  it.each(['adopted', 'rejected'] as ProposalStatus[])('%s is final', (from) => expect(() => decide(from, { ...input, decision: 'deferred' })).toThrow('không quyết định lại'));

  it('adopting needs the decision reference and a real date', () => {
    expect(() => decide('proposed', { ...input, decision: 'adopted', decisionRef: ' ' })).toThrow('số, ký hiệu');
    expect(decide('proposed', { ...input, decision: 'rejected', decisionRef: '' })).toBe('rejected');
    expect(() => decide('proposed', { ...input, decision: 'rejected', decidedOn: '2026-13-01' })).toThrow('không hợp lệ');
  });
});

describe('an adopted shortening', () => {
  it('sets the committed time of the channels it names and leaves the legal time', () => {
    expect(shortenRules(building, null, 12).map((r) => [r.channel, r.amount, r.committedAmount])).toEqual([
      ['direct', 15, 12],
      ['online', 20, 12],
    ]);
    expect(shortenRules(building, 'direct', 12)[1]).toBe(building[1]);
    expect(() => shortenRules([rule({ committedAmount: 10 })], null, 12)).toThrow('đã ngắn hơn hoặc bằng');
  });

  it('scales the step allowances to the new total in quarter hours', () => {
    const steps = defaultSteps({ amount: 3, unit: 'working-days' });
    const fitted = fitSteps(steps, 16);
    expect(fitted.reduce((s, x) => s + x.allowanceHours, 0)).toBe(16);
    expect(fitted.every((s) => s.allowanceHours >= 0.25 && Number.isInteger(s.allowanceHours * 4))).toBe(true);
    expect(fitted.map((s) => s.name)).toEqual(steps.map((s) => s.name));
    expect(fitSteps(steps, 24)).toBe(steps);
    expect(fitSteps(steps, 40)).toBe(steps);
  });

  it.each([1, 2.5, 7, 13, 23])('fits 24 hours of steps into %s hours', (total) => {
    const fitted = fitSteps(defaultSteps({ amount: 3, unit: 'working-days' }), total);
    expect(fitted.reduce((s, x) => s + x.allowanceHours, 0)).toBeCloseTo(Math.max(total, 1.25), 9);
  });
});

describe('counting proposals', () => {
  it('by kind and status', () => {
    const counts = countProposals([
      { kind: 'shorten', status: 'adopted' },
      { kind: 'shorten', status: 'proposed' },
      { kind: 'abolish', status: 'rejected' },
    ]);
    expect(counts).toEqual({
      total: 3,
      byStatus: { proposed: 1, adopted: 1, rejected: 1, deferred: 0 },
      byKind: { simplify: 0, shorten: 2, merge: 0, abolish: 1, other: 0 },
    });
  });
});

describe('closing a review round', () => {
  it('waits for a decision on every proposal; a deferred one is decided for now', () => {
    expect(() => assertClosable([{ status: 'adopted' }, { status: 'proposed' }])).toThrow(/còn 1 đề xuất chưa có quyết định/);
    expect(() => assertClosable([{ status: 'adopted' }, { status: 'rejected' }, { status: 'deferred' }])).not.toThrow();
    expect(() => assertClosable([])).not.toThrow();
  });

  it('takes nothing more once closed', () => {
    expect(() => assertReviewOpen({ status: 'closed' })).toThrow(/đã kết thúc/);
    expect(() => assertReviewOpen({ status: 'open' })).not.toThrow();
  });
});
