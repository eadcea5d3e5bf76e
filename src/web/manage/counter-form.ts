/**
 * The counter (quầy) form: number, name, active, and the fields it serves with a weight each
 * (1 = helps out when idle … 10 = main field of the counter).
 */
import type { Counter, CounterInput } from '../../contracts/api';
import { parseWhole } from './format';

export interface CounterDraft {
  number: string;
  name: string;
  active: boolean;
  /** By field id: whether the counter serves the field, and the weight typed. */
  links: Record<string, { on: boolean; weight: string }>;
}

export type CounterHintCode = 'required' | 'too-long' | 'number-range' | 'number-taken' | 'weight-range';

export interface CounterHints {
  number?: CounterHintCode;
  name?: CounterHintCode;
  /** By field id. */
  weights?: Record<string, CounterHintCode>;
}

export const DEFAULT_WEIGHT = 10;

export function emptyCounterDraft(existing: readonly Pick<Counter, 'number'>[]): CounterDraft {
  const next = existing.reduce((max, c) => Math.max(max, c.number), 0) + 1;
  return { number: String(Math.min(next, 999)), name: '', active: true, links: {} };
}

export function counterToDraft(counter: Counter): CounterDraft {
  const links: CounterDraft['links'] = {};
  for (const link of counter.fields) links[link.fieldId] = { on: true, weight: String(link.weight) };
  return { number: String(counter.number), name: counter.name, active: counter.active, links };
}

export function draftToCounterInput(
  draft: CounterDraft,
  others: readonly Pick<Counter, 'id' | 'number'>[] = [],
  selfId: string | null = null,
): { ok: true; input: CounterInput } | { ok: false; hints: CounterHints } {
  const hints: CounterHints = {};
  const number = parseWhole(draft.number);
  if (number === null) hints.number = 'required';
  else if (!Number.isInteger(number) || number < 1 || number > 999) hints.number = 'number-range';
  else if (others.some((o) => o.id !== selfId && o.number === number)) hints.number = 'number-taken';

  const name = draft.name.trim();
  if (!name) hints.name = 'required';
  else if (name.length > 200) hints.name = 'too-long';

  const fields: CounterInput['fields'] = [];
  const weightHints: Record<string, CounterHintCode> = {};
  for (const [fieldId, link] of Object.entries(draft.links)) {
    if (!link.on) continue;
    const weight = parseWhole(link.weight);
    if (weight === null || !Number.isInteger(weight) || weight < 1 || weight > 10) weightHints[fieldId] = 'weight-range';
    else fields.push({ fieldId, weight });
  }
  if (Object.keys(weightHints).length > 0) hints.weights = weightHints;

  if (hints.number || hints.name || hints.weights) return { ok: false, hints };
  return { ok: true, input: { number: number!, name, active: draft.active, fields } };
}
