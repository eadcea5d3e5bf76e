/**
 * Ratings of dossiers (DOMAIN-VN §1.5; 766 indicator 5.4 counts their dislikes). A dossier is rated
 * once, after its result was handed over:
 * - at the return counter: the officer records "return" there, and the counter's rating screen asks
 *   about that dossier (after the visit's own rating, and with the same timeout);
 * - later, from the QR code on Form 01 or on the rating slip handed over with the result. Dossier codes
 *   are sequential and written in the tracking book, so the link also carries a token, an HMAC of the
 *   dossier id under a secret only the server knows: only the holder of the paper can rate.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  DeviceDossierRatingInput,
  DossierRatingView,
  PendingDossierRating,
  PublicDossierRating,
  PublicDossierRatingInput,
  Settings,
} from '../../contracts/api';
import { DOSSIER_STATUS_LABELS } from '../../contracts/labels';
import type { Lang } from '../../contracts/lang';
import { assertRatable, pendingReturns, scoreDossierRating } from '../../core/rating/dossier-rating';
import type { Dossier } from '../../core/dossier/dossier-types';
import { AppError } from '../../core/shared/app-error';
import {
  ensureRatingLinkSecret,
  findDossierRating,
  insertDossierRating,
  type DossierRatingRow,
} from '../../db/repositories/dossier-rating.repository';
import { findDossier, findDossierByCode, type DossierRecord } from '../../db/repositories/dossier.repository';
import { appendEvents, lastCounterEvents } from '../../db/repositories/event.repository';
import { findCentre as findCentreRow, findCounter, findCounterOfOfficer } from '../../db/repositories/reference.repository';
import { renderRatingSlip } from '../printing/dossier-rating-slip.html';
import { actorColumns, inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { toStreamCounter } from './views';

// ---------------------------------------------------------------------------------------------
// The link token
// ---------------------------------------------------------------------------------------------

/** Secrets by centre, per context: read once, they never change. */
const secrets = new WeakMap<ServiceContext, Map<string, string>>();

async function linkSecret(ctx: ServiceContext, centreId: string): Promise<string> {
  let byCentre = secrets.get(ctx);
  if (!byCentre) secrets.set(ctx, (byCentre = new Map()));
  let secret = byCentre.get(centreId);
  if (!secret) {
    secret = await ensureRatingLinkSecret(ctx.db, centreId, randomBytes(32).toString('base64url'));
    byCentre.set(centreId, secret);
  }
  return secret;
}

/** 128 bits of HMAC-SHA256 over the dossier id: short enough for a QR code, far too many to guess. */
export async function ratingToken(ctx: ServiceContext, centreId: string, dossierId: string): Promise<string> {
  const secret = await linkSecret(ctx, centreId);
  return createHmac('sha256', secret).update(`dossier-rating:${dossierId}`).digest().subarray(0, 16).toString('base64url');
}

