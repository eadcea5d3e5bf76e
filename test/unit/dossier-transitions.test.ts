import { describe, expect, it } from 'vitest';
import { formatErrorMessage } from '../../src/contracts/errors';
import {
  availableActions,
  completeSupplement,
  DOSSIER_ACTIONS,
  finishStep,
  issueApology,
  receiveDossier,
  receiveIncompleteDossier,
  recordIncomplete,
  refuse,
  refuseAtReception,
  requestSupplement,
  returnResult,
  stopProcessing,
  withdraw,
  type DossierAction,
  type DossierResult,
} from '../../src/core/dossier/dossier';
import { DOSSIER_STATUSES, type Dossier, type DossierStatus } from '../../src/core/dossier/dossier-types';
import { AppError } from '../../src/core/shared/app-error';
import { at, calendar, dossierIn, INTAKE, MISSING, SIGN_OFF } from './dossier-fixtures';

const NOW = at('2026-11-20 10:00');

/** A valid press of each button. */
const PRESS: Record<DossierAction, (d: Dossier) => DossierResult> = {
  receive: (d) => receiveIncompleteDossier(d, ['Tờ khai', 'Căn cước công dân', 'Giấy ủy quyền'], NOW, calendar),
  'finish-step': (d) => finishStep(d, SIGN_OFF, NOW, calendar),
  'request-supplement': (d) => requestSupplement(d, MISSING, NOW),
  'complete-supplement': (d) => completeSupplement(d, NOW, calendar),
  'issue-apology': (d) => issueApology(d, { reason: 'Chờ xác minh sổ gốc', newDueAt: at('2026-12-02 17:00') }, NOW),
  stop: (d) => stopProcessing(d, 'Công dân đề nghị dừng giải quyết', NOW),
  refuse: (d) => refuse(d, 'Sổ gốc không còn lưu giữ tại cơ quan', NOW),
  withdraw: (d) => withdraw(d, NOW),
  'return-result': (d) => returnResult(d, { receivedBy: 'Nguyễn Thị Lan' }, NOW),
};

/** What each button leads to from the statuses where it is allowed. Written out, not derived. */
const ALLOWED: Record<DossierStatus, Partial<Record<DossierAction, DossierStatus>>> = {
  incomplete: { receive: 'in-progress', refuse: 'refused', withdraw: 'withdrawn' },
  refused: {},
  'in-progress': {
    'finish-step': 'in-progress',
    'request-supplement': 'supplement-requested',
    'issue-apology': 'in-progress',
    stop: 'stopped',
    refuse: 'refused',
    withdraw: 'withdrawn',
  },
  'supplement-requested': {
    'complete-supplement': 'in-progress',
    'issue-apology': 'supplement-requested',
    stop: 'stopped',
    refuse: 'refused',
    withdraw: 'withdrawn',
  },
  stopped: {},
  withdrawn: {},
  'result-ready': { 'return-result': 'returned' },
  returned: {},
};

