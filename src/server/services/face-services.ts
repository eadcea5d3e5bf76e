/**
 * What the face is used for, and nothing else:
 *   - taking a number: with consent, the face links the ticket to the person, so the same person
 *     asking again for the same field gets their active ticket back (no number grabbing);
 *   - remembering a citizen who asked for it, recognised next time as a suggestion that only
 *     counts once they confirm a second factor (the last digits of their phone);
 *   - confirming at the counter that the person who arrived is the one called (1:1);
 *   - erasure on request, and the end of retention.
 * Templates arrive from the kiosk (never images), are stored sealed under a key of their own kept
 * outside the database (template-vault.ts), are read only by the matching gallery and the counter's
 * 1:1 check (audited), and are never returned by any API or written to a log or an event. Deleting
 * a template destroys its key in the same transaction; every 1:N search is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { FACE_FRAMES_PER_TEMPLATE, FACE_MODELS, isFaceModelId, type FaceSearchKind } from '../../contracts/face';
import type { FaceCapture, Settings } from '../../contracts/api';
import type { FacePolicy } from '../../core/face/face-policy';
import { decideMatch, dot, normalizeTemplate, type MatchDecisionKind } from '../../core/face/template-math';
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import { ACTIVE_AT_COUNTER, OPEN_STATUSES, type Ticket } from '../../core/queue/ticket';
import { appendEvents } from '../../db/repositories/event.repository';
import {
  deleteTicketTemplates,
  eraseCitizen,
  findCitizen,
  insertCitizen,
  insertConsent,
  insertTemplate,
  purgeExpiredTemplates,
  readTemplate,
  recordSearch,
  type AuditActor,
} from '../../db/repositories/face.repository';
import {
  answerReuseCheck,
  countRecognitionsSince,
  findReuseCheck,
  insertReuseCheck,
  purgeRecognitionsBefore,
  recordRecognition,
  setReuseCheckNewTicket,
} from '../../db/repositories/face-decision.repository';
import { findTicket } from '../../db/repositories/ticket.repository';
import { actorColumns, inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { rememberedGroup, walkInGroup } from './face-gallery';
import { forgetLeftoverTemplates } from './face-privacy';
import { issueTicket, type IssueTicketCommand, type IssuedTicketResult } from './issue-ticket';
import { facePolicyOf } from './settings';

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
const CANDIDATE_SECONDS = 120;
/** Long enough for the kiosk's confirmation screen and a slow answer; an answer after it is refused. */
const REUSE_CHECK_SECONDS = 300;

/** The face decisions in force for the centre of `settings` on this site. */
export function currentFacePolicy(ctx: ServiceContext, settings: Settings): FacePolicy {
  return facePolicyOf(settings, ctx.installedFaceModels());
}

/**
 * Decodes and checks a template sent by a kiosk or a counter; it must come from the model the
 * centre uses now (FACE_MODEL_CHANGED tells an out-of-date device to reload), with that model's
 * length, finite and non-zero (FACE_TEMPLATE_INVALID otherwise).
 */
export function readCapture(capture: FaceCapture, policy: FacePolicy): Float32Array {
  if (!isFaceModelId(capture.model)) throw new AppError('FACE_TEMPLATE_INVALID', { detail: 'model' });
  if (capture.model !== policy.model) throw new AppError('FACE_MODEL_CHANGED', { model: policy.model });
  const length = FACE_MODELS[policy.model].templateLength;
  const bytes = Buffer.from(capture.template, 'base64');
  if (bytes.length !== length * 4) throw new AppError('FACE_TEMPLATE_INVALID', { detail: 'length' });
  const values = new Float32Array(length);
  for (let i = 0; i < values.length; i++) values[i] = bytes.readFloatLE(i * 4);
  if (!values.every(Number.isFinite) || values.every((v) => v === 0)) {
    throw new AppError('FACE_TEMPLATE_INVALID', { detail: 'values' });
  }
  return normalizeTemplate(values);
}

export function auditActor(actor: Actor): AuditActor {
  const { actorKind, actorId } = actorColumns(actor);
  return { actorKind, actorId };
}

const SEARCH_PURPOSES: Record<FaceSearchKind, string> = {
  'walk-in-reuse': 'one number per person per field today',
  'returning-citizen': 'recognising a remembered citizen',
  erasure: "finding the citizen's templates to erase them",
};

