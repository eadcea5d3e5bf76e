/**
 * Ticket numbers. Each field draws from its own daily series, either a letter prefix ("HT001") or a
 * numeric block ("1001"–"1999"); the series restarts at local midnight. The sequence itself is
 * allocated atomically by the database; this module only decides what a sequence number looks like
 * and whether the field may still issue it.
 */
import { AppError } from '../shared/app-error';

export const NUMBERING_MODES = ['prefix', 'block'] as const;
export type NumberingMode = (typeof NUMBERING_MODES)[number];

export interface FieldNumbering {
  numberingMode: NumberingMode;
  /** Letters before the sequence in prefix mode, e.g. "HT". */
  prefix: string | null;
  /** First and last number of the block in block mode, e.g. 1001 and 1999. */
  blockStart: number | null;
  blockEnd: number | null;
  /** Most tickets the field may issue in a day; null for no cap beyond the block size. */
  dailyCap: number | null;
}

/** How many numbers the field can issue in one day. */
export function dailyCapacity(numbering: FieldNumbering): number {
  const blockSize =
    numbering.numberingMode === 'block' && numbering.blockStart !== null && numbering.blockEnd !== null
      ? numbering.blockEnd - numbering.blockStart + 1
      : 9999;
  return Math.max(0, Math.min(blockSize, numbering.dailyCap ?? Number.POSITIVE_INFINITY));
}

/** The number shown and spoken for the seq-th ticket of the day (seq starts at 1). */
export function formatTicketNumber(numbering: FieldNumbering, seq: number): string {
  if (numbering.numberingMode === 'block') return String((numbering.blockStart ?? 1) + seq - 1);
  return `${numbering.prefix ?? ''}${String(seq).padStart(3, '0')}`;
}

/** Throws DAILY_CAP_REACHED when the seq-th number is beyond what the field may issue today. */
export function assertWithinCapacity(fieldName: string, numbering: FieldNumbering, seq: number): void {
  const cap = dailyCapacity(numbering);
  if (seq > cap) throw new AppError('DAILY_CAP_REACHED', { field: fieldName, cap });
}

/** Problems with a numbering definition, as message keys with parameters; empty when valid. */
export function validateNumbering(numbering: FieldNumbering): string[] {
  const problems: string[] = [];
  if (numbering.numberingMode === 'prefix') {
    if (!numbering.prefix || !/^[A-Z]{1,3}$/.test(numbering.prefix)) problems.push('prefix');
  } else {
    const { blockStart: start, blockEnd: end } = numbering;
    if (start === null || end === null || !Number.isInteger(start) || !Number.isInteger(end)) {
      problems.push('block');
    } else if (start < 1 || end > 99999 || end < start) {
      problems.push('block');
    }
  }
  if (numbering.dailyCap !== null && (!Number.isInteger(numbering.dailyCap) || numbering.dailyCap < 1)) {
    problems.push('dailyCap');
  }
  return problems;
}

/** Whether two block-mode fields would hand out the same number on the same day. */
export function blocksOverlap(a: FieldNumbering, b: FieldNumbering): boolean {
  if (a.numberingMode === 'prefix' && b.numberingMode === 'prefix') return a.prefix === b.prefix;
  if (a.numberingMode !== 'block' || b.numberingMode !== 'block') return false;
  if (a.blockStart === null || a.blockEnd === null || b.blockStart === null || b.blockEnd === null) {
    return false;
  }
  return a.blockStart <= b.blockEnd && b.blockStart <= a.blockEnd;
}
