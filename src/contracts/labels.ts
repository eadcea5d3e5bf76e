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
