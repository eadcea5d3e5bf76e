import { describe, expect, it } from 'vitest';
import { decimalText, draftToFaceSettings, faceSettingsToDraft, type FaceSettings, type FaceSettingsDraft } from './face-settings-form';

const settings: FaceSettings = {
  faceEnabled: true,
  faceRememberEnabled: false,
  faceMatchThreshold: 0.93,
  faceMatchMargin: 0.02,
  faceSecondFactorAttempts: 3,
};

const draft = (over: Partial<FaceSettingsDraft>): FaceSettingsDraft => ({ ...faceSettingsToDraft(settings, 'en'), ...over });

describe('the face settings form', () => {
  it('shows decimals the way the person writes them', () => {
    expect(faceSettingsToDraft(settings, 'vi')).toEqual({ enabled: true, rememberEnabled: false, threshold: '0,93', margin: '0,02', attempts: '3' });
    expect(faceSettingsToDraft(settings, 'en').threshold).toBe('0.93');
    expect(decimalText(0.93450000001, 'en')).toBe('0.9345');
  });

  it('gives back what it was given', () => {
    expect(draftToFaceSettings(faceSettingsToDraft(settings, 'vi'))).toEqual({ ok: true, settings });
  });

  it('accepts a calibrated threshold with a comma or a point, up to four decimals', () => {
    const result = draftToFaceSettings(draft({ threshold: ' 0,9213 ', margin: '0.05', attempts: '5', enabled: false }));
    expect(result).toEqual({
      ok: true,
      settings: { faceEnabled: false, faceRememberEnabled: false, faceMatchThreshold: 0.9213, faceMatchMargin: 0.05, faceSecondFactorAttempts: 5 },
    });
  });

  it.each<[Partial<FaceSettingsDraft>, Record<string, string>]>([
    [{ threshold: '' }, { threshold: 'required' }],
    [{ threshold: '0.3' }, { threshold: 'threshold-range' }],
    [{ threshold: '1' }, { threshold: 'threshold-range' }],
    [{ threshold: '93' }, { threshold: 'threshold-range' }],
    [{ threshold: 'cao' }, { threshold: 'threshold-range' }],
    [{ threshold: '0.93451' }, { threshold: 'too-precise' }],
    [{ margin: '0.5' }, { margin: 'margin-range' }],
    [{ margin: '-0.01' }, { margin: 'margin-range' }],
    [{ attempts: '0' }, { attempts: 'attempts-range' }],
    [{ attempts: '6' }, { attempts: 'attempts-range' }],
    [{ attempts: '2.5' }, { attempts: 'attempts-range' }],
    [{ attempts: ' ' }, { attempts: 'required' }],
  ])('points out %j', (change, hints) => {
    expect(draftToFaceSettings(draft(change))).toEqual({ ok: false, hints });
  });

  it('accepts the ends of each range', () => {
    expect(draftToFaceSettings(draft({ threshold: '0.5', margin: '0', attempts: '1' })).ok).toBe(true);
    expect(draftToFaceSettings(draft({ threshold: '0.999', margin: '0.2', attempts: '5' })).ok).toBe(true);
  });
});
