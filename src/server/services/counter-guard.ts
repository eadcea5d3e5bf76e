/** Checks that the person acting at a counter is the officer signed in there. */
import { AppError } from '../../core/shared/app-error';
import { findCounter, lockCounter, type CounterWithFields } from '../../db/repositories/reference.repository';
import type { Actor, Tx } from './context';

export async function loadCounterOfOfficer(
  tx: Tx,
  actor: Actor,
  counterId: string,
  options: { lock?: boolean; mustBeOpen?: boolean } = {},
): Promise<CounterWithFields> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  // Lock first so two requests from one counter (a double key press) run one after the other.
  if (options.lock) await lockCounter(tx, counterId);
  const counter = await findCounter(tx, actor.centreId, counterId);
  if (!counter || !counter.active) throw new AppError('NOT_FOUND', { entity: 'quầy / counter' });
  if (counter.officerId !== actor.id) throw new AppError('NOT_AT_COUNTER', { counter: counter.number });
  if (options.mustBeOpen && counter.state !== 'open') throw new AppError('COUNTER_NOT_OPEN', { counter: counter.number });
  return counter;
}
