/** Words shared by several sections of the management console, and the texts of input hints. */
import type { Lang } from '../../contracts/lang';
import { RATING_CRITERIA_PROBLEM_TEXT, RATING_SCALE_PROBLEM_TEXT } from '../../contracts/rating-scale';
import type { Dictionary } from '../shared/i18n';

export const COMMON: Dictionary<
  | 'add'
  | 'edit'
  | 'delete'
  | 'save'
  | 'actions'
  | 'active'
  | 'inactive'
  | 'yes'
  | 'no'
  | 'loading'
  | 'none'
  | 'saved'
  | 'code'
  | 'nameVi'
  | 'nameEn'
  | 'status'
  | 'adminOnly'
  | 'readOnlyManager'
  | 'counter'
> = {
  vi: {
    add: 'Thêm',
    edit: 'Sửa',
    delete: 'Xóa',
    save: 'Lưu',
    actions: 'Thao tác',
    active: 'Đang dùng',
    inactive: 'Tạm ngừng',
    yes: 'Có',
    no: 'Không',
    loading: 'Đang tải…',
    none: '—',
    saved: 'Đã lưu.',
    code: 'Mã',
    nameVi: 'Tên tiếng Việt',
    nameEn: 'Tên tiếng Anh',
    status: 'Trạng thái',
    adminOnly: 'Chỉ quản trị viên được thay đổi mục này.',
    readOnlyManager: 'Bạn đăng nhập với vai trò quản lý nên chỉ xem được; chỉ quản trị viên được thay đổi.',
    counter: 'Quầy',
  },
  en: {
    add: 'Add',
    edit: 'Edit',
    delete: 'Delete',
    save: 'Save',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Inactive',
    yes: 'Yes',
    no: 'No',
    loading: 'Loading…',
    none: '—',
    saved: 'Saved.',
    code: 'Code',
    nameVi: 'Vietnamese name',
    nameEn: 'English name',
    status: 'Status',
    adminOnly: 'Only an administrator can change this.',
    readOnlyManager: 'You are signed in as a manager, so this is read-only; only an administrator can change it.',
    counter: 'Counter',
  },
};

export const ROLE_LABELS: Record<'officer' | 'manager' | 'admin' | 'inspector', Record<Lang, string>> = {
  officer: { vi: 'Cán bộ', en: 'Officer' },
  manager: { vi: 'Quản lý', en: 'Manager' },
  admin: { vi: 'Quản trị', en: 'Administrator' },
  inspector: { vi: 'Kiểm tra, thẩm định', en: 'Inspector' },
};

export const DEVICE_KIND_LABELS: Record<'kiosk' | 'display' | 'rating' | 'printer', Record<Lang, string>> = {
  kiosk: { vi: 'Máy lấy số', en: 'Kiosk' },
  display: { vi: 'Màn hình gọi số', en: 'Display board' },
  rating: { vi: 'Màn hình đánh giá', en: 'Rating screen' },
  printer: { vi: 'Máy in nhiệt', en: 'Thermal printer' },
};

