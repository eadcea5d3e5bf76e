import { describe, expect, it } from 'vitest';
import type { FrameInput } from '../../contracts/self-evaluation';
import { isAppError } from '../shared/app-error';
import { EXAMPLE_FRAME } from './default-frame';
import { applyAppraisal, applySelfScores, rankUnits, returnEvaluation, submitEvaluation, totalsOf, type EvaluationState } from './evaluation';
import { frameProblem, gradeOf, suggestedPoints, totalPointsOf } from './frame';
import { frameFromJson, frameFromRows, rowsOfFrame, type SheetRow } from './frame-import';

const frame: FrameInput = {
  name: 'Thử',
  gradeBands: [
    { label: 'Tốt', min: 80 },
    { label: 'Đạt', min: 50 },
    { label: 'Không đạt', min: 0 },
  ],
  fields: [
    {
      code: '1',
      name: 'TTHC',
      criteria: [
        { code: '1.1', name: 'Đúng hạn', maxPoints: 6, evidence: '', evidenceRequired: true, prefill: { key: 'on-time-rate', full: 100, zero: 90 } },
        { code: '1.2', name: 'Công khai', maxPoints: 4, evidence: '', evidenceRequired: false, prefill: null },
      ],
    },
  ],
};
const draft: EvaluationState = { status: 'draft', scores: {} };

function detailOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return String(e.params['detail']);
    throw e;
  }
  throw new Error('expected an error');
}

describe('the shipped example frame', () => {
  it('has 7 fields, 31 criteria and 100 points, and passes its own checks', () => {
    expect(EXAMPLE_FRAME.fields).toHaveLength(7);
    expect(EXAMPLE_FRAME.fields.flatMap((f) => f.criteria)).toHaveLength(31);
    expect(totalPointsOf(EXAMPLE_FRAME)).toBe(100);
    expect(frameProblem(EXAMPLE_FRAME)).toBeNull();
  });
});

describe('grades and suggested points', () => {
  it.each([
    [100, 100, 'Tốt'],
    [80, 100, 'Tốt'],
    [79.75, 100, 'Đạt'],
    [50, 100, 'Đạt'],
    [49.75, 100, 'Không đạt'],
    // A frame of 110 points is graded on the score scaled to 100.
    [88, 110, 'Tốt'],
    [87.75, 110, 'Đạt'],
  ])('%d of %d points is "%s"', (score, max, grade) => {
    expect(gradeOf(score, max, frame.gradeBands)).toBe(grade);
  });

  it.each([
    [100, 6],
    [95, 3],
    [97.3, 4.25],
    [90, 0],
    [70, 0],
    [null, null],
  ])('on-time rate %s%% suggests %s of 6 points (full at 100%%, none at 90%%)', (value, points) => {
    expect(suggestedPoints({ key: 'on-time-rate', full: 100, zero: 90 }, value, 6)).toBe(points);
  });

  it('a rule where less is better counts down', () => {
    expect(suggestedPoints({ key: 'apology-letters', full: 0, zero: 10 }, 5, 4)).toBe(2);
  });
});

