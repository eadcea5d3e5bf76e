/** Words for ticket statuses and actions, used by error messages and by the browser apps. */
import type { Lang } from './lang';


/** Dossier statuses, actions and the rule each action follows, for messages and screens. */
export const DOSSIER_STATUS_LABELS = {
  incomplete: { vi: 'chưa đủ thành phần, chưa tiếp nhận', en: 'incomplete, not received' },
  refused: { vi: 'từ chối', en: 'refused' },
  'in-progress': { vi: 'đang xử lý', en: 'in progress' },
  'supplement-requested': { vi: 'yêu cầu bổ sung hồ sơ', en: 'supplement requested' },
  stopped: { vi: 'dừng xử lý', en: 'processing stopped' },
  withdrawn: { vi: 'công dân đã rút hồ sơ', en: 'withdrawn by the applicant' },
  'result-ready': { vi: 'đã xử lý xong', en: 'result ready' },
  returned: { vi: 'đã trả kết quả', en: 'result returned' },
} as const satisfies Record<string, Record<Lang, string>>;

export const DOSSIER_ACTION_LABELS = {
  receive: { vi: 'tiếp nhận hồ sơ', en: 'receive the dossier' },
  'finish-step': { vi: 'kết thúc bước xử lý', en: 'finish the step' },
  'request-supplement': { vi: 'yêu cầu bổ sung hồ sơ', en: 'request a supplement' },
  'complete-supplement': { vi: 'nhận hồ sơ bổ sung', en: 'take in the supplement' },
  'issue-apology': { vi: 'xin lỗi và hẹn lại ngày trả kết quả', en: 'apologise and set a new date' },
  stop: { vi: 'dừng giải quyết hồ sơ', en: 'stop processing' },
  refuse: { vi: 'từ chối giải quyết hồ sơ', en: 'refuse the dossier' },
  withdraw: { vi: 'rút hồ sơ', en: 'withdraw the dossier' },
  'return-result': { vi: 'trả kết quả', en: 'return the result' },
} as const satisfies Record<string, Record<Lang, string>>;

export const DOSSIER_RULE_LABELS: Record<keyof typeof DOSSIER_ACTION_LABELS, Record<Lang, string>> = {
  receive: { vi: 'chỉ tiếp nhận lại hồ sơ đã được hướng dẫn bổ sung tại quầy', en: 'only a dossier sent back for missing items at the counter is received again' },
  'finish-step': { vi: 'chỉ kết thúc bước xử lý khi hồ sơ đang được giải quyết', en: 'steps are finished only while the dossier is being processed' },
  'request-supplement': { vi: 'chỉ yêu cầu bổ sung khi hồ sơ đang được giải quyết', en: 'a supplement is requested only while the dossier is being processed' },
  'complete-supplement': { vi: 'chỉ nhận bổ sung khi hồ sơ đang chờ công dân bổ sung', en: 'a supplement is taken in only while the dossier waits for it' },
  'issue-apology': { vi: 'chỉ xin lỗi và hẹn lại khi hồ sơ chưa xử lý xong', en: 'an apology is issued only before the result is ready' },
  stop: { vi: 'chỉ dừng giải quyết hồ sơ đang được giải quyết', en: 'only a dossier being processed can be stopped' },
  refuse: { vi: 'chỉ từ chối hồ sơ chưa có kết quả', en: 'only a dossier without a result can be refused' },
  withdraw: { vi: 'chỉ rút hồ sơ chưa có kết quả', en: 'only a dossier without a result can be withdrawn' },
  'return-result': { vi: 'chỉ trả kết quả khi hồ sơ đã xử lý xong', en: 'a result is returned only once the dossier has been processed' },
};

