/** Tables of the self-evaluation and reform-report feature (merged into DB in schema.ts). */
import type { FrameField, GradeBand, ReformFigure } from '../contracts/self-evaluation';
import type { ReportTemplate } from '../contracts/reform-reports';
import type { ScoreEntry } from '../core/self-evaluation/evaluation';
import type { ColumnType } from 'kysely';

// The same column shapes as schema.ts, spelled here so the two files do not import each other.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface EvaluationFrameTable {
  id: string;
  centreId: string;
  year: number;
  name: string;
  fields: Json<FrameField[]>;
  gradeBands: Json<GradeBand[]>;
  status: 'draft' | 'open' | 'closed';
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UnitEvaluationTable {
  id: string;
  frameId: string;
  unitId: string;
  status: 'draft' | 'submitted' | 'appraised';
  scores: Json<Record<string, ScoreEntry>>;
  figures: Json<ReformFigure[] | null>;
  /** numeric arrives as text from PostgreSQL. */
  finalScore: string | number | null;
  submittedAt: Timestamp | null;
  submittedBy: string | null;
  appraisedAt: Timestamp | null;
  appraisedBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ReformReportTable {
  id: string;
  centreId: string;
  seriesId: string;
  title: string;
  kind: 'quarterly' | 'six-monthly' | 'yearly' | 'ad-hoc';
  year: number;
  periodIndex: number;
  periodFrom: string;
  periodTo: string;
  dueDay: string;
  template: Json<ReportTemplate>;
  unitIds: Json<string[]>;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface ReformReportSubmissionTable {
  id: string;
  reportId: string;
  unitId: string;
  status: 'draft' | 'submitted';
  figures: Json<ReformFigure[]>;
  sections: Json<Record<string, string>>;
  fileIds: Json<string[]>;
  submittedAt: Timestamp | null;
  submittedBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SelfEvaluationTables {
  evaluationFrame: EvaluationFrameTable;
  unitEvaluation: UnitEvaluationTable;
  reformReport: ReformReportTable;
  reformReportSubmission: ReformReportSubmissionTable;
}
