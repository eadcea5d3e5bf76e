/** Kiosks, displays, rating screens and printers, and the pairing of the first three. */
import type { Insertable, Updateable } from 'kysely';
import type { DeviceTable, PairingRequestTable } from '../schema';
import type { Executor } from './executor';

export async function insertDevice(ex: Executor, device: Insertable<DeviceTable>): Promise<void> {
  await ex.insertInto('device').values(device).execute();
}

export async function updateDevice(ex: Executor, id: string, change: Updateable<DeviceTable>): Promise<void> {
  await ex.updateTable('device').set(change).where('id', '=', id).execute();
}

export async function findDevice(ex: Executor, centreId: string, id: string) {
  return ex.selectFrom('device').selectAll().where('centreId', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function findDeviceByTokenHash(ex: Executor, tokenHash: string) {
  return ex.selectFrom('device').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function listDevices(ex: Executor, centreId: string) {
  return ex.selectFrom('device').selectAll().where('centreId', '=', centreId).orderBy('kind').orderBy('name').execute();
}

export async function touchDevice(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.updateTable('device').set({ lastSeenAt: at }).where('id', '=', id).execute();
}

export async function insertPairingRequest(ex: Executor, request: Insertable<PairingRequestTable>): Promise<void> {
  await ex.insertInto('pairingRequest').values(request).execute();
}

export async function findPairingRequest(ex: Executor, id: string) {
  return ex.selectFrom('pairingRequest').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The open (unconfirmed, unexpired) request with this code, if any. */
export async function findOpenPairingByCode(ex: Executor, code: string, now: Date) {
  return ex
    .selectFrom('pairingRequest')
    .selectAll()
    .where('code', '=', code)
    .where('deviceId', 'is', null)
    .where('expiresAt', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

export async function updatePairingRequest(
  ex: Executor,
  id: string,
  change: Updateable<PairingRequestTable>,
): Promise<void> {
  await ex.updateTable('pairingRequest').set(change).where('id', '=', id).execute();
}

export async function deleteStalePairingRequests(ex: Executor, before: Date): Promise<void> {
  await ex.deleteFrom('pairingRequest').where('expiresAt', '<', before).execute();
}
