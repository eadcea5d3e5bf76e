/**
 * Devices are not people. A kiosk, display or rating screen shows a six-digit pairing code; an
 * admin or manager confirms the code in /manage; the device then collects a token that carries only
 * that device's rights. Network printers have no screen: they are registered by address.
 */
import { randomInt } from 'node:crypto';
import type { Device, DeviceUpdate, PendingPairing } from '../../contracts/api';
import { AppError } from '../../core/shared/app-error';
import {
  deleteStalePairingRequests,
  findDevice,
  findDeviceByTokenHash,
  findOpenPairingByCode,
  findPairingRequest,
  insertDevice,
  insertPairingRequest,
  listDevices,
  touchDevice,
  updateDevice,
  updatePairingRequest,
} from '../../db/repositories/device.repository';
import { findCounter } from '../../db/repositories/reference.repository';
import type { DeviceRow } from '../../db/schema';
import { hashSecret, newSecret } from '../auth/tokens';
import { forgetIdentities, inTransaction, type Actor, type ServiceContext } from './context';

const PAIRING_MINUTES = 15;

export function toDeviceView(d: DeviceRow): Device {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    counterId: d.counterId,
    printerId: d.printerId,
    host: d.host,
    port: d.port,
    paperWidthMm: d.paperWidthMm === 58 || d.paperWidthMm === 80 ? d.paperWidthMm : null,
    pairedAt: d.pairedAt?.toISOString() ?? null,
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    revoked: d.revokedAt !== null,
  };
}

export function assertDeviceManager(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  if (actor.role !== 'admin' && actor.role !== 'manager') throw new AppError('FORBIDDEN');
}

export async function startPairing(
  ctx: ServiceContext,
  kind: 'kiosk' | 'display' | 'rating',
  name: string | undefined,
): Promise<{ pairingId: string; code: string; secret: string; expiresAt: Date }> {
  const now = ctx.clock();
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
  return inTransaction(ctx, async (tx) => {
    await deleteStalePairingRequests(tx, new Date(now.getTime() - 24 * 3600_000));
    // A code must be unambiguous among the codes currently open.
    let code = '';
    for (let i = 0; i < 20 && !code; i++) {
      const candidate = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!(await findOpenPairingByCode(tx, candidate, now))) code = candidate;
    }
    if (!code) throw new AppError('RATE_LIMITED');
    const pairingId = ctx.newId();
    await insertPairingRequest(tx, {
      id: pairingId,
      kind,
      name: name ?? null,
      code,
      secretHash: hashSecret(secret),
      createdAt: now,
      expiresAt,
      deviceId: null,
      deviceToken: null,
      claimedAt: null,
    });
    return { pairingId, code, secret, expiresAt };
  });
}

export async function confirmPairing(
  ctx: ServiceContext,
  actor: Actor,
  input: { code: string; name?: string | undefined; counterId?: string | null | undefined; printerId?: string | null | undefined },
): Promise<Device> {
  assertDeviceManager(actor);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const request = await findOpenPairingByCode(tx, input.code, now);
    if (!request) throw new AppError('PAIRING_CODE_INVALID');
    const counterId = input.counterId ?? null;
    if (counterId && !(await findCounter(tx, actor.centreId, counterId))) {
      throw new AppError('NOT_FOUND', { entity: 'counter' });
    }
    if (request.kind === 'rating' && !counterId) {
      throw new AppError('VALIDATION_FAILED', { detail: 'counterId' });
    }
    const printerId = input.printerId ?? null;
    if (printerId) {
      const printer = await findDevice(tx, actor.centreId, printerId);
      if (!printer || printer.kind !== 'printer') throw new AppError('NOT_FOUND', { entity: 'printer' });
    }
    const token = newSecret();
    const id = ctx.newId();
    const defaultName = { kiosk: 'Kiosk', display: 'Màn hình', rating: 'Màn hình đánh giá' }[request.kind];
    await insertDevice(tx, {
      id,
      centreId: actor.centreId,
      kind: request.kind,
      name: input.name ?? request.name ?? `${defaultName} ${request.code}`,
      tokenHash: hashSecret(token),
      counterId,
      printerId,
      pairedAt: now,
    });
    await updatePairingRequest(tx, request.id, { deviceId: id, deviceToken: token });
    return toDeviceView((await findDevice(tx, actor.centreId, id))!);
  });
}

