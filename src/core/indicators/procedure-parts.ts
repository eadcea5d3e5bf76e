/**
 * Indicator 1.3: the parts of a procedure Decree 63/2010 art. 8(2) requires to be published, and what
 * "present" means for each with what the catalogue stores. The catalogue keeps no "subjects" (đối
 * tượng thực hiện), so that part cannot be checked; the result (kết quả thực hiện, also required by
 * art. 8(2)) is checked in its place — the formula text says so.
 */
import type { IndicatorProcedure } from './indicator-types';

export const PROCEDURE_PARTS = {
  name: { vi: 'tên TTHC', en: 'name' },
  steps: { vi: 'trình tự thực hiện', en: 'sequence of steps' },
  channels: { vi: 'cách thức thực hiện', en: 'ways of submitting' },
  documents: { vi: 'thành phần hồ sơ', en: 'documents' },
  time: { vi: 'thời hạn giải quyết', en: 'processing time' },
  agency: { vi: 'cơ quan thực hiện', en: 'agency' },
  result: { vi: 'kết quả thực hiện', en: 'result' },
} as const;
export type ProcedurePart = keyof typeof PROCEDURE_PARTS;

const filled = (text: string | null | undefined) => typeof text === 'string' && text.trim().length > 0;

/** The parts a procedure version lacks, in the decree's order; empty when it is complete. */
export function missingParts(v: NonNullable<IndicatorProcedure['version']>): ProcedurePart[] {
  const present: Record<ProcedurePart, boolean> = {
    name: filled(v.name),
    steps: v.steps.some((s) => filled(s.name)),
    channels: v.rules.length > 0,
    documents: v.documents.some((d) => filled(d.name)),
    time: v.rules.some((r) => r.amount !== null || r.unit === 'same-day'),
    agency: filled(v.agency),
    result: filled(v.resultText),
  };
  return (Object.keys(PROCEDURE_PARTS) as ProcedurePart[]).filter((p) => !present[p]);
}
