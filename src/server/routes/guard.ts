import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/shared/app-error';
import { authenticate, type Accepts } from '../http/auth';
import type { Actor } from '../services/context';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** A preHandler that admits only the callers a route accepts. */
export function guard(accepts: Accepts) {
  return async (request: FastifyRequest) => {
    request.actor = await authenticate(request.server.deps.ctx, request, accepts);
  };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** The centre's own staff. A province inspector looks at the centre's records, and never works its counters or desks. */
export const OFFICERS = { users: ['officer', 'manager', 'admin'] } as const;
/** Anyone signed in. */
export const SIGNED_IN = { users: 'any' } as const;
export const MANAGERS = { users: ['manager', 'admin'] } as const;
export const ADMINS = { users: ['admin'] } as const;
/** Administrative-reform oversight: managers (unit heads among them), admins and province inspectors. */
export const OVERSIGHT = { users: ['manager', 'admin', 'inspector'] } as const;
