/**
 * Public, no sign-in: the procedure catalogue as citizens read it (/thu-tuc) and the results the
 * centre publishes (/ket-qua and the hall board's slide). The results are cached for a minute: every
 * hall board polls them, and the figures behind them are a whole period's dossiers.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicCatalogue, PublicCatalogueQuery, PublicProcedureDetail, PublicResults, PublicResultsQuery } from '../../contracts/public';
import { getPublicCatalogue, getPublicProcedure } from '../services/public-catalogue';
import { getPublicResults } from '../services/public-results';
import { TtlCache } from '../services/ttl-cache';
import { errors } from './schemas';

const RESULTS_TTL_MS = 60_000;

export async function publicCatalogueRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.deps;
  // Keyed by the centre asked for; the app's clock decides expiry, so tests can move past it.
  const results = new TtlCache<Promise<PublicResults>>(RESULTS_TTL_MS, 100, () => ctx.clock().getTime());

  app.get(
    '/public/catalogue',
    { schema: { querystring: PublicCatalogueQuery, response: { 200: PublicCatalogue, ...errors } } },
    async (request) => getPublicCatalogue(ctx, request.query),
  );

  app.get(
    '/public/procedures/:code',
    {
      schema: {
        params: z.object({ code: z.string().trim().regex(/^\d\.\d{6}(\.[A-Za-z0-9]+)?$/, 'mã thủ tục, ví dụ 1.001193') }),
        querystring: z.object({ centre: z.string().trim().max(40).optional() }),
        response: { 200: PublicProcedureDetail, ...errors },
      },
    },
    async (request) => getPublicProcedure(ctx, request.params.code, request.query.centre),
  );

  app.get(
    '/public/results',
    { schema: { querystring: PublicResultsQuery, response: { 200: PublicResults, ...errors } } },
    async (request, reply) => {
      const key = request.query.centre ?? '';
      let pending = results.get(key);
      if (!pending) {
        pending = getPublicResults(ctx, request.query.centre || undefined);
        results.set(key, pending);
        // A failure is not cached: the next poll tries again.
        pending.catch(() => results.delete(key));
      }
      reply.header('cache-control', `public, max-age=${RESULTS_TTL_MS / 1000}`);
      return pending;
    },
  );
}
