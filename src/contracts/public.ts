/**
 * What anyone may read without signing in: the centre's procedure catalogue as citizens see it, and
 * the results the centre publishes. Only public facts travel here: no internal process steps or their
 * hour allowances, no officer, no import file or fingerprint, no internal ids.
 */
import { z } from 'zod';
import { Channel, DurationUnit } from './dossier';

export const PublicCentre = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
});
export type PublicCentre = z.infer<typeof PublicCentre>;

/** One way of submitting (in person, online, by post): its time by law, the centre's time and the fee. */
export const PublicChannel = z.object({
  channel: Channel,
  unit: DurationUnit,
  /** Time set by law, in `unit`; null when the catalogue states none. */
  legalAmount: z.number().nullable(),
  /** The centre's committed (shortened) time in the same unit; null when it has not shortened it. */
  committedAmount: z.number().nullable(),
  /** How much shorter the committed time is, in %, one decimal; null when not shortened. */
  reductionPercent: z.number().nullable(),
  /** Fee in whole đồng; null when the amount is set elsewhere (read feeText). */
  feeDong: z.number().int().nullable(),
  feeText: z.string(),
  description: z.string(),
});
export type PublicChannel = z.infer<typeof PublicChannel>;

export const PublicProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  fieldName: z.string(),
  level: z.string(),
  agency: z.string(),
  channels: z.array(PublicChannel),
  /** Hour after which a same-day dossier is due the next working day ("15:00"), or null. */
  cutoff: z.string().nullable(),
  documentCount: z.number().int(),
});
export type PublicProcedureSummary = z.infer<typeof PublicProcedureSummary>;

export const PublicDocument = z.object({
  name: z.string(),
  /** Bản chính / bản sao; null when the catalogue does not say. */
  originals: z.number().int().nullable(),
  copies: z.number().int().nullable(),
  /** As published, e.g. "1 bản chính, 1 bản sao". */
  copiesText: z.string(),
  /** False for documents needed only in some cases ("nếu có", one of several alternatives). */
  required: z.boolean(),
  /** The citizen fills it in on the agency's form (tờ khai, đơn…). */
  isForm: z.boolean(),
});
export type PublicDocument = z.infer<typeof PublicDocument>;

export const PublicForm = z.object({
  name: z.string(),
  /** A file to download, when the catalogue holds one; null when it only names the form. */
  url: z.string().nullable(),
});
export type PublicForm = z.infer<typeof PublicForm>;

export const PublicProcedureDetail = PublicProcedureSummary.extend({
  /** Số quyết định công bố. */
  decision: z.string(),
  documents: z.array(PublicDocument),
  forms: z.array(PublicForm),
  /** Where to submit: the centre (in person, by post) and the agency that decides. */
  submitAt: z.object({ centre: PublicCentre, agency: z.string(), online: z.boolean(), postal: z.boolean() }),
  resultText: z.string(),
  legalBasis: z.array(z.object({ title: z.string(), number: z.string() })),
});
export type PublicProcedureDetail = z.infer<typeof PublicProcedureDetail>;

export const PublicCatalogueQuery = z.object({
  /** Words of the name (with or without diacritics) or a procedure code. */
  q: z.string().trim().max(200, 'Từ khóa tìm kiếm tối đa 200 ký tự').optional(),
  /** Only this field (lĩnh vực), by its name. */
  field: z.string().trim().max(200).optional(),
  /** Which centre (its code); the installation's centre when absent. */
  centre: z.string().trim().max(40).optional(),
});
export type PublicCatalogueQuery = z.infer<typeof PublicCatalogueQuery>;

export const PublicCatalogue = z.object({
  centre: PublicCentre,
  /** Every field with how many procedures in force it has, in the catalogue's order. */
  fields: z.array(z.object({ name: z.string(), count: z.number().int() })),
  /** The query as understood; "" when listing. */
  query: z.string(),
  /** Listing: by field then name. Searching: best match first. */
  procedures: z.array(PublicProcedureSummary),
});
export type PublicCatalogue = z.infer<typeof PublicCatalogue>;

// ---------------------------------------------------------------------------------------------
// Published results
// ---------------------------------------------------------------------------------------------

/** One published rate, exactly as the centre's indicator engine computed it. */
export const PublicRate = z.object({
  /** Indicator id of Decision 766, e.g. "2.1". */
  indicator: z.string(),
  name: z.string(),
  /** Percent, two decimals; null when nothing was counted. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  formula: z.string(),
});
export type PublicRate = z.infer<typeof PublicRate>;

export const PublicPeriodResults = z.object({
  kind: z.enum(['month', 'year']),
  /** "Tháng 12/2026", "Năm 2026". */
  labelVi: z.string(),
  labelEn: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  onTime: PublicRate,
  satisfaction: PublicRate,
  /** Dossiers received (clock started) in the period. */
  received: z.number().int(),
  /** Dossiers whose handling ended in the period (resolved, returned, stopped, refused, withdrawn). */
  resolved: z.number().int(),
});
export type PublicPeriodResults = z.infer<typeof PublicPeriodResults>;

export const PublicShortenedProcedure = z.object({
  code: z.string(),
  name: z.string(),
  fieldName: z.string(),
  channel: Channel,
  unit: DurationUnit,
  legalAmount: z.number(),
  committedAmount: z.number(),
  reductionPercent: z.number(),
});
export type PublicShortenedProcedure = z.infer<typeof PublicShortenedProcedure>;

export const PublicResults = z.object({
  centre: PublicCentre,
  generatedAt: z.iso.datetime(),
  periods: z.array(PublicPeriodResults),
  shortened: z.object({
    /** Procedures in force whose time is stated in hours or days (same-day ones cannot be shortened). */
    procedures: z.number().int(),
    count: z.number().int(),
    /** count / procedures × 100, one decimal; null when there is no such procedure. */
    sharePercent: z.number().nullable(),
    /** Mean reduction of the shortened ones, one decimal; null when none. */
    averageReductionPercent: z.number().nullable(),
    items: z.array(PublicShortenedProcedure),
  }),
});
export type PublicResults = z.infer<typeof PublicResults>;

export const PublicResultsQuery = z.object({ centre: z.string().trim().max(40).optional() });
