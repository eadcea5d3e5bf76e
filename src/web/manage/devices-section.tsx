/**
 * Thiết bị: the screens of the hall (kiosks, display boards, rating screens) and the network
 * thermal printers. A screen opened at /kiosk, /display or /rate shows a six-digit code; it is
 * confirmed here, and the kind of screen is read from the code as soon as its six digits are typed.
 * Printers have no screen: they are added by address, changed in place and checked with a test print.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Device, PendingPairing } from '../../contracts/api';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import {
  deviceToEditDraft,
  draftToConfirmBody,
  draftToDeviceUpdate,
  draftToPrinterBody,
  emptyPairingDraft,
  emptyPrinterDraft,
  lookupFor,
  pairingCodeToLookUp,
  pairingKind,
  usesCounter,
  usesPrinter,
  type DeviceEditDraft,
  type DeviceEditHints,
  type PairingDraft,
  type PairingHints,
  type PairingLookup,
  type PrinterDraft,
  type PrinterHints,
  type ScreenKind,
} from './device-form';
import { formatDateTime, HALL_TIME_ZONE } from './format';
import { COMMON, DEVICE_KIND_LABELS, hintText } from './manage-text';
import type { SectionProps } from './section-props';
import { errorMessage, FormError, FormFooter, Modal, Notice, SelectField, TextField, useAction, useConfirm } from './ui';

const TEXT: Dictionary<
  | 'pairTitle'
  | 'pairIntro'
  | 'code'
  | 'codeHelp'
  | 'kindLegend'
  | 'kindKiosk'
  | 'kindDisplay'
  | 'kindRating'
  | 'name'
  | 'nameHelp'
  | 'counter'
  | 'counterHelp'
  | 'chooseCounter'
  | 'printer'
  | 'printerHelp'
  | 'noPrinter'
  | 'confirm'
  | 'paired'
  | 'kindHelp'
  | 'typeAllDigits'
  | 'checking'
  | 'waitingToPair'
  | 'screenCalls'
  | 'validUntil'
  | 'screensTitle'
  | 'kind'
  | 'assigned'
  | 'pairedAt'
  | 'lastSeen'
  | 'never'
  | 'revoked'
  | 'inUse'
  | 'revoke'
  | 'revokeConfirm'
  | 'revokedNotice'
  | 'noScreens'
  | 'refresh'
  | 'printersTitle'
  | 'printersIntro'
  | 'addPrinter'
  | 'host'
  | 'printerName'
  | 'hostHelp'
  | 'port'
  | 'paper'
  | 'address'
  | 'testPrint'
  | 'testing'
  | 'testOk'
  | 'printerAdded'
  | 'noPrinters'
  | 'editTitle'
  | 'updated'
  | 'usedBy'
  | 'printerEditHelp'
  | 'retire'
  | 'retireConfirm'
> = {
  vi: {
    pairTitle: 'Ghép nối màn hình mới',
    pairIntro:
      'Mở trang /kiosk, /display hoặc /rate trên thiết bị cần dùng: màn hình sẽ hiện một mã 6 chữ số (hiệu lực 15 phút). Nhập mã đó vào đây.',
    code: 'Mã ghép nối',
    codeHelp: '6 chữ số hiện trên màn hình thiết bị.',
    kindLegend: 'Loại màn hình',
    kindKiosk: 'Máy lấy số — có thể chọn máy in nhiệt để in phiếu',
    kindDisplay: 'Màn hình gọi số — chỉ cần đặt tên',
    kindRating: 'Màn hình đánh giá — bắt buộc chọn quầy được đánh giá',
    name: 'Tên thiết bị',
    nameHelp: 'Không bắt buộc, ví dụ "Màn hình sảnh chính".',
    counter: 'Quầy',
    counterHelp: 'Màn hình đánh giá đặt tại quầy này.',
    chooseCounter: '— Chọn quầy —',
    printer: 'Máy in phiếu',
    printerHelp: 'Không bắt buộc. Không chọn: phiếu in qua trình duyệt của máy lấy số.',
    noPrinter: '— Không dùng máy in mạng —',
    confirm: 'Xác nhận ghép nối',
    paired: 'Đã ghép nối {kind} "{name}". Thiết bị sẽ tự hoạt động sau vài giây.',
    kindHelp: 'Nhận biết tự động từ mã ghép nối, không cần chọn.',
    typeAllDigits: 'Nhập đủ 6 chữ số để biết màn hình nào đang chờ ghép nối.',
    checking: 'Đang kiểm tra mã…',
    waitingToPair: '{kind} đang chờ ghép nối.',
    screenCalls: 'Tên do màn hình gửi: "{name}".',
    validUntil: 'Mã còn hiệu lực đến {time}.',
    screensTitle: 'Màn hình đã ghép nối',
    kind: 'Loại',
    assigned: 'Gắn với',
    pairedAt: 'Ghép nối lúc',
    lastSeen: 'Kết nối gần nhất',
    never: 'Chưa kết nối',
    revoked: 'Đã thu hồi',
    inUse: 'Đang dùng',
    revoke: 'Thu hồi',
    revokeConfirm: 'Thu hồi thiết bị "{name}"? Thiết bị ngừng hoạt động ngay và phải ghép nối lại bằng mã mới.',
    revokedNotice: 'Đã thu hồi "{name}".',
    noScreens: 'Chưa có màn hình nào được ghép nối.',
    refresh: 'Làm mới',
    printersTitle: 'Máy in nhiệt qua mạng',
    printersIntro: 'Máy in ESC/POS nối mạng LAN (cổng 9100). Sau khi thêm, bấm "In thử" để kiểm tra tiếng Việt có dấu.',
    addPrinter: 'Thêm máy in',
    host: 'Địa chỉ IP',
    printerName: 'Tên máy in',
    hostHelp: 'Ví dụ 192.168.1.50.',
    port: 'Cổng',
    paper: 'Khổ giấy',
    address: 'Địa chỉ',
    testPrint: 'In thử',
    testing: 'Đang in…',
    testOk: 'Đã gửi trang in thử tới "{name}". Hãy kiểm tra tờ in có đủ dấu tiếng Việt.',
    printerAdded: 'Đã thêm máy in "{name}".',
    noPrinters: 'Chưa có máy in mạng nào.',
    editTitle: 'Sửa thiết bị "{name}"',
    updated: 'Đã lưu thiết bị "{name}".',
    usedBy: 'Máy lấy số dùng',
    printerEditHelp: 'Sau khi đổi địa chỉ, cổng hoặc khổ giấy, bấm "In thử" để kiểm tra.',
    retire: 'Ngừng dùng',
    retireConfirm: 'Ngừng dùng máy in "{name}"? Các máy lấy số đang gắn với máy in này sẽ cần chọn máy in khác.',
  },
  en: {
    pairTitle: 'Pair a new screen',
    pairIntro: 'Open /kiosk, /display or /rate on the device: it shows a six-digit code (valid 15 minutes). Enter that code here.',
    code: 'Pairing code',
    codeHelp: 'The six digits shown on the device.',
    kindLegend: 'Kind of screen',
    kindKiosk: 'Kiosk — may use a thermal printer for slips',
    kindDisplay: 'Display board — needs only a name',
    kindRating: 'Rating screen — choose the counter it rates (required)',
    name: 'Device name',
    nameHelp: 'Optional, e.g. "Main hall board".',
    counter: 'Counter',
    counterHelp: 'The rating screen stands at this counter.',
    chooseCounter: '— Choose a counter —',
    printer: 'Slip printer',
    printerHelp: 'Optional. None: the kiosk prints slips through its browser.',
    noPrinter: '— No network printer —',
    confirm: 'Confirm pairing',
    paired: 'Paired {kind} "{name}". The device starts working in a few seconds.',
    kindHelp: 'Detected from the pairing code; nothing to choose.',
    typeAllDigits: 'Type all six digits to see which screen is waiting to be paired.',
    checking: 'Checking the code…',
    waitingToPair: 'A {kind} is waiting to be paired.',
    screenCalls: 'Name sent by the screen: "{name}".',
    validUntil: 'The code is valid until {time}.',
    screensTitle: 'Paired screens',
    kind: 'Kind',
    assigned: 'Assigned to',
    pairedAt: 'Paired',
    lastSeen: 'Last seen',
    never: 'Never',
    revoked: 'Revoked',
    inUse: 'In use',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke device "{name}"? It stops working at once and must be paired again with a new code.',
    revokedNotice: '"{name}" revoked.',
    noScreens: 'No screen is paired yet.',
    refresh: 'Refresh',
    printersTitle: 'Network thermal printers',
    printersIntro: 'ESC/POS printers on the LAN (port 9100). After adding one, use "Test print" to check Vietnamese accents.',
    addPrinter: 'Add printer',
    host: 'IP address',
    printerName: 'Printer name',
    hostHelp: 'E.g. 192.168.1.50.',
    port: 'Port',
    paper: 'Paper width',
    address: 'Address',
    testPrint: 'Test print',
    testing: 'Printing…',
    testOk: 'Test page sent to "{name}". Check that the Vietnamese accents printed.',
    printerAdded: 'Printer "{name}" added.',
    noPrinters: 'No network printer yet.',
    editTitle: 'Edit device "{name}"',
    updated: 'Device "{name}" saved.',
    usedBy: 'Used by kiosks',
    printerEditHelp: 'After changing the address, port or paper width, use "Test print" to check.',
    retire: 'Retire',
    retireConfirm: 'Retire printer "{name}"? Kiosks using it will need another printer.',
  },
};

export function DevicesSection({ info }: SectionProps) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [editing, setEditing] = useState<Device | null>(null);
  /** What was just done, shown in the card of the screens or of the printers it concerns. */
  const [notice, setNotice] = useState<{ text: string; printers: boolean } | null>(null);
  const [revoking, setRevoking] = useState<'screen' | 'printer'>('screen');
  const list = useAction();
  const revokeAction = useAction();
  const { confirm, dialog } = useConfirm();

  const load = useCallback(() => list.run(async () => setDevices((await api<{ devices: Device[] }>('GET', '/api/v1/manage/devices')).devices)), [list.run]);
  useEffect(() => {
    void load();
  }, [load]);

  const counterLabel = (id: string | null) => {
    const c = info.counters.find((x) => x.id === id);
    return c ? `${common.counter} ${c.number}` : null;
  };
  const printers = (devices ?? []).filter((d) => d.kind === 'printer');
  const activePrinters = printers.filter((p) => !p.revoked);
  const printerName = (id: string | null) => printers.find((p) => p.id === id)?.name ?? null;
  const screens = (devices ?? [])
    .filter((d) => d.kind !== 'printer')
    .sort((a, b) => Number(a.revoked) - Number(b.revoked) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));

  const revoke = async (device: Device) => {
    setNotice(null);
    const isPrinter = device.kind === 'printer';
    setRevoking(isPrinter ? 'printer' : 'screen');
    const message = fill(isPrinter ? text.retireConfirm : text.revokeConfirm, { name: device.name });
    if (!(await confirm(message, isPrinter ? text.retire : text.revoke))) return;
    const ok = await revokeAction.run(async () => {
      await api('POST', `/api/v1/manage/devices/${device.id}/revoke`);
      setDevices((await api<{ devices: Device[] }>('GET', '/api/v1/manage/devices')).devices);
    });
    if (ok) setNotice({ text: fill(text.revokedNotice, { name: device.name }), printers: isPrinter });
  };

  return (
    <div className="m-stack">
      <PairingCard
        counters={info.counters.filter((c) => c.active)}
        printers={activePrinters}
        onPaired={() => void load()}
      />

      <section className="m-card" aria-labelledby="m-screens">
        <div className="m-card-head">
          <h2 id="m-screens">{text.screensTitle}</h2>
          <button type="button" onClick={() => void load()} disabled={list.busy}>
            {text.refresh}
          </button>
        </div>
        <FormError error={list.error} />
        <FormError error={revoking === 'screen' ? revokeAction.error : null} />
        {notice && !notice.printers && <Notice>{notice.text}</Notice>}
        {devices === null ? (
          !list.error && <p>{common.loading}</p>
        ) : screens.length === 0 ? (
          <p className="m-muted">{text.noScreens}</p>
        ) : (
          <div className="m-table-wrap">
            <table className="m-table" data-testid="devices-table">
              <thead>
                <tr>
                  <th scope="col">{text.kind}</th>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.assigned}</th>
                  <th scope="col">{text.pairedAt}</th>
                  <th scope="col">{text.lastSeen}</th>
                  <th scope="col">{common.status}</th>
                  <th scope="col">
                    <span className="visually-hidden">{common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {screens.map((d) => (
                  <tr key={d.id} className={d.revoked ? 'm-dim' : undefined}>
                    <td>{DEVICE_KIND_LABELS[d.kind][lang]}</td>
                    <th scope="row">{d.name}</th>
                    <td>
                      {usesCounter(d.kind) && (counterLabel(d.counterId) ?? <span className="m-warn-text">{text.chooseCounter}</span>)}
                      {usesPrinter(d.kind) && (printerName(d.printerId) ?? <span className="m-muted">{text.noPrinter}</span>)}
                      {!usesCounter(d.kind) && !usesPrinter(d.kind) && common.none}
                    </td>
                    <td className="m-nowrap">{formatDateTime(d.pairedAt, lang)}</td>
                    <td className="m-nowrap">{d.lastSeenAt ? formatDateTime(d.lastSeenAt, lang) : <span className="m-muted">{text.never}</span>}</td>
                    <td>
                      <span className={`m-badge ${d.revoked ? 'm-badge-off' : 'm-badge-ok'}`}>{d.revoked ? text.revoked : text.inUse}</span>
                    </td>
                    <td className="m-actions">
                      {!d.revoked && (
                        <>
                          <button
                            type="button"
                            onClick={() => {
                              setNotice(null);
                              setEditing(d);
                            }}
                            aria-label={`${common.edit} ${d.name}`}
                          >
                            {common.edit}
                          </button>
                          <button type="button" className="m-danger-link" onClick={() => void revoke(d)} aria-label={`${text.revoke} ${d.name}`}>
                            {text.revoke}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <PrintersCard
        printers={printers}
        kiosks={screens.filter((s) => s.kind === 'kiosk' && !s.revoked)}
        onChanged={() => void load()}
        onEdit={(p) => {
          setNotice(null);
          setEditing(p);
        }}
        onRetire={(p) => void revoke(p)}
        outcome={notice?.printers ? notice.text : null}
        clearOutcome={() => setNotice(null)}
        retireError={revoking === 'printer' ? revokeAction.error : null}
      />

      {editing && (
        <DeviceEditor
          device={editing}
          counters={info.counters}
          printers={activePrinters}
          onClose={() => setEditing(null)}
          onSaved={async (name) => {
            const isPrinter = editing.kind === 'printer';
            await load();
            setEditing(null);
            setNotice({ text: fill(text.updated, { name }), printers: isPrinter });
          }}
        />
      )}
      {dialog}
    </div>
  );
}

function counterOptions(counters: SectionProps['info']['counters'], placeholder: string) {
  return [{ value: '', label: placeholder }, ...[...counters].sort((a, b) => a.number - b.number).map((c) => ({ value: c.id, label: `${c.number} – ${c.name}` }))];
}

function PairingCard({
  counters,
  printers,
  onPaired,
}: {
  counters: SectionProps['info']['counters'];
  printers: Device[];
  onPaired(): void;
}) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [draft, setDraft] = useState<PairingDraft>(() => emptyPairingDraft());
  const [hints, setHints] = useState<PairingHints>({});
  const [lookup, setLookup] = useState<PairingLookup>({ state: 'idle' });
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const detectId = useId();
  const set = <K extends keyof PairingDraft>(key: K, value: PairingDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  // Answers for a code that is no longer the one typed are dropped.
  const typed = useRef(draft.code);
  typed.current = draft.code;
  const lookUp = useCallback(async (code: string): Promise<PairingLookup> => {
    setLookup({ state: 'checking', code });
    let answer: PairingLookup;
    try {
      answer = { state: 'found', code, pending: await api<PendingPairing>('GET', `/api/v1/devices/pairing/by-code/${code}`) };
    } catch (e) {
      answer = { state: 'failed', code, message: errorMessage(e) };
    }
    if (pairingCodeToLookUp(typed.current) === code) setLookup(answer);
    return answer;
  }, []);

  // As soon as the six digits are in, ask the server which screen shows them (again when the
  // language changes, so its message follows).
  const codeToLookUp = pairingCodeToLookUp(draft.code);
  useEffect(() => {
    if (codeToLookUp) void lookUp(codeToLookUp);
  }, [codeToLookUp, lang, lookUp]);

  const current = lookupFor(lookup, draft.code);
  const kind = pairingKind(draft, lookup);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setError(null);
    let known = current;
    // Enter pressed before the answer arrived: wait for it, the kind decides what is needed.
    if (codeToLookUp && known.state !== 'found') {
      known = await lookUp(codeToLookUp);
      if (known.state !== 'found') {
        setHints({});
        return; // the server's message is shown under the code
      }
    }
    const result = draftToConfirmBody({ ...draft, kind: known.state === 'found' ? known.pending.kind : draft.kind });
    if (!result.ok) {
      setHints(result.hints);
      return;
    }
    setHints({});
    const answer: { device?: Device } = {};
    const ok = await run(async () => {
      answer.device = await api<Device>('POST', '/api/v1/devices/confirm', result.body);
    });
    const paired = answer.device;
    if (!ok || !paired) return;
    setDone(fill(text.paired, { kind: DEVICE_KIND_LABELS[paired.kind][lang], name: paired.name }));
    setDraft(emptyPairingDraft());
    setLookup({ state: 'idle' });
    onPaired();
  };

  const kinds: { kind: ScreenKind; label: string }[] = [
    { kind: 'kiosk', label: text.kindKiosk },
    { kind: 'display', label: text.kindDisplay },
    { kind: 'rating', label: text.kindRating },
  ];
  const kindLabel = (k: ScreenKind) => (lang === 'en' ? DEVICE_KIND_LABELS[k].en.toLowerCase() : DEVICE_KIND_LABELS[k].vi);
  const codeHint = current.state === 'failed' ? current.message : hintText(hints.code, lang);

  return (
    <section className="m-card" aria-labelledby="m-pair">
      <h2 id="m-pair">{text.pairTitle}</h2>
      <p className="m-muted">{text.pairIntro}</p>
      <form className="m-form m-pair-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="m-pair">
        <TextField
          className="m-code-row"
          label={text.code}
          value={draft.code}
          onChange={(e) => {
            setDone(null);
            setHints((h) => ({ ...h, code: undefined, kind: undefined }));
            set('code', e.target.value);
          }}
          hint={codeHint}
          help={text.codeHelp}
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          placeholder="000000"
        />
        {/* Read out when it changes; a wrong code is also announced from here. */}
        <div className="m-detected" aria-live="polite" id={detectId} data-testid="pairing-detected" data-state={current.state}>
          {current.state === 'idle' && <span className="m-muted">{text.typeAllDigits}</span>}
          {current.state === 'checking' && <span className="m-muted">{text.checking}</span>}
          {current.state === 'failed' && <span className="visually-hidden">{current.message}</span>}
          {current.state === 'found' && (
            <p className="m-notice m-notice-info">
              <strong>{fill(text.waitingToPair, { kind: kindLabel(current.pending.kind) })}</strong>
              {current.pending.name && <> {fill(text.screenCalls, { name: current.pending.name })}</>}{' '}
              {fill(text.validUntil, { time: timeOfDay(current.pending.expiresAt, lang) })}
            </p>
          )}
        </div>
        <fieldset className="m-fieldset m-kinds" aria-describedby={detectId}>
          <legend>{text.kindLegend}</legend>
          <span className="m-help">{text.kindHelp}</span>
          {kinds.map((k) => (
            <label key={k.kind} className={kind === k.kind ? 'm-kind-on' : undefined}>
              {/* Shown, not chosen: only the kind read from the code is ticked (and focusable). */}
              <input type="radio" name="pair-kind" checked={kind === k.kind} disabled={kind !== k.kind} readOnly />
              {k.label}
            </label>
          ))}
          {hints.kind && <span className="m-hint">{hintText(hints.kind, lang)}</span>}
        </fieldset>
        <div className="m-grid m-grid-2">
          <TextField
            label={text.name}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            hint={hintText(hints.name, lang)}
            help={text.nameHelp}
            placeholder={current.state === 'found' ? (current.pending.name ?? undefined) : undefined}
          />
          {usesCounter(kind) && (
            <SelectField
              label={`${text.counter} *`}
              value={draft.counterId}
              onChange={(e) => set('counterId', e.target.value)}
              hint={hintText(hints.counterId, lang)}
              help={text.counterHelp}
              required
              options={counterOptions(counters, text.chooseCounter)}
            />
          )}
          {usesPrinter(kind) && (
            <SelectField
              label={text.printer}
              value={draft.printerId}
              onChange={(e) => set('printerId', e.target.value)}
              help={text.printerHelp}
              options={[{ value: '', label: text.noPrinter }, ...printers.map((p) => ({ value: p.id, label: `${p.name} (${p.host}:${p.port})` }))]}
            />
          )}
        </div>
        <FormFooter busy={busy} error={error} saveLabel={text.confirm} />
        {done && <Notice>{done}</Notice>}
      </form>
    </section>
  );
}

/** "10:42" in the hall's time zone. */
function timeOfDay(iso: string, lang: 'vi' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: HALL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(iso),
  );
}

function PrintersCard({
  printers,
  kiosks,
  onChanged,
  onEdit,
  onRetire,
  outcome,
  clearOutcome,
  retireError,
}: {
  printers: Device[];
  kiosks: Device[];
  onChanged(): void;
  onEdit(printer: Device): void;
  onRetire(printer: Device): void;
  /** A printer just changed or retired (told by the section). */
  outcome: string | null;
  clearOutcome(): void;
  retireError: string | null;
}) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<PrinterDraft>(emptyPrinterDraft);
  const [hints, setHints] = useState<PrinterHints>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const add = useAction();
  const test = useAction();
  const set = <K extends keyof PrinterDraft>(key: K, value: PrinterDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    clearOutcome();
    const result = draftToPrinterBody(draft);
    if (!result.ok) {
      setHints(result.hints);
      return;
    }
    setHints({});
    const ok = await add.run(async () => {
      await api<Device>('POST', '/api/v1/manage/printers', result.body);
    });
    if (ok) {
      setNotice(fill(text.printerAdded, { name: result.body.name }));
      setDraft(emptyPrinterDraft());
      onChanged();
    }
  };

  const testPrint = async (printer: Device) => {
    setNotice(null);
    clearOutcome();
    setTesting(printer.id);
    const ok = await test.run(async () => {
      await api('POST', `/api/v1/manage/printers/${printer.id}/test`);
    });
    setTesting(null);
    if (ok) setNotice(fill(text.testOk, { name: printer.name }));
  };

  return (
    <section className="m-card" aria-labelledby="m-printers">
      <h2 id="m-printers">{text.printersTitle}</h2>
      <p className="m-muted">{text.printersIntro}</p>
      <FormError error={test.error} />
      <FormError error={retireError} />
      {notice && <Notice>{notice}</Notice>}
      {outcome && <Notice>{outcome}</Notice>}
      {printers.length === 0 ? (
        <p className="m-muted">{text.noPrinters}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table" data-testid="printers-table">
            <thead>
              <tr>
                <th scope="col">{text.printerName}</th>
                <th scope="col">{text.address}</th>
                <th scope="col">{text.paper}</th>
                <th scope="col">{text.usedBy}</th>
                <th scope="col">{common.status}</th>
                <th scope="col">
                  <span className="visually-hidden">{common.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {printers.map((p) => {
                const users = kiosks.filter((k) => k.printerId === p.id).map((k) => k.name);
                return (
                  <tr key={p.id} className={p.revoked ? 'm-dim' : undefined}>
                    <th scope="row">{p.name}</th>
                    <td>
                      <code>
                        {p.host}:{p.port}
                      </code>
                    </td>
                    <td>{p.paperWidthMm ? `${p.paperWidthMm} mm` : '—'}</td>
                    <td>{users.length > 0 ? users.join(', ') : common.none}</td>
                    <td>
                      <span className={`m-badge ${p.revoked ? 'm-badge-off' : 'm-badge-ok'}`}>{p.revoked ? text.revoked : text.inUse}</span>
                    </td>
                    <td className="m-actions">
                      {!p.revoked && (
                        <>
                          <button type="button" onClick={() => void testPrint(p)} disabled={testing !== null} aria-label={`${text.testPrint} ${p.name}`}>
                            {testing === p.id ? text.testing : text.testPrint}
                          </button>
                          <button
                            type="button"
                            onClick={() => {
                              setNotice(null);
                              onEdit(p);
                            }}
                            aria-label={`${common.edit} ${p.name}`}
                          >
                            {common.edit}
                          </button>
                          <button
                            type="button"
                            className="m-danger-link"
                            onClick={() => {
                              setNotice(null);
                              onRetire(p);
                            }}
                            aria-label={`${text.retire} ${p.name}`}
                          >
                            {text.retire}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form className="m-form m-printer-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="m-add-printer">
        <h3 id="m-add-printer">{text.addPrinter}</h3>
        <div className="m-grid m-grid-printer">
          <TextField label={text.printerName} value={draft.name} onChange={(e) => set('name', e.target.value)} hint={hintText(hints.name, lang)} />
          <TextField
            label={text.host}
            value={draft.host}
            onChange={(e) => set('host', e.target.value)}
            hint={hintText(hints.host, lang)}
            help={text.hostHelp}
            autoComplete="off"
          />
          <TextField label={text.port} inputMode="numeric" value={draft.port} onChange={(e) => set('port', e.target.value)} hint={hintText(hints.port, lang)} />
          <fieldset className="m-fieldset m-paper">
            <legend>{text.paper}</legend>
            {(['80', '58'] as const).map((w) => (
              <label key={w}>
                <input type="radio" name="paper" checked={draft.paperWidthMm === w} onChange={() => set('paperWidthMm', w)} /> {w} mm
              </label>
            ))}
          </fieldset>
        </div>
        <FormFooter busy={add.busy} error={add.error} saveLabel={text.addPrinter} />
      </form>
    </section>
  );
}

function DeviceEditor({
  device,
  counters,
  printers,
  onClose,
  onSaved,
}: {
  device: Device;
  counters: SectionProps['info']['counters'];
  printers: Device[];
  onClose(): void;
  onSaved(name: string): Promise<void>;
}) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [draft, setDraft] = useState<DeviceEditDraft>(() => deviceToEditDraft(device));
  const [hints, setHints] = useState<DeviceEditHints>({});
  const { busy, error, run } = useAction();
  const set = <K extends keyof DeviceEditDraft>(key: K, value: DeviceEditDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToDeviceUpdate(device, draft);
    if (!result.ok) {
      setHints(result.hints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      await api('PATCH', `/api/v1/manage/devices/${device.id}`, result.body);
    });
    if (ok) await onSaved(result.body.name ?? device.name);
  };

  const title = fill(text.editTitle, { name: device.name });
  return (
    <Modal title={title} onClose={onClose}>
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <p className="m-muted">{DEVICE_KIND_LABELS[device.kind][lang]}</p>
        <TextField
          label={device.kind === 'printer' ? text.printerName : text.name}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          hint={hintText(hints.name, lang)}
          autoFocus
        />
        {usesCounter(device.kind) && (
          <SelectField
            label={`${text.counter} *`}
            value={draft.counterId}
            onChange={(e) => set('counterId', e.target.value)}
            hint={hintText(hints.counterId, lang)}
            help={text.counterHelp}
            required
            options={counterOptions(counters, text.chooseCounter)}
          />
        )}
        {usesPrinter(device.kind) && (
          <SelectField
            label={text.printer}
            value={draft.printerId}
            onChange={(e) => set('printerId', e.target.value)}
            help={text.printerHelp}
            options={[{ value: '', label: text.noPrinter }, ...printers.map((p) => ({ value: p.id, label: `${p.name} (${p.host}:${p.port})` }))]}
          />
        )}
        {device.kind === 'printer' && (
          <>
            <div className="m-grid m-grid-printer-edit">
              <TextField
                label={text.host}
                value={draft.host}
                onChange={(e) => set('host', e.target.value)}
                hint={hintText(hints.host, lang)}
                help={text.hostHelp}
                autoComplete="off"
              />
              <TextField label={text.port} inputMode="numeric" value={draft.port} onChange={(e) => set('port', e.target.value)} hint={hintText(hints.port, lang)} />
            </div>
            <fieldset className="m-fieldset m-paper">
              <legend>{text.paper}</legend>
              {(['80', '58'] as const).map((w) => (
                <label key={w}>
                  <input type="radio" name="edit-paper" checked={draft.paperWidthMm === w} onChange={() => set('paperWidthMm', w)} /> {w} mm
                </label>
              ))}
            </fieldset>
            <p className="m-help">{text.printerEditHelp}</p>
          </>
        )}
        <FormFooter busy={busy} error={error} onCancel={onClose} />
      </form>
    </Modal>
  );
}
