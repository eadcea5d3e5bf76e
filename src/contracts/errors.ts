/**
 * Error codes shared by the server and the browser apps. The server answers every failure with
 * `{ "error": { "code": ERROR_CODE, "message": "<in the caller's language>" } }`; the browser may
 * render its own text from the code when it wants something shorter.
 */
import type { Lang } from './lang';
import { ACTION_LABELS, DOSSIER_RULE_LABELS, ENTITY_LABELS, STATUS_LABELS } from './labels';
import { PAKN_ACTION_LABELS, PAKN_STATUS_LABELS } from './pakn';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOGIN_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_EXISTS',
  'IN_USE',
  'DAILY_CAP_REACHED',
  'FIELD_CLOSED',
  'CLOSED_FOR_HOLIDAY',
  'FIELD_INACTIVE',
  'NO_COUNTER_FOR_FIELD',
  'INVALID_TRANSITION',
  'COUNTER_NOT_OPEN',
  'COUNTER_BUSY',
  'COUNTER_TAKEN',
  'NOT_AT_COUNTER',
  'NO_SHOW_EXPIRED',
  'NOTHING_TO_RATE',
  'ALREADY_RATED',
  'INVALID_SCORE',
  'RATING_LINK_INVALID',
  'DOSSIER_NOT_RETURNED',
  'BLOCK_OVERLAP',
  'PAIRING_CODE_INVALID',
  'PAIRING_EXPIRED',
  'DEVICE_REVOKED',
  'PRINTER_UNREACHABLE',
  'DATABASE_BUSY',
  'FACE_DISABLED',
  'FACE_TEMPLATE_INVALID',
  'FACE_NOT_RECOGNISED',
  'FACE_SECOND_FACTOR_WRONG',
  'FACE_CANDIDATE_EXPIRED',
  'FACE_MODEL_CHANGED',
  'FACE_REUSE_CHECK_EXPIRED',
  'FACE_KEYS_UNAVAILABLE',
  'FACE_MODEL_IN_USE',
  'RATE_LIMITED',
  'INVALID_DATE',
  'DATE_IN_FUTURE',
  'UNKNOWN_UNIT',
  'CATALOGUE_FILE_INVALID',
  'PROCEDURE_INACTIVE',
  'AGENCY_CODE_MISSING',
  'DOCUMENTS_MISSING',
  'DOSSIER_TRANSITION',
  'APOLOGY_ALREADY_ISSUED',
  'PAKN_NOT_FOUND',
  'PAKN_TRANSITION',
  'PAKN_VERDICT_GIVEN',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TOO_LARGE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

type Template = Record<Lang, string>;

