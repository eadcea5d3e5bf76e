/**
 * The CLI's access to the configured database (embedded PGlite in DATA_DIR, or PostgreSQL at
 * DATABASE_URL) for commands that are not the server itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ANNOUNCED_SWAPS } from '../core/calendar/announced-swaps';
import type { CalendarAdjustment } from '../core/calendar/calendar-types';
import type { Config } from '../server/config';

/**
 * The admin's calendar edits, so the CLI computes with the same calendar as the app. Without a
 * database yet (a fresh install) the seed of announced swaps applies — the same rows the first
 * migration writes. While a server holds the embedded database, it cannot be opened a second time:
 * then the seed applies too, and stderr says so.
 */
export async function readCalendarAdjustments(config: Config, warn: (line: string) => void): Promise<CalendarAdjustment[]> {
  const embedded = !config.DATABASE_URL;
  if (embedded && !existsSync(join(config.DATA_DIR, 'pg', 'PG_VERSION'))) return [...ANNOUNCED_SWAPS];
  const { lockDataDir } = await import('../server/embedded-durability');
  let unlock: () => void = () => undefined;
  if (embedded) {
    try {
      unlock = lockDataDir(config.DATA_DIR);
    } catch {
      warn('Cơ sở dữ liệu đang được máy chủ sử dụng: dùng lịch theo quy định và các lần hoán đổi đã công bố. / The database is in use by the server: using the rule calendar with the announced swaps.');
      return [...ANNOUNCED_SWAPS];
    }
  }
  const { openDatabase } = await import('../db/database');
  const { migrateToLatest } = await import('../db/migrate');
  const { listCalendarAdjustments } = await import('../db/repositories/calendar.repository');
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    return await listCalendarAdjustments(database.db);
  } finally {
    await database.close();
    unlock();
  }
}
