/** Everything a screen needs to draw the hall: the centre, its fields, counters, groups, settings. */
import type { CentreInfo } from '../../contracts/api';
import { AppError } from '../../core/shared/app-error';
import {
  findCentre,
  listCounters,
  listFields,
  listPriorityGroups,
} from '../../db/repositories/reference.repository';
import type { Executor } from '../../db/repositories/executor';
import type { FaceModelId } from '../../contracts/face';
import { facePolicyOf, getSettings } from './settings';
import { toCounterView, toFieldView } from './views';

export async function getCentreInfo(ex: Executor, centreId: string, now: Date, installedFaceModels: readonly FaceModelId[]): Promise<CentreInfo> {
  const [centre, fields, counters, groups, settings] = await Promise.all([
    findCentre(ex, centreId),
    listFields(ex, centreId),
    listCounters(ex, centreId),
    listPriorityGroups(ex, centreId),
    getSettings(ex, centreId),
  ]);
  if (!centre) throw new AppError('NOT_FOUND', { entity: 'centre' });
  return {
    centre: { id: centre.id, code: centre.code, name: centre.name, shortName: centre.shortName, address: centre.address },
    fields: fields.map(toFieldView),
    counters: counters.map(toCounterView),
    priorityGroups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      nameVi: g.nameVi,
      nameEn: g.nameEn,
      weight: g.weight,
      active: g.active,
    })),
    settings,
    facePolicy: facePolicyOf(settings, installedFaceModels),
    serverTime: now.toISOString(),
  };
}
