import { describe, expect, it } from 'vitest';
import { decodeTemplate, encodeTemplate } from './face-capture-encoding';

describe('the template as the API takes it', () => {
  it('is base64 of float32 little-endian, 4 bytes per value', () => {
    expect(encodeTemplate([1])).toBe('AACAPw=='); // 1.0f = 00 00 80 3f
    const template = Float32Array.from({ length: 128 }, (_, i) => Math.sin(i) / 8);
    const encoded = encodeTemplate(template);
    expect(atob(encoded)).toHaveLength(512);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(decodeTemplate(encoded)).toEqual(template);
  });
});
