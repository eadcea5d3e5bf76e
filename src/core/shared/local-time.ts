/**
 * Local time in Việt Nam. Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so a
 * fixed offset is exact for every date the product handles and keeps this module free of I/O.
 */
export const VN_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

/** The service day (YYYY-MM-DD, local) an instant belongs to; numbers reset when it changes. */
export function serviceDayOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since local midnight. */
export function localMinuteOfDay(instant: Date): number {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** ISO weekday of the local date: 1 = Monday … 7 = Sunday. */
export function localIsoWeekday(instant: Date): number {
  const day = new Date(instant.getTime() + OFFSET_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant of local midnight that starts the given service day. */
export function startOfServiceDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** "HH:MM" → minutes since midnight, or null when it is not a valid time of day. */
export function parseTimeOfDay(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Local "HH:MM" of an instant, for slips and boards. */
export function formatLocalTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** Local "DD/MM/YYYY", the way Vietnamese forms write dates. */
export function formatLocalDate(instant: Date): string {
  const iso = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
