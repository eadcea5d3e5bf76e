/**
 * The dossier code formats a centre can choose (setting `dossierCodeFormat`). Each id has its
 * generator in src/core/dossier/dossier-code.ts; a unit test keeps the two lists equal.
 */
import type { Lang } from './lang';

export const DOSSIER_CODE_FORMAT_OPTIONS = [
  {
    id: 'tt01-2018',
    label: {
      vi: 'Thông tư 01/2018/TT-VPCP: mã cơ quan-YYMMDD-số thứ tự 4 chữ số',
      en: 'Circular 01/2018/TT-VPCP: agency code-YYMMDD-4-digit daily sequence',
    },
  },
] as const satisfies readonly { id: string; label: Record<Lang, string> }[];

export type DossierCodeFormatId = (typeof DOSSIER_CODE_FORMAT_OPTIONS)[number]['id'];
export const DOSSIER_CODE_FORMAT_IDS = DOSSIER_CODE_FORMAT_OPTIONS.map((o) => o.id) as [DossierCodeFormatId, ...DossierCodeFormatId[]];
