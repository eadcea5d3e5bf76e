/**
 * The year's inspection summary (báo cáo tổng hợp kết quả kiểm tra CCHC năm): every round of the year's
 * plans with each unit's results and findings, the corrective actions per unit (set, verified, still open,
 * overdue, done late), and the list of what remains open — as Word-friendly HTML and as an .xlsx workbook.
 */
import type { Tally } from '../../core/inspection/round';
import ExcelJS from 'exceljs';
import { documentPage, headerBlock, newSheet, tableRows, titleRows, vnDay, type MinutesAction } from './inspection-minutes';
import { escapeHtml as e } from './ticket-slip.html';

export interface SummaryRoundUnit extends Tally {
  name: string;
  findingsLow: number;
  findingsMedium: number;
  findingsHigh: number;
}

export interface YearSummaryModel {
  parentAgency: string;
  place: string;
  date: string;
  year: number;
  plans: {
    title: string;
    decisionRef: string;
    rounds: { number: number; title: string; kind: string; date: string; status: string; units: SummaryRoundUnit[] }[];
  }[];
  unitTotals: { name: string; findings: number; actions: number; closed: number; awaiting: number; open: number; overdue: number; late: number }[];
  openActions: (MinutesAction & { unitName: string; roundTitle: string })[];
}

const pct = (v: number | null) => (v === null ? '–' : `${String(v).replace('.', ',')}%`);

export function renderYearSummaryHtml(m: YearSummaryModel, printScript: string | null): string {
  const parts: string[] = [];
  parts.push(headerBlock(m.parentAgency, 'Đoàn kiểm tra cải cách hành chính', m.place, m.date));
  parts.push(`<h1>BÁO CÁO TỔNG HỢP KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM ${m.year}</h1>`);
  const rounds = m.plans.reduce((n, p) => n + p.rounds.length, 0);
  const total = m.unitTotals.reduce(
    (t, u) => ({ findings: t.findings + u.findings, actions: t.actions + u.actions, closed: t.closed + u.closed, open: t.open + u.open + u.awaiting, overdue: t.overdue + u.overdue }),
    { findings: 0, actions: 0, closed: 0, open: 0, overdue: 0 },
  );
  parts.push('<h2>I. KHÁI QUÁT</h2>');
  parts.push(
    `<p>Năm ${m.year}, thực hiện ${m.plans.length} kế hoạch kiểm tra với ${rounds} đợt kiểm tra; phát hiện ${total.findings} tồn tại, hạn chế; đề ra ${total.actions} biện pháp khắc phục, trong đó ${total.closed} đã được xác nhận hoàn thành, ${total.open} chưa hoàn thành (${total.overdue} quá hạn).</p>`,
  );
  parts.push('<h2>II. KẾT QUẢ CÁC ĐỢT KIỂM TRA</h2>');
  m.plans.forEach((p, pi) => {
    parts.push(`<h3>${pi + 1}. ${e(p.title)}${p.decisionRef ? ` (${e(p.decisionRef)})` : ''}</h3>`);
    if (p.rounds.length === 0) {
      parts.push('<p>Chưa có đợt kiểm tra.</p>');
      return;
    }
    const rows = p.rounds
      .flatMap((r) =>
        r.units.map(
          (u, ui) =>
            `<tr>${ui === 0 ? `<td rowspan="${r.units.length}">Đợt ${r.number}: ${e(r.title)}<br><span class="italic">${e(r.kind)}, ${vnDay(r.date)} – ${e(r.status)}</span></td>` : ''}<td>${e(u.name)}</td><td class="center">${u.met}</td><td class="center">${u.partly}</td><td class="center">${u.notMet}</td><td class="center">${pct(u.metRate)}</td><td class="center">${u.findingsHigh}/${u.findingsMedium}/${u.findingsLow}</td></tr>`,
        ),
      )
      .join('');
    parts.push(
      `<table class="grid"><tr><th>Đợt kiểm tra</th><th>Đơn vị</th><th>Đạt</th><th>Đạt một phần</th><th>Không đạt</th><th>Tỷ lệ đạt</th><th>Tồn tại (nghiêm trọng/hạn chế/lưu ý)</th></tr>${rows}</table>`,
    );
  });
  parts.push('<h2>III. KẾT QUẢ KHẮC PHỤC THEO ĐƠN VỊ</h2>');
  parts.push(
    `<table class="grid"><tr><th>Đơn vị</th><th>Tồn tại</th><th>Biện pháp</th><th>Đã xác nhận hoàn thành</th><th>Chờ xác nhận</th><th>Chưa hoàn thành</th><th>Quá hạn</th><th>Hoàn thành muộn</th></tr>${m.unitTotals
      .map(
        (u) =>
          `<tr><td>${e(u.name)}</td><td class="center">${u.findings}</td><td class="center">${u.actions}</td><td class="center">${u.closed}</td><td class="center">${u.awaiting}</td><td class="center">${u.open}</td><td class="center${u.overdue ? ' overdue' : ''}">${u.overdue}</td><td class="center">${u.late}</td></tr>`,
      )
      .join('')}</table>`,
  );
  parts.push('<h2>IV. CÁC TỒN TẠI CHƯA KHẮC PHỤC XONG</h2>');
  if (m.openActions.length === 0) parts.push('<p>Tất cả biện pháp khắc phục đã được xác nhận hoàn thành.</p>');
  else {
    parts.push(
      `<table class="grid"><tr><th>STT</th><th>Đơn vị</th><th>Biện pháp khắc phục</th><th>Người chịu trách nhiệm</th><th>Thời hạn</th><th>Tình trạng</th></tr>${m.openActions
        .map(
          (a, i) =>
            `<tr><td class="center">${i + 1}</td><td>${e(a.unitName)}<br><span class="italic">${e(a.roundTitle)}</span></td><td>${e(a.description)}</td><td>${e(a.ownerName)}</td><td class="center">${vnDay(a.dueDate)}</td><td${a.overdue ? ' class="overdue"' : ''}>${e(a.status)}${a.overdue ? ' – quá hạn' : ''}</td></tr>`,
        )
        .join('')}</table>`,
    );
  }
  parts.push(
    '<table class="signatures"><tr><td></td><td></td><td><p class="bold">TRƯỞNG ĐOÀN KIỂM TRA</p><p class="italic">(Ký, ghi rõ họ tên)</p><p class="sign-name">&nbsp;</p></td></tr></table>',
  );
  return documentPage(`Báo cáo tổng hợp kết quả kiểm tra CCHC năm ${m.year}`, parts.join('\n'), printScript);
}