/** Audits one 1:N search: who, when, which search, the outcome, how many templates it looked at. */
async function auditSearch(
  ctx: ServiceContext,
  actor: Actor,
  kind: FaceSearchKind,
  searched: number,
  outcome: MatchDecisionKind,
  reused: boolean | null = null,
): Promise<void> {
  await recordSearch(
    ctx.db,
    { centreId: actor.centreId, at: ctx.clock(), kind, outcome, reused, templates: searched, purpose: SEARCH_PURPOSES[kind] },
    auditActor(actor),
  );
}

/**
 * Seals a new template under one key per stored row. Null when the key store cannot be written:
 * the citizen still gets their number, without the face being kept.
 */
async function sealForStorage(ctx: ServiceContext, ids: readonly string[], template: Float32Array): Promise<Map<string, Uint8Array> | null> {
  const sealed = new Map<string, Uint8Array>();
  try {
    for (const id of ids) sealed.set(id, await ctx.vault.seal(id, template));
    return sealed;
  } catch (error) {
    ctx.vault.log.error({ keyStore: ctx.vault.keys.location ?? 'memory', err: error }, 'the face key store cannot be written: the number is issued without keeping the face');
    await ctx.vault.destroy([...sealed.keys()]).catch(() => undefined);
    return null;
  }
}

function hashPhoneHint(citizenId: string, digits: string): string {
  return createHash('sha256').update(`${citizenId}:${digits}`).digest('hex');
}

/** Tells every instance (through the event log) which templates were stored or deleted. */
export async function logFaceEvent(
  tx: Tx,
  actor: Actor,
  type: 'face.template-added' | 'face.template-removed',
  at: Date,
  templateIds: readonly string[],
): Promise<void> {
  // Ids only: the templates themselves never enter the log.
  await appendEvents(tx, [
    {
      centreId: actor.centreId,
      type,
      at,
      ticketId: null,
      counterId: null,
      officerId: null,
      ...actorColumns(actor),
      facts: { templateIds: [...templateIds] },
      payload: {},
    },
  ]);
}

export interface TakeTicketResult extends IssuedTicketResult {
  reused: boolean;
  faceStored: boolean;
  /** Set when a held number was given back on a face match: the citizen is asked to confirm it. */
  reuseCheck: { token: string; expiresAt: string } | null;
}

export interface TakeTicketCommand extends IssueTicketCommand {
  face?:
    | {
        consent: 'declined' | 'today' | 'remember';
        capture?: FaceCapture | undefined;
        phoneHint?: string | undefined;
        notMine?: string | undefined;
      }
    | undefined;
}

/**
 * The reuse check a "not mine" answer refers to, when it is this kiosk's, for this field, still open:
 * marked rejected (a false match measured in the hall). Anything else is refused, changing nothing.
 */
async function rejectReuse(ctx: ServiceContext, actor: Actor, token: string, fieldId: string, now: Date): Promise<string> {
  const check = await findReuseCheck(ctx.db, token);
  const kioskId = actor.kind === 'device' ? actor.id : null;
  if (!check || check.centreId !== actor.centreId || check.kioskId !== kioskId || check.fieldId !== fieldId || check.outcome !== 'pending' || check.expiresAt <= now) {
    throw new AppError('FACE_REUSE_CHECK_EXPIRED');
  }
  if (!(await answerReuseCheck(ctx.db, token, { outcome: 'rejected', answeredAt: now }))) throw new AppError('FACE_REUSE_CHECK_EXPIRED');
  return check.id;
}

/**
 * A kiosk issues a number, with or without the face. Declining keeps no face data at all and still
 * gives a number; with consent, the same person's active ticket for the field is given back — only
 * on a multi-frame template that clears the threshold and leads the second-best candidate by the
 * margin, and the citizen is then asked to confirm it is theirs ("not mine" gives a new number).
 */
