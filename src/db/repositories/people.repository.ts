/** Officers, managers, admins and inspectors, and their login sessions. */
import type { Executor } from './executor';

const USER_COLUMNS = ['id', 'centreId', 'username', 'fullName', 'role', 'unitId', 'active', 'lang'] as const;

export async function findUserByUsername(ex: Executor, username: string) {
  return ex.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(ex: Executor, id: string) {
  return ex.selectFrom('appUser').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(ex: Executor, centreId: string) {
  return ex.selectFrom('appUser').select(USER_COLUMNS).where('centreId', '=', centreId).orderBy('username').execute();
}

export async function insertUser(
  ex: Executor,
  user: {
    id: string;
    centreId: string;
    username: string;
    fullName: string;
    role: 'officer' | 'manager' | 'admin' | 'inspector';
    unitId?: string | null;
    passwordHash: string;
    active: boolean;
    lang: 'vi' | 'en';
  },
): Promise<void> {
  await ex.insertInto('appUser').values(user).execute();
}

export async function updateUser(
  ex: Executor,
  id: string,
  change: Partial<{ fullName: string; role: 'officer' | 'manager' | 'admin' | 'inspector'; unitId: string | null; active: boolean; lang: 'vi' | 'en'; passwordHash: string; username: string }>,
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await ex.updateTable('appUser').set(change).where('id', '=', id).execute();
}

export async function insertSession(
  ex: Executor,
  session: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await ex.insertInto('userSession').values(session).execute();
}

/** The active user behind a session token hash, if the session is still valid. */
export async function findSessionUser(ex: Executor, tokenHash: string, now: Date) {
  return ex
    .selectFrom('userSession')
    .innerJoin('appUser', 'appUser.id', 'userSession.userId')
    .select([
      'appUser.id',
      'appUser.centreId',
      'appUser.username',
      'appUser.fullName',
      'appUser.role',
      'appUser.unitId',
      'appUser.active',
      'appUser.lang',
      'userSession.expiresAt',
    ])
    .where('userSession.tokenHash', '=', tokenHash)
    .where('userSession.expiresAt', '>', now)
    .where('appUser.active', '=', true)
    .executeTakeFirst();
}

export async function extendSession(ex: Executor, tokenHash: string, expiresAt: Date): Promise<void> {
  await ex.updateTable('userSession').set({ expiresAt }).where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSession(ex: Executor, tokenHash: string): Promise<void> {
  await ex.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(ex: Executor, userId: string): Promise<void> {
  await ex.deleteFrom('userSession').where('userId', '=', userId).execute();
}

export async function deleteExpiredSessions(ex: Executor, now: Date): Promise<void> {
  await ex.deleteFrom('userSession').where('expiresAt', '<=', now).execute();
}
