import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth.routes';
import { counterRoutes } from './counters.routes';
import { deviceRoutes } from './devices.routes';
import { displayRoutes } from './display.routes';
import { dossierRoutes } from './dossiers.routes';
import { faceRoutes } from './face.routes';
import { faceAssetsRoutes } from './face-assets.routes';
import { manageRoutes } from './manage.routes';
import { publicRoutes } from './public.routes';
import { ratingRoutes } from './ratings.routes';
import { systemRoutes } from './system.routes';
import { ticketRoutes } from './tickets.routes';

export interface RouteOptions {
  /** The data directory (installed face models); null when the app has none. */
  dataDir?: string | null;
}

export async function registerRoutes(app: FastifyInstance, options: RouteOptions = {}): Promise<void> {
  await app.register(systemRoutes);
  await app.register(faceAssetsRoutes, { dataDir: options.dataDir ?? null });
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(deviceRoutes, { prefix: '/api/v1' });
  await app.register(ticketRoutes, { prefix: '/api/v1' });
  await app.register(counterRoutes, { prefix: '/api/v1' });
  await app.register(displayRoutes, { prefix: '/api/v1' });
  await app.register(ratingRoutes, { prefix: '/api/v1' });
  await app.register(faceRoutes, { prefix: '/api/v1' });
  await app.register(dossierRoutes, { prefix: '/api/v1' });
  await app.register(publicRoutes, { prefix: '/api/v1/public' });
  await app.register(manageRoutes, { prefix: '/api/v1/manage' });
}
