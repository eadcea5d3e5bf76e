/** Words of the "Biểu đồ" section: titles, axes, legends and table headings, Vietnamese first. */
import type { Dictionary } from '../shared/i18n';

export type ChartsTextKey =
  | 'range'
  | 'from'
  | 'to'
  | 'show'
  | 'thisMonth'
  | 'lastMonth'
  | 'last3Months'
  | 'thisYear'
  | 'last12Months'
  | 'print'
  | 'downloadPng'
  | 'exporting'
  | 'tableSummary'
  | 'loading'
  | 'loadingParts'
  | 'noData'
  | 'retry'
  | 'hourTitle'
  | 'hourHelp'
  | 'weekdayTitle'
  | 'monthlyTitle'
  | 'monthlyHelp'
  | 'statusTitle'
  | 'statusHelp'
  | 'paknTitle'
  | 'comparisonTitle'
  | 'comparisonHelp'
  | 'hour'
  | 'weekday'
  | 'month'
  | 'week'
  | 'unit'
  | 'arrivals'
  | 'arrivalsAxis'
  | 'waitAxis'
  | 'meanWait'
  | 'p90Wait'
  | 'percentAxis'
  | 'onTime'
  | 'queueSatisfaction'
  | 'dossierSatisfaction'
  | 'countAxis'
  | 'received'
  | 'finishedInTime'
  | 'finishedLate'
  | 'returned'
  | 'closedOther'
  | 'openWithinTime'
  | 'openOverdue'
  | 'awaitingSupplement'
  | 'resultWaiting'
  | 'category'
  | 'complaints'
  | 'suggestions'
  | 'total'
  | 'compareBy'
  | 'metric'
  | 'byField'
  | 'byCounter'
  | 'byOfficer'
  | 'served'
  | 'averageWait'
  | 'averageService'
  | 'satisfaction'
  | 'ratings'
  | 'minutes'
  | 'fraction'
  | 'period'
  | 'printedAt';

