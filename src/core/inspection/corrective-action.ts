/**
 * A corrective action (biện pháp khắc phục) set for a finding: the unit reports progress with the evidence
 * of the fix and declares it done; the inspection team verifies and closes it, or sends it back.
 *
 *   open ──progress──▶ in-progress ──done──▶ done ──close──▶ closed
 *     └──────────────done──────────────────▲    └──reopen──▶ in-progress
 *
 * "done" needs the evidence of the fix (at least one file): an inspector closes on evidence, not on a word.
 * Deadlines are in working days on the working calendar; an action past its due date and not yet done is
 * overdue, and one done after it is late.
 */
import type { ActionStatus } from '../../contracts/inspection';
import { addDays } from '../calendar/iso-date';
import { AppError } from '../shared/app-error';

export interface ActionProgress {
  /** ISO instant. */
  at: string;
  byName: string;
  status: ActionStatus;
  text: string;
}

export interface ActionState {
  status: ActionStatus;
  dueDate: string;
  progress: ActionProgress[];
  fixFileIds: string[];
  doneAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
}

/** Who acts: the unit answering for the action, or the team verifying it (an admin may be both). */
export interface ActionParty {
  id: string;
  name: string;
  mayUpdate: boolean;
  mayVerify: boolean;
}

export type ActionUpdate =
  | { action: 'progress'; text: string; fixFileIds: string[] }
  | { action: 'done'; text: string; fixFileIds: string[] }
  | { action: 'close'; text: string }
  | { action: 'reopen'; text: string };

const STEP_LABEL: Record<ActionUpdate['action'], string> = {
  progress: 'cập nhật tiến độ',
  done: 'báo cáo đã khắc phục',
  close: 'xác nhận hoàn thành',
  reopen: 'yêu cầu khắc phục tiếp',
};

const STATUS_TEXT: Record<ActionStatus, string> = {
  open: 'chưa khắc phục',
  'in-progress': 'đang khắc phục',
  done: 'đã khắc phục, chờ xác nhận',
  closed: 'đã xác nhận hoàn thành',
};

/**
 * The due date of an action given `workingDays` working days from `startDate`: the last of the next
 * `workingDays` working days after the start day (the start day itself is the day it was set).
 */
export function dueDateOf(startDate: string, workingDays: number, isWorkingDay: (date: string) => boolean): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new AppError('VALIDATION_FAILED', { detail: 'thời hạn khắc phục phải từ 1 ngày làm việc' });
  let day = startDate;
  let left = workingDays;
  // A year of days off in a row does not exist; the bound only guards against a broken calendar.
  for (let guard = 0; left > 0; guard += 1) {
    if (guard > 3660) throw new AppError('VALIDATION_FAILED', { detail: 'lịch làm việc không có đủ ngày làm việc' });
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Still to be fixed and past its due date, on `today` (a working-calendar date). */
export function isOverdue(a: Pick<ActionState, 'status' | 'dueDate'>, today: string): boolean {
  return (a.status === 'open' || a.status === 'in-progress') && today > a.dueDate;
}

/** Declared done after its due date (a local day). */
export function isLate(a: Pick<ActionState, 'status' | 'dueDate'> & { doneDay: string | null }): boolean {
  return (a.status === 'done' || a.status === 'closed') && a.doneDay !== null && a.doneDay > a.dueDate;
}

/** Still the unit's to fix (what the next round follows up). */
export function isOpen(status: ActionStatus): boolean {
  return status !== 'closed';
}

function refuse(update: ActionUpdate, status: ActionStatus): never {
  throw new AppError('VALIDATION_FAILED', { detail: `không thể ${STEP_LABEL[update.action]} khi biện pháp khắc phục đang ở trạng thái "${STATUS_TEXT[status]}"` });
}

export function applyActionUpdate(a: ActionState, update: ActionUpdate, by: ActionParty, now: Date): ActionState {
  const verifying = update.action === 'close' || update.action === 'reopen';
  if (verifying ? !by.mayVerify : !by.mayUpdate) throw new AppError('FORBIDDEN');
  const entry = (status: ActionStatus, text: string): ActionProgress => ({ at: now.toISOString(), byName: by.name, status, text });
  switch (update.action) {
    case 'progress': {
      if (a.status !== 'open' && a.status !== 'in-progress') refuse(update, a.status);
      return {
        ...a,
        status: 'in-progress',
        fixFileIds: mergeIds(a.fixFileIds, update.fixFileIds),
        progress: [...a.progress, entry('in-progress', update.text)],
      };
    }
    case 'done': {
      if (a.status !== 'open' && a.status !== 'in-progress') refuse(update, a.status);
      const files = mergeIds(a.fixFileIds, update.fixFileIds);
      if (files.length === 0) {
        throw new AppError('VALIDATION_FAILED', { detail: 'hãy đính kèm tài liệu chứng minh đã khắc phục trước khi báo cáo hoàn thành' });
      }
      return { ...a, status: 'done', fixFileIds: files, doneAt: now, progress: [...a.progress, entry('done', update.text)] };
    }
    case 'close': {
      if (a.status !== 'done') refuse(update, a.status);
      return { ...a, status: 'closed', closedAt: now, closedBy: by.id, progress: [...a.progress, entry('closed', update.text)] };
    }
    case 'reopen': {
      if (a.status !== 'done') refuse(update, a.status);
      return { ...a, status: 'in-progress', doneAt: null, progress: [...a.progress, entry('in-progress', update.text)] };
    }
  }
}

function mergeIds(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added])];
}
