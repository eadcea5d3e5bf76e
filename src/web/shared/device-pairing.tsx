/**
 * Screens in the hall (kiosk, board, rating screen) are devices, not people. An unpaired screen
 * shows a six-digit code that an admin confirms in /manage → Thiết bị; it then holds its own
 * token (a cookie) and renders its content. If an admin or manager is signed in on this very
 * browser, one button pairs it on the spot.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Device } from '../../contracts/api';
import { api, ApiError } from './api';
import { fill, LangSwitch, useText, type Dictionary } from './i18n';

type Kind = 'kiosk' | 'display' | 'rating';

const TEXT: Dictionary<'title' | 'instructions' | 'expires' | 'pairHere' | 'counter' | 'chooseCounter' | 'kiosk' | 'display' | 'rating' | 'checking'> = {
  vi: {
    title: 'Ghép nối thiết bị',
    instructions: 'Quản trị viên vào trang Quản lý → Thiết bị và nhập mã sau để cho phép màn hình này ({kind}) hoạt động:',
    expires: 'Mã có hiệu lực đến {time}.',
    pairHere: 'Ghép nối ngay (đang đăng nhập quản trị)',
    counter: 'Quầy',
    chooseCounter: 'Chọn quầy cho màn hình đánh giá',
    kiosk: 'máy lấy số',
    display: 'màn hình gọi số',
    rating: 'màn hình đánh giá',
    checking: 'Đang kiểm tra…',
  },
  en: {
    title: 'Pair this device',
    instructions: 'An administrator opens Manage → Devices and enters this code to allow this screen ({kind}):',
    expires: 'The code is valid until {time}.',
    pairHere: 'Pair now (signed in as administrator)',
    counter: 'Counter',
    chooseCounter: 'Choose the counter for this rating screen',
    kiosk: 'kiosk',
    display: 'display board',
    rating: 'rating screen',
    checking: 'Checking…',
  },
};

interface Pairing {
  pairingId: string;
  code: string;
  secret: string;
  expiresAt: string;
}

export function DevicePairing({ kind, children }: { kind: Kind; children: (device: Device) => ReactNode }) {
  const text = useText(TEXT);
  const [device, setDevice] = useState<Device | null>(null);
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [manager, setManager] = useState(false);
  const [counters, setCounters] = useState<{ id: string; number: number; name: string }[]>([]);
  const [counterId, setCounterId] = useState('');

  useEffect(() => {
    let cancelled = false;
    api<Device>('GET', `/api/v1/devices/me/${kind}`)
      .then((d) => !cancelled && setDevice(d))
      .catch(() => undefined)
      .finally(() => !cancelled && setChecked(true));
    return () => {
      cancelled = true;
    };
  }, [kind]);

  useEffect(() => {
    if (!checked || device) return;
    let cancelled = false;
    let timer: number | undefined;
    const begin = async () => {
      try {
        const p = await api<Pairing>('POST', '/api/v1/devices/pairing', { kind });
        if (cancelled) return;
        setPairing(p);
        const poll = async () => {
          try {
            const r = await api<{ status: string; device: Device | null }>('POST', `/api/v1/devices/pairing/${p.pairingId}/claim`, {
              secret: p.secret,
            });
            if (cancelled) return;
            if (r.status === 'paired' && r.device) setDevice(r.device);
            else timer = window.setTimeout(poll, 2000);
          } catch (e) {
            if (cancelled) return;
            if (e instanceof ApiError && e.code === 'PAIRING_EXPIRED') void begin();
            else timer = window.setTimeout(poll, 4000);
          }
        };
        void poll();
      } catch (e) {
        if (!cancelled) {
          setError(e instanceof Error ? e.message : String(e));
          timer = window.setTimeout(begin, 5000);
        }
      }
    };
    void begin();
    api<{ user: { role: string } }>('GET', '/api/v1/auth/me')
      .then(async (me) => {
        if (cancelled || (me.user.role !== 'admin' && me.user.role !== 'manager')) return;
        setManager(true);
        const info = await api<{ counters: { id: string; number: number; name: string }[] }>('GET', '/api/v1/centre');
        if (!cancelled) setCounters(info.counters);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (timer) window.clearTimeout(timer);
    };
  }, [checked, device, kind]);

  if (device) return <>{children(device)}</>;
  if (!checked) return <div className="pairing">{text.checking}</div>;

  const pairHere = async () => {
    if (!pairing) return;
    try {
      await api('POST', '/api/v1/devices/confirm', { code: pairing.code, ...(kind === 'rating' ? { counterId } : {}) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="pairing">
      <LangSwitch />
      <h1>{text.title}</h1>
      <p>{fill(text.instructions, { kind: text[kind] })}</p>
      {pairing && (
        <>
          <p className="pairing-code" data-testid="pairing-code" aria-label={pairing.code.split('').join(' ')}>
            {pairing.code}
          </p>
          <p>{fill(text.expires, { time: new Date(pairing.expiresAt).toLocaleTimeString() })}</p>
        </>
      )}
      {manager && pairing && (
        <div className="pairing-here">
          {kind === 'rating' && (
            <label>
              {text.chooseCounter}{' '}
              <select value={counterId} onChange={(e) => setCounterId(e.target.value)}>
                <option value="" />
                {counters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {text.counter} {c.number} – {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" onClick={() => void pairHere()} disabled={kind === 'rating' && !counterId}>
            {text.pairHere}
          </button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </main>
  );
}
