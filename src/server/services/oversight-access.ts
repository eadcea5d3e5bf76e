/**
 * Who may see what in administrative-reform oversight (inspections, self-evaluation, reform reports,
 * process documents). Admins and managers without a unit see every unit; a manager who belongs to a unit
 * is its head and sees that unit only; inspectors (province level) see what they are assigned to, which
 * each feature decides (the plans they inspect, the evaluations they appraise).
 */
import { AppError } from '../../core/shared/app-error';
import type { Actor } from './context';

export type OversightActor = Extract<Actor, { kind: 'user' }> & { role: 'manager' | 'admin' | 'inspector' };

export function assertOversight(actor: Actor): asserts actor is OversightActor {
  if (actor.kind !== 'user' || (actor.role !== 'manager' && actor.role !== 'admin' && actor.role !== 'inspector')) {
    throw new AppError('FORBIDDEN');
  }
}

/** The one unit a unit head is limited to; null when the actor is not limited to a unit. */
export function unitScope(actor: Actor): string | null {
  if (actor.kind !== 'user' || actor.role !== 'manager') return null;
  return actor.unitId ?? null;
}

/** Units are kept by the installation's administrators. */
export function assertOversightAdmin(actor: Actor): asserts actor is OversightActor {
  if (actor.kind !== 'user' || actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

export function isInspector(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'inspector';
}
