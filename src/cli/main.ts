/**
 * The `motcua` command.
 *   motcua start            run the service centre (PORT, DATA_DIR, DATABASE_URL from the environment)
 *   motcua migrate          bring the database schema up to date and exit
 *   motcua backup           write a backup of the embedded database to DATA_DIR/backups
 *   motcua restore <file>   replace the embedded database with a backup (the server must be stopped)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, restoreEmbedded } from '../db/database';
import { listBackups, lockDataDir, writeBackup } from '../server/embedded-durability';
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
    case 'backup': {
      if (config.DATABASE_URL) {
        console.error('PostgreSQL is backed up with its own tools (pg_dump, or the server\'s base backups and WAL archiving).');
        return 2;
      }
      // A running server writes its own backups; this command is for a stopped one.
      const unlock = lockDataDir(config.DATA_DIR);
      const database = await openDatabase({ dataDir: config.DATA_DIR });
      try {
        const file = writeBackup(join(config.DATA_DIR, 'backups'), await database.dumpEmbedded!(), new Date(), config.BACKUP_KEEP);
        console.log(JSON.stringify({ backup: file.path }));
      } finally {
        await database.close();
        unlock();
      }
      return 0;
    }
    case 'restore': {
      const file = argv[1];
      if (!file) {
        console.error('Usage: motcua restore <backup file>. Backups: ' + listBackups(join(config.DATA_DIR, 'backups')).map((b) => b.path).join(', '));
        return 2;
      }
      const unlock = lockDataDir(config.DATA_DIR);
      try {
        const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
        const keptAside = await restoreEmbedded(config.DATA_DIR, new Uint8Array(readFileSync(file)), stamp);
        console.log(JSON.stringify({ restored: file, previousDataKeptIn: keptAside }));
      } finally {
        unlock();
      }
      return 0;
    }
    default:
      console.error(`Unknown command "${command}". Commands: start, migrate, backup, restore <file>.`);
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
