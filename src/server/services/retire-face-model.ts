/**
 * The last step of a model change: an admin deletes the templates of a recognition model the
 * centre no longer uses. They could never match again (templates of different models are never
 * compared); walk-in ones would expire at the end of their day anyway, remembered ones would stay
 * until each citizen asked for erasure. The model in use is refused: deleting its templates would
 * silently forget everyone who asked to be remembered. Their keys are destroyed with them
 * (template-vault.ts), so copies in backups stay unreadable.
 */
import type { FaceModelId } from '../../contracts/face';
import { AppError } from '../../core/shared/app-error';
import { deleteModelTemplates, forgetCitizensWithoutTemplates } from '../../db/repositories/face.repository';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { auditActor, destroyKeys, logFaceEvent } from './face-services';
import { assertAdmin } from './manage-reference';
import { facePolicyOf, getSettings } from './settings';

const PURPOSE = 'model retired';
/** Ids per `face.template-removed` event: a large centre's gallery would make one event very large. */
const IDS_PER_EVENT = 5000;

export interface RetireFaceModelResult {
  model: FaceModelId;
  walkIns: number;
  remembered: number;
}

export async function retireFaceModel(ctx: ServiceContext, actor: Actor, model: FaceModelId): Promise<RetireFaceModelResult> {
  assertAdmin(actor);
  const now = ctx.clock();
  const deleted = await inTransaction(ctx, async (tx) => {
    // Read in the transaction, not from this instance's cache: the model may have just been
    // changed on another instance, and the templates of the model in use must never go.
    const policy = facePolicyOf(await getSettings(tx, actor.centreId), ctx.installedFaceModels());
    if (model === policy.model) throw new AppError('FACE_MODEL_IN_USE', { model });
    const rows = await deleteModelTemplates(tx, actor.centreId, model, now, auditActor(actor), PURPOSE);
    if (rows.some((r) => r.kind === 'remembered')) await forgetCitizensWithoutTemplates(tx, actor.centreId);
    const ids = rows.map((r) => r.id);
    // Crypto-erasure, as for every deletion: copies of these rows in backups become unreadable.
    await destroyKeys(ctx, ids);
    for (let i = 0; i < ids.length; i += IDS_PER_EVENT) {
      await logFaceEvent(tx, actor, 'face.template-removed', now, ids.slice(i, i + IDS_PER_EVENT));
    }
    return rows;
  });
  ctx.faces.remove(deleted.map((r) => r.id));
  return {
    model,
    walkIns: deleted.filter((r) => r.kind === 'walk-in').length,
    remembered: deleted.filter((r) => r.kind === 'remembered').length,
  };
}
