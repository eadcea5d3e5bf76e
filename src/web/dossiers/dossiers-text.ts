/** Words of the dossier workspace (/dossiers), Vietnamese first. */
import type { DossierActionName, Timeliness } from '../../contracts/dossier';
import type { Dictionary } from '../shared/i18n';
import type { ListFilter } from './dossier-format';

export const FORM_CODES = ['01', '02', '03', '04', '05', '06'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export const EVENT_TYPES = [
  'dossier.received',
  'dossier.incomplete',
  'dossier.refused',
  'dossier.step-finished',
  'dossier.result-ready',
  'dossier.supplement-requested',
  'dossier.supplement-completed',
  'dossier.apology-issued',
  'dossier.stopped',
  'dossier.withdrawn',
  'dossier.returned',
] as const;

type Key =
  // shell
  | 'title'
  | 'loginTitle'
  | 'menu'
  | 'navList'
  | 'navReceive'
  | 'logout'
  | 'loading'
  | 'close'
  | 'cancel'
  | 'confirm'
  | 'sending'
  // list
  | `filter:${ListFilter}`
  | 'filters'
  | 'search'
  | 'searchHelp'
  | 'searchButton'
  | 'from'
  | 'to'
  | 'colCode'
  | 'colProcedure'
  | 'colApplicant'
  | 'colStep'
  | 'colDue'
  | 'colStatus'
  | 'empty'
  | 'count'
  | 'refresh'
  | 'due:overdue'
  | 'due:due-soon'
  | 'extendedTo'
  | `tl:${Timeliness}`
  // detail
  | 'back'
  | 'applicant'
  | 'fullName'
  | 'idNumber'
  | 'address'
  | 'phone'
  | 'email'
  | 'procedure'
  | 'field'
  | 'version'
  | 'processDocument'
  | 'channel'
  | 'processingTime'
  | 'receivedAt'
  | 'receivedBy'
  | 'createdAt'
  | 'dueAt'
  | 'extendedDueAt'
  | 'finishedAt'
  | 'returnedAt'
  | 'returnedTo'
  | 'result'
  | 'documents'
  | 'docReceived'
  | 'docMissing'
  | 'guidance'
  | 'supplements'
  | 'supplementOpen'
  | 'supplementDone'
  | 'refusal'
  | 'stopReason'
  | 'apology'
  | 'steps'
  | 'colStepName'
  | 'colUnit'
  | 'colAllowance'
  | 'colStepDue'
  | 'colFinished'
  | 'colOfficer'
  | 'colResult'
  | 'hoursN'
  | 'currentStep'
  | 'history'
  | 'historyEmpty'
  | 'actions'
  | 'noActions'
  | 'print'
  | 'popupBlocked'
  | 'updated'
  | `form:${FormCode}`
  | `action:${DossierActionName}`
  | `help:${DossierActionName}`
  | (typeof EVENT_TYPES)[number]
  | 'note'
  | 'reason'
  | 'refuseReason'
  | 'stopReasonLabel'
  | 'apologyReason'
  | 'newDate'
  | 'newTime'
  | 'newDueBad'
  | 'receivedByLabel'
  | 'reasonRequired'
  | 'receivedByRequired'
  // missing items editor
  | 'itemsLegend'
  | 'itemName'
  | 'itemReason'
  | 'addItem'
  | 'removeItem'
  | 'itemsEmpty'
  | 'itemIncomplete'
  | 'defaultReason'
  // reception
  | 'receiveTitle'
  | 'fromTicket'
  | 'procSearch'
  | 'procSearchHelp'
  | 'procOfField'
  | 'procResults'
  | 'procNone'
  | 'choose'
  | 'chosen'
  | 'change'
  | 'fee'
  | 'documentsN'
  | 'inactive'
  | 'agency'
  | 'appointmentPreview'
  | 'applicantTitle'
  | 'idNumberHelp'
  | 'docsTitle'
  | 'docsHelp'
  | 'mandatoryMark'
  | 'docsNone'
  | 'tickAll'
  | 'outcomeReceive'
  | 'outcomeIncomplete'
  | 'outcomeRefuse'
  | 'missingMandatory'
  | 'incompleteTitle'
  | 'incompleteHelp'
  | 'createIncomplete'
  | 'refuseTitle'
  | 'refuseHelp'
  | 'createRefuse'
  | 'nameRequired'
  | 'successReceived'
  | 'successIncomplete'
  | 'successRefused'
  | 'codeLabel'
  | 'appointment'
  | 'printForm'
  | 'openDetail'
  | 'receiveAnother';

export const TEXT: Dictionary<Key> = {
  vi: {
    title: 'Hồ sơ thủ tục hành chính',
    loginTitle: 'Hồ sơ – Bộ phận Một cửa',
    menu: 'Mục hồ sơ',
    navList: 'Danh sách hồ sơ',
    navReceive: 'Tiếp nhận hồ sơ',
    logout: 'Đăng xuất',
    loading: 'Đang tải…',
    close: 'Đóng',
    cancel: 'Hủy bỏ',
    confirm: 'Xác nhận',
    sending: 'Đang gửi…',

    'filter:open': 'Đang xử lý',
    'filter:overdue': 'Quá hạn',
    'filter:due-soon': 'Sắp đến hạn',
    'filter:result-ready': 'Chờ trả kết quả',
    'filter:closed': 'Đã đóng',
    'filter:all': 'Tất cả',
    filters: 'Lọc hồ sơ',
    search: 'Tìm kiếm',
    searchHelp: 'Mã hồ sơ, tên người nộp hoặc tên thủ tục',
    searchButton: 'Tìm',
    from: 'Nhận từ ngày',
    to: 'Đến ngày',
    colCode: 'Mã hồ sơ',
    colProcedure: 'Thủ tục',
    colApplicant: 'Người nộp',
    colStep: 'Bước hiện tại',
    colDue: 'Hẹn trả',
    colStatus: 'Trạng thái',
    empty: 'Không có hồ sơ nào.',
    count: '{count} hồ sơ',
    refresh: 'Tải lại',
    'due:overdue': 'Quá hạn',
    'due:due-soon': 'Sắp đến hạn',
    extendedTo: 'Gia hạn đến {date}',
    'tl:early': 'Trước hạn',
    'tl:on-time': 'Đúng hạn',
    'tl:late': 'Quá hạn',

    back: '← Về danh sách',
    applicant: 'Người nộp',
    fullName: 'Họ và tên',
    idNumber: 'Số định danh/CCCD',
    address: 'Địa chỉ',
    phone: 'Điện thoại',
    email: 'Email',
    procedure: 'Thủ tục',
    field: 'Lĩnh vực',
    version: 'phiên bản {n}',
    processDocument: 'Quy trình {code}, lần ban hành {n}',
    channel: 'Hình thức nộp',
    processingTime: 'Thời hạn giải quyết',
    receivedAt: 'Tiếp nhận lúc',
    receivedBy: 'Người tiếp nhận',
    createdAt: 'Lập lúc',
    dueAt: 'Hẹn trả',
    extendedDueAt: 'Hẹn trả mới (gia hạn)',
    finishedAt: 'Xử lý xong lúc',
    returnedAt: 'Trả kết quả lúc',
    returnedTo: 'Người nhận kết quả',
    result: 'Kết quả giải quyết',
    documents: 'Thành phần hồ sơ',
    docReceived: 'Đã nộp',
    docMissing: 'Chưa nộp',
    guidance: 'Yêu cầu bổ sung khi tiếp nhận (Mẫu 02), lập lúc {time}',
    supplements: 'Yêu cầu bổ sung trong quá trình giải quyết',
    supplementOpen: 'Yêu cầu lúc {time} – đang chờ công dân bổ sung',
    supplementDone: 'Yêu cầu lúc {time} – đã bổ sung lúc {done}',
    refusal: 'Lý do từ chối',
    stopReason: 'Lý do dừng giải quyết',
    apology: 'Xin lỗi và gia hạn (lập lúc {time})',
    steps: 'Các bước giải quyết',
    colStepName: 'Bước',
    colUnit: 'Đơn vị',
    colAllowance: 'Thời gian cho phép',
    colStepDue: 'Hạn bước',
    colFinished: 'Hoàn thành',
    colOfficer: 'Cán bộ',
    colResult: 'Kết quả',
    hoursN: '{n} giờ',
    currentStep: 'đang xử lý',
    history: 'Lịch sử xử lý',
    historyEmpty: 'Chưa có sự kiện nào.',
    actions: 'Thao tác',
    noActions: 'Không còn thao tác nào cho hồ sơ này.',
    print: 'In biểu mẫu',
    popupBlocked: 'Trình duyệt đã chặn cửa sổ mới. Bấm vào đây để mở biểu mẫu:',
    updated: 'Đã cập nhật hồ sơ.',
    'form:01': 'In Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    'form:02': 'In Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    'form:03': 'In Mẫu 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    'form:04': 'In Mẫu 04 – Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
    'form:05': 'In Mẫu 05 – Thông báo dừng giải quyết hồ sơ',
    'form:06': 'In Mẫu 06 – Phiếu kiểm soát quá trình giải quyết hồ sơ',
    'action:receive': 'Tiếp nhận hồ sơ đã đủ',
    'action:finish-step': 'Hoàn thành bước',
    'action:request-supplement': 'Yêu cầu bổ sung',
    'action:complete-supplement': 'Đã bổ sung đủ',
    'action:apologise': 'Xin lỗi, gia hạn (Mẫu 04)',
    'action:stop': 'Dừng giải quyết (Mẫu 05)',
    'action:refuse': 'Từ chối giải quyết',
    'action:withdraw': 'Công dân rút hồ sơ',
    'action:return': 'Trả kết quả',
    'help:receive': 'Công dân mang hồ sơ đã hoàn thiện trở lại: đánh dấu giấy tờ đã nộp rồi tiếp nhận (Mẫu 01). Thời hạn giải quyết bắt đầu tính từ lúc này.',
    'help:finish-step': 'Ghi nhận bước hiện tại đã xong; hồ sơ chuyển sang bước tiếp theo.',
    'help:request-supplement': 'Liệt kê đầy đủ mọi nội dung cần bổ sung trong một lần, mỗi nội dung kèm lý do. Thời hạn tạm dừng đến khi công dân bổ sung.',
    'help:complete-supplement': 'Công dân đã nộp đủ nội dung bổ sung: thời hạn giải quyết tiếp tục tính.',
    'help:apologise': 'Cơ quan giải quyết xin lỗi và hẹn lại ngày trả. Chỉ gia hạn một lần; hồ sơ vẫn tính là quá hạn.',
    'help:stop': 'Dừng giải quyết hồ sơ theo yêu cầu của công dân hoặc theo quy định; nêu rõ lý do.',
    'help:refuse': 'Từ chối giải quyết với lý do cụ thể theo quy định pháp luật.',
    'help:withdraw': 'Công dân có yêu cầu rút hồ sơ. Hồ sơ sẽ được đóng.',
    'help:return': 'Ghi nhận người đã nhận kết quả (đối chiếu giấy hẹn và giấy tờ tùy thân).',
    'dossier.received': 'Tiếp nhận hồ sơ',
    'dossier.incomplete': 'Hướng dẫn bổ sung, hoàn thiện (Mẫu 02)',
    'dossier.refused': 'Từ chối',
    'dossier.step-finished': 'Hoàn thành bước',
    'dossier.result-ready': 'Có kết quả, chờ trả',
    'dossier.supplement-requested': 'Yêu cầu bổ sung',
    'dossier.supplement-completed': 'Công dân đã bổ sung',
    'dossier.apology-issued': 'Xin lỗi, gia hạn',
    'dossier.stopped': 'Dừng giải quyết',
    'dossier.withdrawn': 'Rút hồ sơ',
    'dossier.returned': 'Trả kết quả',
    note: 'Ghi chú',
    reason: 'Lý do',
    refuseReason: 'Lý do từ chối (căn cứ pháp lý)',
    stopReasonLabel: 'Lý do dừng giải quyết',
    apologyReason: 'Lý do chậm trả kết quả',
    newDate: 'Ngày hẹn trả mới',
    newTime: 'Giờ hẹn trả mới',
    newDueBad: 'Hãy chọn ngày và giờ hẹn trả mới.',
    receivedByLabel: 'Người nhận kết quả',
    reasonRequired: 'Cần nhập lý do.',
    receivedByRequired: 'Cần ghi tên người nhận kết quả.',

    itemsLegend: 'Nội dung cần bổ sung, hoàn thiện',
    itemName: 'Nội dung {n}',
    itemReason: 'Lý do {n}',
    addItem: 'Thêm nội dung',
    removeItem: 'Xóa nội dung {n}',
    itemsEmpty: 'Cần ít nhất một nội dung cần bổ sung.',
    itemIncomplete: 'Nội dung {n} cần có cả tên giấy tờ và lý do.',
    defaultReason: 'Chưa có trong hồ sơ',

    receiveTitle: 'Tiếp nhận hồ sơ',
    fromTicket: 'Tiếp nhận cho công dân đang phục vụ tại quầy.',
    procSearch: 'Tìm thủ tục (mã hoặc tên)',
    procSearchHelp: 'Gõ không dấu cũng được, ví dụ “khai sinh” hoặc “1.001193”.',
    procOfField: 'Thủ tục của lĩnh vực đang phục vụ',
    procResults: 'Thủ tục tìm thấy',
    procNone: 'Không tìm thấy thủ tục nào.',
    choose: 'Chọn',
    chosen: 'Thủ tục',
    change: 'Đổi thủ tục',
    fee: 'Phí, lệ phí',
    documentsN: '{n} giấy tờ',
    inactive: 'ngừng áp dụng',
    agency: 'Cơ quan giải quyết',
    appointmentPreview: 'Hẹn trả dự kiến nếu tiếp nhận ngay',
    applicantTitle: 'Người nộp hồ sơ',
    idNumberHelp: 'CCCD 12 số, hoặc mã số thuế của tổ chức',
    docsTitle: 'Thành phần hồ sơ',
    docsHelp: 'Đánh dấu các giấy tờ công dân đã nộp. Dấu * là giấy tờ bắt buộc.',
    mandatoryMark: 'bắt buộc',
    docsNone: 'Thủ tục không quy định thành phần hồ sơ.',
    tickAll: 'Đánh dấu tất cả',
    outcomeReceive: 'Tiếp nhận (Mẫu 01)',
    outcomeIncomplete: 'Yêu cầu bổ sung (Mẫu 02)',
    outcomeRefuse: 'Từ chối (Mẫu 03)',
    missingMandatory: 'Còn thiếu giấy tờ bắt buộc: {names}. Hãy yêu cầu bổ sung (Mẫu 02).',
    incompleteTitle: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)',
    incompleteHelp: 'Ghi đầy đủ mọi nội dung còn thiếu hoặc chưa đúng, mỗi nội dung một lý do — chỉ yêu cầu bổ sung một lần.',
    createIncomplete: 'Lập phiếu yêu cầu bổ sung',
    refuseTitle: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)',
    refuseHelp: 'Nêu lý do cụ thể theo quy định pháp luật (không thuộc thẩm quyền, không đủ điều kiện…).',
    createRefuse: 'Lập phiếu từ chối',
    nameRequired: 'Cần nhập họ và tên người nộp hồ sơ.',
    successReceived: 'Đã tiếp nhận hồ sơ',
    successIncomplete: 'Đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    successRefused: 'Đã lập phiếu từ chối tiếp nhận',
    codeLabel: 'Mã hồ sơ',
    appointment: 'Hẹn trả: {date}',
    printForm: 'In Mẫu {form}',
    openDetail: 'Xem chi tiết hồ sơ',
    receiveAnother: 'Tiếp nhận hồ sơ khác',
  },
  en: {
    title: 'Administrative dossiers',
    loginTitle: 'Dossiers – one-stop desk',
    menu: 'Dossier sections',
    navList: 'Dossier list',
    navReceive: 'Receive a dossier',
    logout: 'Sign out',
    loading: 'Loading…',
    close: 'Close',
    cancel: 'Cancel',
    confirm: 'Confirm',
    sending: 'Sending…',

    'filter:open': 'In progress',
    'filter:overdue': 'Overdue',
    'filter:due-soon': 'Due soon',
    'filter:result-ready': 'Result to hand over',
    'filter:closed': 'Closed',
    'filter:all': 'All',
    filters: 'Filter dossiers',
    search: 'Search',
    searchHelp: 'Dossier code, applicant or procedure name',
    searchButton: 'Search',
    from: 'Received from',
    to: 'To',
    colCode: 'Dossier code',
    colProcedure: 'Procedure',
    colApplicant: 'Applicant',
    colStep: 'Current step',
    colDue: 'Appointment',
    colStatus: 'Status',
    empty: 'No dossiers.',
    count: '{count} dossiers',
    refresh: 'Reload',
    'due:overdue': 'Overdue',
    'due:due-soon': 'Due soon',
    extendedTo: 'Extended to {date}',
    'tl:early': 'Early',
    'tl:on-time': 'On time',
    'tl:late': 'Late',

    back: '← Back to the list',
    applicant: 'Applicant',
    fullName: 'Full name',
    idNumber: 'ID number (CCCD)',
    address: 'Address',
    phone: 'Phone',
    email: 'Email',
    procedure: 'Procedure',
    field: 'Field',
    version: 'version {n}',
    processDocument: 'Process {code}, issue {n}',
    channel: 'Channel',
    processingTime: 'Processing time',
    receivedAt: 'Received at',
    receivedBy: 'Received by',
    createdAt: 'Recorded at',
    dueAt: 'Appointment',
    extendedDueAt: 'New appointment (extended)',
    finishedAt: 'Processed at',
    returnedAt: 'Result handed over at',
    returnedTo: 'Result collected by',
    result: 'Outcome',
    documents: 'Documents',
    docReceived: 'Handed in',
    docMissing: 'Missing',
    guidance: 'Supplement requested at reception (Form 02), at {time}',
    supplements: 'Supplements requested during processing',
    supplementOpen: 'Requested at {time} – waiting for the citizen',
    supplementDone: 'Requested at {time} – supplied at {done}',
    refusal: 'Reason for refusal',
    stopReason: 'Reason for stopping',
    apology: 'Apology and extension (issued at {time})',
    steps: 'Processing steps',
    colStepName: 'Step',
    colUnit: 'Unit',
    colAllowance: 'Allowance',
    colStepDue: 'Step due',
    colFinished: 'Finished',
    colOfficer: 'Officer',
    colResult: 'Result',
    hoursN: '{n} h',
    currentStep: 'in progress',
    history: 'History',
    historyEmpty: 'No events yet.',
    actions: 'Actions',
    noActions: 'Nothing more can be done with this dossier.',
    print: 'Print forms',
    popupBlocked: 'The browser blocked the new window. Open the form here:',
    updated: 'Dossier updated.',
    'form:01': 'Print Form 01 – Receipt and appointment slip',
    'form:02': 'Print Form 02 – Request to supplement the dossier',
    'form:03': 'Print Form 03 – Refusal to accept the dossier',
    'form:04': 'Print Form 04 – Apology and extension letter',
    'form:05': 'Print Form 05 – Notice of stopped processing',
    'form:06': 'Print Form 06 – Processing control sheet',
    'action:receive': 'Receive the completed dossier',
    'action:finish-step': 'Finish step',
    'action:request-supplement': 'Request a supplement',
    'action:complete-supplement': 'Supplement received',
    'action:apologise': 'Apologise and extend (Form 04)',
    'action:stop': 'Stop processing (Form 05)',
    'action:refuse': 'Refuse',
    'action:withdraw': 'Citizen withdraws',
    'action:return': 'Hand over the result',
    'help:receive': 'The citizen came back with a complete dossier: tick the documents handed in, then receive it (Form 01). The clock starts now.',
    'help:finish-step': 'Records the current step as done; the dossier moves to the next step.',
    'help:request-supplement': 'List every missing item at once, each with its reason. The clock pauses until the citizen supplies them.',
    'help:complete-supplement': 'The citizen supplied everything requested: the clock runs again.',
    'help:apologise': 'The processing agency apologises and sets a new date. Only once; the dossier still counts as late.',
    'help:stop': 'Stops processing at the citizen’s request or on legal grounds; give the reason.',
    'help:refuse': 'Refuses the dossier with a specific legal reason.',
    'help:withdraw': 'The citizen asked to withdraw the dossier. It will be closed.',
    'help:return': 'Records who collected the result (check the appointment slip and an ID).',
    'dossier.received': 'Received',
    'dossier.incomplete': 'Guidance to supplement (Form 02)',
    'dossier.refused': 'Refused',
    'dossier.step-finished': 'Step finished',
    'dossier.result-ready': 'Result ready to hand over',
    'dossier.supplement-requested': 'Supplement requested',
    'dossier.supplement-completed': 'Supplement received',
    'dossier.apology-issued': 'Apology and extension',
    'dossier.stopped': 'Processing stopped',
    'dossier.withdrawn': 'Withdrawn',
    'dossier.returned': 'Result handed over',
    note: 'Note',
    reason: 'Reason',
    refuseReason: 'Reason for refusal (legal ground)',
    stopReasonLabel: 'Reason for stopping',
    apologyReason: 'Reason for the delay',
    newDate: 'New appointment date',
    newTime: 'New appointment time',
    newDueBad: 'Choose the new appointment date and time.',
    receivedByLabel: 'Result collected by',
    reasonRequired: 'Enter a reason.',
    receivedByRequired: 'Enter who collected the result.',

    itemsLegend: 'Items to supplement or correct',
    itemName: 'Item {n}',
    itemReason: 'Reason {n}',
    addItem: 'Add an item',
    removeItem: 'Remove item {n}',
    itemsEmpty: 'List at least one item to supplement.',
    itemIncomplete: 'Item {n} needs both a document and a reason.',
    defaultReason: 'Not provided',

    receiveTitle: 'Receive a dossier',
    fromTicket: 'For the citizen being served at your counter.',
    procSearch: 'Find a procedure (code or name)',
    procSearchHelp: 'Diacritics optional, e.g. “khai sinh” or “1.001193”.',
    procOfField: 'Procedures of the field being served',
    procResults: 'Procedures found',
    procNone: 'No procedure found.',
    choose: 'Choose',
    chosen: 'Procedure',
    change: 'Change procedure',
    fee: 'Fees',
    documentsN: '{n} documents',
    inactive: 'no longer applied',
    agency: 'Processing agency',
    appointmentPreview: 'Expected appointment if received now',
    applicantTitle: 'Applicant',
    idNumberHelp: '12-digit CCCD, or an organisation’s tax code',
    docsTitle: 'Documents',
    docsHelp: 'Tick the documents the citizen handed in. * marks a mandatory document.',
    mandatoryMark: 'mandatory',
    docsNone: 'The procedure lists no documents.',
    tickAll: 'Tick all',
    outcomeReceive: 'Receive (Form 01)',
    outcomeIncomplete: 'Request supplement (Form 02)',
    outcomeRefuse: 'Refuse (Form 03)',
    missingMandatory: 'Mandatory documents missing: {names}. Request a supplement (Form 02).',
    incompleteTitle: 'Request to supplement the dossier (Form 02)',
    incompleteHelp: 'List every missing or defective item, each with its reason — a supplement is requested only once.',
    createIncomplete: 'Issue the supplement request',
    refuseTitle: 'Refusal to accept the dossier (Form 03)',
    refuseHelp: 'Give the specific legal reason (outside competence, conditions not met…).',
    createRefuse: 'Issue the refusal',
    nameRequired: 'Enter the applicant’s full name.',
    successReceived: 'Dossier received',
    successIncomplete: 'Supplement request issued',
    successRefused: 'Refusal issued',
    codeLabel: 'Dossier code',
    appointment: 'Appointment: {date}',
    printForm: 'Print Form {form}',
    openDetail: 'Open the dossier',
    receiveAnother: 'Receive another dossier',
  },
};

export type DossiersText = Record<Key, string>;
