/**
 * Day swaps (hoán đổi ngày làm việc) announced by the government for cán bộ, công chức, viên chức,
 * as listed — with their official document numbers — by python-holidays (vacanza/holidays,
 * `holidays/countries/vietnam.py`, VietnamStaticHolidays and its references). They seed the
 * admin-editable adjustments table; an office adds each new year's announcement there.
 *
 * Only swaps whose document number that source cites are here. It also lists swaps for 2010, 2012–2015
 * and 2019 without a document number; they stay out until someone checks the official text.
 */
import type { CalendarAdjustment } from './calendar-types';

export const ANNOUNCED_SWAPS: readonly CalendarAdjustment[] = [
  {
    date: '2018-12-31',
    kind: 'swap-off',
    name: 'Nghỉ hoán đổi, làm bù thứ Bảy 05/01/2019 (Công văn 6519/VPCP-KGVX năm 2018)',
  },
  {
    date: '2019-01-05',
    kind: 'swap-work',
    name: 'Làm bù cho ngày nghỉ 31/12/2018 (Công văn 6519/VPCP-KGVX năm 2018)',
  },
  {
    date: '2024-04-29',
    kind: 'swap-off',
    name: 'Nghỉ hoán đổi, làm bù thứ Bảy 04/05/2024 (Công văn 2450/VPCP-KGVX năm 2024)',
  },
  {
    date: '2024-05-04',
    kind: 'swap-work',
    name: 'Làm bù cho ngày nghỉ 29/04/2024 (Công văn 2450/VPCP-KGVX năm 2024)',
  },
];
