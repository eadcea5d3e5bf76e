/**
 * Words of Quản lý → Dữ liệu khuôn mặt: the processing record an impact assessment needs and the
 * face settings. Vietnamese first. Legal references: Decree 13/2023/NĐ-CP on personal data
 * protection and Law 91/2025/QH15 on personal data protection (biometric data is sensitive).
 */
import type { Dictionary } from '../shared/i18n';
import type { FaceSearchKind } from '../../contracts/face';
import type { AuditAction, ConsentScope, HeldKind } from './face-record';
import type { FaceHintCode } from './face-settings-form';

type Key =
  | 'recordTitle'
  | 'recordSubtitle'
  | 'printedAt'
  | 'printedBy'
  | 'print'
  | 'reload'
  | 'loading'
  | 'controllerTitle'
  | 'controllerText'
  | 'statusOn'
  | 'statusOff'
  | 'purposesTitle'
  | 'purpose'
  | 'purposeStatus'
  | 'retention'
  | 'purposeTodayName'
  | 'purposeTodayText'
  | 'purposeTodayRetention'
  | 'purposeRememberName'
  | 'purposeRememberText'
  | 'purposeRememberRetention'
  | 'legalTitle'
  | 'legalConsent'
  | 'legalSensitive'
  | 'legalWithdraw'
  | 'heldTitle'
  | 'heldKind'
  | 'heldCount'
  | 'heldOldest'
  | 'heldNewest'
  | 'heldNext'
  | 'heldNextRemembered'
  | 'heldNone'
  | 'heldTotal'
  | 'heldNote'
  | 'retentionTitle'
  | 'retentionWalkIn'
  | 'retentionRemembered'
  | 'retentionDeclined'
  | 'consentTitle'
  | 'consentChoice'
  | 'consentCount'
  | 'consentTotal'
  | 'accessTitle'
  | 'accessAction'
  | 'accessEntries'
  | 'accessTemplates'
  | 'accessNote'
  | 'searchTitle'
  | 'searchKind'
  | 'searchCount'
  | 'searchMatch'
  | 'searchNoMatch'
  | 'searchAmbiguous'
  | 'searchReused'
  | 'searchTemplates'
  | 'searchNote'
  | 'protectTitle'
  | 'protectEncrypted'
  | 'protectErasure'
  | 'protectLoss'
  | 'protectMemory'
  | 'techTitle'
  | 'techModel'
  | 'techTemplate'
  | 'techTemplateValue'
  | 'techWhere'
  | 'techWhereValue'
  | 'techThreshold'
  | 'techMargin'
  | 'techAttempts'
  | 'techCalibration'
  | 'techBelowDefault'
  | 'whoTitle'
  | 'whoKiosk'
  | 'whoOfficer'
  | 'whoManager'
  | 'whoAdmin'
  | 'promiseTitle'
  | 'promiseNoPhotos'
  | 'promiseNeverShown'
  | 'promiseAudited'
  | 'promiseLocal'
  | 'settingsTitle'
  | 'settingsIntro'
  | 'enabled'
  | 'enabledHelp'
  | 'remember'
  | 'rememberHelp'
  | 'threshold'
  | 'thresholdHelp'
  | 'thresholdWarning'
  | 'thresholdBelow'
  | 'margin'
  | 'marginHelp'
  | 'attempts'
  | 'attemptsHelp'
  | 'save'
  | 'saved'
  | 'fixHints'
  | `held:${HeldKind}`
  | `consent:${ConsentScope}`
  | `action:${AuditAction}`
  | `search:${FaceSearchKind}`
  | `hint:${FaceHintCode}`;