const MESSAGES: Record<ErrorCode, Template> = {
  VALIDATION_FAILED: {
    vi: 'Dữ liệu không hợp lệ: {detail}',
    en: 'Invalid input: {detail}',
  },
  PAYLOAD_TOO_LARGE: {
    vi: 'Dữ liệu gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    vi: 'Định dạng dữ liệu không được hỗ trợ, hãy gửi JSON.',
    en: 'Unsupported content type; send JSON.',
  },
  ROUTE_NOT_FOUND: {
    vi: 'Không có chức năng này.',
    en: 'No such endpoint.',
  },
  UNAUTHENTICATED: {
    vi: 'Vui lòng đăng nhập (hoặc ghép nối thiết bị) để tiếp tục.',
    en: 'Please log in (or pair this device) to continue.',
  },
  FORBIDDEN: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  LOGIN_FAILED: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong user name or password.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy {entity}.',
    en: '{Entity} not found.',
  },
  CONFLICT: {
    vi: 'Dữ liệu trùng hoặc mâu thuẫn với dữ liệu đã có.',
    en: 'The data conflicts with existing records.',
  },
  ALREADY_EXISTS: {
    vi: '{Entity} "{value}" đã tồn tại.',
    en: '{Entity} "{value}" already exists.',
  },
  IN_USE: {
    vi: '{Entity} này đã được sử dụng nên không thể xóa; hãy chuyển sang trạng thái tạm ngừng.',
    en: 'This {entity} is in use and cannot be deleted; deactivate it instead.',
  },
  DAILY_CAP_REACHED: {
    vi: 'Lĩnh vực "{field}" đã hết số thứ tự trong ngày hôm nay ({cap} số). Mời công dân quay lại vào ngày làm việc tiếp theo.',
    en: 'Field "{field}" has issued all of today\'s numbers ({cap}). Please come back on the next working day.',
  },
  FIELD_CLOSED: {
    vi: 'Lĩnh vực "{field}" hiện không nhận số (giờ lấy số: {hours}).',
    en: 'Field "{field}" is not issuing numbers now (hours: {hours}).',
  },
  CLOSED_FOR_HOLIDAY: {
    vi: 'Hôm nay là ngày nghỉ ({name}); lĩnh vực "{field}" không nhận số. Mời ông/bà quay lại vào ngày làm việc tiếp theo.',
    en: 'Today is a day off ({name}); field "{field}" is not issuing numbers. Please come back on the next working day.',
  },
  FIELD_INACTIVE: {
    vi: 'Lĩnh vực "{field}" đang tạm ngừng.',
    en: 'Field "{field}" is suspended.',
  },
  NO_COUNTER_FOR_FIELD: {
    vi: 'Chưa có quầy nào phục vụ lĩnh vực "{field}".',
    en: 'No counter serves field "{field}".',
  },
  INVALID_TRANSITION: {
    vi: 'Không thể {action} số {number} khi số đang ở trạng thái "{status}".',
    en: 'Cannot {action} number {number} while it is "{status}".',
  },
  COUNTER_NOT_OPEN: {
    vi: 'Quầy số {counter} chưa mở hoặc đang tạm dừng.',
    en: 'Counter {counter} is not open or is paused.',
  },
  COUNTER_BUSY: {
    vi: 'Quầy số {counter} đang phục vụ số {number}; hãy kết thúc, chuyển hoặc tạm gác số đó trước.',
    en: 'Counter {counter} is serving number {number}; finish, transfer or park it first.',
  },
  COUNTER_TAKEN: {
    vi: 'Quầy số {counter} đang được {officer} sử dụng.',
    en: 'Counter {counter} is in use by {officer}.',
  },
  NOT_AT_COUNTER: {
    vi: 'Bạn chưa nhận quầy số {counter}.',
    en: 'You are not signed in at counter {counter}.',
  },
  NO_SHOW_EXPIRED: {
    vi: 'Số {number} đã vắng mặt quá {minutes} phút nên không thể gọi lại; mời công dân lấy số mới.',
    en: 'Number {number} was absent for more than {minutes} minutes and cannot be re-activated; please take a new number.',
  },
  NOTHING_TO_RATE: {
    vi: 'Không có lượt phục vụ nào đang chờ đánh giá.',
    en: 'There is no service waiting for a rating.',
  },
  ALREADY_RATED: {
    vi: 'Lượt phục vụ này đã được đánh giá. Cảm ơn ông/bà!',
    en: 'This service has already been rated. Thank you!',
  },
  INVALID_SCORE: {
    vi: 'Mức đánh giá không hợp lệ.',
    en: 'Invalid rating value.',
  },
  RATING_LINK_INVALID: {
    vi: 'Đường dẫn đánh giá không đúng hoặc đã bị sửa. Vui lòng quét lại mã QR trên Giấy tiếp nhận hồ sơ (Mẫu 01) hoặc phiếu đánh giá được giao khi trả kết quả.',
    en: 'This rating link is wrong or was altered. Please scan the QR code on your receipt (Form 01) or on the rating slip handed over with the result again.',
  },
  DOSSIER_NOT_RETURNED: {
    vi: 'Hồ sơ {code} chưa trả kết quả (đang ở trạng thái "{status}"). Ông/bà đánh giá được sau khi nhận kết quả.',
    en: 'Dossier {code} has not been returned yet (it is "{status}"). You can rate it once you have received the result.',
  },
  BLOCK_OVERLAP: {
    vi: 'Dải số {range} trùng với lĩnh vực "{other}".',
    en: 'Number block {range} overlaps field "{other}".',
  },
  PAIRING_CODE_INVALID: {
    vi: 'Mã ghép nối không đúng hoặc đã được dùng.',
    en: 'The pairing code is wrong or already used.',
  },
  PAIRING_EXPIRED: {
    vi: 'Mã ghép nối đã hết hạn; hãy tải lại màn hình thiết bị để lấy mã mới.',
    en: 'The pairing code has expired; reload the device screen for a new one.',
  },
  DEVICE_REVOKED: {
    vi: 'Thiết bị này đã bị thu hồi quyền; hãy ghép nối lại.',
    en: 'This device has been revoked; pair it again.',
  },
  PRINTER_UNREACHABLE: {
    vi: 'Không kết nối được máy in {printer}.',
    en: 'Cannot reach printer {printer}.',
  },
  FACE_DISABLED: {
    vi: 'Trung tâm chưa bật lấy số bằng khuôn mặt; mời ông/bà lấy số bằng cách chạm.',
    en: 'Taking a number with the face is not enabled here; please use the touch screen.',
  },
  FACE_TEMPLATE_INVALID: {
    vi: 'Dữ liệu khuôn mặt không hợp lệ ({detail}); mời ông/bà thử lại hoặc lấy số bằng cách chạm.',
    en: 'The face data is not valid ({detail}); please try again or use the touch screen.',
  },
  FACE_NOT_RECOGNISED: {
    vi: 'Không nhận ra khuôn mặt này.',
    en: 'This face was not recognised.',
  },
  FACE_SECOND_FACTOR_WRONG: {
    vi: 'Số điện thoại không khớp. Ông/bà còn {left} lần thử.',
    en: 'The phone digits do not match. {left} attempts left.',
  },
  FACE_CANDIDATE_EXPIRED: {
    vi: 'Phiên nhận diện đã hết hạn; mời ông/bà thử lại.',
    en: 'The recognition has expired; please try again.',
  },
  FACE_MODEL_CHANGED: {
    vi: 'Trung tâm vừa đổi mô hình nhận diện khuôn mặt ({model}); thiết bị sẽ tải lại, mời ông/bà thử lại sau giây lát.',
    en: 'The centre has changed its face recognition model ({model}); the device reloads, please try again in a moment.',
  },
  FACE_REUSE_CHECK_EXPIRED: {
    vi: 'Đã hết thời gian xác nhận số; mời ông/bà lấy số lại.',
    en: 'The time to confirm the number has passed; please take a number again.',
  },
  FACE_KEYS_UNAVAILABLE: {
    vi: 'Chưa xóa được dữ liệu khuôn mặt: không ghi được kho khóa mã hóa. Dữ liệu vẫn còn nguyên; hãy báo quản trị viên rồi thử lại.',
    en: 'The face data was not erased: the encryption key store cannot be written. Nothing was changed; tell the administrator and try again.',
  },
  FACE_MODEL_IN_USE: {
    vi: 'Trung tâm đang dùng mô hình {model} để so khớp khuôn mặt nên không thể xóa mẫu của mô hình này; hãy chọn mô hình khác trước.',
    en: 'The centre matches faces with {model} now, so its templates cannot be deleted; choose another model first.',
  },
  DATABASE_BUSY: {
    vi: 'Hệ thống đang bận, vui lòng thử lại sau giây lát.',
    en: 'The system is busy; please try again in a moment.',
  },
  RATE_LIMITED: {
    vi: 'Thao tác quá nhanh, vui lòng thử lại sau.',
    en: 'Too many requests; please try again later.',
  },
  INVALID_DATE: {
    vi: 'Trường "{field}" không phải ngày giờ hợp lệ: "{value}" ({rule}).',
    en: 'Field "{field}" is not a valid date or time: "{value}" ({rule}).',
  },
  DATE_IN_FUTURE: {
    vi: 'Trường "{field}" không được là thời điểm trong tương lai ({value}).',
    en: 'Field "{field}" cannot be in the future ({value}).',
  },
  UNKNOWN_UNIT: {
    vi: 'Đơn vị thời gian "{value}" không hợp lệ; dùng một trong: ngày làm việc (working-days), ngày (days), giờ (hours), trong ngày (same-day).',
    en: 'Unknown time unit "{value}"; use working-days, days, hours or same-day.',
  },
  CATALOGUE_FILE_INVALID: {
    vi: 'Không đọc được danh mục thủ tục "{source}": {detail}',
    en: 'Cannot read the procedure catalogue "{source}": {detail}',
  },
  PROCEDURE_INACTIVE: {
    vi: 'Thủ tục {code} không còn áp dụng hoặc chưa có thời hạn giải quyết; hãy cập nhật danh mục trước.',
    en: 'Procedure {code} is not in force or has no processing time; update the catalogue first.',
  },
  AGENCY_CODE_MISSING: {
    vi: 'Chưa có mã cơ quan tiếp nhận hợp lệ để cấp mã hồ sơ ("{value}" chỉ được gồm chữ in hoa, chữ số và dấu chấm). Quản trị viên đặt mã trong Quản lý → Danh mục thủ tục → Thông tin trên biểu mẫu và mã hồ sơ.',
    en: 'No valid receiving-agency code to issue dossier codes ("{value}" may hold only capital letters, digits and dots). An admin sets it in Management → Procedure catalogue → Forms and dossier codes.',
  },
  DOCUMENTS_MISSING: {
    vi: 'Hồ sơ chưa đủ thành phần: {items}. Hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).',
    en: 'The dossier is incomplete: {items}. Issue a request to supplement (Form 02) instead.',
  },
  DOSSIER_TRANSITION: {
    vi: 'Không thể {action} khi hồ sơ {code} đang ở trạng thái "{status}" (quy tắc: {rule}).',
    en: 'Cannot {action} while dossier {code} is "{status}" (rule: {rule}).',
  },
  APOLOGY_ALREADY_ISSUED: {
    vi: 'Hồ sơ {code} đã có văn bản xin lỗi và gia hạn (Mẫu 04); chỉ được gia hạn một lần.',
    en: 'Dossier {code} already has an apology and extension letter (Form 04); it can be extended only once.',
  },
  PAKN_NOT_FOUND: {
    vi: 'Không tìm thấy phản ánh, kiến nghị có mã {code}. Hãy kiểm tra lại mã trên phiếu (dạng PA-261203-7KQ2MX9D).',
    en: 'No complaint or suggestion has the code {code}. Check the code you were given (like PA-261203-7KQ2MX9D).',
  },
  PAKN_TRANSITION: {
    vi: 'Không thể {paknAction} khi phản ánh, kiến nghị {code} đang ở trạng thái "{paknStatus}".',
    en: 'Cannot {paknAction} while complaint/suggestion {code} is "{paknStatus}".',
  },
  PAKN_VERDICT_GIVEN: {
    vi: 'Ông/bà đã đánh giá việc xử lý phản ánh, kiến nghị {code}. Cảm ơn ông/bà!',
    en: 'You have already rated how {code} was handled. Thank you!',
  },
  FILE_TYPE_NOT_ALLOWED: {
    vi: 'Tệp "{name}" không thuộc loại được nhận (PDF, ảnh JPEG/PNG/WebP/TIFF/HEIC, Word, Excel, OpenDocument, ZIP hoặc văn bản).',
    en: 'The file "{name}" is not an accepted type (PDF, JPEG/PNG/WebP/TIFF/HEIC images, Word, Excel, OpenDocument, ZIP or plain text).',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp "{name}" lớn hơn {limit} MB cho phép.',
    en: 'The file "{name}" is larger than the {limit} MB allowed.',
  },
  INTERNAL_ERROR: {
    vi: 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc báo cán bộ hỗ trợ.',
    en: 'Something went wrong. Please try again or ask staff for help.',
  },
};

export function formatErrorMessage(
  code: ErrorCode,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const template = MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, placeholder: string) => {
    // {Entity} is {entity} at the start of a sentence.
    const key = placeholder === 'Entity' ? 'entity' : placeholder;
    if (!(key in params)) return '';
    const value = String(params[key]);
    let text = value;
    if (key === 'action') text = ACTION_LABELS[value]?.[lang] ?? value;
    else if (key === 'status') text = STATUS_LABELS[value]?.[lang] ?? value;
    else if (key === 'entity') text = ENTITY_LABELS[value]?.[lang] ?? value;
    else if (key === 'paknAction') text = (PAKN_ACTION_LABELS as Record<string, Record<Lang, string>>)[value]?.[lang] ?? value;
    else if (key === 'paknStatus') text = (PAKN_STATUS_LABELS as Record<string, Record<Lang, string>>)[value]?.[lang] ?? value;
    else if (key === 'rule') text = (DOSSIER_RULE_LABELS as Record<string, Record<Lang, string>>)[value]?.[lang] ?? value;
    return placeholder === 'Entity' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}
