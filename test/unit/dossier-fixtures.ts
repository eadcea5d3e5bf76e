/**
 * Shared setup for the dossier tests: a procedure, a counter intake, a calendar and a dossier brought
 * to any status through the real actions. Dates are local (UTC+7) in late November 2026, a month
 * without public holidays; 16/11 and 23/11 are Mondays.
 */
import { computeDue } from '../../src/core/calendar/due-date';
import { createWorkingCalendar } from '../../src/core/calendar/working-calendar';
import { deadlineCalendarFrom, type DeadlineCalendar } from '../../src/core/dossier/deadline-calendar';
import {
  finishStep,
  receiveDossier,
  recordIncomplete,
  refuseAtReception,
  requestSupplement,
  returnResult,
  stopProcessing,
  withdraw,
  type DossierIntake,
} from '../../src/core/dossier/dossier';
import type { Dossier, DossierStatus } from '../../src/core/dossier/dossier-types';

/** "2026-11-18 10:00" local → instant. */
export const at = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+07:00`);

/** The real working calendar and due-date rule, with the rule-computed holidays and no adjustments. */
export const calendar: DeadlineCalendar = deadlineCalendarFrom(createWorkingCalendar({ adjustments: [] }), computeDue);

/** Five working days; four internal steps worth 40 office hours in all. */
export const INTAKE: DossierIntake = {
  id: 'hs-1',
  code: '000.00.16.H26-261118-0001',
  procedure: {
    versionId: 'pv-2.000908-1',
    code: '2.000908',
    name: 'Cấp bản sao từ sổ gốc',
    processingTime: { amount: 5, unit: 'working-days' },
    documents: [
      { name: 'Tờ khai', copies: 'Bản chính: 1', mandatory: true },
      { name: 'Căn cước công dân', copies: 'Bản sao: 1', mandatory: true },
      { name: 'Giấy ủy quyền', copies: 'Bản chính: 1', mandatory: false },
    ],
    steps: [
      { code: 'assign', name: 'Thụ lý hồ sơ', allowanceHours: 8, unit: 'Phòng Tư pháp' },
      { code: 'appraise', name: 'Thẩm định', allowanceHours: 16, unit: 'Phòng Tư pháp' },
      { code: 'sign', name: 'Ký duyệt', allowanceHours: 8, unit: 'Lãnh đạo UBND' },
      { code: 'issue', name: 'Phát hành', allowanceHours: 8, unit: 'Văn thư' },
    ],
  },
  channel: 'direct',
  applicant: { fullName: 'Nguyễn Thị Lan', idNumber: '001190012345', address: null, phone: '0912345678', email: null },
  ticked: ['Tờ khai', 'Căn cước công dân'],
  ticketId: 'tk-1',
  officer: { id: 'o-hoa', name: 'Trần Văn Hòa' },
};

export const RECEIVED_AT = '2026-11-18 10:00';
/** Five working days after Wednesday 18/11: Wednesday 25/11 at 17:00. */
export const DUE_AT = '2026-11-25 17:00';

export const SIGN_OFF = { officerId: 'o-minh', officerName: 'Lê Minh', note: null };

export const received = (when = RECEIVED_AT): Dossier => receiveDossier(INTAKE, at(when), calendar).dossier;

/** Finishes every remaining step at the same instant. */
export function finishAll(d: Dossier, when: string): Dossier {
  let current = d;
  while (current.status === 'in-progress') current = finishStep(current, SIGN_OFF, at(when), calendar).dossier;
  return current;
}

export const MISSING = [{ name: 'Giấy ủy quyền', reason: 'Người nộp không phải người yêu cầu cấp bản sao' }];

/** A dossier brought to each status through the real actions. */
export function dossierIn(status: DossierStatus): Dossier {
  switch (status) {
    case 'incomplete':
      return recordIncomplete(INTAKE, MISSING, at('2026-11-17 09:00')).dossier;
    case 'refused':
      return refuseAtReception(INTAKE, 'Không thuộc thẩm quyền giải quyết của UBND phường', at('2026-11-17 09:00')).dossier;
    case 'in-progress':
      return received();
    case 'supplement-requested':
      return requestSupplement(received(), MISSING, at('2026-11-19 09:00')).dossier;
    case 'stopped':
      return stopProcessing(received(), 'Công dân đề nghị dừng giải quyết', at('2026-11-19 09:00')).dossier;
    case 'withdrawn':
      return withdraw(received(), at('2026-11-19 09:00')).dossier;
    case 'result-ready':
      return finishAll(received(), '2026-11-24 10:00');
    case 'returned':
      return returnResult(finishAll(received(), '2026-11-24 10:00'), { receivedBy: 'Nguyễn Thị Lan' }, at('2026-11-24 14:00')).dossier;
  }
}
