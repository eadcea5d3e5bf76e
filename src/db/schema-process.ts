/** Tables of process documents and procedure reviews (merged into DB in schema.ts); migration 0010-process-documents. */
import type { Channel } from '../core/catalogue/procedure';
import type { ProcessContent, ProcessIssueStatus } from '../core/process-documents/process-document';
import type { ProposalKind, ProposalStatus } from '../core/procedure-reviews/procedure-review';
import type { ColumnType } from 'kysely';

// The same column helpers as schema.ts, declared here so the two files do not import each other.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ProcessDocumentTable {
  id: string;
  centreId: string;
  procedureId: string;
  code: string;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface ProcessDocumentIssueTable {
  id: string;
  documentId: string;
  issueNumber: number | null;
  status: ProcessIssueStatus;
  procedureVersionId: string;
  content: Json<ProcessContent>;
  changeNote: string;
  issuedOn: string | null;
  approverName: string | null;
  approverTitle: string | null;
  issuedBy: string | null;
  issuedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface DossierProcessDocumentTable {
  dossierId: string;
  issueId: string;
  recordedAt: Timestamp;
}

export interface ReviewRoundTable {
  id: string;
  centreId: string;
  name: string;
  year: number;
  decisionRef: string;
  status: 'open' | 'closed';
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ReviewRoundProcedureTable {
  roundId: string;
  procedureId: string;
}

export interface ReviewProposalTable {
  id: string;
  roundId: string;
  procedureId: string;
  kind: ProposalKind;
  rationale: string;
  channel: Channel | null;
  newCommittedAmount: number | null;
  status: ProposalStatus;
  decidedOn: string | null;
  decisionRef: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  resultVersionId: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ProcessTables {
  processDocument: ProcessDocumentTable;
  processDocumentIssue: ProcessDocumentIssueTable;
  dossierProcessDocument: DossierProcessDocumentTable;
  reviewRound: ReviewRoundTable;
  reviewRoundProcedure: ReviewRoundProcedureTable;
  reviewProposal: ReviewProposalTable;
}