/** The device collects its token once the pairing was confirmed; the token is handed out once. */
export async function claimPairing(
  ctx: ServiceContext,
  pairingId: string,
  secret: string,
): Promise<{ status: 'pending' } | { status: 'paired'; token: string; device: DeviceRow }> {
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const request = await findPairingRequest(tx, pairingId);
    if (!request || request.secretHash !== hashSecret(secret)) throw new AppError('PAIRING_CODE_INVALID');
    if (!request.deviceId) {
      if (request.expiresAt <= now) throw new AppError('PAIRING_EXPIRED');
      return { status: 'pending' };
    }
    if (!request.deviceToken) throw new AppError('PAIRING_CODE_INVALID');
    const token = request.deviceToken;
    await updatePairingRequest(tx, request.id, { deviceToken: null, claimedAt: now });
    const device = await findDeviceByTokenHash(tx, hashSecret(token));
    if (!device) throw new AppError('PAIRING_CODE_INVALID');
    return { status: 'paired', token, device };
  });
}

/** The device behind a token, unless revoked. Records when it was last seen (at most once a minute). */
export async function resolveDevice(ctx: ServiceContext, token: string): Promise<DeviceRow | null> {
  const tokenHash = hashSecret(token);
  const cached = ctx.devices.get(tokenHash);
  if (cached !== undefined) return cached;
  const found = await findDeviceByTokenHash(ctx.db, tokenHash);
  const device = found && !found.revokedAt ? found : null;
  if (device) {
    const now = ctx.clock();
    if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > 60_000) {
      await touchDevice(ctx.db, device.id, now);
      device.lastSeenAt = now;
    }
  }
  ctx.devices.set(tokenHash, device);
  return device;
}

export async function listCentreDevices(ctx: ServiceContext, actor: Actor): Promise<Device[]> {
  assertDeviceManager(actor);
  return (await listDevices(ctx.db, actor.centreId)).map(toDeviceView);
}

export async function changeDevice(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  change: DeviceUpdate,
): Promise<Device> {
  assertDeviceManager(actor);
  return inTransaction(ctx, async (tx) => {
    const device = await findDevice(tx, actor.centreId, id);
    if (!device) throw new AppError('NOT_FOUND', { entity: 'device' });
    const printerChange = change.host !== undefined || change.port !== undefined || change.paperWidthMm !== undefined;
    if (printerChange && device.kind !== 'printer') throw new AppError('VALIDATION_FAILED', { detail: 'host/port/paperWidthMm' });
    if (change.counterId && !(await findCounter(tx, actor.centreId, change.counterId))) {
      throw new AppError('NOT_FOUND', { entity: 'counter' });
    }
    if (change.printerId) {
      const printer = await findDevice(tx, actor.centreId, change.printerId);
      if (!printer || printer.kind !== 'printer') throw new AppError('NOT_FOUND', { entity: 'printer' });
    }
    await updateDevice(tx, id, {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.counterId !== undefined ? { counterId: change.counterId } : {}),
      ...(change.printerId !== undefined ? { printerId: change.printerId } : {}),
      ...(change.host !== undefined ? { host: change.host } : {}),
      ...(change.port !== undefined ? { port: change.port } : {}),
      ...(change.paperWidthMm !== undefined ? { paperWidthMm: change.paperWidthMm } : {}),
    });
    return toDeviceView((await findDevice(tx, actor.centreId, id))!);
  }).finally(() => forgetIdentities(ctx));
}

/** The kind and name of a screen whose pairing code a manager is about to confirm. */
export async function findPendingPairing(ctx: ServiceContext, actor: Actor, code: string): Promise<PendingPairing> {
  assertDeviceManager(actor);
  const request = await findOpenPairingByCode(ctx.db, code, ctx.clock());
  if (!request) throw new AppError('PAIRING_CODE_INVALID');
  return { kind: request.kind, name: request.name, expiresAt: request.expiresAt.toISOString() };
}

export async function revokeDevice(ctx: ServiceContext, actor: Actor, id: string): Promise<Device> {
  assertDeviceManager(actor);
  return inTransaction(ctx, async (tx) => {
    const device = await findDevice(tx, actor.centreId, id);
    if (!device) throw new AppError('NOT_FOUND', { entity: 'device' });
    await updateDevice(tx, id, { revokedAt: ctx.clock(), tokenHash: null });
    return toDeviceView((await findDevice(tx, actor.centreId, id))!);
  }).finally(() => forgetIdentities(ctx));
}

export async function addPrinter(
  ctx: ServiceContext,
  actor: Actor,
  input: { name: string; host: string; port: number; paperWidthMm: 58 | 80 },
): Promise<Device> {
  assertDeviceManager(actor);
  const id = ctx.newId();
  await insertDevice(ctx.db, {
    id,
    centreId: actor.centreId,
    kind: 'printer',
    name: input.name,
    host: input.host,
    port: input.port,
    paperWidthMm: input.paperWidthMm,
    tokenHash: null,
    pairedAt: ctx.clock(),
  });
  return toDeviceView((await findDevice(ctx.db, actor.centreId, id))!);
}