async function assertToken(ctx: ServiceContext, record: DossierRecord, token: string): Promise<void> {
  const expected = Buffer.from(await ratingToken(ctx, record.centreId, record.dossier.id));
  const given = Buffer.from(token.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('RATING_LINK_INVALID');
}

/** Where the paper's QR codes lead: the lookup page (which offers the rating once returned) and the rating page. */
export async function dossierLinks(ctx: ServiceContext, centreId: string, dossier: { id: string; code: string }, base: string): Promise<{ lookupUrl: string; rateUrl: string }> {
  const token = await ratingToken(ctx, centreId, dossier.id);
  const root = base.replace(/\/+$/, '');
  const query = `code=${encodeURIComponent(dossier.code)}&t=${encodeURIComponent(token)}`;
  return { lookupUrl: `${root}/lookup?${query}`, rateUrl: `${root}/danh-gia?${query}` };
}

// ---------------------------------------------------------------------------------------------
// The return at a counter
// ---------------------------------------------------------------------------------------------

/**
 * Called in the transaction that records a dossier's return: logs `dossier.returned` against the
 * counter the officer is working at, so that counter's rating screen can ask about it.
 */
export async function logDossierReturned(tx: Tx, actor: Actor, dossier: Dossier, now: Date): Promise<void> {
  if (actor.kind !== 'user') return;
  const seat = await findCounterOfOfficer(tx, actor.id);
  const counter = seat ? await findCounter(tx, actor.centreId, seat.id) : undefined;
  await appendEvents(tx, [
    {
      centreId: actor.centreId,
      type: 'dossier.returned',
      at: now,
      ticketId: dossier.ticketId,
      counterId: counter?.id ?? null,
      officerId: actor.id,
      ...actorColumns(actor),
      facts: { dossierId: dossier.id, code: dossier.code },
      payload: counter ? { counter: toStreamCounter(counter) } : {},
    },
  ]);
}

function ratingDevice(actor: Actor): { id: string; centreId: string; counterId: string } {
  if (actor.kind !== 'device' || actor.deviceKind !== 'rating') throw new AppError('FORBIDDEN');
  if (!actor.counterId) throw new AppError('NOTHING_TO_RATE');
  return { id: actor.id, centreId: actor.centreId, counterId: actor.counterId };
}

function criteriaOf(settings: Settings): PendingDossierRating['criteria'] {
  return settings.ratingCriteria.map((c) => ({ key: c.key, labelVi: c.labelVi, labelEn: c.labelEn }));
}

/**
 * A citizen who started answering (a comment takes a while) may send a little after the question
 * closed on the screen; never once the counter serves someone else.
 */
const SUBMIT_GRACE_SECONDS = 300;

/** Returned dossiers the screen at this counter still asks about, oldest first, unrated. */
async function pendingAtCounter(ctx: ServiceContext, device: { centreId: string; counterId: string }, settings: Settings, graceSeconds = 0) {
  const now = ctx.clock();
  // A service rarely lasts hours; a day's events are plenty to find the start of the current one.
  const since = new Date(now.getTime() - 12 * 3600_000);
  const events = await lastCounterEvents(ctx.db, device.counterId, ['dossier.returned', 'ticket.started', 'ticket.finished'], since, 50);
  const open = pendingReturns(events, now, settings.ratingTimeoutSeconds + graceSeconds);
  const result: { record: DossierRecord; returnedAt: Date; expiresAt: Date }[] = [];
  for (const p of open) {
    const record = await findDossier(ctx.db, device.centreId, p.dossierId);
    if (!record || record.dossier.status !== 'returned') continue;
    if (await findDossierRating(ctx.db, p.dossierId)) continue;
    result.push({ record, returnedAt: p.returnedAt, expiresAt: p.expiresAt });
  }
  return result;
}

export async function getPendingDossierRating(ctx: ServiceContext, actor: Actor): Promise<PendingDossierRating | null> {
  const device = ratingDevice(actor);
  const { settings } = await ctx.hall.get(ctx.db, device.centreId);
  const [first] = await pendingAtCounter(ctx, device, settings);
  if (!first) return null;
  const d = first.record.dossier;
  return {
    dossierId: d.id,
    code: d.code,
    procedureName: d.procedureName,
    returnedAt: first.returnedAt.toISOString(),
    expiresAt: first.expiresAt.toISOString(),
    scale: settings.ratingScale,
    criteria: criteriaOf(settings),
  };
}

export async function rateDossierAtCounter(ctx: ServiceContext, actor: Actor, input: DeviceDossierRatingInput): Promise<DossierRatingView> {
  const device = ratingDevice(actor);
  const { settings } = await ctx.hall.get(ctx.db, device.centreId);
  const pending = await pendingAtCounter(ctx, device, settings, SUBMIT_GRACE_SECONDS);
  if (!pending.some((p) => p.record.dossier.id === input.dossierId)) {
    const record = await findDossier(ctx.db, device.centreId, input.dossierId);
    if (record && (await findDossierRating(ctx.db, record.dossier.id))) throw new AppError('ALREADY_RATED');
    throw new AppError('NOTHING_TO_RATE');
  }
  return saveRating(ctx, actor, device.centreId, input.dossierId, settings, input, { source: 'counter', deviceId: device.id, counterId: device.counterId });
}

// ---------------------------------------------------------------------------------------------
// The public page
// ---------------------------------------------------------------------------------------------

async function recordByCode(ctx: ServiceContext, code: string): Promise<DossierRecord> {
  const record = await findDossierByCode(ctx.db, code.trim().toUpperCase());
  if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
  return record;
}

export async function getPublicDossierRating(ctx: ServiceContext, code: string, token: string, lang: Lang): Promise<PublicDossierRating> {
  const record = await recordByCode(ctx, code);
  await assertToken(ctx, record, token);
  const [{ settings }, rating] = await Promise.all([ctx.hall.get(ctx.db, record.centreId), findDossierRating(ctx.db, record.dossier.id)]);
  const d = record.dossier;
  return {
    code: d.code,
    procedureName: d.procedureName,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status][lang],
    returnedAt: d.returnedAt ? d.returnedAt.toISOString() : null,
    ratable: d.status === 'returned' && !rating,
    scale: settings.ratingScale,
    criteria: criteriaOf(settings),
    rating: rating ? viewOf(rating, d) : null,
  };
}

