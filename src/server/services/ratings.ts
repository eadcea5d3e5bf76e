/**
 * The rating screen facing the citizen at a counter. After "finish", the service just ended there
 * waits for one rating, bound to the ticket, the service number and the officer who served.
 */
import type { PendingRating } from '../../contracts/api';
import { AppError } from '../../core/shared/app-error';
import { appendEvents, lastCounterEvents } from '../../db/repositories/event.repository';
import { findCounter } from '../../db/repositories/reference.repository';
import { findRating, insertRating } from '../../db/repositories/rating.repository';
import { findTicket } from '../../db/repositories/ticket.repository';
import { findUser } from '../../db/repositories/people.repository';
import { actorColumns, inTransaction, type Actor, type ServiceContext } from './context';

type RatingDevice = Extract<Actor, { kind: 'device' }>;

function counterOf(actor: Actor): string {
  if (actor.kind !== 'device' || actor.deviceKind !== 'rating') throw new AppError('FORBIDDEN');
  if (!actor.counterId) throw new AppError('NOTHING_TO_RATE');
  return actor.counterId;
}

/**
 * The latest service finished at this screen's counter that is still unrated and not too old. It
 * stays open while the next citizen walks up, and closes when the counter starts serving them.
 */
export async function getPendingRating(ctx: ServiceContext, actor: Actor): Promise<PendingRating | null> {
  const counterId = counterOf(actor);
  const now = ctx.clock();
  const { settings } = await ctx.hall.get(ctx.db, actor.centreId);
  const since = new Date(now.getTime() - settings.ratingTimeoutSeconds * 1000);
  const [last] = await lastCounterEvents(ctx.db, counterId, ['ticket.finished', 'ticket.started'], since, 1);
  if (!last || last.type !== 'ticket.finished') return null;
  const serveNo = Number(last.facts['serveNo']);
  const ticket = last.ticketId ? await findTicket(ctx.db, last.ticketId) : undefined;
  if (!ticket || !Number.isInteger(serveNo)) return null;
  if (await findRating(ctx.db, ticket.id, serveNo)) return null;
  const finishedAt = last.at;
  const [counter, officer] = await Promise.all([
    findCounter(ctx.db, actor.centreId, counterId),
    last.officerId ? findUser(ctx.db, last.officerId) : Promise.resolve(undefined),
  ]);
  return {
    ticketId: ticket.id,
    serveNo,
    displayNumber: ticket.displayNumber,
    officerName: officer?.fullName ?? null,
    counterNumber: counter?.number ?? 0,
    finishedAt: finishedAt.toISOString(),
    scale: settings.ratingScale,
    expiresAt: new Date(finishedAt.getTime() + settings.ratingTimeoutSeconds * 1000).toISOString(),
  };
}

export async function submitRating(
  ctx: ServiceContext,
  actor: Actor,
  input: { ticketId: string; serveNo: number; value: number },
): Promise<{ id: string; reportsAs: string }> {
  const counterId = counterOf(actor);
  const device = actor as RatingDevice;
  const pending = await getPendingRating(ctx, actor);
  if (!pending || pending.ticketId !== input.ticketId || pending.serveNo !== input.serveNo) {
    const already = await findRating(ctx.db, input.ticketId, input.serveNo);
    throw new AppError(already ? 'ALREADY_RATED' : 'NOTHING_TO_RATE');
  }
  const option = pending.scale.find((o) => o.value === input.value);
  if (!option) throw new AppError('INVALID_SCORE');
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    const ticket = await findTicket(tx, input.ticketId);
    if (!ticket) throw new AppError('NOTHING_TO_RATE');
    const [finished] = await lastCounterEvents(tx, counterId, ['ticket.finished'], new Date(pending.finishedAt), 1);
    const officerId = finished?.officerId ?? null;
    const id = ctx.newId();
    const inserted = await insertRating(tx, {
      id,
      centreId: actor.centreId,
      ticketId: ticket.id,
      serveNo: input.serveNo,
      value: input.value,
      reportsAs: option.reportsAs,
      officerId,
      counterId,
      fieldId: String(finished?.facts['fieldId'] ?? ticket.fieldId),
      deviceId: device.id,
      at: now,
    });
    if (!inserted) throw new AppError('ALREADY_RATED');
    await appendEvents(tx, [
      {
        centreId: actor.centreId,
        type: 'rating.submitted',
        at: now,
        ticketId: ticket.id,
        counterId,
        officerId,
        ...actorColumns(actor),
        facts: { serveNo: input.serveNo, value: input.value, reportsAs: option.reportsAs },
        payload: { rating: { ticketId: ticket.id, serveNo: input.serveNo, value: input.value } },
      },
    ]);
    return { id, reportsAs: option.reportsAs };
  });
}
