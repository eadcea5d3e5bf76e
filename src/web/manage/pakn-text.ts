/** Words of the manage section "Phản ánh, kiến nghị" (vi/en). */
import type { Dictionary } from '../shared/i18n';

export type PaknTextKey =
  | 'filters'
  | 'status'
  | 'statusOpen'
  | 'statusAll'
  | 'overdue'
  | 'overdueAny'
  | 'overdueOnly'
  | 'notOverdue'
  | 'category'
  | 'categoryAll'
  | 'from'
  | 'to'
  | 'show'
  | 'count'
  | 'overdueCount'
  | 'none'
  | 'code'
  | 'received'
  | 'about'
  | 'content'
  | 'assignedTo'
  | 'deadline'
  | 'overdueMark'
  | 'paused'
  | 'missed'
  | 'onTime'
  | 'verdict'
  | 'satisfied'
  | 'dissatisfied'
  | 'detailTitle'
  | 'contact'
  | 'anonymous'
  | 'deadlines'
  | 'rejectBy'
  | 'requestInfoBy'
  | 'answerBy'
  | 'publishBy'
  | 'infoRequests'
  | 'reply'
  | 'noReply'
  | 'answer'
  | 'rejection'
  | 'history'
  | 'actions'
  | 'assign'
  | 'assignTo'
  | 'requestInfo'
  | 'question'
  | 'reject'
  | 'reason'
  | 'note'
  | 'noteHelp'
  | 'answerText'
  | 'publish'
  | 'publishHelp'
  | 'choose'
  | 'source'
  | 'by'
  | 'deadlineRule';

