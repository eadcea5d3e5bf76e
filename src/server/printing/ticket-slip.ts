/**
 * The ticket slip (phiếu số thứ tự) handed to a citizen, and what goes on it, in which order and with
 * which emphasis. Output formats (ESC/POS for thermal printers, HTML for an office printer) only
 * decide how a block looks, so both print the same fields in the same words.
 *
 * Privacy: the slip type has no place for a citizen's name or ID number, and the layout reads only
 * the fields below, so an object that happens to carry more (a ticket row, a face-match result) still
 * prints nothing personal.
 */
import type { Lang } from '../../contracts/lang';
import { formatLocalDate, formatLocalTime } from '../../core/shared/local-time';

export interface TicketSlip {
  /** e.g. "UBND PHƯỜNG HÀ ĐÔNG" or "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HÀ ĐÔNG". */
  centreName: string;
  centreAddress: string | null;
  /** "1023" or "HT012"; printed big. */
  displayNumber: string;
  /** The field (lĩnh vực), e.g. "Hộ tịch". */
  fieldName: string;
  /** Counters serving this field, e.g. [1, 2]. */
  counterNumbers: number[];
  /** e.g. "Ưu tiên: Người cao tuổi"; null for normal tickets. */
  priorityLabel: string | null;
  /** Printed as local time in Việt Nam, "HH:MM DD/MM/YYYY". */
  issuedAt: Date;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  /** Live tracking page, encoded as a QR code. */
  trackUrl: string;
  /** e.g. ["Vui lòng chú ý màn hình và loa gọi số", "Phiếu chỉ có giá trị trong ngày"]. */
  footerLines: string[];
  lang: Lang;
}

/**
 * How a block is emphasised. Formats map roles to their own sizes; the names say what a citizen
 * should notice first.
 */
export type SlipTextRole = 'centre' | 'address' | 'title' | 'number' | 'priority' | 'info' | 'caption' | 'footer';

export type SlipBlock =
  | { kind: 'text'; role: SlipTextRole; text: string }
  | { kind: 'qr'; data: string }
  | { kind: 'rule' };

interface SlipLabels {
  title: string;
  field: string;
  counters: (numbers: readonly number[]) => string;
  peopleAhead: string;
  estimatedWait: (minutes: number) => string;
  issuedAt: string;
  qrCaption: string;
}

const LABELS: Record<Lang, SlipLabels> = {
  vi: {
    title: 'SỐ THỨ TỰ',
    field: 'Lĩnh vực',
    counters: (numbers) => `Quầy: ${numbers.join(', ')}`,
    peopleAhead: 'Số người đang chờ phía trước',
    estimatedWait: (minutes) =>
      minutes < 1 ? 'Thời gian chờ dự kiến: dưới 1 phút' : `Thời gian chờ dự kiến: khoảng ${minutes} phút`,
    issuedAt: 'Thời gian lấy số',
    qrCaption: 'Quét mã QR để theo dõi lượt gọi số',
  },
  en: {
    title: 'QUEUE NUMBER',
    field: 'Service',
    counters: (numbers) => `${numbers.length === 1 ? 'Counter' : 'Counters'}: ${numbers.join(', ')}`,
    peopleAhead: 'People waiting ahead of you',
    estimatedWait: (minutes) =>
      minutes < 1
        ? 'Estimated wait: less than a minute'
        : `Estimated wait: about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
    issuedAt: 'Issued at',
    qrCaption: 'Scan the QR code to follow your turn',
  },
};

/** "HH:MM DD/MM/YYYY" in Việt Nam local time, the way slips and forms write it. */
export function formatIssuedAt(instant: Date): string {
  return `${formatLocalTime(instant)} ${formatLocalDate(instant)}`;
}

/**
 * Text as it may be printed: NFC, because keyboards and databases also produce decomposed
 * Vietnamese and both thermal code pages and glyph lookup need precomposed letters; without control
 * characters, because in code-page mode a stray ESC or GS in a field name would be executed by the
 * printer as a command.
 */
export function cleanSlipText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The slip's blocks, top to bottom. Empty optional fields leave no empty line behind. */
export function layoutTicketSlip(slip: TicketSlip): SlipBlock[] {
  const labels = LABELS[slip.lang] ?? LABELS.vi;
  const blocks: SlipBlock[] = [];
  const text = (role: SlipTextRole, value: string): void => {
    const cleaned = cleanSlipText(value);
    if (cleaned !== '') blocks.push({ kind: 'text', role, text: cleaned });
  };

  text('centre', slip.centreName);
  if (slip.centreAddress !== null) text('address', slip.centreAddress);
  blocks.push({ kind: 'rule' });
  text('title', labels.title);
  text('number', slip.displayNumber);
  if (slip.priorityLabel !== null) text('priority', slip.priorityLabel);
  text('info', `${labels.field}: ${slip.fieldName}`);
  if (slip.counterNumbers.length > 0) text('info', labels.counters(slip.counterNumbers));
  text('info', `${labels.peopleAhead}: ${Math.max(0, Math.trunc(slip.peopleAhead))}`);
  if (slip.estimatedWaitMinutes !== null && Number.isFinite(slip.estimatedWaitMinutes)) {
    text('info', labels.estimatedWait(Math.max(0, Math.round(slip.estimatedWaitMinutes))));
  }
  text('info', `${labels.issuedAt}: ${formatIssuedAt(slip.issuedAt)}`);
  blocks.push({ kind: 'qr', data: slip.trackUrl });
  text('caption', labels.qrCaption);
  if (slip.footerLines.length > 0) blocks.push({ kind: 'rule' });
  for (const line of slip.footerLines) text('footer', line);
  return blocks;
}
