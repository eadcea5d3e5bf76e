/**
 * Words of Quản lý → Dữ liệu khuôn mặt: the processing record an impact assessment needs and the
 * face settings. Vietnamese first. Legal references: Decree 13/2023/NĐ-CP on personal data
 * protection and Law 91/2025/QH15 on personal data protection (biometric data is sensitive).
 */
import type { FaceModelId, FaceModelSource } from '../../contracts/face';
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
  | 'protectSnapshot'
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
  | 'techPerHour'
  | 'reuseTitle'
  | 'reuseOffered'
  | 'reuseConfirmed'
  | 'reuseRejected'
  | 'reuseUnanswered'
  | 'reuseRate'
  | 'reuseNote'
  | 'reuseFew'
  | 'modelTitle'
  | 'modelIntro'
  | 'modelInUse'
  | 'modelSource'
  | 'modelLicence'
  | 'modelTemplate'
  | 'modelChoice'
  | 'choiceAuto'
  | 'choicePinned'
  | 'modelNumbers'
  | 'modelNumbersValue'
  | 'warnMissing'
  | 'warnWesternInstall'
  | 'warnWesternChoose'
  | 'accuracyTitle'
  | 'accuracyNotMeasured'
  | 'accuracyIntro'
  | 'accuracyKind'
  | 'accuracyFalseMatch'
  | 'accuracyFalseNonMatch'
  | 'accuracyEer'
  | 'accuracyPhotos'
  | 'accuracyTemplates'
  | 'accuracyNotMeasuredShort'
  | 'accuracyReuse'
  | 'accuracyWestern'
  | 'accuracyOwnThreshold'
  | 'choiceTitle'
  | 'choiceLabel'
  | 'choiceHelp'
  | 'optionAuto'
  | 'optionMissing'
  | 'choiceApply'
  | 'choiceSaved'
  | 'planChange'
  | 'planWalkIns'
  | 'planRemembered'
  | 'planNeverCompared'
  | 'planReused'
  | 'planOwnStop'
  | 'planOwnReturn'
  | 'planReload'
  | 'planOldKept'
  | 'planSame'
  | 'planPinned'
  | 'planAutoLater'
  | 'planMissingLater'
  | 'planLaterWalkIns'
  | 'planLaterRemembered'
  | 'planConfirmChange'
  | 'planConfirmSame'
  | 'templatesTitle'
  | 'templatesModel'
  | 'templatesStatus'
  | 'templatesWalkIn'
  | 'templatesRemembered'
  | 'stateInUse'
  | 'stateUnused'
  | 'stateNotInstalled'
  | 'retireButton'
  | 'retireConfirm'
  | 'retireDo'
  | 'retired'
  | 'ruleNeverCompared'
  | 'ruleWalkIn'
  | 'ruleRemembered'
  | 'ruleErasure'
  | 'numbersInForce'
  | 'numbersCalibratedAre'
  | 'numbersAfterSaveCalibrated'
  | 'numbersAfterSaveAdmin'
  | 'backToCalibrated'
  | 'perHour'
  | 'perHourHelp'
  | `numbers:${'calibrated' | 'admin'}`
  | `model:${FaceModelId}`
  | `source:${FaceModelSource}`
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
    protectSnapshot:
      'Chỉ mục tìm kiếm của kho mẫu lớn ({count} mẫu) được lưu trên đĩa ở dạng mã hóa, bằng một khóa riêng thay mới mỗi lần lưu, để khởi động lại không phải dựng lại: khóa này bị hủy ngay khi một mẫu trong đó bị xóa.',
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
      'Ngưỡng mặc định của mỗi mô hình là mức chặt hơn trong hai lần hiệu chỉnh, trên ảnh người phương Tây và trên ảnh người Đông Á, vì nhận nhầm người khác là lỗi gây hại (docs/face-recognition.md). Ảnh người Đông Á không phải là ảnh người Việt: trung tâm nên kiểm chứng trên bộ ảnh địa phương có sự đồng ý.',
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
      'Ngưỡng và khoảng cách thuộc về từng mô hình: số đặt cho mô hình này không áp dụng cho mô hình khác. Chỉ đặt số riêng khi đã đo tại địa phương: chạy "npm run face:eval -- --dir <bộ ảnh địa phương có sự đồng ý> --model <mô hình>" (xem docs/face-recognition.md). Hạ ngưỡng làm tăng số người khác nhau bị coi là một người.',
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
    techPerHour: 'Số lần nhận diện một khuôn mặt mỗi giờ',
    reuseTitle: 'Số được trả lại nhờ khuôn mặt trong 30 ngày qua',
    reuseOffered: 'Số được trả lại',
    reuseConfirmed: 'Công dân xác nhận đúng số của mình',
    reuseRejected: 'Công dân bấm "Không phải số của tôi"',
    reuseUnanswered: 'Không trả lời (hết thời gian)',
    reuseRate: 'Tỉ lệ nhận nhầm đo tại trung tâm',
    reuseNote:
      'Khi máy lấy số nhận ra một người đang giữ số ở cùng lĩnh vực, máy trả lại số đó và hỏi công dân có đúng là số của mình không. Một công dân bấm "Không phải số của tôi" là một lần nhận nhầm người khác đo được ngay tại sảnh này (công dân được cấp số mới). Tỉ lệ = số lần "không phải" / số câu trả lời.',
    reuseFew: 'Mới có {count} câu trả lời: chưa đủ để kết luận về tỉ lệ.',
    modelTitle: 'Mô hình nhận diện khuôn mặt',
    modelIntro:
      'Mô hình biến hình ảnh camera thành mẫu khuôn mặt (một dãy số) để so khớp. Độ chính xác phụ thuộc vào mô hình: nó có nhầm hai người khác nhau là một người hay không.',
    modelInUse: 'Mô hình đang dùng',
    modelSource: 'Nguồn',
    modelLicence: 'Giấy phép',
    modelTemplate: 'Mẫu khuôn mặt',
    modelChoice: 'Lựa chọn của trung tâm',
    choiceAuto: 'Tự động: dùng mô hình khuyến nghị khi đã cài trên máy chủ, nếu chưa thì dùng face-api',
    choicePinned: 'Cố định: {name} (do quản trị viên chọn)',
    modelNumbers: 'Ngưỡng và khoảng cách đang dùng',
    modelNumbersValue: 'ngưỡng {threshold}, khoảng cách {margin} — {source}',
    warnMissing:
      'Mô hình đã chọn ({name}) chưa được cài trên máy chủ này, nên máy lấy số và quầy đang dùng {fallback}. Cài mô hình bằng lệnh "npm run cli -- models install", hoặc chọn "Tự động".',
    warnWesternInstall:
      'face-api được hiệu chỉnh trên khuôn mặt người phương Tây: với khuôn mặt người Đông Á, trong đó có người Việt, mô hình này nhầm hai người khác nhau là một người thường xuyên hơn nhiều. Hãy cài mô hình khuyến nghị ({recommended}) bằng lệnh "npm run cli -- models install".',
    warnWesternChoose:
      'face-api được hiệu chỉnh trên khuôn mặt người phương Tây: với khuôn mặt người Đông Á, trong đó có người Việt, mô hình này nhầm hai người khác nhau là một người thường xuyên hơn nhiều. Mô hình khuyến nghị ({recommended}) đã được cài trên máy chủ này: hãy chọn "Tự động" hoặc chọn mô hình đó ở mục "Chọn mô hình".',
    accuracyTitle: 'Độ chính xác với khuôn mặt người Việt',
    accuracyNotMeasured:
      'Chưa đo. Mô hình này chưa được đo trên bộ ảnh khuôn mặt người Đông Á của dự án, nên chưa thể nói nó nhầm người khác thường xuyên đến đâu với khuôn mặt người Việt.',
    accuracyIntro:
      'Đo bằng "npm run face:eval" trên ảnh khuôn mặt người Đông Á ({set}), ở ngưỡng {threshold}. Nhận nhầm người khác là lỗi gây hại (số của người này bị trả cho người khác); không nhận ra đúng người chỉ khiến công dân nhận một số mới.',
    accuracyKind: 'So khớp',
    accuracyFalseMatch: 'Nhận nhầm người khác',
    accuracyFalseNonMatch: 'Không nhận ra đúng người',
    accuracyEer: 'Tỉ lệ lỗi cân bằng (EER)',
    accuracyPhotos: 'Một ảnh với một ảnh',
    accuracyTemplates: 'Mẫu 5 khung hình (như máy lấy số)',
    accuracyNotMeasuredShort: 'chưa đo',
    accuracyReuse:
      'Theo quy tắc trả lại số, trên cả danh sách người đang giữ số: người lạ bị nhận là một người đã có số {falseReuse}; người quay lại bị nhận là người khác {wrongPerson}.',
    accuracyWestern: 'Trên ảnh người phương Tây (bộ phát triển), tỉ lệ lỗi cân bằng là {eer}.',
    accuracyOwnThreshold:
      'Trung tâm đang dùng ngưỡng riêng ({threshold}); các số trên đo ở ngưỡng đã hiệu chỉnh ({measuredAt}) nên không mô tả đúng ngưỡng đang dùng.',
    choiceTitle: 'Chọn mô hình',
    choiceLabel: 'Mô hình máy lấy số và quầy sử dụng',
    choiceHelp:
      'Tự động: dùng mô hình khuyến nghị khi đã cài, nếu chưa thì face-api, và tự chuyển khi mô hình khuyến nghị được cài. Cố định: luôn dùng mô hình đã chọn cho đến khi quản trị viên chọn lại.',
    optionAuto: 'Tự động (hiện nay: {name})',
    optionMissing: '{name} — chưa cài trên máy chủ này',
    choiceApply: 'Áp dụng lựa chọn',
    choiceSaved: 'Đã lưu lựa chọn mô hình. Máy lấy số và quầy tự cập nhật.',
    planChange: 'Đổi mô hình nhận diện từ {from} sang {to}?',
    planWalkIns:
      '{count} mẫu lấy số hôm nay của {from} không còn được so khớp và tự xóa khi hết ngày. Người đang giữ số vẫn giữ số của mình; nếu lấy số lại hôm nay, họ nhận số mới.',
    planRemembered:
      '{count} mẫu của công dân đã ghi nhớ bằng {from} không còn được dùng: những công dân này không còn được nhận diện; ở lần đến sau, máy lấy số hỏi lại sự đồng ý để ghi nhớ bằng {to}.',
    planNeverCompared: 'Mẫu của các mô hình khác nhau không bao giờ được so với nhau.',
    planReused: '{walkIn} mẫu lấy số và {remembered} mẫu ghi nhớ của {to} còn lưu từ trước sẽ được dùng lại để so khớp.',
    planOwnStop: 'Ngưỡng và khoảng cách riêng đã đặt cho {from} không áp dụng cho {to}: {to} dùng mức đã hiệu chỉnh (ngưỡng {threshold}, khoảng cách {margin}).',
    planOwnReturn: 'Ngưỡng và khoảng cách riêng đã đặt trước đây cho {to} được áp dụng lại.',
    planReload: 'Máy lấy số và quầy tự tải mô hình mới; lượt lấy số đang dở có thể phải làm lại.',
    planOldKept: 'Mẫu của {from} được giữ (không dùng để so khớp) cho đến khi hết hạn hoặc quản trị viên xóa ở mục "Mẫu khuôn mặt theo mô hình".',
    planSame: 'Mô hình đang dùng không đổi ({from}); không mẫu nào bị ảnh hưởng lúc này.',
    planPinned: 'Trung tâm sẽ tiếp tục dùng {from} kể cả khi cài thêm mô hình khác, cho đến khi quản trị viên chọn lại.',
    planAutoLater: 'Khi mô hình khuyến nghị ({preferred}) được cài trên máy chủ, trung tâm sẽ tự chuyển sang mô hình đó, và khi ấy:',
    planMissingLater: '{chosen} chưa được cài trên máy chủ này nên trung tâm vẫn dùng {from}. Khi {chosen} được cài, trung tâm sẽ chuyển sang mô hình đó, và khi ấy:',
    planLaterWalkIns: 'mẫu lấy số trong ngày của {from} không còn được so khớp và tự xóa khi hết ngày;',
    planLaterRemembered: 'công dân đã ghi nhớ bằng {from} không còn được nhận diện và được hỏi lại sự đồng ý ở lần đến sau;',
    planConfirmChange: 'Đổi mô hình',
    planConfirmSame: 'Lưu lựa chọn',
    templatesTitle: 'Mẫu khuôn mặt theo mô hình',
    templatesModel: 'Mô hình',
    templatesStatus: 'Trạng thái',
    templatesWalkIn: 'Mẫu lấy số trong ngày',
    templatesRemembered: 'Mẫu ghi nhớ',
    stateInUse: 'Đang dùng để so khớp',
    stateUnused: 'Không dùng để so khớp',
    stateNotInstalled: 'chưa cài trên máy chủ này',
    retireButton: 'Xóa mẫu của mô hình này',
    retireConfirm:
      'Xóa {walkIns} mẫu lấy số trong ngày và {remembered} mẫu ghi nhớ của {name}? Các mẫu này không còn được dùng để so khớp. Công dân đã ghi nhớ bằng mô hình này sẽ được hỏi lại sự đồng ý ở lần đến sau. Việc xóa được ghi vào nhật ký truy cập và không thể hoàn tác.',
    retireDo: 'Xóa mẫu',
    retired: 'Đã xóa {walkIns} mẫu lấy số và {remembered} mẫu ghi nhớ của {name}.',
    ruleNeverCompared: 'Mẫu của các mô hình khác nhau không bao giờ được so với nhau: mẫu của mô hình không dùng chỉ còn chờ xóa.',
    ruleWalkIn: 'Khi đổi mô hình, mẫu lấy số trong ngày của mô hình cũ tự xóa khi hết ngày, như mọi mẫu lấy số.',
    ruleRemembered:
      'Công dân đã ghi nhớ bằng mô hình cũ không còn được nhận diện; ở lần đến sau, máy lấy số hỏi lại sự đồng ý và ghi nhớ bằng mô hình đang dùng. Mẫu ghi nhớ cũ được giữ cho đến khi quản trị viên xóa.',
    ruleErasure:
      'Khi công dân yêu cầu xóa tại quầy, camera chỉ tìm được mẫu của mô hình đang dùng: hãy xóa mẫu của mô hình cũ khi trung tâm không định quay lại mô hình đó.',
    numbersInForce: 'Đang áp dụng cho {model}: ngưỡng {threshold}, khoảng cách {margin} — {source}.',
    numbersCalibratedAre: 'Mức đã hiệu chỉnh cho {model}: ngưỡng {threshold}, khoảng cách {margin}.',
    numbersAfterSaveCalibrated: 'Sau khi lưu: theo mức đã hiệu chỉnh (và các lần hiệu chỉnh sau).',
    numbersAfterSaveAdmin: 'Sau khi lưu: số riêng cho {model}, không áp dụng cho mô hình khác.',
    backToCalibrated: 'Dùng lại mức đã hiệu chỉnh',
    perHour: 'Số lần nhận diện một khuôn mặt mỗi giờ (1–20)',
    perHourHelp:
      'Mỗi lần máy lấy số nhận ra một người đã ghi nhớ, người đó được nhập 4 số cuối điện thoại vài lần. Giới hạn này (tính chung mọi máy lấy số) ngăn việc bắt đầu lại để thử thêm; quá giới hạn, khuôn mặt đó không được nhận ra cho đến hết giờ.',
    'numbers:calibrated': 'mức đã hiệu chỉnh cho mô hình này',
    'numbers:admin': 'số riêng do quản trị viên đặt',
    'model:face-api-128-aligned': 'face-api (mạng ResNet của dlib)',
    'model:face-reidentification-retail-0095': 'Intel face-reidentification-retail-0095',
    'source:npm': 'Đi kèm phần mềm (cài cùng các gói npm), có sẵn ở mọi trung tâm',
    'source:installed': 'Cài riêng trên máy chủ của trung tâm bằng lệnh "npm run cli -- models install" (tải tệp chính thức, kiểm tra mã sha384)',
    'hint:per-hour-range': 'Số nguyên từ 1 đến 20.',
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
    protectSnapshot:
      'The search index of the large gallery ({count} templates) is kept on disk encrypted, under a key of its own renewed at every save, so a restart need not rebuild it; that key is destroyed as soon as a template in it is erased.',
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
      'Each model’s default threshold is the stricter of two calibrations, on Western and on East-Asian faces, because a false match is the harmful error (docs/face-recognition.md). East-Asian faces are not Vietnamese faces: the centre should verify on a consented local set.',
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
      'The threshold and margin belong to a model: numbers set for this model do not apply to another. Set own numbers only after measuring locally: run "npm run face:eval -- --dir <consented local set> --model <model>" (see docs/face-recognition.md). A lower threshold counts more different people as one.',
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
    techPerHour: 'Recognitions of one face per hour',
    reuseTitle: 'Numbers given back on a face match in the last 30 days',
    reuseOffered: 'Numbers given back',
    reuseConfirmed: 'Citizens who confirmed it was theirs',
    reuseRejected: 'Citizens who answered "not mine" (Không phải số của tôi)',
    reuseUnanswered: 'No answer (time ran out)',
    reuseRate: 'False match rate measured in this centre',
    reuseNote:
      'When a kiosk recognises someone who holds a number for the same field, it gives that number back and asks the citizen whether it is theirs. A citizen answering "not mine" (Không phải số của tôi) is a false match measured in this hall (they get a new number). Rate = "not mine" answers / answers.',
    reuseFew: 'Only {count} answers so far: too few to judge the rate.',
    modelTitle: 'Face recognition model',
    modelIntro:
      'The model turns the camera picture into a face template (a list of numbers) that is compared. Accuracy depends on the model: whether it takes two different people for one.',
    modelInUse: 'Model in use',
    modelSource: 'Source',
    modelLicence: 'Licence',
    modelTemplate: 'Face template',
    modelChoice: 'The centre’s choice',
    choiceAuto: 'Automatic: the recommended model once it is installed on the server, face-api until then',
    choicePinned: 'Fixed: {name} (chosen by an administrator)',
    modelNumbers: 'Threshold and margin in use',
    modelNumbersValue: 'threshold {threshold}, margin {margin} — {source}',
    warnMissing:
      'The chosen model ({name}) is not installed on this server, so kiosks and counters use {fallback}. Install it with "npm run cli -- models install", or choose "Automatic".',
    warnWesternInstall:
      'face-api was calibrated on Western faces: on East-Asian faces, Vietnamese faces included, it takes two different people for one far more often. Install the recommended model ({recommended}) with "npm run cli -- models install".',
    warnWesternChoose:
      'face-api was calibrated on Western faces: on East-Asian faces, Vietnamese faces included, it takes two different people for one far more often. The recommended model ({recommended}) is installed on this server: choose "Automatic" or that model under "Choose the model".',
    accuracyTitle: 'Accuracy on Vietnamese faces',
    accuracyNotMeasured:
      'Not measured yet. This model has not been measured on the project’s East-Asian face set, so how often it takes one Vietnamese person for another cannot be said yet.',
    accuracyIntro:
      'Measured with "npm run face:eval" on East-Asian faces ({set}) at threshold {threshold}. A false match is the harmful error (one person’s number given to another); a false non-match only gives the citizen a new number.',
    accuracyKind: 'Comparison',
    accuracyFalseMatch: 'False match',
    accuracyFalseNonMatch: 'False non-match',
    accuracyEer: 'Equal error rate (EER)',
    accuracyPhotos: 'One photo against one photo',
    accuracyTemplates: '5-frame templates (as the kiosk takes them)',
    accuracyNotMeasuredShort: 'not measured',
    accuracyReuse:
      'With the reuse rule over everyone holding a number: strangers taken for someone holding a number {falseReuse}; returning visitors taken for someone else {wrongPerson}.',
    accuracyWestern: 'On Western faces (the development set) the equal error rate is {eer}.',
    accuracyOwnThreshold:
      'The centre uses its own threshold ({threshold}); the figures above were measured at the calibrated threshold ({measuredAt}) and do not describe the one in use exactly.',
    choiceTitle: 'Choose the model',
    choiceLabel: 'Model used by kiosks and counters',
    choiceHelp:
      'Automatic: the recommended model once installed, face-api until then, switching by itself when the recommended model is installed. Fixed: always the chosen model until an administrator chooses again.',
    optionAuto: 'Automatic (now: {name})',
    optionMissing: '{name} — not installed on this server',
    choiceApply: 'Apply the choice',
    choiceSaved: 'Model choice saved. Kiosks and counters update themselves.',
    planChange: 'Change the recognition model from {from} to {to}?',
    planWalkIns:
      '{count} of today’s number templates of {from} are no longer compared and are deleted at the end of the day. People holding a number keep it; if they take a number again today, they get a new one.',
    planRemembered:
      '{count} templates of citizens remembered with {from} stop being used: those citizens are no longer recognised; on their next visit the kiosk asks their consent again to remember them with {to}.',
    planNeverCompared: 'Templates of different models are never compared.',
    planReused: '{walkIn} number templates and {remembered} remembered templates of {to} kept from before are used for matching again.',
    planOwnStop: 'The own threshold and margin set for {from} do not apply to {to}: {to} uses its calibrated ones (threshold {threshold}, margin {margin}).',
    planOwnReturn: 'The own threshold and margin set earlier for {to} apply again.',
    planReload: 'Kiosks and counters load the new model by themselves; a number being taken at that moment may have to be taken again.',
    planOldKept: 'Templates of {from} are kept (not used for matching) until they expire or an administrator deletes them under "Face templates by model".',
    planSame: 'The model in use does not change ({from}); no template is affected now.',
    planPinned: 'The centre keeps using {from} even when another model is installed, until an administrator chooses again.',
    planAutoLater: 'When the recommended model ({preferred}) is installed on the server, the centre switches to it by itself, and then:',
    planMissingLater: '{chosen} is not installed on this server, so the centre keeps using {from}. Once {chosen} is installed, the centre switches to it, and then:',
    planLaterWalkIns: 'today’s number templates of {from} are no longer compared and are deleted at the end of the day;',
    planLaterRemembered: 'citizens remembered with {from} are no longer recognised and are asked for their consent again on their next visit;',
    planConfirmChange: 'Change the model',
    planConfirmSame: 'Save the choice',
    templatesTitle: 'Face templates by model',
    templatesModel: 'Model',
    templatesStatus: 'Status',
    templatesWalkIn: 'Number templates (today)',
    templatesRemembered: 'Remembered templates',
    stateInUse: 'Used for matching',
    stateUnused: 'Not used for matching',
    stateNotInstalled: 'not installed on this server',
    retireButton: 'Delete this model’s templates',
    retireConfirm:
      'Delete {walkIns} number templates and {remembered} remembered templates of {name}? They are no longer used for matching. Citizens remembered with this model will be asked for their consent again on their next visit. The deletion is written to the access log and cannot be undone.',
    retireDo: 'Delete templates',
    retired: 'Deleted {walkIns} number templates and {remembered} remembered templates of {name}.',
    ruleNeverCompared: 'Templates of different models are never compared: those of a model not in use only wait to be deleted.',
    ruleWalkIn: 'After a change of model, the old model’s number templates are deleted at the end of the day, like every number template.',
    ruleRemembered:
      'Citizens remembered with the old model are no longer recognised; on their next visit the kiosk asks their consent again and remembers them with the model in use. The old remembered templates stay until an administrator deletes them.',
    ruleErasure:
      'When a citizen asks for erasure at a counter, the camera finds only templates of the model in use: delete the old model’s templates once the centre does not mean to go back to it.',
    numbersInForce: 'In force for {model}: threshold {threshold}, margin {margin} — {source}.',
    numbersCalibratedAre: 'Calibrated for {model}: threshold {threshold}, margin {margin}.',
    numbersAfterSaveCalibrated: 'Once saved: the calibrated values (and later calibrations).',
    numbersAfterSaveAdmin: 'Once saved: own numbers for {model}, not applied to any other model.',
    backToCalibrated: 'Back to the calibrated values',
    perHour: 'Recognitions of one face per hour (1–20)',
    perHourHelp:
      'Each time a kiosk recognises a remembered person, they may type their phone digits a few times. This limit (all kiosks together) keeps starting over from adding attempts; past it, that face is not recognised until the hour is over.',
    'numbers:calibrated': 'the values calibrated for this model',
    'numbers:admin': 'own numbers set by an administrator',
    'model:face-api-128-aligned': 'face-api (dlib ResNet)',
    'model:face-reidentification-retail-0095': 'Intel face-reidentification-retail-0095',
    'source:npm': 'Ships with the software (installed with the npm packages), available at every centre',
    'source:installed': 'Installed on the centre’s server with "npm run cli -- models install" (official files, sha384 checked)',
    'hint:per-hour-range': 'A whole number from 1 to 20.',
  },
};