const cases = DOSSIER_STATUSES.flatMap((status) =>
  DOSSIER_ACTIONS.map((action) => ({ status, action, to: ALLOWED[status][action] ?? null })),
);

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('dossier state machine', () => {
  it.each(cases.filter((c) => c.to !== null))('$action from $status leads to $to without touching the input', ({ status, action, to }) => {
    const before = dossierIn(status);
    const snapshot = structuredClone(before);
    const { dossier, events } = PRESS[action](before);
    expect(dossier.status).toBe(to);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type.startsWith('dossier.') && e.at.getTime() === NOW.getTime())).toBe(true);
    expect(before).toEqual(snapshot);
  });

  it.each(cases.filter((c) => c.to === null))('$action from $status is refused with DOSSIER_TRANSITION', ({ status, action }) => {
    const before = dossierIn(status);
    const snapshot = structuredClone(before);
    const error = thrown(() => PRESS[action](before));
    expect(error.code).toBe('DOSSIER_TRANSITION');
    expect(error.params.code).toBe(before.code);
    expect(formatErrorMessage('DOSSIER_TRANSITION', 'vi', error.params)).toMatch(/\(quy tắc: chỉ .+\)\.$/);
    expect(formatErrorMessage('DOSSIER_TRANSITION', 'en', error.params)).toMatch(/\(rule: [a-z].+\)\.$/);
    expect(before).toEqual(snapshot);
  });

  it.each(DOSSIER_STATUSES)('the buttons offered in %s are exactly the allowed actions', (status) => {
    expect(availableActions(dossierIn(status)).sort()).toEqual(Object.keys(ALLOWED[status]).sort());
  });

  it('returning a result never produced names the action, the status and the rule, in Vietnamese or English', () => {
    const error = thrown(() => PRESS['return-result'](dossierIn('in-progress')));
    expect(error.params).toEqual({ action: 'return-result', code: INTAKE.code, status: 'in-progress', rule: 'return-result' });
    expect(formatErrorMessage('DOSSIER_TRANSITION', 'vi', error.params)).toBe(
      `Không thể trả kết quả khi hồ sơ ${INTAKE.code} đang ở trạng thái "đang xử lý" (quy tắc: chỉ trả kết quả khi hồ sơ đã xử lý xong).`,
    );
    expect(formatErrorMessage('DOSSIER_TRANSITION', 'en', error.params)).toBe(
      `Cannot return the result while dossier ${INTAKE.code} is "in progress" (rule: a result is returned only once the dossier has been processed).`,
    );
  });

  it('the last step makes the result ready; returning it records who received it', () => {
    let d = dossierIn('in-progress');
    const steps: string[] = [];
    while (d.status === 'in-progress') {
      const result = finishStep(d, SIGN_OFF, at('2026-11-24 10:00'), calendar);
      steps.push(...result.events.map((e) => e.type));
      d = result.dossier;
    }
    expect(steps).toEqual([
      'dossier.step-finished',
      'dossier.step-finished',
      'dossier.step-finished',
      'dossier.step-finished',
      'dossier.result-ready',
    ]);
    expect(d.finishedAt).toEqual(at('2026-11-24 10:00'));
    expect(d.steps.every((s) => s.officerName === 'Lê Minh')).toBe(true);
    const returned = returnResult(d, { receivedBy: '  Nguyễn Thị Lan ' }, at('2026-11-25 09:00')).dossier;
    expect(returned).toMatchObject({ status: 'returned', returnedAt: at('2026-11-25 09:00'), returnedTo: 'Nguyễn Thị Lan' });
    expect(() => returnResult(d, { receivedBy: ' ' }, at('2026-11-25 09:00'))).toThrow(/VALIDATION_FAILED/);
  });

  it('withdrawal keeps its time so reports know when the dossier left', () => {
    expect(dossierIn('withdrawn').withdrawnAt).toEqual(at('2026-11-19 09:00'));
  });
});

