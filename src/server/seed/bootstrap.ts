/**
 * First start: a database without a centre gets one (the demo ward, or an empty centre for a real
 * installation), and a centre without an admin gets one. The admin password comes from
 * MOTCUA_ADMIN_PASSWORD, or is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { findUserByUsername, insertUser } from '../../db/repositories/people.repository';
import { findFirstCentre } from '../../db/repositories/reference.repository';
import { hashPassword } from '../auth/passwords';
import { inTransaction, type ServiceContext } from '../services/context';
import { importCatalogue } from '../services/catalogue';
import { insertCentre, seedDemoCentre } from './demo-centre';
import { DEMO_PROCEDURES } from './demo-procedures';

export interface BootstrapResult {
  centreId: string;
  seededDemo: boolean;
  /** Set only when an admin was created with a generated password: show it once. */
  generatedAdminPassword: string | null;
  createdAdmin: boolean;
}

export async function bootstrap(
  ctx: ServiceContext,
  options: { demo: boolean; adminPassword?: string | undefined },
): Promise<BootstrapResult> {
  let centre = await findFirstCentre(ctx.db);
  let seededDemo = false;
  if (!centre) {
    if (options.demo) {
      await seedDemoCentre(ctx);
      seededDemo = true;
      const demo = (await findFirstCentre(ctx.db))!;
      await importCatalogue(ctx, demo.id, null, { drafts: DEMO_PROCEDURES, warnings: [] }, 'demo');
    } else {
      await inTransaction(ctx, (tx) =>
        insertCentre(tx, ctx, { code: 'CHUA-DAT', name: 'Trung tâm Phục vụ hành chính công', shortName: 'TTPVHCC', address: null }),
      );
    }
    centre = (await findFirstCentre(ctx.db))!;
  }
  let generatedAdminPassword: string | null = null;
  let createdAdmin = false;
  if (!(await findUserByUsername(ctx.db, 'admin'))) {
    const password = options.adminPassword ?? randomBytes(9).toString('base64url');
    if (!options.adminPassword) generatedAdminPassword = password;
    await insertUser(ctx.db, {
      id: ctx.newId(),
      centreId: centre.id,
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      role: 'admin',
      passwordHash: await hashPassword(password),
      active: true,
      lang: 'vi',
    });
    createdAdmin = true;
  }
  return { centreId: centre.id, seededDemo, generatedAdminPassword, createdAdmin };
}
