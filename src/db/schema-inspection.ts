/** Tables of the inspection feature (merged into DB in schema.ts); migration 0008-inspection. */
import type { ActionStatus, Criterion, RoundKind, RoundStatus, Severity, TeamMember, Verdict } from '../contracts/inspection';
import type { ActionProgress } from '../core/inspection/corrective-action';
import type { ColumnType } from 'kysely';

// Spelled as in schema.ts; not imported from it, which merges these tables (no import cycle).
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface InspectionPlanTable {
  id: string;
  centreId: string;
  year: number;
  title: string;
  decisionRef: string;
  scope: string;
  team: Json<TeamMember[]>;
  unitIds: Json<string[]>;
  checklist: Json<Criterion[]>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InspectionRoundTable {
  id: string;
  planId: string;
  number: number;
  kind: RoundKind;
  title: string;
  scope: string;
  plannedDate: string;
  unitIds: Json<string[]>;
  memberKeys: Json<string[]>;
  processDocumentId: string | null;
  /** The process issue audited, as it was named when the round was created. */
  processLabel: string | null;
  checklist: Json<Criterion[]>;
  status: RoundStatus;
  conclusion: string;
  concludedAt: Timestamp | null;
  minutesFileId: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InspectionVerdictTable {
  roundId: string;
  unitId: string;
  criterionId: string;
  verdict: Verdict;
  note: string;
  evidenceFileIds: Json<string[]>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface InspectionFindingTable {
  id: string;
  roundId: string;
  unitId: string;
  criterionId: string | null;
  severity: Severity;
  description: string;
  evidenceFileIds: Json<string[]>;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface CorrectiveActionTable {
  id: string;
  findingId: string;
  planId: string;
  unitId: string;
  description: string;
  ownerName: string;
  ownerUserId: string | null;
  startDate: string;
  workingDays: number;
  dueDate: string;
  status: ActionStatus;
  progress: Json<ActionProgress[]>;
  fixFileIds: Json<string[]>;
  doneAt: Timestamp | null;
  closedAt: Timestamp | null;
  closedBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InspectionTables {
  inspectionPlan: InspectionPlanTable;
  inspectionRound: InspectionRoundTable;
  inspectionVerdict: InspectionVerdictTable;
  inspectionFinding: InspectionFindingTable;
  correctiveAction: CorrectiveActionTable;
}
