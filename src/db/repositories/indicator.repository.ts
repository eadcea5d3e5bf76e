/**
 * Read-only loaders for the 766 indicators: the dossiers a period can count (received before its end
 * and possibly still open in it), the procedures with their current versions, dossier ratings and
 * PAKN. No rules here: the period's exact membership is decided in src/core/indicators.
 */
import type { Pakn } from '../../core/pakn/pakn';
import type { ProcedureRecord, ProcedureVersionRecord } from './catalogue.repository';
import type { Executor } from './executor';
import { dossierFromState, type DossierRecord } from './dossier.repository';
import { paknFromState } from './pakn.repository';

/**
 * Dossiers received before `to` that may matter for [from, to): received in the period, or changed
 * since its start (any end — finish, return, stop, refusal, withdrawal — updates the row, so a dossier
 * that ended in or after the period is here), or still open.
 */
export async function listIndicatorDossiers(ex: Executor, centreId: string, from: Date, to: Date): Promise<DossierRecord[]> {
  const rows = await ex
    .selectFrom('dossier')
    .select(['state', 'centreId', 'procedureId', 'fieldName', 'bookYear', 'bookNumber', 'receivedBy'])
    .where('centreId', '=', centreId)
    .where('receivedAt', 'is not', null)
    .where('receivedAt', '<', to)
    .where((eb) =>
      eb.or([
        eb('receivedAt', '>=', from),
        eb('updatedAt', '>=', from),
        eb('status', 'in', ['in-progress', 'supplement-requested', 'result-ready']),
      ]),
    )
    .orderBy('receivedAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    dossier: dossierFromState(row.state),
    centreId: row.centreId,
    procedureId: row.procedureId,
    fieldName: row.fieldName,
    bookYear: row.bookYear,
    bookNumber: row.bookNumber,
    receivedBy: row.receivedBy,
  }));
}

/**
 * Every procedure of the centre with its current version, null when it has none (indicator 1.3 counts
 * a procedure without a version as not published with its parts; the catalogue's list skips it).
 */
export async function listProceduresWithVersions(ex: Executor, centreId: string): Promise<(ProcedureRecord & { version: ProcedureVersionRecord | null })[]> {
  const procedures = await ex.selectFrom('procedure').selectAll().where('centreId', '=', centreId).orderBy('code').execute();
  const versionIds = procedures.map((p) => p.currentVersionId).filter((id): id is string => id !== null);
  const versions = versionIds.length === 0 ? [] : await ex.selectFrom('procedureVersion').selectAll().where('id', 'in', versionIds).execute();
  const byId = new Map(versions.map((v) => [v.id, v]));
  return procedures.map((p) => ({ ...p, version: (p.currentVersionId && byId.get(p.currentVersionId)) || null }));
}

/** Dossier ratings given before `to` on the given dossiers' centre (5.4 needs every dislike so far). */
export async function listRatingsBefore(ex: Executor, centreId: string, to: Date) {
  return ex
    .selectFrom('dossierRating')
    .select(['dossierId', 'reportsAs', 'at'])
    .where('centreId', '=', centreId)
    .where('at', '<', to)
    .orderBy('at')
    .execute();
}

/** Every PAKN filed before `to` (5.1–5.3 take those of the period; 5.4 any about a counted dossier). */
export async function listPaknBefore(ex: Executor, centreId: string, to: Date): Promise<Pakn[]> {
  const rows = await ex
    .selectFrom('pakn')
    .select('state')
    .where('centreId', '=', centreId)
    .where('receivedAt', '<', to)
    .orderBy('receivedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => paknFromState(r.state));
}

/** Names of the centre's people, for officer rows. */
export async function listPeopleNames(ex: Executor, centreId: string): Promise<Map<string, string>> {
  const rows = await ex.selectFrom('appUser').select(['id', 'fullName']).where('centreId', '=', centreId).execute();
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** The centres, for the CLI's choice of centre. */
export async function listCentreCodes(ex: Executor): Promise<{ id: string; code: string; name: string }[]> {
  return ex.selectFrom('centre').select(['id', 'code', 'name']).orderBy('code').execute();
}
