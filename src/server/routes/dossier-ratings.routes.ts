/**
 * Dossier ratings: the return counter's rating screen (a paired 'rating' device), the public page
 * opened from the QR on the papers (code + token, no sign-in), and the officer's rating slip.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeviceDossierRatingInput,
  DossierRatingView,
  Id,
  PendingDossierRating,
  PublicDossierRating,
  PublicDossierRatingInput,
} from '../../contracts/api';
import { pickLang } from '../../contracts/lang';
import {
  getDossierRating,
  getPendingDossierRating,
  getPublicDossierRating,
  rateDossierAtCounter,
  rateDossierByLink,
  renderRatingSlipPage,
} from '../services/dossier-ratings';
import { actorOf, guard, OFFICERS } from './guard';
import { errors } from './schemas';

const RATING_SCREEN = { devices: ['rating'] } as const;
const CodeParams = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z.]{2,40}-\d{6}-\d{4}$/, 'mã hồ sơ, ví dụ 000.00.16.H26-261126-0001'),
});

/** The address printed in QR codes: the configured public address, or the one the browser used. */
async function publicBase(request: FastifyRequest, centreId: string): Promise<string> {
  const { ctx } = request.server.deps;
  const { settings } = await ctx.hall.get(ctx.db, centreId);
  return settings.publicBaseUrl || `${request.protocol}://${request.host}`;
}

export async function dossierRatingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // --- the rating screen at the return counter --------------------------------------------------
  app.get(
    '/dossier-ratings/pending',
    { preHandler: guard(RATING_SCREEN), schema: { response: { 200: z.object({ pending: PendingDossierRating.nullable() }), ...errors } } },
    async (request) => ({ pending: await getPendingDossierRating(app.deps.ctx, actorOf(request)) }),
  );

  app.post(
    '/dossier-ratings',
    { preHandler: guard(RATING_SCREEN), schema: { body: DeviceDossierRatingInput, response: { 201: DossierRatingView, ...errors } } },
    async (request, reply) => {
      const view = await rateDossierAtCounter(app.deps.ctx, actorOf(request), request.body);
      reply.status(201);
      return view;
    },
  );

  // --- the public rating page (/danh-gia?code=…&t=…) ------------------------------------------
  app.get(
    '/public/dossier-ratings/:code',
    {
      schema: {
        params: CodeParams,
        querystring: z.object({ t: z.string().trim().min(1).max(100), lang: z.enum(['vi', 'en']).optional() }),
        response: { 200: PublicDossierRating, ...errors },
      },
    },
    async (request) =>
      getPublicDossierRating(app.deps.ctx, request.params.code, request.query.t, pickLang(request.query.lang, request.headers['accept-language'] ?? null)),
  );

  app.post(
    '/public/dossier-ratings/:code',
    { schema: { params: CodeParams, body: PublicDossierRatingInput, response: { 201: DossierRatingView, ...errors } } },
    async (request, reply) => {
      const view = await rateDossierByLink(app.deps.ctx, request.params.code, request.body);
      reply.status(201);
      return view;
    },
  );

  // --- officers -----------------------------------------------------------------------------
  app.get(
    '/dossiers/:id/rating',
    { preHandler: guard(OFFICERS), schema: { params: z.object({ id: Id }), response: { 200: z.object({ rating: DossierRatingView.nullable() }), ...errors } } },
    async (request) => ({ rating: await getDossierRating(app.deps.ctx, actorOf(request), request.params.id) }),
  );

  app.get(
    '/dossiers/:id/rating-slip',
    { preHandler: guard(OFFICERS), schema: { params: z.object({ id: Id }), querystring: z.object({ print: z.enum(['0', '1']).optional() }) } },
    async (request, reply) => {
      const actor = actorOf(request);
      const html = await renderRatingSlipPage(app.deps.ctx, actor, request.params.id, await publicBase(request, actor.centreId));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
}
