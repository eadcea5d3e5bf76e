/**
 * The field (lĩnh vực) form: what the inputs hold, how a saved field fills them, and how they
 * become a FieldInput. The checks mirror the server's so a mistake is pointed out next to its input
 * before saving; the server stays the judge (overlaps, unique codes) and its message is shown too.
 */
import type { Field, FieldInput } from '../../contracts/api';
import { draftsToWindows, windowsToDrafts, type WindowDraft, type WindowProblem } from './opening-hours';
import { minutesToSeconds, parseWhole, secondsToMinutes } from './format';

export interface FieldDraft {
  code: string;
  nameVi: string;
  nameEn: string;
  numberingMode: 'prefix' | 'block';
  prefix: string;
  blockStart: string;
  blockEnd: string;
  dailyCap: string;
  hours: WindowDraft[];
  serviceMinutes: string;
  sortOrder: string;
  active: boolean;
}

export type FieldHintKey =
  | 'code'
  | 'nameVi'
  | 'nameEn'
  | 'prefix'
  | 'blockStart'
  | 'blockEnd'
  | 'dailyCap'
  | 'hours'
  | 'serviceMinutes'
  | 'sortOrder';

export type FieldHintCode =
  | 'required'
  | 'too-long'
  | 'code-format'
  | 'prefix-format'
  | 'whole-1-99999'
  | 'block-order'
  | 'overlap'
  | 'service-range'
  | 'sort-range'
  | 'hours-rows'
  | 'hours-too-many';

export interface FieldHint {
  code: FieldHintCode;
  /** For 'overlap': the name of the field already using the numbers. */
  other?: string;
}

export type FieldHints = Partial<Record<FieldHintKey, FieldHint>>;

export function emptyFieldDraft(sortOrder = 0): FieldDraft {
  return {
    code: '',
    nameVi: '',
    nameEn: '',
    numberingMode: 'block',
    prefix: '',
    blockStart: '',
    blockEnd: '',
    dailyCap: '',
    hours: [],
    serviceMinutes: '10',
    sortOrder: String(sortOrder),
    active: true,
  };
}

export function fieldToDraft(field: Field): FieldDraft {
  return {
    code: field.code,
    nameVi: field.nameVi,
    nameEn: field.nameEn,
    numberingMode: field.numberingMode,
    prefix: field.prefix ?? '',
    blockStart: field.blockStart === null ? '' : String(field.blockStart),
    blockEnd: field.blockEnd === null ? '' : String(field.blockEnd),
    dailyCap: field.dailyCap === null ? '' : String(field.dailyCap),
    hours: windowsToDrafts(field.openingHours),
    serviceMinutes: secondsToMinutes(field.defaultServiceSeconds),
    sortOrder: String(field.sortOrder),
    active: field.active,
  };
}

/** The first number the field would hand out today, e.g. "HT001" or "1001"; null while unknown. */
export function firstNumberPreview(draft: FieldDraft): string | null {
  if (draft.numberingMode === 'prefix') {
    const prefix = draft.prefix.trim().toUpperCase();
    return /^[A-Z]{1,3}$/.test(prefix) ? `${prefix}001` : null;
  }
  const start = parseWhole(draft.blockStart);
  return start !== null && Number.isInteger(start) && start >= 1 ? String(start) : null;
}

/** How many numbers a day the field can hand out (block size and cap), or null when unlimited/unknown. */
export function dailyCapacity(draft: FieldDraft): number | null {
  const cap = parseWhole(draft.dailyCap);
  const validCap = cap !== null && Number.isInteger(cap) && cap >= 1 ? cap : null;
  let block: number | null = draft.numberingMode === 'prefix' ? 9999 : null;
  if (draft.numberingMode === 'block') {
    const start = parseWhole(draft.blockStart);
    const end = parseWhole(draft.blockEnd);
    if (start !== null && end !== null && Number.isInteger(start) && Number.isInteger(end) && end >= start) block = end - start + 1;
  }
  if (block === null) return validCap;
  return validCap === null ? block : Math.min(block, validCap);
}

