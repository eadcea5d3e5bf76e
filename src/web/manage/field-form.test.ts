import { describe, expect, it } from 'vitest';
import type { Field } from '../../contracts/api';
import { dailyCapacity, draftToFieldInput, emptyFieldDraft, fieldToDraft, firstNumberPreview, type FieldDraft } from './field-form';
import { newWindowDraft } from './opening-hours';

const field: Field = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'HT',
  nameVi: 'Hộ tịch',
  nameEn: 'Civil status',
  numberingMode: 'block',
  prefix: null,
  blockStart: 1001,
  blockEnd: 1999,
  dailyCap: null,
  openingHours: [{ days: [1, 2, 3, 4, 5], from: '07:30', until: '11:30' }],
  defaultServiceSeconds: 450,
  sortOrder: 1,
  active: true,
};

const draft = (change: Partial<FieldDraft>): FieldDraft => ({
  ...emptyFieldDraft(3),
  code: 'ct',
  nameVi: ' Chứng thực ',
  nameEn: 'Certification',
  blockStart: '2001',
  blockEnd: '2999',
  ...change,
});

describe('field form → FieldInput', () => {
  it('maps a saved field to the inputs and back unchanged', () => {
    const result = draftToFieldInput(fieldToDraft(field), [field], field.id);
    expect(result).toEqual({
      ok: true,
      input: {
        code: 'HT',
        nameVi: 'Hộ tịch',
        nameEn: 'Civil status',
        numberingMode: 'block',
        prefix: null,
        blockStart: 1001,
        blockEnd: 1999,
        dailyCap: null,
        openingHours: field.openingHours,
        defaultServiceSeconds: 450,
        sortOrder: 1,
        active: true,
      },
    });
  });

  it('upper-cases codes, trims names, converts minutes and sends only the chosen numbering', () => {
    const result = draftToFieldInput(draft({ serviceMinutes: '7,5', dailyCap: '200', prefix: 'XX' }), [field]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({ code: 'CT', nameVi: 'Chứng thực', prefix: null, blockStart: 2001, blockEnd: 2999, dailyCap: 200, defaultServiceSeconds: 450, sortOrder: 3 });
  });

  it('prefix mode sends the letters and no block', () => {
    const result = draftToFieldInput(draft({ numberingMode: 'prefix', prefix: 'ct' }), [field]);
    expect(result.ok && result.input).toMatchObject({ numberingMode: 'prefix', prefix: 'CT', blockStart: null, blockEnd: null });
  });

  it.each<[string, Partial<FieldDraft>, string, string]>([
    ['missing code', { code: '' }, 'code', 'required'],
    ['code with accents', { code: 'HỘ' }, 'code', 'code-format'],
    ['missing English name', { nameEn: '  ' }, 'nameEn', 'required'],
    ['prefix with digits', { numberingMode: 'prefix', prefix: 'H1' }, 'prefix', 'prefix-format'],
    ['prefix of four letters', { numberingMode: 'prefix', prefix: 'ABCD' }, 'prefix', 'prefix-format'],
    ['block end below start', { blockStart: '2999', blockEnd: '2001' }, 'blockEnd', 'block-order'],
    ['block start not a number', { blockStart: 'abc' }, 'blockStart', 'whole-1-99999'],
    ['block beyond 99999', { blockEnd: '100000' }, 'blockEnd', 'whole-1-99999'],
    ['empty block end', { blockEnd: '' }, 'blockEnd', 'required'],
    ['cap of zero', { dailyCap: '0' }, 'dailyCap', 'whole-1-99999'],
    ['service time of 10 seconds', { serviceMinutes: '0,1' }, 'serviceMinutes', 'service-range'],
    ['service time over four hours', { serviceMinutes: '241' }, 'serviceMinutes', 'service-range'],
    ['sort order out of range', { sortOrder: '-1' }, 'sortOrder', 'sort-range'],
  ])('points out %s next to its input', (_, change, key, code) => {
    const result = draftToFieldInput(draft(change), [field]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.hints[key as keyof typeof result.hints]?.code).toBe(code);
  });

  it('warns when the block overlaps another field, naming it, but not against itself', () => {
    const result = draftToFieldInput(draft({ blockStart: '1500', blockEnd: '2500' }), [field]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.hints.blockStart).toEqual({ code: 'overlap', other: 'Hộ tịch' });
    expect(draftToFieldInput(fieldToDraft(field), [field], field.id).ok).toBe(true);
  });

  it('warns when another field already uses the prefix', () => {
    const other = { ...field, id: '00000000-0000-4000-8000-000000000002', numberingMode: 'prefix' as const, prefix: 'CT', blockStart: null, blockEnd: null };
    const result = draftToFieldInput(draft({ numberingMode: 'prefix', prefix: 'CT' }), [other], null, 'en');
    expect(!result.ok && result.hints.prefix).toEqual({ code: 'overlap', other: 'Civil status' });
  });

  it('reports bad opening-hour rows with their index', () => {
    const bad = { ...newWindowDraft(), from: '12:00', until: '08:00' };
    const result = draftToFieldInput(draft({ hours: [newWindowDraft(), bad] }), [field]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.hints.hours?.code).toBe('hours-rows');
      expect([...result.windowProblems]).toEqual([[1, 'until-before-from']]);
    }
  });

  it('sends the opening hours typed', () => {
    const result = draftToFieldInput(draft({ hours: [newWindowDraft([1, 3, 5], '08:00', '11:00')] }), [field]);
    expect(result.ok && result.input.openingHours).toEqual([{ days: [1, 3, 5], from: '08:00', until: '11:00' }]);
  });
});

describe('previews', () => {
  it('shows the first number of the day', () => {
    expect(firstNumberPreview(draft({ numberingMode: 'prefix', prefix: 'ht' }))).toBe('HT001');
    expect(firstNumberPreview(draft({ blockStart: '1001' }))).toBe('1001');
    expect(firstNumberPreview(draft({ blockStart: '' }))).toBeNull();
  });

  it('capacity is the block size or the cap, whichever is smaller', () => {
    expect(dailyCapacity(draft({}))).toBe(999);
    expect(dailyCapacity(draft({ dailyCap: '150' }))).toBe(150);
    expect(dailyCapacity(draft({ numberingMode: 'prefix', prefix: 'HT' }))).toBe(9999);
  });
});
