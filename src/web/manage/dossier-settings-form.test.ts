import { describe, expect, it } from 'vitest';
import {
  draftToDossierSettings,
  dossierSettingsToDraft,
  formDateLine,
  previewDossierCode,
  type DossierSettings,
  type DossierSettingsDraft,
} from './dossier-settings-form';

const settings: DossierSettings = {
  agencyCode: '000.00.16.H26',
  dossierCodeFormat: 'tt01-2018',
  parentAgencyName: 'ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG',
  formPlaceName: 'Hà Nội',
  apologyCountsAsLate: false,
};

const draft = (over: Partial<DossierSettingsDraft>): DossierSettingsDraft => ({ ...dossierSettingsToDraft(settings), ...over });

describe('the forms and dossier code settings', () => {
  it('gives back what it was given', () => {
    expect(draftToDossierSettings(dossierSettingsToDraft(settings))).toEqual({ ok: true, settings });
  });

  it('trims the texts and writes the agency code in capitals', () => {
    const result = draftToDossierSettings(draft({ agencyCode: ' 000.21.35.h26 ', parentAgencyName: '  UBND PHƯỜNG HOÀN KIẾM ', formPlaceName: ' Hà Đông ' }));
    expect(result).toEqual({
      ok: true,
      settings: { ...settings, agencyCode: '000.21.35.H26', parentAgencyName: 'UBND PHƯỜNG HOÀN KIẾM', formPlaceName: 'Hà Đông' },
    });
  });

  it('accepts an empty agency code: the centre code is used then', () => {
    expect(draftToDossierSettings(draft({ agencyCode: '  ' }))).toEqual({ ok: true, settings: { ...settings, agencyCode: '' } });
  });

  it.each<[Partial<DossierSettingsDraft>, Record<string, string>]>([
    [{ agencyCode: '000-00-16' }, { agencyCode: 'agency-chars' }],
    [{ agencyCode: '000.00.16 H26' }, { agencyCode: 'agency-chars' }],
    [{ agencyCode: 'Đ.01' }, { agencyCode: 'agency-chars' }],
    [{ agencyCode: 'A'.repeat(41) }, { agencyCode: 'too-long' }],
    [{ agencyCode: '.000.00.16' }, { agencyCode: 'agency-edge-dot' }],
    [{ agencyCode: '000.00.16.' }, { agencyCode: 'agency-edge-dot' }],
    [{ dossierCodeFormat: '' }, { dossierCodeFormat: 'required' }],
    [{ parentAgencyName: 'Ủ'.repeat(201) }, { parentAgencyName: 'too-long' }],
    [{ formPlaceName: ' ' }, { formPlaceName: 'required' }],
    [{ formPlaceName: 'H'.repeat(101) }, { formPlaceName: 'too-long' }],
  ])('points out %j', (change, hints) => {
    expect(draftToDossierSettings(draft(change))).toEqual({ ok: false, hints });
  });

  it('accepts the longest values the schema allows', () => {
    const result = draftToDossierSettings(draft({ agencyCode: 'A'.repeat(40), parentAgencyName: 'Ủ'.repeat(200), formPlaceName: 'H'.repeat(100), dossierCodeFormat: 'tt01-2018' }));
    expect(result.ok).toBe(true);
  });

  it('carries the apology policy both ways', () => {
    expect(dossierSettingsToDraft({ ...settings, apologyCountsAsLate: true }).apologyCountsAsLate).toBe(true);
    expect(draftToDossierSettings(draft({ apologyCountsAsLate: true }))).toEqual({ ok: true, settings: { ...settings, apologyCountsAsLate: true } });
  });

  it('refuses a code format the server cannot issue', () => {
    const result = draftToDossierSettings(draft({ dossierCodeFormat: 'tt03-2025' }));
    expect(result).toEqual({ ok: false, hints: { dossierCodeFormat: 'required' } });
  });

  it('previews the first dossier code of the day, from the centre code when none is set', () => {
    expect(previewDossierCode(draft({ agencyCode: '000.21.35.h26' }), 'PHD', '2026-02-17')).toBe('000.21.35.H26-260217-0001');
    expect(previewDossierCode(draft({ agencyCode: '' }), '000.00.16.H26', '2026-11-05')).toBe('000.00.16.H26-261105-0001');
    expect(previewDossierCode(draft({ agencyCode: '000-1' }), 'PHD', '2026-02-17')).toBeNull();
    // A centre code that cannot go into a dossier code.
    expect(previewDossierCode(draft({ agencyCode: '' }), 'phường hà đông', '2026-02-17')).toBeNull();
    expect(previewDossierCode(draft({ dossierCodeFormat: 'other' }), 'PHD', '2026-02-17')).toBeNull();
  });

  it('writes the date line as the forms print it', () => {
    expect(formDateLine('Hà Nội', '2026-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2026');
    expect(formDateLine(' Hà Đông ', '2026-11-26')).toBe('Hà Đông, ngày 26 tháng 11 năm 2026');
    expect(formDateLine('Hà Nội', '2026-03-15')).toBe('Hà Nội, ngày 15 tháng 3 năm 2026');
  });
});
