import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health } from '../../contracts/api';

export async function systemRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/health', { schema: { response: { 200: Health } } }, async () => {
    const { ctx } = app.deps;
    await ctx.db.selectFrom('centre').select('id').limit(1).execute();
    return { status: 'ok' as const, database: ctx.engine };
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