export async function writeYearSummaryXlsx(m: YearSummaryModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const rounds = newSheet(workbook, 'Kết quả các đợt', [36, 30, 30, 8, 10, 10, 10, 10, 12, 12, 12, 12]);
  let row = titleRows(rounds, [`TỔNG HỢP KẾT QUẢ KIỂM TRA CCHC NĂM ${m.year}`, `Lập ngày ${vnDay(m.date)}`], 12);
  row = tableRows(
    rounds,
    row,
    ['Kế hoạch', 'Đợt kiểm tra', 'Đơn vị', 'Đạt', 'Đạt một phần', 'Không đạt', 'Không áp dụng', 'Chưa kiểm tra', 'Tỷ lệ đạt (%)', 'Tồn tại nghiêm trọng', 'Tồn tại, hạn chế', 'Nhắc nhở, lưu ý'],
    m.plans.flatMap((p) =>
      p.rounds.flatMap((r) =>
        r.units.map((u) => [p.title, `Đợt ${r.number}: ${r.title} (${vnDay(r.date)})`, u.name, u.met, u.partly, u.notMet, u.notApplicable, u.pending, u.metRate, u.findingsHigh, u.findingsMedium, u.findingsLow]),
      ),
    ),
  );
  const units = newSheet(workbook, 'Khắc phục theo đơn vị', [36, 12, 12, 16, 14, 16, 12, 16]);
  const urow = titleRows(units, [`KẾT QUẢ KHẮC PHỤC THEO ĐƠN VỊ NĂM ${m.year}`], 8);
  tableRows(
    units,
    urow,
    ['Đơn vị', 'Tồn tại', 'Biện pháp', 'Đã xác nhận hoàn thành', 'Chờ xác nhận', 'Chưa hoàn thành', 'Quá hạn', 'Hoàn thành muộn'],
    m.unitTotals.map((u) => [u.name, u.findings, u.actions, u.closed, u.awaiting, u.open, u.overdue, u.late]),
  );
  const open = newSheet(workbook, 'Chưa khắc phục xong', [30, 36, 50, 24, 14, 28]);
  const orow = titleRows(open, ['CÁC TỒN TẠI CHƯA KHẮC PHỤC XONG'], 6);
  tableRows(
    open,
    orow,
    ['Đơn vị', 'Đợt kiểm tra', 'Biện pháp khắc phục', 'Người chịu trách nhiệm', 'Thời hạn', 'Tình trạng'],
    m.openActions.map((a) => [a.unitName, a.roundTitle, a.description, a.ownerName, vnDay(a.dueDate), a.overdue ? `${a.status} – quá hạn` : a.status]),
    new Set(m.openActions.flatMap((a, i) => (a.overdue ? [i] : []))),
  );
  void row;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
