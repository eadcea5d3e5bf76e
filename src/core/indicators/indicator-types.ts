/**
 * What the indicator rules read and return. The service loads these shapes from the database; the
 * rules never see a row or a clock. The result types match src/contracts/indicators.ts.
 */
import type { ProcessingRule, ProcessStep, RequiredDocument } from '../catalogue/procedure';
import type { Dossier } from '../dossier/dossier-types';
import type { PaknClock } from '../pakn/deadlines';
import type { IndicatorId, IndicatorItemKind, IndicatorUnit } from './indicator-definitions';

export type IndicatorGroupBy = 'none' | 'field' | 'procedure' | 'unit' | 'officer';

export interface IndicatorDossier {
  dossier: Dossier;
  fieldName: string;
}

export interface IndicatorProcedure {
  id: string;
  code: string;
  fieldName: string;
  active: boolean;
  version: {
    name: string;
    agency: string;
    rules: ProcessingRule[];
    documents: RequiredDocument[];
    steps: ProcessStep[];
    resultText: string;
  } | null;
}

export interface IndicatorRating {
  dossierId: string;
  reportsAs: 'very-satisfied' | 'satisfied' | 'dissatisfied';
  at: Date;
}

export interface IndicatorPakn {
  id: string;
  code: string;
  category: string;
  categoryLabel: { vi: string; en: string };
  status: string;
  dossierId: string | null;
  officerId: string | null;
  receivedAt: Date;
  answeredAt: Date | null;
  citizenSatisfied: boolean | null;
  /** The moments its 766 deadlines depend on (src/core/pakn/deadlines.ts keeps the rules). */
  clock: PaknClock;
}

export interface IndicatorOptions {
  groupBy: IndicatorGroupBy;
  apologyCountsAsLate: boolean;
  minutesPerWorkingDay?: number;
}

export interface IndicatorFigure {
  key: string;
  labelVi: string;
  labelEn: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: IndicatorUnit;
  numeratorIds: string[];
  denominatorIds: string[];
}

export interface IndicatorGroupRow {
  key: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: IndicatorUnit;
  points: number | null;
  numeratorIds: string[];
  denominatorIds: string[];
}

export interface IndicatorResult {
  id: IndicatorId;
  group: number;
  name: string;
  nameEn: string;
  value: number | null;
  points: number | null;
  maxPoints: number;
  numerator: number | null;
  denominator: number | null;
  unit: IndicatorUnit;
  formula: string;
  formulaEn: string;
  computable: boolean;
  reason: string | null;
  reasonEn: string | null;
  itemKind: IndicatorItemKind;
  numeratorIds: string[];
  denominatorIds: string[];
  extra: IndicatorFigure[];
  groups: IndicatorGroupRow[];
}

/** Why one record is counted, for the drill-down list. */
export interface ItemNote {
  /** 'early' | 'on-time' | 'late' | 'open-within-time' | 'open-overdue', a channel, or a PAKN verdict. */
  status: string | null;
  whyVi: string;
  whyEn: string;
  /** 2.2: the record's processing time in the figure's unit. */
  measure: number | null;
}

export interface IndicatorComputation {
  indicators: Record<IndicatorId, IndicatorResult>;
  /** Per indicator, why each record it names is counted. */
  notes: Record<IndicatorId, Map<string, ItemNote>>;
  points: number;
  maxPoints: number;
}
