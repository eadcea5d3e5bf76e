/** Words of the "Chỉ số 766" section, Vietnamese first. */
import type { Dictionary } from '../shared/i18n';

export const INDICATORS_TEXT: Dictionary<
  | 'intro'
  | 'period'
  | 'kind'
  | 'month'
  | 'quarter'
  | 'first-half'
  | 'nine-months'
  | 'year'
  | 'custom'
  | 'from'
  | 'to'
  | 'groupBy'
  | 'none'
  | 'field'
  | 'procedure'
  | 'unit'
  | 'officer'
  | 'show'
  | 'print'
  | 'id'
  | 'name'
  | 'value'
  | 'ratio'
  | 'points'
  | 'formula'
  | 'showFormula'
  | 'notComputable'
  | 'total'
  | 'totalHelp'
  | 'asOf'
  | 'apologyOn'
  | 'apologyOff'
  | 'groups'
  | 'group'
  | 'noGroups'
  | 'open'
  | 'items'
  | 'numerator'
  | 'denominator'
  | 'code'
  | 'title'
  | 'received'
  | 'due'
  | 'end'
  | 'status'
  | 'counted'
  | 'why'
  | 'measure'
  | 'inNumerator'
  | 'onlyDenominator'
  | 'noItems'
  | 'loading'
  | 'unitWorkingDays'
  | 'unitDays'
  | 'unitHours'
  | 'unitCount'
  | 'mixedUnits'
> = {
  vi: {
    intro:
      'Các chỉ số của Bộ chỉ số 766 (Quyết định 766/QĐ-TTg) mà dữ liệu của Trung tâm tính được. Bấm vào một con số để xem danh sách hồ sơ hoặc phản ánh, kiến nghị được đếm; mỗi chỉ số có công thức và các giả định đã dùng.',
    period: 'Kỳ báo cáo',
    kind: 'Loại kỳ',
    month: 'Tháng',
    quarter: 'Quý',
    'first-half': '6 tháng đầu năm',
    'nine-months': '9 tháng đầu năm',
    year: 'Năm',
    custom: 'Tùy chọn',
    from: 'Từ ngày',
    to: 'Đến ngày',
    groupBy: 'Nhóm theo',
    none: 'Toàn Trung tâm',
    field: 'Lĩnh vực',
    procedure: 'Thủ tục',
    unit: 'Đơn vị xử lý',
    officer: 'Cán bộ',
    show: 'Xem',
    print: 'In',
    id: 'Mã',
    name: 'Chỉ số',
    value: 'Giá trị',
    ratio: 'Tử số / Mẫu số',
    points: 'Điểm / Tối đa',
    formula: 'Công thức',
    showFormula: 'Xem công thức',
    notComputable: 'Chưa tính được',
    total: 'Tổng điểm các chỉ số tính được',
    totalHelp: 'Chỉ cộng các chỉ số tính được tại Trung tâm; các chỉ số của Cổng Dịch vụ công quốc gia không có ở đây.',
    asOf: 'Số liệu tính đến',
    apologyOn: 'Cài đặt: hồ sơ có thư xin lỗi được tính là quá hạn.',
    apologyOff: 'Cài đặt: thư xin lỗi không làm hồ sơ quá hạn (so với ngày hẹn ban đầu, theo công thức 766).',
    groups: 'Theo nhóm',
    group: 'Nhóm',
    noGroups: 'Chỉ số này không chia theo nhóm đã chọn.',
    open: 'Mở danh sách',
    items: 'Danh sách được đếm',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
    code: 'Mã',
    title: 'Thủ tục / nội dung',
    received: 'Tiếp nhận',
    due: 'Hẹn trả',
    end: 'Kết thúc',
    status: 'Tình trạng',
    counted: 'Trong tử số',
    why: 'Lý do được đếm',
    measure: 'Thời gian',
    inNumerator: 'Có',
    onlyDenominator: '—',
    noItems: 'Không có bản ghi nào.',
    loading: 'Đang tải…',
    unitWorkingDays: 'ngày làm việc',
    unitDays: 'ngày',
    unitHours: 'giờ',
    unitCount: 'lượt',
    mixedUnits: 'Nhóm gồm thủ tục có đơn vị thời gian khác nhau nên tính bằng ngày làm việc.',
  },
  en: {
    intro:
      'The Decision 766 indicators the centre’s own data can compute. Click a figure to list the dossiers or complaints it counts; each indicator shows its formula and the assumptions made.',
    period: 'Period',
    kind: 'Kind',
    month: 'Month',
    quarter: 'Quarter',
    'first-half': 'First 6 months',
    'nine-months': 'First 9 months',
    year: 'Year',
    custom: 'Custom',
    from: 'From',
    to: 'To',
    groupBy: 'Group by',
    none: 'Whole centre',
    field: 'Field',
    procedure: 'Procedure',
    unit: 'Processing unit',
    officer: 'Officer',
    show: 'Show',
    print: 'Print',
    id: 'No.',
    name: 'Indicator',
    value: 'Value',
    ratio: 'Numerator / denominator',
    points: 'Points / max',
    formula: 'Formula',
    showFormula: 'Show formula',
    notComputable: 'Cannot be computed',
    total: 'Points of the computed indicators',
    totalHelp: 'Only the indicators computed at the centre are added up; those of the national portal are not here.',
    asOf: 'Figures as of',
    apologyOn: 'Setting: a dossier with an apology letter counts as late.',
    apologyOff: 'Setting: an apology does not make a dossier late (judged against the original appointment, as in the 766 formula).',
    groups: 'By group',
    group: 'Group',
    noGroups: 'This indicator is not split by the chosen grouping.',
    open: 'Open the list',
    items: 'Records counted',
    numerator: 'Numerator',
    denominator: 'Denominator',
    code: 'Code',
    title: 'Procedure / subject',
    received: 'Received',
    due: 'Due',
    end: 'Ended',
    status: 'Standing',
    counted: 'In numerator',
    why: 'Why it counts',
    measure: 'Time',
    inNumerator: 'Yes',
    onlyDenominator: '—',
    noItems: 'Nothing to list.',
    loading: 'Loading…',
    unitWorkingDays: 'working days',
    unitDays: 'days',
    unitHours: 'hours',
    unitCount: 'items',
    mixedUnits: 'The group mixes procedures with different time units, so it is in working days.',
  },
};

export const STANDING_LABELS: Record<string, { vi: string; en: string }> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  'on-time': { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  'open-within-time': { vi: 'Đang xử lý trong hạn', en: 'Open, within time' },
  'open-overdue': { vi: 'Đang xử lý quá hạn', en: 'Open, overdue' },
  complete: { vi: 'Đủ bộ phận', en: 'Complete' },
  incomplete: { vi: 'Thiếu bộ phận', en: 'Incomplete' },
  direct: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Bưu chính', en: 'Post' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  deducted: { vi: 'Bị trừ', en: 'Deducted' },
  'working-days': { vi: 'Đã xử lý xong', en: 'Finished' },
  days: { vi: 'Đã xử lý xong', en: 'Finished' },
  hours: { vi: 'Đã xử lý xong', en: 'Finished' },
  open: { vi: 'Chưa xử lý xong', en: 'Not finished' },
};
