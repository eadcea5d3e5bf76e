/** Starts the whole service centre: database, migrations, first-start setup, HTTP, housekeeping. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { buildApp, type AppOptions } from './app';
import type { Config } from './config';
import { bootstrap, type BootstrapResult } from './seed/bootstrap';
import { DEMO_PASSWORD } from './seed/demo-centre';
import { closePastDays } from './services/close-past-days';
import { purgeExpiredFaceData } from './services/face-services';
import { secureStoredTemplates } from './services/face-privacy';
import { lockDataDir, startWalFlusher, writeBackup, type BackupFile } from './embedded-durability';
import { createServiceContext } from './services/context';

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const HOUSEKEEPING_MS = 60_000;

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  setup: BootstrapResult;
  /** Embedded database: writes a backup now (as the timer does); null with PostgreSQL or on failure. */
  backup(): Promise<BackupFile | null>;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { webRoot?: string | null; faceIndex?: AppOptions['faceIndex'] } = {},
): Promise<RunningServer> {
  const embedded = !config.DATABASE_URL;
  const unlock = embedded ? lockDataDir(config.DATA_DIR) : () => undefined;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    await migrateToLatest(database.db);
    const ctx = createServiceContext(database.db, database.engine);
    const setup = await bootstrap(ctx, { demo: config.MOTCUA_DEMO, adminPassword: config.MOTCUA_ADMIN_PASSWORD });
    await closePastDays(ctx);

    const app = await buildApp({
      database,
      logLevel: config.LOG_LEVEL,
      secureCookies: config.MOTCUA_SECURE_COOKIES,
      webRoot: options.webRoot === undefined ? WEB_ROOT : options.webRoot,
      dataDir: config.DATA_DIR,
      faceKeysDir: config.FACE_KEYS_DIR ?? null,
      faceIndex: options.faceIndex,
    });
    // Before the first face request: templates stored before encryption are sealed, and rows
    // whose keys were destroyed (brought back by a restore) are deleted.
    await secureStoredTemplates(app.deps.ctx).catch((error: unknown) => app.log.error({ err: error }, 'checking stored face templates failed'));
    // A large gallery saved at the last stop: load it now, not at the first kiosk visit.
    if (app.deps.ctx.faces.hasSnapshots()) {
      void app.deps.ctx.faces.ensureLoaded(database.db).then(
        () => app.log.info({ gallery: app.deps.ctx.faces.lastLoad }, 'face matching index loaded'),
        (error: unknown) => app.log.error({ err: error }, 'loading the face matching index failed'),
      );
    }
    const housekeeping = setInterval(() => {
      closePastDays(ctx).catch((error: unknown) => app.log.error({ err: error }, 'closing past days failed'));
      // The app's own context: its face gallery is the one that must forget purged templates.
      purgeExpiredFaceData(app.deps.ctx).catch((error: unknown) => app.log.error({ err: error }, 'purging face data failed'));
    }, HOUSEKEEPING_MS);
    housekeeping.unref();
    cleanups.push(() => clearInterval(housekeeping));
    let backup = async (): Promise<BackupFile | null> => null;
    if (database.embeddedDataDir && database.dumpEmbedded) {
      cleanups.push(startWalFlusher(database.embeddedDataDir, (error) => app.log.error({ err: error }, 'flushing the log failed')));
      const dump = database.dumpEmbedded;
      backup = async () => {
        try {
          const file = writeBackup(join(config.DATA_DIR, 'backups'), await dump(), new Date(), config.BACKUP_KEEP);
          app.log.info({ backup: file.name }, 'backup written');
          return file;
        } catch (error) {
          app.log.error({ err: error }, 'backup failed');
          return null;
        }
      };
      await backup();
      if (config.BACKUP_INTERVAL_HOURS > 0) {
        const timer = setInterval(() => void backup(), config.BACKUP_INTERVAL_HOURS * 3600_000);
        timer.unref();
        cleanups.push(() => clearInterval(timer));
      }
    }

    const address = await app.listen({ port: config.PORT, host: config.HOST });
    return {
      app,
      database,
      url: address,
      setup,
      backup,
      async stop() {
        for (const cleanup of cleanups.splice(0)) await cleanup();
        await app.close();
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await database.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

export function describeSetup(server: RunningServer, port: number): string {
  const lines = [`Một Cửa is running on http://localhost:${port} (database: ${server.database.engine})`];
  if (server.setup.seededDemo) {
    lines.push(`Demo centre created. Officers: canbo1 … canbo6, manager: quanly, unit head: truongphong, inspector: thanhtra — password "${DEMO_PASSWORD}".`);
  }
  if (server.setup.generatedAdminPassword) {
    lines.push(`Admin account created: user "admin", password "${server.setup.generatedAdminPassword}" (shown only this once).`);
  } else if (server.setup.createdAdmin) {
    lines.push('Admin account created: user "admin", password from MOTCUA_ADMIN_PASSWORD.');
  }
  return lines.join('\n');
}
