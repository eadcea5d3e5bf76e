/** Units (đơn vị) that are inspected, self-evaluate and report. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgUnit, OrgUnitInput } from '../../contracts/oversight';
import { createUnit, listUnits, updateUnit } from '../services/org-units';
import { actorOf, ADMINS, guard, OVERSIGHT } from './guard';
import { errors, IdParams } from './schemas';

export async function unitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/manage/units',
    { preHandler: guard(OVERSIGHT), schema: { response: { 200: z.array(OrgUnit), ...errors } } },
    async (request) => listUnits(app.deps.ctx, actorOf(request)),
  );

  app.post(
    '/manage/units',
    { preHandler: guard(ADMINS), schema: { body: OrgUnitInput, response: { 201: z.object({ id: z.uuid() }), ...errors } } },
    async (request, reply) => reply.status(201).send({ id: await createUnit(app.deps.ctx, actorOf(request), request.body) }),
  );

  app.put(
    '/manage/units/:id',
    { preHandler: guard(ADMINS), schema: { params: IdParams, body: OrgUnitInput, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await updateUnit(app.deps.ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
