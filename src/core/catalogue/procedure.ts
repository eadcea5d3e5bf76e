/**
 * A procedure (thủ tục hành chính) as the catalogue keeps it. One record of the national catalogue, or
 * one spreadsheet row, becomes a `ProcedureDraft`; saving a draft whose content differs from the
 * current version creates a new version, so a dossier keeps the rules it was received under.
 */
import type { DurationUnit } from '../calendar/calendar-types';

export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ProcessingRule {
  channel: Channel;
  /** Legal time as published; `null` when the record states none that could be read. */
  amount: number | null;
  unit: DurationUnit;
  /** The centre's committed (shortened, cắt giảm) time in the same unit; the appointment uses it when set. */
  committedAmount?: number | null;
  /** Fee in whole đồng; `null` when the fee is set elsewhere (e.g. by the provincial council). */
  feeDong: number | null;
  /** The fee text as published ("Miễn phí", "Lệ phí: 8.000 đồng/bản", …). */
  feeText: string;
  description: string;
}

export interface RequiredDocument {
  name: string;
  /** "Bản chính: 1, Bản sao: 0" as published, or an empty string. */
  copies: string;
  /** Whether the officer must tick it before the dossier can be received. */
  mandatory: boolean;
}

export interface ProcessStep {
  /** assign | appraise | submit | sign | issue, or a free name from the unit's ISO process. */
  code: string;
  name: string;
  /** Working hours allowed for the step. */
  allowanceHours: number;
  unit: string;
}

export interface ProcedureDraft {
  /** National procedure code, e.g. "1.001193" (provinces may add a suffix: "1.000948.H38"). */
  code: string;
  name: string;
  fieldName: string;
  /** The decision that published it (số quyết định công bố). */
  decision: string;
  level: string;
  agency: string;
  rules: ProcessingRule[];
  documents: RequiredDocument[];
  steps: ProcessStep[];
  /** Hour of day after which a same-day dossier is due the next working day, e.g. "15:00". */
  cutoff: string | null;
  resultText: string;
  legalBasis: string;
  /** Where the draft came from: file path, record URL or sheet row. */
  source: string;
}

/** Why a record was not imported, or what was imported with a guess. */
export interface ImportWarning {
  source: string;
  code: string | null;
  /** Which field of the record the warning is about, e.g. "cach_thuc_thuc_hien". */
  field: string;
  message: string;
  skipped: boolean;
}