export const FACE_TEXT: Dictionary<Key> = {
  vi: {
    recordTitle: 'Hồ sơ xử lý dữ liệu khuôn mặt',
    recordSubtitle: 'Dữ liệu sinh trắc học là dữ liệu cá nhân nhạy cảm. Trang này ghi lại dữ liệu nào đang được lưu, lưu bao lâu, vì sao và ai đã truy cập — phục vụ đánh giá tác động xử lý dữ liệu cá nhân và kiểm tra.',
    printedAt: 'Lập lúc {time}',
    printedBy: 'Người lập: {name}',
    print: 'In hồ sơ',
    reload: 'Cập nhật số liệu',
    loading: 'Đang tải hồ sơ…',
    controllerTitle: 'Bên kiểm soát và xử lý dữ liệu',
    controllerText: '{name} (mã {code}){address}. Dữ liệu được xử lý trên máy chủ của trung tâm trong mạng nội bộ.',
    statusOn: 'Đang áp dụng',
    statusOff: 'Đang tắt',
    purposesTitle: 'Mục đích xử lý',
    purpose: 'Mục đích',
    purposeStatus: 'Trạng thái',
    retention: 'Thời hạn lưu',
    purposeTodayName: 'Lấy số hôm nay',
    purposeTodayText:
      'Gắn số thứ tự với người lấy số: cùng một người lấy lại số ở cùng lĩnh vực khi số cũ còn hiệu lực thì được trả lại số cũ (chống lấy số hộ, giữ chỗ); cán bộ tại quầy có thể xác nhận người đến đúng là người đã lấy số.',
    purposeTodayRetention: 'Đến hết ngày lấy số (tự xóa lúc 0 giờ).',
    purposeRememberName: 'Nhận diện lần sau',
    purposeRememberText:
      'Chỉ khi công dân chọn "ghi nhớ": máy lấy số nhận ra công dân quay lại và báo kết quả hồ sơ đã sẵn sàng, sau khi công dân xác nhận 4 số cuối điện thoại. Chưa xác nhận thì không hiển thị gì về công dân.',
    purposeRememberRetention: 'Đến khi công dân rút lại đồng ý hoặc yêu cầu xóa.',
    legalTitle: 'Cơ sở pháp lý',
    legalConsent:
      'Sự đồng ý của chủ thể dữ liệu, hỏi trước khi dùng khuôn mặt và ghi nhận kèm thời điểm, mục đích và máy lấy số. Từ chối chỉ cần một thao tác và vẫn được lấy số, không lưu dữ liệu khuôn mặt.',
    legalSensitive:
      'Dữ liệu sinh trắc học (khuôn mặt) là dữ liệu cá nhân nhạy cảm theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân và Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.',
    legalWithdraw: 'Công dân rút lại đồng ý và yêu cầu xóa tại bất kỳ quầy nào; cán bộ xóa khi công dân có mặt, sau khi đối chiếu giấy tờ.',
    heldTitle: 'Dữ liệu đang lưu',
    heldKind: 'Loại',
    heldCount: 'Số mẫu',
    heldOldest: 'Cũ nhất',
    heldNewest: 'Mới nhất',
    heldNext: 'Lần xóa tiếp theo',
    heldNextRemembered: 'Khi công dân rút lại đồng ý',
    heldNone: '—',
    heldTotal: 'Tổng cộng',
    heldNote: 'Mỗi mẫu là một dãy {length} số tính từ khuôn mặt; không có ảnh nào được lưu.',
    retentionTitle: 'Quy tắc lưu trữ',
    retentionWalkIn: 'Mẫu lấy số trong ngày: tự xóa khi hết ngày lấy số (0 giờ, giờ Việt Nam), cùng với khóa mã hóa của mẫu; xóa ngay nếu công dân yêu cầu.',
    retentionRemembered: 'Mẫu ghi nhớ: giữ đến khi công dân rút lại đồng ý hoặc yêu cầu xóa tại quầy.',
    retentionDeclined: 'Công dân từ chối: không tạo mẫu; chỉ ghi nhận việc từ chối (thời điểm, máy lấy số, số thứ tự).',
    consentTitle: 'Sự đồng ý trong 30 ngày qua',
    consentChoice: 'Lựa chọn của công dân',
    consentCount: 'Số lượt',
    consentTotal: 'Tổng cộng',
    accessTitle: 'Truy cập mẫu khuôn mặt trong 30 ngày qua',
    accessAction: 'Thao tác',
    accessEntries: 'Số lần',
    accessTemplates: 'Số mẫu',
    accessNote: 'Mỗi lần tạo, đọc, tìm kiếm hay xóa mẫu đều được ghi vào nhật ký truy cập, kèm thời điểm, người hoặc máy thực hiện và mục đích.',
    searchTitle: 'Tìm kiếm khuôn mặt (so với nhiều mẫu) trong 30 ngày qua',
    searchKind: 'Loại tìm kiếm',
    searchCount: 'Số lần',
    searchMatch: 'Khớp',
    searchNoMatch: 'Không khớp',
    searchAmbiguous: 'Không chắc chắn',
    searchReused: 'Trả lại số cũ',
    searchTemplates: 'Số mẫu đã so',
    searchNote: 'Mỗi lần tìm được ghi lại: thời điểm, máy lấy số hoặc cán bộ thực hiện, loại tìm kiếm, kết quả và số mẫu đã so. Không ghi mẫu khuôn mặt hay điểm giống nhau.',
    protectTitle: 'Bảo vệ mẫu đã lưu',
    protectEncrypted:
      'Mỗi mẫu được mã hóa (AES-256-GCM) bằng một khóa riêng. Khóa được lưu tách khỏi cơ sở dữ liệu, không nằm trong cơ sở dữ liệu hay các bản sao lưu của nó.',
    protectErasure:
      'Khi xóa theo yêu cầu hoặc khi hết thời hạn, khóa của mẫu bị hủy ngay (ghi đè): mọi bản sao của mẫu còn sót trong tệp cơ sở dữ liệu hay trong bản sao lưu đều không đọc được nữa. Khôi phục một bản sao lưu cũ không làm công dân đã xóa được nhận diện lại; các mẫu đó bị xóa khi máy chủ khởi động.',
    protectLoss: 'Nếu mất kho khóa, mọi mẫu đang lưu không dùng được nữa: người đã chọn ghi nhớ cần đồng ý và đăng ký lại ở lần đến sau.',
    protectMemory: 'Kho khóa đang nằm trong bộ nhớ (chỉ dùng khi thử nghiệm): khởi động lại máy chủ là mất mọi mẫu.',
    techTitle: 'Kỹ thuật nhận diện',
    techModel: 'Mô hình nhận diện',
    techTemplate: 'Mẫu khuôn mặt',
    techTemplateValue: 'Dãy {length} số thực, chuẩn hóa; so khớp bằng độ tương đồng cosine',
    techWhere: 'Nơi tính mẫu',
    techWhereValue: 'Trong trình duyệt của máy lấy số (và máy quầy khi xác nhận hoặc xóa); chỉ mẫu được gửi về máy chủ',
    techThreshold: 'Ngưỡng so khớp đang dùng',
    techMargin: 'Khoảng cách tối thiểu với người giống thứ hai',
    techAttempts: 'Số lần được nhập sai 4 số cuối điện thoại',
    techCalibration:
      'Ngưỡng mặc định 0,93 được hiệu chỉnh trên bộ ảnh phát triển gồm 21 người phương Tây; chưa được kiểm chứng với khuôn mặt người Việt. Trung tâm cần hiệu chỉnh lại trên bộ ảnh địa phương có sự đồng ý (docs/face-recognition.md).',
    techBelowDefault: 'Ngưỡng đang thấp hơn mức đã hiệu chỉnh ({calibrated}): khả năng nhận nhầm người khác cao hơn.',
    whoTitle: 'Ai được xử lý dữ liệu',
    whoKiosk: 'Máy lấy số đã ghép nối: tạo mẫu khi công dân đồng ý, so với số đang có hôm nay ở cùng lĩnh vực, nhận diện người đã chọn ghi nhớ.',
    whoOfficer: 'Cán bộ tại quầy: xác nhận người được gọi (so 1:1 với số đang giữ), xóa dữ liệu khi công dân có mặt và yêu cầu.',
    whoManager: 'Quản lý: chỉ xem số liệu tổng hợp trên trang này.',
    whoAdmin: 'Quản trị viên: thay đổi cài đặt nhận diện.',
    promiseTitle: 'Cam kết',
    promiseNoPhotos: 'Không lưu ảnh khuôn mặt: hình ảnh camera chỉ được xử lý trong bộ nhớ của trình duyệt, chỉ mẫu (dãy số) được gửi về máy chủ.',
    promiseNeverShown: 'Mẫu khuôn mặt không bao giờ được hiển thị, trả về qua giao diện lập trình (API), xuất ra tệp hay ghi vào nhật ký hệ thống.',
    promiseAudited: 'Mọi lần tạo, đọc, tìm kiếm và xóa mẫu đều được ghi nhật ký truy cập (các bảng trên).',
    promiseLocal: 'Mô hình nhận diện chạy trên thiết bị của trung tâm; không dùng dịch vụ đám mây, không gửi dữ liệu ra ngoài.',
    settingsTitle: 'Cài đặt nhận diện khuôn mặt',
    settingsIntro: 'Thay đổi có hiệu lực ngay với mọi máy lấy số và quầy.',
    enabled: 'Cho phép lấy số bằng khuôn mặt',
    enabledHelp: 'Tắt: máy lấy số chỉ cho lấy số bằng cách chạm, không tạo mẫu mới. Mẫu đã có vẫn tự xóa theo thời hạn.',
    remember: 'Cho phép ghi nhớ để nhận diện lần sau',
    rememberHelp: 'Tắt: máy lấy số không hỏi ghi nhớ và không nhận diện người quay lại. Mẫu đã ghi nhớ vẫn được giữ đến khi công dân yêu cầu xóa.',
    threshold: 'Ngưỡng so khớp (cosine, 0,5–0,999)',
    thresholdHelp: 'Độ giống tối thiểu để coi hai mẫu là cùng một người. Cao hơn: ít nhận nhầm, nhưng người thật dễ bị từ chối hơn.',
    thresholdWarning:
      'Ngưỡng phải được hiệu chỉnh tại địa phương: giá trị mặc định 0,93 đo trên ảnh người phương Tây và có thể nhận nhầm nhiều hơn hẳn với người Việt. Chạy "npm run face:eval -- --dir <bộ ảnh địa phương có sự đồng ý>" và dùng giá trị thresholdAtFmr1e3 (xem docs/face-recognition.md).',
    thresholdBelow: 'Thấp hơn mức đã hiệu chỉnh ({calibrated}): nhiều người khác nhau hơn sẽ bị coi là một người.',
    margin: 'Khoảng cách với người giống thứ hai (0–0,2)',
    marginHelp: 'Người giống nhất phải hơn người giống thứ hai ít nhất chừng này; người trông giống nhau (anh chị em) có điểm rất sát nhau.',
    attempts: 'Số lần được nhập sai 4 số cuối điện thoại (1–5)',
    attemptsHelp: 'Khi máy lấy số nhận ra người đã ghi nhớ: nhập sai quá số lần này thì bỏ nhận diện, không hiển thị gì.',
    save: 'Lưu cài đặt khuôn mặt',
    saved: 'Đã lưu cài đặt. Máy lấy số và quầy tự cập nhật.',
    fixHints: 'Có mục chưa hợp lệ, xem các dòng đánh dấu đỏ.',
    'held:walk-in': 'Mẫu lấy số trong ngày',
    'held:remembered': 'Mẫu ghi nhớ (nhận diện lần sau)',
    'consent:today': 'Dùng khuôn mặt để lấy số hôm nay',
    'consent:remember': 'Dùng hôm nay và ghi nhớ để nhận diện lần sau',
    'consent:declined': 'Từ chối (vẫn lấy số, không lưu khuôn mặt)',
    'action:create': 'Tạo mẫu (khi lấy số)',
    'action:read': 'Đọc mẫu để so khớp',
    'action:delete': 'Xóa mẫu',
    'action:erase': 'Xóa theo yêu cầu của công dân',
    'action:purge': 'Tự xóa khi hết thời hạn',
    'action:search': 'Tìm kiếm (so với nhiều mẫu)',
    'action:seal': 'Mã hóa mẫu lưu từ trước khi có mã hóa',
    'search:walk-in-reuse': 'Lấy số: người này đã có số ở lĩnh vực này hôm nay chưa',
    'search:returning-citizen': 'Nhận diện người đã chọn ghi nhớ',
    'search:erasure': 'Tìm dữ liệu để xóa theo yêu cầu (tại quầy)',
    'hint:required': 'Bắt buộc nhập.',
    'hint:threshold-range': 'Số thập phân từ 0,5 đến 0,999.',
    'hint:margin-range': 'Số thập phân từ 0 đến 0,2.',
    'hint:attempts-range': 'Số nguyên từ 1 đến 5.',
    'hint:too-precise': 'Tối đa 4 chữ số sau dấu phẩy.',
  },
  en: {
    recordTitle: 'Face data processing record',
    recordSubtitle: 'Biometric data is sensitive personal data. This page records what is held, for how long, why, and who accessed it — for the data protection impact assessment and for inspections.',
    printedAt: 'Prepared {time}',
    printedBy: 'Prepared by: {name}',
    print: 'Print the record',
    reload: 'Refresh figures',
    loading: 'Loading the record…',
    controllerTitle: 'Controller and processor',
    controllerText: '{name} (code {code}){address}. The data is processed on the centre’s own server on the local network.',
    statusOn: 'In use',
    statusOff: 'Turned off',
    purposesTitle: 'Purposes',
    purpose: 'Purpose',
    purposeStatus: 'Status',
    retention: 'Kept for',
    purposeTodayName: 'Taking a number today',
    purposeTodayText:
      'Binds the queue number to the person who took it: the same person asking again for the same field while their number is active gets it back (no taking numbers for others); the officer at the counter can confirm that the person who arrives is the one who took the number.',
    purposeTodayRetention: 'Until the end of the day (deleted at midnight).',
    purposeRememberName: 'Recognition next time',
    purposeRememberText:
      'Only when the citizen chooses "remember me": the kiosk recognises a returning citizen and tells them a result is ready, after they confirm the last 4 digits of their phone. Nothing about them is shown before that.',
    purposeRememberRetention: 'Until the citizen withdraws consent or asks for erasure.',
    legalTitle: 'Legal basis',
    legalConsent:
      'Consent of the data subject, asked before the face is used and recorded with the time, the purpose and the kiosk. Declining is one gesture and still gives a number, with no face data kept.',
    legalSensitive:
      'Biometric (face) data is sensitive personal data under Decree 13/2023/NĐ-CP on personal data protection and the Law on Personal Data Protection No. 91/2025/QH15.',
    legalWithdraw: 'Citizens withdraw consent and ask for erasure at any counter; the officer erases with the citizen present, after checking their papers.',
    heldTitle: 'Held now',
    heldKind: 'Kind',
    heldCount: 'Templates',
    heldOldest: 'Oldest',
    heldNewest: 'Newest',
    heldNext: 'Next deletion',
    heldNextRemembered: 'When the citizen withdraws',
    heldNone: '—',
    heldTotal: 'Total',
    heldNote: 'Each template is a list of {length} numbers computed from a face; no picture is kept.',
    retentionTitle: 'Retention rules',
    retentionWalkIn: 'Number templates: deleted at the end of their day (midnight, Vietnam time), with their encryption keys; at once if the citizen asks.',
    retentionRemembered: 'Remembered templates: kept until the citizen withdraws consent or asks for erasure at a counter.',
    retentionDeclined: 'Citizens who decline: no template; only the refusal is recorded (time, kiosk, ticket).',
    consentTitle: 'Consents in the last 30 days',
    consentChoice: 'Citizen’s choice',
    consentCount: 'Count',
    consentTotal: 'Total',
    accessTitle: 'Template accesses in the last 30 days',
    accessAction: 'Action',
    accessEntries: 'Times',
    accessTemplates: 'Templates',
    accessNote: 'Every creation, read, search and deletion of a template is written to the access log with the time, the person or device and the purpose.',
    searchTitle: 'Face searches (against many templates) in the last 30 days',
    searchKind: 'Search',
    searchCount: 'Searches',
    searchMatch: 'Match',
    searchNoMatch: 'No match',
    searchAmbiguous: 'Ambiguous',
    searchReused: 'Number given back',
    searchTemplates: 'Templates compared',
    searchNote: 'Every search is logged with the time, the kiosk or officer, the kind of search, its outcome and how many templates it compared — never a template or a similarity score.',
    protectTitle: 'How stored templates are protected',
    protectEncrypted:
      'Each template is encrypted (AES-256-GCM) under a key of its own. Keys are kept apart from the database: neither the database nor its backups contain them.',
    protectErasure:
      'When a template is erased on request or its retention ends, its key is destroyed at once (overwritten): any copy of the template left in database files or in backups can no longer be read. Restoring an older backup does not bring an erased citizen back; those templates are deleted when the server starts.',
    protectLoss: 'If the key store is lost, every stored template becomes unusable: citizens who chose to be remembered must consent and enrol again on their next visit.',
    protectMemory: 'The key store is in memory (for testing only): restarting the server loses every template.',
    techTitle: 'Recognition technology',
    techModel: 'Recognition model',
    techTemplate: 'Face template',
    techTemplateValue: '{length} real numbers, normalised; compared by cosine similarity',
    techWhere: 'Where templates are computed',
    techWhereValue: 'In the kiosk’s browser (and the counter’s, to confirm or erase); only the template reaches the server',
    techThreshold: 'Match threshold in use',
    techMargin: 'Minimum lead over the second most similar person',
    techAttempts: 'Wrong phone digits allowed',
    techCalibration:
      'The default threshold 0.93 was calibrated on a development set of 21 Western people; it has not been verified on Vietnamese faces. The centre must re-calibrate it on a consented local set (docs/face-recognition.md).',
    techBelowDefault: 'The threshold is below the calibrated value ({calibrated}): more false matches.',
    whoTitle: 'Who processes the data',
    whoKiosk: 'Paired kiosks: create templates with consent, compare with today’s active numbers of the same field, recognise citizens who chose to be remembered.',
    whoOfficer: 'Counter officers: confirm the person called (1:1 with the number in hand), erase data when the citizen is present and asks.',
    whoManager: 'Managers: see only the totals on this page.',
    whoAdmin: 'Administrators: change the recognition settings.',
    promiseTitle: 'Commitments',
    promiseNoPhotos: 'No face photos are kept: camera pictures are processed in the browser’s memory and only the template (numbers) is sent to the server.',
    promiseNeverShown: 'Templates are never shown, returned by the API, exported to a file or written to the system logs.',
    promiseAudited: 'Every creation, read, search and deletion of a template is logged (tables above).',
    promiseLocal: 'Recognition runs on the centre’s own devices; no cloud service, nothing sent outside.',
    settingsTitle: 'Face recognition settings',
    settingsIntro: 'Changes apply at once to every kiosk and counter.',
    enabled: 'Allow taking a number with the face',
    enabledHelp: 'Off: kiosks only offer touch; no new templates. Existing templates are still deleted on schedule.',
    remember: 'Allow remembering citizens for next time',
    rememberHelp: 'Off: kiosks neither offer to remember nor recognise returning citizens. Remembered templates stay until the citizen asks for erasure.',
    threshold: 'Match threshold (cosine, 0.5–0.999)',
    thresholdHelp: 'Lowest similarity for two templates to count as one person. Higher: fewer false matches, more genuine people refused.',
    thresholdWarning:
      'The threshold must be calibrated locally: the default 0.93 was measured on Western faces and may give far more false matches on Vietnamese faces. Run "npm run face:eval -- --dir <consented local set>" and use its thresholdAtFmr1e3 (see docs/face-recognition.md).',
    thresholdBelow: 'Below the calibrated value ({calibrated}): more different people will count as one.',
    margin: 'Lead over the second most similar (0–0.2)',
    marginHelp: 'The best match must beat the second best by at least this much; look-alikes (siblings) score very close together.',
    attempts: 'Wrong phone digits allowed (1–5)',
    attemptsHelp: 'When a kiosk recognises a remembered citizen: after this many wrong answers the recognition is dropped and nothing is shown.',
    save: 'Save face settings',
    saved: 'Settings saved. Kiosks and counters update themselves.',
    fixHints: 'Some values are not valid; see the fields marked in red.',
    'held:walk-in': 'Number templates (today)',
    'held:remembered': 'Remembered templates (next time)',
    'consent:today': 'Use the face to take a number today',
    'consent:remember': 'Use today and remember for next time',
    'consent:declined': 'Declined (number given, no face kept)',
    'action:create': 'Template created (taking a number)',
    'action:read': 'Template read for matching',
    'action:delete': 'Template deleted',
    'action:erase': 'Erased at the citizen’s request',
    'action:purge': 'Deleted at the end of retention',
    'action:search': 'Search (against many templates)',
    'action:seal': 'Template stored before encryption, encrypted',
    'search:walk-in-reuse': 'Taking a number: does this person already hold one for this field today',
    'search:returning-citizen': 'Recognising a citizen who chose to be remembered',
    'search:erasure': 'Finding data to erase on request (at a counter)',
    'hint:required': 'Required.',
    'hint:threshold-range': 'A decimal from 0.5 to 0.999.',
    'hint:margin-range': 'A decimal from 0 to 0.2.',
    'hint:attempts-range': 'A whole number from 1 to 5.',
    'hint:too-precise': 'At most 4 decimals.',
  },
};
