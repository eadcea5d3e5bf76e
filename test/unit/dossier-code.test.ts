import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOSSIER_CODE_FORMAT,
  DOSSIER_CODE_FORMATS,
  dossierCodeFormat,
  parseDossierCode,
} from '../../src/core/dossier/dossier-code';
import { AppError } from '../../src/core/shared/app-error';

const tt01 = dossierCodeFormat('tt01-2018');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('dossier code, Circular 01/2018 art. 19', () => {
  it('is the default and is registered by id', () => {
    expect(DEFAULT_DOSSIER_CODE_FORMAT).toBe('tt01-2018');
    expect(DOSSIER_CODE_FORMATS['tt01-2018']).toBe(tt01);
    expect(tt01.describe).toContain('01/2018');
  });

  it.each([
    { agencyCode: '000.00.16.H26', receivedOn: '2026-11-26', sequence: 1, code: '000.00.16.H26-261126-0001' },
    { agencyCode: '000.00.16.H26', receivedOn: '2026-01-05', sequence: 42, code: '000.00.16.H26-260105-0042' },
    { agencyCode: 'HDPVHCC', receivedOn: '2030-12-31', sequence: 9999, code: 'HDPVHCC-301231-9999' },
  ])('formats $code and reads it back', ({ code, ...parts }) => {
    expect(tt01.format(parts)).toBe(code);
    expect(tt01.parse(code)).toEqual(parts);
    expect(parseDossierCode(code)).toEqual({ ...parts, formatId: 'tt01-2018' });
  });

  it.each([
    { sequence: 0, error: 'VALIDATION_FAILED' },
    { sequence: 10000, error: 'VALIDATION_FAILED' },
    { sequence: 1.5, error: 'VALIDATION_FAILED' },
    { agencyCode: '000-00', error: 'VALIDATION_FAILED' },
    { agencyCode: 'h26', error: 'VALIDATION_FAILED' },
    { agencyCode: '', error: 'VALIDATION_FAILED' },
    { receivedOn: '2026-02-30', error: 'INVALID_DATE' },
    { receivedOn: '26-11-2026', error: 'INVALID_DATE' },
    { receivedOn: '1999-12-31', error: 'INVALID_DATE' },
  ])('refuses to format %o', ({ error, ...override }) => {
    const input = { agencyCode: '000.00.16.H26', receivedOn: '2026-11-26', sequence: 1, ...override };
    expect(codeOf(() => tt01.format(input))).toBe(error);
  });

  it('reads a code typed in lower case with spaces around it', () => {
    expect(parseDossierCode(' 000.00.16.h26-261126-0007 ')).toMatchObject({ agencyCode: '000.00.16.H26', sequence: 7 });
  });

  it.each(['', '000.00.16.H26-261126-001', '000.00.16.H26-261126-0000', '000.00.16.H26-261332-0001', '-261126-0001', 'HS-2026-11-26-0001'])(
    '"%s" is not a dossier code',
    (code) => {
      expect(tt01.parse(code)).toBeNull();
      expect(parseDossierCode(code)).toBeNull();
    },
  );

  it('an unknown format id is a configuration error', () => {
    expect(codeOf(() => dossierCodeFormat('tt03-2025'))).toBe('VALIDATION_FAILED');
  });
});

describe('the formats offered in the settings', () => {
  it('are exactly the formats the server can issue', async () => {
    const { DOSSIER_CODE_FORMAT_IDS } = await import('../../src/contracts/dossier-code-formats');
    const { DOSSIER_CODE_FORMATS, DEFAULT_DOSSIER_CODE_FORMAT } = await import('../../src/core/dossier/dossier-code');
    expect([...DOSSIER_CODE_FORMAT_IDS].sort()).toEqual(Object.keys(DOSSIER_CODE_FORMATS).sort());
    expect(DOSSIER_CODE_FORMAT_IDS).toContain(DEFAULT_DOSSIER_CODE_FORMAT);
  });
});
