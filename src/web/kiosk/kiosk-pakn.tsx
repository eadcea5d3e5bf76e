/**
 * The kiosk's way to complaints and suggestions: a QR code on the idle screen that opens the public
 * page (/phan-anh?from=kiosk) on the citizen's phone. The kiosk is touchless for typing — nobody
 * should write a complaint on a shared screen in the middle of the hall.
 */
import { useText, type Dictionary } from '../shared/i18n';
import { QrCode } from './qr-code';
import './kiosk-pakn.css';

const TEXT: Dictionary<'title' | 'scan'> = {
  vi: { title: 'Phản ánh, kiến nghị', scan: 'Quét mã bằng điện thoại để gửi' },
  en: { title: 'Complaints and suggestions', scan: 'Scan with your phone to send one' },
};

/** The public page on the address citizens' phones reach: the configured one, else this kiosk's. */
export function paknUrl(publicBaseUrl: string, origin: string): string {
  try {
    return new URL('/phan-anh?from=kiosk', publicBaseUrl || origin).href;
  } catch {
    return `${origin}/phan-anh?from=kiosk`;
  }
}

export function KioskPaknEntry({ publicBaseUrl }: { publicBaseUrl: string }) {
  const text = useText(TEXT);
  return (
    <aside className="kiosk-pakn" data-testid="kiosk-pakn">
      <QrCode className="kiosk-pakn-qr" text={paknUrl(publicBaseUrl, location.origin)} label={`${text.title}: ${text.scan}`} />
      <span className="kiosk-pakn-text">
        <strong>{text.title}</strong>
        <span>{text.scan}</span>
      </span>
    </aside>
  );
}
