/**
 * Who is calling. People carry a session cookie; paired devices carry a device token (a cookie per
 * device kind, so one browser can be both a kiosk and a board in a demo, or an Authorization
 * bearer header). Each route states which callers it accepts.
 */
import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/shared/app-error';
import type { Actor, ServiceContext } from '../services/context';
import { resolveDevice } from '../services/devices';
import { resolveSession } from '../services/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    userLang?: 'vi' | 'en';
  }
}

export const SESSION_COOKIE = 'motcua_session';
export const deviceCookie = (kind: string) => `motcua_device_${kind}`;

export type Role = 'officer' | 'manager' | 'admin' | 'inspector';
export type BrowserDeviceKind = 'kiosk' | 'display' | 'rating';

export interface Accepts {
  /** Roles of people accepted; 'any' for every signed-in person. */
  users?: readonly Role[] | 'any';
  devices?: readonly BrowserDeviceKind[];
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match ? match[1]! : null;
}

/** Resolves the caller among those the route accepts, or throws UNAUTHENTICATED / FORBIDDEN. */
export async function authenticate(ctx: ServiceContext, request: FastifyRequest, accepts: Accepts): Promise<Actor> {
  let signedInButNotAllowed = false;
  if (accepts.users) {
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 200) {
      const user = await resolveSession(ctx, token);
      if (user) {
        request.userLang = user.lang;
        if (accepts.users === 'any' || accepts.users.includes(user.role)) {
          return { kind: 'user', id: user.id, centreId: user.centreId, role: user.role, name: user.fullName, unitId: user.unitId };
        }
        signedInButNotAllowed = true;
      }
    }
  }
  if (accepts.devices && accepts.devices.length > 0) {
    const tokens = [bearer(request), ...accepts.devices.map((k) => request.cookies[deviceCookie(k)] ?? null)];
    for (const token of tokens) {
      if (!token || token.length > 200) continue;
      const device = await resolveDevice(ctx, token);
      if (!device) continue;
      if (device.kind === 'printer' || !accepts.devices.includes(device.kind)) {
        signedInButNotAllowed = true;
        continue;
      }
      return {
        kind: 'device',
        id: device.id,
        centreId: device.centreId,
        deviceKind: device.kind,
        counterId: device.counterId,
        printerId: device.printerId,
      };
    }
  }
  throw new AppError(signedInButNotAllowed ? 'FORBIDDEN' : 'UNAUTHENTICATED');
}

export function setCookie(reply: FastifyReply, name: string, value: string, maxAgeSeconds: number, secure: boolean) {
  reply.setCookie(name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: maxAgeSeconds,
  });
}