export const STATUS_LABELS: Record<string, Record<Lang, string>> = {
  ...DOSSIER_STATUS_LABELS,
  waiting: { vi: 'đang chờ', en: 'waiting' },
  called: { vi: 'đã gọi', en: 'called' },
  serving: { vi: 'đang phục vụ', en: 'being served' },
  done: { vi: 'đã xong', en: 'done' },
  'no-show': { vi: 'vắng mặt', en: 'no-show' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  parked: { vi: 'tạm gác', en: 'parked' },
};

export const ACTION_LABELS: Record<string, Record<Lang, string>> = {
  ...DOSSIER_ACTION_LABELS,
  call: { vi: 'gọi', en: 'call' },
  recall: { vi: 'gọi lại', en: 'recall' },
  start: { vi: 'bắt đầu phục vụ', en: 'start serving' },
  finish: { vi: 'kết thúc', en: 'finish' },
  'no-show': { vi: 'đánh dấu vắng mặt', en: 'mark as no-show' },
  reactivate: { vi: 'kích hoạt lại', en: 're-activate' },
  transfer: { vi: 'chuyển', en: 'transfer' },
  park: { vi: 'tạm gác', en: 'park' },
  resume: { vi: 'gọi tiếp', en: 'resume' },
  cancel: { vi: 'hủy', en: 'cancel' },
};

/** Things an error can be about; sentences put them in the caller's language. */
export const ENTITY_LABELS: Record<string, Record<Lang, string>> = {
  field: { vi: 'lĩnh vực', en: 'field' },
  counter: { vi: 'quầy', en: 'counter' },
  ticket: { vi: 'số thứ tự', en: 'ticket' },
  'priority-group': { vi: 'nhóm ưu tiên', en: 'priority group' },
  user: { vi: 'người dùng', en: 'user' },
  device: { vi: 'thiết bị', en: 'device' },
  printer: { vi: 'máy in', en: 'printer' },
  centre: { vi: 'trung tâm', en: 'centre' },
  'field-code': { vi: 'mã lĩnh vực', en: 'field code' },
  'counter-number': { vi: 'quầy số', en: 'counter number' },
  username: { vi: 'tên đăng nhập', en: 'user name' },
  'priority-group-code': { vi: 'mã nhóm ưu tiên', en: 'priority group code' },
  'centre-code': { vi: 'mã trung tâm', en: 'centre code' },
  dossier: { vi: 'hồ sơ', en: 'dossier' },
  procedure: { vi: 'thủ tục', en: 'procedure' },
  'calendar-adjustment': { vi: 'điều chỉnh lịch', en: 'calendar adjustment' },
  pakn: { vi: 'phản ánh, kiến nghị', en: 'complaint or suggestion' },
  unit: { vi: 'đơn vị', en: 'unit' },
  'unit-code': { vi: 'mã đơn vị', en: 'unit code' },
  'inspection-plan': { vi: 'kế hoạch kiểm tra', en: 'inspection plan' },
  'inspection-round': { vi: 'đợt kiểm tra', en: 'inspection round' },
  'inspection-finding': { vi: 'phát hiện kiểm tra', en: 'inspection finding' },
  'corrective-action': { vi: 'biện pháp khắc phục', en: 'corrective action' },
  'process-document': { vi: 'quy trình', en: 'process document' },
  'process-code': { vi: 'mã quy trình', en: 'process code' },
  'process-of-procedure': { vi: 'quy trình của thủ tục', en: 'process of procedure' },
  'process-draft': { vi: 'bản dự thảo quy trình', en: 'process draft' },
  'review-round': { vi: 'đợt rà soát', en: 'review round' },
  'review-proposal': { vi: 'đề xuất', en: 'proposal' },
  'evaluation-frame': { vi: 'bộ tiêu chí', en: 'evaluation frame' },
  'self-evaluation': { vi: 'bản tự đánh giá', en: 'self-evaluation' },
  'reform-report': { vi: 'báo cáo', en: 'report' },
  'unit-report': { vi: 'báo cáo của đơn vị', en: "unit's report" },
  file: { vi: 'tệp', en: 'file' },
};
