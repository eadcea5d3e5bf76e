/**
 * Devices: confirming the six-digit code a hall screen shows, re-assigning a device, and adding a
 * network thermal printer. Which inputs apply depends on the kind of screen:
 *   kiosk   → optional printer for its slips;
 *   display → nothing but a name;
 *   rating  → the counter it rates (required).
 */
import type { Device } from '../../contracts/api';
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
}
export interface PrinterBody {
  name: string;
  host: string;
  port: number;
  paperWidthMm: 58 | 80;
}

export function usesCounter(kind: Device['kind']): boolean {
  return kind === 'rating';
}

export function usesPrinter(kind: Device['kind']): boolean {
  return kind === 'kiosk';
}

export interface PairingDraft {
  code: string;
  kind: ScreenKind;
  name: string;
  counterId: string;
  printerId: string;
}

export type PairingHintCode = 'pairing-code-format' | 'counter-required' | 'too-long';
export type PairingHints = Partial<Record<'code' | 'counterId' | 'name', PairingHintCode>>;

export function emptyPairingDraft(kind: ScreenKind = 'display'): PairingDraft {
  return { code: '', kind, name: '', counterId: '', printerId: '' };
}

/** Spaces and dashes people type while reading the code off the screen are dropped. */
export function normalisePairingCode(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

export function draftToConfirmBody(draft: PairingDraft): { ok: true; body: ConfirmPairingBody } | { ok: false; hints: PairingHints } {
  const hints: PairingHints = {};
  const code = normalisePairingCode(draft.code);
  if (!/^\d{6}$/.test(code)) hints.code = 'pairing-code-format';
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
}

export function deviceToEditDraft(device: Device): DeviceEditDraft {
  return { name: device.name, counterId: device.counterId ?? '', printerId: device.printerId ?? '' };
}

export function draftToDeviceUpdate(
  device: Pick<Device, 'kind'>,
  draft: DeviceEditDraft,
): { ok: true; body: DeviceUpdateBody } | { ok: false; hints: Partial<Record<'name' | 'counterId', 'required' | 'too-long' | 'counter-required'>> } {
  const name = draft.name.trim();
  if (!name) return { ok: false, hints: { name: 'required' } };
  if (name.length > 200) return { ok: false, hints: { name: 'too-long' } };
  if (usesCounter(device.kind) && !draft.counterId) return { ok: false, hints: { counterId: 'counter-required' } };
  const body: DeviceUpdateBody = { name };
  if (usesCounter(device.kind)) body.counterId = draft.counterId;
  if (usesPrinter(device.kind)) body.printerId = draft.printerId || null;
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
  const host = draft.host.trim();
  if (!host) hints.host = 'required';
  else if (!/^[A-Za-z0-9.-]{1,253}$/.test(host)) hints.host = 'host-format';
  const port = parseWhole(draft.port);
  if (port === null) hints.port = 'required';
  else if (!Number.isInteger(port) || port < 1 || port > 65535) hints.port = 'port-range';
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return { ok: true, body: { name, host, port: port!, paperWidthMm: draft.paperWidthMm === '58' ? 58 : 80 } };
}
