/** Words of the counter console, Vietnamese first. */
import type { Dictionary } from '../shared/i18n';
import type { Blocker, CounterAction } from './counter-actions';

type Key =
  | 'title'
  | 'pickTitle'
  | 'pickHint'
  | 'lastUsed'
  | 'yours'
  | 'takenBy'
  | 'free'
  | 'stateOpen'
  | 'statePaused'
  | 'stateClosed'
  | 'pausedBanner'
  | 'pausedResumeHint'
  | 'loading'
  | 'counter'
  | 'officer'
  | 'live'
  | 'connecting'
  | 'offline'
  | 'inHand'
  | 'calledLabel'
  | 'nothingInHand'
  | 'pressToCall'
  | 'waitingForYou'
  | 'statusCalled'
  | 'statusServing'
  | 'calledAgo'
  | 'servingFor'
  | 'callCount'
  | 'issuedAt'
  | 'priorityBadge'
  | 'sentHere'
  | 'waitingTitle'
  | 'yourFields'
  | 'otherFields'
  | 'mainField'
  | 'helpsField'
  | 'people'
  | 'parkedTitle'
  | 'parkedNone'
  | 'noShowsTitle'
  | 'noShowsNone'
  | 'minutesLeft'
  | 'servedToday'
  | 'nobodyWaiting'
  | 'called'
  | 'dismiss'
  | 'help'
  | 'helpTitle'
  | 'helpIntro'
  | 'helpDialogs'
  | 'helpEsc'
  | 'close'
  | 'cancel'
  | 'confirm'
  | 'transferTitle'
  | 'transferHint'
  | 'toField'
  | 'toCounter'
  | 'transferred'
  | 'callNumberTitle'
  | 'callNumberHint'
  | 'typeNumber'
  | 'noneWaiting'
  | 'noMatch'
  | 'pauseTitle'
  | 'pauseHint'
  | 'reasonBreak'
  | 'reasonMeeting'
  | 'reasonHelping'
  | 'otherReason'
  | 'pauseAction'
  | 'resumeTitle'
  | 'reactivateTitle'
  | 'chooseHint'
  | 'closeConfirm'
  | 'logoutConfirm'
  | 'counterLeft'
  | 'counterLost'
  | 'switchCounter'
  | 'resumed'
  | 'reactivated'
  | 'receiveDossier'
  | `action:${CounterAction}`
  | 'action:resume-counter'
  | `blocked:${Blocker}`;

