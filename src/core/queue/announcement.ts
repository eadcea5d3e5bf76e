/**
 * What the hall board says. Numbers are read digit by digit ("1 0 2 3"), the way Vietnamese
 * one-stop halls call them, so that a citizen holding slip 1023 is never confused with 123.
 */

const VI_LETTERS: Record<string, string> = {
  A: 'A', B: 'Bê', C: 'Xê', D: 'Dê', Đ: 'Đê', E: 'E', F: 'Ép', G: 'Giê', H: 'Hát', I: 'I',
  J: 'Gi', K: 'Ca', L: 'Lờ', M: 'Mờ', N: 'Nờ', O: 'O', P: 'Pê', Q: 'Quy', R: 'Rờ', S: 'Ét',
  T: 'Tê', U: 'U', V: 'Vê', W: 'Vê kép', X: 'Ích', Y: 'I dài', Z: 'Dét',
};

/** The spoken units of a number: "1023" → 1, 0, 2, 3; "YT01" → "I dài", "Tê", 0, 1. */
function spokenUnits(displayNumber: string, lang: 'vi' | 'en'): string[] {
  return [...displayNumber]
    .filter((ch) => /[0-9A-ZĐ]/i.test(ch))
    .map((ch) => (lang === 'vi' ? (VI_LETTERS[ch.toUpperCase()] ?? ch) : ch.toUpperCase()));
}

/** "1023" → "1 0 2 3"; "HT012" → "Hát Tê 0 1 2" (Vietnamese) or "H T 0 1 2" (English). */
export function spellNumber(displayNumber: string, lang: 'vi' | 'en'): string {
  return spokenUnits(displayNumber, lang).join(' ');
}

export interface CallAnnouncement {
  /** What the board shows. */
  text: string;
  /** What the speech engine reads: commas give the pauses between digits. */
  speech: string;
}

export function announceCall(
  displayNumber: string,
  counterNumber: number,
  options: { lang: 'vi' | 'en'; recall?: boolean; priority?: boolean },
): CallAnnouncement {
  const spoken = spellNumber(displayNumber, options.lang);
  // A pause after each unit, never inside one ("I dài" is one letter).
  const digitsWithPauses = spokenUnits(displayNumber, options.lang).join(', ');
  if (options.lang === 'en') {
    const who = options.priority ? 'Priority number' : 'Number';
    const text = `${options.recall ? 'Calling again: ' : ''}${who} ${spoken}, please go to counter ${counterNumber}`;
    return {
      text,
      speech: `${options.recall ? 'Calling again. ' : ''}${who}, ${digitsWithPauses}, please go to counter ${counterNumber}.`,
    };
  }
  const lead = options.priority ? 'Mời công dân ưu tiên có số' : 'Mời công dân có số';
  const text = `${options.recall ? 'Nhắc lại: ' : ''}${lead} ${spoken} đến quầy số ${counterNumber}`;
  return {
    text,
    speech: `${options.recall ? 'Nhắc lại. ' : ''}${lead}, ${digitsWithPauses}, đến quầy số ${counterNumber}.`,
  };
}
