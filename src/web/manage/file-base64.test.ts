import { describe, expect, it } from 'vitest';
import { bytesToBase64, hasImportExtension } from './file-base64';

describe('bytesToBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
  ])('%j → %j (padding)', (text, b64) => {
    expect(bytesToBase64(new TextEncoder().encode(text))).toBe(b64);
  });

  it('encodes UTF-8 Vietnamese text the way the server decodes it', () => {
    const text = '{"ten":"Đăng ký khai sinh – Thủ tục cấp xã"}';
    const encoded = bytesToBase64(new TextEncoder().encode(text).buffer);
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(text);
  });

  it('keeps every byte value of a binary file larger than one slice', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7 + 3) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('hasImportExtension', () => {
  it('accepts json, xlsx and csv whatever the case, nothing else', () => {
    expect(hasImportExtension('thutuc.JSON')).toBe(true);
    expect(hasImportExtension('danh-muc.xlsx')).toBe(true);
    expect(hasImportExtension('a.b.csv')).toBe(true);
    expect(hasImportExtension('danh-muc.xls')).toBe(false);
    expect(hasImportExtension('csv')).toBe(false);
  });
});
