/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically.
 *
 * Method (as described by Hồ Ngọc Đức, "Thuật toán tính âm lịch"; implemented here from Jean Meeus,
 * *Astronomical Algorithms*, 2nd ed., ch. 7, 25 and 49 — not from his code, whose licence forbids reuse):
 *  - every instant is taken in Vietnamese local time, UTC+7. This is what makes Vietnamese Tết differ
 *    from Chinese Tết (UTC+8) in years such as 1985, 2007 and 2030;
 *  - a lunar month begins on the local date of a new moon;
 *  - month 11 is the month that contains the winter solstice (sun's apparent longitude 270°);
 *  - when 13 new moons begin between two consecutive month-11 starts, the first month after month 11
 *    that contains no major solar term (trung khí: a multiple of 30° of solar longitude) is the leap
 *    month and repeats the number of the month before it.
 *
 * Dates are "YYYY-MM-DD" strings of the proleptic Gregorian calendar; the results are meant for
 * 1900–2100 (the ΔT model below covers 1860–2150).
 */
import { AppError } from '../shared/app-error';

export interface LunarDate {
  /** The lunar year, named by the Gregorian year in which its month 1 begins. */
  year: number;
  month: number;
  day: number;
  /** True in the repeated (nhuận) month of a 13-month year. */
  leap: boolean;
}

/** Hours east of Greenwich of the Vietnamese calendar meridian. */
const VN_TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588861;
const DEG = Math.PI / 180;

// ---------------------------------------------------------------- Julian Day Numbers (Meeus ch. 7)

/** Julian Day Number (the integer day count that begins at noon) of a Gregorian date. */
export function gregorianToJdn(year: number, month: number, day: number): number {
  // March-based year so that the leap day is the last day of the year.
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** Gregorian date of a Julian Day Number. */
export function jdnToGregorian(jdn: number): { year: number; month: number; day: number } {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

export function jdnToIsoDate(jdn: number): string {
  const { year, month, day } = jdnToGregorian(jdn);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "YYYY-MM-DD" → JDN; throws INVALID_DATE for text that is not a real calendar date. */
export function isoDateToJdn(date: string, field = 'date'): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new AppError('INVALID_DATE', { field, value: date, rule: 'YYYY-MM-DD' });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const jdn = gregorianToJdn(year, month, day);
  const back = jdnToGregorian(jdn);
  // Round-tripping rejects 2026-02-30 and month 13, which the arithmetic would silently roll over.
  if (month < 1 || month > 12 || back.year !== year || back.month !== month || back.day !== day) {
    throw new AppError('INVALID_DATE', { field, value: date, rule: 'YYYY-MM-DD' });
  }
  return jdn;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------- ΔT = TT − UT

/**
 * ΔT in seconds for a decimal year (Espenak & Meeus polynomial fits, as published with NASA's
 * Five Millennium Canon of Solar Eclipses). About one minute in this era: enough to move a new moon
 * that falls near local midnight to the other day, so it is not left out.
 */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - y);
}

function decimalYearOfJd(jd: number): number {
  return 2000 + (jd - 2451545.0) / 365.25;
}

// ---------------------------------------------------------------- New moons (Meeus ch. 49)

/** Julian Ephemeris Day (TT) of the k-th new moon; k = 0 is the new moon of 6 January 2000. */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  const jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3) * DEG;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) * DEG;
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) * DEG;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * DEG;
  const s = Math.sin;
  const periodic =
    -0.4072 * s(Mp) +
    0.17241 * E * s(M) +
    0.01608 * s(2 * Mp) +
    0.01039 * s(2 * F) +
    0.00739 * E * s(Mp - M) -
    0.00514 * E * s(Mp + M) +
    0.00208 * E * E * s(2 * M) -
    0.00111 * s(Mp - 2 * F) -
    0.00057 * s(Mp + 2 * F) +
    0.00056 * E * s(2 * Mp + M) -
    0.00042 * s(3 * Mp) +
    0.00042 * E * s(M + 2 * F) +
    0.00038 * E * s(M - 2 * F) -
    0.00024 * E * s(2 * Mp - M) -
    0.00017 * s(Om) -
    0.00007 * s(Mp + 2 * M) +
    0.00004 * s(2 * Mp - 2 * F) +
    0.00004 * s(3 * M) +
    0.00003 * s(Mp + M - 2 * F) +
    0.00003 * s(2 * Mp + 2 * F) -
    0.00003 * s(Mp + M + 2 * F) +
    0.00003 * s(Mp - M + 2 * F) -
    0.00002 * s(Mp - M - 2 * F) -
    0.00002 * s(3 * Mp + M) +
    0.00002 * s(4 * Mp);
  // Planetary arguments A1…A14 with their amplitudes in days.
  const planetary: [number, number, number][] = [
    [299.77, 0.107408, 0.000325],
    [251.88, 0.016321, 0.000165],
    [251.83, 26.651886, 0.000164],
    [349.42, 36.412478, 0.000126],
    [84.66, 18.206239, 0.00011],
    [141.74, 53.303771, 0.000062],
    [207.14, 2.453732, 0.00006],
    [154.84, 7.30686, 0.000056],
    [34.52, 27.261239, 0.000047],
    [207.19, 0.121824, 0.000042],
    [291.34, 1.844379, 0.00004],
    [161.72, 24.198154, 0.000037],
    [239.56, 25.513099, 0.000035],
    [331.55, 3.592518, 0.000023],
  ];
  let additional = 0;
  planetary.forEach(([base, rate, amplitude], i) => {
    // A1 alone has a T² term.
    const angle = base + rate * k + (i === 0 ? -0.009173 * T2 : 0);
    additional += amplitude * Math.sin(angle * DEG);
  });
  return jde + periodic + additional;
}

