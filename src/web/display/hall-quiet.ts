/**
 * When the hall board may show the centre's published results instead of the calls: after
 * `quietMinutes` without a call (counted from the board's start when there has been no call yet, so a
 * board just switched on shows the calls first, and from the moment a call reached the board) while nobody waits, unless the centre allows the slide
 * with people waiting. The next call ends it at once. Pure.
 */
export interface HallQuietInput {
  /** The latest call's time (ISO), or null when there has been none today. */
  lastCallAt: string | null;
  /**
   * When the board started or last saw a call arrive (ms, server-corrected): a call ends the slide even
   * when the board's clock runs ahead of the server's.
   */
  boardActivityAt: number;
  /** Tickets waiting across all fields. */
  waiting: number;
  /** The board's idea of now (ms, server-corrected). */
  now: number;
  /** Settings: minutes without a call before the slide (0: never), and whether waiting people keep it off. */
  quietMinutes: number;
  whileWaiting: boolean;
}

export function isHallQuiet(input: HallQuietInput): boolean {
  if (!(input.quietMinutes > 0)) return false;
  if (input.waiting > 0 && !input.whileWaiting) return false;
  const lastCall = input.lastCallAt === null ? Number.NaN : Date.parse(input.lastCallAt);
  const since = Number.isNaN(lastCall) ? input.boardActivityAt : Math.max(lastCall, input.boardActivityAt);
  return input.now - since >= input.quietMinutes * 60_000;
}

export function totalWaiting(byField: Record<string, number>): number {
  return Object.values(byField).reduce((sum, n) => sum + (n > 0 ? n : 0), 0);
}
