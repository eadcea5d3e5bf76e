/**
 * The kiosk's flow as a pure state machine: `nextKioskState(state, event) → state`.
 *
 *   attract ──wake/presence/key──▶ choosing-field ──select-field──▶ issuing ──issued──▶ showing-ticket
 *                                    │   ▲                           │                     │
 *                      ask-priority  ▼   │ select-priority / back    └─issue-failed─▶ error │
 *                                  choosing-priority                                        │
 *   ◀──────────────────────── timeout (inactivity), done, back ─────────────────────────────┘
 *
 * Every input device speaks the same events: a touch on a tile and a camera gesture that dwelt on a
 * tile are both `select-field`; a number key and a hand pointing at a tile are both `highlight`;
 * Enter and a confirming nod are `confirm`; Escape is `back`; a face in front of an idle kiosk is
 * `presence`. Timers live in the page: it asks `timeoutFor(state)` and feeds `timeout` in.
 * Nothing here touches React, the DOM or the network.
 */
import type { IssuedTicket } from '../../contracts/api';

/** What the screens offer, in order: field ids (tiles) and priority group ids. */
export interface KioskMenu {
  fields: readonly string[];
  priorityGroups: readonly string[];
}

export type KioskScreen =
  | { kind: 'attract' }
  /** `highlight` indexes the screen's choices: the field tiles, then the priority button (if any). */
  | { kind: 'choosing-field'; priorityGroupId: string | null; highlight: number | null }
  /** Choices: the priority groups, then "no, go back". */
  | { kind: 'choosing-priority'; priorityGroupId: string | null; highlight: number | null }
  /** `requestId` lets the page send each request once and ignore answers to abandoned ones. */
  | { kind: 'issuing'; fieldId: string; priorityGroupId: string | null; requestId: number }
  | { kind: 'showing-ticket'; issued: IssuedTicket }
  | { kind: 'error'; code: string; message: string };

export type KioskState = KioskScreen & { menu: KioskMenu; lastRequestId: number };

export type KioskEvent =
  /** The centre was (re)loaded: the fields and priority groups on offer changed. */
  | { type: 'menu-loaded'; menu: KioskMenu }
  /** A touch or key on the idle screen. */
  | { type: 'wake' }
  /** The camera sees someone standing in front of the kiosk. */
  | { type: 'presence' }
  /** A number key or a hand pointing at a choice: mark it, do not act yet. */
  | { type: 'highlight'; index: number }
  /** Arrow keys. */
  | { type: 'move'; delta: number }
  /** Enter or a dwell on the marked choice: act on the highlighted choice. */
  | { type: 'confirm' }
  /** Escape: one screen back. */
  | { type: 'back' }
  /** A touch or a gesture on a field tile. */
  | { type: 'select-field'; fieldId: string }
  /** The secondary "I am in a priority group" button. */
  | { type: 'ask-priority' }
  | { type: 'select-priority'; priorityGroupId: string }
  | { type: 'clear-priority' }
  | { type: 'issued'; requestId: number; issued: IssuedTicket }
  | { type: 'issue-failed'; requestId: number; code: string; message: string }
  /** The ticket or error screen was dismissed by the citizen. */
  | { type: 'done' }
  /** No input for `timeoutFor(state)` milliseconds. */
  | { type: 'timeout' };

export const INACTIVITY_MS = {
  choosing: 30_000,
  ticket: 15_000,
  error: 10_000,
  /** A request that hangs this long is given up on; the citizen sees a calm error. */
  issuing: 20_000,
} as const;

export function initialKioskState(menu: KioskMenu = { fields: [], priorityGroups: [] }): KioskState {
  return { kind: 'attract', menu, lastRequestId: 0 };
}

/** How long the current screen waits without input before the page sends `timeout`; null: forever. */
export function timeoutFor(state: KioskState): number | null {
  switch (state.kind) {
    case 'attract':
      return null;
    case 'choosing-field':
    case 'choosing-priority':
      return INACTIVITY_MS.choosing;
    case 'issuing':
      return INACTIVITY_MS.issuing;
    case 'showing-ticket':
      return INACTIVITY_MS.ticket;
    case 'error':
      return INACTIVITY_MS.error;
  }
}

/** Number of choices the highlight moves over on the current screen. */
export function choiceCount(state: KioskState): number {
  if (state.kind === 'choosing-field') return state.menu.fields.length + (state.menu.priorityGroups.length > 0 ? 1 : 0);
  if (state.kind === 'choosing-priority') return state.menu.priorityGroups.length + 1;
  return 0;
}

/** Error shown when an issue request is abandoned after INACTIVITY_MS.issuing. */
export const ISSUE_TIMEOUT_CODE = 'TIMEOUT';

