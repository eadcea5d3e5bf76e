import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth.routes';
import { chartRoutes } from './charts.routes';
import { counterRoutes } from './counters.routes';
import { deviceRoutes } from './devices.routes';
import { displayRoutes } from './display.routes';
import { dossierRoutes } from './dossiers.routes';
import { dossierRatingRoutes } from './dossier-ratings.routes';
import { evaluationRoutes } from './evaluation.routes';
import { faceRoutes } from './face.routes';
import { faceAssetsRoutes } from './face-assets.routes';
import { indicatorRoutes } from './indicators.routes';
import { inspectionRoutes } from './inspection.routes';
import { processDocumentRoutes } from './process-documents.routes';
import { selfEvaluationRoutes } from './self-evaluation.routes';
import { fileRoutes } from './files.routes';
import { unitRoutes } from './units.routes';
import { manageRoutes } from './manage.routes';
import { paknRoutes } from './pakn.routes';
import { publicRoutes } from './public.routes';
import { publicCatalogueRoutes } from './public-catalogue.routes';
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
  await app.register(dossierRatingRoutes, { prefix: '/api/v1' });
  await app.register(evaluationRoutes, { prefix: '/api/v1' });
  await app.register(chartRoutes, { prefix: '/api/v1' });
  await app.register(paknRoutes, { prefix: '/api/v1' });
  await app.register(indicatorRoutes, { prefix: '/api/v1' });
  await app.register(fileRoutes, { prefix: '/api/v1' });
  await app.register(unitRoutes, { prefix: '/api/v1' });
  await app.register(inspectionRoutes, { prefix: '/api/v1' });
  await app.register(selfEvaluationRoutes, { prefix: '/api/v1' });
  await app.register(processDocumentRoutes, { prefix: '/api/v1' });
  await app.register(publicRoutes, { prefix: '/api/v1/public' });
  await app.register(publicCatalogueRoutes, { prefix: '/api/v1' });
  await app.register(manageRoutes, { prefix: '/api/v1/manage' });
}
