/** Words of the manage section "Quy trình ISO" (vi/en). */
import type { Dictionary } from '../shared/i18n';

export type ProcessTextKey =
  | 'intro'
  | 'listTitle'
  | 'none'
  | 'code'
  | 'procedure'
  | 'inForce'
  | 'notIssued'
  | 'draft'
  | 'procedureChanged'
  | 'open'
  | 'newTitle'
  | 'newProcedure'
  | 'newCode'
  | 'newCodeHelp'
  | 'create'
  | 'choose'
  | 'history'
  | 'issueNumber'
  | 'status'
  | 'issuedOn'
  | 'approver'
  | 'changes'
  | 'print'
  | 'word'
  | 'firstIssue'
  | 'draftTitle'
  | 'title'
  | 'purpose'
  | 'scope'
  | 'legalBasis'
  | 'legalBasisHelp'
  | 'steps'
  | 'stepName'
  | 'stepRole'
  | 'stepHours'
  | 'stepOutput'
  | 'addStep'
  | 'remove'
  | 'totalHours'
  | 'committed'
  | 'records'
  | 'recordName'
  | 'recordForm'
  | 'recordKeptBy'
  | 'recordRetention'
  | 'addRecord'
  | 'checklist'
  | 'checklistStep'
  | 'checklistQuestion'
  | 'checklistEvidence'
  | 'addQuestion'
  | 'general'
  | 'changeNote'
  | 'saveDraft'
  | 'saved'
  | 'discard'
  | 'issueTitle'
  | 'approverName'
  | 'approverTitle'
  | 'issue'
  | 'issued'
  | 'reviseTitle'
  | 'revise'
  | 'reviseHelp'
  | 'readOnly'
  | 'close';

