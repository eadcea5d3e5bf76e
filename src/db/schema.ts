/**
 * Table types for Kysely. Columns are snake_case in SQL and camelCase here (CamelCasePlugin).
 * Enums are string unions stored as-is.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Channel, ImportWarning, ProcessingRule, ProcessStep, RequiredDocument } from '../core/catalogue/procedure';
import type { DossierStatus, Timeliness } from '../core/dossier/dossier-types';
import type { FaceSearchKind } from '../contracts/face';
import type { InspectionTables } from './schema-inspection';
import type { ProcessTables } from './schema-process';
import type { SelfEvaluationTables } from './schema-self-evaluation';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export interface CentreTable {
  id: string;
  code: string;
  name: string;
  shortName: string;
  address: string | null;
  createdAt: Generated<Timestamp>;
}

export interface FieldTable {
  id: string;
  centreId: string;
  code: string;
  nameVi: string;
  nameEn: string;
  numberingMode: 'prefix' | 'block';
  prefix: string | null;
  blockStart: number | null;
  blockEnd: number | null;
  dailyCap: number | null;
  openingHours: Json<{ days: number[]; from: string; until: string }[]>;
  defaultServiceSeconds: number;
  sortOrder: number;
  active: boolean;
  createdAt: Generated<Timestamp>;
}

export interface CounterTable {
  id: string;
  centreId: string;
  number: number;
  name: string;
  active: boolean;
  state: 'closed' | 'open' | 'paused';
  pauseReason: string | null;
  officerId: string | null;
  stateSince: Timestamp;
  createdAt: Generated<Timestamp>;
}

export interface CounterFieldTable {
  counterId: string;
  fieldId: string;
  weight: number;
}

export interface PriorityGroupTable {
  id: string;
  centreId: string;
  code: string;
  nameVi: string;
  nameEn: string;
  weight: number;
  active: boolean;
}

export interface AppUserTable {
  id: string;
  centreId: string;
  username: string;
  fullName: string;
  role: 'officer' | 'manager' | 'admin' | 'inspector';
  /** The unit the person belongs to; a manager with a unit is that unit's head. */
  unitId: string | null;
  passwordHash: string;
  active: boolean;
  lang: 'vi' | 'en';
  createdAt: Generated<Timestamp>;
}

export interface UserSessionTable {
  tokenHash: string;
  userId: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
}

export interface DeviceTable {
  id: string;
  centreId: string;
  kind: 'kiosk' | 'display' | 'rating' | 'printer';
  name: string;
  tokenHash: string | null;
  counterId: string | null;
  printerId: string | null;
  host: string | null;
  port: number | null;
  paperWidthMm: number | null;
  pairedAt: Timestamp | null;
  lastSeenAt: Timestamp | null;
  revokedAt: Timestamp | null;
  createdAt: Generated<Timestamp>;
}

export interface PairingRequestTable {
  id: string;
  kind: 'kiosk' | 'display' | 'rating';
  name: string | null;
  code: string;
  secretHash: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  deviceId: string | null;
  /** Handed to the device once, then cleared. */
  deviceToken: string | null;
  claimedAt: Timestamp | null;
}

export interface SettingTable {
  centreId: string;
  key: string;
  value: Json<unknown>;
}

export interface NumberSequenceTable {
  fieldId: string;
  serviceDay: string;
  lastSeq: number;
}

export interface TicketTable {
  id: string;
  centreId: string;
  serviceDay: string;
  fieldId: string;
  seq: number;
  displayNumber: string;
  code: string;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled' | 'parked';
  priorityGroupId: string | null;
  priorityWeight: number;
  issuedAt: Timestamp;
  queueSince: Timestamp;
  counterId: string | null;
  officerId: string | null;
  targetCounterId: string | null;
  callCount: number;
  calledAt: Timestamp | null;
  startedAt: Timestamp | null;
  noShowAt: Timestamp | null;
  finishedAt: Timestamp | null;
  serveCount: number;
  predictedWaitSeconds: number | null;
  kioskId: string | null;
  version: number;
}

export interface EventLogTable {
  id: Generated<number>;
  /** Writing transaction's id; with id it orders the log by commit safety (see event.repository). */
  tx: Generated<string>;
  centreId: string;
  type: string;
  at: Timestamp;
  ticketId: string | null;
  counterId: string | null;
  officerId: string | null;
  actorKind: 'user' | 'device' | 'public' | 'system';
  actorId: string | null;
  facts: Json<Record<string, unknown>>;
  payload: Json<Record<string, unknown>>;
}

