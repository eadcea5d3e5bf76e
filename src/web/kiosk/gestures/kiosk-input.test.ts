import { describe, expect, it } from 'vitest';
import { loadFaceFrames, loadGeneratedHand } from '../../../../test/fixtures/gestures/load';
import { initialKioskState, nextKioskState, type KioskEvent, type KioskMenu, type KioskState } from '../kiosk-machine';
import { initialDwellState, stepDwell } from './dwell-selection';
import { initialHandCursorState, stepHandCursor } from './hand-cursor';
import { initialHeadGestureState, stepHeadGestures } from './head-gestures';
import { kioskEventForHand, kioskEventForHead, kioskEventsForDwell, type GestureKioskEvent } from './kiosk-input';

const fields = ['ho-tich', 'cu-tru', 'dat-dai', 'xay-dung', 'kinh-doanh', 'tu-phap', 'lao-dong', 'giao-duc'];
const menu: KioskMenu = { fields, priorityGroups: ['nguoi-cao-tuoi'] };

/** Type check: every gesture event is a kiosk event. */
const asKiosk = (e: GestureKioskEvent): KioskEvent => e;

describe('gestures drive the kiosk machine', () => {
  it('pointing: the hand wakes the kiosk, dwelling on tile 1 issues a number for the second field', () => {
    const { fixture, frames } = loadGeneratedHand('gen-steady-select');
    let kiosk: KioskState = initialKioskState(menu);
    let cursor = initialHandCursorState;
    let dwell = initialDwellState;
    const issued: string[] = [];
    for (const f of frames) {
      const c = stepHandCursor(cursor, f, { anchor: null, region: fixture.region });
      cursor = c.state;
      const d = stepDwell(dwell, { t: f.t, point: c.cursor }, fixture.tiles);
      dwell = d.state;
      const events = [...(c.event ? [kioskEventForHand(c.event)] : []), ...kioskEventsForDwell(d.events)].filter((e) => e !== null);
      for (const e of events) {
        kiosk = nextKioskState(kiosk, asKiosk(e));
        if (kiosk.kind === 'issuing' && !issued.includes(kiosk.fieldId)) issued.push(kiosk.fieldId);
      }
    }
    // The second selection happens while the first number is being issued: the machine ignores it.
    expect(issued).toEqual(['cu-tru']);
  });

  it('head control: recorded turns move the highlight, a recorded nod confirms it', () => {
    // The turns of one recording (left, right, right), then the nods of another, as one session.
    const turns = loadFaceFrames('live-turns-b').frames;
    const nods = loadFaceFrames('live-nods').frames.map((f) => ({ ...f, t: f.t + 20_000 }));
    let kiosk: KioskState = nextKioskState(initialKioskState(menu), { type: 'presence' });
    let head = initialHeadGestureState;
    const seen: string[] = [];
    for (const f of [...turns, ...nods]) {
      const r = stepHeadGestures(head, f);
      head = r.state;
      if (!r.event) continue;
      kiosk = nextKioskState(kiosk, asKiosk(kioskEventForHead(r.event)));
      seen.push(kiosk.kind === 'choosing-field' ? `highlight ${kiosk.highlight}` : kiosk.kind === 'issuing' ? `issuing ${kiosk.fieldId}` : kiosk.kind);
    }
    // Left from nothing wraps to the last choice (the priority button), right twice: tiles 0 and 1;
    // the first nod takes a number for the second field; later nods are ignored while it is issued.
    expect(seen).toEqual(['highlight 8', 'highlight 0', 'highlight 1', 'issuing cu-tru', 'issuing cu-tru', 'issuing cu-tru']);
  });

  it('leaving every tile keeps the highlight where it was', () => {
    expect(kioskEventsForDwell([{ type: 'target', index: 2 }, { type: 'target', index: null }])).toEqual([{ type: 'highlight', index: 2 }]);
    expect(kioskEventForHand({ type: 'hand-lost' })).toBeNull();
  });
});
