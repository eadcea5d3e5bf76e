import { describe, expect, it } from 'vitest';
import {
  blockerOf,
  COUNTER_ACTIONS,
  commandForKey,
  isEnabled,
  SHORTCUTS,
  suggestedAction,
  type ConsoleState,
  type CounterAction,
  type KeyInput,
} from './counter-actions';

const open = (over: Partial<ConsoleState> = {}): ConsoleState => ({
  counterState: 'open',
  current: null,
  parked: 0,
  noShows: 0,
  ...over,
});

const enabledIn = (s: ConsoleState) => COUNTER_ACTIONS.filter((a) => isEnabled(a, s));

describe('which actions apply', () => {
  it.each<[string, ConsoleState, CounterAction[]]>([
    ['open counter, empty hands', open(), ['call-next', 'call-number', 'pause', 'close', 'logout']],
    ['a ticket just called', open({ current: 'called' }), ['recall', 'start', 'no-show', 'transfer', 'park', 'pause']],
    ['a ticket being served', open({ current: 'serving' }), ['finish', 'transfer', 'park', 'pause']],
    ['paused, empty hands', open({ counterState: 'paused' }), ['pause', 'close', 'logout']],
    ['parked tickets and no-shows waiting', open({ parked: 2, noShows: 1 }), [
      'call-next',
      'call-number',
      'resume-parked',
      'reactivate',
      'pause',
      'close',
      'logout',
    ]],
    ['parked ticket while serving another', open({ current: 'serving', parked: 1 }), ['finish', 'transfer', 'park', 'pause']],
    ['closed counter', open({ counterState: 'closed' }), ['close', 'logout']],
  ])('%s', (_, state, expected) => {
    expect(new Set(enabledIn(state))).toEqual(new Set(expected));
  });

  it('explains why finish is refused before the service started', () => {
    expect(blockerOf('finish', open({ current: 'called' }))).toBe('not-serving');
    expect(blockerOf('finish', open())).toBe('no-ticket');
    expect(blockerOf('start', open({ current: 'serving' }))).toBe('not-called');
  });

  it('explains why calling is refused', () => {
    expect(blockerOf('call-next', open({ current: 'called' }))).toBe('ticket-in-hand');
    expect(blockerOf('call-next', open({ counterState: 'paused' }))).toBe('counter-paused');
    expect(blockerOf('resume-parked', open())).toBe('no-parked');
    expect(blockerOf('resume-parked', open({ parked: 1, counterState: 'paused' }))).toBe('counter-paused');
  });

  it('never lets the officer leave while holding a citizen', () => {
    for (const current of ['called', 'serving'] as const) {
      expect(isEnabled('close', open({ current }))).toBe(false);
      expect(isEnabled('logout', open({ current }))).toBe(false);
    }
  });

  it('suggests the natural next step', () => {
    expect(suggestedAction(open())).toBe('call-next');
    expect(suggestedAction(open({ current: 'called' }))).toBe('start');
    expect(suggestedAction(open({ current: 'serving' }))).toBe('finish');
    expect(suggestedAction(open({ counterState: 'paused' }))).toBe('pause');
  });
});

describe('keyboard', () => {
  const press = (over: Partial<KeyInput>): KeyInput => ({
    key: '',
    code: '',
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    repeat: false,
    ...over,
  });

  it('gives every action its own letter', () => {
    const letters = Object.values(SHORTCUTS);
    expect(new Set(letters).size).toBe(COUNTER_ACTIONS.length);
    for (const letter of letters) expect(letter).toMatch(/^[A-Z]$/);
  });

  it.each(COUNTER_ACTIONS.map((a) => [a, SHORTCUTS[a]] as const))('%s is on %s, either case', (action, letter) => {
    expect(commandForKey(press({ key: letter.toLowerCase(), code: `Key${letter}` }))).toEqual({ kind: 'action', action });
    expect(commandForKey(press({ key: letter, code: `Key${letter}` }))).toEqual({ kind: 'action', action });
  });

  it('maps the suggested letters', () => {
    expect(commandForKey(press({ key: 'n' }))).toEqual({ kind: 'action', action: 'call-next' });
    expect(commandForKey(press({ key: 'f' }))).toEqual({ kind: 'action', action: 'finish' });
    expect(commandForKey(press({ key: 'v' }))).toEqual({ kind: 'action', action: 'no-show' });
    expect(commandForKey(press({ key: 'k' }))).toEqual({ kind: 'action', action: 'pause' });
  });

  it('opens help on ?', () => {
    expect(commandForKey(press({ key: '?', code: 'Slash' }))).toEqual({ kind: 'help' });
  });

  it('falls back to the physical key when an input method reports something else', () => {
    expect(commandForKey(press({ key: 'Process', code: 'KeyS' }))).toEqual({ kind: 'action', action: 'start' });
    expect(commandForKey(press({ key: 'đ', code: 'KeyF' }))).toEqual({ kind: 'action', action: 'finish' });
  });

  it('ignores browser shortcuts, auto-repeat and unmapped keys', () => {
    expect(commandForKey(press({ key: 'r', code: 'KeyR', ctrlKey: true }))).toBeNull();
    expect(commandForKey(press({ key: 'n', code: 'KeyN', altKey: true }))).toBeNull();
    expect(commandForKey(press({ key: 'n', code: 'KeyN', metaKey: true }))).toBeNull();
    expect(commandForKey(press({ key: 'n', code: 'KeyN', repeat: true }))).toBeNull();
    expect(commandForKey(press({ key: 'z', code: 'KeyZ' }))).toBeNull();
    expect(commandForKey(press({ key: 'Enter', code: 'Enter' }))).toBeNull();
    expect(commandForKey(press({ key: '1', code: 'Digit1' }))).toBeNull();
  });
});
