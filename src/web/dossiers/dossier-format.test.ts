import { describe, expect, it } from 'vitest';
import type { ProcessingRule } from '../../contracts/dossier';
import {
  cleanItems,
  feeText,
  fieldFirst,
  formatAppointment,
  formatShort,
  formPath,
  itemsProblem,
  isoToLocalInputs,
  listPath,
  localToIso,
  missingItemsFrom,
  missingMandatory,
  parseRoute,
  processingTimeText,
  routeSearch,
  ruleText,
} from './dossier-format';

describe('formatAppointment (the hall’s local time, whatever the browser’s zone)', () => {
  it.each([
    ['2026-02-23T10:00:00.000Z', 'vi', '17:00 thứ Hai, 23/02/2026'],
    ['2026-02-23T17:00:00+07:00', 'vi', '17:00 thứ Hai, 23/02/2026'],
    ['2026-02-23T17:00:00+07:00', 'en', '17:00 Monday, 23/02/2026'],
    // 23:30 UTC on Saturday is already Sunday morning in Hà Nội.
    ['2026-02-21T23:30:00Z', 'vi', '06:30 Chủ nhật, 22/02/2026'],
    ['2026-02-27T01:05:00Z', 'vi', '08:05 thứ Sáu, 27/02/2026'],
    [null, 'vi', '—'],
    ['not a date', 'en', '—'],
  ] as const)('%s (%s) → %s', (iso, lang, text) => {
    expect(formatAppointment(iso, lang)).toBe(text);
  });

  it('writes table times as day/month/year hour:minute', () => {
    expect(formatShort('2026-01-01T00:59:00Z')).toBe('01/01/2026 07:59');
    expect(formatShort(null)).toBe('—');
  });
});

