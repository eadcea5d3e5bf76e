/** Words of the manage section "Rà soát thủ tục" (vi/en). */
import type { Dictionary } from '../shared/i18n';

export type ReviewTextKey =
  | 'intro'
  | 'share'
  | 'shareDecisions'
  | 'rounds'
  | 'none'
  | 'name'
  | 'year'
  | 'decisionRef'
  | 'procedures'
  | 'proposals'
  | 'adopted'
  | 'pending'
  | 'open'
  | 'newRound'
  | 'filter'
  | 'chosen'
  | 'create'
  | 'close'
  | 'roundProcedures'
  | 'time'
  | 'version'
  | 'proposalList'
  | 'noProposals'
  | 'kind'
  | 'rationale'
  | 'status'
  | 'decision'
  | 'newProposal'
  | 'procedure'
  | 'choose'
  | 'channel'
  | 'allChannels'
  | 'newAmount'
  | 'newAmountHelp'
  | 'add'
  | 'decide'
  | 'decidedOn'
  | 'decisionNumber'
  | 'note'
  | 'record'
  | 'newVersion'
  | 'readOnly'
  | 'closeRound'
  | 'closedRound';

export const REVIEW_TEXT: Dictionary<ReviewTextKey> = {
  vi: {
    intro: 'Rà soát, đánh giá thủ tục hành chính: mỗi đợt rà soát một số thủ tục, ghi đề xuất đơn giản hóa, cắt giảm thời gian, hợp nhất, bãi bỏ và quyết định về từng đề xuất. Đề xuất cắt giảm thời gian được thông qua tạo phiên bản mới của thủ tục với thời hạn cam kết mới.',
    share: '{count}/{total} thủ tục ({share}) được cắt giảm thời gian giải quyết',
    shareDecisions: '{n} thủ tục theo quyết định rà soát',
    rounds: 'Các đợt rà soát',
    none: 'Chưa có đợt rà soát nào.',
    name: 'Tên đợt rà soát',
    year: 'Năm',
    decisionRef: 'Kế hoạch, quyết định',
    procedures: 'Thủ tục',
    proposals: 'Đề xuất',
    adopted: 'Thông qua',
    pending: 'Chờ quyết định',
    open: 'Mở',
    newRound: 'Đợt rà soát mới',
    filter: 'Lọc thủ tục',
    chosen: 'Đã chọn {n} thủ tục',
    create: 'Tạo đợt rà soát',
    close: 'Đóng',
    roundProcedures: 'Thủ tục được rà soát',
    time: 'Thời hạn đang áp dụng',
    version: 'Phiên bản',
    proposalList: 'Đề xuất và quyết định',
    noProposals: 'Chưa có đề xuất.',
    kind: 'Loại đề xuất',
    rationale: 'Nội dung, lý do',
    status: 'Trạng thái',
    decision: 'Quyết định',
    newProposal: 'Thêm đề xuất',
    procedure: 'Thủ tục',
    choose: '— Chọn —',
    channel: 'Hình thức nộp',
    allChannels: 'Tất cả',
    newAmount: 'Thời hạn mới',
    newAmountHelp: 'Cùng đơn vị với thời hạn hiện hành (ngày làm việc, ngày…)',
    add: 'Thêm đề xuất',
    decide: 'Ghi quyết định',
    decidedOn: 'Ngày quyết định',
    decisionNumber: 'Số, ký hiệu văn bản quyết định',
    note: 'Ghi chú',
    record: 'Ghi',
    newVersion: 'Tạo phiên bản {n} của thủ tục',
    readOnly: 'Bạn chỉ xem kết quả rà soát; lãnh đạo trung tâm hoặc quản trị ghi đề xuất và quyết định.',
    closeRound: 'Kết thúc đợt rà soát',
    closedRound: 'Đợt rà soát đã kết thúc: các đề xuất và quyết định trên là kết quả của đợt.',
  },
  en: {
    intro: 'Procedure reviews: each round reviews chosen procedures, records proposals to simplify, shorten, merge or abolish them, and the decision on each. An adopted shortening creates the procedure’s next version with the new committed time.',
    share: '{count} of {total} procedures ({share}) have a shortened processing time',
    shareDecisions: '{n} by review decisions',
    rounds: 'Review rounds',
    none: 'No review rounds yet.',
    name: 'Round',
    year: 'Year',
    decisionRef: 'Plan or decision',
    procedures: 'Procedures',
    proposals: 'Proposals',
    adopted: 'Adopted',
    pending: 'Pending',
    open: 'Open',
    newRound: 'New review round',
    filter: 'Filter procedures',
    chosen: '{n} procedures chosen',
    create: 'Create round',
    close: 'Close',
    roundProcedures: 'Procedures reviewed',
    time: 'Time that applies',
    version: 'Version',
    proposalList: 'Proposals and decisions',
    noProposals: 'No proposals yet.',
    kind: 'Kind',
    rationale: 'Content, rationale',
    status: 'Status',
    decision: 'Decision',
    newProposal: 'New proposal',
    procedure: 'Procedure',
    choose: '— Choose —',
    channel: 'Channel',
    allChannels: 'All',
    newAmount: 'New time',
    newAmountHelp: 'In the unit of the current time (working days, days…)',
    add: 'Add proposal',
    decide: 'Record a decision',
    decidedOn: 'Decided on',
    decisionNumber: 'Decision reference',
    note: 'Note',
    record: 'Record',
    newVersion: 'Created version {n} of the procedure',
    readOnly: 'You can read reviews; the centre’s managers or admins record proposals and decisions.',
    closeRound: 'Close the review round',
    closedRound: 'This review round is closed: the proposals and decisions above are its results.',
  },
};
