/**
 * / — the centre's front door for staff and the IT person: what each screen is for, where it
 * lives, and what it needs (a sign-in or a one-time pairing). Works signed out.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../shared/api';
import { fill, LangSwitch, useText, type Dictionary } from '../shared/i18n';
import { useCurrentUser } from '../shared/login-form';
import './home.css';

type ScreenKey = 'kiosk' | 'counter' | 'display' | 'rate' | 'manage';

const SCREENS: { key: ScreenKey; path: string; needs: 'pairing' | 'login' }[] = [
  { key: 'kiosk', path: '/kiosk', needs: 'pairing' },
  { key: 'counter', path: '/counter', needs: 'login' },
  { key: 'display', path: '/display', needs: 'pairing' },
  { key: 'rate', path: '/rate', needs: 'pairing' },
  { key: 'manage', path: '/manage', needs: 'login' },
];

type Key =
  | 'product'
  | 'intro'
  | 'signedInAs'
  | 'logout'
  | 'screens'
  | `${ScreenKey}Title`
  | `${ScreenKey}Line`
  | 'needsPairing'
  | 'needsLogin'
  | 'pairingTitle'
  | 'pairingText'
  | 'trackTitle'
  | 'trackText'
  | 'trackLabel'
  | 'trackGo'
  | 'trackInvalid'
  | 'addressTitle'
  | 'addressText'
  | 'localhostHint'
  | 'serverOk'
  | 'serverDown'
  | 'roleOfficer'
  | 'roleManager'
  | 'roleAdmin'
  | 'roleInspector';

const TEXT: Dictionary<Key> = {
  vi: {
    product: 'Một Cửa',
    intro:
      'Phần mềm cho Bộ phận Một cửa và Trung tâm Phục vụ hành chính công: lấy số không chạm, gọi số, bàn làm việc của cán bộ, đánh giá mức độ hài lòng và báo cáo. Chạy trong mạng nội bộ, không cần Internet.',
    signedInAs: 'Đang đăng nhập: {name} ({role})',
    logout: 'Đăng xuất',
    screens: 'Các màn hình',
    kioskTitle: 'Máy lấy số',
    kioskLine: 'Đặt ở sảnh: công dân chọn lĩnh vực, nhận phiếu số thứ tự có mã QR.',
    counterTitle: 'Bàn làm việc của cán bộ',
    counterLine: 'Cán bộ một cửa gọi số, phục vụ, chuyển, tạm gác – thao tác bằng bàn phím.',
    displayTitle: 'Màn hình gọi số',
    displayLine: 'Màn hình lớn ở sảnh hiện và đọc to số được mời đến quầy.',
    rateTitle: 'Màn hình đánh giá',
    rateLine: 'Đặt tại quầy để công dân đánh giá mức độ hài lòng sau mỗi lượt phục vụ.',
    manageTitle: 'Quản lý',
    manageLine: 'Lĩnh vực, quầy, cán bộ, thiết bị, cài đặt và báo cáo.',
    needsPairing: 'Cần ghép nối thiết bị',
    needsLogin: 'Cần đăng nhập',
    pairingTitle: 'Ghép nối máy lấy số, màn hình gọi số, màn hình đánh giá',
    pairingText:
      'Mỗi thiết bị chỉ cần ghép nối một lần: mở trang tương ứng trên thiết bị, màn hình sẽ hiện một mã 6 chữ số; quản trị viên vào Quản lý → Thiết bị và nhập mã đó. Thiết bị được ghi nhớ cho các lần sau.',
    trackTitle: 'Công dân theo dõi số thứ tự',
    trackText:
      'Mã QR trên phiếu số mở trang /t/<mã> trên điện thoại: số người phía trước, thời gian chờ ước tính, thông báo khi được gọi. Không cần tài khoản hay ứng dụng.',
    trackLabel: 'Mã trên phiếu',
    trackGo: 'Xem',
    trackInvalid: 'Mã gồm 6–16 chữ cái in hoa và chữ số, in dưới mã QR.',
    addressTitle: 'Địa chỉ trong mạng nội bộ',
    addressText: 'Các thiết bị khác mở:',
    localhostHint: 'Đây là địa chỉ của chính máy chủ; thiết bị khác cần địa chỉ IP của máy này trong mạng nội bộ (ví dụ http://192.168.1.10:3000).',
    serverOk: 'Máy chủ đang chạy (cơ sở dữ liệu: {database}).',
    serverDown: 'Không kết nối được máy chủ.',
    roleOfficer: 'cán bộ',
    roleManager: 'quản lý',
    roleAdmin: 'quản trị',
    roleInspector: 'kiểm tra, thẩm định',
  },
  en: {
    product: 'Một Cửa',
    intro:
      'Software for one-stop departments and public administrative service centres: touchless queue tickets, calling, the officer’s console, satisfaction ratings and reports. Runs on the office network, no Internet needed.',
    signedInAs: 'Signed in: {name} ({role})',
    logout: 'Sign out',
    screens: 'Screens',
    kioskTitle: 'Ticket kiosk',
    kioskLine: 'In the hall: citizens choose a field and get a numbered slip with a QR code.',
    counterTitle: 'Officer’s console',
    counterLine: 'Counter officers call, serve, transfer and park numbers – keyboard first.',
    displayTitle: 'Calling board',
    displayLine: 'The big hall screen shows and reads out the numbers called to counters.',
    rateTitle: 'Rating screen',
    rateLine: 'At each counter, for citizens to rate their satisfaction after each service.',
    manageTitle: 'Manage',
    manageLine: 'Fields, counters, officers, devices, settings and reports.',
    needsPairing: 'Pair once',
    needsLogin: 'Sign-in required',
    pairingTitle: 'Pairing kiosks, boards and rating screens',
    pairingText:
      'Each device is paired once: open its page on the device, which then shows a 6-digit code; an administrator enters that code in Manage → Devices. The device is remembered afterwards.',
    trackTitle: 'Citizens follow their ticket',
    trackText:
      'The QR code on the slip opens /t/<code> on a phone: people ahead, estimated wait, and a notice when called. No account or app needed.',
    trackLabel: 'Code on the slip',
    trackGo: 'Open',
    trackInvalid: 'The code has 6–16 capital letters and digits, printed under the QR code.',
    addressTitle: 'Address on the office network',
    addressText: 'Other devices open:',
    localhostHint: 'This is the server’s own address; other devices need this PC’s network IP address (e.g. http://192.168.1.10:3000).',
    serverOk: 'Server running (database: {database}).',
    serverDown: 'Cannot reach the server.',
    roleOfficer: 'officer',
    roleManager: 'manager',
    roleAdmin: 'administrator',
    roleInspector: 'inspector',
  },
};

const ROLE_KEY = { officer: 'roleOfficer', manager: 'roleManager', admin: 'roleAdmin', inspector: 'roleInspector' } as const;

export default function HomePage() {
  const text = useText(TEXT);
  const { user, logout } = useCurrentUser();
  const [health, setHealth] = useState<{ database: string } | null | undefined>(undefined);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [logoutError, setLogoutError] = useState<string | null>(null);

  useEffect(() => {
    api<{ database: string }>('GET', '/api/health')
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);

  const follow = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.trim().toUpperCase().replace(/\s+/g, '');
    if (!/^[0-9A-Z]{6,16}$/.test(clean)) {
      setCodeError(text.trackInvalid);
      return;
    }
    location.assign(`/t/${clean}`);
  };

  const local = /^(localhost|127\.|\[::1\])/.test(location.hostname);

  return (
    <div className="home">
      <header className="home-header">
        <div>
          <h1>{text.product}</h1>
          <p className="home-intro">{text.intro}</p>
        </div>
        <div className="home-user">
          <LangSwitch className="home-lang" />
          {user && (
            <div className="home-signed-in" data-testid="home-user">
              <span>{fill(text.signedInAs, { name: user.fullName, role: text[ROLE_KEY[user.role]] })}</span>
              <button type="button" onClick={() => void logout().catch((e: unknown) => setLogoutError(e instanceof Error ? e.message : String(e)))}>
                {text.logout}
              </button>
              {logoutError && (
                <span className="error" role="alert">
                  {logoutError}
                </span>
              )}
            </div>
          )}
        </div>
      </header>

      <main className="home-main">
        <h2 className="visually-hidden">{text.screens}</h2>
        <nav className="home-screens" aria-label={text.screens}>
          {SCREENS.map((s) => (
            <a key={s.key} href={s.path} className={`home-screen home-${s.key}`} data-testid={`home-link-${s.key}`}>
              <span className="home-screen-title">{text[`${s.key}Title`]}</span>
              <span className="home-screen-line">{text[`${s.key}Line`]}</span>
              <span className="home-screen-foot">
                <code>{s.path}</code>
                <span className={`home-tag needs-${s.needs}`}>{s.needs === 'pairing' ? text.needsPairing : text.needsLogin}</span>
              </span>
            </a>
          ))}
        </nav>

        <div className="home-notes">
          <section className="home-note">
            <h2>{text.pairingTitle}</h2>
            <p>{text.pairingText}</p>
          </section>
          <section className="home-note">
            <h2>{text.trackTitle}</h2>
            <p>{text.trackText}</p>
            <form className="home-track" onSubmit={follow} noValidate>
              <label>
                <span>{text.trackLabel}</span>
                <input
                  value={code}
                  onChange={(e) => {
                    setCode(e.target.value);
                    setCodeError(null);
                  }}
                  autoCapitalize="characters"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={20}
                />
              </label>
              <button type="submit">{text.trackGo}</button>
            </form>
            <p className="error" role="alert">
              {codeError}
            </p>
          </section>
          <section className="home-note">
            <h2>{text.addressTitle}</h2>
            <p>
              {text.addressText} 
              <code className="home-origin">{location.origin}</code>
            </p>
            {local && <p className="home-muted">{text.localhostHint}</p>}
            <p className={health === null ? 'error' : 'home-muted'} data-testid="home-health">
              {health === undefined ? '' : health ? fill(text.serverOk, { database: health.database === 'pglite' ? 'PGlite' : 'PostgreSQL' }) : text.serverDown}
            </p>
          </section>
        </div>
      </main>
    </div>
  );
}
