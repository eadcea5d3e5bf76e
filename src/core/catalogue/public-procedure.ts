/**
 * What a citizen reads about a procedure, derived from the catalogue record the counters use: the
 * number of originals and copies of each document, which documents are forms to fill in, the legal
 * basis one text per line, and by how much the centre shortened the legal time. Pure.
 */
import type { DurationUnit } from '../calendar/calendar-types';
import { normaliseSpace } from './catalogue-text';
import type { ProcessingRule, RequiredDocument } from './procedure';

export interface DocumentCounts {
  /** Bản chính; null when the catalogue does not say. */
  originals: number | null;
  /** Bản sao; null when the catalogue does not say. */
  copies: number | null;
}

/** "1 bản chính, 2 bản sao", "Bản chính: 1, Bản sao: 0", "1 bản sao" → counts; unknown parts stay null. */
export function readDocumentCounts(text: string): DocumentCounts {
  const value = normaliseSpace(text).toLowerCase();
  const count = (word: string): number | null => {
    const before = new RegExp(`(\\d+)\\s*(?:bản\\s+)?${word}`, 'u').exec(value);
    if (before) return Number(before[1]);
    const after = new RegExp(`${word}\\s*:\\s*(\\d+)`, 'u').exec(value);
    return after ? Number(after[1]) : null;
  };
  const originals = count('bản chính') ?? count('chính');
  const copies = count('bản sao') ?? count('sao');
  if (originals === null && copies === null) return { originals: null, copies: null };
  // "1 bản chính" alone says there is no copy to bring, and the other way round.
  return { originals: originals ?? 0, copies: copies ?? 0 };
}

/**
 * A document the citizen fills in on the agency's form (tờ khai, đơn, phiếu, bản khai, "theo mẫu"), as
 * opposed to a paper they already hold.
 */
export function isFormDocument(doc: Pick<RequiredDocument, 'name'>): boolean {
  const name = normaliseSpace(doc.name).replace(/^[-+*•\s]+/u, '');
  return /^(tờ khai|đơn|phiếu|bản khai|bản kê khai|mẫu|giấy đề nghị|văn bản đề nghị)(?![\p{L}])/iu.test(name) || /theo mẫu|\bmẫu (số )?[A-Z0-9]/u.test(name);
}

export interface LegalText {
  title: string;
  /** Số hiệu, e.g. "123/2015/NĐ-CP"; "" when none was read. */
  number: string;
}

/**
 * The portal's legal-basis table arrives flattened: "…Luật Hộ tịch60/2014/QH13Nghị định số 123/2015/
 * NĐ-CP ngày …123/2015/NĐ-CPThông tư…". A document number glued to the next capitalised title (or at
 * the very end) closes one row; a number followed by a space is part of a title. Text that does not
 * split this way is returned whole.
 */
export function splitLegalBasis(text: string): LegalText[] {
  const value = normaliseSpace(text);
  if (value === '') return [];
  const rowEnd = /(\d+\/\d{4}\/[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*?)(?=\p{Lu}\p{Ll}|$)/gu;
  const rows: LegalText[] = [];
  let from = 0;
  for (const match of value.matchAll(rowEnd)) {
    const title = value.slice(from, match.index).trim().replace(/[;,]$/u, '');
    from = match.index! + match[0].length;
    if (title === '') continue;
    rows.push({ title, number: match[1]! });
  }
  const rest = value.slice(from).trim();
  if (rows.length === 0) return [{ title: value, number: '' }];
  if (rest !== '') rows.push({ title: rest, number: '' });
  return rows;
}

export interface Reduction {
  channel: ProcessingRule['channel'];
  unit: DurationUnit;
  legalAmount: number;
  committedAmount: number;
  /** (legal − committed) / legal × 100, one decimal. */
  percent: number;
}

/** The channel's shortening, or null when the centre committed to no less than the law allows. */
export function reductionOf(rule: ProcessingRule): Reduction | null {
  const legal = rule.amount;
  const committed = rule.committedAmount;
  if (legal == null || committed == null || rule.unit === 'same-day' || !(legal > 0) || !(committed < legal) || committed < 0) return null;
  return {
    channel: rule.channel,
    unit: rule.unit,
    legalAmount: legal,
    committedAmount: committed,
    percent: Math.round(((legal - committed) / legal) * 1000) / 10,
  };
}

/**
 * A procedure's headline shortening: the in-person channel's when it is shortened (what most
 * citizens use, and what the centre's published list quotes), otherwise the largest of the others.
 */
export function procedureReduction(rules: readonly ProcessingRule[]): Reduction | null {
  const reductions = rules.map(reductionOf).filter((r): r is Reduction => r !== null);
  return reductions.find((r) => r.channel === 'direct') ?? reductions.sort((a, b) => b.percent - a.percent)[0] ?? null;
}

/** Whether a procedure's time can be shortened at all: a stated time in hours or days, not "same day". */
export function hasShortenableTime(rules: readonly ProcessingRule[]): boolean {
  return rules.some((r) => r.amount != null && r.amount > 0 && r.unit !== 'same-day');
}
