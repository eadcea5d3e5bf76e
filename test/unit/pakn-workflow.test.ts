import { describe, expect, it } from 'vitest';
import {
  answerPakn,
  assignPakn,
  filePakn,
  paknActions,
  paknClockOf,
  paknCodeOf,
  publishPakn,
  recordPaknVerdict,
  rejectPakn,
  requestPaknInfo,
  supplyPaknInfo,
  type Pakn,
  type PaknIntake,
} from '../../src/core/pakn/pakn';
import { paknTimeliness } from '../../src/core/pakn/deadlines';
import { AppError } from '../../src/core/shared/app-error';
import { at, calendar } from './dossier-fixtures';

const MANAGER = { id: 'u-manager', name: 'Hoàng Thị Mai' };
const OFFICER = { id: 'u-officer', name: 'Nguyễn Thị Hương' };

const INTAKE: PaknIntake = {
  id: 'p-1',
  code: 'PA-261123-7KQ2MX9D',
  kind: 'complaint',
  category: 'attitude',
  subject: { kind: 'counter', dossierId: null, dossierCode: null, counterId: 'c-2', counterNumber: 2, officerId: null, officerName: null },
  content: 'Cán bộ quầy 2 không hướng dẫn rõ ràng.',
  anonymous: false,
  contact: { name: 'Trần Thị Bình', phone: '0912 345 678', email: '' },
  source: 'public',
};

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const filed = (more: Partial<PaknIntake> = {}) => filePakn({ ...INTAKE, ...more }, at('2026-11-23 09:00')).pakn;

