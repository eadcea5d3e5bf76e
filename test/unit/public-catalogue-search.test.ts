/**
 * The public catalogue's search: folding Vietnamese for people who type without diacritics, the
 * everyday procedure first, and what a citizen reads about a procedure (counts, forms, legal basis,
 * shortened times). Part of the test runs on the real national records beside the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldedProcedureName, matchTier, searchProcedures } from '../../src/core/catalogue/catalogue-search';
import { parseNationalRecord } from '../../src/core/catalogue/national-record';
import type { ProcedureDraft, ProcessingRule } from '../../src/core/catalogue/procedure';
import {
  hasShortenableTime,
  isFormDocument,
  procedureReduction,
  readDocumentCounts,
  reductionOf,
  splitLegalBasis,
} from '../../src/core/catalogue/public-procedure';
import { foldedWords, foldVietnamese } from '../../src/core/shared/fold-text';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ  KHAI-SINH', 'dang ky khai sinh'],
    ['dang ky khai sinh', 'dang ky khai sinh'],
    ['Chứng thực bản sao từ bản chính', 'chung thuc ban sao tu ban chinh'],
    ['Cấp Giấy xác nhận tình trạng hôn nhân', 'cap giay xac nhan tinh trang hon nhan'],
    ['Ðất đai', 'dat dai'],
    ['  Hộ tịch; (có yếu tố nước ngoài)  ', 'ho tich co yeu to nuoc ngoai'],
    ['Người', 'nguoi'],
    ['', ''],
  ])('%j → %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds text written with combining marks the same as precomposed text', () => {
    const decomposed = 'Đăng ký khai sinh'.normalize('NFD');
    expect(decomposed).not.toBe('Đăng ký khai sinh');
    expect(foldVietnamese(decomposed)).toBe('dang ky khai sinh');
  });

  it('splits into folded words', () => {
    expect(foldedWords('Hộ tịch – Chứng thực')).toEqual(['ho', 'tich', 'chung', 'thuc']);
    expect(foldedWords(' ')).toEqual([]);
  });
});

const p = (code: string, name: string, fieldName = 'Hộ tịch') => ({ code, name, fieldName });

describe('ranking the search', () => {
  const catalogue = [
    p('1.000110', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới'),
    p('1.003583', 'Thủ tục đăng ký khai sinh lưu động'),
    p('1.004884', 'Thủ tục đăng ký lại khai sinh'),
    p('2.000635', 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh'),
    p('1.001193', 'Thủ tục đăng ký khai sinh'),
    p('1.000689', 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con'),
    p('2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Chứng thực'),
  ];
  const names = (q: string) => searchProcedures(catalogue, q).map((h) => h.item.code);

  it('puts the everyday procedure first, with or without diacritics', () => {
    for (const q of ['khai sinh', 'Khai sinh', 'khai sinh ', 'đăng ký khai sinh', 'dang ky khai sinh', 'DANG KY KHAI SINH']) {
      expect(names(q)[0], q).toBe('1.001193');
    }
  });

  it('orders exact name, name start, phrase, scattered words, then shorter names first', () => {
    expect(searchProcedures(catalogue, 'dang ky khai sinh').map((h) => [h.item.code, h.tier])).toEqual([
      ['1.001193', 'exactName'],
      ['1.003583', 'namePrefix'],
      ['1.000689', 'namePrefix'],
      ['1.000110', 'namePrefix'],
      ['1.004884', 'nameWords'],
    ]);
    // The same phrase inside longer names: the fewer extra words, the higher.
    expect(names('khai sinh')).toEqual(['1.001193', '1.004884', '1.003583', '2.000635', '1.000689', '1.000110']);
  });

  it('finds by code, by a word still being typed, and by field words', () => {
    expect(names('1.001193')).toEqual(['1.001193']);
    expect(names('2.000').sort()).toEqual(['2.000635', '2.000815']);
    expect(names('khai si')[0]).toBe('1.001193');
    expect(names('chung thuc ban sao')).toEqual(['2.000815']);
    // "hộ tịch" is the field of the birth registrations, and in the name of 2.000635.
    expect(names('ho tich khai sinh')).toContain('1.001193');
  });

  it('returns nothing for an empty query or a word no procedure has', () => {
    expect(names('')).toEqual([]);
    expect(names('  ,. ')).toEqual([]);
    expect(names('xay dung')).toEqual([]);
  });

  it('reads the name as citizens say it, without "Thủ tục"', () => {
    expect(foldedProcedureName('Thủ tục đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(matchTier(p('1', 'Thủ tục đăng ký khai sinh'), 'thu tuc dang ky khai sinh')).toBe('exactName');
  });
});

describe('what a citizen reads about a procedure', () => {
  it.each([
    ['1 bản chính', { originals: 1, copies: 0 }],
    ['1 bản chính, 2 bản sao', { originals: 1, copies: 2 }],
    ['1 bản sao', { originals: 0, copies: 1 }],
    ['Bản chính: 1, Bản sao: 0', { originals: 1, copies: 0 }],
    ['', { originals: null, copies: null }],
    ['theo yêu cầu', { originals: null, copies: null }],
  ])('counts %j', (text, counts) => {
    expect(readDocumentCounts(text)).toEqual(counts);
  });

  it.each([
    ['Tờ khai đăng ký khai sinh theo mẫu', true],
    ['- Đơn đề nghị cấp giấy phép xây dựng', true],
    ['Phiếu yêu cầu cấp bản sao', true],
    ['Giấy chứng sinh hoặc văn bản của người làm chứng', false],
    ['Bản sao Căn cước công dân', false],
    ['Đơngiản', false],
  ])('%j is a form to fill in: %j', (name, form) => {
    expect(isFormDocument({ name })).toBe(form);
  });

  it('splits the portal’s flattened legal basis into one text per line', () => {
    const text =
      'Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương85/2019/TT-BTCNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch123/2015/NĐ-CPLuật Hộ tịch60/2014/QH13';
    expect(splitLegalBasis(text)).toEqual([
      { title: 'Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương', number: '85/2019/TT-BTC' },
      { title: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', number: '123/2015/NĐ-CP' },
      { title: 'Luật Hộ tịch', number: '60/2014/QH13' },
    ]);
    expect(splitLegalBasis('Luật Đất đai năm 2024')).toEqual([{ title: 'Luật Đất đai năm 2024', number: '' }]);
    expect(splitLegalBasis('')).toEqual([]);
  });

  const rule = (over: Partial<ProcessingRule>): ProcessingRule => ({
    channel: 'direct',
    amount: 15,
    unit: 'working-days',
    committedAmount: null,
    feeDong: 0,
    feeText: '',
    description: '',
    ...over,
  });

  it('measures a shortened time against the legal one', () => {
    expect(reductionOf(rule({ committedAmount: 10 }))).toEqual({ channel: 'direct', unit: 'working-days', legalAmount: 15, committedAmount: 10, percent: 33.3 });
    expect(reductionOf(rule({ committedAmount: 15 }))).toBeNull();
    expect(reductionOf(rule({ committedAmount: null }))).toBeNull();
    expect(reductionOf(rule({ amount: null, committedAmount: 3 }))).toBeNull();
    expect(reductionOf(rule({ unit: 'same-day', amount: 1, committedAmount: 0 }))).toBeNull();
    // In person first, else the largest shortening of the other channels.
    expect(procedureReduction([rule({ channel: 'online', committedAmount: 5 }), rule({ committedAmount: 12 })])?.channel).toBe('direct');
    expect(procedureReduction([rule({ channel: 'online', committedAmount: 12 }), rule({ channel: 'postal', committedAmount: 5 })])?.percent).toBe(66.7);
    expect(hasShortenableTime([rule({ unit: 'same-day', amount: 1 })])).toBe(false);
    expect(hasShortenableTime([rule({})])).toBe(true);
  });
});

describe('search on the national records in shared/data/tthc', () => {
  // Beside the repository, never copied into it (see ../shared/data/tthc/SOURCE.md).
  const root = join(new URL('../..', import.meta.url).pathname, '../shared/data/tthc/records');
  const drafts: ProcedureDraft[] = [];
  for (const ministry of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, ministry)).sort()) {
      const { draft } = parseNationalRecord(JSON.parse(readFileSync(join(root, ministry, file), 'utf8')), file);
      if (draft) drafts.push(draft);
    }
  }
  const top = (q: string, n = 1) => searchProcedures(drafts, q).slice(0, n).map((h) => h.item.name);

  it('finds the everyday procedure first among 353 procedures', () => {
    expect(drafts.length).toBe(353);
    expect(top('khai sinh')).toEqual(['Thủ tục đăng ký khai sinh']);
    expect(top('dang ky khai sinh')).toEqual(['Thủ tục đăng ký khai sinh']);
    expect(top('khai tu')).toEqual(['Thủ tục đăng ký khai tử']);
    expect(top('ket hon')).toEqual(['Thủ tục đăng ký kết hôn']);
    expect(top('1.001193')).toEqual(['Thủ tục đăng ký khai sinh']);
  });

  it('splits every record’s legal basis into rows with a number or one whole text', () => {
    for (const d of drafts) {
      const rows = splitLegalBasis(d.legalBasis);
      if (d.legalBasis.trim() === '') expect(rows).toEqual([]);
      else expect(rows.every((r) => r.title.length > 0), d.code).toBe(true);
    }
  });
});