export interface RatingTable {
  id: string;
  centreId: string;
  ticketId: string;
  serveNo: number;
  value: number;
  reportsAs: 'very-satisfied' | 'satisfied' | 'dissatisfied';
  officerId: string | null;
  counterId: string;
  fieldId: string;
  deviceId: string | null;
  at: Timestamp;
}

export interface CitizenTable {
  id: string;
  centreId: string;
  phoneHintHash: string | null;
  createdAt: Timestamp;
  withdrawnAt: Timestamp | null;
}

export interface ConsentTable {
  id: string;
  centreId: string;
  kioskId: string | null;
  scope: 'declined' | 'today' | 'remember';
  purpose: string;
  citizenId: string | null;
  ticketId: string | null;
  givenAt: Timestamp;
  withdrawnAt: Timestamp | null;
}

export interface FaceTemplateTable {
  id: string;
  centreId: string;
  kind: 'walk-in' | 'remembered';
  ticketId: string | null;
  citizenId: string | null;
  consentId: string;
  fieldId: string | null;
  serviceDay: string | null;
  model: string;
  dimensions: number;
  template: Uint8Array;
  createdAt: Timestamp;
  expiresAt: Timestamp | null;
}

export interface FaceCandidateTable {
  id: string;
  centreId: string;
  citizenId: string;
  kioskId: string | null;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  attempts: number;
}

export interface FaceReuseCheckTable {
  id: string;
  centreId: string;
  kioskId: string | null;
  model: string;
  fieldId: string;
  ticketId: string;
  score: number;
  margin: number | null;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  outcome: Generated<'pending' | 'confirmed' | 'rejected'>;
  answeredAt: Timestamp | null;
  newTicketId: string | null;
}

export interface FaceRecognitionTable {
  id: Generated<number>;
  centreId: string;
  citizenId: string;
  kioskId: string | null;
  at: Timestamp;
}

export interface FaceAuditTable {
  id: Generated<number>;
  centreId: string;
  at: Timestamp;
  action: 'create' | 'read' | 'delete' | 'erase' | 'purge' | 'search' | 'seal';
  templateId: string | null;
  /** Templates created, read or deleted; for a search, how many it looked through. */
  templates: number;
  purpose: string;
  actorKind: 'user' | 'device' | 'public' | 'system';
  actorId: string | null;
  searchKind: FaceSearchKind | null;
  outcome: 'match' | 'no-match' | 'ambiguous' | null;
  reused: boolean | null;
}


export interface CalendarAdjustmentTable {
  day: string;
  kind: 'swap-off' | 'swap-work' | 'holiday' | 'compensatory' | 'removed';
  name: string;
  updatedAt: Timestamp;
}

export interface ProcedureTable {
  id: string;
  centreId: string;
  code: string;
  fieldName: string;
  fieldId: string | null;
  currentVersionId: string | null;
  active: boolean;
  importFingerprint: string | null;
  createdAt: Timestamp;
}

