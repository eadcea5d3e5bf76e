/** What anyone may see without signing in: a ticket by its unguessable code, and its slip. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicTicket } from '../../contracts/api';
import { PublicDossier } from '../../contracts/dossier';
import { lookupDossier } from '../services/dossiers';
import { pickLang } from '../../contracts/lang';
import { findTicketByCode, rowToTicket } from '../../db/repositories/ticket.repository';
import { renderTicketSlipHtml } from '../printing/ticket-slip.html';
import { SseConnection } from '../realtime/event-stream';
import { cancelTicketByCode } from '../services/act-on-ticket';
import { buildTicketSlip } from '../services/print-ticket';
import { getPublicTicket } from '../services/public-ticket';
import { AppError } from '../../core/shared/app-error';
import { errors } from './schemas';
import { trackUrlFor } from './tickets.routes';

const CodeParams = z.object({ code: z.string().regex(/^[0-9A-Z]{6,16}$/, 'ticket code') });
/** Position updates are coalesced: a busy hall changes many times a second. */
const REFRESH_DELAY_MS = 300;

export async function publicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** /lookup: a dossier by the code on its slip; nothing personal beyond initials. */
  app.get(
    '/dossiers/:code',
    {
      schema: {
        params: z.object({ code: z.string().trim().toUpperCase().regex(/^[0-9A-Z.]{2,40}-\d{6}-\d{4}$/, 'mã hồ sơ, ví dụ 000.00.16.H26-261126-0001') }),
        querystring: z.object({ lang: z.enum(['vi', 'en']).optional() }),
        response: { 200: PublicDossier, ...errors },
      },
    },
    async (request) => lookupDossier(app.deps.ctx, request.params.code, pickLang(request.query.lang, request.headers['accept-language'] ?? null)),
  );

  app.get(
    '/tickets/:code',
    { schema: { params: CodeParams, response: { 200: PublicTicket, ...errors } } },
    async (request) => getPublicTicket(app.deps.ctx, request.params.code),
  );

  app.post(
    '/tickets/:code/cancel',
    { schema: { params: CodeParams, response: { 200: PublicTicket, ...errors } } },
    async (request) => {
      await cancelTicketByCode(app.deps.ctx, request.params.code);
      return getPublicTicket(app.deps.ctx, request.params.code);
    },
  );

  /** The 80 mm slip as a printable page, for kiosks without a network printer. */
  app.get(
    '/tickets/:code/slip',
    {
      schema: {
        params: CodeParams,
        querystring: z.object({ print: z.enum(['0', '1']).optional(), lang: z.enum(['vi', 'en']).optional() }),
      },
    },
    async (request, reply) => {
      const { ctx } = app.deps;
      const row = await findTicketByCode(ctx.db, request.params.code);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
      const lang = pickLang(request.query.lang, null);
      const ticket = rowToTicket(row);
      const [hall, view] = await Promise.all([ctx.hall.get(ctx.db, ticket.centreId), getPublicTicket(ctx, ticket.code)]);
      const field = hall.fields.get(ticket.fieldId);
      const counters = hall.countersServing(ticket.fieldId);
      const slip = await buildTicketSlip(
        ctx,
        {
          ticket,
          fieldName: (lang === 'en' ? field?.nameEn : field?.nameVi) ?? '',
          counterNumbers: counters.map((c) => c.number),
          peopleAhead: view.peopleAhead,
          estimatedWaitSeconds: view.estimatedWaitSeconds,
        },
        await trackUrlFor(request, ticket.centreId, ticket.code),
        lang,
      );
      const html = await renderTicketSlipHtml(slip, { autoPrint: request.query.print === '1' });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );

  /** Live updates for the phone page: a fresh view whenever the queue it stands in moves. */
  app.get('/tickets/:code/stream', { schema: { params: CodeParams, response: { ...errors } } }, async (request, reply) => {
    const { ctx, events, streams } = app.deps;
    const row = await findTicketByCode(ctx.db, request.params.code);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    reply.hijack();
    let timer: NodeJS.Timeout | null = null;
    let unsubscribe: (() => void) | null = null;
    let last = '';
    const connection = new SseConnection(reply.raw, () => {
      streams.delete(connection);
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    });
    streams.add(connection);
    const refresh = async () => {
      timer = null;
      try {
        const view = await getPublicTicket(ctx, row.code);
        const json = JSON.stringify(view);
        if (json !== last) {
          last = json;
          connection.send('ticket', view);
        }
      } catch (error) {
        request.log.warn({ err: error }, 'ticket stream refresh failed');
      }
    };
    const remove = await events.subscribe(
      {
        centreId: row.centreId,
        onEvent: (e) => {
          if (!e.type.startsWith('ticket.') && !e.type.startsWith('counter.')) return;
          timer ??= setTimeout(() => void refresh(), REFRESH_DELAY_MS);
        },
      },
      null,
    );
    if (!streams.has(connection)) remove();
    else unsubscribe = remove;
    await refresh();
  });
}