export async function takeTicket(
  ctx: ServiceContext,
  actor: Actor,
  command: TakeTicketCommand,
  describe: (ticket: Ticket) => Promise<IssuedTicketResult>,
): Promise<TakeTicketResult> {
  const face = command.face;
  const now = ctx.clock();
  const plain = { reused: false, faceStored: false, reuseCheck: null };
  if (!face) return { ...(await issueTicket(ctx, actor, command)), ...plain };
  const { settings } = await ctx.hall.get(ctx.db, actor.centreId);
  const kioskId = actor.kind === 'device' ? actor.id : null;

  if (face.consent === 'declined') {
    const issued = await issueTicket(ctx, actor, command);
    // The refusal itself is recorded (when, where, for which visit) — no face data is.
    await insertConsent(ctx.db, {
      id: ctx.newId(),
      centreId: actor.centreId,
      kioskId,
      scope: 'declined',
      purpose: 'queue number',
      citizenId: null,
      ticketId: issued.ticket.id,
      givenAt: now,
      withdrawnAt: null,
    });
    return { ...issued, ...plain };
  }

  if (!settings.faceEnabled) throw new AppError('FACE_DISABLED');
  if (face.consent === 'remember' && !settings.faceRememberEnabled) throw new AppError('FACE_DISABLED');
  if (!face.capture) throw new AppError('VALIDATION_FAILED', { detail: 'face.capture' });
  const policy = currentFacePolicy(ctx, settings);
  const probe = readCapture(face.capture, policy);
  const serviceDay = serviceDayOf(now);
  await ctx.faces.ensureLoaded(ctx.db);
  const group = walkInGroup(policy.model, actor.centreId, command.fieldId, serviceDay);

  // "Not mine": the number given back belonged to someone else. Recorded, and a new number issued.
  const rejectedCheck = face.notMine ? await rejectReuse(ctx, actor, face.notMine, command.fieldId, now) : null;

  if (!rejectedCheck) {
    // The same person already holding an active number for this field gets it back.
    const decision = decideMatch(ctx.faces.search(group, probe, 3), { threshold: policy.threshold, minMargin: policy.margin });
    const multiFrame = (face.capture.frames ?? 1) >= FACE_FRAMES_PER_TEMPLATE;
    if (decision.decision === 'match' && decision.id && decision.score !== null && multiFrame) {
      const held = await findTicket(ctx.db, decision.id);
      if (held && held.fieldId === command.fieldId && OPEN_STATUSES.includes(held.status) && held.status !== 'no-show') {
        const token = randomBytes(24).toString('base64url');
        const expiresAt = new Date(now.getTime() + REUSE_CHECK_SECONDS * 1000);
        await insertReuseCheck(ctx.db, {
          id: token,
          centreId: actor.centreId,
          kioskId,
          model: policy.model,
          fieldId: command.fieldId,
          ticketId: held.id,
          score: decision.score,
          margin: decision.margin,
          createdAt: now,
          expiresAt,
          answeredAt: null,
          newTicketId: null,
        });
        await auditSearch(ctx, actor, 'walk-in-reuse', ctx.faces.size(group), decision.decision, true);
        return { ...(await describe(held)), reused: true, faceStored: true, reuseCheck: { token, expiresAt: expiresAt.toISOString() } };
      }
    }
    await auditSearch(ctx, actor, 'walk-in-reuse', ctx.faces.size(group), decision.decision, false);
  }

  const issued = await issueTicket(ctx, actor, command);
  if (rejectedCheck) await setReuseCheckNewTicket(ctx.db, rejectedCheck, issued.ticket.id);
  const walkInId = ctx.newId();
  const citizenId = face.consent === 'remember' ? ctx.newId() : null;
  const rememberedId = citizenId ? ctx.newId() : null;
  const sealed = await sealForStorage(ctx, rememberedId ? [walkInId, rememberedId] : [walkInId], probe);
  if (!sealed) return { ...issued, reused: false, faceStored: false, reuseCheck: null };
  await inTransaction(ctx, async (tx) => {
    const consentId = ctx.newId();
    if (citizenId) {
      await insertCitizen(tx, {
        id: citizenId,
        centreId: actor.centreId,
        phoneHintHash: face.phoneHint ? hashPhoneHint(citizenId, face.phoneHint) : null,
        createdAt: now,
      });
    }
    await insertConsent(tx, {
      id: consentId,
      centreId: actor.centreId,
      kioskId,
      scope: face.consent,
      purpose: citizenId ? 'queue number; recognising the citizen on later visits' : 'queue number today',
      citizenId,
      ticketId: issued.ticket.id,
      givenAt: now,
      withdrawnAt: null,
    });
    const common = { centreId: actor.centreId, consentId, model: policy.model, dimensions: probe.length, createdAt: now };
    // A walk-in template ends with its day (local midnight).
    await insertTemplate(
      tx,
      {
        ...common,
        id: walkInId,
        template: sealed.get(walkInId)!,
        kind: 'walk-in',
        ticketId: issued.ticket.id,
        citizenId: null,
        fieldId: command.fieldId,
        serviceDay,
        expiresAt: new Date(startOfServiceDay(serviceDay).getTime() + DAY_MS),
      },
      auditActor(actor),
      'one number per person per field today',
    );
    if (citizenId && rememberedId) {
      await insertTemplate(
        tx,
        { ...common, id: rememberedId, template: sealed.get(rememberedId)!, kind: 'remembered', ticketId: null, citizenId, fieldId: null, serviceDay: null, expiresAt: null },
        auditActor(actor),
        'recognising the citizen on later visits (until withdrawn)',
      );
    }
    await logFaceEvent(tx, actor, 'face.template-added', now, rememberedId ? [walkInId, rememberedId] : [walkInId]);
  }).catch(async (error: unknown) => {
    // Nothing was stored: keys without rows would only clutter the key store.
    await ctx.vault.destroy([...sealed.keys()]).catch(() => undefined);
    throw error;
  });
  ctx.faces.add({ id: walkInId, owner: issued.ticket.id, group, template: probe });
  if (citizenId && rememberedId) {
    ctx.faces.add({ id: rememberedId, owner: citizenId, group: rememberedGroup(policy.model, actor.centreId), template: probe });
  }
  return { ...issued, reused: false, faceStored: true, reuseCheck: null };
}