describe('local date + time inputs ↔ ISO with +07:00', () => {
  it('reads the inputs as the hall’s time', () => {
    expect(localToIso('2026-02-23', '17:00')).toBe('2026-02-23T17:00:00+07:00');
    expect(localToIso('2026-02-23', '8:30')).toBe('2026-02-23T08:30:00+07:00');
    expect(Date.parse(localToIso('2026-03-01', '06:00')!)).toBe(Date.parse('2026-02-28T23:00:00Z'));
  });

  it.each([
    ['', '17:00'],
    ['2026-02-23', ''],
    ['2026-02-30', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-02-23', '24:00'],
    ['2026-02-23', '10:60'],
    ['23/02/2026', '10:00'],
  ])('rejects %j %j', (date, time) => {
    expect(localToIso(date, time)).toBeNull();
  });

  it('prefills the inputs from an instant, round-tripping', () => {
    expect(isoToLocalInputs('2026-02-23T10:00:00Z')).toEqual({ date: '2026-02-23', time: '17:00' });
    expect(isoToLocalInputs('2026-02-28T23:00:00Z')).toEqual({ date: '2026-03-01', time: '06:00' });
    expect(isoToLocalInputs(null)).toEqual({ date: '', time: '' });
    const { date, time } = isoToLocalInputs('2026-05-04T09:15:00+07:00');
    expect(localToIso(date, time)).toBe('2026-05-04T09:15:00+07:00');
  });
});

describe('processing time text', () => {
  it.each([
    [3, 'working-days', null, 'vi', '3 ngày làm việc'],
    [15, 'days', null, 'vi', '15 ngày'],
    [4, 'hours', null, 'vi', '4 giờ'],
    [0, 'same-day', '15:00', 'vi', 'trong ngày (trước 15:00)'],
    [null, 'same-day', null, 'vi', 'trong ngày'],
    [null, 'working-days', null, 'vi', 'không quy định'],
    [1, 'working-days', null, 'en', '1 working day'],
    [3, 'working-days', null, 'en', '3 working days'],
    [0, 'same-day', '15:00', 'en', 'same day (before 15:00)'],
  ] as const)('%s %s cutoff %s (%s) → %s', (amount, unit, cutoff, lang, text) => {
    expect(processingTimeText(amount, unit, cutoff, lang)).toBe(text);
  });

  const rule = (over: Partial<ProcessingRule>): ProcessingRule => ({
    channel: 'direct',
    amount: 3,
    unit: 'working-days',
    feeDong: null,
    feeText: '',
    description: '',
    ...over,
  });

  it('names the channel and prefers the centre’s committed time', () => {
    expect(ruleText(rule({}), null, 'vi')).toBe('Trực tiếp: 3 ngày làm việc');
    expect(ruleText(rule({ channel: 'online', amount: 20, unit: 'days' }), null, 'en')).toBe('Online: 20 days');
    expect(ruleText(rule({ committedAmount: 2 }), null, 'vi')).toBe('Trực tiếp: 2 ngày làm việc (quy định 3)');
    expect(ruleText(rule({ committedAmount: 3 }), null, 'vi')).toBe('Trực tiếp: 3 ngày làm việc');
    expect(ruleText(rule({ unit: 'same-day', amount: null, channel: 'postal' }), '15:00', 'vi')).toBe('Bưu chính: trong ngày (trước 15:00)');
  });

  it('writes fees in đồng with dot thousands, free as free, otherwise the catalogue’s words', () => {
    expect(feeText({ feeDong: 50000, feeText: '' }, 'vi')).toBe('50.000 đồng');
    expect(feeText({ feeDong: 1250000, feeText: '' }, 'en')).toBe('1,250,000 VND');
    expect(feeText({ feeDong: 0, feeText: 'x' }, 'vi')).toBe('Miễn phí');
    expect(feeText({ feeDong: null, feeText: ' 8.000 đồng/bản ' }, 'vi')).toBe('8.000 đồng/bản');
    expect(feeText({ feeDong: null, feeText: '' }, 'vi')).toBe('—');
    expect(feeText(undefined, 'vi')).toBe('—');
  });
});

describe('documents and missing items', () => {
  const documents = [
    { name: 'Tờ khai', copies: '01 bản chính', mandatory: true },
    { name: 'CCCD', copies: '01 bản sao', mandatory: true },
    { name: 'Giấy ủy quyền', copies: '01 bản chính', mandatory: false },
  ];

  it('prefills one row per document not ticked, mandatory or not', () => {
    expect(missingItemsFrom(documents, new Set([0]), 'Chưa nộp')).toEqual([
      { name: 'CCCD', reason: 'Chưa nộp' },
      { name: 'Giấy ủy quyền', reason: 'Chưa nộp' },
    ]);
    expect(missingItemsFrom(documents, new Set([0, 1, 2]), 'x')).toEqual([]);
  });

  it('names the mandatory documents still missing', () => {
    expect(missingMandatory(documents, new Set([0, 2]))).toEqual(['CCCD']);
    expect(missingMandatory(documents, new Set([0, 1]))).toEqual([]);
  });

  it('drops blank rows and trims the rest', () => {
    expect(
      cleanItems([
        { name: ' Ảnh 4x6 ', reason: ' thiếu ' },
        { name: '', reason: '  ' },
        { name: 'Bản vẽ', reason: '' },
      ]),
    ).toEqual([
      { name: 'Ảnh 4x6', reason: 'thiếu' },
      { name: 'Bản vẽ', reason: '' },
    ]);
  });

  it('says why a list of items cannot be sent', () => {
    expect(itemsProblem([])).toEqual({ kind: 'empty' });
    expect(itemsProblem([{ name: ' ', reason: '' }])).toEqual({ kind: 'empty' });
    expect(itemsProblem([{ name: 'Tờ khai', reason: 'sai mẫu' }, { name: 'Ảnh', reason: ' ' }])).toEqual({ kind: 'incomplete', row: 2 });
    expect(itemsProblem([{ name: 'Tờ khai', reason: 'sai mẫu' }, { name: '', reason: '' }])).toBeNull();
  });

  it('puts the ticket’s field first, keeping the server’s order otherwise', () => {
    const list = [
      { code: 'a', fieldId: 'f2' },
      { code: 'b', fieldId: 'f1' },
      { code: 'c', fieldId: null },
      { code: 'd', fieldId: 'f1' },
    ];
    expect(fieldFirst(list, 'f1').map((p) => p.code)).toEqual(['b', 'd', 'a', 'c']);
    expect(fieldFirst(list, null).map((p) => p.code)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('work list and address', () => {
  it('turns a tab and a search into the API query', () => {
    expect(listPath('open')).toBe('dossiers?status=open');
    expect(listPath('overdue', { q: ' 000.00 ' })).toBe('dossiers?status=open&due=overdue&q=000.00');
    expect(listPath('due-soon')).toBe('dossiers?status=open&due=due-soon');
    expect(listPath('result-ready')).toBe('dossiers?status=result-ready');
    expect(listPath('closed', { from: '2026-02-01', to: '2026-02-28' })).toBe('dossiers?status=closed&from=2026-02-01&to=2026-02-28');
    expect(listPath('all', { q: 'Nguyễn Văn A' })).toBe('dossiers?status=all&q=Nguy%E1%BB%85n+V%C4%83n+A');
  });

  const ticket = '0b5c8a34-1f2e-4d6a-9b7c-123456789abc';
  const field = '9e8d7c6b-5a4f-4e3d-8c2b-abcdefabcdef';

  it('reads the counter’s link, a linkable dossier and the list', () => {
    expect(parseRoute(`?receive=1&ticket=${ticket}&field=${field}`)).toEqual({ view: 'receive', ticketId: ticket, fieldId: field });
    expect(parseRoute('?receive=1&ticket=junk')).toEqual({ view: 'receive', ticketId: null, fieldId: null });
    expect(parseRoute(`?id=${ticket}`)).toEqual({ view: 'detail', id: ticket });
    expect(parseRoute('?id=nope')).toEqual({ view: 'list', filter: 'open', q: '' });
    expect(parseRoute('?filter=overdue&q=abc')).toEqual({ view: 'list', filter: 'overdue', q: 'abc' });
    expect(parseRoute('?filter=bogus')).toEqual({ view: 'list', filter: 'open', q: '' });
  });

  it('writes every route back so that reading it gives the same route', () => {
    for (const route of [
      { view: 'receive', ticketId: ticket, fieldId: field },
      { view: 'receive', ticketId: null, fieldId: null },
      { view: 'detail', id: ticket },
      { view: 'list', filter: 'open', q: '' },
      { view: 'list', filter: 'closed', q: 'Lê' },
    ] as const) {
      expect(parseRoute(routeSearch(route))).toEqual(route);
    }
    expect(routeSearch({ view: 'list', filter: 'open', q: '' })).toBe('');
  });

  it('opens a printable form ready to print', () => {
    expect(formPath(ticket, '04')).toBe(`/api/v1/dossiers/${ticket}/forms/04?print=1`);
  });
});