export const CHARTS_TEXT: Dictionary<ChartsTextKey> = {
  vi: {
    range: 'Kỳ báo cáo',
    from: 'Từ ngày',
    to: 'Đến ngày',
    show: 'Xem',
    thisMonth: 'Tháng này',
    lastMonth: 'Tháng trước',
    last3Months: '3 tháng gần đây',
    thisYear: 'Năm nay',
    last12Months: '12 tháng gần đây',
    print: 'In biểu đồ',
    downloadPng: 'Tải ảnh (PNG)',
    exporting: 'Đang tạo ảnh…',
    tableSummary: 'Bảng số liệu',
    loading: 'Đang tính số liệu…',
    loadingParts: 'Đang tính số liệu: {done}/{total} phần',
    noData: 'Không có số liệu trong kỳ này.',
    retry: 'Thử lại',
    hourTitle: 'Lượt đến và thời gian chờ theo giờ trong ngày',
    hourHelp: 'Lượt đến là số phiếu được cấp; thời gian chờ tính từ lúc vào hàng đợi đến lúc được gọi, theo giờ vào hàng.',
    weekdayTitle: 'Lượt đến và thời gian chờ theo ngày trong tuần',
    monthlyTitle: 'Tỷ lệ đúng hạn và mức độ hài lòng theo tháng',
    monthlyHelp:
      'Tỷ lệ đúng hạn: chỉ số 2.1 của Quyết định 766, tính từng tháng như mục “Chỉ số 766”. Tỷ lệ hài lòng = (rất hài lòng + hài lòng) / tổng số đánh giá, tách riêng đánh giá lượt phục vụ tại quầy và đánh giá hồ sơ.',
    statusTitle: 'Hồ sơ theo trạng thái',
    statusHelp:
      'Cột: hồ sơ còn ở trung tâm vào cuối mỗi kỳ (đang xử lý trong hạn, quá hạn, chờ trả kết quả). Đường: hồ sơ tiếp nhận, xử lý xong và trả kết quả trong kỳ.',
    paknTitle: 'Phản ánh, kiến nghị theo nhóm',
    comparisonTitle: 'So sánh theo lĩnh vực, quầy, cán bộ',
    comparisonHelp: 'Số liệu lấy từ bảng chỉ số hàng đợi của cùng kỳ.',
    hour: 'Giờ',
    weekday: 'Thứ',
    month: 'Tháng',
    week: 'Tuần',
    unit: 'Theo',
    arrivals: 'Lượt đến',
    arrivalsAxis: 'Lượt đến',
    waitAxis: 'Thời gian chờ (phút)',
    meanWait: 'Chờ trung bình (phút)',
    p90Wait: 'Chờ P90 (phút)',
    percentAxis: 'Tỷ lệ (%)',
    onTime: 'Đúng hạn (%)',
    queueSatisfaction: 'Hài lòng tại quầy (%)',
    dossierSatisfaction: 'Hài lòng về hồ sơ (%)',
    countAxis: 'Số hồ sơ',
    received: 'Tiếp nhận',
    finishedInTime: 'Xử lý xong trước, đúng hạn',
    finishedLate: 'Xử lý xong quá hạn',
    returned: 'Đã trả kết quả',
    closedOther: 'Dừng, từ chối, rút',
    openWithinTime: 'Đang xử lý trong hạn',
    openOverdue: 'Quá hạn chưa xử lý',
    awaitingSupplement: 'Chờ bổ sung',
    resultWaiting: 'Chờ trả kết quả',
    category: 'Nhóm',
    complaints: 'Phản ánh',
    suggestions: 'Kiến nghị',
    total: 'Tổng',
    compareBy: 'So sánh theo',
    metric: 'Chỉ tiêu',
    byField: 'Lĩnh vực',
    byCounter: 'Quầy',
    byOfficer: 'Cán bộ',
    served: 'Lượt phục vụ xong',
    averageWait: 'Chờ trung bình (phút)',
    averageService: 'Phục vụ trung bình (phút)',
    satisfaction: 'Hài lòng (%)',
    ratings: 'Số đánh giá',
    minutes: 'phút',
    fraction: '{numerator}/{denominator}',
    period: 'Kỳ: {from} – {to}',
    printedAt: 'In lúc {at}',
  },
  en: {
    range: 'Period',
    from: 'From',
    to: 'To',
    show: 'Show',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    last3Months: 'Last 3 months',
    thisYear: 'This year',
    last12Months: 'Last 12 months',
    print: 'Print charts',
    downloadPng: 'Download image (PNG)',
    exporting: 'Making the image…',
    tableSummary: 'Data table',
    loading: 'Computing…',
    loadingParts: 'Computing: part {done} of {total}',
    noData: 'No data in this period.',
    retry: 'Retry',
    hourTitle: 'Arrivals and waits by hour of day',
    hourHelp: 'Arrivals are tickets issued; the wait runs from joining the queue to being called, by the hour the queue was joined.',
    weekdayTitle: 'Arrivals and waits by day of week',
    monthlyTitle: 'On-time rate and satisfaction by month',
    monthlyHelp:
      'On-time rate: indicator 2.1 of Decision 766, month by month as in the "Decision 766 indicators" section. Satisfaction = (very satisfied + satisfied) / all ratings, shown separately for counter-visit ratings and dossier ratings.',
    statusTitle: 'Dossiers by status',
    statusHelp:
      'Bars: dossiers still at the centre at the end of each period (open within time, overdue, result waiting). Lines: dossiers received, finished and returned in the period.',
    paknTitle: 'Complaints and suggestions by category',
    comparisonTitle: 'Comparison by field, counter, officer',
    comparisonHelp: 'Figures from the queue KPI table of the same period.',
    hour: 'Hour',
    weekday: 'Day',
    month: 'Month',
    week: 'Week',
    unit: 'By',
    arrivals: 'Arrivals',
    arrivalsAxis: 'Arrivals',
    waitAxis: 'Wait (minutes)',
    meanWait: 'Average wait (min)',
    p90Wait: 'P90 wait (min)',
    percentAxis: 'Rate (%)',
    onTime: 'On time (%)',
    queueSatisfaction: 'Satisfied at the counter (%)',
    dossierSatisfaction: 'Satisfied with the dossier (%)',
    countAxis: 'Dossiers',
    received: 'Received',
    finishedInTime: 'Finished early or on time',
    finishedLate: 'Finished late',
    returned: 'Result returned',
    closedOther: 'Stopped, refused, withdrawn',
    openWithinTime: 'Open, within time',
    openOverdue: 'Open, overdue',
    awaitingSupplement: 'Awaiting supplement',
    resultWaiting: 'Result waiting',
    category: 'Category',
    complaints: 'Complaints',
    suggestions: 'Suggestions',
    total: 'Total',
    compareBy: 'Compare by',
    metric: 'Measure',
    byField: 'Field',
    byCounter: 'Counter',
    byOfficer: 'Officer',
    served: 'Visits served',
    averageWait: 'Average wait (min)',
    averageService: 'Average service (min)',
    satisfaction: 'Satisfied (%)',
    ratings: 'Ratings',
    minutes: 'min',
    fraction: '{numerator}/{denominator}',
    period: 'Period: {from} – {to}',
    printedAt: 'Printed {at}',
  },
};

/** Day-of-week names, ISO order (1 = Monday). */
export const WEEKDAY_NAMES: Record<'vi' | 'en', string[]> = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