function wholeInRange(text: string, min: number, max: number): number | null | undefined {
  const value = parseWhole(text);
  if (value === null) return null;
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** Other fields already in the centre, to warn about a number series used twice. */
export type NumberingOfOther = Pick<Field, 'id' | 'nameVi' | 'nameEn' | 'numberingMode' | 'prefix' | 'blockStart' | 'blockEnd'>;

export function draftToFieldInput(
  draft: FieldDraft,
  others: readonly NumberingOfOther[] = [],
  selfId: string | null = null,
  lang: 'vi' | 'en' = 'vi',
): { ok: true; input: FieldInput } | { ok: false; hints: FieldHints; windowProblems: Map<number, WindowProblem> } {
  const hints: FieldHints = {};
  let windowProblems = new Map<number, WindowProblem>();

  const code = draft.code.trim().toUpperCase();
  if (!code) hints.code = { code: 'required' };
  else if (!/^[A-Z0-9_-]{1,16}$/.test(code)) hints.code = { code: 'code-format' };

  const nameVi = draft.nameVi.trim();
  const nameEn = draft.nameEn.trim();
  if (!nameVi) hints.nameVi = { code: 'required' };
  else if (nameVi.length > 200) hints.nameVi = { code: 'too-long' };
  if (!nameEn) hints.nameEn = { code: 'required' };
  else if (nameEn.length > 200) hints.nameEn = { code: 'too-long' };

  let prefix: string | null = null;
  let blockStart: number | null = null;
  let blockEnd: number | null = null;
  if (draft.numberingMode === 'prefix') {
    prefix = draft.prefix.trim().toUpperCase();
    if (!prefix) hints.prefix = { code: 'required' };
    else if (!/^[A-Z]{1,3}$/.test(prefix)) hints.prefix = { code: 'prefix-format' };
  } else {
    const start = wholeInRange(draft.blockStart, 1, 99999);
    const end = wholeInRange(draft.blockEnd, 1, 99999);
    if (start === null) hints.blockStart = { code: 'required' };
    else if (start === undefined) hints.blockStart = { code: 'whole-1-99999' };
    if (end === null) hints.blockEnd = { code: 'required' };
    else if (end === undefined) hints.blockEnd = { code: 'whole-1-99999' };
    if (typeof start === 'number' && typeof end === 'number') {
      if (end < start) hints.blockEnd = { code: 'block-order' };
      blockStart = start;
      blockEnd = end;
    }
  }
  if (!hints.prefix && !hints.blockStart && !hints.blockEnd) {
    const clash = others.find((o) => {
      if (o.id === selfId) return false;
      if (draft.numberingMode === 'prefix') return o.numberingMode === 'prefix' && o.prefix === prefix;
      return (
        o.numberingMode === 'block' &&
        o.blockStart !== null &&
        o.blockEnd !== null &&
        blockStart! <= o.blockEnd &&
        o.blockStart <= blockEnd!
      );
    });
    if (clash) {
      const hint: FieldHint = { code: 'overlap', other: lang === 'en' ? clash.nameEn : clash.nameVi };
      if (draft.numberingMode === 'prefix') hints.prefix = hint;
      else hints.blockStart = hint;
    }
  }

  const dailyCap = wholeInRange(draft.dailyCap, 1, 99999);
  if (dailyCap === undefined) hints.dailyCap = { code: 'whole-1-99999' };

  const hours = draftsToWindows(draft.hours);
  if (!hours.ok) {
    windowProblems = hours.problems;
    hints.hours = { code: 'hours-rows' };
  } else if (hours.windows.length > 14) {
    hints.hours = { code: 'hours-too-many' };
  }

  const serviceSeconds = minutesToSeconds(draft.serviceMinutes);
  if (draft.serviceMinutes.trim() === '') hints.serviceMinutes = { code: 'required' };
  else if (serviceSeconds === null || serviceSeconds < 30 || serviceSeconds > 4 * 3600) hints.serviceMinutes = { code: 'service-range' };

  const sortOrder = wholeInRange(draft.sortOrder, 0, 1000);
  if (sortOrder === undefined) hints.sortOrder = { code: 'sort-range' };

  if (Object.keys(hints).length > 0 || !hours.ok) return { ok: false, hints, windowProblems };
  return {
    ok: true,
    input: {
      code,
      nameVi,
      nameEn,
      numberingMode: draft.numberingMode,
      prefix,
      blockStart,
      blockEnd,
      dailyCap: dailyCap ?? null,
      openingHours: hours.windows,
      defaultServiceSeconds: serviceSeconds!,
      sortOrder: sortOrder ?? 0,
      active: draft.active,
    },
  };
}

/** "1001–1999" or "HT001…" for the fields table. */
export function describeNumbering(field: Pick<Field, 'numberingMode' | 'prefix' | 'blockStart' | 'blockEnd'>): string {
  if (field.numberingMode === 'prefix') return `${field.prefix ?? ''}001…`;
  return `${field.blockStart ?? '?'}–${field.blockEnd ?? '?'}`;
}
