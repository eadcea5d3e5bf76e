/** Units that are inspected, self-evaluate and report (đơn vị). */
import { z } from 'zod';

export const UnitKinds = ['centre', 'commune', 'department', 'agency'] as const;
export const UnitKind = z.enum(UnitKinds);
export type UnitKind = z.infer<typeof UnitKind>;

export const OrgUnit = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  /** The centre of this installation whose records are this unit's (pre-filled figures), if any. */
  figuresCentreId: z.uuid().nullable(),
  active: z.boolean(),
  /** People who belong to the unit. */
  members: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/, 'A–Z, 0–9, . _ -, 1–40'),
  name: z.string().trim().min(1).max(200),
  kind: UnitKind,
  /** Whether this unit's figures are the centre's own records. */
  figuresFromCentre: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type OrgUnitInput = z.infer<typeof OrgUnitInput>;

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  centre: { vi: 'Trung tâm / Bộ phận một cửa', en: 'Centre / one-stop unit' },
  commune: { vi: 'Xã, phường', en: 'Commune / ward' },
  department: { vi: 'Phòng, ban chuyên môn', en: 'Department' },
  agency: { vi: 'Cơ quan, đơn vị khác', en: 'Other agency' },
};
