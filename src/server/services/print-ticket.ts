/**
 * Prints an issued ticket on the kiosk's network thermal printer (ESC/POS over TCP 9100). A kiosk
 * without a printer, or a printer that fails, falls back to the browser's 80 mm HTML slip; the
 * ticket is issued either way.
 */
import type { Settings } from '../../contracts/api';
import { findDevice } from '../../db/repositories/device.repository';
import { findCentre } from '../../db/repositories/reference.repository';
import { buildTicketSlipEscPos } from '../printing/escpos';
import { sendToNetworkPrinter } from '../printing/network-printer';
import type { TicketSlip } from '../printing/ticket-slip';
import type { Actor, ServiceContext } from './context';
import type { IssuedTicketResult } from './issue-ticket';

export interface PrintOutcome {
  status: 'printed' | 'failed' | 'no-printer';
  printer: string | null;
  message: string | null;
}

const PRINT_TIMEOUT_MS = 4000;

export async function buildTicketSlip(
  ctx: ServiceContext,
  issued: IssuedTicketResult,
  trackUrl: string,
  lang: 'vi' | 'en',
  settings?: Settings,
): Promise<TicketSlip> {
  const ticket = issued.ticket;
  const [centre, hall] = await Promise.all([findCentre(ctx.db, ticket.centreId), ctx.hall.get(ctx.db, ticket.centreId)]);
  const group = ticket.priorityGroupId ? hall.priorityGroups.get(ticket.priorityGroupId) : undefined;
  const resolved = settings ?? hall.settings;
  return {
    centreName: centre?.name ?? '',
    centreAddress: centre?.address ?? null,
    displayNumber: ticket.displayNumber,
    fieldName: issued.fieldName,
    counterNumbers: issued.counterNumbers,
    priorityLabel: group ? `${lang === 'en' ? 'Priority' : 'Ưu tiên'}: ${lang === 'en' ? group.nameEn : group.nameVi}` : null,
    issuedAt: ticket.issuedAt,
    peopleAhead: issued.peopleAhead,
    estimatedWaitMinutes: issued.estimatedWaitSeconds === null ? null : Math.max(1, Math.round(issued.estimatedWaitSeconds / 60)),
    trackUrl,
    footerLines: resolved.slipFooter,
    lang,
  };
}

export async function printIssuedTicket(
  ctx: ServiceContext,
  actor: Actor,
  issued: IssuedTicketResult,
  trackUrl: string,
  lang: 'vi' | 'en',
): Promise<PrintOutcome> {
  if (actor.kind !== 'device' || !actor.printerId) return { status: 'no-printer', printer: null, message: null };
  const printer = await findDevice(ctx.db, actor.centreId, actor.printerId);
  if (!printer || printer.kind !== 'printer' || !printer.host || printer.revokedAt) {
    return { status: 'no-printer', printer: null, message: null };
  }
  try {
    const slip = await buildTicketSlip(ctx, issued, trackUrl, lang);
    const data = await buildTicketSlipEscPos(slip, { paperWidthMm: printer.paperWidthMm === 58 ? 58 : 80 });
    await sendToNetworkPrinter(printer.host, printer.port ?? 9100, data, { timeoutMs: PRINT_TIMEOUT_MS });
    return { status: 'printed', printer: printer.name, message: null };
  } catch (error) {
    return { status: 'failed', printer: printer.name, message: error instanceof Error ? error.message : String(error) };
  }
}