/** The citizen confirmed that the number given back on a face match is theirs. */
export async function confirmReuse(ctx: ServiceContext, actor: Actor, token: string): Promise<{ ok: true }> {
  if (actor.kind !== 'device' || actor.deviceKind !== 'kiosk') throw new AppError('FORBIDDEN');
  const now = ctx.clock();
  const check = await findReuseCheck(ctx.db, token);
  if (!check || check.centreId !== actor.centreId || check.kioskId !== actor.id || check.outcome !== 'pending' || check.expiresAt <= now) {
    throw new AppError('FACE_REUSE_CHECK_EXPIRED');
  }
  if (!(await answerReuseCheck(ctx.db, token, { outcome: 'confirmed', answeredAt: now }))) throw new AppError('FACE_REUSE_CHECK_EXPIRED');
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Returning citizens
// ---------------------------------------------------------------------------------------------

/** Hook for results ready for a recognised citizen (dossiers arrive with the dossier module). */
export type ReadyResultsProvider = (ctx: ServiceContext, citizenId: string) => Promise<{ dossierCode: string; counterNumber: number | null }[]>;
export const noReadyResults: ReadyResultsProvider = async () => [];

/**
 * A kiosk recognises a remembered face. The answer carries nothing personal: only an opaque
 * candidate token, valid for two minutes, that the citizen confirms with their phone digits.
 */
export async function recogniseCitizen(
  ctx: ServiceContext,
  actor: Actor,
  capture: FaceCapture,
): Promise<{ candidate: string | null; expiresAt: string | null }> {
  if (actor.kind !== 'device' || actor.deviceKind !== 'kiosk') throw new AppError('FORBIDDEN');
  const { settings } = await ctx.hall.get(ctx.db, actor.centreId);
  if (!settings.faceEnabled || !settings.faceRememberEnabled) throw new AppError('FACE_DISABLED');
  const policy = currentFacePolicy(ctx, settings);
  const probe = readCapture(capture, policy);
  await ctx.faces.ensureLoaded(ctx.db);
  const decision = decideMatch(ctx.faces.search(rememberedGroup(policy.model, actor.centreId), probe, 3), {
    threshold: policy.threshold,
    minMargin: policy.margin,
  });
  await auditSearch(ctx, actor, 'returning-citizen', ctx.faces.size(rememberedGroup(policy.model, actor.centreId)), decision.decision);
  if (decision.decision !== 'match' || !decision.id) return { candidate: null, expiresAt: null };
  const now = ctx.clock();
  // Each recognition allows a few second-factor attempts: capping recognitions per face per hour keeps
  // "start over" from multiplying them. Past the cap the face is simply not recognised (nothing said).
  if ((await countRecognitionsSince(ctx.db, decision.id, new Date(now.getTime() - HOUR_MS))) >= settings.faceRecognitionsPerHour) {
    return { candidate: null, expiresAt: null };
  }
  await recordRecognition(ctx.db, { centreId: actor.centreId, citizenId: decision.id, kioskId: actor.id, at: now });
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + CANDIDATE_SECONDS * 1000);
  await ctx.db
    .insertInto('faceCandidate')
    .values({ id: token, centreId: actor.centreId, citizenId: decision.id, kioskId: actor.id, createdAt: now, expiresAt, attempts: 0 })
    .execute();
  return { candidate: token, expiresAt: expiresAt.toISOString() };
}

