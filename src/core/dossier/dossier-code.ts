/**
 * Dossier codes (mã số hồ sơ, DOMAIN-VN §1.3). The code format is law, and the law changed in 2025
 * (Circular 03/2025/TT-VPCP re-specifies it; not yet verified), so each format is an entry in a
 * registry: adding the new one means adding an entry, not editing the callers.
 */
import type { DossierCodeFormatId } from '../../contracts/dossier-code-formats';
import { AppError } from '../shared/app-error';

export interface DossierCodeParts {
  /** The receiving agency: a QCVN 102:2016 code ("000.00.16.H26") or a short centre code. */
  agencyCode: string;
  /** Local date of receipt, "YYYY-MM-DD". */
  receivedOn: string;
  /** Position among the agency's dossiers of that day, from 1. */
  sequence: number;
}

export interface DossierCodeFormat {
  id: string;
  /** One line for the settings page, Vietnamese first. */
  describe: string;
  format(input: DossierCodeParts): string;
  /** The parts of a code in this format, or null when it is not one. */
  parse(code: string): DossierCodeParts | null;
}

/** Upper-case letters, digits and dots, starting and ending with a letter or digit (no hyphen: it separates the parts). */
const AGENCY_CODE = /^[A-Z0-9](?:[A-Z0-9.]{0,38}[A-Z0-9])?$/;

/** Whether a code can stand as the agency part of a dossier code. */
export function isAgencyCode(code: string): boolean {
  return AGENCY_CODE.test(code);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `<agency>-<YYMMDD>-<XXXX>`, Circular 01/2018/TT-VPCP art. 19. */
const TT01_2018: DossierCodeFormat = {
  id: 'tt01-2018',
  describe:
    'Thông tư 01/2018/TT-VPCP, Điều 19: <mã cơ quan>-<YYMMDD>-<số thứ tự 4 chữ số trong ngày>, ví dụ 000.00.16.H26-261126-0001 ' +
    '(Circular 01/2018 art. 19: agency code, date of receipt, daily sequence)',
  format({ agencyCode, receivedOn, sequence }) {
    if (!AGENCY_CODE.test(agencyCode)) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `mã cơ quan "${agencyCode}" chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ 000.00.16.H26)`,
      });
    }
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(receivedOn);
    if (!date || !isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3])) || !date[1]!.startsWith('20')) {
      throw new AppError('INVALID_DATE', { field: 'receivedOn', value: receivedOn, rule: 'YYYY-MM-DD, năm 2000–2099' });
    }
    if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `số thứ tự hồ sơ trong ngày phải từ 1 đến 9999 (nhận được ${sequence})`,
      });
    }
    return `${agencyCode}-${date[1]!.slice(2)}${date[2]}${date[3]}-${String(sequence).padStart(4, '0')}`;
  },
  parse(code) {
    const match = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/.exec(code.trim().toUpperCase());
    if (!match) return null;
    const [, agencyCode, yy, mm, dd, seq] = match as unknown as [string, string, string, string, string, string];
    const year = 2000 + Number(yy);
    if (!AGENCY_CODE.test(agencyCode) || !isCalendarDate(year, Number(mm), Number(dd))) return null;
    const sequence = Number(seq);
    if (sequence < 1) return null;
    return { agencyCode, receivedOn: `${year}-${mm}-${dd}`, sequence };
  },
};

/**
 * Known formats by id. The 03/2025 format goes here once its text is checked; existing dossiers keep
 * the codes they were given, so `parseDossierCode` tries every format.
 */
export const DOSSIER_CODE_FORMATS: Readonly<Record<string, DossierCodeFormat>> = {
  [TT01_2018.id]: TT01_2018,
};

export const DEFAULT_DOSSIER_CODE_FORMAT: DossierCodeFormatId = 'tt01-2018';

/** The format a centre configured; an unknown id is a configuration error. */
export function dossierCodeFormat(id: string): DossierCodeFormat {
  const format = DOSSIER_CODE_FORMATS[id];
  if (!format) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `không có định dạng mã hồ sơ "${id}"; các định dạng: ${Object.keys(DOSSIER_CODE_FORMATS).join(', ')}`,
    });
  }
  return format;
}

/** Reads a code typed by a citizen or scanned from a slip, whatever format it was issued in. */
export function parseDossierCode(code: string): (DossierCodeParts & { formatId: string }) | null {
  for (const format of Object.values(DOSSIER_CODE_FORMATS)) {
    const parts = format.parse(code);
    if (parts) return { ...parts, formatId: format.id };
  }
  return null;
}
