/** Words of the counter's camera check and of erasure on request, Vietnamese first. */
import type { Dictionary } from '../shared/i18n';
import type { QualityIssue } from '../face/face-quality';
import type { CameraStatus } from './face-capture';

type Key =
  | 'title'
  | 'turnOn'
  | 'turnOff'
  | 'switchLabel'
  | 'faceDisabledNote'
  | `camera:${Exclude<CameraStatus, 'ready'>}`
  | 'idle'
  | 'capturing'
  | 'checking'
  | 'match'
  | 'matchNote'
  | 'mismatch'
  | 'mismatchNote'
  | 'noTemplate'
  | 'noTemplateNote'
  | 'gaveUp'
  | 'failed'
  | 'score'
  | 'recheck'
  | 'recheckHint'
  | 'videoLabel'
  | 'erase'
  | 'eraseTitle'
  | 'eraseExplain'
  | 'eraseCheckId'
  | 'eraseStart'
  | 'eraseCapturing'
  | 'eraseCaptured'
  | 'eraseConfirm'
  | 'eraseRetake'
  | 'eraseDo'
  | 'eraseSending'
  | 'eraseDone'
  | 'eraseDoneRemembered'
  | 'eraseDoneNoRemembered'
  | 'eraseDoneWalkIns'
  | 'eraseDoneNoWalkIns'
  | 'eraseNotFound'
  | 'eraseNotFoundNote'
  | 'eraseGaveUp'
  | 'eraseCameraProblem'
  | 'cancel'
  | 'close'
  | `issue:${QualityIssue}`;

