import { describe, expect, it } from 'vitest';
import { defaultSteps } from '../catalogue/default-steps';
import type { ProcessingRule } from '../catalogue/procedure';
import {
  checklistFromSteps,
  committedHours,
  contentProblems,
  describeChanges,
  initialContent,
  issueDraft,
  normaliseProcessCode,
  processLabel,
  reviseContent,
  syncChecklist,
  type ProcessIssue,
} from './process-document';

const steps = defaultSteps({ amount: 3, unit: 'working-days' });
const content = initialContent(
  { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', fieldName: 'Hộ tịch', agency: 'UBND cấp xã', legalBasis: ['Luật Hộ tịch 60/2014/QH13'], resultText: 'Giấy xác nhận', steps },
  'Trung tâm Phục vụ hành chính công phường Hà Đông',
);
const rule = (over: Partial<ProcessingRule> = {}): ProcessingRule => ({ channel: 'direct', amount: 3, unit: 'working-days', feeDong: null, feeText: '', description: '', ...over });
const issue = (over: Partial<ProcessIssue>): ProcessIssue => ({
  id: 'x',
  status: 'draft',
  issueNumber: null,
  procedureVersionId: 'v1',
  content,
  changeNote: '',
  issuedOn: null,
  approverName: null,
  approverTitle: null,
  ...over,
});
const approver = { approverName: 'Nguyễn Văn Hùng', approverTitle: 'Chủ tịch UBND' };

describe('process document codes', () => {
  it.each([
    ['qt-ht-01', 'QT-HT-01'],
    [' QT.TP.02 ', 'QT.TP.02'],
    ['qt-đđ-03', 'QT-ĐĐ-03'],
  ])('%s is written %s', (input, expected) => expect(normaliseProcessCode(input)).toBe(expected));

  it.each(['QT', 'QT HT', 'QT--01', 'QT-HT-01!', 'Q'.repeat(31)])('%s is refused', (input) => expect(() => normaliseProcessCode(input)).toThrow(/không hợp lệ/));

  it('names the issue a dossier follows', () => expect(processLabel('QT-HT-01', 2)).toBe('Quy trình QT-HT-01, lần ban hành 2'));
});

describe('the first draft', () => {
  it('takes the steps, roles and allowances of the procedure version', () => {
    expect(content.steps.map((s) => [s.code, s.role, s.allowanceHours])).toEqual(steps.map((s) => [s.code, s.unit, s.allowanceHours]));
    expect(content.title).toBe('Quy trình giải quyết thủ tục Cấp Giấy xác nhận tình trạng hôn nhân');
    expect(initialContent({ code: '2.000908', name: 'Thủ tục cấp bản sao từ sổ gốc', fieldName: 'Chứng thực', agency: '', legalBasis: [], resultText: '', steps }, 'X').title).toBe('Quy trình giải quyết thủ tục cấp bản sao từ sổ gốc');
    expect(content.purpose).toContain('1.004873');
    expect(content.scope).toContain('Hộ tịch');
    expect(content.records.at(-1)!.retention).toContain('Giấy xác nhận');
  });

  it('asks one audit question per step besides the general ones', () => {
    const questions = checklistFromSteps(content.steps);
    expect(questions.filter((q) => q.step !== null).map((q) => q.step)).toEqual([1, 2, 3, 4, 5]);
    expect(questions.find((q) => q.step === 2)!.question).toBe(`Bước 2 (Thẩm định, xử lý): Công chức chuyên môn thực hiện trong ${steps[1]!.allowanceHours} giờ làm việc, ghi đủ giao, nhận trên Phiếu kiểm soát?`);
  });
});

describe('committed hours', () => {
  it.each([
    [[rule()], 24],
    [[rule({ committedAmount: 2 })], 16],
    [[rule({ channel: 'online', amount: 5 }), rule({ amount: 4 })], 32],
    [[rule({ unit: 'same-day', amount: 1 })], 8],
    [[rule({ amount: null })], null],
    [[], null],
  ] as [ProcessingRule[], number | null][])('%j → %s', (rules, hours) => expect(committedHours(rules)).toBe(hours));
});

describe('issuing', () => {
  it('the first draft becomes issue 1', () => {
    const { issued, superseded } = issueDraft([issue({})], { issuedOn: '2026-11-25', ...approver }, 24);
    expect(issued).toMatchObject({ status: 'issued', issueNumber: 1, issuedOn: '2026-11-25', approverName: 'Nguyễn Văn Hùng' });
    expect(superseded).toBeNull();
  });

  it('a revision becomes the next number and supersedes the issue in force', () => {
    const issues = [issue({ id: 'a', status: 'superseded', issueNumber: 1, issuedOn: '2025-01-02' }), issue({ id: 'b', status: 'issued', issueNumber: 2, issuedOn: '2026-01-05' }), issue({ id: 'c' })];
    const { issued, superseded } = issueDraft(issues, { issuedOn: '2026-06-01', ...approver }, 24);
    expect([issued.id, issued.issueNumber]).toEqual(['c', 3]);
    expect(superseded).toMatchObject({ id: 'b', status: 'superseded' });
  });

  it.each([
    ['no draft', [issue({ status: 'issued', issueNumber: 1, issuedOn: '2026-01-01' })], { issuedOn: '2026-02-01', ...approver }, /không có bản dự thảo/],
    ['no approver', [issue({})], { issuedOn: '2026-02-01', approverName: ' ', approverTitle: 'x' }, /người phê duyệt/],
    ['not a day', [issue({})], { issuedOn: '2026-02-30', ...approver }, /2026-02-30.*không hợp lệ/],
    ['dated before the last issue', [issue({ id: 'a', status: 'issued', issueNumber: 1, issuedOn: '2026-03-01' }), issue({ id: 'b' })], { issuedOn: '2026-02-01', ...approver }, /không được trước/],
  ])('is refused with %s', (_name, issues, input, message) => expect(() => issueDraft(issues, input, 24)).toThrow(message));

  it('is refused when the steps take longer than the procedure allows', () => {
    const long = { ...content, steps: content.steps.map((s, i) => (i === 1 ? { ...s, allowanceHours: s.allowanceHours + 1 } : s)) };
    expect(contentProblems(long, 24)).toEqual(['tổng thời gian các bước (25 giờ) vượt thời hạn giải quyết của thủ tục (24 giờ làm việc)']);
    expect(() => issueDraft([issue({ content: long })], { issuedOn: '2026-02-01', ...approver }, 24)).toThrow(/vượt thời hạn/);
    expect(contentProblems(long, null)).toEqual([]);
  });

  it('lists every gap in the content', () => {
    const empty = { ...content, title: ' ', steps: [{ code: 'x', name: '', role: 'A', allowanceHours: 0, output: '' }], records: [{ name: 'Sổ', form: '', keptBy: 'A', retention: '' }] };
    expect(contentProblems(empty, 24)).toEqual([
      'chưa có tên quy trình',
      'bước 1 chưa có tên hoặc người thực hiện',
      'bước 1 chưa có thời gian thực hiện',
      'hồ sơ lưu số 1 chưa có tên hoặc thời gian lưu',
    ]);
  });
});

describe('revising and the change history', () => {
  it('a revision keeps the text, or takes the steps of a newer procedure version and their questions', () => {
    expect(reviseContent(content, null)).toEqual(content);
    const shorter = defaultSteps({ amount: 2, unit: 'working-days' });
    const revised = reviseContent({ ...content, steps: content.steps.map((s) => (s.code === 'sign' ? { ...s, output: 'Giấy xác nhận đã ký' } : s)) }, shorter);
    expect(revised.steps.map((s) => s.allowanceHours)).toEqual(shorter.map((s) => s.allowanceHours));
    expect(revised.steps[3]!.output).toBe('Giấy xác nhận đã ký');
    expect(revised.checklist).toEqual(checklistFromSteps(revised.steps));
  });

  it('describes what changed between issues', () => {
    const newSteps = [...content.steps.slice(0, 2).map((s, i) => (i === 1 ? { ...s, allowanceHours: s.allowanceHours - 2, role: 'Công chức tư pháp - hộ tịch' } : s)), ...content.steps.slice(3)];
    const after = {
      ...content,
      legalBasis: [...content.legalBasis, 'Nghị định 123/2015/NĐ-CP'],
      steps: newSteps,
      records: content.records.slice(1),
      checklist: checklistFromSteps(newSteps),
    };
    expect(describeChanges(content, after)).toEqual([
      'Cập nhật căn cứ pháp lý',
      `Bước 2 (Thẩm định, xử lý): thời gian ${steps[1]!.allowanceHours} giờ → ${steps[1]!.allowanceHours - 2} giờ`,
      'Bước 2 (Thẩm định, xử lý): người thực hiện Công chức chuyên môn → Công chức tư pháp - hộ tịch',
      `Bỏ bước: ${steps[2]!.name}`,
      `Tổng thời gian: 24 giờ → ${24 - 2 - steps[2]!.allowanceHours} giờ làm việc`,
      'Sửa danh mục hồ sơ, biểu mẫu lưu',
    ]);
    expect(describeChanges(content, structuredClone(content))).toEqual([]);
  });

  it('keeps generated audit questions in step with edited steps and leaves the auditor’s own alone', () => {
    const own = { step: 2, question: 'Có biên bản xác minh khi cần?', evidence: 'Biên bản' };
    const before = { ...content, checklist: [...content.checklist, own] };
    const edited = { ...before, steps: [...before.steps.map((s, i) => (i === 1 ? { ...s, allowanceHours: 10 } : s)), { code: 'archive', name: 'Lưu hồ sơ', role: 'Văn thư', allowanceHours: 0.5, output: '' }] };
    const synced = syncChecklist(before, edited);
    expect(synced.find((q) => q.step === 2 && q.question.startsWith('Bước 2'))!.question).toContain('trong 10 giờ');
    expect(synced).toContainEqual(own);
    expect(synced.at(-1)!.question).toContain('Bước 6 (Lưu hồ sơ): Văn thư');
    expect(describeChanges(before, { ...edited, checklist: synced })).not.toContain('Cập nhật danh mục câu hỏi đánh giá nội bộ');
    expect(describeChanges(before, { ...edited, checklist: synced.filter((q) => q !== own) })).toContain('Cập nhật danh mục câu hỏi đánh giá nội bộ');
  });
});
