/**
 * Devices: confirming the six-digit code a hall screen shows, re-assigning a device, and adding or
 * changing a network thermal printer. Which inputs apply depends on the kind of screen, which the
 * console learns from the code itself (GET /devices/pairing/by-code/:code) once six digits are in:
 *   kiosk   → optional printer for its slips;
 *   display → nothing but a name;
 *   rating  → the counter it rates (required).
 */
import type { Device, PendingPairing } from '../../contracts/api';
import { parseWhole } from './format';

export type ScreenKind = 'kiosk' | 'display' | 'rating';

/** Bodies of POST /devices/confirm, PATCH /manage/devices/:id and POST /manage/printers. */
export interface ConfirmPairingBody {
  code: string;
  name?: string;
  counterId?: string | null;
  printerId?: string | null;
}
export interface DeviceUpdateBody {
  name?: string;
  counterId?: string | null;
  printerId?: string | null;
  host?: string;
  port?: number;
  paperWidthMm?: 58 | 80;
}
export interface PrinterBody {
  name: string;
  host: string;
  port: number;
  paperWidthMm: 58 | 80;
}

export function usesCounter(kind: Device['kind'] | null): boolean {
  return kind === 'rating';
}

export function usesPrinter(kind: Device['kind'] | null): boolean {
  return kind === 'kiosk';
}

export interface PairingDraft {
  code: string;
  /** Chosen by hand; the kind read from the code takes precedence (see pairingKind). */
  kind: ScreenKind | null;
  name: string;
  counterId: string;
  printerId: string;
}

export type PairingHintCode = 'pairing-code-format' | 'counter-required' | 'kind-required' | 'too-long';
export type PairingHints = Partial<Record<'code' | 'kind' | 'counterId' | 'name', PairingHintCode>>;

export function emptyPairingDraft(kind: ScreenKind | null = null): PairingDraft {
  return { code: '', kind, name: '', counterId: '', printerId: '' };
}

/** Spaces and dashes people type while reading the code off the screen are dropped. */
export function normalisePairingCode(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

/** The code to look up once the operator has typed all six digits (spaces and dashes allowed), else null. */
export function pairingCodeToLookUp(text: string): string | null {
  const code = normalisePairingCode(text);
  return /^\d{6}$/.test(code) ? code : null;
}

/** What the console knows about the screen behind the code being typed. */
export type PairingLookup =
  | { state: 'idle' }
  | { state: 'checking'; code: string }
  | { state: 'found'; code: string; pending: PendingPairing }
  | { state: 'failed'; code: string; message: string };

/** The lookup that applies to what is typed now: one for another code no longer counts. */
export function lookupFor(lookup: PairingLookup, typed: string): PairingLookup {
  const code = pairingCodeToLookUp(typed);
  if (lookup.state === 'idle' || code === null || lookup.code !== code) return { state: 'idle' };
  return lookup;
}

/**
 * The kind of screen the code belongs to once the server has said so (the operator no longer
 * chooses it); until then, or if the look-up failed, what the operator picked, if anything.
 */
export function pairingKind(draft: Pick<PairingDraft, 'code' | 'kind'>, lookup: PairingLookup): ScreenKind | null {
  const current = lookupFor(lookup, draft.code);
  return current.state === 'found' ? current.pending.kind : draft.kind;
}

export function draftToConfirmBody(draft: PairingDraft): { ok: true; body: ConfirmPairingBody } | { ok: false; hints: PairingHints } {
  const hints: PairingHints = {};
  const code = normalisePairingCode(draft.code);
  if (!/^\d{6}$/.test(code)) hints.code = 'pairing-code-format';
  else if (draft.kind === null) hints.kind = 'kind-required';
  if (usesCounter(draft.kind) && !draft.counterId) hints.counterId = 'counter-required';
  const name = draft.name.trim();
  if (name.length > 200) hints.name = 'too-long';
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  const body: ConfirmPairingBody = { code };
  if (name) body.name = name;
  if (usesCounter(draft.kind)) body.counterId = draft.counterId;
  if (usesPrinter(draft.kind) && draft.printerId) body.printerId = draft.printerId;
  return { ok: true, body };
}

export interface DeviceEditDraft {
  name: string;
  counterId: string;
  printerId: string;
  /** Printers only. */
  host: string;
  port: string;
  paperWidthMm: '58' | '80';
}

export type DeviceEditHintCode = 'required' | 'too-long' | 'counter-required' | 'host-format' | 'port-range';
export type DeviceEditHints = Partial<Record<'name' | 'counterId' | 'host' | 'port', DeviceEditHintCode>>;

export function deviceToEditDraft(device: Device): DeviceEditDraft {
  return {
    name: device.name,
    counterId: device.counterId ?? '',
    printerId: device.printerId ?? '',
    host: device.host ?? '',
    port: device.port === null ? '9100' : String(device.port),
    paperWidthMm: device.paperWidthMm === 58 ? '58' : '80',
  };
}

/** A printer's address and port as typed, checked the way the server checks them. */
function printerAddress(hostText: string, portText: string): { host: string; port: number | null; hints: Pick<PrinterHints, 'host' | 'port'> } {
  const hints: Pick<PrinterHints, 'host' | 'port'> = {};
  const host = hostText.trim();
  if (!host) hints.host = 'required';
  else if (!/^[A-Za-z0-9.-]{1,253}$/.test(host)) hints.host = 'host-format';
  const port = parseWhole(portText);
  if (port === null) hints.port = 'required';
  else if (!Number.isInteger(port) || port < 1 || port > 65535) hints.port = 'port-range';
  return { host, port: hints.port ? null : port, hints };
}

export function draftToDeviceUpdate(
  device: Pick<Device, 'kind'>,
  draft: DeviceEditDraft,
): { ok: true; body: DeviceUpdateBody } | { ok: false; hints: DeviceEditHints } {
  const hints: DeviceEditHints = {};
  const name = draft.name.trim();
  if (!name) hints.name = 'required';
  else if (name.length > 200) hints.name = 'too-long';
  if (usesCounter(device.kind) && !draft.counterId) hints.counterId = 'counter-required';
  const address = device.kind === 'printer' ? printerAddress(draft.host, draft.port) : null;
  if (address) Object.assign(hints, address.hints);
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  const body: DeviceUpdateBody = { name };
  if (usesCounter(device.kind)) body.counterId = draft.counterId;
  if (usesPrinter(device.kind)) body.printerId = draft.printerId || null;
  if (address) {
    body.host = address.host;
    body.port = address.port!;
    body.paperWidthMm = draft.paperWidthMm === '58' ? 58 : 80;
  }
  return { ok: true, body };
}

export interface PrinterDraft {
  name: string;
  host: string;
  port: string;
  paperWidthMm: '58' | '80';
}

export type PrinterHintCode = 'required' | 'too-long' | 'host-format' | 'port-range';
export type PrinterHints = Partial<Record<'name' | 'host' | 'port', PrinterHintCode>>;

export function emptyPrinterDraft(): PrinterDraft {
  return { name: '', host: '', port: '9100', paperWidthMm: '80' };
}

export function draftToPrinterBody(draft: PrinterDraft): { ok: true; body: PrinterBody } | { ok: false; hints: PrinterHints } {
  const hints: PrinterHints = {};
  const name = draft.name.trim();
  if (!name) hints.name = 'required';
  else if (name.length > 200) hints.name = 'too-long';
  const address = printerAddress(draft.host, draft.port);
  Object.assign(hints, address.hints);
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return { ok: true, body: { name, host: address.host, port: address.port!, paperWidthMm: draft.paperWidthMm === '58' ? 58 : 80 } };
}
