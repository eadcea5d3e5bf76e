/**
 * The two plain counts a centre publishes beside its rates: dossiers received in a period (the clock
 * started in it) and dossiers resolved in it (their handling ended in it: finished, returned, stopped,
 * refused or withdrawn after receipt — the same end the on-time rate uses). Pure.
 */
import type { Dossier } from '../dossier/dossier-types';
import { endOfProcessing } from '../dossier/timeliness';

export function countReceivedAndResolved(dossiers: readonly Dossier[], range: { from: Date; to: Date }, asOf: Date): { received: number; resolved: number } {
  const until = asOf < range.to ? asOf : range.to;
  const within = (at: Date | null) => at !== null && at >= range.from && at < range.to && at <= until;
  let received = 0;
  let resolved = 0;
  for (const d of dossiers) {
    if (d.receivedAt === null) continue;
    if (within(d.receivedAt)) received += 1;
    if (within(endOfProcessing(d))) resolved += 1;
  }
  return { received, resolved };
}
