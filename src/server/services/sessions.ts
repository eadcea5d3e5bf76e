/** People log in with a user name and password and get a session cookie. */
import { AppError } from '../../core/shared/app-error';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findSessionUser,
  findUserByUsername,
  insertSession,
} from '../../db/repositories/people.repository';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { hashSecret, newSecret } from '../auth/tokens';
import type { ServiceContext, SessionIdentity } from './context';

export const SESSION_DAYS = 7;
const DAY_MS = 24 * 3600_000;

export type SessionUser = SessionIdentity;

export async function logIn(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const row = await findUserByUsername(ctx.db, username.toLowerCase());
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
  if (!row || !ok || !row.active) throw new AppError('LOGIN_FAILED');
  const now = ctx.clock();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await deleteExpiredSessions(ctx.db, now);
  await insertSession(ctx.db, { tokenHash: hashSecret(token), userId: row.id, createdAt: now, expiresAt });
  const { passwordHash: _hash, createdAt: _created, ...user } = row;
  return { token, user, expiresAt };
}

/** The user behind a session token; sliding expiry renewed at most once an hour. */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<SessionUser | null> {
  const tokenHash = hashSecret(token);
  const cached = ctx.sessions.get(tokenHash);
  if (cached !== undefined) return cached;
  const now = ctx.clock();
  const row = await findSessionUser(ctx.db, tokenHash, now);
  if (!row) {
    ctx.sessions.set(tokenHash, null);
    return null;
  }
  const renewed = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  if (renewed.getTime() - row.expiresAt.getTime() > 3600_000) await extendSession(ctx.db, tokenHash, renewed);
  const { expiresAt: _e, ...user } = row;
  ctx.sessions.set(tokenHash, user);
  return user;
}

export async function logOut(ctx: ServiceContext, token: string): Promise<void> {
  const tokenHash = hashSecret(token);
  await deleteSession(ctx.db, tokenHash);
  ctx.sessions.delete(tokenHash);
}
