import { describe, expect, it } from 'vitest';
import {
  decimalText,
  draftToFaceSettings,
  faceSettingsToDraft,
  numbersSource,
  typedThreshold,
  withCalibratedNumbers,
  type FaceSettings,
  type FaceSettingsDraft,
  type FormPolicy,
} from './face-settings-form';

const settings: FaceSettings = {
  faceEnabled: true,
  faceRememberEnabled: false,
  faceMatchThreshold: null,
  faceMatchMargin: null,
  faceThresholdModel: null,
  faceSecondFactorAttempts: 3,
  faceRecognitionsPerHour: 3,
};
// face-api's calibrated defaults (src/contracts/face.ts).
const policy: FormPolicy = { model: 'face-api-128-aligned', threshold: 0.988, margin: 0.005 };

const draft = (over: Partial<FaceSettingsDraft>): FaceSettingsDraft => ({ ...faceSettingsToDraft(settings, policy, 'en'), ...over });

describe('the face settings form', () => {
  it('shows decimals the way the person writes them', () => {
    expect(faceSettingsToDraft(settings, policy, 'vi')).toEqual({ enabled: true, rememberEnabled: false, threshold: '0,988', margin: '0,005', attempts: '3', perHour: '3' });
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
    const result = draftToFaceSettings(draft({ threshold: ' 0,9413 ', margin: '0.05', attempts: '5', perHour: '12', enabled: false }), policy);
    expect(result).toEqual({
      ok: true,
      settings: {
        faceEnabled: false,
        faceRememberEnabled: false,
        faceMatchThreshold: 0.9413,
        faceMatchMargin: 0.05,
        faceThresholdModel: 'face-api-128-aligned',
        faceSecondFactorAttempts: 5,
        faceRecognitionsPerHour: 12,
      },
    });
  });

  it('counts an own threshold with the calibrated margin (or the reverse) as own numbers, for the model in use', () => {
    expect(draftToFaceSettings(draft({ threshold: '0.95' }), policy)).toMatchObject({
      ok: true,
      settings: { faceMatchThreshold: 0.95, faceMatchMargin: 0.005, faceThresholdModel: 'face-api-128-aligned' },
    });
    const intel: FormPolicy = { model: 'face-reidentification-retail-0095', threshold: 0.75, margin: 0.05 };
    expect(draftToFaceSettings(draft({ threshold: '0,75', margin: '0,08' }), intel)).toMatchObject({
      ok: true,
      settings: { faceMatchThreshold: 0.75, faceMatchMargin: 0.08, faceThresholdModel: 'face-reidentification-retail-0095' },
    });
    // face-api's calibrated numbers typed while Intel's model is in use are the admin's own for Intel.
    expect(numbersSource({ threshold: '0.988', margin: '0.005' }, intel.model)).toBe('admin');
  });

  it('goes back to the calibrated values of the model in use, which are then followed (sent as null)', () => {
    const own: FormPolicy = { model: 'face-reidentification-retail-0095', threshold: 0.6, margin: 0.07 };
    const shown = faceSettingsToDraft({ ...settings, faceMatchThreshold: 0.6, faceMatchMargin: 0.07, faceThresholdModel: own.model }, own, 'vi');
    expect(numbersSource(shown, own.model)).toBe('admin');
    const back = withCalibratedNumbers(shown, own.model, 'vi');
    expect(back).toMatchObject({ threshold: '0,75', margin: '0,05', attempts: '3', perHour: '3' });
    expect(numbersSource(back, own.model)).toBe('calibrated');
    expect(draftToFaceSettings(back, own)).toMatchObject({ ok: true, settings: { faceMatchThreshold: null, faceMatchMargin: null, faceThresholdModel: null } });
    expect(numbersSource({ threshold: 'cao', margin: '0,05' }, own.model)).toBeNull();
  });

  it('reads the threshold typed on its own, so its warning shows while another field is still wrong', () => {
    expect(typedThreshold({ threshold: '0,9213' })).toBe(0.9213);
    expect(typedThreshold({ threshold: '1,5' })).toBeNull();
    expect(typedThreshold({ threshold: '0.93451' })).toBeNull();
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
    [{ perHour: '0' }, { perHour: 'per-hour-range' }],
    [{ perHour: '21' }, { perHour: 'per-hour-range' }],
    [{ perHour: '3.5' }, { perHour: 'per-hour-range' }],
    [{ perHour: '' }, { perHour: 'required' }],
    [{ threshold: '', perHour: 'ba' }, { threshold: 'required', perHour: 'per-hour-range' }],
  ])('points out %j', (change, hints) => {
    expect(draftToFaceSettings(draft(change), policy)).toEqual({ ok: false, hints });
  });

  it('accepts the ends of each range', () => {
    expect(draftToFaceSettings(draft({ threshold: '0.5', margin: '0', attempts: '1', perHour: '1' }), policy).ok).toBe(true);
    expect(draftToFaceSettings(draft({ threshold: '0.999', margin: '0.2', attempts: '5', perHour: '20' }), policy).ok).toBe(true);
  });
});
