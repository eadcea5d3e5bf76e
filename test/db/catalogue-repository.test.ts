/**
 * The catalogue's list query reads each procedure's current version through to_jsonb: every field of
 * it must arrive as the single-version query returns it (the result text, legal basis and dates feed
 * the public catalogue, the 766 indicator 1.3 and the evaluation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVersion, listProceduresWithCurrent } from '../../src/db/repositories/catalogue.repository';
import { findFirstCentre } from '../../src/db/repositories/reference.repository';
import { bootstrap } from '../../src/server/seed/bootstrap';
import { createServiceContext, type ServiceContext } from '../../src/server/services/context';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

describe(`procedure list with current versions (${TEST_ENGINE})`, () => {
  let database: TestDatabase;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    ctx = createServiceContext(database.handle.db, database.handle.engine);
    await bootstrap(ctx, { demo: true, adminPassword: 'admin-password' });
  });
  afterAll(async () => database?.drop());

  it('returns every field of the current version as findVersion does', async () => {
    const centre = (await findFirstCentre(ctx.db))!;
    const rows = await listProceduresWithCurrent(ctx.db, centre.id);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows.slice(0, 5)) {
      const single = await findVersion(ctx.db, row.currentVersionId!);
      expect(row.version).toEqual(single);
      expect(Number.isNaN(row.version.createdAt.getTime())).toBe(false);
    }
  });
});
