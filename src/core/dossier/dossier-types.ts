/**
 * A dossier (hồ sơ thủ tục hành chính) from reception to the returned result. The state is plain
 * data: the service loads it, a domain function applies one action with the clock passed in, and the
 * service saves the new state and the events.
 */
import type { Channel, ProcessStep, RequiredDocument } from '../catalogue/procedure';
import type { ProcessingTime } from '../calendar/calendar-types';

export const DOSSIER_STATUSES = [
  /** Form 02 at the counter: not received yet, the clock has not started. */
  'incomplete',
  /** Form 03 at the counter, or refused later with a legal reason. */
  'refused',
  /** Received (Form 01); the steps are under way. */
  'in-progress',
  /** A processing unit asked for a supplement; the clock is paused. */
  'supplement-requested',
  /** Form 05: processing stopped. */
  'stopped',
  /** The citizen withdrew the dossier. */
  'withdrawn',
  /** All steps done; the result waits at the return counter. */
  'result-ready',
  /** The result was handed over (or sent). */
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const TIMELINESS = ['early', 'on-time', 'late'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export interface Applicant {
  fullName: string;
  /** Số định danh cá nhân / CCCD (12 digits) or an organisation's tax code. */
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface DossierStep {
  code: string;
  name: string;
  unit: string;
  allowanceHours: number;
  startedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  officerId: string | null;
  officerName: string | null;
  note: string | null;
}

export interface SupplementRequest {
  requestedAt: Date;
  /** Every missing or defective item with its reason, listed at once. */
  items: { name: string; reason: string }[];
  completedAt: Date | null;
}

export interface ReceivedDocument extends RequiredDocument {
  received: boolean;
}

export interface Dossier {
  id: string;
  code: string;
  status: DossierStatus;
  procedureVersionId: string;
  procedureCode: string;
  procedureName: string;
  channel: Channel;
  processingTime: ProcessingTime;
  applicant: Applicant;
  documents: ReceivedDocument[];
  ticketId: string | null;
  receivedById: string | null;
  /** When a complete dossier was received: the clock starts here. Null for an incomplete one. */
  receivedAt: Date | null;
  createdAt: Date;
  /** The appointment printed on Form 01, moved later by supplement pauses. */
  dueAt: Date | null;
  /** Form 04's new date; the dossier still counts as late. */
  extendedDueAt: Date | null;
  apology: { issuedAt: Date; reason: string; newDueAt: Date } | null;
  /** Form 02 at the counter: what the citizen must still bring (the clock has not started). */
  guidance: { at: Date; items: { name: string; reason: string }[] } | null;
  /** Requests made during processing; each pauses the clock, and a second one makes the dossier late. */
  supplements: SupplementRequest[];
  steps: DossierStep[];
  /** "Đã xử lý xong": the last step finished. */
  finishedAt: Date | null;
  returnedAt: Date | null;
  returnedTo: string | null;
  refusal: { at: Date; reason: string } | null;
  stop: { at: Date; reason: string } | null;
  /** When the citizen withdrew the dossier; reports need it to know what was open on a given day. */
  withdrawnAt: Date | null;
  timeliness: Timeliness | null;
}

/** Steps every procedure has when its record lists no internal process of its own. */
export type DefaultSteps = ProcessStep[];