describe('filing a PAKN', () => {
  it('keeps the contact, normalised, and logs pakn.received', () => {
    const { pakn, events } = filePakn(INTAKE, at('2026-11-23 09:00'));
    expect(pakn).toMatchObject({ status: 'received', contact: { name: 'Trần Thị Bình', phone: '0912345678', email: '' }, receivedAt: at('2026-11-23 09:00') });
    expect(events).toEqual([expect.objectContaining({ type: 'pakn.received', data: expect.objectContaining({ code: INTAKE.code, anonymous: false }) })]);
  });

  it('an anonymous one keeps no contact at all', () => {
    expect(filed({ anonymous: true }).contact).toBeNull();
  });

  it.each([
    [{ content: 'ngắn quá' }, 'ít nhất 10 ký tự'],
    [{ content: '0123456789 ?!' }, 'nêu rõ sự việc'],
    [{ contact: { name: '', phone: '0912345678', email: '' } }, 'họ tên'],
    [{ contact: { name: 'Bình', phone: '', email: '' } }, 'số điện thoại hoặc thư điện tử'],
    [{ contact: { name: 'Bình', phone: '091', email: '' } }, 'số điện thoại "091"'],
    [{ contact: { name: 'Bình', phone: '', email: 'binh@' } }, 'thư điện tử "binh@"'],
  ] as [Partial<PaknIntake>, string][])('refuses %j', (more, message) => {
    const error = thrown(() => filePakn({ ...INTAKE, ...more }, at('2026-11-23 09:00')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(String(error.params['detail'])).toContain(message);
  });

  it('codes carry the local date of receipt and the random part given', () => {
    expect(paknCodeOf('2026-12-03', '7KQ2MX9D')).toBe('PA-261203-7KQ2MX9D');
  });
});

describe('the workflow', () => {
  // status → actions allowed (the citizen's verdict included).
  const table: [string, (p: Pakn) => Pakn, string[]][] = [
    ['received', (p) => p, ['assign', 'request-info', 'reject', 'answer']],
    ['assigned', (p) => assignPakn(p, OFFICER, at('2026-11-23 10:00')).pakn, ['assign', 'request-info', 'reject', 'answer']],
    ['info-requested', (p) => requestPaknInfo(p, 'Quầy nào, lúc mấy giờ?', OFFICER, at('2026-11-23 11:00')).pakn, ['assign', 'supply-info', 'reject', 'answer']],
    ['answered', (p) => answerPakn(p, 'Trung tâm đã nhắc nhở cán bộ quầy 2.', OFFICER, at('2026-11-24 11:00')).pakn, ['publish', 'verdict']],
    ['published', (p) => publishPakn(answerPakn(p, 'Trung tâm đã nhắc nhở cán bộ quầy 2.', OFFICER, at('2026-11-24 11:00')).pakn, MANAGER, at('2026-11-25 09:00')).pakn, ['verdict']],
    ['rejected', (p) => rejectPakn(p, 'duplicate', 'Trùng PA-261120-AAAAAAAA', MANAGER, at('2026-11-23 12:00')).pakn, []],
  ];
  it.each(table)('%s allows exactly its actions', (status, bring, actions) => {
    const p = bring(filed());
    expect(p.status).toBe(status);
    expect(paknActions(p)).toEqual(actions);
  });

  it('an action the status does not allow is refused with PAKN_TRANSITION, naming it', () => {
    const rejected = rejectPakn(filed(), 'no-content', '', MANAGER, at('2026-11-23 12:00')).pakn;
    const error = thrown(() => answerPakn(rejected, 'Một câu trả lời đủ dài.', MANAGER, at('2026-11-23 13:00')));
    expect(error.code).toBe('PAKN_TRANSITION');
    expect(error.params).toEqual({ paknAction: 'answer', code: INTAKE.code, paknStatus: 'rejected' });
    expect(thrown(() => publishPakn(filed(), MANAGER, at('2026-11-23 13:00'))).code).toBe('PAKN_TRANSITION');
  });

  it('the citizen adding information returns it to where it was, and the clock resumes', () => {
    const assigned = assignPakn(filed(), OFFICER, at('2026-11-23 10:00')).pakn;
    const waiting = requestPaknInfo(assigned, 'Quầy nào, lúc mấy giờ?', OFFICER, at('2026-11-25 10:00')).pakn;
    // Reassigning while waiting keeps it waiting.
    expect(assignPakn(waiting, MANAGER, at('2026-11-25 11:00')).pakn.status).toBe('info-requested');
    const { pakn, events } = supplyPaknInfo(waiting, 'Quầy 2, khoảng 9 giờ sáng thứ Hai.', at('2026-11-30 14:00'));
    expect(pakn.status).toBe('assigned');
    expect(pakn.infoRequests).toEqual([
      { question: 'Quầy nào, lúc mấy giờ?', requestedAt: at('2026-11-25 10:00'), requestedBy: OFFICER, reply: 'Quầy 2, khoảng 9 giờ sáng thứ Hai.', suppliedAt: at('2026-11-30 14:00') },
    ]);
    expect(events.map((e) => e.type)).toEqual(['pakn.info-supplied']);
    // The same worked example as deadlines: 15 working days from 23/11 moved to Friday 18/12 11:00.
    expect(paknTimeliness(paknClockOf(pakn), at('2026-12-01 09:00'), calendar).current).toEqual({ kind: 'answer', due: at('2026-12-18 11:00') });
    // Without an earlier request, the citizen has nothing to add.
    expect(thrown(() => supplyPaknInfo(assigned, 'thêm', at('2026-11-30 14:00'))).code).toBe('PAKN_TRANSITION');
  });

  it('rejections name what the citizen needs to know', () => {
    expect(String(thrown(() => rejectPakn(filed(), 'not-competent', '', MANAGER, at('2026-11-23 12:00'))).params['detail'])).toContain('cơ quan có thẩm quyền');
    expect(String(thrown(() => rejectPakn(filed(), 'duplicate', ' ', MANAGER, at('2026-11-23 12:00'))).params['detail'])).toContain('mã phản ánh');
    expect(String(thrown(() => rejectPakn(filed(), 'no-information', '', MANAGER, at('2026-11-23 12:00'))).params['detail'])).toContain('sau khi đã yêu cầu');
    const { pakn, events } = rejectPakn(filed({ anonymous: true }), 'no-content', '', MANAGER, at('2026-11-24 12:00'));
    expect(pakn.rejection).toEqual({ reason: 'no-content', note: '', at: at('2026-11-24 12:00'), by: MANAGER });
    expect(events[0]).toMatchObject({ type: 'pakn.rejected', data: { reason: 'no-content' } });
  });

  it('the verdict comes once, after the answer', () => {
    expect(thrown(() => recordPaknVerdict(filed(), true, at('2026-11-24 12:00'))).code).toBe('PAKN_TRANSITION');
    const answered = answerPakn(filed(), 'Trung tâm đã nhắc nhở cán bộ quầy 2.', OFFICER, at('2026-11-24 11:00')).pakn;
    const judged = recordPaknVerdict(answered, true, at('2026-11-24 12:00')).pakn;
    expect(judged).toMatchObject({ citizenSatisfied: true, verdictAt: at('2026-11-24 12:00'), status: 'answered' });
    expect(paknActions(judged)).toEqual(['publish']);
    expect(thrown(() => recordPaknVerdict(judged, false, at('2026-11-24 13:00'))).code).toBe('PAKN_VERDICT_GIVEN');
  });
});