export const PROCESS_TEXT: Dictionary<ProcessTextKey> = {
  vi: {
    intro: 'Mỗi thủ tục có một quy trình nội bộ theo TCVN ISO 9001:2015: mã hiệu, lần ban hành, người phê duyệt, các bước với thời gian. Hồ sơ tiếp nhận ghi lần ban hành đang hiệu lực; Phiếu kiểm soát (Mẫu 06) nêu tên quy trình.',
    listTitle: 'Danh mục quy trình',
    none: 'Chưa có quy trình nào.',
    code: 'Mã hiệu',
    procedure: 'Thủ tục',
    inForce: 'Đang hiệu lực',
    notIssued: 'Chưa ban hành',
    draft: 'Có dự thảo',
    procedureChanged: 'Thủ tục đã thay đổi, cần sửa đổi quy trình',
    open: 'Mở',
    newTitle: 'Lập quy trình cho thủ tục',
    newProcedure: 'Thủ tục',
    newCode: 'Mã hiệu quy trình',
    newCodeHelp: 'Ví dụ: QT-HT-01 (quy trình, lĩnh vực, số thứ tự)',
    create: 'Lập dự thảo',
    choose: '— Chọn —',
    history: 'Các lần ban hành và theo dõi sửa đổi',
    issueNumber: 'Lần',
    status: 'Trạng thái',
    issuedOn: 'Ngày ban hành',
    approver: 'Người phê duyệt',
    changes: 'Nội dung sửa đổi',
    print: 'Xem, in',
    word: 'Tải Word',
    firstIssue: 'Ban hành lần đầu',
    draftTitle: 'Dự thảo',
    title: 'Tên quy trình',
    purpose: 'Mục đích',
    scope: 'Phạm vi áp dụng',
    legalBasis: 'Căn cứ pháp lý, tài liệu viện dẫn',
    legalBasisHelp: 'Mỗi văn bản một dòng',
    steps: 'Trình tự thực hiện',
    stepName: 'Công việc',
    stepRole: 'Trách nhiệm',
    stepHours: 'Giờ',
    stepOutput: 'Biểu mẫu, kết quả',
    addStep: 'Thêm bước',
    remove: 'Xóa',
    totalHours: 'Tổng: {n} giờ làm việc',
    committed: 'Thời hạn giải quyết của thủ tục: {n} giờ làm việc',
    records: 'Hồ sơ, biểu mẫu lưu',
    recordName: 'Hồ sơ',
    recordForm: 'Mẫu',
    recordKeptBy: 'Trách nhiệm lưu',
    recordRetention: 'Thời gian lưu',
    addRecord: 'Thêm hồ sơ lưu',
    checklist: 'Câu hỏi đánh giá nội bộ',
    checklistStep: 'Bước',
    checklistQuestion: 'Câu hỏi',
    checklistEvidence: 'Bằng chứng',
    addQuestion: 'Thêm câu hỏi',
    general: 'Chung',
    changeNote: 'Ghi chú sửa đổi',
    saveDraft: 'Lưu dự thảo',
    saved: 'Đã lưu dự thảo.',
    discard: 'Hủy dự thảo',
    issueTitle: 'Ban hành',
    approverName: 'Họ tên người phê duyệt',
    approverTitle: 'Chức vụ',
    issue: 'Ban hành',
    issued: 'Đã ban hành {label}.',
    reviseTitle: 'Sửa đổi quy trình',
    revise: 'Tạo bản sửa đổi',
    reviseHelp: 'Bản sửa đổi bắt đầu từ lần ban hành đang hiệu lực; nếu thủ tục đã có phiên bản mới, các bước lấy theo phiên bản đó.',
    readOnly: 'Bạn chỉ xem quy trình; lãnh đạo trung tâm hoặc quản trị lập và ban hành.',
    close: 'Đóng',
  },
  en: {
    intro: 'Each procedure has an internal process controlled under ISO 9001:2015: code, issue number, approver, steps with their time. A dossier records the issue in force at receipt; the control slip (Form 06) names it.',
    listTitle: 'Process documents',
    none: 'No process documents yet.',
    code: 'Code',
    procedure: 'Procedure',
    inForce: 'In force',
    notIssued: 'Not issued',
    draft: 'Draft pending',
    procedureChanged: 'The procedure changed; revise the process',
    open: 'Open',
    newTitle: 'New process for a procedure',
    newProcedure: 'Procedure',
    newCode: 'Process code',
    newCodeHelp: 'E.g. QT-HT-01 (process, field, number)',
    create: 'Create draft',
    choose: '— Choose —',
    history: 'Issues and change history',
    issueNumber: 'Issue',
    status: 'Status',
    issuedOn: 'Issued on',
    approver: 'Approved by',
    changes: 'Changes',
    print: 'View, print',
    word: 'Word',
    firstIssue: 'First issue',
    draftTitle: 'Draft',
    title: 'Title',
    purpose: 'Purpose',
    scope: 'Scope',
    legalBasis: 'Legal basis and references',
    legalBasisHelp: 'One text per line',
    steps: 'Steps',
    stepName: 'Task',
    stepRole: 'Responsible',
    stepHours: 'Hours',
    stepOutput: 'Forms, output',
    addStep: 'Add step',
    remove: 'Remove',
    totalHours: 'Total: {n} working hours',
    committed: 'The procedure allows {n} working hours',
    records: 'Records kept',
    recordName: 'Record',
    recordForm: 'Form',
    recordKeptBy: 'Kept by',
    recordRetention: 'Retention',
    addRecord: 'Add record',
    checklist: 'Internal audit questions',
    checklistStep: 'Step',
    checklistQuestion: 'Question',
    checklistEvidence: 'Evidence',
    addQuestion: 'Add question',
    general: 'General',
    changeNote: 'Change note',
    saveDraft: 'Save draft',
    saved: 'Draft saved.',
    discard: 'Discard draft',
    issueTitle: 'Issue',
    approverName: 'Approver’s name',
    approverTitle: 'Position',
    issue: 'Issue',
    issued: 'Issued {label}.',
    reviseTitle: 'Revise the process',
    revise: 'Start a revision',
    reviseHelp: 'A revision starts from the issue in force; when the procedure has a newer version, its steps are taken from it.',
    readOnly: 'You can read processes; the centre’s managers or admins draft and issue them.',
    close: 'Close',
  },
};