export const COUNTER_STATE_LABELS: Record<'closed' | 'open' | 'paused', Record<Lang, string>> = {
  closed: { vi: 'Đóng', en: 'Closed' },
  open: { vi: 'Đang mở', en: 'Open' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
};

export const REPORTS_AS_LABELS: Record<'very-satisfied' | 'satisfied' | 'dissatisfied', Record<Lang, string>> = {
  'very-satisfied': { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
};

/** Texts of the hint codes returned by the *-form.ts modules. */
const HINTS: Record<string, Record<Lang, string>> = {
  // Rating scale and criteria, in the words the server answers with; the entries below win on a shared code.
  ...RATING_SCALE_PROBLEM_TEXT,
  ...RATING_CRITERIA_PROBLEM_TEXT,
  required: { vi: 'Bắt buộc nhập.', en: 'Required.' },
  'too-long': { vi: 'Quá dài.', en: 'Too long.' },
  'code-format': { vi: 'Chỉ dùng chữ in hoa A–Z, số 0–9, dấu _ hoặc -, tối đa 16 ký tự.', en: 'Capital letters A–Z, digits, _ or -, at most 16.' },
  'code-taken': { vi: 'Mã này đã được dùng.', en: 'This code is already used.' },
  'prefix-format': { vi: 'Từ 1 đến 3 chữ cái in hoa, không dấu (ví dụ HT).', en: '1 to 3 capital letters without accents (e.g. HT).' },
  'whole-1-99999': { vi: 'Số nguyên từ 1 đến 99999.', en: 'A whole number from 1 to 99999.' },
  'block-order': { vi: 'Số cuối phải lớn hơn hoặc bằng số đầu.', en: 'The last number must not be below the first.' },
  overlap: { vi: 'Trùng với dãy số của lĩnh vực "{other}".', en: 'Overlaps the numbers of field "{other}".' },
  'service-range': { vi: 'Từ 0,5 đến 240 phút.', en: 'From 0.5 to 240 minutes.' },
  'sort-range': { vi: 'Số nguyên từ 0 đến 1000.', en: 'A whole number from 0 to 1000.' },
  'hours-rows': { vi: 'Có khung giờ chưa đúng, xem các dòng đánh dấu đỏ.', en: 'Some windows are wrong; see the rows marked in red.' },
  'hours-too-many': { vi: 'Tối đa 14 khung giờ.', en: 'At most 14 windows.' },
  'no-days': { vi: 'Chọn ít nhất một ngày.', en: 'Pick at least one day.' },
  'bad-time': { vi: 'Giờ phải có dạng HH:MM.', en: 'Times must be HH:MM.' },
  'until-before-from': { vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'The end must be after the start.' },
  'number-range': { vi: 'Số nguyên từ 1 đến 999.', en: 'A whole number from 1 to 999.' },
  'number-taken': { vi: 'Đã có quầy mang số này.', en: 'Another counter has this number.' },
  'weight-range': { vi: 'Trọng số từ 1 đến 10.', en: 'Weight from 1 to 10.' },
  'priority-weight-range': { vi: 'Số nguyên từ 1 đến 600 phút.', en: 'A whole number from 1 to 600 minutes.' },
  'username-format': { vi: '3–40 ký tự: chữ thường không dấu a–z, số, dấu . _ -', en: '3–40 characters: a–z, 0–9, . _ -' },
  'password-short': { vi: 'Mật khẩu cần ít nhất 8 ký tự.', en: 'The password needs at least 8 characters.' },
  'password-long': { vi: 'Mật khẩu quá dài.', en: 'The password is too long.' },
  'password-mismatch': { vi: 'Hai lần nhập mật khẩu không khớp.', en: 'The two passwords differ.' },
  'rate-range': { vi: 'Từ 0,5 đến 2.', en: 'From 0.5 to 2.' },
  'whole-range': { vi: 'Ngoài khoảng cho phép.', en: 'Out of the allowed range.' },
  'scale-size': { vi: 'Thang đánh giá cần từ 2 đến 5 mức.', en: 'The scale needs 2 to 5 options.' },
  'value-range': { vi: 'Giá trị từ 1 đến 5.', en: 'Value from 1 to 5.' },
  'value-duplicate': { vi: 'Giá trị này bị trùng.', en: 'Duplicate value.' },
  'label-required': { vi: 'Nhập nhãn tiếng Việt và tiếng Anh.', en: 'Enter both labels.' },
  'label-long': { vi: 'Nhãn tối đa 60 ký tự.', en: 'Labels have at most 60 characters.' },
  'footer-lines': { vi: 'Tối đa 4 dòng.', en: 'At most 4 lines.' },
  'footer-long': { vi: 'Mỗi dòng tối đa 120 ký tự.', en: 'At most 120 characters a line.' },
  url: { vi: 'Địa chỉ dạng http://192.168.1.10:3000 (hoặc để trống).', en: 'An address like http://192.168.1.10:3000 (or empty).' },
  'pairing-code-format': { vi: 'Mã gồm 6 chữ số, như trên màn hình thiết bị.', en: 'Six digits, as shown on the device screen.' },
  'counter-required': { vi: 'Màn hình đánh giá phải gắn với một quầy.', en: 'A rating screen must belong to a counter.' },
  'kind-required': { vi: 'Chưa biết mã này của loại màn hình nào; hãy kiểm tra lại mã.', en: 'The kind of screen for this code is not known yet; check the code.' },
  'host-format': { vi: 'Địa chỉ IPv4 (ví dụ 192.168.1.50) hoặc tên máy.', en: 'An IPv4 address (e.g. 192.168.1.50) or a host name.' },
  'port-range': { vi: 'Cổng từ 1 đến 65535.', en: 'Port from 1 to 65535.' },
};

export function hintText(code: string | undefined | null, lang: Lang, params: Record<string, string> = {}): string | null {
  if (!code) return null;
  const template = HINTS[code]?.[lang] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