describe('reception at the counter', () => {
  it('a complete dossier starts the clock: appointment and first step due, later steps not started', () => {
    const { dossier, events } = receiveDossier(INTAKE, at('2026-11-18 10:00'), calendar);
    expect(dossier).toMatchObject({
      status: 'in-progress',
      receivedAt: at('2026-11-18 10:00'),
      dueAt: at('2026-11-25 17:00'),
      receivedById: 'o-hoa',
      procedureVersionId: 'pv-2.000908-1',
    });
    // 8 office hours from Wednesday 10:00 end Thursday 10:00.
    expect(dossier.steps[0]).toMatchObject({ startedAt: at('2026-11-18 10:00'), dueAt: at('2026-11-19 10:00') });
    expect(dossier.steps.slice(1).every((s) => s.startedAt === null && s.dueAt === null)).toBe(true);
    expect(dossier.documents.map((d) => d.received)).toEqual([true, true, false]);
    expect(events.map((e) => e.type)).toEqual(['dossier.received']);
  });

  it('the next step gets its own allowance from when the previous one finished', () => {
    const next = finishStep(dossierIn('in-progress'), SIGN_OFF, at('2026-11-19 15:00'), calendar).dossier;
    // 16 office hours from Thursday 15:00: 2 h Thursday, 8 h Friday, 6 h Monday → Monday 15:00.
    expect(next.steps[1]).toMatchObject({ startedAt: at('2026-11-19 15:00'), dueAt: at('2026-11-23 15:00') });
    expect(next.steps[0]!.finishedAt).toEqual(at('2026-11-19 15:00'));
  });

  it.each([
    { ticked: ['Tờ khai'], items: 'Căn cước công dân' },
    { ticked: ['Giấy ủy quyền'], items: 'Tờ khai, Căn cước công dân' },
  ])('missing mandatory papers ($items) cannot be received', ({ ticked, items }) => {
    const error = thrown(() => receiveDossier({ ...INTAKE, ticked }, at('2026-11-18 10:00'), calendar));
    expect(error.code).toBe('DOCUMENTS_MISSING');
    expect(error.params).toEqual({ items });
  });

  it('the applicant must be named', () => {
    const error = thrown(() =>
      receiveDossier({ ...INTAKE, applicant: { ...INTAKE.applicant, fullName: '  ' } }, at('2026-11-18 10:00'), calendar),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.params.detail).toContain('fullName');
  });

  it('Form 02 records the guidance without an appointment; coming back later starts the clock then', () => {
    const incomplete = recordIncomplete(INTAKE, MISSING, at('2026-11-17 09:00'));
    expect(incomplete.dossier).toMatchObject({ status: 'incomplete', receivedAt: null, dueAt: null });
    expect(incomplete.dossier.guidance).toEqual({ at: at('2026-11-17 09:00'), items: MISSING });
    expect(incomplete.events.map((e) => e.type)).toEqual(['dossier.incomplete']);

    const later = receiveIncompleteDossier(incomplete.dossier, ['Tờ khai', 'Căn cước công dân', 'Giấy ủy quyền'], at('2026-11-18 10:00'), calendar);
    expect(later.dossier).toMatchObject({ status: 'in-progress', receivedAt: at('2026-11-18 10:00'), dueAt: at('2026-11-25 17:00') });
    expect(() => receiveIncompleteDossier(incomplete.dossier, ['Tờ khai'], at('2026-11-18 10:00'), calendar)).toThrow(
      /DOCUMENTS_MISSING/,
    );
  });

  it.each([
    { items: [], why: 'no item' },
    { items: [{ name: 'Giấy ủy quyền', reason: ' ' }], why: 'an item without a reason' },
    { items: [{ name: '', reason: 'Thiếu' }], why: 'an item without a name' },
  ])('Form 02 and a supplement request reject $why', ({ items }) => {
    expect(thrown(() => recordIncomplete(INTAKE, items, at('2026-11-17 09:00'))).code).toBe('VALIDATION_FAILED');
    expect(thrown(() => requestSupplement(dossierIn('in-progress'), items, at('2026-11-19 09:00'))).code).toBe('VALIDATION_FAILED');
  });

  it('refusal needs a reason, at the counter and later', () => {
    expect(thrown(() => refuseAtReception(INTAKE, '', at('2026-11-17 09:00'))).code).toBe('VALIDATION_FAILED');
    expect(thrown(() => refuse(dossierIn('in-progress'), '   ', at('2026-11-19 09:00'))).code).toBe('VALIDATION_FAILED');
    const refused = refuseAtReception(INTAKE, 'Không thuộc thẩm quyền', at('2026-11-17 09:00')).dossier;
    expect(refused).toMatchObject({ status: 'refused', receivedAt: null, refusal: { reason: 'Không thuộc thẩm quyền' } });
  });
});
