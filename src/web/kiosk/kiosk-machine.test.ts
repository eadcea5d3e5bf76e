import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../contracts/api';
import {
  choiceCount,
  eventForKey,
  initialKioskState,
  INACTIVITY_MS,
  ISSUE_TIMEOUT_CODE,
  nextKioskState,
  timeoutFor,
  type KioskEvent,
  type KioskMenu,
  type KioskState,
} from './kiosk-machine';

const menu: KioskMenu = { fields: ['ht', 'ct', 'dd'], priorityGroups: ['nct', 'nkt'] };
const issued = { ticket: { code: 'ABC123', displayNumber: '1001' } } as unknown as IssuedTicket;

const at = (screen: Partial<KioskState> & Pick<KioskState, 'kind'>, lastRequestId = 0): KioskState =>
  ({ menu, lastRequestId, ...screen }) as KioskState;

const attract = at({ kind: 'attract' });
const fields = (priorityGroupId: string | null = null, highlight: number | null = null) =>
  at({ kind: 'choosing-field', priorityGroupId, highlight });
const priority = (priorityGroupId: string | null = null, highlight: number | null = null) =>
  at({ kind: 'choosing-priority', priorityGroupId, highlight });
const issuing = (fieldId: string, priorityGroupId: string | null = null, requestId = 1) =>
  at({ kind: 'issuing', fieldId, priorityGroupId, requestId }, requestId);
const ticket = at({ kind: 'showing-ticket', issued }, 1);
const error = at({ kind: 'error', code: 'DAILY_CAP_REACHED', message: 'Hết số' }, 1);

