import type { FastifyInstance } from 'fastify';

export async function selfEvaluationRoutes(_app: FastifyInstance): Promise<void> {}
