import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-queue';
import * as m0002 from './0002-face';
import * as m0003 from './0003-dossiers';
import * as m0004 from './0004-face-privacy';
import * as m0005 from './0005-face-decisions';
import * as m0006 from './0006-satisfaction';
import * as m0007 from './0007-oversight';
import * as m0008 from './0008-inspection';
import * as m0009 from './0009-self-evaluation';
import * as m0010 from './0010-process-documents';

/** Every migration, in order. Listed statically so the set is the same however the app is run. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-queue': m0001,
  '0002-face': m0002,
  '0003-dossiers': m0003,
  '0004-face-privacy': m0004,
  '0005-face-decisions': m0005,
  '0006-satisfaction': m0006,
  '0007-oversight': m0007,
  '0008-inspection': m0008,
  '0009-self-evaluation': m0009,
  '0010-process-documents': m0010,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
