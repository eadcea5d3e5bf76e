import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Day, IssuedTicket, IssueTicketInput, TicketStatus, TicketView, TransferInput } from '../../contracts/api';
import { serviceDayOf } from '../../core/shared/local-time';
import { listTickets } from '../../db/repositories/ticket.repository';
import { actOnTicket, type TicketAction } from '../services/act-on-ticket';
import { takeTicket } from '../services/face-services';
import { describeHeldTicket } from '../services/public-ticket';
import { printIssuedTicket } from '../services/print-ticket';
import { toTicketView } from '../services/views';
import { actorOf, guard, OFFICERS } from './guard';
import { errors, IdParams } from './schemas';

const SIMPLE_ACTIONS = ['recall', 'start', 'finish', 'no-show', 'park', 'resume', 'reactivate', 'cancel'] as const;

/** The address printed in the QR code: the configured public base URL, else the request's own. */
export async function trackUrlFor(request: FastifyRequest, centreId: string, code: string): Promise<string> {
  const { ctx } = request.server.deps;
  const { settings } = await ctx.hall.get(ctx.db, centreId);
  const base = settings.publicBaseUrl || `${request.protocol}://${request.host}`;
  return `${base.replace(/\/+$/, '')}/t/${code}`;
}

export async function ticketRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/tickets',
    {
      preHandler: guard({ users: OFFICERS.users, devices: ['kiosk'] }),
      schema: { body: IssueTicketInput, response: { 200: IssuedTicket, 201: IssuedTicket, ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { ctx } = app.deps;
      const issued = await takeTicket(ctx, actor, request.body, (held) => describeHeldTicket(ctx, held, request.body.lang));
      const trackUrl = await trackUrlFor(request, actor.centreId, issued.ticket.code);
      // A number given back is not printed again: the citizen holds its slip.
      const print = issued.reused
        ? { status: 'no-printer' as const, printer: null, message: null }
        : await printIssuedTicket(ctx, actor, issued, trackUrl, request.body.lang);
      reply.status(issued.reused ? 200 : 201);
      return {
        ticket: toTicketView(issued.ticket),
        reused: issued.reused,
        faceStored: issued.faceStored,
        reuseCheck: issued.reuseCheck,
        fieldName: issued.fieldName,
        counterNumbers: issued.counterNumbers,
        peopleAhead: issued.peopleAhead,
        estimatedWaitSeconds: issued.estimatedWaitSeconds,
        trackUrl,
        print,
      };
    },
  );

  app.get(
    '/tickets',
    {
      preHandler: guard(OFFICERS),
      schema: {
        querystring: z.object({
          day: Day.optional(),
          status: TicketStatus.optional(),
          fieldId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ tickets: z.array(TicketView) }), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const tickets = await listTickets(app.deps.ctx.db, {
        centreId: actor.centreId,
        serviceDay: request.query.day ?? serviceDayOf(app.deps.ctx.clock()),
        status: request.query.status,
        fieldId: request.query.fieldId,
        limit: request.query.limit,
      });
      return { tickets: tickets.map(toTicketView) };
    },
  );

  for (const action of SIMPLE_ACTIONS) {
    app.post(
      `/tickets/:id/${action}`,
      { preHandler: guard(OFFICERS), schema: { params: IdParams, response: { 200: TicketView, ...errors } } },
      async (request) => {
        const ticket = await actOnTicket(app.deps.ctx, actorOf(request), request.params.id, { type: action } as TicketAction);
        return toTicketView(ticket);
      },
    );
  }

  app.post(
    '/tickets/:id/transfer',
    {
      preHandler: guard(OFFICERS),
      schema: { params: IdParams, body: TransferInput, response: { 200: TicketView, ...errors } },
    },
    async (request) => {
      const ticket = await actOnTicket(app.deps.ctx, actorOf(request), request.params.id, {
        type: 'transfer',
        fieldId: request.body.fieldId,
        counterId: request.body.counterId,
      });
      return toTicketView(ticket);
    },
  );
}
