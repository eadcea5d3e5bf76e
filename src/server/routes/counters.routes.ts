import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CallNextResult, CallTicketInput, Counter, CounterWork, PauseInput, TicketView } from '../../contracts/api';
import { actOnTicket } from '../services/act-on-ticket';
import { callNextTicket } from '../services/call-next-ticket';
import { changeCounterState } from '../services/counter-session';
import { getCounterWork } from '../services/counter-work';
import { toCounterView, toTicketView } from '../services/views';
import { actorOf, guard, OFFICERS } from './guard';
import { errors, IdParams } from './schemas';

export async function counterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const counterResponse = { response: { 200: Counter, ...errors } };

  app.get(
    '/counters/:id/work',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, response: { 200: CounterWork, ...errors } } },
    async (request) => getCounterWork(app.deps.ctx, actorOf(request), request.params.id),
  );

  for (const type of ['open', 'resume', 'close'] as const) {
    app.post(
      `/counters/:id/${type}`,
      { preHandler: guard(OFFICERS), schema: { params: IdParams, ...counterResponse } },
      async (request) => toCounterView(await changeCounterState(app.deps.ctx, actorOf(request), request.params.id, { type })),
    );
  }

  app.post(
    '/counters/:id/pause',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, body: PauseInput, ...counterResponse } },
    async (request) =>
      toCounterView(
        await changeCounterState(app.deps.ctx, actorOf(request), request.params.id, { type: 'pause', reason: request.body.reason }),
      ),
  );

  app.post(
    '/counters/:id/call-next',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, response: { 200: CallNextResult, ...errors } } },
    async (request) => {
      const ticket = await callNextTicket(app.deps.ctx, actorOf(request), request.params.id);
      return { ticket: ticket && toTicketView(ticket) };
    },
  );

  app.post(
    '/counters/:id/call',
    {
      preHandler: guard(OFFICERS),
      schema: { params: IdParams, body: CallTicketInput, response: { 200: TicketView, ...errors } },
    },
    async (request) => toTicketView(await actOnTicket(app.deps.ctx, actorOf(request), request.body.ticketId, { type: 'call' })),
  );
}
