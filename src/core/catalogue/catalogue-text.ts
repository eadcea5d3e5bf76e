/**
 * Small text rules shared by the national-record and spreadsheet importers: procedure codes, fee
 * amounts, receipt cut-off hours and whitespace. Pure.
 */

/** National code "1.001193", optionally with a provincial suffix "1.000948.H38". */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(\.[A-Z0-9]+)?$/;

/** The portal writes this where a cell is empty; it carries no information. */
const NO_INFO = /^(không có thông tin|không quy định)$/iu;

/** Collapses non-breaking spaces, tabs and runs of whitespace into single spaces. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007]+/gu, ' ').trim();
}

/** A free-text field with the portal's "no information" placeholder turned into "". */
export function cleanText(text: string): string {
  const value = normaliseSpace(text);
  return NO_INFO.test(value) ? '' : value;
}

/** Lower case, no diacritics, "đ" → "d", punctuation → spaces: for matching headers and units. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9:]+/gu, ' ')
    .trim();
}

/**
 * "8.000", "120,000", "4,500,000", "2000" → whole đồng. Separators must group thousands: "1,5" is
 * not an amount of money, it is a typo or a decimal, and guessing would put a wrong fee on a receipt.
 */
export function parseDongAmount(digits: string): number | null {
  const compact = digits.replace(/\s+/gu, '');
  if (/^\d+$/u.test(compact)) return Number(compact);
  if (/^\d{1,3}([.,]\d{3})+$/u.test(compact)) return Number(compact.replace(/[.,]/gu, ''));
  return null;
}

const FREE_HEAD = /^(miễn phí|miễn lệ phí|miễn|không thu( phí| lệ phí)?|không|0)$/iu;
const CURRENCY_AMOUNT = /(\d[\d.,]*\d|\d)\s*(?:vnđ|vnd|việt nam đồng|đồng|đ)(?![\p{L}])/giu;
const HAS_CURRENCY_AMOUNT = new RegExp(CURRENCY_AMOUNT.source, 'iu');
/** The fee is really fixed by the provincial council or another text, whatever the head cell says. */
const SET_ELSEWHERE =
  /hội đồng nhân dân|hđnd|theo quy định|mức (lệ )?phí|mức thu|thông tư|nghị định|luật phí|quyết định/iu;
const FREE_NOTE = /^\(*\s*(không|không có|miễn lệ phí|miễn phí)(?![\p{L}])/iu;

/**
 * Reads a fee cell into whole đồng when it states one clear amount; `null` when the amount is set
 * elsewhere (provincial council, another circular), differs in the note, or is not in đồng.
 * `head` is the amount cell ("8,000 VNĐ", "Miễn phí"), `note` the text the portal prints after it.
 */
export function parseFee(head: string, note = ''): number | null {
  const main = normaliseSpace(head);
  const detail = normaliseSpace(note);
  if (main === '' || NO_INFO.test(main)) return null;
  if (FREE_HEAD.test(main)) {
    if (detail === '' || FREE_NOTE.test(detail)) return 0;
    return SET_ELSEWHERE.test(detail) || HAS_CURRENCY_AMOUNT.test(detail) ? null : 0;
  }
  const amounts = [...main.matchAll(CURRENCY_AMOUNT)].map((m) => parseDongAmount(m[1]!));
  const bare = amounts.length === 0 ? parseDongAmount(main) : null;
  const candidates = amounts.length > 0 ? amounts : bare === null ? [] : [bare];
  if (candidates.length !== 1 || candidates[0] === null) return null;
  const amount = candidates[0]!;
  if (/hội đồng nhân dân|hđnd/iu.test(detail)) return null;
  const noted = [...detail.matchAll(CURRENCY_AMOUNT)].map((m) => parseDongAmount(m[1]!));
  return noted.every((value) => value === amount) ? amount : null;
}

/**
 * Parses a free-text fee as a manager types it: "8.000 đồng/bản", "120,000 VNĐ", "Miễn phí",
 * "Không", "50000", "Lệ phí: 8.000 đồng/bản".
 */
export function parseFeeText(text: string): number | null {
  const value = normaliseSpace(text);
  const open = value.indexOf('(');
  const head = open > 0 ? value.slice(0, open) : value;
  const note = open > 0 ? value.slice(open) : '';
  const labelled = head.replace(/^(phí|lệ phí|phí, lệ phí)\s*:\s*/iu, '');
  return parseFee(labelled, note);
}

/** "15:00", "15h", "15h30", "15 giờ", "15 giờ 30" → "HH:MM"; null when it is not a time of day. */
export function parseCutoff(text: string): string | null {
  const folded = foldForMatching(text);
  const match = /^(\d{1,2})(?:\s*(?::|h|gio)\s*(\d{2})?)?$/u.exec(folded);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