export const FACE_TEXT: Dictionary<Key> = {
  vi: {
    title: 'Xác nhận khuôn mặt',
    turnOn: 'Bật',
    turnOff: 'Tắt',
    switchLabel: 'Dùng camera của quầy để xác nhận đúng người được gọi',
    faceDisabledNote: 'Trung tâm đang tắt lấy số bằng khuôn mặt: số mới lấy không có dữ liệu khuôn mặt.',
    'camera:off': 'Đang tắt. Khi bật, camera của quầy so khuôn mặt người đến với người đã lấy số (chỉ là cảnh báo, không chặn công việc).',
    'camera:starting': 'Đang mở camera và tải bộ nhận diện…',
    'camera:no-camera': 'Không có camera ở máy này. Bàn làm việc vẫn dùng bình thường.',
    'camera:denied': 'Trình duyệt chưa cho phép dùng camera. Hãy cho phép trong cài đặt trình duyệt rồi bật lại.',
    'camera:busy': 'Camera đang được chương trình khác sử dụng.',
    'camera:insecure': 'Trình duyệt chỉ cho dùng camera khi trang mở bằng https hoặc trên chính máy chủ (localhost).',
    'camera:model-failed': 'Không tải được bộ nhận diện khuôn mặt từ máy chủ. Tắt rồi bật lại để thử lại.',
    idle: 'Chưa có số trong tay. Khi gọi số, camera tự kiểm tra.',
    capturing: 'Mời công dân nhìn vào camera… ({good}/{needed})',
    checking: 'Đang so khớp…',
    match: 'Đúng người được gọi',
    matchNote: 'Khuôn mặt khớp với người đã lấy số này.',
    mismatch: 'Không khớp với người lấy số — hãy kiểm tra giấy tờ',
    mismatchNote: 'Chỉ là cảnh báo: sau khi kiểm tra, vẫn phục vụ bình thường. Bấm M để kiểm tra lại.',
    noTemplate: 'Số này không dùng khuôn mặt',
    noTemplateNote: 'Công dân lấy số không dùng khuôn mặt; không có gì để so.',
    gaveUp: 'Chưa chụp được khuôn mặt rõ. Bấm M để thử lại.',
    failed: 'Không kiểm tra được: {message}',
    score: 'Độ giống {score} (ngưỡng {threshold})',
    recheck: 'Kiểm tra lại',
    recheckHint: 'Phím M: kiểm tra lại khuôn mặt',
    videoLabel: 'Hình camera của quầy (không lưu lại)',
    erase: 'Xóa dữ liệu khuôn mặt theo yêu cầu…',
    eraseTitle: 'Xóa dữ liệu khuôn mặt theo yêu cầu',
    eraseExplain:
      'Thao tác này xóa vĩnh viễn mẫu khuôn mặt của công dân đang có mặt tại quầy: mẫu đã ghi nhớ để nhận diện lần sau (nếu có) và các mẫu dùng để lấy số hôm nay.',
    eraseCheckId: 'Công dân phải có mặt tại quầy; hãy đối chiếu giấy tờ tùy thân trước khi xóa. Máy không lưu ảnh.',
    eraseStart: 'Chụp khuôn mặt',
    eraseCapturing: 'Mời công dân nhìn vào camera… ({good}/{needed})',
    eraseCaptured: 'Đã chụp xong khuôn mặt.',
    eraseConfirm: 'Xóa toàn bộ dữ liệu khuôn mặt của người này? Không thể hoàn tác.',
    eraseRetake: 'Chụp lại',
    eraseDo: 'Xóa dữ liệu',
    eraseSending: 'Đang xóa…',
    eraseDone: 'Đã xóa dữ liệu khuôn mặt.',
    eraseDoneRemembered: 'Dữ liệu ghi nhớ để nhận diện lần sau: đã xóa, và việc đồng ý ghi nhớ đã được rút lại.',
    eraseDoneNoRemembered: 'Không có dữ liệu ghi nhớ để nhận diện lần sau.',
    eraseDoneWalkIns: 'Mẫu dùng để lấy số hôm nay: đã xóa {count}.',
    eraseDoneNoWalkIns: 'Không có mẫu dùng để lấy số hôm nay.',
    eraseNotFound: 'Không tìm thấy dữ liệu khuôn mặt của ông/bà.',
    eraseNotFoundNote: 'Có thể dữ liệu đã được xóa (mẫu lấy số tự xóa khi hết ngày), hoặc ông/bà chưa từng dùng khuôn mặt để lấy số.',
    eraseGaveUp: 'Chưa chụp được khuôn mặt rõ. Mời công dân nhìn thẳng vào camera rồi chụp lại.',
    eraseCameraProblem: 'Không dùng được camera: {problem}',
    cancel: 'Hủy bỏ',
    close: 'Đóng',
    'issue:no-face': 'Chưa thấy khuôn mặt — mời công dân nhìn vào camera.',
    'issue:several-faces': 'Có nhiều người trong khung hình — mời từng người một.',
    'issue:too-small': 'Khuôn mặt quá nhỏ — mời công dân lại gần camera.',
    'issue:not-frontal': 'Mời công dân nhìn thẳng vào camera.',
    'issue:blurry': 'Hình bị mờ — mời công dân đứng yên.',
    'issue:too-dark': 'Quá tối — cần thêm ánh sáng.',
    'issue:too-bright': 'Quá chói — tránh đèn chiếu thẳng vào camera.',
    'issue:low-contrast': 'Ánh sáng chưa tốt.',
    'issue:low-confidence': 'Chưa nhận rõ khuôn mặt.',
  },
  en: {
    title: 'Face check',
    turnOn: 'On',
    turnOff: 'Off',
    switchLabel: 'Use the counter camera to confirm the person called',
    faceDisabledNote: 'Taking a number with the face is turned off here: new numbers carry no face data.',
    'camera:off': 'Off. When on, the counter camera compares the person who arrives with the person who took the number (a warning only; it never blocks work).',
    'camera:starting': 'Opening the camera and loading the recogniser…',
    'camera:no-camera': 'No camera on this computer. The console works as usual.',
    'camera:denied': 'The browser is not allowed to use the camera. Allow it in the browser settings, then turn this on again.',
    'camera:busy': 'Another program is using the camera.',
    'camera:insecure': 'Browsers only allow the camera on https or on the server itself (localhost).',
    'camera:model-failed': 'Could not load the face recogniser from the server. Turn this off and on to retry.',
    idle: 'No ticket in hand. When you call a number, the camera checks by itself.',
    capturing: 'Ask the citizen to look at the camera… ({good}/{needed})',
    checking: 'Comparing…',
    match: 'The right person',
    matchNote: 'The face matches the person who took this number.',
    mismatch: 'Does not match the person who took the number — check their papers',
    mismatchNote: 'A warning only: after checking, serve as usual. Press M to check again.',
    noTemplate: 'This number does not use the face',
    noTemplateNote: 'The number was taken without the face; there is nothing to compare with.',
    gaveUp: 'No clear face yet. Press M to try again.',
    failed: 'Could not check: {message}',
    score: 'Similarity {score} (threshold {threshold})',
    recheck: 'Check again',
    recheckHint: 'Key M: check the face again',
    videoLabel: 'Counter camera (nothing is recorded)',
    erase: 'Erase face data on request…',
    eraseTitle: 'Erase face data on request',
    eraseExplain:
      'This permanently deletes the face templates of the citizen at the counter: the one remembered for next time (if any) and those used to take numbers today.',
    eraseCheckId: 'The citizen must be at the counter; check their identity papers before erasing. No photo is kept.',
    eraseStart: 'Capture the face',
    eraseCapturing: 'Ask the citizen to look at the camera… ({good}/{needed})',
    eraseCaptured: 'Face captured.',
    eraseConfirm: 'Erase all face data of this person? This cannot be undone.',
    eraseRetake: 'Capture again',
    eraseDo: 'Erase data',
    eraseSending: 'Erasing…',
    eraseDone: 'Face data erased.',
    eraseDoneRemembered: 'Remembered for next time: erased, and the consent to be remembered withdrawn.',
    eraseDoneNoRemembered: 'Nothing was remembered for next time.',
    eraseDoneWalkIns: 'Templates used to take numbers today: {count} erased.',
    eraseDoneNoWalkIns: 'No templates used to take numbers today.',
    eraseNotFound: 'No face data of yours was found.',
    eraseNotFoundNote: 'It may already be deleted (number templates are deleted at the end of the day), or the face was never used.',
    eraseGaveUp: 'No clear face yet. Ask the citizen to look straight at the camera, then capture again.',
    eraseCameraProblem: 'The camera cannot be used: {problem}',
    cancel: 'Cancel',
    close: 'Close',
    'issue:no-face': 'No face yet — ask the citizen to look at the camera.',
    'issue:several-faces': 'Several people in view — one at a time, please.',
    'issue:too-small': 'The face is too small — ask the citizen to come closer.',
    'issue:not-frontal': 'Ask the citizen to look straight at the camera.',
    'issue:blurry': 'The picture is blurred — ask the citizen to keep still.',
    'issue:too-dark': 'Too dark — more light is needed.',
    'issue:too-bright': 'Too bright — avoid light shining into the camera.',
    'issue:low-contrast': 'The light is poor.',
    'issue:low-confidence': 'The face is not clear.',
  },
};
