import { describe, expect, it } from 'vitest';
import { catalogueUrlBeside, isGuidanceField } from './guidance-field';

describe('the guidance field', () => {
  it.each([
    [{ code: 'HD', nameVi: 'Hướng dẫn – Tra cứu hồ sơ' }, true],
    [{ code: 'X1', nameVi: 'Hướng dẫn thủ tục' }, true],
    [{ code: 'hd', nameVi: 'Quầy 6' }, true],
    [{ code: 'HT', nameVi: 'Hộ tịch' }, false],
    [{ code: 'TKQ', nameVi: 'Trả kết quả' }, false],
  ])('%j → %j', (field, guidance) => {
    expect(isGuidanceField(field)).toBe(guidance);
  });

  it('points at the catalogue on the tracking link’s server', () => {
    expect(catalogueUrlBeside('http://192.168.1.10:3000/t/ABC123')).toBe('http://192.168.1.10:3000/thu-tuc');
    expect(catalogueUrlBeside('not a url')).toBe('/thu-tuc');
    expect(isGuidanceField(undefined)).toBe(false);
  });
});
