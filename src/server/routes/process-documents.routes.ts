import type { FastifyInstance } from 'fastify';

export async function processDocumentRoutes(_app: FastifyInstance): Promise<void> {}
