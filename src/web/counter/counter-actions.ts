/**
 * What an officer can do at the counter, which key does it, and when it applies. Pure, so the
 * console's buttons, its keyboard and its help overlay all read the same table and it can be
 * tested without a browser. The rules mirror the server's ticket state machine (src/core/queue):
 * the server stays the judge; greying out only saves the officer a useless request.
 */

export const COUNTER_ACTIONS = [
  'call-next',
  'recall',
  'start',
  'finish',
  'no-show',
  'transfer',
  'park',
  'call-number',
  'resume-parked',
  'reactivate',
  'pause',
  'close',
  'logout',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/**
 * One letter per action, chosen from the Vietnamese or English word where they agree:
 * N next, R recall, S start, F finish, V vắng mặt, T transfer/chuyển, P park, G gọi số,
 * U resume, A re-activate, K khóa/tạm dừng, Q quit counter, X thoát.
 */
export const SHORTCUTS: Record<CounterAction, string> = {
  'call-next': 'N',
  recall: 'R',
  start: 'S',
  finish: 'F',
  'no-show': 'V',
  transfer: 'T',
  park: 'P',
  'call-number': 'G',
  'resume-parked': 'U',
  reactivate: 'A',
  pause: 'K',
  close: 'Q',
  logout: 'X',
};

const ACTION_BY_LETTER = new Map(Object.entries(SHORTCUTS).map(([action, letter]) => [letter, action as CounterAction]));

export type HeldStatus = 'called' | 'serving';

export interface ConsoleState {
  counterState: 'open' | 'paused' | 'closed';
  /** Status of the ticket in hand, or null. */
  current: HeldStatus | null;
  parked: number;
  noShows: number;
}

/** Why an action does not apply now; the console turns it into a hint when its key is pressed. */
export type Blocker =
  | 'counter-closed'
  | 'counter-paused'
  | 'ticket-in-hand'
  | 'no-ticket'
  | 'not-called'
  | 'not-serving'
  | 'no-parked'
  | 'no-no-shows';

export function blockerOf(action: CounterAction, s: ConsoleState): Blocker | null {
  const mustBeOpenAndFree = (): Blocker | null => {
    if (s.counterState === 'closed') return 'counter-closed';
    if (s.counterState === 'paused') return 'counter-paused';
    if (s.current) return 'ticket-in-hand';
    return null;
  };
  switch (action) {
    case 'call-next':
    case 'call-number':
      return mustBeOpenAndFree();
    case 'resume-parked':
      return s.parked === 0 ? 'no-parked' : mustBeOpenAndFree();
    case 'recall':
    case 'start':
    case 'no-show':
      if (!s.current) return 'no-ticket';
      return s.current === 'called' ? null : 'not-called';
    case 'finish':
      if (!s.current) return 'no-ticket';
      return s.current === 'serving' ? null : 'not-serving';
    case 'transfer':
    case 'park':
      return s.current ? null : 'no-ticket';
    case 'reactivate':
      return s.noShows === 0 ? 'no-no-shows' : null;
    case 'pause':
      return s.counterState === 'closed' ? 'counter-closed' : null;
    case 'close':
    case 'logout':
      // Leaving the counter with a citizen in front of it would strand them; the server refuses too.
      return s.current ? 'ticket-in-hand' : null;
  }
}

export function isEnabled(action: CounterAction, s: ConsoleState): boolean {
  return blockerOf(action, s) === null;
}

/** The action the officer most likely wants next, highlighted on screen. */
export function suggestedAction(s: ConsoleState): CounterAction | null {
  if (s.counterState === 'paused') return 'pause';
  if (s.counterState !== 'open') return null;
  if (s.current === 'called') return 'start';
  if (s.current === 'serving') return 'finish';
  return 'call-next';
}

export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
}

export type KeyCommand = { kind: 'action'; action: CounterAction } | { kind: 'help' } | null;

/**
 * Maps a key press (outside text fields) to a command. Letters are read from `key`, or from the
 * physical key when an input method (Unikey/Telex) reports something else; modified and held-down
 * keys are ignored so browser shortcuts and auto-repeat never trigger a call.
 */
export function commandForKey(e: KeyInput): KeyCommand {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return null;
  if (e.key === '?') return { kind: 'help' };
  let letter: string | null = null;
  if (e.key.length === 1 && /[a-z]/i.test(e.key)) letter = e.key.toUpperCase();
  else {
    const physical = /^Key([A-Z])$/.exec(e.code);
    if (physical) letter = physical[1]!;
  }
  if (!letter) return null;
  const action = ACTION_BY_LETTER.get(letter);
  return action ? { kind: 'action', action } : null;
}
