import { describe, expect, it } from 'vitest';
import { isWeekend } from '../calendar/iso-date';
import { AppError } from '../shared/app-error';
import { planAccess, seesUnit, type Viewer } from './access';
import { checkChecklist, DEFAULT_CHECKLIST } from './checklist';
import { applyActionUpdate, dueDateOf, isLate, isOverdue, type ActionParty, type ActionState } from './corrective-action';
import { assertRoundOpen, statusAfterWork, tallyVerdicts } from './round';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
  return 'ok';
};

describe('corrective action deadlines on the working calendar', () => {
  // 2026: Tết off 16–20/2 (with the weekends around it).
  const tet = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  const working = (d: string) => !isWeekend(d) && !tet.has(d);
  it.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-27', 1, '2026-11-30'], // Friday → Monday
    ['2026-11-25', 5, '2026-12-02'],
    ['2026-02-12', 3, '2026-02-24'], // Thursday before Tết: 13/2, 23/2, 24/2
    ['2026-02-14', 1, '2026-02-23'], // set on a Saturday
  ])('from %s, %i working days → %s', (start, days, due) => {
    expect(dueDateOf(start, days, working)).toBe(due);
  });
  it('refuses zero days', () => expect(code(() => dueDateOf('2026-11-25', 0, working))).toBe('VALIDATION_FAILED'));

  it.each([
    ['open', '2026-12-02', '2026-12-02', false],
    ['open', '2026-12-02', '2026-12-03', true],
    ['in-progress', '2026-12-02', '2026-12-03', true],
    ['done', '2026-12-02', '2026-12-09', false],
    ['closed', '2026-12-02', '2026-12-09', false],
  ] as const)('%s due %s on %s → overdue %s', (status, dueDate, today, overdue) => {
    expect(isOverdue({ status, dueDate }, today)).toBe(overdue);
  });
  it('done after the due date is late', () => {
    expect(isLate({ status: 'closed', dueDate: '2026-12-02', doneDay: '2026-12-03' })).toBe(true);
    expect(isLate({ status: 'done', dueDate: '2026-12-02', doneDay: '2026-12-02' })).toBe(false);
  });
});

describe('corrective action steps', () => {
  const now = new Date('2026-11-26T03:00:00Z');
  const fresh: ActionState = { status: 'open', dueDate: '2026-12-02', progress: [], fixFileIds: [], doneAt: null, closedAt: null, closedBy: null };
  const unit: ActionParty = { id: 'u', name: 'Trưởng phòng', mayUpdate: true, mayVerify: false };
  const inspector: ActionParty = { id: 'i', name: 'Thanh tra', mayUpdate: false, mayVerify: true };

  it('runs progress → done with evidence → closed, keeping the history', () => {
    const a1 = applyActionUpdate(fresh, { action: 'progress', text: 'Đang niêm yết lại', fixFileIds: ['f1'] }, unit, now);
    expect(a1.status).toBe('in-progress');
    const a2 = applyActionUpdate(a1, { action: 'done', text: 'Đã niêm yết', fixFileIds: ['f1', 'f2'] }, unit, now);
    expect(a2).toMatchObject({ status: 'done', fixFileIds: ['f1', 'f2'], doneAt: now });
    const a3 = applyActionUpdate(a2, { action: 'close', text: 'Đã kiểm tra thực tế' }, inspector, now);
    expect(a3).toMatchObject({ status: 'closed', closedBy: 'i' });
    expect(a3.progress.map((p) => [p.status, p.byName])).toEqual([
      ['in-progress', 'Trưởng phòng'],
      ['done', 'Trưởng phòng'],
      ['closed', 'Thanh tra'],
    ]);
  });

  it('refuses done without fix evidence, and steps out of order or by the wrong party', () => {
    expect(code(() => applyActionUpdate(fresh, { action: 'done', text: 'xong', fixFileIds: [] }, unit, now))).toBe('VALIDATION_FAILED');
    expect(code(() => applyActionUpdate(fresh, { action: 'close', text: '' }, inspector, now))).toBe('VALIDATION_FAILED');
    expect(code(() => applyActionUpdate(fresh, { action: 'close', text: '' }, unit, now))).toBe('FORBIDDEN');
    expect(code(() => applyActionUpdate(fresh, { action: 'progress', text: 'x', fixFileIds: [] }, inspector, now))).toBe('FORBIDDEN');
  });

  it('a done action sent back is in progress again and no longer done', () => {
    const done = applyActionUpdate(fresh, { action: 'done', text: 'xong', fixFileIds: ['f'] }, unit, now);
    const back = applyActionUpdate(done, { action: 'reopen', text: 'Chưa niêm yết trên cổng' }, inspector, now);
    expect(back).toMatchObject({ status: 'in-progress', doneAt: null });
  });
});

