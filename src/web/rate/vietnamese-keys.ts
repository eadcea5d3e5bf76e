/**
 * The rating screen's on-screen keyboard writes Vietnamese without a system keyboard: letters, the
 * letters with a hat, breve or horn (ă â đ ê ô ơ ư), and five tone keys that put their mark on the
 * right vowel of the word being typed — the vowel with a hat or horn first ("người", "tốt"), the last
 * vowel before a final consonant ("hoàn"), the second of "oa/oe/uy" ending a word ("hoà"), else the
 * first of two ("múa") or the middle of three ("ngoài"). Pure: the screen keeps the text.
 */

export type Tone = 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';

const TONE_MARK: Record<Tone, string> = {
  acute: '\u0301',
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
};
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Marks that make a different letter (â ă ê ô ơ ư), not a tone. */
const LETTER_MARKS = /[\u0302\u0306\u031b]/;
const VOWELS = 'aeiouy';

export type Key = { kind: 'char'; char: string } | { kind: 'tone'; tone: Tone } | { kind: 'space' } | { kind: 'backspace' };

export const MAX_TEXT = 1000;

export function pressKey(text: string, key: Key): string {
  switch (key.kind) {
    case 'char':
      return (text + key.char).slice(0, MAX_TEXT);
    case 'space':
      return text.endsWith(' ') || text === '' ? text : (text + ' ').slice(0, MAX_TEXT);
    case 'backspace':
      return Array.from(text).slice(0, -1).join('');
    case 'tone':
      return applyTone(text, key.tone);
  }
}

/** Puts the tone on the last word (replacing a tone it had); a word without a vowel is left alone. */
export function applyTone(text: string, tone: Tone): string {
  const match = /(\S+)$/.exec(text);
  if (!match) return text;
  const word = match[1]!;
  const toned = toneWord(word, tone);
  return toned === null ? text : text.slice(0, text.length - word.length) + toned;
}

function toneWord(word: string, tone: Tone): string | null {
  // One entry per letter: the base letter (lower case) and whether it carries a hat/breve/horn.
  const letters = Array.from(word.normalize('NFC')).map((ch) => {
    const bare = ch.normalize('NFD').replace(TONE_MARKS, '');
    const base = bare.charAt(0).toLowerCase();
    return { bare: bare.normalize('NFC'), base, marked: LETTER_MARKS.test(bare), vowel: VOWELS.includes(base) };
  });
  // The last run of vowels; "qu" and "gi" start with a consonant sound.
  let end = -1;
  for (let i = letters.length - 1; i >= 0; i--) if (letters[i]!.vowel) { end = i; break; }
  if (end < 0) return null;
  let start = end;
  while (start > 0 && letters[start - 1]!.vowel) start--;
  if (start > 0 && end > start) {
    const before = letters[start - 1]!.base;
    if ((before === 'q' && letters[start]!.base === 'u') || (before === 'g' && letters[start]!.base === 'i')) start++;
  }
  const run = letters.slice(start, end + 1);
  const closed = end < letters.length - 1;
  let target: number;
  const markedIndex = run.map((l, i) => (l.marked ? i : -1)).filter((i) => i >= 0).pop();
  if (markedIndex !== undefined) target = markedIndex;
  else if (run.length === 1) target = 0;
  else if (closed) target = run.length - 1;
  else if (run.length === 2) target = ['oa', 'oe', 'uy'].includes(run.map((l) => l.base).join('')) ? 1 : 0;
  else target = 1;
  const at = start + target;
  return letters
    .map((l, i) => (i === at ? (l.bare.normalize('NFD') + TONE_MARK[tone]).normalize('NFC') : l.bare))
    .join('');
}

/** The keys of the on-screen keyboard, row by row. */
export const KEY_ROWS: readonly (readonly string[])[] = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.'],
  ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'],
];

export const TONE_KEYS: readonly { tone: Tone; label: string; nameVi: string }[] = [
  { tone: 'acute', label: 'á', nameVi: 'dấu sắc' },
  { tone: 'grave', label: 'à', nameVi: 'dấu huyền' },
  { tone: 'hook', label: 'ả', nameVi: 'dấu hỏi' },
  { tone: 'tilde', label: 'ã', nameVi: 'dấu ngã' },
  { tone: 'dot', label: 'ạ', nameVi: 'dấu nặng' },
];