export const TEXT: Dictionary<Key> = {
  vi: {
    title: 'Bàn làm việc của cán bộ',
    pickTitle: 'Chọn quầy làm việc',
    pickHint: 'Dùng phím mũi tên và Enter, hoặc bấm số quầy.',
    lastUsed: 'Quầy lần trước',
    yours: 'Quầy của bạn',
    takenBy: 'Đang được {name} sử dụng',
    free: 'Đang trống',
    stateOpen: 'Đang mở',
    statePaused: 'Tạm dừng',
    stateClosed: 'Đã đóng',
    pausedBanner: 'Quầy đang tạm dừng: {reason}',
    pausedResumeHint: 'Bấm K để mở lại quầy và tiếp tục gọi số.',
    loading: 'Đang tải…',
    counter: 'Quầy {number}',
    officer: 'Cán bộ',
    live: 'Trực tuyến',
    connecting: 'Đang kết nối…',
    offline: 'Mất kết nối – đang thử lại',
    inHand: 'Số đang phục vụ',
    calledLabel: 'Số vừa gọi',
    nothingInHand: 'Chưa có công dân tại quầy',
    pressToCall: 'Bấm N để gọi số tiếp theo.',
    waitingForYou: '{count} người đang chờ ở các lĩnh vực của quầy.',
    statusCalled: 'Đã gọi – chờ công dân đến quầy',
    statusServing: 'Đang phục vụ',
    calledAgo: 'Từ lúc gọi: {time}',
    servingFor: 'Thời gian phục vụ: {time}',
    callCount: 'Gọi lần {count}',
    issuedAt: 'Lấy số lúc {time}',
    priorityBadge: 'ƯU TIÊN',
    sentHere: 'Được chuyển đến quầy này',
    waitingTitle: 'Đang chờ',
    yourFields: 'Lĩnh vực của quầy',
    otherFields: 'Lĩnh vực khác',
    mainField: 'chính',
    helpsField: 'hỗ trợ',
    people: 'người',
    parkedTitle: 'Số tạm gác',
    parkedNone: 'Không có số tạm gác.',
    noShowsTitle: 'Vắng mặt (có thể gọi lại)',
    noShowsNone: 'Không có số vắng mặt.',
    minutesLeft: 'còn {minutes} phút',
    servedToday: 'Đã phục vụ hôm nay',
    nobodyWaiting: 'Hiện không có công dân nào đang chờ ở các lĩnh vực của quầy.',
    called: 'Đã gọi số {number}.',
    dismiss: 'Đóng thông báo',
    help: 'Phím tắt',
    helpTitle: 'Phím tắt của bàn làm việc',
    helpIntro: 'Mỗi thao tác có một phím (không cần giữ Ctrl). Phím không có tác dụng khi đang gõ trong ô nhập liệu.',
    helpDialogs: 'Trong hộp chọn: ↑ ↓ để chọn, Enter để xác nhận, Esc để hủy.',
    helpEsc: 'Esc hoặc ? để đóng bảng này.',
    close: 'Đóng',
    cancel: 'Hủy (Esc)',
    confirm: 'Đồng ý (Enter)',
    transferTitle: 'Chuyển số {number}',
    transferHint: 'Chọn lĩnh vực hoặc quầy nhận: ↑ ↓ rồi Enter.',
    toField: 'Sang lĩnh vực',
    toCounter: 'Đến quầy cụ thể',
    transferred: 'Đã chuyển số {number}.',
    callNumberTitle: 'Gọi một số cụ thể',
    callNumberHint: 'Gõ số để lọc, ↑ ↓ để chọn, Enter để gọi.',
    typeNumber: 'Số thứ tự',
    noneWaiting: 'Không có số nào đang chờ ở các lĩnh vực của quầy.',
    noMatch: 'Không có số nào khớp.',
    pauseTitle: 'Tạm dừng quầy',
    pauseHint: 'Chọn lý do (↑ ↓ hoặc phím 1–3, Enter) hoặc nhập lý do khác.',
    reasonBreak: 'Nghỉ giải lao',
    reasonMeeting: 'Họp',
    reasonHelping: 'Hỗ trợ quầy khác',
    otherReason: 'Lý do khác',
    pauseAction: 'Tạm dừng',
    resumeTitle: 'Gọi lại số tạm gác',
    reactivateTitle: 'Kích hoạt lại số vắng mặt',
    chooseHint: '↑ ↓ để chọn, Enter để xác nhận.',
    closeConfirm: 'Đóng quầy {number}? Quầy sẽ không nhận số cho đến khi có cán bộ mở lại.',
    logoutConfirm: 'Đóng quầy {number} và đăng xuất?',
    counterLeft: 'Đã đóng quầy {number}.',
    counterLost: 'Quầy {number} đã được đóng hoặc chuyển cho cán bộ khác.',
    switchCounter: 'Đổi quầy',
    resumed: 'Đã gọi lại số {number}.',
    reactivated: 'Số {number} đã trở lại hàng chờ.',
    receiveDossier: 'Tiếp nhận hồ sơ',
    'action:call-next': 'Gọi số tiếp theo',
    'action:recall': 'Gọi lại',
    'action:start': 'Bắt đầu phục vụ',
    'action:finish': 'Kết thúc',
    'action:no-show': 'Vắng mặt',
    'action:transfer': 'Chuyển',
    'action:park': 'Tạm gác',
    'action:call-number': 'Gọi số cụ thể',
    'action:resume-parked': 'Gọi số tạm gác',
    'action:reactivate': 'Kích hoạt lại số vắng',
    'action:pause': 'Tạm dừng quầy',
    'action:resume-counter': 'Mở lại quầy',
    'action:close': 'Đóng quầy',
    'action:logout': 'Đăng xuất',
    'blocked:counter-closed': 'Quầy đang đóng.',
    'blocked:counter-paused': 'Quầy đang tạm dừng – bấm K để mở lại trước.',
    'blocked:ticket-in-hand': 'Đang có số tại quầy – hãy kết thúc, chuyển hoặc tạm gác số đó trước.',
    'blocked:no-ticket': 'Chưa có số nào tại quầy – bấm N để gọi số.',
    'blocked:not-called': 'Chỉ dùng được khi số vừa được gọi và chưa bắt đầu phục vụ.',
    'blocked:not-serving': 'Chưa bắt đầu phục vụ – bấm S trước khi kết thúc.',
    'blocked:no-parked': 'Không có số nào đang tạm gác.',
    'blocked:no-no-shows': 'Không có số vắng mặt nào còn gọi lại được.',
  },
  en: {
    title: 'Officer’s console',
    pickTitle: 'Choose your counter',
    pickHint: 'Use the arrow keys and Enter, or type the counter number.',
    lastUsed: 'Used last time',
    yours: 'Your counter',
    takenBy: 'In use by {name}',
    free: 'Free',
    stateOpen: 'Open',
    statePaused: 'Paused',
    stateClosed: 'Closed',
    pausedBanner: 'Counter paused: {reason}',
    pausedResumeHint: 'Press K to reopen the counter and call again.',
    loading: 'Loading…',
    counter: 'Counter {number}',
    officer: 'Officer',
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Offline – retrying',
    inHand: 'Number being served',
    calledLabel: 'Number called',
    nothingInHand: 'Nobody at the counter',
    pressToCall: 'Press N to call the next number.',
    waitingForYou: '{count} waiting in this counter’s fields.',
    statusCalled: 'Called – waiting for the citizen',
    statusServing: 'Being served',
    calledAgo: 'Since called: {time}',
    servingFor: 'Serving for: {time}',
    callCount: 'Call {count}',
    issuedAt: 'Issued at {time}',
    priorityBadge: 'PRIORITY',
    sentHere: 'Transferred to this counter',
    waitingTitle: 'Waiting',
    yourFields: 'This counter’s fields',
    otherFields: 'Other fields',
    mainField: 'main',
    helpsField: 'helps',
    people: 'waiting',
    parkedTitle: 'Parked',
    parkedNone: 'No parked numbers.',
    noShowsTitle: 'No-shows (can be re-activated)',
    noShowsNone: 'No recent no-shows.',
    minutesLeft: '{minutes} min left',
    servedToday: 'Served today',
    nobodyWaiting: 'Nobody is waiting in this counter’s fields.',
    called: 'Called number {number}.',
    dismiss: 'Dismiss',
    help: 'Shortcuts',
    helpTitle: 'Console keyboard shortcuts',
    helpIntro: 'Each action has one key (no Ctrl needed). Keys do nothing while you type in a text box.',
    helpDialogs: 'In a chooser: ↑ ↓ to move, Enter to confirm, Esc to cancel.',
    helpEsc: 'Esc or ? closes this panel.',
    close: 'Close',
    cancel: 'Cancel (Esc)',
    confirm: 'OK (Enter)',
    transferTitle: 'Transfer number {number}',
    transferHint: 'Choose a field or a counter: ↑ ↓ then Enter.',
    toField: 'To field',
    toCounter: 'To a specific counter',
    transferred: 'Number {number} transferred.',
    callNumberTitle: 'Call a specific number',
    callNumberHint: 'Type to filter, ↑ ↓ to choose, Enter to call.',
    typeNumber: 'Number',
    noneWaiting: 'No numbers waiting in this counter’s fields.',
    noMatch: 'No matching number.',
    pauseTitle: 'Pause the counter',
    pauseHint: 'Choose a reason (↑ ↓ or keys 1–3, Enter) or type another one.',
    reasonBreak: 'Break',
    reasonMeeting: 'Meeting',
    reasonHelping: 'Helping another counter',
    otherReason: 'Other reason',
    pauseAction: 'Pause',
    resumeTitle: 'Call back a parked number',
    reactivateTitle: 'Re-activate a no-show',
    chooseHint: '↑ ↓ to choose, Enter to confirm.',
    closeConfirm: 'Close counter {number}? It takes no calls until an officer opens it again.',
    logoutConfirm: 'Close counter {number} and sign out?',
    counterLeft: 'Counter {number} closed.',
    counterLost: 'Counter {number} was closed or taken over by another officer.',
    switchCounter: 'Change counter',
    resumed: 'Number {number} called back.',
    reactivated: 'Number {number} is back in the queue.',
    receiveDossier: 'Receive dossier',
    'action:call-next': 'Call next',
    'action:recall': 'Recall',
    'action:start': 'Start service',
    'action:finish': 'Finish',
    'action:no-show': 'No-show',
    'action:transfer': 'Transfer',
    'action:park': 'Park',
    'action:call-number': 'Call a number',
    'action:resume-parked': 'Call back parked',
    'action:reactivate': 'Re-activate no-show',
    'action:pause': 'Pause counter',
    'action:resume-counter': 'Reopen counter',
    'action:close': 'Close counter',
    'action:logout': 'Sign out',
    'blocked:counter-closed': 'The counter is closed.',
    'blocked:counter-paused': 'The counter is paused – press K to reopen it first.',
    'blocked:ticket-in-hand': 'A number is at the counter – finish, transfer or park it first.',
    'blocked:no-ticket': 'No number at the counter – press N to call one.',
    'blocked:not-called': 'Only for a number just called and not yet being served.',
    'blocked:not-serving': 'Service has not started – press S before finishing.',
    'blocked:no-parked': 'No parked numbers.',
    'blocked:no-no-shows': 'No no-show can still be re-activated.',
  },
};

export type CounterText = Record<Key, string>;
