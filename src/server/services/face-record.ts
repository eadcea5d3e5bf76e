/**
 * The processing record a manager shows an inspector (and an impact assessment needs): what face
 * data the centre holds, for which purpose, on which legal ground, for how long, how it is protected,
 * who read it and every 1:N search made; which recognition model decides and how often citizens said
 * a number given back was not theirs.
 */
import type { FaceRecord } from '../../contracts/api';
import { FACE_MODEL_IDS, FACE_MODELS } from '../../contracts/face';
import { availableFaceModels, resolveFacePolicy } from '../../core/face/face-policy';
import { summariseReuseChecks } from '../../db/repositories/face-decision.repository';
import { countConsents, countTemplatesByModel, summariseAudit, summariseHeldTemplates, summariseSearches } from '../../db/repositories/face.repository';
import type { ServiceContext } from './context';
import { currentFacePolicy } from './face-services';

const WINDOW_DAYS = 30;

export async function getFaceRecord(ctx: ServiceContext, centreId: string): Promise<FaceRecord> {
  const now = ctx.clock();
  const since = new Date(now.getTime() - WINDOW_DAYS * 24 * 3600_000);
  const [{ settings }, held, consents, audit, byModel, reuse, searches] = await Promise.all([
    ctx.hall.get(ctx.db, centreId),
    summariseHeldTemplates(ctx.db, centreId),
    countConsents(ctx.db, centreId, since),
    summariseAudit(ctx.db, centreId, since),
    countTemplatesByModel(ctx.db, centreId),
    summariseReuseChecks(ctx.db, centreId, since, now),
    summariseSearches(ctx.db, centreId, since),
  ]);
  const policy = currentFacePolicy(ctx, settings);
  const available = availableFaceModels(ctx.installedFaceModels());
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const held1 = (model: string, kind: 'walk-in' | 'remembered') => byModel.find((r) => r.model === model && r.kind === kind)?.count ?? 0;
  const answered = reuse.confirmed + reuse.rejected;
  return {
    enabled: settings.faceEnabled,
    rememberEnabled: settings.faceRememberEnabled,
    model: policy.model,
    templateLength: policy.templateLength,
    matchThreshold: policy.threshold,
    matchMargin: policy.margin,
    secondFactorAttempts: settings.faceSecondFactorAttempts,
    recognitionsPerHour: settings.faceRecognitionsPerHour,
    policy,
    automaticModel: resolveFacePolicy({ ...settings, faceModel: 'auto' }, ctx.installedFaceModels()).model,
    models: FACE_MODEL_IDS.map((id) => ({
      id,
      source: FACE_MODELS[id].source,
      available: available.includes(id),
      inUse: id === policy.model,
      templateLength: FACE_MODELS[id].templateLength,
      licence: FACE_MODELS[id].licence,
      templates: { walkIn: held1(id, 'walk-in'), remembered: held1(id, 'remembered') },
    })),
    reuseChecksLast30Days: { ...reuse, falseMatchRate: answered > 0 ? reuse.rejected / answered : null },
    retention: { walkIn: 'end-of-service-day', remembered: 'until-withdrawn-or-erased' },
    held: held.map((h) => ({ kind: h.kind, count: h.count, oldest: iso(h.oldest), newest: iso(h.newest), nextExpiry: iso(h.nextExpiry) })),
    consentsLast30Days: { declined: consents.declined ?? 0, today: consents.today ?? 0, remember: consents.remember ?? 0 },
    accessLast30Days: audit,
    searchesLast30Days: searches,
    keyStore: ctx.vault.keys.kind,
    indexSnapshotTemplates: ctx.faces.snapshotTemplates(),
  };
}
