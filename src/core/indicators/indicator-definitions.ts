/**
 * What each Decision 766 indicator is worth and how it is scored (DOMAIN-VN §2):
 * `points = min(1, rate / threshold) × maxPoints`, 2 decimals. The sources give the split only for
 * 2.1 (up to 20), 3.3's threshold (50 %), group 4's threshold (80 %) and 5.4 (6 points, 90 %); every
 * other value below is our assumption and the formula text says so ("Giả định" / "Assumption").
 */

export const INDICATOR_IDS = ['1.3', '2.1', '2.2', '3.3', '4.1', '4.2', '5.1', '5.2', '5.3', '5.4'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type IndicatorUnit = '%' | 'working-days' | 'days' | 'hours' | 'count';
export type IndicatorItemKind = 'dossier' | 'pakn' | 'procedure';

export interface IndicatorDefinition {
  id: IndicatorId;
  group: 1 | 2 | 3 | 4 | 5;
  name: string;
  nameEn: string;
  /** 0 for figures shown without points (2.2, 5.1). */
  maxPoints: number;
  /** Rate (in %) at which the full points are reached; null when the figure has no points. */
  threshold: number | null;
  unit: IndicatorUnit;
  itemKind: IndicatorItemKind;
  formula: string;
  formulaEn: string;
}

const scoring = (threshold: number, maxPoints: number, assumed: string, assumedEn: string) =>
  [
    ` Điểm = min(1; tỷ lệ / ${threshold}%) × ${maxPoints}, làm tròn 2 chữ số.${assumed ? ` Giả định: ${assumed}` : ''}`,
    ` Points = min(1, rate / ${threshold}%) × ${maxPoints}, 2 decimals.${assumedEn ? ` Assumption: ${assumedEn}` : ''}`,
  ] as const;

const s13 = scoring(100, 4, 'QĐ 766 không nêu điểm riêng của 1.3 trong tài liệu có được; lấy 4/18 điểm nhóm 1, đạt tối đa khi 100%.', 'the split of 1.3 is not in the sources; 4 of group 1’s 18 points, full at 100%.');
const s21 = scoring(100, 20, 'tài liệu chỉ nói "tối đa 20 điểm"; điểm tỷ lệ thuận, đạt tối đa khi 100%.', 'the sources say "up to 20 points"; points proportional, full at 100%.');
const s33 = scoring(50, 4, 'điểm riêng của 3.3 không có trong tài liệu; lấy 4/22 điểm nhóm 3 (ngưỡng 50% có nguồn).', 'the split of 3.3 is not in the sources; 4 of group 3’s 22 points (the 50% threshold is sourced).');
const s4 = scoring(80, 4, 'điểm riêng không có trong tài liệu; lấy 4/22 điểm nhóm 4 (ngưỡng 80% có nguồn).', 'the split is not in the sources; 4 of group 4’s 22 points (the 80% threshold is sourced).');
const s52 = scoring(100, 6, '5.1 chỉ thống kê (không chấm điểm), 12 điểm còn lại của nhóm 5 (18 − 6 của 5.4) chia đều cho 5.2 và 5.3: 6 điểm; 5.2 đạt tối đa khi 100%.', '5.1 is a count without points; group 5’s remaining 12 points (18 − 6 for 5.4) split evenly between 5.2 and 5.3: 6 points; 5.2 full at 100%.');
const s53 = scoring(90, 6, '6 điểm như 5.2; đạt tối đa khi ≥ 90% như 5.4.', '6 points as 5.2; full at ≥ 90% as 5.4.');
const s54 = scoring(90, 6, '', '');

export const INDICATOR_DEFINITIONS: Record<IndicatorId, IndicatorDefinition> = {
  '1.3': {
    id: '1.3',
    group: 1,
    name: 'Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành',
    nameEn: 'Procedures published with all their parts',
    maxPoints: 4,
    threshold: 100,
    unit: '%',
    itemKind: 'procedure',
    formula:
      'Tỷ lệ = số TTHC đang áp dụng (danh mục của Trung tâm, có phiên bản hiện hành) có đủ các bộ phận theo Nghị định 63/2010 điều 8 khoản 2 / tổng số TTHC đang áp dụng × 100. ' +
      'Một bộ phận "có" khi: tên TTHC không trống; trình tự thực hiện có ít nhất một bước có tên; cách thức thực hiện có ít nhất một kênh nộp; thành phần hồ sơ có ít nhất một giấy tờ; thời hạn giải quyết có ít nhất một kênh ghi số ngày/giờ (hoặc "trong ngày"); cơ quan thực hiện không trống; kết quả thực hiện không trống. ' +
      'Giả định: danh mục chưa lưu "đối tượng thực hiện" nên bộ phận này không kiểm được và được thay bằng "kết quả thực hiện".' +
      s13[0],
    formulaEn:
      'Rate = active procedures (the centre’s catalogue, with a current version) having every part required by Decree 63/2010 art. 8(2) / all active procedures × 100. ' +
      'A part is present when: the name is not empty; the sequence has at least one named step; the ways of submitting list at least one channel; the documents list at least one paper; the processing time states an amount (or "same day") for at least one channel; the agency is not empty; the result is not empty. ' +
      'Assumption: the catalogue does not store the "subjects" part, so it cannot be checked and the result part is checked instead.' +
      s13[1],
  },
  '2.1': {
    id: '2.1',
    group: 2,
    name: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn',
    nameEn: 'Dossiers handled early or on time',
    maxPoints: 20,
    threshold: 100,
    unit: '%',
    itemKind: 'dossier',
    formula:
      'Tỷ lệ = (đã xử lý trước hạn + đúng hạn + đang xử lý trong hạn) / (hồ sơ tiếp nhận đến cuối kỳ và chưa kết thúc trước đầu kỳ) × 100. ' +
      'Thời điểm kết thúc là thời điểm đầu tiên trong: đã xử lý xong, đã trả kết quả, dừng xử lý/từ chối, công dân rút hồ sơ (hồ sơ rút vẫn nằm trong mẫu số). Đúng hạn khi kết thúc ≤ ngày hẹn trả (đã lùi theo thời gian chờ bổ sung); hồ sơ đang chờ bổ sung tính tại thời điểm yêu cầu; yêu cầu bổ sung quá 1 lần ⇒ quá hạn; thư xin lỗi ⇒ quá hạn chỉ khi bật cài đặt "thư xin lỗi tính là quá hạn". Hồ sơ chưa kết thúc được xét tại cuối kỳ (hoặc hiện tại nếu kỳ chưa hết).' +
      s21[0],
    formulaEn:
      'Rate = (finished early + on time + open within time) / (dossiers received by the end of the period and not ended before its start) × 100. ' +
      'The end is the first of: finished, returned, stopped/refused, withdrawn by the citizen (withdrawn dossiers stay in the denominator). On time when the end ≤ the appointment (moved by supplement pauses); a dossier waiting for a supplement is measured at the request; more than one supplement request ⇒ late; an apology ⇒ late only with the "apology counts as late" setting. Open dossiers are judged at the period’s end (or now if the period is not over).' +
      s21[1],
  },
  '2.2': {
    id: '2.2',
    group: 2,
    name: 'Thời gian giải quyết TTHC trung bình',
    nameEn: 'Average processing time',
    maxPoints: 0,
    threshold: null,
    unit: 'working-days',
    itemKind: 'dossier',
    formula:
      'Trung bình = Σ thời gian giải quyết / số hồ sơ, trên các hồ sơ bắt đầu xử lý (tiếp nhận) trong kỳ và đã xử lý xong đến thời điểm lập báo cáo (hồ sơ nhận tháng 1, xong tháng 3 thuộc kỳ tháng 1). Thời gian = từ tiếp nhận đến xử lý xong, trừ thời gian chờ công dân bổ sung; hồ sơ dừng, từ chối, rút không có thời gian giải quyết. ' +
      'Tính theo đơn vị của TTHC: ngày làm việc (giờ hành chính, 8 giờ một ngày), ngày (lịch) hoặc giờ (giờ hành chính, cả TTHC giải quyết trong ngày); nhóm gồm TTHC khác đơn vị (lĩnh vực, đơn vị, toàn Trung tâm) tính bằng ngày làm việc. Chỉ hiển thị, không chấm điểm.',
    formulaEn:
      'Average = Σ processing time / dossiers, over the dossiers whose processing started (received) in the period and finished by the time of the report (received in January, finished in March: January’s cohort). Time = receipt to finish less the time waiting for the citizen’s supplement; stopped, refused and withdrawn dossiers have none. ' +
      'In the procedure’s own unit: working days (office hours, 8 per day), calendar days, or office hours (also for same-day procedures); groups mixing units (field, unit, the whole centre) are in working days. Shown, not scored.',
  },
  '3.3': {
    id: '3.3',
    group: 3,
    name: 'Tỷ lệ hồ sơ trực tuyến',
    nameEn: 'Share of online receipts',
    maxPoints: 4,
    threshold: 50,
    unit: '%',
    itemKind: 'dossier',
    formula:
      'Tỷ lệ = hồ sơ tiếp nhận trực tuyến trong kỳ / tổng hồ sơ tiếp nhận trong kỳ × 100; kèm tỷ lệ trực tiếp và bưu chính. Hệ số đồng bộ Cổng DVCQG không áp dụng (dữ liệu tại chỗ, coi là 1).' + s33[0],
    formulaEn:
      'Rate = dossiers received online in the period / all dossiers received in the period × 100; with the direct and postal shares. The national-portal sync factor does not apply (local data, taken as 1).' + s33[1],
  },
  '4.1': {
    id: '4.1',
    group: 4,
    name: 'Tỷ lệ hồ sơ có kết quả điện tử',
    nameEn: 'Dossiers with an electronic result',
    maxPoints: 4,
    threshold: 80,
    unit: '%',
    itemKind: 'dossier',
    formula: 'Tỷ lệ = hồ sơ đã có kết quả trong kỳ được cấp kết quả điện tử / hồ sơ có kết quả trong kỳ × 100.' + s4[0],
    formulaEn: 'Rate = dossiers with a result in the period issued an electronic result / dossiers with a result × 100.' + s4[1],
  },
  '4.2': {
    id: '4.2',
    group: 4,
    name: 'Tỷ lệ hồ sơ số hóa',
    nameEn: 'Digitised dossiers',
    maxPoints: 4,
    threshold: 80,
    unit: '%',
    itemKind: 'dossier',
    formula: 'Tỷ lệ = hồ sơ tiếp nhận trong kỳ có thành phần hồ sơ số hóa và kết quả điện tử / hồ sơ tiếp nhận trong kỳ × 100.' + s4[0],
    formulaEn: 'Rate = dossiers received in the period with digitised documents and an electronic result / dossiers received × 100.' + s4[1],
  },
  '5.1': {
    id: '5.1',
    group: 5,
    name: 'Số phản ánh, kiến nghị theo chuyên mục',
    nameEn: 'Complaints and suggestions by category',
    maxPoints: 0,
    threshold: null,
    unit: 'count',
    itemKind: 'pakn',
    formula: 'Số PAKN tiếp nhận trong kỳ, tổng và theo từng chuyên mục. Chỉ thống kê, không chấm điểm.',
    formulaEn: 'Complaints and suggestions received in the period, in all and per category. A count, not scored.',
  },
  '5.2': {
    id: '5.2',
    group: 5,
    name: 'Tỷ lệ PAKN được xử lý đúng hạn',
    nameEn: 'Complaints and suggestions handled on time',
    maxPoints: 6,
    threshold: 100,
    unit: '%',
    itemKind: 'pakn',
    formula:
      'Tỷ lệ = PAKN tiếp nhận trong kỳ mà mọi bước đã qua đều trong hạn và không bước nào đã quá hạn mà chưa làm / PAKN tiếp nhận trong kỳ × 100. Hạn (ngày làm việc, lịch làm việc của Trung tâm): từ chối ≤ 2 ngày từ khi tiếp nhận; yêu cầu bổ sung thông tin ≤ 5; trả lời ≤ 15; công khai ≤ 2 ngày sau khi trả lời.' +
      s52[0],
    formulaEn:
      'Rate = complaints/suggestions received in the period whose every step so far was within its deadline, with no deadline passed undone / received in the period × 100. Deadlines (working days, the centre’s calendar): reject ≤ 2 from receipt; ask for information ≤ 5; answer ≤ 15; publish ≤ 2 after the answer.' +
      s52[1],
  },
  '5.3': {
    id: '5.3',
    group: 5,
    name: 'Tỷ lệ hài lòng về việc xử lý PAKN',
    nameEn: 'Satisfaction with the handling of complaints and suggestions',
    maxPoints: 6,
    threshold: 90,
    unit: '%',
    itemKind: 'pakn',
    formula: 'Tỷ lệ = PAKN tiếp nhận trong kỳ, đã trả lời, người gửi đánh giá hài lòng / PAKN tiếp nhận trong kỳ đã trả lời và người gửi đã cho ý kiến × 100.' + s53[0],
    formulaEn: 'Rate = complaints/suggestions received in the period, answered, whose sender was satisfied / those answered whose sender gave a verdict × 100.' + s53[1],
  },
  '5.4': {
    id: '5.4',
    group: 5,
    name: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
    nameEn: 'Satisfaction with receiving and handling dossiers',
    maxPoints: 6,
    threshold: 90,
    unit: '%',
    itemKind: 'dossier',
    formula:
      'Tỷ lệ = 100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có PAKN hoặc đánh giá không hài lòng), tối thiểu 0. Mẫu số = các hồ sơ tính ở chỉ số 2.1; quá hạn = đã kết thúc quá hạn hoặc đang xử lý quá hạn; có PAKN = có phản ánh/kiến nghị gắn với hồ sơ gửi đến cuối kỳ; không hài lòng = đánh giá hồ sơ xếp "không hài lòng" đến cuối kỳ. Tử số hiển thị = mẫu số − số quá hạn − số có PAKN/không hài lòng (hồ sơ vừa quá hạn vừa bị phản ánh bị trừ hai lần, đúng công thức).' +
      s54[0],
    formulaEn:
      'Rate = 100% − (late rate + rate of dossiers with a complaint/suggestion or a dislike), at least 0. Denominator = the dossiers counted in 2.1; late = finished late or open overdue; with a complaint = a complaint/suggestion about the dossier filed by the period’s end; dislike = a dossier rating reported as "dissatisfied" by the period’s end. Numerator shown = denominator − late − with complaint/dislike (a dossier both late and complained about is deducted twice, as the formula says).' +
      s54[1],
  },
};

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** DOMAIN-VN §2: min(1, rate / threshold) × maxPoints, 2 decimals; null rate ⇒ null points. */
export function scorePoints(rate: number | null, def: Pick<IndicatorDefinition, 'threshold' | 'maxPoints'>): number | null {
  if (rate === null || def.threshold === null || def.maxPoints === 0) return null;
  return round2(Math.min(1, Math.max(0, rate) / def.threshold) * def.maxPoints);
}

/** A rate in %, 2 decimals; null when nothing is counted. */
export function ratePercent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round2((numerator * 100) / denominator);
}

export { round2 };
