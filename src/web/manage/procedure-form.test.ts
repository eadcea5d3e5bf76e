import { describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '../../contracts/dossier';
import {
  checkAllowances,
  describeRule,
  detailToDraft,
  draftAllowances,
  draftToUpdate,
  formatDong,
  mainRule,
  moveRow,
  newStepDraft,
  ruleLimitHours,
  type ProcedureDraft,
} from './procedure-form';

const DETAIL: ProcedureDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  code: '1.001193',
  fieldName: 'Hộ tịch',
  fieldId: null,
  active: true,
  current: {
    id: '00000000-0000-4000-8000-000000000002',
    version: 3,
    name: 'Thủ tục đăng ký khai sinh',
    decision: '',
    level: 'Cấp xã',
    agency: 'UBND cấp xã',
    rules: [
      { channel: 'direct', amount: 3, unit: 'working-days', committedAmount: 2, feeDong: 8000, feeText: 'Lệ phí 8.000 đồng', description: '' },
      { channel: 'online', amount: 3, unit: 'working-days', committedAmount: null, feeDong: null, feeText: '', description: '' },
    ],
    documents: [{ name: 'Tờ khai đăng ký khai sinh', copies: 'Bản chính: 1', mandatory: true }],
    steps: [
      { code: 'assign', name: 'Tiếp nhận, phân công', allowanceHours: 4, unit: 'Bộ phận một cửa' },
      { code: 'appraise', name: 'Thẩm định', allowanceHours: 8, unit: 'Công chức tư pháp – hộ tịch' },
      { code: 'sign', name: 'Ký duyệt', allowanceHours: 4, unit: 'Lãnh đạo UBND' },
    ],
    cutoff: '15:00',
    resultText: '',
    legalBasis: '',
    source: 'test',
    createdAt: '2026-11-01T00:00:00.000Z',
  },
  versions: [],
};

function draft(): ProcedureDraft {
  return detailToDraft(DETAIL);
}

describe('the allowance check', () => {
  it('adds up the steps against the committed time of the direct channel', () => {
    expect(checkAllowances(DETAIL.current.steps, DETAIL.current.rules[0])).toEqual({ totalHours: 16, limitHours: 16, state: 'ok' });
  });

  it('says "over" when the steps need more office hours than the time gives', () => {
    const steps = [...DETAIL.current.steps, { allowanceHours: 0.25 }];
    expect(checkAllowances(steps, DETAIL.current.rules[0]).state).toBe('over');
  });

  it('uses the legal time when no shorter time is committed', () => {
    expect(ruleLimitHours({ amount: 3, committedAmount: null, unit: 'working-days' })).toBe(24);
    expect(ruleLimitHours({ amount: 4, unit: 'hours' })).toBe(4);
    expect(ruleLimitHours({ amount: null, unit: 'same-day' })).toBe(8);
  });

  it('cannot judge a procedure that states no time', () => {
    expect(checkAllowances([{ allowanceHours: 4 }], { amount: null, committedAmount: null, unit: 'working-days' }).state).toBe('unknown');
    expect(checkAllowances([{ allowanceHours: 4 }], undefined).state).toBe('unknown');
  });

  it('does not let decimal drift flip a total that fits exactly', () => {
    const steps = [0.1, 0.2, 7.7].map((h) => ({ allowanceHours: h }));
    expect(checkAllowances(steps, { amount: 1, unit: 'working-days' })).toMatchObject({ totalHours: 8, state: 'ok' });
  });

  it('reads what the manager is typing, with a decimal comma', () => {
    const d = draft();
    d.steps[0]!.allowance = '2,5';
    d.steps.push({ ...newStepDraft(), allowance: '' });
    expect(checkAllowances(draftAllowances(d.steps), mainRule(d.rules)).totalHours).toBe(14.5);
    expect(mainRule(d.rules)).toEqual({ amount: 3, committedAmount: 2, unit: 'working-days' });
  });
});

describe('draftToUpdate', () => {
  it('gives back the procedure unchanged when nothing was edited', () => {
    const result = draftToUpdate(draft());
    expect(result.hints).toBeUndefined();
    expect(result.update).toEqual({
      name: 'Thủ tục đăng ký khai sinh',
      fieldName: 'Hộ tịch',
      fieldId: null,
      active: true,
      rules: DETAIL.current.rules,
      documents: DETAIL.current.documents,
      steps: DETAIL.current.steps,
      cutoff: '15:00',
    });
  });

  it('reads fees written with thousands dots and an empty cutoff as none', () => {
    const d = draft();
    d.rules[0]!.fee = '1.200.000';
    d.cutoff = '';
    const { update } = draftToUpdate(d);
    expect(update?.rules[0]?.feeDong).toBe(1_200_000);
    expect(update?.cutoff).toBeNull();
  });

  it('points at every wrong input at once', () => {
    const d = draft();
    d.name = ' ';
    d.rules[0]!.amount = 'ba';
    d.rules[1]!.amount = '2';
    d.rules[1]!.committed = '5';
    d.rules[1]!.channel = 'direct';
    d.documents[0]!.name = '';
    d.steps[1]!.allowance = '0';
    d.cutoff = '25:00';
    expect(draftToUpdate(d).hints).toEqual({
      name: 'required',
      'rules.0.amount': 'wholeNumber',
      'rules.1.channel': 'duplicateChannel',
      'rules.1.committed': 'committedLonger',
      'documents.0.name': 'required',
      'steps.1.allowance': 'allowance',
      cutoff: 'time',
    });
  });

  it('refuses a procedure without steps or without a channel', () => {
    const d = draft();
    d.steps = [];
    d.rules = [];
    expect(draftToUpdate(d).hints).toMatchObject({ steps: 'noSteps', rules: 'noRules' });
  });
});

describe('list helpers', () => {
  it('moves a step up and down, and ignores moves past the ends', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('describes a channel time for the list, with the committed time when shorter', () => {
    expect(describeRule(DETAIL.current.rules[0]!, 'vi')).toBe('Trực tiếp: 3 ngày làm việc (cam kết 2)');
    expect(describeRule(DETAIL.current.rules[1]!, 'en')).toBe('Online: 3 working days');
    expect(describeRule({ channel: 'direct', amount: null, unit: 'same-day' }, 'vi')).toBe('Trực tiếp: trong ngày');
    expect(describeRule({ channel: 'postal', amount: null, unit: 'days' }, 'vi')).toBe('Bưu chính: không quy định');
  });

  it('writes fees in đồng', () => {
    expect(formatDong(8000, 'vi')).toBe('8.000 đồng');
    expect(formatDong(8000, 'en')).toBe('8,000 VND');
    expect(formatDong(null, 'vi')).toBe('—');
  });
});