export async function rateDossierByLink(ctx: ServiceContext, code: string, input: PublicDossierRatingInput): Promise<DossierRatingView> {
  const record = await recordByCode(ctx, code);
  await assertToken(ctx, record, input.token);
  const { settings } = await ctx.hall.get(ctx.db, record.centreId);
  return saveRating(ctx, { kind: 'public', centreId: record.centreId }, record.centreId, record.dossier.id, settings, input, {
    source: input.via,
    deviceId: null,
    counterId: null,
  });
}

// ---------------------------------------------------------------------------------------------

async function saveRating(
  ctx: ServiceContext,
  actor: Actor,
  centreId: string,
  dossierId: string,
  settings: Settings,
  answer: { value: number; criteria: readonly { key: string; value: number }[]; comment: string | null },
  origin: { source: DossierRatingRow['source']; deviceId: string | null; counterId: string | null },
): Promise<DossierRatingView> {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    const record = await findDossier(tx, centreId, dossierId, true);
    if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
    const d = record.dossier;
    if (await findDossierRating(tx, d.id)) throw new AppError('ALREADY_RATED');
    assertRatable(d);
    const scored = scoreDossierRating(settings.ratingScale, settings.ratingCriteria, answer);
    const officerIds = [...new Set(d.steps.map((s) => s.officerId).filter((id): id is string => id !== null))];
    const inserted = await insertDossierRating(tx, {
      id: ctx.newId(),
      centreId,
      dossierId: d.id,
      procedureId: record.procedureId,
      fieldName: record.fieldName,
      receivedBy: d.receivedById,
      officerIds,
      ...scored,
      source: origin.source,
      deviceId: origin.deviceId,
      at: now,
    });
    if (!inserted) throw new AppError('ALREADY_RATED');
    await appendEvents(tx, [
      {
        centreId,
        type: 'rating.created',
        at: now,
        ticketId: null,
        counterId: origin.counterId,
        officerId: d.receivedById,
        ...actorColumns(actor),
        facts: {
          dossierId: d.id,
          code: d.code,
          procedureId: record.procedureId,
          value: scored.value,
          scaleSize: scored.scaleSize,
          reportsAs: scored.reportsAs,
          source: origin.source,
        },
        payload: {},
      },
    ]);
    return viewOf((await findDossierRating(tx, d.id))!, d);
  });
}

function viewOf(row: DossierRatingRow, d: Pick<Dossier, 'code' | 'procedureName'>): DossierRatingView {
  return {
    code: d.code,
    procedureName: d.procedureName,
    value: row.value,
    scaleSize: row.scaleSize,
    reportsAs: row.reportsAs,
    criteria: row.criteria,
    comment: row.comment,
    source: row.source,
    at: new Date(row.at).toISOString(),
  };
}

/** The officer's view of a dossier's rating, if any (the dossier page shows it). */
export async function getDossierRating(ctx: ServiceContext, actor: Actor, dossierId: string): Promise<DossierRatingView | null> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const record = await findDossier(ctx.db, actor.centreId, dossierId);
  if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
  const row = await findDossierRating(ctx.db, dossierId);
  return row ? viewOf(row, record.dossier) : null;
}

/** The rating slip handed over with the result; only a returned dossier has one. */
export async function renderRatingSlipPage(ctx: ServiceContext, actor: Actor, dossierId: string, base: string): Promise<string> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const record = await findDossier(ctx.db, actor.centreId, dossierId);
  if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
  const d = record.dossier;
  assertRatable(d);
  const [centre, { settings }, links] = await Promise.all([
    findCentreRow(ctx.db, actor.centreId),
    ctx.hall.get(ctx.db, actor.centreId),
    dossierLinks(ctx, actor.centreId, d, base),
  ]);
  return renderRatingSlip({
    centre: { name: centre?.name ?? '', parentAgency: settings.parentAgencyName },
    code: d.code,
    procedureName: d.procedureName,
    returnedAt: d.returnedAt!,
    rateUrl: links.rateUrl,
    scale: settings.ratingScale,
    criteria: settings.ratingCriteria,
    place: settings.formPlaceName,
  });
}