describe('self-scoring, submitting, appraising', () => {
  it('refuses scores above the maximum and unknown criteria', () => {
    expect(detailOf(() => applySelfScores(frame, draft, { scores: [{ code: '1.1', selfScore: 6.25, selfNote: '', fileIds: [] }] }))).toBe(
      'tiêu chí 1.1: điểm tự chấm 6,25 vượt điểm tối đa 6',
    );
    expect(detailOf(() => applySelfScores(frame, draft, { scores: [{ code: '9.9', selfScore: 1, selfNote: '', fileIds: [] }] }))).toContain('không có tiêu chí "9.9"');
  });

  it('submits only when every criterion is scored and has its evidence; a pre-filled figure with records counts as evidence', () => {
    const partly = applySelfScores(frame, draft, { scores: [{ code: '1.1', selfScore: 5, selfNote: '', fileIds: [] }] });
    expect(detailOf(() => submitEvaluation(frame, partly, () => false))).toBe('chưa tự chấm điểm các tiêu chí 1.2');
    const all = applySelfScores(frame, partly, { scores: [{ code: '1.2', selfScore: 4, selfNote: '', fileIds: [] }] });
    expect(detailOf(() => submitEvaluation(frame, all, () => false))).toBe('chưa đính kèm tài liệu kiểm chứng cho các tiêu chí 1.1');
    expect(submitEvaluation(frame, all, (code) => code === '1.1').status).toBe('submitted');
    // Zero points need no evidence.
    const zero = applySelfScores(frame, all, { scores: [{ code: '1.1', selfScore: 0, selfNote: '', fileIds: [] }] });
    expect(submitEvaluation(frame, zero, () => false).status).toBe('submitted');
  });

  it('appraisal: only once submitted, complete when every criterion is scored; totals, differences and grade follow', () => {
    const self = applySelfScores(frame, draft, {
      scores: [
        { code: '1.1', selfScore: 6, selfNote: '', fileIds: ['f'] },
        { code: '1.2', selfScore: 4, selfNote: '', fileIds: [] },
      ],
    });
    expect(detailOf(() => applyAppraisal(frame, self, { scores: [], complete: false }))).toContain('chưa gửi');
    const sent = submitEvaluation(frame, self, () => false);
    expect(detailOf(() => applySelfScores(frame, sent, { scores: [] }))).toContain('đã gửi thẩm định');
    const half = applyAppraisal(frame, sent, { scores: [{ code: '1.1', appraisalScore: 4.5, appraisalComment: ' thiếu sổ ' }], complete: false });
    expect(totalsOf(frame, half)).toMatchObject({ selfTotal: 10, appraisalTotal: 4.5, finalScore: null, grade: null });
    expect(detailOf(() => applyAppraisal(frame, half, { scores: [], complete: true }))).toBe('chưa chấm điểm thẩm định các tiêu chí 1.2');
    const done = applyAppraisal(frame, half, { scores: [{ code: '1.2', appraisalScore: 3, appraisalComment: '' }], complete: true });
    expect(done.status).toBe('appraised');
    expect(done.scores['1.1']!.appraisalComment).toBe('thiếu sổ');
    const totals = totalsOf(frame, done);
    // 7.5 of 10 points is 75 on the 100-point scale.
    expect(totals).toMatchObject({ maxPoints: 10, selfTotal: 10, finalScore: 7.5, grade: 'Đạt' });
    expect(totals.fields).toEqual([{ code: '1', name: 'TTHC', maxPoints: 10, selfPoints: 10, finalPoints: 7.5 }]);
    expect(detailOf(() => applyAppraisal(frame, done, { scores: [], complete: true }))).toContain('đã thẩm định xong');
  });

  it('a score above a maximum lowered after it was saved stops the submission', () => {
    const scored = applySelfScores(frame, draft, {
      scores: [
        { code: '1.1', selfScore: 6, selfNote: '', fileIds: ['f'] },
        { code: '1.2', selfScore: 4, selfNote: '', fileIds: [] },
      ],
    });
    const lowered = { ...frame, fields: [{ ...frame.fields[0]!, criteria: [{ ...frame.fields[0]!.criteria[0]!, maxPoints: 5 }, frame.fields[0]!.criteria[1]!] }] };
    expect(detailOf(() => submitEvaluation(lowered, scored, () => true))).toBe('tiêu chí 1.1: điểm tự chấm 6 vượt điểm tối đa 5');
  });

  it('appraisers may return a submitted evaluation to the unit', () => {
    const sent: EvaluationState = { status: 'submitted', scores: {} };
    expect(returnEvaluation(sent).status).toBe('draft');
    expect(() => returnEvaluation(draft)).toThrow();
  });
});

