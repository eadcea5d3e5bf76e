import { describe, expect, it } from 'vitest';
import { decimalText, draftToFaceSettings, faceSettingsToDraft, type FaceSettings, type FaceSettingsDraft, type FormPolicy } from './face-settings-form';

const settings: FaceSettings = {
  faceEnabled: true,
  faceRememberEnabled: false,
  faceMatchThreshold: null,
  faceMatchMargin: null,
  faceThresholdModel: null,
  faceSecondFactorAttempts: 3,
};
// face-api's calibrated defaults (src/contracts/face.ts).
const policy: FormPolicy = { model: 'face-api-128-aligned', threshold: 0.988, margin: 0.005 };

const draft = (over: Partial<FaceSettingsDraft>): FaceSettingsDraft => ({ ...faceSettingsToDraft(settings, policy, 'en'), ...over });

describe('the face settings form', () => {
  it('shows decimals the way the person writes them', () => {
    expect(faceSettingsToDraft(settings, policy, 'vi')).toEqual({ enabled: true, rememberEnabled: false, threshold: '0,988', margin: '0,005', attempts: '3' });
    expect(faceSettingsToDraft(settings, policy, 'en').threshold).toBe('0.988');
    expect(decimalText(0.93450000001, 'en')).toBe('0.9345');
  });

  it('keeps following the calibrated defaults when the numbers shown are saved unchanged', () => {
    expect(draftToFaceSettings(faceSettingsToDraft(settings, policy, 'vi'), policy)).toEqual({ ok: true, settings });
  });

  it('shows the numbers in force, an admin\'s own ones included', () => {
    const own: FormPolicy = { model: 'face-reidentification-retail-0095', threshold: 0.6, margin: 0.07 };
    expect(faceSettingsToDraft(settings, own, 'vi')).toMatchObject({ threshold: '0,6', margin: '0,07' });
  });

  it('accepts an own threshold with a comma or a point, up to four decimals, for the model in use only', () => {
    const result = draftToFaceSettings(draft({ threshold: ' 0,9413 ', margin: '0.05', attempts: '5', enabled: false }), policy);
    expect(result).toEqual({
      ok: true,
      settings: {
        faceEnabled: false,
        faceRememberEnabled: false,
        faceMatchThreshold: 0.9413,
        faceMatchMargin: 0.05,
        faceThresholdModel: 'face-api-128-aligned',
        faceSecondFactorAttempts: 5,
      },
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
    expect(draftToFaceSettings(draft(change), policy)).toEqual({ ok: false, hints });
  });

  it('accepts the ends of each range', () => {
    expect(draftToFaceSettings(draft({ threshold: '0.5', margin: '0', attempts: '1' }), policy).ok).toBe(true);
    expect(draftToFaceSettings(draft({ threshold: '0.999', margin: '0.2', attempts: '5' }), policy).ok).toBe(true);
  });
});