/** Julian Date (UT) of the k-th new moon. */
export function newMoonJdUt(k: number): number {
  const jde = newMoonJde(k);
  return jde - deltaTSeconds(decimalYearOfJd(jde)) / 86400;
}

/** JDN of the local (UTC+7) date on which the k-th new moon falls. */
function newMoonDay(k: number, zoneHours: number): number {
  const key = k * 100 + zoneHours;
  let day = newMoonDays.get(key);
  if (day === undefined) {
    day = Math.floor(newMoonJdUt(k) + 0.5 + zoneHours / 24);
    newMoonDays.set(key, day);
  }
  return day;
}
const newMoonDays = new Map<number, number>();

// ---------------------------------------------------------------- The sun (Meeus ch. 25, low precision)

/** Apparent geocentric longitude of the sun in degrees [0, 360) at a Julian Ephemeris Day. */
export function sunApparentLongitude(jde: number): number {
  const T = (jde - 2451545.0) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = (357.52911 + 35999.05029 * T - 0.0001537 * T * T) * DEG;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.000289 * Math.sin(3 * M);
  const omega = (125.04 - 1934.136 * T) * DEG;
  const apparent = L0 + C - 0.00569 - 0.00478 * Math.sin(omega);
  return ((apparent % 360) + 360) % 360;
}

/** Sun's apparent longitude at local midnight that starts the day `jdn`. */
function sunLongitudeAtDayStart(jdn: number, zoneHours: number): number {
  const jdUt = jdn - 0.5 - zoneHours / 24;
  return sunApparentLongitude(jdUt + deltaTSeconds(decimalYearOfJd(jdUt)) / 86400);
}

/** Index (0…11) of the 30° sector the sun is in at the start of a local day. */
function solarSectorAtDayStart(jdn: number, zoneHours: number): number {
  return Math.floor(sunLongitudeAtDayStart(jdn, zoneHours) / 30);
}

// ---------------------------------------------------------------- Lunar months

/** k of the new moon that starts the lunar month containing the local day `jdn`. */
function monthIndexOfDay(jdn: number, zoneHours: number): number {
  let k = Math.floor((jdn - 2451550.1) / SYNODIC_MONTH);
  while (newMoonDay(k + 1, zoneHours) <= jdn) k += 1;
  while (newMoonDay(k, zoneHours) > jdn) k -= 1;
  return k;
}

/**
 * k of the new moon that starts month 11 — the month holding the winter solstice of Gregorian year
 * `year`. The solstice falls on 21 or 22 December, so the month in question starts either at the last
 * new moon of the year or at the one before it: the earlier one when the sun has already passed 270° by
 * the start of the later one's day.
 */
function month11Index(year: number, zoneHours: number): number {
  const k = monthIndexOfDay(gregorianToJdn(year, 12, 31), zoneHours);
  const longitude = sunLongitudeAtDayStart(newMoonDay(k, zoneHours), zoneHours);
  return longitude >= 270 ? k - 1 : k;
}

/**
 * In the 13-month span that starts with month 11 at `k11`, the offset (1…12) of the leap month: the
 * first month during which the sun enters no new 30° sector. Comparing sectors at the starts of
 * consecutive months counts a term to the day it falls on in local time.
 */
function leapOffset(k11: number, zoneHours: number): number {
  let sector = solarSectorAtDayStart(newMoonDay(k11 + 1, zoneHours), zoneHours);
  for (let offset = 1; offset < 13; offset += 1) {
    const next = solarSectorAtDayStart(newMoonDay(k11 + offset + 1, zoneHours), zoneHours);
    if (next === sector) return offset;
    sector = next;
  }
  // A 13-month span always has a month without a major term; reaching here means bad astronomy.
  throw new Error(`no leap month after new moon ${k11}`);
}