/** The citizen confirms a recognition with the last digits of their phone. */
export async function confirmCitizen(
  ctx: ServiceContext,
  actor: Actor,
  token: string,
  phoneHint: string,
  readyResults: ReadyResultsProvider = noReadyResults,
): Promise<{ results: { dossierCode: string; counterNumber: number | null }[] }> {
  if (actor.kind !== 'device' || actor.deviceKind !== 'kiosk') throw new AppError('FORBIDDEN');
  const { settings } = await ctx.hall.get(ctx.db, actor.centreId);
  const now = ctx.clock();
  const candidate = await ctx.db.selectFrom('faceCandidate').selectAll().where('id', '=', token).executeTakeFirst();
  if (!candidate || candidate.centreId !== actor.centreId || candidate.kioskId !== actor.id || candidate.expiresAt <= now) {
    throw new AppError('FACE_CANDIDATE_EXPIRED');
  }
  const citizen = await findCitizen(ctx.db, candidate.citizenId);
  const correct = citizen?.phoneHintHash && !citizen.withdrawnAt && citizen.phoneHintHash === hashPhoneHint(citizen.id, phoneHint);
  if (!correct) {
    const attempts = candidate.attempts + 1;
    const left = settings.faceSecondFactorAttempts - attempts;
    if (left <= 0) await ctx.db.deleteFrom('faceCandidate').where('id', '=', token).execute();
    else await ctx.db.updateTable('faceCandidate').set({ attempts }).where('id', '=', token).execute();
    throw new AppError(left <= 0 ? 'FACE_CANDIDATE_EXPIRED' : 'FACE_SECOND_FACTOR_WRONG', { left: Math.max(0, left) });
  }
  await ctx.db.deleteFrom('faceCandidate').where('id', '=', token).execute();
  return { results: await readyResults(ctx, citizen.id) };
}

// ---------------------------------------------------------------------------------------------
// At the counter
// ---------------------------------------------------------------------------------------------

export type FaceCheck = 'match' | 'mismatch' | 'no-template';

/**
 * The counter's camera confirms that the person who arrived is the one called (1:1 against the
 * ticket's own template). Logged as `ticket.face-checked`, which also records the arrival time.
 */
export async function checkFaceAtCounter(
  ctx: ServiceContext,
  actor: Actor,
  ticketId: string,
  capture: FaceCapture,
): Promise<{ result: FaceCheck; score: number | null }> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const hall = await ctx.hall.get(ctx.db, actor.centreId);
  const policy = currentFacePolicy(ctx, hall.settings);
  const probe = readCapture(capture, policy);
  const now = ctx.clock();
  const ticket = await findTicket(ctx.db, ticketId);
  if (!ticket || ticket.centreId !== actor.centreId) throw new AppError('NOT_FOUND', { entity: 'ticket' });
  const counter = hall.counters.find((c) => c.officerId === actor.id);
  if (!counter || ticket.counterId !== counter.id || !ACTIVE_AT_COUNTER.includes(ticket.status)) {
    throw new AppError('INVALID_TRANSITION', { action: 'start', number: ticket.displayNumber, status: ticket.status });
  }
  // A template of another model (taken before the centre changed model) cannot be compared.
  const row = await ctx.db
    .selectFrom('faceTemplate')
    .select('id')
    .where('ticketId', '=', ticket.id)
    .where('kind', '=', 'walk-in')
    .where('model', '=', policy.model)
    .executeTakeFirst();
  let result: FaceCheck = 'no-template';
  let score: number | null = null;
  if (row) {
    const stored = await readTemplate(ctx.db, row.id, now, 'confirming the called person at the counter', auditActor(actor));
    const opened = stored ? await ctx.vault.open(stored.id, stored.template) : null;
    if (opened?.status === 'key-destroyed') await forgetLeftoverTemplates(ctx.db, ctx.vault, [row.id], now);
    if (opened?.status === 'open') {
      const decision = decideMatch(
        [{ id: ticket.id, score: dot(opened.template, probe) }],
        { threshold: policy.threshold, minMargin: 0 },
      );
      score = decision.score;
      result = decision.decision === 'match' ? 'match' : 'mismatch';
    }
  }
  await appendEvents(ctx.db, [
    {
      centreId: actor.centreId,
      type: 'ticket.face-checked',
      at: now,
      ticketId: ticket.id,
      counterId: counter.id,
      officerId: actor.id,
      ...actorColumns(actor),
      facts: { result, score },
      payload: { faceCheck: { ticketId: ticket.id, result } },
    },
  ]);
  return { result, score };
}

