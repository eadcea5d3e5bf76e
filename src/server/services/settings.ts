/** Runtime settings an admin edits; defaults apply until a value is stored. */
import { Settings, SettingsPatch } from '../../contracts/api';
import type { FaceModelId } from '../../contracts/face';
import { resolveFacePolicy, type FacePolicy } from '../../core/face/face-policy';
import { DEFAULT_DOSSIER_CODE_FORMAT } from '../../core/dossier/dossier-code';
import type { Executor } from '../../db/repositories/executor';
import { readSettings, writeSettings } from '../../db/repositories/reference.repository';

export const DEFAULT_SETTINGS: Settings = {
  fairnessQuota: 2,
  transferKeepsArrivalTime: true,
  noShowToleranceMinutes: 30,
  announceRepeat: 2,
  speechRate: 0.9,
  ratingScale: [
    { value: 3, labelVi: 'Rất hài lòng', labelEn: 'Very satisfied', reportsAs: 'very-satisfied' },
    { value: 2, labelVi: 'Hài lòng', labelEn: 'Satisfied', reportsAs: 'satisfied' },
    { value: 1, labelVi: 'Không hài lòng', labelEn: 'Not satisfied', reportsAs: 'dissatisfied' },
  ],
  ratingTimeoutSeconds: 120,
  slipFooter: ['Vui lòng chú ý màn hình và loa gọi số', 'Phiếu chỉ có giá trị trong ngày'],
  publicBaseUrl: '',
  faceEnabled: true,
  faceRememberEnabled: true,
  faceModel: 'auto',
  // null: the calibrated defaults of the model in use (src/contracts/face.ts FACE_MODELS).
  faceMatchThreshold: null,
  faceMatchMargin: null,
  faceThresholdModel: null,
  faceRecognitionsPerHour: 3,
  faceSecondFactorAttempts: 3,
  agencyCode: '',
  dossierCodeFormat: DEFAULT_DOSSIER_CODE_FORMAT,
  parentAgencyName: 'ỦY BAN NHÂN DÂN',
  formPlaceName: 'Hà Nội',
  apologyCountsAsLate: false,
  ratingCriteria: [
    { key: 'time', labelVi: 'Thời gian giải quyết', labelEn: 'Processing time' },
    { key: 'attitude', labelVi: 'Thái độ của cán bộ', labelEn: 'Staff attitude' },
    { key: 'guidance', labelVi: 'Hướng dẫn, tiếp nhận', labelEn: 'Guidance and reception' },
    { key: 'result', labelVi: 'Kết quả giải quyết', labelEn: 'Result' },
  ],
  resultsSlideQuietMinutes: 2,
  resultsSlideWhileWaiting: false,
};

export async function getSettings(ex: Executor, centreId: string): Promise<Settings> {
  const stored = await readSettings(ex, centreId);
  // A stored value that no longer fits the schema (older version) falls back to the default.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const shape = (Settings.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[key];
    if (shape?.safeParse(value).success) merged[key] = value;
  }
  return Settings.parse(merged);
}

export async function saveSettings(ex: Executor, centreId: string, patch: SettingsPatch): Promise<Settings> {
  await writeSettings(ex, centreId, SettingsPatch.parse(patch));
  return getSettings(ex, centreId);
}


/** The face decisions in force for a centre: its settings applied to the models this site has. */
export function facePolicyOf(settings: Settings, installed: readonly FaceModelId[]): FacePolicy {
  return resolveFacePolicy(settings, installed);
}