/** Number (1–12) of the month that the leap month `offset` months after month 11 repeats. */
function leapMonthNumber(offset: number): number {
  return ((9 + offset) % 12) + 1;
}

interface MonthLayout {
  k11: number;
  /** Offset of the leap month after month 11, or null in a 12-month span. */
  leap: number | null;
}

// A year's layout never changes; caching it makes day-by-day conversion about ten times cheaper.
const layouts = new Map<string, MonthLayout>();

function layoutFrom(year: number, zoneHours: number): MonthLayout {
  const key = `${zoneHours}:${year}`;
  let layout = layouts.get(key);
  if (!layout) {
    const k11 = month11Index(year, zoneHours);
    const next = month11Index(year + 1, zoneHours);
    layout = { k11, leap: next - k11 === 13 ? leapOffset(k11, zoneHours) : null };
    layouts.set(key, layout);
  }
  return layout;
}

/** Internal form with the time zone exposed, so tests can check the Chinese (UTC+8) variant too. */
export function solarToLunarInZone(jdn: number, zoneHours: number): LunarDate {
  const k = monthIndexOfDay(jdn, zoneHours);
  const { year: gYear } = jdnToGregorian(jdn);
  let yearOf11 = gYear;
  let layout = layoutFrom(gYear, zoneHours);
  if (k < layout.k11) {
    yearOf11 = gYear - 1;
    layout = layoutFrom(gYear - 1, zoneHours);
  }
  const offset = k - layout.k11;
  const leap = layout.leap !== null && offset === layout.leap;
  const ordinal = layout.leap !== null && offset >= layout.leap ? offset - 1 : offset;
  let month = 11 + ordinal;
  let year = yearOf11;
  if (month > 12) {
    month -= 12;
    year += 1;
  }
  return { year, month, day: jdn - newMoonDay(k, zoneHours) + 1, leap };
}

export function lunarToSolarInZone(
  year: number,
  month: number,
  day: number,
  leap: boolean,
  zoneHours: number,
): number {
  const invalid = (rule: string) =>
    new AppError('INVALID_DATE', { field: 'lunar', value: `${day}/${month}${leap ? ' nhuận' : ''}/${year}`, rule });
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) throw invalid('ℤ');
  if (month < 1 || month > 12) throw invalid('1 ≤ month ≤ 12');
  if (day < 1 || day > 30) throw invalid('1 ≤ day ≤ 30');
  const layout = layoutFrom(month >= 11 ? year : year - 1, zoneHours);
  let offset = (month - 11 + 12) % 12;
  if (leap) {
    if (layout.leap === null || layout.leap !== offset + 1) throw invalid(`leap month = ${layout.leap === null ? '∅' : leapMonthNumber(layout.leap)}`);
    offset += 1;
  } else if (layout.leap !== null && offset >= layout.leap) {
    offset += 1;
  }
  const k = layout.k11 + offset;
  const start = newMoonDay(k, zoneHours);
  const length = newMoonDay(k + 1, zoneHours) - start;
  if (day > length) throw invalid(`day ≤ ${length}`);
  return start + day - 1;
}

// ---------------------------------------------------------------- Public API

/** The Vietnamese lunar date of a Gregorian "YYYY-MM-DD". */
export function solarToLunar(date: string): LunarDate {
  return solarToLunarInZone(isoDateToJdn(date), VN_TIME_ZONE_HOURS);
}

/** The Gregorian "YYYY-MM-DD" of a Vietnamese lunar date; INVALID_DATE when it does not exist. */
export function lunarToSolar(year: number, month: number, day: number, leap = false): string {
  return jdnToIsoDate(lunarToSolarInZone(year, month, day, leap, VN_TIME_ZONE_HOURS));
}

/** Gregorian date of Tết Nguyên đán (1 tháng Giêng) of the lunar year that begins in `year`. */
export function tetDate(year: number): string {
  return lunarToSolar(year, 1, 1);
}

/** Number of the leap month of the lunar year `year` (months 1–12 of that year), or null. */
export function leapMonthOf(year: number): number | null {
  for (const yearOf11 of [year - 1, year]) {
    const layout = layoutFrom(yearOf11, VN_TIME_ZONE_HOURS);
    if (layout.leap === null) continue;
    // Leap months 11 and 12 (offsets 1–2) still belong to the year of their month 11.
    const inYear = layout.leap <= 2 ? yearOf11 : yearOf11 + 1;
    if (inYear === year) return leapMonthNumber(layout.leap);
  }
  return null;
}