// ---------------------------------------------------------------------------------------------
// Erasure and retention
// ---------------------------------------------------------------------------------------------

/**
 * Erasure with the citizen present: the officer's camera captures their face; every remembered
 * template of theirs and today's walk-in templates that match are deleted at once.
 */
export async function eraseFaceData(
  ctx: ServiceContext,
  actor: Actor,
  capture: FaceCapture,
): Promise<{ remembered: number; walkIns: number }> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const now = ctx.clock();
  const { settings, fields } = await ctx.hall.get(ctx.db, actor.centreId);
  const policy = currentFacePolicy(ctx, settings);
  const probe = readCapture(capture, policy);
  await ctx.faces.ensureLoaded(ctx.db);
  // Erasure errs towards deleting: the threshold without the margin (a look-alike's data may go too).
  const erasePolicy = { threshold: policy.threshold, minMargin: 0 };
  const citizenMatch = decideMatch(ctx.faces.search(rememberedGroup(policy.model, actor.centreId), probe, 3), erasePolicy);
  const day = serviceDayOf(now);
  const ticketIds: string[] = [];
  let searched = ctx.faces.size(rememberedGroup(policy.model, actor.centreId));
  for (const fieldId of fields.keys()) {
    searched += ctx.faces.size(walkInGroup(policy.model, actor.centreId, fieldId, day));
    for (const hit of ctx.faces.search(walkInGroup(policy.model, actor.centreId, fieldId, day), probe, 5)) {
      if (hit.score >= policy.threshold) ticketIds.push(hit.id);
    }
  }
  const found = citizenMatch.decision === 'match' || ticketIds.length > 0;
  await auditSearch(ctx, actor, 'erasure', searched, found ? 'match' : citizenMatch.decision);
  if (!found) throw new AppError('FACE_NOT_RECOGNISED');
  const removed: string[] = [];
  await inTransaction(ctx, async (tx) => {
    if (citizenMatch.decision === 'match' && citizenMatch.id) {
      removed.push(...(await eraseCitizen(tx, citizenMatch.id, actor.centreId, now, auditActor(actor))));
    }
    removed.push(...(await deleteTicketTemplates(tx, ticketIds, actor.centreId, now, auditActor(actor), 'erasure at the citizen\'s request')));
    // Before the commit: if the keys cannot be destroyed, nothing is reported as erased.
    await destroyKeys(ctx, removed);
    if (removed.length > 0) await logFaceEvent(tx, actor, 'face.template-removed', now, removed);
  });
  ctx.faces.remove(removed);
  return { remembered: citizenMatch.decision === 'match' ? 1 : 0, walkIns: ticketIds.length };
}

/** Deletes templates whose retention has ended (walk-ins at the end of their day). */
export async function purgeExpiredFaceData(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock();
  const removed = await inTransaction(ctx, async (tx) => {
    const deleted = await purgeExpiredTemplates(tx, now);
    await destroyKeys(ctx, deleted.map((d) => d.id));
    const byCentre = new Map<string, string[]>();
    for (const d of deleted) byCentre.set(d.centreId, [...(byCentre.get(d.centreId) ?? []), d.id]);
    for (const [centreId, ids] of byCentre) {
      await logFaceEvent(tx, { kind: 'system', centreId }, 'face.template-removed', now, ids);
    }
    await tx.deleteFrom('faceCandidate').where('expiresAt', '<=', now).execute();
    await purgeRecognitionsBefore(tx, new Date(now.getTime() - 2 * HOUR_MS));
    return deleted.map((d) => d.id);
  });
  ctx.faces.remove(removed);
  return removed.length;
}

/** Destroys templates' keys; the deletion fails (and rolls back) if the key store cannot be written. */
export async function destroyKeys(ctx: ServiceContext, templateIds: readonly string[]): Promise<void> {
  try {
    await ctx.vault.destroy(templateIds);
    // A sealed snapshot of the matching index holding one of them becomes unreadable too.
    await ctx.faces.discardSnapshotsHolding(templateIds);
  } catch (error) {
    ctx.vault.log.error({ keyStore: ctx.vault.keys.location ?? 'memory', err: error }, 'face template keys cannot be destroyed: the deletion is not done');
    throw new AppError('FACE_KEYS_UNAVAILABLE');
  }
}
