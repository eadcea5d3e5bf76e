/** The Decision 766 indicators for managers, and the records behind each figure. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INDICATOR_IDS, IndicatorItems, IndicatorItemsQuery, IndicatorQuery, IndicatorReport } from '../../contracts/indicators';
import { requestLang } from '../http/errors';
import { indicatorItems, indicatorReport } from '../services/indicators';
import { actorOf, guard, MANAGERS } from './guard';
import { errors } from './schemas';

export async function indicatorRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/manage/indicators',
    { preHandler: guard(MANAGERS), schema: { querystring: IndicatorQuery, response: { 200: IndicatorReport, ...errors } } },
    async (request) => indicatorReport(app.deps.ctx, actorOf(request), request.query),
  );

  app.get(
    '/manage/indicators/:id/items',
    {
      preHandler: guard(MANAGERS),
      schema: { params: z.object({ id: z.enum(INDICATOR_IDS) }), querystring: IndicatorItemsQuery, response: { 200: IndicatorItems, ...errors } },
    },
    async (request) => indicatorItems(app.deps.ctx, actorOf(request), request.params.id, request.query, requestLang(request)),
  );
}
