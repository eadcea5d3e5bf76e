/** The data behind the managers' charts ("Biểu đồ"): one read-only endpoint per chart. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Comparison,
  ComparisonBy,
  DayRangeQuery,
  DossierStatusReport,
  MonthlyRatesReport,
  MonthRangeQuery,
  PaknByCategory,
  QueueByTime,
  StatusBucketUnit,
} from '../../contracts/charts';
import { requestLang } from '../http/errors';
import { comparison, dossierStatus, monthlyRates, paknByCategory, queueByTime } from '../services/charts';
import { actorOf, guard, MANAGERS } from './guard';
import { errors } from './schemas';

export async function chartRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.deps.ctx;
  const managers = { preHandler: guard(MANAGERS) };

  app.get(
    '/manage/charts/queue-by-time',
    { ...managers, schema: { querystring: DayRangeQuery, response: { 200: QueueByTime, ...errors } } },
    async (request) => queueByTime(ctx(), actorOf(request), request.query),
  );
  app.get(
    '/manage/charts/monthly-rates',
    { ...managers, schema: { querystring: MonthRangeQuery, response: { 200: MonthlyRatesReport, ...errors } } },
    async (request) => monthlyRates(ctx(), actorOf(request), request.query),
  );
  app.get(
    '/manage/charts/dossier-status',
    {
      ...managers,
      schema: { querystring: DayRangeQuery.extend({ unit: StatusBucketUnit.default('month') }), response: { 200: DossierStatusReport, ...errors } },
    },
    async (request) => dossierStatus(ctx(), actorOf(request), request.query),
  );
  app.get(
    '/manage/charts/pakn-categories',
    { ...managers, schema: { querystring: DayRangeQuery, response: { 200: PaknByCategory, ...errors } } },
    async (request) => paknByCategory(ctx(), actorOf(request), request.query, requestLang(request)),
  );
  app.get(
    '/manage/charts/comparison',
    {
      ...managers,
      schema: { querystring: DayRangeQuery.extend({ by: ComparisonBy.default('field') }), response: { 200: Comparison, ...errors } },
    },
    async (request) => comparison(ctx(), actorOf(request), request.query, requestLang(request)),
  );
}
