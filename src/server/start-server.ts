/** Starts the whole service centre: database, migrations, first-start setup, HTTP, housekeeping. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { buildApp } from './app';
import type { Config } from './config';
import { bootstrap, type BootstrapResult } from './seed/bootstrap';
import { DEMO_PASSWORD } from './seed/demo-centre';
import { closePastDays } from './services/close-past-days';
import { createServiceContext } from './services/context';

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const HOUSEKEEPING_MS = 60_000;

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  setup: BootstrapResult;
  stop(): Promise<void>;
}

export async function startServer(config: Config, options: { webRoot?: string | null } = {}): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
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
    });
    const housekeeping = setInterval(() => {
      closePastDays(ctx).catch((error: unknown) => app.log.error({ err: error }, 'closing past days failed'));
    }, HOUSEKEEPING_MS);
    housekeeping.unref();

    const address = await app.listen({ port: config.PORT, host: config.HOST });
    return {
      app,
      database,
      url: address,
      setup,
      async stop() {
        clearInterval(housekeeping);
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

export function describeSetup(server: RunningServer, port: number): string {
  const lines = [`Một Cửa is running on http://localhost:${port} (database: ${server.database.engine})`];
  if (server.setup.seededDemo) {
    lines.push(`Demo centre created. Officers: canbo1 … canbo6, manager: quanly — password "${DEMO_PASSWORD}".`);
  }
  if (server.setup.generatedAdminPassword) {
    lines.push(`Admin account created: user "admin", password "${server.setup.generatedAdminPassword}" (shown only this once).`);
  } else if (server.setup.createdAdmin) {
    lines.push('Admin account created: user "admin", password from MOTCUA_ADMIN_PASSWORD.');
  }
  return lines.join('\n');
}