describe('kiosk state machine', () => {
  const table: [string, KioskState, KioskEvent, KioskState][] = [
    // Waking up
    ['a touch wakes the idle kiosk', attract, { type: 'wake' }, fields()],
    ['the camera seeing someone wakes it', attract, { type: 'presence' }, fields()],
    ['a number key on the idle screen marks that tile', attract, { type: 'highlight', index: 1 }, fields(null, 1)],
    ['a number key beyond the tiles just wakes', attract, { type: 'highlight', index: 7 }, fields()],
    ['nothing issues a number from the idle screen', attract, { type: 'select-field', fieldId: 'ht' }, attract],
    ['the idle screen has no timeout', attract, { type: 'timeout' }, attract],

    // The normal path: one touch on a field issues the number (no extra step)
    ['touching a field issues a number', fields(), { type: 'select-field', fieldId: 'ct' }, issuing('ct')],
    ['an unknown field is ignored', fields(), { type: 'select-field', fieldId: 'zz' }, fields()],
    ['number keys mark a tile', fields(), { type: 'highlight', index: 2 }, fields(null, 2)],
    ['Enter issues for the marked tile', fields(null, 2), { type: 'confirm' }, issuing('dd')],
    ['Enter with nothing marked does nothing', fields(), { type: 'confirm' }, fields()],
    ['arrows start at the first choice', fields(), { type: 'move', delta: 1 }, fields(null, 0)],
    ['arrows backwards start at the last choice (the priority button)', fields(), { type: 'move', delta: -1 }, fields(null, 3)],
    ['arrows wrap around', fields(null, 3), { type: 'move', delta: 1 }, fields(null, 0)],
    ['Enter on the marked priority button opens the priority groups', fields(null, 3), { type: 'confirm' }, priority()],
    ['Escape goes back to the idle screen', fields(), { type: 'back' }, attract],
    ['inactivity returns to the idle screen', fields('nct', 1), { type: 'timeout' }, attract],

    // Priority: an optional detour, then the field
    ['the priority button opens the groups', fields(), { type: 'ask-priority' }, priority()],
    ['choosing a group returns to the fields with priority', priority(), { type: 'select-priority', priorityGroupId: 'nkt' }, fields('nkt')],
    ['an unknown group is ignored', priority(), { type: 'select-priority', priorityGroupId: 'zz' }, priority()],
    ['the field then issues a priority number', fields('nkt'), { type: 'select-field', fieldId: 'ht' }, issuing('ht', 'nkt')],
    ['Enter on a marked group chooses it', priority(null, 0), { type: 'confirm' }, fields('nct')],
    ['Enter on "no, go back" keeps the previous choice', priority('nkt', 2), { type: 'confirm' }, fields('nkt')],
    ['Escape leaves the groups without choosing', priority(), { type: 'back' }, fields()],
    ['opening the groups again marks the current one', fields('nkt'), { type: 'ask-priority' }, priority('nkt', 1)],
    ['priority can be removed', fields('nkt'), { type: 'clear-priority' }, fields()],
    ['Escape first removes priority', fields('nkt'), { type: 'back' }, fields()],
    ['inactivity on the groups returns to the idle screen', priority('nct'), { type: 'timeout' }, attract],

    // Issuing
    ['the answer shows the ticket', issuing('ht'), { type: 'issued', requestId: 1, issued }, ticket],
    ['a refusal shows the server message', issuing('ht'), { type: 'issue-failed', requestId: 1, code: 'DAILY_CAP_REACHED', message: 'Hết số' }, error],
    ['an answer to an abandoned request is ignored', issuing('ht', null, 2), { type: 'issued', requestId: 1, issued }, issuing('ht', null, 2)],
    ['touches while issuing cannot issue twice', issuing('ht'), { type: 'select-field', fieldId: 'ct' }, issuing('ht')],
    ['Escape while issuing is ignored', issuing('ht'), { type: 'back' }, issuing('ht')],
    ['a hanging request becomes a calm error', issuing('ht'), { type: 'timeout' }, at({ kind: 'error', code: ISSUE_TIMEOUT_CODE, message: '' }, 1)],

    // After
    ['the ticket screen times out to the idle screen', ticket, { type: 'timeout' }, at({ kind: 'attract' }, 1)],
    ['"Done" on the ticket returns to the idle screen', ticket, { type: 'done' }, at({ kind: 'attract' }, 1)],
    ['a late refusal does not replace the ticket', ticket, { type: 'issue-failed', requestId: 1, code: 'X', message: 'x' }, ticket],
    ['the error screen returns to the idle screen by itself', error, { type: 'timeout' }, at({ kind: 'attract' }, 1)],
    ['dismissing the error lets the citizen choose again', error, { type: 'done' }, at({ kind: 'choosing-field', priorityGroupId: null, highlight: null }, 1)],

    // The centre changes while someone is choosing
    [
      'a removed priority group is dropped',
      fields('nkt', 3),
      { type: 'menu-loaded', menu: { fields: ['ht'], priorityGroups: ['nct'] } },
      { kind: 'choosing-field', priorityGroupId: null, highlight: null, menu: { fields: ['ht'], priorityGroups: ['nct'] }, lastRequestId: 0 },
    ],
    [
      'no groups left: back to the fields',
      priority('nct', 0),
      { type: 'menu-loaded', menu: { fields: ['ht'], priorityGroups: [] } },
      { kind: 'choosing-field', priorityGroupId: null, highlight: null, menu: { fields: ['ht'], priorityGroups: [] }, lastRequestId: 0 },
    ],
  ];

  it.each(table)('%s', (_name, state, event, expected) => {
    expect(nextKioskState(state, event)).toEqual(expected);
  });

  it('gives every issue request a new id', () => {
    let s = initialKioskState(menu);
    const ids: number[] = [];
    for (const fieldId of ['ht', 'ct', 'ht']) {
      s = nextKioskState(s, { type: 'wake' });
      s = nextKioskState(s, { type: 'select-field', fieldId });
      if (s.kind !== 'issuing') throw new Error(`expected issuing, got ${s.kind}`);
      ids.push(s.requestId);
      s = nextKioskState(s, { type: 'issued', requestId: s.requestId, issued });
      s = nextKioskState(s, { type: 'timeout' });
    }
    expect(new Set(ids).size).toBe(3);
    expect(s.kind).toBe('attract');
  });

  it('returns the same object for events that change nothing (React skips the render)', () => {
    expect(nextKioskState(attract, { type: 'done' })).toBe(attract);
    expect(nextKioskState(issuing('ht'), { type: 'wake' })).toStrictEqual(issuing('ht'));
  });

  it.each([
    [attract, null],
    [fields(), INACTIVITY_MS.choosing],
    [priority(), INACTIVITY_MS.choosing],
    [issuing('ht'), INACTIVITY_MS.issuing],
    [ticket, INACTIVITY_MS.ticket],
    [error, INACTIVITY_MS.error],
  ] as const)('waits the right time on %#', (state, ms) => {
    expect(timeoutFor(state)).toBe(ms);
  });

  it('counts the choices the marker moves over', () => {
    expect(choiceCount(fields())).toBe(4);
    expect(choiceCount({ ...fields(), menu: { fields: ['ht'], priorityGroups: [] } })).toBe(1);
    expect(choiceCount(priority())).toBe(3);
    expect(choiceCount(ticket)).toBe(0);
  });
});

