import { describe, expect, it } from 'vitest';
import { announceCall, spellNumber } from '../../src/core/queue/announcement';

describe('announceCall in Vietnamese', () => {
  it('calls 1023 to counter 5, digit by digit', () => {
    expect(announceCall('1023', 5, { lang: 'vi' })).toEqual({
      text: 'Mời công dân có số 1 0 2 3 đến quầy số 5',
      speech: 'Mời công dân có số, 1, 0, 2, 3, đến quầy số 5.',
    });
  });

  it('a recall says "Nhắc lại" first', () => {
    expect(announceCall('1023', 5, { lang: 'vi', recall: true })).toEqual({
      text: 'Nhắc lại: Mời công dân có số 1 0 2 3 đến quầy số 5',
      speech: 'Nhắc lại. Mời công dân có số, 1, 0, 2, 3, đến quầy số 5.',
    });
  });

  it('a priority ticket is called as "công dân ưu tiên"', () => {
    expect(announceCall('1023', 12, { lang: 'vi', priority: true })).toEqual({
      text: 'Mời công dân ưu tiên có số 1 0 2 3 đến quầy số 12',
      speech: 'Mời công dân ưu tiên có số, 1, 0, 2, 3, đến quầy số 12.',
    });
  });

  it('a priority recall combines both', () => {
    expect(announceCall('1023', 5, { lang: 'vi', recall: true, priority: true }).text).toBe(
      'Nhắc lại: Mời công dân ưu tiên có số 1 0 2 3 đến quầy số 5',
    );
  });

  it('a prefixed number spells the letters the Vietnamese way', () => {
    expect(announceCall('HT012', 3, { lang: 'vi' })).toEqual({
      text: 'Mời công dân có số Hát Tê 0 1 2 đến quầy số 3',
      speech: 'Mời công dân có số, Hát, Tê, 0, 1, 2, đến quầy số 3.',
    });
  });

  it('1023 and 123 never sound alike', () => {
    expect(announceCall('1023', 5, { lang: 'vi' }).speech).not.toBe(announceCall('123', 5, { lang: 'vi' }).speech);
    expect(announceCall('123', 5, { lang: 'vi' }).speech).toContain(', 1, 2, 3,');
  });

  it('every digit of the speech is separated by a pause (comma)', () => {
    const { speech } = announceCall('1000', 5, { lang: 'vi' });
    expect(speech).toContain(', 1, 0, 0, 0,');
    expect(speech).not.toMatch(/\d \d/);
  });
});

describe('announceCall in English', () => {
  it.each([
    [{ lang: 'en' as const }, 'Number 1 0 2 3, please go to counter 5', 'Number, 1, 0, 2, 3, please go to counter 5.'],
    [{ lang: 'en' as const, recall: true }, 'Calling again: Number 1 0 2 3, please go to counter 5', 'Calling again. Number, 1, 0, 2, 3, please go to counter 5.'],
    [{ lang: 'en' as const, priority: true }, 'Priority number 1 0 2 3, please go to counter 5', 'Priority number, 1, 0, 2, 3, please go to counter 5.'],
  ])('%o', (options, text, speech) => {
    expect(announceCall('1023', 5, options)).toEqual({ text, speech });
  });

  it('spells prefix letters as English letters', () => {
    expect(announceCall('HT012', 3, { lang: 'en' })).toEqual({
      text: 'Number H T 0 1 2, please go to counter 3',
      speech: 'Number, H, T, 0, 1, 2, please go to counter 3.',
    });
  });
});

describe('spellNumber', () => {
  it.each([
    ['1023', 'vi', '1 0 2 3'],
    ['1023', 'en', '1 0 2 3'],
    ['HT012', 'vi', 'Hát Tê 0 1 2'],
    ['HT012', 'en', 'H T 0 1 2'],
    ['ht012', 'vi', 'Hát Tê 0 1 2'],
    ['UT-001', 'vi', 'U Tê 0 0 1'],
    ['UT-001', 'en', 'U T 0 0 1'],
    ['ĐĐ007', 'vi', 'Đê Đê 0 0 7'],
    ['CA001', 'vi', 'Xê A 0 0 1'],
    ['DKQ1', 'vi', 'Dê Ca Quy 1'],
    ['GLM9', 'vi', 'Giê Lờ Mờ 9'],
    ['NPRS2', 'vi', 'Nờ Pê Rờ Ét 2'],
    ['BEIOV3', 'vi', 'Bê E I O Vê 3'],
    ['X4', 'vi', 'Ích 4'],
  ])('%s (%s) → %s', (displayNumber, lang, spoken) => {
    expect(spellNumber(displayNumber, lang as 'vi' | 'en')).toBe(spoken);
  });
});
