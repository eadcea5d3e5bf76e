import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConfirmPairingInput, Device, PairingClaim, PairingClaimResult, PairingStart, PairingTicket, PendingPairing } from '../../contracts/api';
import { findDevice } from '../../db/repositories/device.repository';
import { AppError } from '../../core/shared/app-error';
import { authenticate, deviceCookie, setCookie } from '../http/auth';
import { claimPairing, confirmPairing, findPendingPairing, startPairing, toDeviceView } from '../services/devices';
import { actorOf, guard, MANAGERS } from './guard';
import { errors } from './schemas';

/** Browsers keep cookies at most 400 days; a paired screen is re-paired after that. */
const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;

export async function deviceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** A screen asks to be paired and shows the code it gets. */
  app.post(
    '/devices/pairing',
    { schema: { body: PairingStart, response: { 201: PairingTicket, ...errors } } },
    async (request, reply) => {
      const result = await startPairing(app.deps.ctx, request.body.kind, request.body.name);
      reply.status(201);
      return { ...result, expiresAt: result.expiresAt.toISOString() };
    },
  );

  /** The screen polls until an admin has confirmed its code; then it receives its token as a cookie. */
  app.post(
    '/devices/pairing/:id/claim',
    {
      schema: {
        params: z.object({ id: z.uuid() }),
        body: PairingClaim,
        response: { 200: PairingClaimResult.extend({ token: z.string().nullable() }), ...errors },
      },
    },
    async (request, reply) => {
      const result = await claimPairing(app.deps.ctx, request.params.id, request.body.secret);
      if (result.status === 'pending') return { status: 'pending' as const, device: null, token: null };
      setCookie(reply, deviceCookie(result.device.kind), result.token, DEVICE_COOKIE_SECONDS, app.deps.secureCookies);
      return { status: 'paired' as const, device: toDeviceView(result.device), token: result.token };
    },
  );

  app.post(
    '/devices/confirm',
    { preHandler: guard(MANAGERS), schema: { body: ConfirmPairingInput, response: { 201: Device, ...errors } } },
    async (request, reply) => {
      const device = await confirmPairing(app.deps.ctx, actorOf(request), request.body);
      reply.status(201);
      return device;
    },
  );

  app.get(
    '/devices/pairing/by-code/:code',
    {
      preHandler: guard(MANAGERS),
      schema: { params: z.object({ code: z.string().regex(/^\d{6}$/, '6 digits') }), response: { 200: PendingPairing, ...errors } },
    },
    async (request) => findPendingPairing(app.deps.ctx, actorOf(request), request.params.code),
  );

  /** What this screen is paired as, for the kind of screen asking (one cookie per kind). */
  app.get(
    '/devices/me/:kind',
    {
      preHandler: async (request) => {
        const { kind } = request.params as { kind: 'kiosk' | 'display' | 'rating' };
        request.actor = await authenticate(app.deps.ctx, request, { devices: [kind] });
      },
      schema: { params: z.object({ kind: z.enum(['kiosk', 'display', 'rating']) }), response: { 200: Device, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const device = actor.kind === 'device' ? await findDevice(app.deps.ctx.db, actor.centreId, actor.id) : undefined;
      if (!device) throw new AppError('UNAUTHENTICATED');
      return toDeviceView(device);
    },
  );
}
