/**
 * The Decision 766 indicators a centre computes from its own data (DOMAIN-VN §2, §9): what the
 * service returns, the manage screen shows and the CLI prints. Every figure names the records it
 * counts (`itemIds`) so a manager can open them and check the number by hand.
 */
import { z } from 'zod';

export const INDICATOR_IDS = ['1.3', '2.1', '2.2', '3.3', '4.1', '4.2', '5.1', '5.2', '5.3', '5.4'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const INDICATOR_GROUP_BY = ['none', 'field', 'procedure', 'unit', 'officer'] as const;
export type IndicatorGroupBy = (typeof INDICATOR_GROUP_BY)[number];

/** What the ids of a figure point at. */
export const INDICATOR_ITEM_KINDS = ['dossier', 'pakn', 'procedure'] as const;
export type IndicatorItemKind = (typeof INDICATOR_ITEM_KINDS)[number];

/**
 * Units of a value: '%' for rates; 'working-days' | 'days' | 'hours' for 2.2 (the procedure's own
 * unit; mixed groups in working days); 'count' for 5.1.
 */
export const INDICATOR_UNITS = ['%', 'working-days', 'days', 'hours', 'count'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** One number with the records behind its numerator and its denominator. */
export const IndicatorFigure = z.object({
  /** Stable key inside the indicator: 'value', 'direct', 'postal', a category, … */
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unit: z.enum(INDICATOR_UNITS),
  /** Records in the numerator (for averages and counts: the records averaged or counted). */
  numeratorIds: z.array(z.string()),
  /** Records in the denominator. */
  denominatorIds: z.array(z.string()),
});
export type IndicatorFigure = z.infer<typeof IndicatorFigure>;

/** The indicator for one group (a field, a procedure, a processing unit or an officer). */
export const IndicatorGroupRow = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unit: z.enum(INDICATOR_UNITS),
  points: z.number().nullable(),
  numeratorIds: z.array(z.string()),
  denominatorIds: z.array(z.string()),
});
export type IndicatorGroupRow = z.infer<typeof IndicatorGroupRow>;

export const IndicatorResult = z.object({
  id: z.enum(INDICATOR_IDS),
  /** 766 group 1–5. */
  group: z.number().int().min(1).max(5),
  /** Vietnamese name (the official wording); nameEn for English screens. */
  name: z.string(),
  nameEn: z.string(),
  value: z.number().nullable(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unit: z.enum(INDICATOR_UNITS),
  /** How the value and the points are worked out, assumptions marked "Giả định"; vi and en. */
  formula: z.string(),
  formulaEn: z.string(),
  /** False when the centre's data cannot say it (value and points are null; `reason` says why). */
  computable: z.boolean(),
  reason: z.string().nullable(),
  reasonEn: z.string().nullable(),
  itemKind: z.enum(INDICATOR_ITEM_KINDS),
  numeratorIds: z.array(z.string()),
  denominatorIds: z.array(z.string()),
  /** Further figures shown with it: 3.3's direct and postal shares, 5.1's categories, 2.2 per unit. */
  extra: z.array(IndicatorFigure),
  /** One row per group when the report is grouped; empty otherwise or when the indicator has no such grouping. */
  groups: z.array(IndicatorGroupRow),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

export const IndicatorReport = z.object({
  centreId: z.string(),
  /** The period, both instants as ISO strings: [from, to). */
  from: z.string(),
  to: z.string(),
  /** The instant the figures are taken at: the end of the period, or now when the period is not over. */
  asOf: z.string(),
  groupBy: z.enum(INDICATOR_GROUP_BY),
  apologyCountsAsLate: z.boolean(),
  indicators: z.record(z.enum(INDICATOR_IDS), IndicatorResult),
  /** Sum of the computed indicators' points, and of their maximum. */
  points: z.number(),
  maxPoints: z.number(),
});
export type IndicatorReport = z.infer<typeof IndicatorReport>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');

export const IndicatorQuery = z.object({
  from: Day,
  to: Day,
  groupBy: z.enum(INDICATOR_GROUP_BY).default('none'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

export const IndicatorItemsQuery = z.object({
  from: Day,
  to: Day,
  groupBy: z.enum(INDICATOR_GROUP_BY).default('none'),
  /** A group key from `groups`; absent: the whole centre. */
  group: z.string().max(300).optional(),
  /** Which figure of the indicator (`extra[].key`); absent: the indicator's own value. */
  figure: z.string().max(300).optional(),
});
export type IndicatorItemsQuery = z.infer<typeof IndicatorItemsQuery>;

/** One record a figure counts, with why. */
export const IndicatorItem = z.object({
  kind: z.enum(INDICATOR_ITEM_KINDS),
  id: z.string(),
  code: z.string(),
  /** Procedure name for dossiers and procedures; category for PAKN. */
  title: z.string(),
  /** Received (dossier) or filed (PAKN); null for procedures. */
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  endAt: z.string().nullable(),
  /** 'early' | 'on-time' | 'late' | 'open-within-time' | 'open-overdue' or a PAKN status. */
  status: z.string().nullable(),
  inNumerator: z.boolean(),
  /** Why it is counted, in the asked language. */
  why: z.string(),
  /** For 2.2: its processing time in the figure's unit. */
  measure: z.number().nullable(),
});
export type IndicatorItem = z.infer<typeof IndicatorItem>;

export const IndicatorItems = z.object({
  id: z.enum(INDICATOR_IDS),
  figure: z.string(),
  group: z.string().nullable(),
  items: z.array(IndicatorItem),
});
export type IndicatorItems = z.infer<typeof IndicatorItems>;
