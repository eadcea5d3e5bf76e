/**
 * The `motcua` command.
 *   motcua start            run the service centre (PORT, DATA_DIR, DATABASE_URL from the environment)
 *   motcua migrate          bring the database schema up to date and exit
 *   motcua backup           write a backup of the embedded database to DATA_DIR/backups
 *   motcua restore <file>   replace the embedded database with a backup (the server must be stopped)
 *   motcua calendar holidays --year YYYY
 *   motcua calendar due --received <ISO-8601> --amount n --unit working-days|days|hours|same-day [--cutoff HH:MM]
 *   motcua catalogue import <folder-or-file>   national records (.json), or a spreadsheet (.xlsx/.csv)
 *   motcua models install [--from <folder>] [--model <id>]   the recognition model, under DATA_DIR/models
 *   motcua models list
 *   motcua indicators --from YYYY-MM-DD --to YYYY-MM-DD [--centre <code>]   the 766 indicators as one JSON object
 *
 * Heavy modules are imported by the commands that need them, so `calendar` answers quickly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatErrorMessage } from '../contracts/errors';
import { isAppError } from '../core/shared/app-error';
import { loadConfig } from '../server/config';
import { runCalendarCommand } from './calendar-command';
import { readCalendarAdjustments } from './cli-database';

async function main(argv: string[]): Promise<number> {
  const [command = 'start'] = argv;
  const config = loadConfig();
  switch (command) {
    case 'calendar': {
      const adjustments = await readCalendarAdjustments(config, (line) => console.error(line));
      const result = runCalendarCommand(argv.slice(1), { adjustments, now: new Date() });
      if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
      if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
      return result.code;
    }
    case 'catalogue': {
      const [sub, path] = argv.slice(1);
      if (sub !== 'import' || !path) {
        console.error('Cách dùng / usage: motcua catalogue import <thư mục hoặc tệp .json/.xlsx/.csv>');
        return 2;
      }
      return importCatalogueCommand(config, path);
    }
    case 'models': {
      const { runModelsCommand } = await import('./models-command');
      return runModelsCommand(argv.slice(1), {
        dataDir: config.DATA_DIR,
        env: process.env,
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    }
    case 'indicators': {
      const { parseIndicatorArgs } = await import('./indicators-command');
      const args = parseIndicatorArgs(argv.slice(1));
      if ('error' in args) {
        process.stderr.write(args.error);
        return 2;
      }
      return indicatorsCommand(config, args);
    }
    case 'start': {
      const { describeSetup, startServer } = await import('../server/start-server');
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
      const { openDatabase } = await import('../db/database');
      const { migrateToLatest } = await import('../db/migrate');
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
      const { openDatabase } = await import('../db/database');
      const { lockDataDir, writeBackup } = await import('../server/embedded-durability');
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
      const { restoreEmbedded } = await import('../db/database');
      const { listBackups, lockDataDir } = await import('../server/embedded-durability');
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
      console.error(`Unknown command "${command}". Commands: start, migrate, backup, restore <file>, calendar, catalogue import <path>, models install|list, indicators --from --to.`);
      return 2;
  }
}

/** The 766 indicators on the configured database: JSON on stdout only, everything else on stderr. */
async function indicatorsCommand(config: ReturnType<typeof loadConfig>, args: import('./indicators-command').IndicatorArgs): Promise<number> {
  const { openDatabase } = await import('../db/database');
  const { migrateToLatest } = await import('../db/migrate');
  const { lockDataDir } = await import('../server/embedded-durability');
  const { createServiceContext } = await import('../server/services/context');
  const { bootstrap } = await import('../server/seed/bootstrap');
  const { listCentreCodes } = await import('../db/repositories/indicator.repository');
  const { runIndicatorsCommand } = await import('./indicators-command');
  let unlock: () => void = () => undefined;
  if (!config.DATABASE_URL) {
    try {
      unlock = lockDataDir(config.DATA_DIR);
    } catch {
      console.error('Lỗi: cơ sở dữ liệu nhúng đang được máy chủ sử dụng; dừng máy chủ hoặc dùng DATABASE_URL.\nError: the embedded database is in use by the server.');
      return 1;
    }
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const ctx = createServiceContext(database.db, database.engine);
    let centres = await listCentreCodes(database.db);
    if (centres.length === 0) {
      // A fresh install: set it up as the server's first start would, so the figures are those of an empty centre.
      const setup = await bootstrap(ctx, { demo: config.MOTCUA_DEMO, adminPassword: config.MOTCUA_ADMIN_PASSWORD });
      if (setup.generatedAdminPassword) console.error(`Admin account created: user "admin", password "${setup.generatedAdminPassword}" (shown only this once).`);
      centres = await listCentreCodes(database.db);
    }
    const result = await runIndicatorsCommand(args, { ctx, centres });
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    return result.code;
  } finally {
    await database.close();
    unlock();
  }
}

/** Imports into the configured database's first centre, as the manager's upload does. */
async function importCatalogueCommand(config: ReturnType<typeof loadConfig>, path: string): Promise<number> {
  const { openDatabase } = await import('../db/database');
  const { migrateToLatest } = await import('../db/migrate');
  const { lockDataDir } = await import('../server/embedded-durability');
  const { createServiceContext } = await import('../server/services/context');
  const { bootstrap } = await import('../server/seed/bootstrap');
  const { importCatalogue } = await import('../server/services/catalogue');
  const { readCatalogueSource } = await import('../server/catalogue/read-catalogue-source');
  let parsed;
  try {
    parsed = await readCatalogueSource(path);
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(formatErrorMessage(error.code, 'vi', error.params));
    console.error(formatErrorMessage(error.code, 'en', error.params));
    return 2;
  }
  const unlock = config.DATABASE_URL ? () => undefined : lockDataDir(config.DATA_DIR);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const ctx = createServiceContext(database.db, database.engine);
    const setup = await bootstrap(ctx, { demo: config.MOTCUA_DEMO, adminPassword: config.MOTCUA_ADMIN_PASSWORD });
    if (setup.generatedAdminPassword) console.error(`Admin account created: user "admin", password "${setup.generatedAdminPassword}" (shown only this once).`);
    const report = await importCatalogue(ctx, setup.centreId, null, parsed, path);
    console.log(JSON.stringify(report, null, 2));
    return 0;
  } finally {
    await database.close();
    unlock();
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
