/** Words for ticket statuses and actions, used by error messages and by the browser apps. */
import type { Lang } from './lang';

export const STATUS_LABELS: Record<string, Record<Lang, string>> = {
  waiting: { vi: 'đang chờ', en: 'waiting' },
  called: { vi: 'đã gọi', en: 'called' },
  serving: { vi: 'đang phục vụ', en: 'being served' },
  done: { vi: 'đã xong', en: 'done' },
  'no-show': { vi: 'vắng mặt', en: 'no-show' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  parked: { vi: 'tạm gác', en: 'parked' },
};

export const ACTION_LABELS: Record<string, Record<Lang, string>> = {
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
};