export const PAKN_TEXT: Dictionary<PaknTextKey> = {
  vi: {
    filters: 'Lọc phản ánh, kiến nghị',
    status: 'Tình trạng',
    statusOpen: 'Đang xử lý (chưa công khai)',
    statusAll: 'Tất cả',
    overdue: 'Quá hạn',
    overdueAny: 'Tất cả',
    overdueOnly: 'Chỉ quá hạn',
    notOverdue: 'Chưa quá hạn',
    category: 'Nhóm nội dung',
    categoryAll: 'Tất cả nhóm',
    from: 'Tiếp nhận từ ngày',
    to: 'Đến ngày',
    show: 'Xem',
    count: '{n} phản ánh, kiến nghị',
    overdueCount: '{n} quá hạn',
    none: 'Không có phản ánh, kiến nghị nào khớp bộ lọc.',
    code: 'Mã',
    received: 'Tiếp nhận',
    about: 'Về',
    content: 'Nội dung',
    assignedTo: 'Người xử lý',
    deadline: 'Hạn hiện tại',
    overdueMark: 'Quá hạn',
    paused: 'Chờ người gửi bổ sung (tạm dừng tính hạn)',
    missed: 'Trễ hạn',
    onTime: 'Đúng hạn',
    verdict: 'Đánh giá của người gửi',
    satisfied: 'Hài lòng',
    dissatisfied: 'Không hài lòng',
    detailTitle: 'Phản ánh, kiến nghị {code}',
    contact: 'Liên hệ',
    anonymous: 'Ẩn danh',
    deadlines: 'Thời hạn (Quyết định 766, ngày làm việc)',
    rejectBy: 'Từ chối trước',
    requestInfoBy: 'Yêu cầu bổ sung trước',
    answerBy: 'Trả lời trước',
    publishBy: 'Công khai trước',
    infoRequests: 'Yêu cầu bổ sung thông tin',
    reply: 'Người gửi bổ sung',
    noReply: 'Chưa bổ sung',
    answer: 'Trả lời',
    rejection: 'Từ chối',
    history: 'Lịch sử xử lý',
    actions: 'Xử lý',
    assign: 'Phân công',
    assignTo: 'Giao cho',
    requestInfo: 'Yêu cầu bổ sung thông tin',
    question: 'Thông tin cần bổ sung (người gửi thấy khi tra cứu bằng mã)',
    reject: 'Từ chối',
    reason: 'Lý do',
    note: 'Ghi chú cho người gửi',
    noteHelp: 'Bắt buộc khi không thuộc thẩm quyền (ghi cơ quan có thẩm quyền), trùng (ghi mã bị trùng) hoặc lý do khác.',
    answerText: 'Nội dung trả lời (gửi tới người gửi qua mã)',
    publish: 'Công khai kết quả',
    publishHelp: 'Công khai trong 2 ngày làm việc sau khi trả lời.',
    choose: '— Chọn —',
    source: 'Nguồn',
    by: 'bởi',
    deadlineRule: 'Từ chối ≤ 2, yêu cầu bổ sung ≤ 5, trả lời ≤ 15 ngày làm việc kể từ khi tiếp nhận; công khai ≤ 2 ngày làm việc sau khi trả lời. Thời gian chờ người gửi bổ sung không tính.',
  },
  en: {
    filters: 'Filter complaints and suggestions',
    status: 'Status',
    statusOpen: 'Open (not yet published)',
    statusAll: 'All',
    overdue: 'Overdue',
    overdueAny: 'All',
    overdueOnly: 'Overdue only',
    notOverdue: 'Not overdue',
    category: 'Topic',
    categoryAll: 'All topics',
    from: 'Received from',
    to: 'To',
    show: 'Show',
    count: '{n} complaints/suggestions',
    overdueCount: '{n} overdue',
    none: 'Nothing matches the filters.',
    code: 'Code',
    received: 'Received',
    about: 'About',
    content: 'Content',
    assignedTo: 'Handled by',
    deadline: 'Current deadline',
    overdueMark: 'Overdue',
    paused: 'Waiting for the citizen (clock paused)',
    missed: 'Late',
    onTime: 'On time',
    verdict: 'Citizen’s verdict',
    satisfied: 'Satisfied',
    dissatisfied: 'Not satisfied',
    detailTitle: 'Complaint/suggestion {code}',
    contact: 'Contact',
    anonymous: 'Anonymous',
    deadlines: 'Deadlines (Decision 766, working days)',
    rejectBy: 'Reject by',
    requestInfoBy: 'Request information by',
    answerBy: 'Answer by',
    publishBy: 'Publish by',
    infoRequests: 'Requests for information',
    reply: 'Citizen added',
    noReply: 'Not yet',
    answer: 'Answer',
    rejection: 'Rejection',
    history: 'History',
    actions: 'Handle',
    assign: 'Assign',
    assignTo: 'Assign to',
    requestInfo: 'Request more information',
    question: 'What is needed (the citizen sees it with the code)',
    reject: 'Reject',
    reason: 'Reason',
    note: 'Note to the citizen',
    noteHelp: 'Required when outside competence (name the competent agency), a duplicate (give its code) or another reason.',
    answerText: 'Answer (reaches the citizen through the code)',
    publish: 'Publish the result',
    publishHelp: 'Publish within 2 working days of the answer.',
    choose: '— Choose —',
    source: 'Source',
    by: 'by',
    deadlineRule: 'Reject ≤ 2, request information ≤ 5, answer ≤ 15 working days from receipt; publish ≤ 2 working days after the answer. Time waiting for the citizen does not count.',
  },
};

/** History entries as a manager reads them. */
export const PAKN_EVENT_LABELS: Record<string, { vi: string; en: string }> = {
  'pakn.received': { vi: 'Tiếp nhận', en: 'Received' },
  'pakn.assigned': { vi: 'Phân công', en: 'Assigned' },
  'pakn.info-requested': { vi: 'Yêu cầu bổ sung', en: 'Information requested' },
  'pakn.info-supplied': { vi: 'Người gửi bổ sung', en: 'Information added' },
  'pakn.rejected': { vi: 'Từ chối', en: 'Rejected' },
  'pakn.answered': { vi: 'Trả lời', en: 'Answered' },
  'pakn.published': { vi: 'Công khai', en: 'Published' },
  'pakn.verdict': { vi: 'Người gửi đánh giá', en: 'Citizen’s verdict' },
};

export const PAKN_SOURCE_LABELS: Record<string, { vi: string; en: string }> = {
  public: { vi: 'Trang công khai', en: 'Public page' },
  kiosk: { vi: 'Ki-ốt (mã QR)', en: 'Kiosk (QR)' },
  qr: { vi: 'Mã QR trên phiếu', en: 'QR on a slip' },
  counter: { vi: 'Tại quầy', en: 'At a counter' },
};