describe('ranking', () => {
  it('ranks by final score, ties share a rank, and the change from last year is shown', () => {
    const rows = [
      { unitId: 'a', unitName: 'Phường A', finalScore: 85 },
      { unitId: 'b', unitName: 'Phường B', finalScore: 91 },
      { unitId: 'c', unitName: 'Phường C', finalScore: 85 },
      { unitId: 'd', unitName: 'Phường D', finalScore: 70 },
    ];
    const previous = new Map([
      ['a', { rank: 1, finalScore: 90 }],
      ['d', { rank: 2, finalScore: 80 }],
    ]);
    expect(rankUnits(rows, previous).map((r) => [r.unitId, r.rank, r.previousRank, r.rankChange])).toEqual([
      ['b', 1, null, null],
      ['a', 2, 1, -1],
      ['c', 2, null, null],
      ['d', 4, 2, -2],
    ]);
  });
});

describe('importing a frame', () => {
  const rows = (cells: string[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));

  it('reads the sheet layout back from what the export writes', () => {
    const { criteria, bands } = rowsOfFrame(EXAMPLE_FRAME);
    const text = (r: (string | number)[][]) => rows(r.map((cells) => cells.map(String)));
    expect(frameFromRows(EXAMPLE_FRAME.name, text(criteria), text(bands))).toEqual(EXAMPLE_FRAME);
  });

  it.each([
    [[['', '', '1.1', 'X', '3']], 'dòng 2 (trang "Tiêu chí"): thiếu mã lĩnh vực (cột A)'],
    [[['1', '', '1.1', 'X', '3']], 'dòng 2 (trang "Tiêu chí"): thiếu tên lĩnh vực "1" (cột B)'],
    [[['1', 'A', '1.1', 'X', '3'], ['1', '', '1.1', 'Y', '2']], 'dòng 3 (trang "Tiêu chí"): mã tiêu chí "1.1" bị trùng'],
    [[['1', 'A', '1.1', 'X', '0']], 'dòng 2 (trang "Tiêu chí"): điểm tối đa "0" của tiêu chí 1.1'],
    [[['1', 'A', '1.1', 'X', '3', '', 'Có', 'so-lieu-la']], 'dòng 2 (trang "Tiêu chí"): số liệu tự động "so-lieu-la" không có'],
    [[['1', 'A', '1.1', 'X', '3', '', 'Có', 'on-time-rate', '100']], 'cần mức đạt điểm tối đa (cột I) và mức 0 điểm (cột J)'],
    [[['1', 'A', '1.1', 'X', '3', '', 'có lẽ']], 'cột G chỉ nhận "Có" hoặc "Không"'],
  ])('names the row of a problem: %j', (cells, message) => {
    expect(detailOf(() => frameFromRows('F', rows(cells), null))).toContain(message);
  });

  it('accepts decimal commas and "Không" for optional evidence, with default grade bands', () => {
    const f = frameFromRows('F', rows([['1', 'A', '1.1', 'X', '2,5', 'Sổ', 'Không']]), null);
    expect(f.fields[0]!.criteria[0]).toMatchObject({ maxPoints: 2.5, evidence: 'Sổ', evidenceRequired: false });
    expect(f.gradeBands[0]!.label).toBe('Xuất sắc');
  });

  it('grade bands must start at 0', () => {
    expect(detailOf(() => frameFromRows('F', rows([['1', 'A', '1.1', 'X', '3']]), rows([['Tốt', '80']])))).toBe('thang xếp loại phải có một mức bắt đầu từ 0 điểm');
  });

  it('a JSON frame names the place of a problem', () => {
    const bad = structuredClone(frame) as unknown as { fields: { criteria: { code: string }[] }[] };
    bad.fields[0]!.criteria[1]!.code = '1.1';
    expect(detailOf(() => frameFromJson(bad))).toBe('mã tiêu chí "1.1" bị trùng (lĩnh vực 1)');
    expect(detailOf(() => frameFromJson({ name: 'x', fields: [], gradeBands: [] }))).toContain('lĩnh vực');
  });
});
