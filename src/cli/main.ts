/**
 * The `motcua` command.
 *   motcua start     run the service centre (PORT, DATA_DIR, DATABASE_URL from the environment)
 *   motcua migrate   bring the database schema up to date and exit
 */
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { loadConfig } from '../server/config';
import { describeSetup, startServer } from '../server/start-server';

async function main(argv: string[]): Promise<number> {
  const [command = 'start'] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const server = await startServer(config);
      console.log(describeSetup(server, config.PORT));
      const shutdown = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      return -1;
    }
    case 'migrate': {
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
      try {
        const applied = await migrateToLatest(database.db);
        console.log(JSON.stringify({ engine: database.engine, applied }));
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.error(`Unknown command "${command}". Commands: start, migrate.`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
