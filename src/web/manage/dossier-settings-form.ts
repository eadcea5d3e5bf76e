/**
 * The "forms and dossier codes" settings of the catalogue section: the agency code put in dossier
 * codes, the code format, and what the printed forms say at the top left and on the date line.
 * Pure: settings → the strings the inputs hold → the SettingsPatch sent to PUT /manage/settings,
 * or the hints of what is wrong.
 */
import type { Settings } from '../../contracts/api';
import { DOSSIER_CODE_FORMAT_OPTIONS } from '../../contracts/dossier-code-formats';

export type DossierSettings = Pick<Settings, 'agencyCode' | 'dossierCodeFormat' | 'parentAgencyName' | 'formPlaceName' | 'apologyCountsAsLate'>;

export interface DossierSettingsDraft {
  agencyCode: string;
  dossierCodeFormat: string;
  parentAgencyName: string;
  formPlaceName: string;
  /** Local policy for the statistics: an apology letter makes the dossier late (766 itself does not). */
  apologyCountsAsLate: boolean;
}

export type DossierSettingsHintCode = 'agency-chars' | 'agency-edge-dot' | 'too-long' | 'required';
export type DossierSettingsHints = Partial<Record<Exclude<keyof DossierSettingsDraft, 'apologyCountsAsLate'>, DossierSettingsHintCode>>;

/** The limits of the Settings schema (src/contracts/api.ts). */
export const AGENCY_CODE_MAX = 40;
export const PARENT_AGENCY_MAX = 200;
export const PLACE_NAME_MAX = 100;
const FORMAT_MAX = 40;

/** The code formats the server can issue, described for a person. */
export const DOSSIER_CODE_FORMATS = DOSSIER_CODE_FORMAT_OPTIONS;

export function dossierSettingsToDraft(settings: DossierSettings): DossierSettingsDraft {
  return {
    agencyCode: settings.agencyCode,
    dossierCodeFormat: settings.dossierCodeFormat,
    parentAgencyName: settings.parentAgencyName,
    formPlaceName: settings.formPlaceName,
    apologyCountsAsLate: settings.apologyCountsAsLate,
  };
}

/**
 * Codes are written in capitals (QCVN 102:2016), so a code typed in lower case is taken in capitals.
 * Beyond the schema (A–Z, 0–9 and dots), a dot may not open or close the code: the server would
 * save it, but could then issue no dossier code with it.
 */
function checkAgencyCode(text: string): { value: string; hint?: DossierSettingsHintCode } {
  const value = text.trim().toUpperCase();
  if (!/^[A-Z0-9.]*$/.test(value)) return { value, hint: 'agency-chars' };
  if (value.length > AGENCY_CODE_MAX) return { value, hint: 'too-long' };
  if (value.startsWith('.') || value.endsWith('.')) return { value, hint: 'agency-edge-dot' };
  return { value };
}

export function draftToDossierSettings(
  draft: DossierSettingsDraft,
): { ok: true; settings: DossierSettings } | { ok: false; hints: DossierSettingsHints } {
  const hints: DossierSettingsHints = {};
  const agency = checkAgencyCode(draft.agencyCode);
  if (agency.hint) hints.agencyCode = agency.hint;
  const format = draft.dossierCodeFormat.trim();
  if (!format) hints.dossierCodeFormat = 'required';
  else if (format.length > FORMAT_MAX) hints.dossierCodeFormat = 'too-long';
  const knownFormat = DOSSIER_CODE_FORMATS.find((f) => f.id === format)?.id;
  if (!knownFormat && !hints.dossierCodeFormat) hints.dossierCodeFormat = 'required';
  const parentAgencyName = draft.parentAgencyName.trim();
  if (parentAgencyName.length > PARENT_AGENCY_MAX) hints.parentAgencyName = 'too-long';
  const formPlaceName = draft.formPlaceName.trim();
  // The schema allows it empty, but the forms would then print ", ngày … tháng … năm …".
  if (!formPlaceName) hints.formPlaceName = 'required';
  else if (formPlaceName.length > PLACE_NAME_MAX) hints.formPlaceName = 'too-long';
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    settings: { agencyCode: agency.value, dossierCodeFormat: knownFormat!, parentAgencyName, formPlaceName, apologyCountsAsLate: draft.apologyCountsAsLate },
  };
}

/**
 * The first code of the day as a dossier received on `day` ("YYYY-MM-DD") would get it, in the
 * format of Circular 01/2018; null when the agency code cannot make one or the format is another.
 */
export function previewDossierCode(draft: DossierSettingsDraft, centreCode: string, day: string): string | null {
  if (draft.dossierCodeFormat !== 'tt01-2018') return null;
  const agency = checkAgencyCode(draft.agencyCode);
  const code = agency.hint ? null : agency.value || centreCode;
  if (!code || !/^[A-Z0-9](?:[A-Z0-9.]*[A-Z0-9])?$/.test(code)) return null;
  const [y, m, d] = day.split('-');
  return `${code}-${y!.slice(2)}${m}${d}-0001`;
}

/**
 * The forms' date line as they print it: "Hà Nội, ngày 17 tháng 02 năm 2026". Decree 30/2020 writes
 * days below 10 and the months January and February with a leading zero ("tháng 02", "tháng 3").
 */
export function formDateLine(place: string, day: string): string {
  const [y, m, d] = day.split('-') as [string, string, string];
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `${place.trim()}, ngày ${d} tháng ${month} năm ${y}`;
}