export interface ProcedureVersionTable {
  id: string;
  procedureId: string;
  version: number;
  name: string;
  decision: string;
  level: string;
  agency: string;
  rules: Json<ProcessingRule[]>;
  documents: Json<RequiredDocument[]>;
  steps: Json<ProcessStep[]>;
  cutoff: string | null;
  resultText: string;
  legalBasis: string;
  source: string;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface CatalogueImportTable {
  id: string;
  centreId: string;
  at: Timestamp;
  actorId: string | null;
  source: string;
  imported: number;
  skipped: number;
  unchanged: number;
  warnings: Json<ImportWarning[]>;
}

export interface DossierSequenceTable {
  centreId: string;
  serviceDay: string;
  lastValue: number;
}

export interface DossierTable {
  id: string;
  centreId: string;
  code: string;
  status: DossierStatus;
  procedureId: string;
  procedureVersionId: string;
  fieldName: string;
  channel: Channel;
  applicantName: string;
  ticketId: string | null;
  receivedBy: string | null;
  receivedAt: Timestamp | null;
  dueAt: Timestamp | null;
  extendedDueAt: Timestamp | null;
  finishedAt: Timestamp | null;
  returnedAt: Timestamp | null;
  timeliness: Timeliness | null;
  bookYear: number;
  bookNumber: number;
  state: Json<unknown>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface DossierEventTable {
  id: Generated<string>;
  dossierId: string;
  type: string;
  at: Timestamp;
  actorId: string | null;
  data: Json<Record<string, unknown>>;
}

export type ReportsAs = 'very-satisfied' | 'satisfied' | 'dissatisfied';

export interface DossierRatingTable {
  id: string;
  centreId: string;
  dossierId: string;
  procedureId: string;
  fieldName: string;
  receivedBy: string | null;
  officerIds: Json<string[]>;
  value: number;
  scaleSize: number;
  reportsAs: ReportsAs;
  criteria: Json<{ key: string; value: number; reportsAs: ReportsAs }[]>;
  comment: string | null;
  source: 'counter' | 'qr' | 'kiosk' | 'lookup';
  deviceId: string | null;
  at: Timestamp;
}

export type PaknStatus = 'received' | 'assigned' | 'info-requested' | 'answered' | 'rejected' | 'published';

export interface PaknTable {
  id: string;
  centreId: string;
  code: string;
  kind: 'complaint' | 'suggestion';
  category: string;
  subjectKind: 'dossier' | 'counter' | 'officer' | 'centre';
  dossierId: string | null;
  counterId: string | null;
  officerId: string | null;
  content: string;
  anonymous: boolean;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  source: 'public' | 'kiosk' | 'qr' | 'counter';
  status: PaknStatus;
  assignedTo: string | null;
  receivedAt: Timestamp;
  answeredAt: Timestamp | null;
  rejectedAt: Timestamp | null;
  publishedAt: Timestamp | null;
  citizenSatisfied: boolean | null;
  state: Json<unknown>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PaknEventTable {
  id: Generated<string>;
  paknId: string;
  type: string;
  at: Timestamp;
  actorId: string | null;
  data: Json<Record<string, unknown>>;
}

export interface EvaluationScoreTable {
  centreId: string;
  quarter: string;
  subjectKind: 'centre' | 'unit' | 'officer';
  subject: string;
  indicator: number;
  /** numeric(3,1): the pg driver returns it as a string. */
  selfScore: string | number | null;
  appraisalScore: string | number | null;
  note: string;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export interface OrgUnitTable {
  id: string;
  centreId: string;
  code: string;
  name: string;
  kind: 'centre' | 'commune' | 'department' | 'agency';
  /** The centre whose records in this installation are this unit's (pre-filled figures); null if none. */
  figuresCentreId: string | null;
  active: boolean;
  createdAt: Timestamp;
}

export interface StoredFileTable {
  id: string;
  centreId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  purpose: 'evidence' | 'snapshot' | 'document';
  createdBy: string | null;
  createdAt: Timestamp;
  complete: Generated<boolean>;
}

export interface StoredFileChunkTable {
  fileId: string;
  seq: number;
  content: Uint8Array;
}

export interface DB extends InspectionTables, SelfEvaluationTables, ProcessTables {
  centre: CentreTable;
  field: FieldTable;
  counter: CounterTable;
  counterField: CounterFieldTable;
  priorityGroup: PriorityGroupTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  device: DeviceTable;
  pairingRequest: PairingRequestTable;
  setting: SettingTable;
  numberSequence: NumberSequenceTable;
  ticket: TicketTable;
  eventLog: EventLogTable;
  rating: RatingTable;
  citizen: CitizenTable;
  consent: ConsentTable;
  faceTemplate: FaceTemplateTable;
  faceAudit: FaceAuditTable;
  faceCandidate: FaceCandidateTable;
  faceReuseCheck: FaceReuseCheckTable;
  faceRecognition: FaceRecognitionTable;
  calendarAdjustment: CalendarAdjustmentTable;
  procedure: ProcedureTable;
  procedureVersion: ProcedureVersionTable;
  dossierSequence: DossierSequenceTable;
  catalogueImport: CatalogueImportTable;
  dossier: DossierTable;
  dossierEvent: DossierEventTable;
  dossierRating: DossierRatingTable;
  pakn: PaknTable;
  paknEvent: PaknEventTable;
  evaluationScore: EvaluationScoreTable;
  orgUnit: OrgUnitTable;
  storedFile: StoredFileTable;
  storedFileChunk: StoredFileChunkTable;
}

export type TicketRow = Selectable<TicketTable>;
export type NewTicketRow = Insertable<TicketTable>;
export type TicketUpdate = Updateable<TicketTable>;
export type FieldRow = Selectable<FieldTable>;
export type CounterRow = Selectable<CounterTable>;
export type DeviceRow = Selectable<DeviceTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type EventRow = Selectable<EventLogTable>;
