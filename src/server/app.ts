/**
 * The Fastify application, composed in order: external plugins, then the app's own pieces (error
 * handling, realtime), then routes, then the browser apps. Tests build it against any database and
 * call it with `app.inject()`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../core/shared/app-error';
import type { DatabaseHandle } from '../db/database';
import type { FaceModelId } from '../contracts/face';
import { InstalledModelCatalog } from './face/models/model-store';
import { FileKeyStore, MemoryKeyStore } from './face/key-store';
import { GallerySnapshots } from './face/gallery-snapshots';
import { sendError } from './http/errors';
import { EventStream, SseConnection } from './realtime/event-stream';
import { registerRoutes } from './routes';
import { createServiceContext, type ServiceContext } from './services/context';

export interface AppOptions {
  database: DatabaseHandle;
  clock?: () => Date;
  logLevel?: string;
  secureCookies?: boolean;
  /** Directory of the built browser apps; not served when absent. */
  webRoot?: string | null;
  /** Where log lines go (standard output when absent); tests read them. */
  logStream?: { write(line: string): void };
  /** Which recognition models this site has installed (read when asked; none when absent). */
  installedFaceModels?: () => FaceModelId[];
  /**
   * The data directory (DATA_DIR): recognition models installed under its models/ are served and used,
   * and the face key store lives under it unless `faceKeysDir` says otherwise. Null or absent: neither.
   */
  dataDir?: string | null;
  /**
   * Where face template keys are kept (FACE_KEYS_DIR); default DATA_DIR/face-keys. Instances that
   * share a database must share this folder. Without either, keys live in memory (tests).
   */
  faceKeysDir?: string | null;
  /**
   * Where sealed snapshots of large face galleries are kept (default DATA_DIR/face-index); none
   * without a data directory. `exactMaxElements` and the save delays are for tests.
   */
  faceIndex?: { dir?: string | null; exactMaxElements?: number; saveAfterChangeMs?: number; saveAfterDiscardMs?: number };
}

/** How often a running server looks again for models installed under the data directory. */
const INSTALLED_MODELS_TTL_MS = 2000;

/**
 * The models installed under `dataDir`, re-read at most every couple of seconds (a few `stat` calls):
 * a model installed with `motcua models install` while the server runs is used without a restart.
 */
function installedModelsOf(dataDir: string | null, onSkip: (folder: string, reason: string) => void): () => FaceModelId[] {
  if (!dataDir) return () => [];
  const catalog = new InstalledModelCatalog(dataDir, (folder, verdict) => {
    if (!verdict.ok) onSkip(folder, verdict.reason);
  });
  let cached: { at: number; ids: FaceModelId[] } | null = null;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > INSTALLED_MODELS_TTL_MS) cached = { at: now, ids: catalog.current().map((m) => m.id) };
    return cached.ids;
  };
}

export interface AppDeps {
  ctx: ServiceContext;
  events: EventStream;
  secureCookies: boolean;
  /** Open live streams, ended when the app closes so that it can close. */
  streams: Set<SseConnection>;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

const MAX_BODY_BYTES = 256 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // Bodies are never logged: they carry personal data (face templates, names).
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: true,
    // One line per request only when debugging: a busy hall makes thousands of calls an hour.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' && options.logLevel !== 'trace' }),
    routerOptions: { maxParamLength: 200 },
    // Errors raised by the router before a route runs (bad URL encoding, an over-long path
    // parameter) get the same shape and language as every other error.
    frameworkErrors: (error, request, reply) => {
      sendError(request, reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new AppError('ROUTE_NOT_FOUND') : new AppError('VALIDATION_FAILED', { detail: 'URL' }));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Một Cửa API',
        description: 'Queue, counters, display board, kiosk and ratings of a Vietnamese one-stop service centre.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });

  // JSON only, and no NUL characters anywhere: PostgreSQL text cannot hold them.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(null, undefined);
    try {
      const parsed: unknown = JSON.parse(text);
      if (containsNul(parsed)) return done(new AppError('VALIDATION_FAILED', { detail: 'NUL' }), undefined);
      done(null, parsed);
    } catch {
      done(new AppError('VALIDATION_FAILED', { detail: 'JSON' }), undefined);
    }
  });

  const faceKeysDir = options.faceKeysDir ?? (options.dataDir ? join(options.dataDir, 'face-keys') : null);
  const keyLog = app.log.child({ module: 'face-keys' });
  const faceKeys = faceKeysDir ? new FileKeyStore(resolve(faceKeysDir), keyLog) : new MemoryKeyStore();
  const faceIndexDir = options.faceIndex?.dir ?? (options.dataDir ? join(options.dataDir, 'face-index') : null);
  const ctx = createServiceContext(options.database.db, options.database.engine, clock, {
    faceKeys,
    log: keyLog,
    faceIndex: options.faceIndex?.exactMaxElements === undefined ? {} : { exactMaxElements: options.faceIndex.exactMaxElements },
    facePersistence: faceIndexDir
      ? {
          snapshots: new GallerySnapshots(resolve(faceIndexDir), faceKeys, keyLog),
          saveAfterChangeMs: options.faceIndex?.saveAfterChangeMs,
          saveAfterDiscardMs: options.faceIndex?.saveAfterDiscardMs,
          onError: (error, what) => keyLog.error({ err: error }, what),
        }
      : undefined,
    installedFaceModels: options.installedFaceModels ?? installedModelsOf(options.dataDir ?? null, (folder, reason) => app.log.warn({ folder, reason }, 'face model not usable')),
  });
  const events = new EventStream(options.database, clock, (error) => app.log.error({ err: error }, 'event stream'));
  // Any instance's change to a hall's description or counters reaches this instance's cache here.
  events.observe((event) => {
    if (event.type === 'config.changed' || event.type.startsWith('counter.')) ctx.hall.invalidate(event.centreId);
    // Another instance stored or deleted face templates: follow it (reads are audited).
    const templateIds = event.facts['templateIds'];
    if (event.type === 'face.template-added' && Array.isArray(templateIds)) {
      for (const id of templateIds) void ctx.faces.learn(ctx.db, String(id)).catch((error: unknown) => app.log.error({ err: error }, 'face gallery'));
    } else if (event.type === 'face.template-removed' && Array.isArray(templateIds)) {
      ctx.faces.remove(templateIds.map(String));
    }
  });
  const streams = new Set<SseConnection>();
  app.decorate('deps', { ctx, events, secureCookies: options.secureCookies ?? false, streams });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // Missing files (a stale /assets/… name) are 404s; any other page path is the app.
    if (path.startsWith('/api') || /\.[a-z0-9]+$/i.test(path) || !options.webRoot || request.method !== 'GET') {
      return sendError(request, reply, new AppError('ROUTE_NOT_FOUND'));
    }
    // Every page of the browser app is the same single-page document.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  await registerRoutes(app, { dataDir: options.dataDir ?? null });

  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    // Files are looked up per request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, { root: resolve(options.webRoot), prefix: '/', wildcard: true, index: 'index.html' });
  }

  app.addHook('onReady', async () => {
    await events.start();
  });
  app.addHook('preClose', async () => {
    for (const stream of [...streams]) stream.close();
    await events.stop();
  });
  app.addHook('onClose', async () => {
    await ctx.faces.close();
    if (faceKeys instanceof FileKeyStore) await faceKeys.close();
  });
  return app;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
  }
  return false;
}
