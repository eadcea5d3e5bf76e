/** The plain counts published beside the rates: received in the period, and resolved (ended) in it. */
import { describe, expect, it } from 'vitest';
import { countReceivedAndResolved } from '../../src/core/public/dossier-counts';
import { at, dossierIn, finishAll, received } from './dossier-fixtures';

describe('dossiers received and resolved in a period', () => {
  const november = { from: at('2026-11-01 00:00'), to: at('2026-12-01 00:00') };
  const lateNovember = { from: at('2026-11-20 00:00'), to: at('2026-12-01 00:00') };

  it('counts receipts and ends (finished, stopped, withdrawn) inside the period, never a dossier not received', () => {
    const dossiers = [
      dossierIn('incomplete'), // never received (Form 02): neither
      dossierIn('refused'), // refused at the counter, never received
      received('2026-11-18 10:00'), // received, still open
      dossierIn('stopped'), // received 18/11, stopped 19/11
      dossierIn('withdrawn'), // received 18/11, withdrawn 19/11
      finishAll(received('2026-11-18 10:00'), '2026-11-24 10:00'), // finished 24/11
    ];
    expect(countReceivedAndResolved(dossiers, november, at('2026-12-03 10:00'))).toEqual({ received: 4, resolved: 3 });
    // From 20/11: only the finish on 24/11 ends inside; all four were received before.
    expect(countReceivedAndResolved(dossiers, lateNovember, at('2026-12-03 10:00'))).toEqual({ received: 0, resolved: 1 });
  });

  it('counts nothing after the moment the figures are taken', () => {
    const dossiers = [finishAll(received('2026-11-18 10:00'), '2026-11-24 10:00')];
    expect(countReceivedAndResolved(dossiers, november, at('2026-11-20 00:00'))).toEqual({ received: 1, resolved: 0 });
  });
});
