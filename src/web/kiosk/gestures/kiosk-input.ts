/**
 * Gesture events → the kiosk machine's input events (kiosk-machine.ts `KioskEvent`), so camera input
 * speaks the same language as touch and keys. Kept structural (no import of the machine) so this
 * folder stays independent; kiosk-input.test.ts checks the result against the real machine.
 *
 *   hand found on the idle screen      → presence
 *   dwell target changes to a choice    → highlight(index)        (the ring starts filling there)
 *   dwell selects a choice              → highlight(index), confirm
 *   head turn                           → move(±1)
 *   nod                                 → confirm
 * Choices are the screen's `[data-choice]` elements in index order (field tiles, then the priority
 * button; on the priority screen, the groups, then "no, go back"), so highlight + confirm acts on
 * whatever the screen offers, exactly like a number key followed by Enter.
 */
import type { DwellEvent } from './dwell-selection';
import type { HandCursorEvent } from './hand-cursor';
import type { HeadGestureEvent } from './head-gestures';

export type GestureKioskEvent =
  | { type: 'presence' }
  | { type: 'highlight'; index: number }
  | { type: 'move'; delta: number }
  | { type: 'confirm' };

export function kioskEventsForDwell(events: readonly DwellEvent[]): GestureKioskEvent[] {
  return events.flatMap((e): GestureKioskEvent[] => {
    if (e.type === 'select') return [{ type: 'highlight', index: e.index }, { type: 'confirm' }];
    // Leaving every tile keeps the last highlight: the marked tile stays marked, as with keys.
    return e.index === null ? [] : [{ type: 'highlight', index: e.index }];
  });
}

export function kioskEventForHead(event: HeadGestureEvent): GestureKioskEvent {
  return event.type === 'nod' ? { type: 'confirm' } : { type: 'move', delta: event.delta };
}

export function kioskEventForHand(event: HandCursorEvent): GestureKioskEvent | null {
  return event.type === 'hand-found' ? { type: 'presence' } : null;
}
