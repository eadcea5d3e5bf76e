import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../contracts/api';
import { FALLBACK_FACE_MODEL_ID } from '../../contracts/face';
import {
  choiceCount,
  countsAsActivity,
  eventForKey,
  FRESH_VISIT,
  initialKioskState,
  INACTIVITY_MS,
  ISSUE_TIMEOUT_CODE,
  LIVENESS_GIVE_UP_MS,
  LIVENESS_PROMPT_MS,
  needsDeliberateChoice,
  nextKioskState,
  timeoutFor,
  type FaceVisit,
  type IssueFace,
  type KioskEvent,
  type KioskMenu,
  type KioskState,
} from './kiosk-machine';

const menu: KioskMenu = { fields: ['ht', 'ct', 'dd'], priorityGroups: ['nct', 'nkt'] };
const issued = { ticket: { code: 'ABC123', displayNumber: '1001' } } as unknown as IssuedTicket;

const at = (screen: Partial<KioskState> & Pick<KioskState, 'kind'>, lastRequestId = 0): KioskState =>
  ({ menu, lastRequestId, visit: FRESH_VISIT, lang: 'vi', ...screen }) as KioskState;

const attract = at({ kind: 'attract' });
const fields = (priorityGroupId: string | null = null, highlight: number | null = null) =>
  at({ kind: 'choosing-field', priorityGroupId, highlight });
const priority = (priorityGroupId: string | null = null, highlight: number | null = null) =>
  at({ kind: 'choosing-priority', priorityGroupId, highlight });
const issuing = (fieldId: string, priorityGroupId: string | null = null, requestId = 1) =>
  at({ kind: 'issuing', fieldId, priorityGroupId, requestId, face: null }, requestId);
