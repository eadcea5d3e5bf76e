import type { FastifyInstance } from 'fastify';

export async function inspectionRoutes(_app: FastifyInstance): Promise<void> {}
