/**
 * The processing record a manager shows an inspector (and an impact assessment needs): what face
 * data the centre holds, for which purpose, on which legal ground, for how long, how it is protected,
 * who read it and every 1:N search made.
 */
import type { FaceRecord } from '../../contracts/api';
import { FACE_MODEL_ID, FACE_TEMPLATE_LENGTH } from '../../contracts/face';
import { countConsents, summariseAudit, summariseHeldTemplates, summariseSearches } from '../../db/repositories/face.repository';
import type { ServiceContext } from './context';

const WINDOW_DAYS = 30;

export async function getFaceRecord(ctx: ServiceContext, centreId: string): Promise<FaceRecord> {
  const now = ctx.clock();
  const since = new Date(now.getTime() - WINDOW_DAYS * 24 * 3600_000);
  const [{ settings }, held, consents, audit, searches] = await Promise.all([
    ctx.hall.get(ctx.db, centreId),
    summariseHeldTemplates(ctx.db, centreId),
    countConsents(ctx.db, centreId, since),
    summariseAudit(ctx.db, centreId, since),
    summariseSearches(ctx.db, centreId, since),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    enabled: settings.faceEnabled,
    rememberEnabled: settings.faceRememberEnabled,
    model: FACE_MODEL_ID,
    templateLength: FACE_TEMPLATE_LENGTH,
    matchThreshold: settings.faceMatchThreshold,
    matchMargin: settings.faceMatchMargin,
    secondFactorAttempts: settings.faceSecondFactorAttempts,
    retention: { walkIn: 'end-of-service-day', remembered: 'until-withdrawn-or-erased' },
    held: held.map((h) => ({ kind: h.kind, count: h.count, oldest: iso(h.oldest), newest: iso(h.newest), nextExpiry: iso(h.nextExpiry) })),
    consentsLast30Days: { declined: consents.declined ?? 0, today: consents.today ?? 0, remember: consents.remember ?? 0 },
    accessLast30Days: audit,
    searchesLast30Days: searches,
    keyStore: ctx.vault.keys.kind,
  };
}