const ticket = at({ kind: 'showing-ticket', issued, reused: false }, 1);
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
      { kind: 'choosing-field', priorityGroupId: null, highlight: null, menu: { fields: ['ht'], priorityGroups: ['nct'] }, lastRequestId: 0, visit: FRESH_VISIT, lang: 'vi' },
    ],
    [
      'no groups left: back to the fields',
      priority('nct', 0),
      { type: 'menu-loaded', menu: { fields: ['ht'], priorityGroups: [] } },
      { kind: 'choosing-field', priorityGroupId: null, highlight: null, menu: { fields: ['ht'], priorityGroups: [] }, lastRequestId: 0, visit: FRESH_VISIT, lang: 'vi' },
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

// ---------------------------------------------------------------------------------------------
// Taking the number with the face

describe('kiosk state machine with the face', () => {
  const faceMenu: KioskMenu = { ...menu, face: { available: true, remember: true } };
  const todayOnlyMenu: KioskMenu = { ...menu, face: { available: true, remember: false } };
  const T = 'AAAAgD8='; // a template (base64 float32): its content does not matter here
  const visit = (patch: Partial<FaceVisit> = {}): FaceVisit => ({ ...FRESH_VISIT, ...patch });
  const fat = (screen: Partial<KioskState> & Pick<KioskState, 'kind'>, v: Partial<FaceVisit> = {}, lastRequestId = 0, m = faceMenu): KioskState =>
    ({ menu: m, lastRequestId, lang: 'vi', ...screen, visit: visit(v) }) as KioskState;

  const idle = fat({ kind: 'attract' });
  const consent = (v: Partial<FaceVisit> = {}, highlight: number | null = null, m = faceMenu) => fat({ kind: 'consent', highlight }, v, 0, m);
  const fieldsWith = (v: Partial<FaceVisit>, lastRequestId = 0) => fat({ kind: 'choosing-field', priorityGroupId: null, highlight: null }, v, lastRequestId);
  const checking = (v: Partial<FaceVisit>, asked = false, lastRequestId = 0) =>
    fat({ kind: 'checking', fieldId: 'ct', priorityGroupId: null, asked }, v, lastRequestId);
  const rememberConfirm = (v: Partial<FaceVisit> = {}, highlight: number | null = null) => fat({ kind: 'remember-confirm', highlight }, v);
  const capture = { model: FALLBACK_FACE_MODEL_ID, template: T, live: true as const, frames: 5 };
  const ready = { consent: 'today' as const, live: true, template: T, model: FALLBACK_FACE_MODEL_ID, faces: 1, recognition: { status: 'none' as const } };
  const issuingWith = (face: IssueFace | null, v: Partial<FaceVisit>, requestId = 1, fieldId = 'ct') =>
    fat({ kind: 'issuing', fieldId, priorityGroupId: null, requestId, face }, v, requestId);
  const recognised = (v: Partial<FaceVisit>, extra: Partial<Extract<KioskState, { kind: 'recognised' }>> = {}, lastRequestId = 1) =>
    fat({ kind: 'recognised', fieldId: 'ct', priorityGroupId: null, digits: '', message: null, closed: false, ...extra }, v, lastRequestId);
  const candidate = { status: 'candidate' as const, token: 'tok' };
  const matched = { ...issued, reused: true, reuseCheck: { token: 'reuse-token-0123456789abc', expiresAt: '2026-12-04T03:05:00.000Z' } } as IssuedTicket;
  const reuseConfirm = (highlight: number | null = null) =>
    fat({ kind: 'reuse-confirm', issued: matched, highlight, face: { consent: 'today', capture }, fieldId: 'ct', priorityGroupId: null }, ready, 1);

  const table: [string, KioskState, KioskEvent, KioskState][] = [
    // Presence and crowds
    ['a face close to the idle kiosk greets and asks for consent', idle, { type: 'presence' }, consent()],
    ['a touch also starts with consent when the face is on offer', idle, { type: 'wake' }, consent()],
    ['a number key on the idle screen also starts with consent', idle, { type: 'highlight', index: 1 }, consent()],
    ['one face near the idle kiosk is only counted', idle, { type: 'faces', count: 1 }, fat({ kind: 'attract' }, { faces: 1 })],
    ['several faces near the idle kiosk: one at a time', idle, { type: 'faces', count: 2 }, fat({ kind: 'several-faces' }, { faces: 2 })],
    ['several faces while the face is not on offer: only counted', at({ kind: 'attract' }), { type: 'faces', count: 2 }, { ...at({ kind: 'attract' }), visit: { ...FRESH_VISIT, faces: 2 } }],
    ['one person left of several: consent', fat({ kind: 'several-faces' }, { faces: 2 }), { type: 'faces', count: 1 }, consent({ faces: 1 })],
    ['everybody left: the idle screen', fat({ kind: 'several-faces' }, { faces: 2 }), { type: 'faces', count: 0 }, idle],
    ['a touch among several people starts a visit', fat({ kind: 'several-faces' }, { faces: 2 }), { type: 'wake' }, consent({ faces: 2 })],
    ['nobody stepped forward: the idle screen', fat({ kind: 'several-faces' }, { faces: 2 }), { type: 'timeout' }, idle],
    ['a second face during the visit is only counted (the screen shows a banner)', consent({ faces: 1 }), { type: 'faces', count: 2 }, consent({ faces: 2 })],

    // Consent
    ['"today" goes to the fields', consent(), { type: 'select-consent', consent: 'today' }, fieldsWith({ consent: 'today' })],
    ['"no" goes to the fields without the face', consent(), { type: 'select-consent', consent: 'declined' }, fieldsWith({ consent: 'declined' })],
    ['"remember" first asks again, on its own screen, and consents to nothing yet', consent(), { type: 'select-consent', consent: 'remember' }, rememberConfirm()],
    ['"remember" is not offered where the centre does not allow it', consent({}, null, todayOnlyMenu), { type: 'select-consent', consent: 'remember' }, consent({}, null, todayOnlyMenu)],
    ['Enter on the marked second choice is "remember": the second question', consent({}, 1), { type: 'confirm' }, rememberConfirm()],
    ['without "remember", the second choice is "no"', consent({}, 1, todayOnlyMenu), { type: 'confirm' }, fat({ kind: 'choosing-field', priorityGroupId: null, highlight: null }, { consent: 'declined' }, 0, todayOnlyMenu)],
    ['a head turn moves over the three choices', consent({}, 2), { type: 'move', delta: 1 }, consent({}, 0)],
    ['Escape on consent leaves', consent(), { type: 'back' }, idle],
    ['nothing is captured before consent', consent({ faces: 1 }), { type: 'captured', template: T, model: FALLBACK_FACE_MODEL_ID }, consent({ faces: 1 })],
    ['liveness is noted before consent (landmarks only)', consent(), { type: 'liveness', verdict: 'live', reason: 'blink' }, consent({ live: true })],

    // "Remember me?" asked a second time: only a deliberate yes leads to the phone digits
    ['yes: the phone digits, and the consent is "remember"', rememberConfirm(), { type: 'select-consent', consent: 'remember' }, fat({ kind: 'phone', digits: '' }, { consent: 'remember' })],
    ['no: the face for today only', rememberConfirm(), { type: 'select-consent', consent: 'today' }, fieldsWith({ consent: 'today' })],
    ['nothing marked: Enter (or a nod) does nothing', rememberConfirm(), { type: 'confirm' }, rememberConfirm()],
    ['a number key marks a choice without acting', rememberConfirm(), { type: 'highlight', index: 0 }, rememberConfirm({}, 0)],
    ['Enter on the marked "yes"', rememberConfirm({}, 0), { type: 'confirm' }, fat({ kind: 'phone', digits: '' }, { consent: 'remember' })],
    ['Enter on the marked "no"', rememberConfirm({}, 1), { type: 'confirm' }, fieldsWith({ consent: 'today' })],
    ['a head turn marks a choice; only a nod after it acts', rememberConfirm(), { type: 'move', delta: 1 }, rememberConfirm({}, 0)],
    ['"without the face" from the second question', rememberConfirm(), { type: 'without-face' }, fieldsWith({ consent: 'declined' })],
    ['back: the first question again', rememberConfirm({}, 0), { type: 'back' }, consent()],
    ['nobody answers: the visit ends, nothing consented', rememberConfirm(), { type: 'timeout' }, idle],
    ['nothing is captured on the second question (no consent yet)', rememberConfirm({ faces: 1 }), { type: 'captured', template: T, model: FALLBACK_FACE_MODEL_ID }, rememberConfirm({ faces: 1 })],
    ['the centre stops remembering meanwhile: back to the first question', rememberConfirm(), { type: 'menu-loaded', menu: todayOnlyMenu }, consent({}, null, todayOnlyMenu)],

    // The phone keypad
    ['a digit is typed', fat({ kind: 'phone', digits: '12' }, { consent: 'remember' }), { type: 'digit', digit: '3' }, fat({ kind: 'phone', digits: '123' }, { consent: 'remember' })],
    ['a fifth digit is ignored', fat({ kind: 'phone', digits: '1234' }, { consent: 'remember' }), { type: 'digit', digit: '5' }, fat({ kind: 'phone', digits: '1234' }, { consent: 'remember' })],
    ['not a digit: ignored', fat({ kind: 'phone', digits: '1' }, { consent: 'remember' }), { type: 'digit', digit: 'x' }, fat({ kind: 'phone', digits: '1' }, { consent: 'remember' })],
    ['erase removes the last digit', fat({ kind: 'phone', digits: '12' }, { consent: 'remember' }), { type: 'erase' }, fat({ kind: 'phone', digits: '1' }, { consent: 'remember' })],
    ['"done" needs four digits', fat({ kind: 'phone', digits: '123' }, { consent: 'remember' }), { type: 'confirm' }, fat({ kind: 'phone', digits: '123' }, { consent: 'remember' })],
    ['four digits: the fields', fat({ kind: 'phone', digits: '1234' }, { consent: 'remember' }), { type: 'confirm' }, fieldsWith({ consent: 'remember', phoneHint: '1234' })],
    ['back from the keypad undoes the consent', fat({ kind: 'phone', digits: '12' }, { consent: 'remember', template: T }), { type: 'back' }, consent()],
    ['"without the face" from the keypad', fat({ kind: 'phone', digits: '12' }, { consent: 'remember', template: T }), { type: 'without-face' }, fieldsWith({ consent: 'declined' })],

    // Choosing the field
    ['declined: the number is issued at once, without any face data', fieldsWith({ consent: 'declined' }), { type: 'select-field', fieldId: 'ct' }, issuingWith({ consent: 'declined' }, { consent: 'declined' })],
    ['consented but not yet live: the check', fieldsWith({ consent: 'today', template: T }), { type: 'select-field', fieldId: 'ct' }, checking({ consent: 'today', template: T })],
    ['live but no template yet: the check', fieldsWith({ consent: 'today', live: true }), { type: 'select-field', fieldId: 'ct' }, checking({ consent: 'today', live: true })],
    ['live, template, nobody recognised: issued with the template', fieldsWith(ready), { type: 'select-field', fieldId: 'ct' }, issuingWith({ consent: 'today', capture }, ready)],
    [
      '"remember" sends the phone digits with the template',
      fieldsWith({ ...ready, consent: 'remember', phoneHint: '1234' }),
      { type: 'select-field', fieldId: 'ct' },
      issuingWith({ consent: 'remember', capture, phoneHint: '1234' }, { ...ready, consent: 'remember', phoneHint: '1234' }),
    ],
    ['several people in front: no capture is sent, the check waits', fieldsWith({ ...ready, faces: 2 }), { type: 'select-field', fieldId: 'ct' }, checking({ ...ready, faces: 2 })],
    ['the recognition answer is awaited', fieldsWith({ ...ready, recognition: { status: 'asking', requestId: 1 } }, 1), { type: 'select-field', fieldId: 'ct' }, checking({ ...ready, recognition: { status: 'asking', requestId: 1 } }, false, 1)],
    ['a possible returning citizen: the neutral prompt', fieldsWith({ ...ready, recognition: candidate }), { type: 'select-field', fieldId: 'ct' }, recognised({ ...ready, recognition: candidate }, {}, 0)],

    // The check
    ['the template arrives: the recognition question goes out', checking({ consent: 'today', live: true }), { type: 'captured', template: T, model: FALLBACK_FACE_MODEL_ID }, checking({ consent: 'today', live: true, template: T, model: FALLBACK_FACE_MODEL_ID, recognition: { status: 'asking', requestId: 1 } }, false, 1)],
    ['nobody recognised: issued', checking({ ...ready, recognition: { status: 'asking', requestId: 1 } }, false, 1), { type: 'recognition-answer', requestId: 1, candidate: null }, issuingWith({ consent: 'today', capture }, ready, 2)],
    ['a candidate: the prompt', checking({ ...ready, recognition: { status: 'asking', requestId: 1 } }, false, 1), { type: 'recognition-answer', requestId: 1, candidate: 'tok' }, recognised({ ...ready, recognition: candidate }, {}, 1)],
    ['an answer to another question is ignored', checking({ ...ready, recognition: { status: 'asking', requestId: 3 } }, false, 3), { type: 'recognition-answer', requestId: 1, candidate: 'tok' }, checking({ ...ready, recognition: { status: 'asking', requestId: 3 } }, false, 3)],
    ['live at last: issued (recognition already answered)', checking({ ...ready, live: false }), { type: 'liveness', verdict: 'live', reason: 'blink' }, issuingWith({ consent: 'today', capture }, ready)],
    ['not live: the calm retry screen', checking({ consent: 'today' }), { type: 'liveness', verdict: 'not-live', reason: 'no-movement' }, fat({ kind: 'not-live', fieldId: 'ct', priorityGroupId: null, highlight: null, reason: 'no-movement' }, { consent: 'today' })],
    ['a few seconds without a sign: ask for a blink or a turn', checking({ consent: 'today' }), { type: 'timeout' }, checking({ consent: 'today' }, true)],
    ['asked and still nothing from the camera: the calm retry screen', checking({ consent: 'today' }, true), { type: 'timeout' }, fat({ kind: 'not-live', fieldId: 'ct', priorityGroupId: null, highlight: null, reason: 'no-answer' }, { consent: 'today' })],
    ['the face left: its liveness and template no longer count', checking({ ...ready, recognition: { status: 'asking', requestId: 1 } }, false, 1), { type: 'track-reset' }, checking({ ...ready, live: false, template: null, recognition: { status: 'idle' } }, false, 1)],
    ['declining from the check issues without the face and forgets the template', checking({ consent: 'today', template: T }), { type: 'without-face' }, issuingWith({ consent: 'declined' }, { consent: 'today', template: null })],
    ['back from the check: the fields again', checking({ consent: 'today' }), { type: 'back' }, fieldsWith({ consent: 'today' })],

    // Not live
    ['retry: checking again, already asking', fat({ kind: 'not-live', fieldId: 'ct', priorityGroupId: null, highlight: null, reason: 'x' }, { consent: 'today' }), { type: 'retry' }, checking({ consent: 'today' }, true)],
    ['or the number without the face', fat({ kind: 'not-live', fieldId: 'ct', priorityGroupId: null, highlight: null, reason: 'x' }, { consent: 'today' }), { type: 'without-face' }, issuingWith({ consent: 'declined' }, { consent: 'today' })],
    ['Enter on the marked second choice: without the face', fat({ kind: 'not-live', fieldId: 'ct', priorityGroupId: null, highlight: 1, reason: 'x' }, { consent: 'today' }), { type: 'confirm' }, issuingWith({ consent: 'declined' }, { consent: 'today' })],

    // A returning citizen
    ['digits on the prompt', recognised({ ...ready, recognition: candidate }, { digits: '12' }), { type: 'digit', digit: '3' }, recognised({ ...ready, recognition: candidate }, { digits: '123' })],
    ['four digits are sent for confirmation', recognised({ ...ready, recognition: candidate }, { digits: '1234' }), { type: 'confirm' }, fat({ kind: 'confirming', fieldId: 'ct', priorityGroupId: null, requestId: 2, digits: '1234' }, { ...ready, recognition: candidate }, 2)],
    ['skip: just the number', recognised({ ...ready, recognition: candidate }), { type: 'skip' }, issuingWith({ consent: 'today', capture }, { ...ready, recognition: { status: 'skipped' } }, 2)],
    [
      'confirmed with nothing ready: just the number (and someone remembered is not remembered twice)',
      fat({ kind: 'confirming', fieldId: 'ct', priorityGroupId: null, requestId: 2, digits: '1234' }, { ...ready, consent: 'remember', phoneHint: '5678', recognition: candidate }, 2),
      { type: 'confirm-answer', requestId: 2, results: [] },
      issuingWith({ consent: 'today', capture }, { ...ready, consent: 'remember', phoneHint: '5678', recognition: { status: 'confirmed', results: [] } }, 3),
    ],
    [
      'confirmed with a result ready: where to collect it',
      fat({ kind: 'confirming', fieldId: 'ct', priorityGroupId: null, requestId: 2, digits: '1234' }, { ...ready, recognition: candidate }, 2),
      { type: 'confirm-answer', requestId: 2, results: [{ dossierCode: 'H01.1-2611-0001', counterNumber: 3 }] },
      fat(
        { kind: 'results', fieldId: 'ct', priorityGroupId: null, results: [{ dossierCode: 'H01.1-2611-0001', counterNumber: 3 }] },
        { ...ready, recognition: { status: 'confirmed', results: [{ dossierCode: 'H01.1-2611-0001', counterNumber: 3 }] } },
        2,
      ),
    ],
    [
      'wrong digits: the server says so and the keypad stays',
      fat({ kind: 'confirming', fieldId: 'ct', priorityGroupId: null, requestId: 2, digits: '9999' }, { ...ready, recognition: candidate }, 2),
      { type: 'confirm-failed', requestId: 2, message: 'Số điện thoại không khớp. Ông/bà còn 2 lần thử.', final: false },
      recognised({ ...ready, recognition: candidate }, { message: 'Số điện thoại không khớp. Ông/bà còn 2 lần thử.' }, 2),
    ],
    [
      'no attempt left: the message, then only "continue"',
      fat({ kind: 'confirming', fieldId: 'ct', priorityGroupId: null, requestId: 2, digits: '9999' }, { ...ready, recognition: candidate }, 2),
      { type: 'confirm-failed', requestId: 2, message: 'Hết hạn', final: true },
      recognised({ ...ready, recognition: { status: 'none' } }, { message: 'Hết hạn', closed: true }, 2),
    ],
    ['"continue" after the last attempt: the number', recognised({ ...ready }, { closed: true }), { type: 'confirm' }, issuingWith({ consent: 'today', capture }, ready, 2)],
    ['after the results: the number', fat({ kind: 'results', fieldId: 'ct', priorityGroupId: null, results: [] }, { ...ready, recognition: { status: 'confirmed', results: [] } }, 2), { type: 'confirm' }, issuingWith({ consent: 'today', capture }, { ...ready, recognition: { status: 'confirmed', results: [] } }, 3)],

    // The number
    [
      'the same person again: the same number, marked as reused',
      issuingWith({ consent: 'today', capture }, ready),
      { type: 'issued', requestId: 1, issued: { ...issued, reused: true } as IssuedTicket },
      fat({ kind: 'showing-ticket', issued: { ...issued, reused: true } as IssuedTicket, reused: true }, ready, 1),
    ],
    [
      'given back on a face match: "is this number yours?" first',
      issuingWith({ consent: 'today', capture }, ready),
      { type: 'issued', requestId: 1, issued: matched },
      reuseConfirm(),
    ],
    ['"mine": the number, and the answer goes to the server once', reuseConfirm(), { type: 'reuse-answer', answer: 'mine' }, fat({ kind: 'showing-ticket', issued: matched, reused: true, reuseConfirmed: { requestId: 2, token: 'reuse-token-0123456789abc' } }, ready, 2)],
    ['"not mine": asked again for a new number, saying which answer was wrong', reuseConfirm(), { type: 'reuse-answer', answer: 'not-mine' }, issuingWith({ consent: 'today', capture, notMine: 'reuse-token-0123456789abc' }, ready, 2)],
    ['the new number is shown as a new number', issuingWith({ consent: 'today', capture, notMine: 'reuse-token-0123456789abc' }, ready, 2), { type: 'issued', requestId: 2, issued }, fat({ kind: 'showing-ticket', issued, reused: false }, ready, 2)],
    ['nothing marked: Enter (or a nod) does not answer', reuseConfirm(), { type: 'confirm' }, reuseConfirm()],
    ['a number key marks an answer', reuseConfirm(), { type: 'highlight', index: 1 }, reuseConfirm(1)],
    ['Enter on the marked "mine"', reuseConfirm(0), { type: 'confirm' }, fat({ kind: 'showing-ticket', issued: matched, reused: true, reuseConfirmed: { requestId: 2, token: 'reuse-token-0123456789abc' } }, ready, 2)],
    ['Enter on the marked "not mine"', reuseConfirm(1), { type: 'confirm' }, issuingWith({ consent: 'today', capture, notMine: 'reuse-token-0123456789abc' }, ready, 2)],
    ['no answer in time: the number stays shown, nothing is said to the server', reuseConfirm(), { type: 'timeout' }, fat({ kind: 'showing-ticket', issued: matched, reused: true }, ready, 1)],
    ['Escape: the same as no answer', reuseConfirm(1), { type: 'back' }, fat({ kind: 'showing-ticket', issued: matched, reused: true }, ready, 1)],
    ['what the camera sees meanwhile changes nothing', reuseConfirm(), { type: 'liveness', verdict: 'not-live', reason: 'no-movement' }, reuseConfirm()],
    [
      'given back without a question (no face match behind it): shown as before',
      issuingWith({ consent: 'today', capture }, ready),
      { type: 'issued', requestId: 1, issued: { ...matched, reuseCheck: null } },
      fat({ kind: 'showing-ticket', issued: { ...matched, reuseCheck: null }, reused: true }, ready, 1),
    ],
    ['the visit ends: everything the camera gave is forgotten', fat({ kind: 'showing-ticket', issued, reused: false }, ready, 1), { type: 'done' }, fat({ kind: 'attract' }, {}, 1)],
    ['the camera went away while choosing consent: carry on without the face', consent(), { type: 'menu-loaded', menu }, at({ kind: 'choosing-field', priorityGroupId: null, highlight: null })],
  ];

  it.each(table)('%s', (_name, state, event, expected) => {
    expect(nextKioskState(state, event)).toEqual(expected);
  });

  it.each([
    [reuseConfirm(), INACTIVITY_MS.reuseConfirm],
    [consent(), INACTIVITY_MS.choosing],
    [fat({ kind: 'several-faces' }), INACTIVITY_MS.severalFaces],
    [fat({ kind: 'phone', digits: '' }), INACTIVITY_MS.typing],
    [checking({}), LIVENESS_PROMPT_MS],
    [checking({}, true), LIVENESS_GIVE_UP_MS],
    [recognised({}), INACTIVITY_MS.typing],
  ] as const)('waits the right time on face screen %#', (state, ms) => {
    expect(timeoutFor(state)).toBe(ms);
  });

  it('does not let head movements postpone the blink prompt, but counts them where they choose', () => {
    // A photo moved in front of the camera reads as head turns; the check screen ignores them.
    expect(countsAsActivity(checking({}), { type: 'move', delta: 1 })).toBe(false);
    expect(countsAsActivity(checking({}), { type: 'highlight', index: 0 })).toBe(false);
    expect(countsAsActivity(fieldsWith({}), { type: 'move', delta: 1 })).toBe(true);
    expect(countsAsActivity(checking({}), { type: 'back' })).toBe(true);
  });

  it('a keyboard-only visit with the face: consent, field, the camera does the rest', () => {
    let s = initialKioskState(faceMenu);
    s = nextKioskState(s, { type: 'presence' });
    for (const key of ['1', 'Enter']) s = nextKioskState(s, eventForKey(key, s)!);
    expect(s).toMatchObject({ kind: 'choosing-field', visit: { consent: 'today' } });
    s = nextKioskState(s, { type: 'liveness', verdict: 'live', reason: 'blink' });
    s = nextKioskState(s, { type: 'captured', template: T, model: FALLBACK_FACE_MODEL_ID });
    expect(s.visit.recognition).toEqual({ status: 'asking', requestId: 1 });
    for (const key of ['2', 'Enter']) s = nextKioskState(s, eventForKey(key, s)!);
    expect(s.kind).toBe('checking');
    s = nextKioskState(s, { type: 'recognition-answer', requestId: 1, candidate: null });
    expect(s).toMatchObject({ kind: 'issuing', fieldId: 'ct', face: { consent: 'today', capture: { model: FALLBACK_FACE_MODEL_ID, template: T, live: true, frames: 5 } } });
  });

  it('a keyboard visit that asks to be remembered answers twice: "remember", then "yes"', () => {
    let s = nextKioskState(initialKioskState(faceMenu), { type: 'presence' });
    for (const key of ['2', 'Enter']) s = nextKioskState(s, eventForKey(key, s)!);
    expect(s).toMatchObject({ kind: 'remember-confirm', visit: { consent: null } });
    // A second Enter (a key held, a second nod) is not the answer.
    s = nextKioskState(s, eventForKey('Enter', s)!);
    expect(s).toMatchObject({ kind: 'remember-confirm', visit: { consent: null } });
    for (const key of ['1', 'Enter']) s = nextKioskState(s, eventForKey(key, s)!);
    expect(s).toMatchObject({ kind: 'phone', visit: { consent: 'remember' } });
  });

  it('choices by gesture are deliberate on "remember me?" and "is this number yours?" only', () => {
    expect(needsDeliberateChoice(fat({ kind: 'remember-confirm', highlight: null }))).toBe(true);
    expect(needsDeliberateChoice(reuseConfirm())).toBe(true);
    expect(needsDeliberateChoice(consent())).toBe(false);
    expect(needsDeliberateChoice(fieldsWith({ consent: 'today' }))).toBe(false);
  });

  it('no template is ever sent without a live check, whatever the order of events', () => {
    const events: KioskEvent[] = [
      { type: 'captured', template: T, model: FALLBACK_FACE_MODEL_ID },
      { type: 'select-field', fieldId: 'ht' },
      { type: 'recognition-answer', requestId: 1, candidate: null },
      { type: 'faces', count: 1 },
      { type: 'timeout' },
      { type: 'timeout' },
    ];
    let s = fieldsWith({ consent: 'today' });
    for (const e of events) {
      s = nextKioskState(s, e);
      if (s.kind === 'issuing') expect(s.face?.capture).toBeUndefined();
    }
    expect(s.kind).toBe('not-live');
  });
});

describe('keys on the face screens', () => {
  const faceMenu: KioskMenu = { ...menu, face: { available: true, remember: true } };
  const on = (screen: Partial<KioskState> & Pick<KioskState, 'kind'>): KioskState => ({ menu: faceMenu, lastRequestId: 0, visit: FRESH_VISIT, lang: 'vi', ...screen }) as KioskState;
  const table: [string, string, KioskState, KioskEvent | null][] = [
    ['a digit marks a consent choice', '3', on({ kind: 'consent', highlight: null }), { type: 'highlight', index: 2 }],
    ['there are only three consent choices', '4', on({ kind: 'consent', highlight: null }), null],
    ['Enter confirms the consent choice', 'Enter', on({ kind: 'consent', highlight: 0 }), { type: 'confirm' }],
    ['a digit marks an answer to "remember me?"', '2', on({ kind: 'remember-confirm', highlight: null }), { type: 'highlight', index: 1 }],
    ['"remember me?" has two answers', '3', on({ kind: 'remember-confirm', highlight: null }), null],
    ['Escape leaves "remember me?"', 'Escape', on({ kind: 'remember-confirm', highlight: null }), { type: 'back' }],
    ['a digit marks an answer to "is this number yours?"', '2', on({ kind: 'reuse-confirm', highlight: null } as Partial<KioskState> & Pick<KioskState, 'kind'>), { type: 'highlight', index: 1 }],
    ['Enter answers it', 'Enter', on({ kind: 'reuse-confirm', highlight: 0 } as Partial<KioskState> & Pick<KioskState, 'kind'>), { type: 'confirm' }],
    ['digits are digits on the keypad', '0', on({ kind: 'phone', digits: '' }), { type: 'digit', digit: '0' }],
    ['Backspace erases on the keypad', 'Backspace', on({ kind: 'phone', digits: '1' }), { type: 'erase' }],
    ['Escape leaves the keypad', 'Escape', on({ kind: 'phone', digits: '1' }), { type: 'back' }],
    ['Escape skips the recognition', 'Escape', on({ kind: 'recognised', fieldId: 'ht', priorityGroupId: null, digits: '', message: null, closed: false }), { type: 'skip' }],
    ['Escape leaves the check', 'Escape', on({ kind: 'checking', fieldId: 'ht', priorityGroupId: null, asked: false }), { type: 'back' }],
    ['Enter does nothing on the check', 'Enter', on({ kind: 'checking', fieldId: 'ht', priorityGroupId: null, asked: false }), null],
    ['any key starts a visit among several people', 'a', on({ kind: 'several-faces' }), { type: 'wake' }],
    ['keys wait while confirming', '1', on({ kind: 'confirming', fieldId: 'ht', priorityGroupId: null, requestId: 1, digits: '1234' }), null],
  ];
  it.each(table)('%s', (_name, key, state, expected) => {
    expect(eventForKey(key, state)).toEqual(expected);
  });
});

describe('the language of a visit', () => {
  const faceMenu: KioskMenu = { ...menu, face: { available: true, remember: true } };
  const en = (s: KioskState): KioskState => ({ ...s, lang: 'en' });
  const table: [string, KioskState, KioskEvent, KioskState][] = [
    ['the idle kiosk speaks Vietnamese', initialKioskState(menu), { type: 'wake' }, fields()],
    ['touching "English" on the idle screen starts a visit in English', attract, { type: 'set-lang', lang: 'en' }, en(fields())],
    [
      'with the face on offer, that visit starts with consent, in English',
      { ...attract, menu: faceMenu },
      { type: 'set-lang', lang: 'en' },
      en({ ...attract, menu: faceMenu, kind: 'consent', highlight: null } as KioskState),
    ],
    ['switching during a visit keeps the screen', fields('nct', 1), { type: 'set-lang', lang: 'en' }, en(fields('nct', 1))],
    ['and back to Vietnamese', en(priority()), { type: 'set-lang', lang: 'vi' }, priority()],
    ['"Done" on the ticket: the next visit starts in Vietnamese', en(ticket), { type: 'done' }, at({ kind: 'attract' }, 1)],
    ['the ticket timing out: Vietnamese again', en(ticket), { type: 'timeout' }, at({ kind: 'attract' }, 1)],
    ['a visitor walking away from the fields: Vietnamese again', en(fields('nct')), { type: 'timeout' }, attract],
    ['Escape back to the idle screen: Vietnamese again', en(fields()), { type: 'back' }, attract],
    ['an error dismissed: the same visitor chooses again, in their language', en(error), { type: 'done' }, en(at({ kind: 'choosing-field', priorityGroupId: null, highlight: null }, 1))],
    ['the error timing out ends the visit', en(error), { type: 'timeout' }, at({ kind: 'attract' }, 1)],
  ];
  it.each(table)('%s', (_name, state, event, expected) => {
    expect(nextKioskState(state, event)).toEqual(expected);
  });

  it('the same language again changes nothing; a switch is the citizen acting (it restarts the inactivity wait)', () => {
    const s = fields();
    expect(nextKioskState(s, { type: 'set-lang', lang: 'vi' })).toBe(s);
    expect(countsAsActivity(s, { type: 'set-lang', lang: 'en' })).toBe(true);
  });

  it('a visitor who switched to English does not leave English to the next citizen', () => {
    let s = initialKioskState(menu);
    s = nextKioskState(s, { type: 'wake' });
    s = nextKioskState(s, { type: 'set-lang', lang: 'en' });
    s = nextKioskState(s, { type: 'select-field', fieldId: 'ht' });
    expect(s).toMatchObject({ kind: 'issuing', lang: 'en' });
    if (s.kind !== 'issuing') throw new Error('expected issuing');
    s = nextKioskState(s, { type: 'issued', requestId: s.requestId, issued });
    expect(s).toMatchObject({ kind: 'showing-ticket', lang: 'en' });
    s = nextKioskState(s, { type: 'timeout' });
    s = nextKioskState(s, { type: 'wake' });
    expect(s).toMatchObject({ kind: 'choosing-field', lang: 'vi' });
  });
});
