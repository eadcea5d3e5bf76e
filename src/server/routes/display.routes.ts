import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BoardState, CentreInfo } from '../../contracts/api';
import { parseCursor } from '../../db/repositories/event.repository';
import { SseConnection } from '../realtime/event-stream';
import { getBoardState } from '../services/board-state';
import { getCentreInfo } from '../services/centre-info';
import { actorOf, guard } from './guard';
import { errors } from './schemas';

const HALL_SCREENS = { users: 'any', devices: ['kiosk', 'display', 'rating'] } as const;

export async function displayRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/centre',
    { preHandler: guard(HALL_SCREENS), schema: { response: { 200: CentreInfo, ...errors } } },
    async (request) => getCentreInfo(app.deps.ctx.db, actorOf(request).centreId, app.deps.ctx.clock(), app.deps.ctx.installedFaceModels()),
  );

  app.get(
    '/display/state',
    { preHandler: guard(HALL_SCREENS), schema: { response: { 200: BoardState, ...errors } } },
    async (request) => getBoardState(app.deps.ctx, actorOf(request).centreId),
  );

  /**
   * The live stream of the hall. Resumes after the cursor in the Last-Event-ID header (sent by the
   * browser on reconnect) or in `since` (the cursor of the state the page loaded).
   */
  app.get(
    '/stream',
    {
      preHandler: guard(HALL_SCREENS),
      schema: { querystring: z.object({ since: z.string().max(40).optional() }), response: { ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const header = request.headers['last-event-id'];
      const since = parseCursor(typeof header === 'string' && header ? header : request.query.since);
      reply.hijack();
      const { events, streams } = app.deps;
      let unsubscribe: (() => void) | null = null;
      const connection = new SseConnection(reply.raw, () => {
        streams.delete(connection);
        unsubscribe?.();
      });
      streams.add(connection);
      try {
        const remove = await events.subscribe(
          {
            centreId: actor.centreId,
            // Face data events concern the server's own matching index, not screens.
            onEvent: (e) => {
              if (!e.type.startsWith('face.')) connection.sendEvent(e);
            },
            onCounts: (counts) => connection.sendCounts(counts),
            onReset: () => connection.sendReset(),
          },
          since,
        );
        if (!streams.has(connection)) remove();
        else unsubscribe = remove;
      } catch (error) {
        request.log.error({ err: error }, 'stream subscribe failed');
        connection.close();
      }
    },
  );
}