export function nextKioskState(state: KioskState, event: KioskEvent): KioskState {
  const base = { menu: state.menu, lastRequestId: state.lastRequestId };
  const attract = (): KioskState => ({ ...base, kind: 'attract' });
  const choosingField = (priorityGroupId: string | null, highlight: number | null = null): KioskState => ({
    ...base,
    kind: 'choosing-field',
    priorityGroupId,
    highlight,
  });
  const issue = (fieldId: string, priorityGroupId: string | null): KioskState => {
    if (!state.menu.fields.includes(fieldId)) return state;
    const requestId = state.lastRequestId + 1;
    return { kind: 'issuing', fieldId, priorityGroupId, requestId, menu: state.menu, lastRequestId: requestId };
  };

  if (event.type === 'menu-loaded') return withMenu(state, event.menu);

  switch (state.kind) {
    case 'attract':
      switch (event.type) {
        case 'wake':
        case 'presence':
          return choosingField(null);
        case 'highlight':
          return choosingField(null, inRange(event.index, state.menu.fields.length));
        case 'confirm':
        case 'move':
          return choosingField(null);
        default:
          // The idle screen shows no tiles, so nothing there can issue a number.
          return state;
      }

    case 'choosing-field': {
      const count = choiceCount(state);
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, count) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, count) };
        case 'confirm': {
          if (state.highlight === null) return state;
          const fieldId = state.menu.fields[state.highlight];
          if (fieldId !== undefined) return issue(fieldId, state.priorityGroupId);
          return nextKioskState(state, { type: 'ask-priority' });
        }
        case 'select-field':
          return issue(event.fieldId, state.priorityGroupId);
        case 'ask-priority':
          if (state.menu.priorityGroups.length === 0) return state;
          return {
            ...base,
            kind: 'choosing-priority',
            priorityGroupId: state.priorityGroupId,
            highlight: state.priorityGroupId ? state.menu.priorityGroups.indexOf(state.priorityGroupId) : null,
          };
        case 'clear-priority':
          return { ...state, priorityGroupId: null };
        case 'back':
          // First back undoes the priority choice, the next leaves.
          return state.priorityGroupId ? { ...state, priorityGroupId: null } : attract();
        case 'timeout':
          return attract();
        default:
          return state;
      }
    }

    case 'choosing-priority': {
      const groups = state.menu.priorityGroups;
      const backToFields = (priorityGroupId: string | null): KioskState => choosingField(priorityGroupId);
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, choiceCount(state)) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, choiceCount(state)) };
        case 'confirm': {
          if (state.highlight === null) return state;
          // The last choice is "no, go back": it keeps what was chosen before.
          return backToFields(groups[state.highlight] ?? state.priorityGroupId);
        }
        case 'select-priority':
          return groups.includes(event.priorityGroupId) ? backToFields(event.priorityGroupId) : state;
        case 'clear-priority':
          return backToFields(null);
        case 'back':
          return backToFields(state.priorityGroupId);
        case 'timeout':
          return attract();
        default:
          return state;
      }
    }

    case 'issuing':
      switch (event.type) {
        case 'issued':
          return event.requestId === state.requestId ? { ...base, kind: 'showing-ticket', issued: event.issued } : state;
        case 'issue-failed':
          return event.requestId === state.requestId
            ? { ...base, kind: 'error', code: event.code, message: event.message }
            : state;
        case 'timeout':
          return { ...base, kind: 'error', code: ISSUE_TIMEOUT_CODE, message: '' };
        default:
          // Touches while the number is being issued must not issue a second one.
          return state;
      }

    case 'showing-ticket':
      switch (event.type) {
        case 'done':
        case 'confirm':
        case 'back':
        case 'timeout':
          return attract();
        default:
          return state;
      }

    case 'error':
      switch (event.type) {
        case 'done':
        case 'confirm':
        case 'back':
          // The citizen is still there: let them pick another field.
          return choosingField(null);
        case 'timeout':
          return attract();
        default:
          return state;
      }
  }
}

/** Applies a new menu, dropping choices that no longer exist. */
function withMenu(state: KioskState, menu: KioskMenu): KioskState {
  const next = { ...state, menu } as KioskState;
  if (next.kind === 'choosing-field') {
    const priorityGroupId =
      next.priorityGroupId && menu.priorityGroups.includes(next.priorityGroupId) ? next.priorityGroupId : null;
    return { ...next, priorityGroupId, highlight: inRange(next.highlight, choiceCount(next)) };
  }
  if (next.kind === 'choosing-priority') {
    if (menu.priorityGroups.length === 0) {
      return { kind: 'choosing-field', priorityGroupId: null, highlight: null, menu, lastRequestId: state.lastRequestId };
    }
    const priorityGroupId =
      next.priorityGroupId && menu.priorityGroups.includes(next.priorityGroupId) ? next.priorityGroupId : null;
    return { ...next, priorityGroupId, highlight: inRange(next.highlight, choiceCount(next)) };
  }
  return next;
}

function inRange(index: number | null, count: number): number | null {
  if (index === null || !Number.isInteger(index) || index < 0 || index >= count) return null;
  return index;
}

function moveHighlight(current: number | null, delta: number, count: number): number | null {
  if (count === 0) return null;
  if (current === null) return delta >= 0 ? 0 : count - 1;
  return (((current + delta) % count) + count) % count;
}

/**
 * What a key press means on the current screen (keyboards and numeric keypads). Number keys name
 * the tiles (1 = first); Enter confirms the marked tile; Escape goes back; arrows move the mark.
 * Returns null for keys the kiosk leaves alone (Tab, modifiers).
 */
const PASSIVE_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

export function eventForKey(key: string, state: KioskState): KioskEvent | null {
  const digit = /^[1-9]$/.test(key) ? Number(key) - 1 : null;
  switch (state.kind) {
    case 'attract':
      if (digit !== null) return { type: 'highlight', index: digit };
      return PASSIVE_KEYS.has(key) ? null : { type: 'wake' };
    case 'choosing-field':
    case 'choosing-priority': {
      const tiles = state.kind === 'choosing-field' ? state.menu.fields.length : state.menu.priorityGroups.length;
      if (digit !== null) return digit < tiles ? { type: 'highlight', index: digit } : null;
      if (key === 'Enter') return { type: 'confirm' };
      if (key === 'Escape' || key === 'Backspace') return { type: 'back' };
      if (key === 'ArrowRight' || key === 'ArrowDown') return { type: 'move', delta: 1 };
      if (key === 'ArrowLeft' || key === 'ArrowUp') return { type: 'move', delta: -1 };
      return null;
    }
    case 'showing-ticket':
    case 'error':
      return key === 'Enter' || key === 'Escape' || key === 'Backspace' ? { type: 'done' } : null;
    case 'issuing':
      return null;
  }
}