describe('keys', () => {
  const table: [string, string, KioskState, KioskEvent | null][] = [
    ['any key wakes the idle screen', 'a', attract, { type: 'wake' }],
    ['Enter wakes the idle screen', 'Enter', attract, { type: 'wake' }],
    ['Tab leaves the idle screen alone', 'Tab', attract, null],
    ['Shift leaves the idle screen alone', 'Shift', attract, null],
    ['a digit on the idle screen marks its tile', '2', attract, { type: 'highlight', index: 1 }],
    ['digits name tiles', '3', fields(), { type: 'highlight', index: 2 }],
    ['a digit with no tile does nothing', '4', fields(), null],
    ['0 is not a tile', '0', fields(), null],
    ['Enter confirms', 'Enter', fields(), { type: 'confirm' }],
    ['Escape goes back', 'Escape', fields(), { type: 'back' }],
    ['Backspace goes back', 'Backspace', priority(), { type: 'back' }],
    ['arrows move forward', 'ArrowDown', fields(), { type: 'move', delta: 1 }],
    ['arrows move back', 'ArrowLeft', priority(), { type: 'move', delta: -1 }],
    ['digits name groups on the priority screen', '2', priority(), { type: 'highlight', index: 1 }],
    ['a digit past the groups does nothing', '3', priority(), null],
    ['keys are ignored while issuing', 'Enter', issuing('ht'), null],
    ['Enter closes the ticket', 'Enter', ticket, { type: 'done' }],
    ['Escape closes the error', 'Escape', error, { type: 'done' }],
    ['letters do nothing on the ticket', 'x', ticket, null],
  ];
  it.each(table)('%s', (_name, key, state, expected) => {
    expect(eventForKey(key, state)).toEqual(expected);
  });

  it('a keyboard-only visit: wake, pick tile 2, confirm', () => {
    let s = initialKioskState(menu);
    for (const key of ['Enter', '2', 'Enter']) {
      const e = eventForKey(key, s);
      if (e) s = nextKioskState(s, e);
    }
    expect(s).toMatchObject({ kind: 'issuing', fieldId: 'ct', priorityGroupId: null });
  });

  it('a keyboard-only priority visit: arrows to the priority button, group 1, tile 1', () => {
    let s = nextKioskState(initialKioskState(menu), { type: 'wake' });
    for (const key of ['ArrowLeft', 'Enter', '1', 'Enter', '1', 'Enter']) {
      const e = eventForKey(key, s);
      if (e) s = nextKioskState(s, e);
    }
    expect(s).toMatchObject({ kind: 'issuing', fieldId: 'ht', priorityGroupId: 'nct' });
  });
});
