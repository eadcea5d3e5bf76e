import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PendingRating, RatingInput } from '../../contracts/api';
import { getPendingRating, submitRating } from '../services/ratings';
import { actorOf, guard } from './guard';
import { errors } from './schemas';

const RATING_SCREEN = { devices: ['rating'] } as const;

export async function ratingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/ratings/pending',
    {
      preHandler: guard(RATING_SCREEN),
      schema: { response: { 200: z.object({ pending: PendingRating.nullable() }), ...errors } },
    },
    async (request) => ({ pending: await getPendingRating(app.deps.ctx, actorOf(request)) }),
  );

  app.post(
    '/ratings',
    {
      preHandler: guard(RATING_SCREEN),
      schema: {
        body: RatingInput,
        response: { 201: z.object({ id: z.uuid(), reportsAs: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const result = await submitRating(app.deps.ctx, actorOf(request), request.body);
      reply.status(201);
      return result;
    },
  );
}