describe('who sees what', () => {
  const plan = { unitIds: ['A', 'B'], team: [{ userId: 'insp1' }, { userId: null }] };
  const v = (role: Viewer['role'], id = 'x', unitId: string | null = null): Viewer => ({ id, role, unitId });
  it.each([
    ['admin', v('admin'), true, 'all', true, true, true],
    ['inspector on the team', v('inspector', 'insp1'), true, 'all', true, false, true],
    ['inspector not on the team', v('inspector', 'insp2'), false, '', false, false, false],
    ['head of unit A', v('manager', 'm', 'A'), true, 'A', false, true, false],
    ['head of unit C', v('manager', 'm', 'C'), false, '', false, false, false],
    ['centre manager', v('manager'), true, 'all', false, true, false],
    ['officer', v('officer'), false, '', false, false, false],
  ] as const)('%s', (_, viewer, see, units, run, update, verify) => {
    const a = planAccess(viewer, plan);
    expect({ see: a.see, run: a.run, update: a.updateActions, verify: a.verifyActions }).toEqual({ see, run, update, verify });
    expect(['A', 'B'].filter((u) => seesUnit(a, u)).join('')).toBe(units === 'all' ? 'AB' : units);
  });
});

describe('checklist and rounds', () => {
  it('the default checklist covers all eight PAR fields with the procedure-reform evidence spelled out', () => {
    expect(new Set(DEFAULT_CHECKLIST.map((c) => c.field))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    const field3 = DEFAULT_CHECKLIST.filter((c) => c.field === 3).map((c) => c.text).join(' | ');
    for (const word of ['Công khai', 'đúng hạn', 'xin lỗi', 'Sổ theo dõi', 'Phiếu kiểm soát', 'một cửa', 'trực tuyến', 'phản ánh']) expect(field3).toContain(word);
    expect(checkChecklist(DEFAULT_CHECKLIST)).toHaveLength(DEFAULT_CHECKLIST.length);
  });
  it('refuses an empty list, a duplicate id or a field outside 1–8, and groups by field', () => {
    expect(code(() => checkChecklist([]))).toBe('VALIDATION_FAILED');
    const c = { id: 'a', field: 3, code: 'a', text: 't', evidenceHint: '' };
    expect(code(() => checkChecklist([c, c]))).toBe('VALIDATION_FAILED');
    expect(code(() => checkChecklist([{ ...c, field: 9 }]))).toBe('VALIDATION_FAILED');
    expect(checkChecklist([c, { ...c, id: 'b', field: 1 }]).map((x) => x.id)).toEqual(['b', 'a']);
  });
  it('tallies a unit: unjudged criteria are pending, the rate counts only judged ones that apply', () => {
    const list = DEFAULT_CHECKLIST.slice(0, 5);
    const t = tallyVerdicts(list, new Map([['1.1', 'met'], ['1.2', 'met'], ['1.3', 'not-met'], ['1.4', 'not-applicable']] as const));
    expect(t).toEqual({ met: 2, partly: 0, notMet: 1, notApplicable: 1, pending: 1, metRate: 66.7 });
    expect(tallyVerdicts(list, new Map()).metRate).toBeNull();
  });
  it('a concluded round takes no more verdicts', () => {
    expect(statusAfterWork('planned')).toBe('in-progress');
    expect(code(() => assertRoundOpen('concluded'))).toBe('VALIDATION_FAILED');
  });
});
