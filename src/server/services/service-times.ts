/**
 * Rolling average service time per field, from the last finished services in the log, falling back
 * to the field's configured default. Estimates only need it roughly fresh, so each app instance
 * keeps it for a short while instead of reading the log on every ticket.
 */
import { averageServiceSeconds } from '../../db/repositories/reference.repository';
import type { ServiceContext } from './context';

const FRESH_FOR_MS = 30_000;
const SAMPLE_PER_FIELD = 20;
const LOOK_BACK_MS = 7 * 24 * 3600_000;

interface Cached {
  at: number;
  byField: Record<string, number>;
}
const cache = new WeakMap<ServiceContext, Map<string, Cached>>();

export async function averageServiceTimes(
  ctx: ServiceContext,
  centreId: string,
  now: Date,
): Promise<{ byField: Record<string, number> }> {
  let perCentre = cache.get(ctx);
  if (!perCentre) cache.set(ctx, (perCentre = new Map()));
  const hit = perCentre.get(centreId);
  if (hit && now.getTime() - hit.at < FRESH_FOR_MS && now.getTime() >= hit.at) return hit;

  const [hall, measured] = await Promise.all([
    ctx.hall.get(ctx.db, centreId),
    averageServiceSeconds(ctx.db, centreId, new Date(now.getTime() - LOOK_BACK_MS), SAMPLE_PER_FIELD),
  ]);
  const byField: Record<string, number> = {};
  for (const f of hall.fields.values()) byField[f.id] = measured[f.id] ?? f.defaultServiceSeconds;
  const fresh = { at: now.getTime(), byField };
  perCentre.set(centreId, fresh);
  return fresh;
}
