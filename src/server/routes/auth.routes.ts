import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LoginInput, Ok, Session } from '../../contracts/api';
import { SESSION_COOKIE, setCookie } from '../http/auth';
import { logIn, logOut, SESSION_DAYS } from '../services/sessions';
import { findUser } from '../../db/repositories/people.repository';
import { actorOf, guard, SIGNED_IN } from './guard';
import { errors } from './schemas';

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/auth/login',
    { schema: { body: LoginInput, response: { 200: Session, ...errors } } },
    async (request, reply) => {
      const { token, user } = await logIn(app.deps.ctx, request.body.username, request.body.password);
      setCookie(reply, SESSION_COOKIE, token, SESSION_DAYS * 24 * 3600, app.deps.secureCookies);
      return { user: { id: user.id, username: user.username, fullName: user.fullName, role: user.role, unitId: user.unitId ?? null, active: user.active, lang: user.lang } };
    },
  );

  app.post('/auth/logout', { schema: { response: { 200: Ok } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 200) await logOut(app.deps.ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get(
    '/auth/me',
    { preHandler: guard(SIGNED_IN), schema: { response: { 200: Session, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      const user = actor.kind === 'user' ? await findUser(app.deps.ctx.db, actor.id) : undefined;
      if (!user) throw new Error('session user vanished');
      return { user: { id: user.id, username: user.username, fullName: user.fullName, role: user.role, unitId: user.unitId ?? null, active: user.active, lang: user.lang } };
    },
  );
}
