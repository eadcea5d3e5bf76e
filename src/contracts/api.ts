/**
 * The HTTP API's shapes, shared by the server (validation, serialisation, OpenAPI) and the browser
 * apps (types). One definition per body; routes pair each endpoint with these schemas.
 */
import { z } from 'zod';
import { FACE_MODEL_IDS } from './face';
import { DOSSIER_CODE_FORMAT_IDS } from './dossier-code-formats';
import { FACE_SEARCH_KINDS } from './face';
import { CRITERION_KEY, MAX_CRITERIA, RATING_CRITERIA_PROBLEM_TEXT, RATING_SCALE_PROBLEM_TEXT, ratingScaleProblems } from './rating-scale';

const MAX_NAME = 200;

export const Id = z.uuid();
export const NameText = z.string().trim().min(1).max(MAX_NAME);
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const Roles = ['officer', 'manager', 'admin', 'inspector'] as const;
export const Role = z.enum(Roles);
export const DeviceKinds = ['kiosk', 'display', 'rating', 'printer'] as const;
export const DeviceKind = z.enum(DeviceKinds);
export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'no-show', 'cancelled', 'parked']);
export const CounterState = z.enum(['closed', 'open', 'paused']);
export const NumberingMode = z.enum(['prefix', 'block']);

export const OpeningWindow = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: TimeOfDay,
  until: TimeOfDay,
});
export type OpeningWindow = z.infer<typeof OpeningWindow>;

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------

export const Field = z.object({
  id: Id,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  numberingMode: NumberingMode,
  prefix: z.string().nullable(),
  blockStart: z.number().int().nullable(),
  blockEnd: z.number().int().nullable(),
  dailyCap: z.number().int().nullable(),
  openingHours: z.array(OpeningWindow),
  defaultServiceSeconds: z.number().int(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type Field = z.infer<typeof Field>;

export const FieldInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9_-]{1,16}$/, 'A–Z, 0–9, _ or -, at most 16'),
  nameVi: NameText,
  nameEn: NameText,
  numberingMode: NumberingMode,
  prefix: z.string().trim().regex(/^[A-Z]{1,3}$/).nullable().default(null),
  blockStart: z.number().int().min(1).max(99999).nullable().default(null),
  blockEnd: z.number().int().min(1).max(99999).nullable().default(null),
  dailyCap: z.number().int().min(1).max(99999).nullable().default(null),
  openingHours: z.array(OpeningWindow).max(14).default([]),
  defaultServiceSeconds: z.number().int().min(30).max(4 * 3600).default(600),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
export type FieldInput = z.infer<typeof FieldInput>;

export const CounterFieldLink = z.object({
  fieldId: Id,
  weight: z.number().int().min(1).max(10),
});

export const Counter = z.object({
  id: Id,
  number: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  state: CounterState,
  pauseReason: z.string().nullable(),
  officerId: z.uuid().nullable(),
  officerName: z.string().nullable(),
  fields: z.array(CounterFieldLink),
});
export type Counter = z.infer<typeof Counter>;

export const CounterInput = z.object({
  number: z.number().int().min(1).max(999),
  name: NameText,
  active: z.boolean().default(true),
  fields: z.array(CounterFieldLink).max(100).default([]),
});
export type CounterInput = z.infer<typeof CounterInput>;

export const PriorityGroup = z.object({
  id: Id,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  weight: z.number().int(),
  active: z.boolean(),
});
export type PriorityGroup = z.infer<typeof PriorityGroup>;

export const PriorityGroupInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9_-]{1,16}$/),
  nameVi: NameText,
  nameEn: NameText,
  /** Minutes of waiting a priority ticket is credited with when ranking priority tickets. */
  weight: z.number().int().min(1).max(600),
  active: z.boolean().default(true),
});
export type PriorityGroupInput = z.infer<typeof PriorityGroupInput>;

export const User = z.object({
  id: Id,
  username: z.string(),
  fullName: z.string(),
  role: Role,
  /** The unit the person belongs to; a manager with a unit is its head. */
  unitId: Id.nullable(),
  active: z.boolean(),
  lang: z.enum(['vi', 'en']),
});
export type User = z.infer<typeof User>;

export const UserInput = z.object({
  username: z.string().trim().regex(/^[a-z0-9._-]{3,40}$/, 'a–z, 0–9, . _ -, 3–40'),
  fullName: NameText,
  role: Role,
  /** The unit the person belongs to; left out: none for a new person, unchanged for an existing one. */
  unitId: Id.nullable().optional(),
  active: z.boolean().default(true),
  lang: z.enum(['vi', 'en']).default('vi'),
  password: z.string().min(8).max(200).optional(),
});
export type UserInput = z.infer<typeof UserInput>;

export const RatingOption = z.object({
  value: z.number().int().min(1).max(5),
  labelVi: z.string().min(1).max(60),
  labelEn: z.string().min(1).max(60),
  /** How the option counts in reports on the 3-level national scale. */
  reportsAs: z.enum(['very-satisfied', 'satisfied', 'dissatisfied']),
});
export type RatingOption = z.infer<typeof RatingOption>;

export const Settings = z.object({
  /** At most this many priority calls in a row at one counter before a normal ticket. */
  fairnessQuota: z.number().int().min(1).max(20),
  /** Whether a transferred visit keeps its original place in time in the new queue. */
  transferKeepsArrivalTime: z.boolean(),
  /** Minutes after a no-show during which the ticket can be re-activated. */
  noShowToleranceMinutes: z.number().int().min(0).max(480),
  /** How many times the board speaks a call. */
  announceRepeat: z.number().int().min(1).max(3),
  /** Speech rate for announcements (0.5–2). */
  speechRate: z.number().min(0.5).max(2),
  /** Rating scale shown on the rating screen, best first. */
  ratingScale: z
    .array(RatingOption)
    .min(2)
    .max(5)
    .superRefine((scale, ctx) => {
      // Vietnamese first: the admin reads this message in the settings screen.
      for (const problem of ratingScaleProblems(scale)) ctx.addIssue({ code: 'custom', message: RATING_SCALE_PROBLEM_TEXT[problem].vi });
    }),
  /** Seconds the rating screen waits for a rating after a service ends. */
  ratingTimeoutSeconds: z.number().int().min(10).max(600),
  /** Lines printed at the bottom of the slip. */
  slipFooter: z.array(z.string().max(120)).max(4),
  /** Base URL printed in the slip's QR code, e.g. http://192.168.1.10:3000 (empty: the request's origin). */
  publicBaseUrl: z.string().max(200),
  /** Whether kiosks offer taking a number with the face (consent first, always optional). */
  faceEnabled: z.boolean(),
  /** Whether citizens may ask to be remembered (beyond today). */
  faceRememberEnabled: z.boolean(),
  /**
   * Which recognition model kiosks and counters use: 'auto' is the best one installed on this site
   * (face-reidentification-retail-0095 once `motcua models install` ran, otherwise face-api).
   */
  faceModel: z.enum(['auto', ...FACE_MODEL_IDS]),
  /**
   * An admin's own threshold (cosine a face must reach to count as the same person) for the model
   * named in faceThresholdModel; null: that model's calibrated default. A number set for another
   * model is ignored, so a threshold never outlives the model it was calibrated for.
   */
  faceMatchThreshold: z.number().min(0).max(1).nullable(),
  /** How far the best match must lead the second best (look-alikes score close together); null: the model's default. */
  faceMatchMargin: z.number().min(0).max(1).nullable(),
  /** The model faceMatchThreshold and faceMatchMargin were set for. */
  faceThresholdModel: z.enum(FACE_MODEL_IDS).nullable(),
  /**
   * Recognitions of one remembered citizen per hour at most (every kiosk together): starting over
   * cannot multiply the second-factor attempts.
   */
  faceRecognitionsPerHour: z.number().int().min(1).max(20),
  /** Wrong second-factor answers (phone digits) allowed per recognition before it is dropped. */
  faceSecondFactorAttempts: z.number().int().min(1).max(5),
  /** The receiving agency's code in dossier codes (QCVN 102:2016, e.g. 000.00.16.H26); empty: the centre's code. */
  agencyCode: z
    .string()
    .trim()
    .max(40)
    .regex(/^([A-Z0-9]+(\.[A-Z0-9]+)*)?$/, 'A–Z, 0–9, các phần cách nhau bằng dấu chấm'),
  /** Which dossier code format to issue (see core/dossier/dossier-code.ts). */
  dossierCodeFormat: z.enum(DOSSIER_CODE_FORMAT_IDS),
  /** The agency above the centre, printed at the top left of the forms (e.g. UBND PHƯỜNG HOÀN KIẾM). */
  parentAgencyName: z.string().max(200),
  /** Place name on the forms' date line ("Hà Nội, ngày … tháng … năm …"). */
  formPlaceName: z.string().max(100),
  /**
   * Local policy: an apology letter (Form 04) makes the dossier late in the statistics. Off by default:
   * the 766 formula compares only the end with the original appointment (DOMAIN-VN §9).
   */
  apologyCountsAsLate: z.boolean(),
  /**
   * Optional questions asked with a dossier's rating, on the same scale (the province's own list;
   * default: time, attitude, guidance, result). Keys are stored with each answer: keep a key once
   * ratings use it.
   */
  ratingCriteria: z
    .array(
      z.object({
        key: z.string().max(40).regex(CRITERION_KEY, 'mã tiêu chí chỉ gồm chữ thường a–z và dấu gạch ngang'),
        labelVi: z.string().trim().min(1, 'cần tên tiếng Việt').max(120),
        labelEn: z.string().trim().min(1, 'cần tên tiếng Anh').max(120),
      }),
    )
    .max(MAX_CRITERIA, `tối đa ${MAX_CRITERIA} tiêu chí`)
    .superRefine((criteria, ctx) => {
      if (new Set(criteria.map((c) => c.key)).size !== criteria.length) {
        ctx.addIssue({ code: 'custom', message: RATING_CRITERIA_PROBLEM_TEXT['criterion-key-duplicate'].vi });
      }
    }),
  /**
   * The hall board shows the centre's published results (on-time rate, satisfaction, shortened times)
   * after this many minutes without a call while nobody waits; 0: never.
   */
  resultsSlideQuietMinutes: z.number().int().min(0).max(120),
  /** Whether the results slide may also show while people wait (a quiet hall with every counter busy). */
  resultsSlideWhileWaiting: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const Centre = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  address: z.string().nullable(),
});
export type Centre = z.infer<typeof Centre>;

export const CentreInput = z.object({
  code: z.string().trim().min(1).max(40),
  name: NameText,
  shortName: NameText,
  address: z.string().trim().max(300).nullable(),
});
export type CentreInput = z.infer<typeof CentreInput>;

export const FacePolicyView = z.object({
  model: z.enum(FACE_MODEL_IDS),
  templateLength: z.number().int(),
  threshold: z.number(),
  margin: z.number(),
  /** 'calibrated': the model's default from docs/face-recognition.md; 'admin': set in the settings. */
  thresholdSource: z.enum(['calibrated', 'admin']),
  /** The settings ask for a model that is not installed here: the fallback is in use. */
  requestedModelMissing: z.boolean(),
});
export type FacePolicyView = z.infer<typeof FacePolicyView>;

/** What every screen needs to draw the hall: fields, counters, priority groups, public settings. */
export const CentreInfo = z.object({
  centre: Centre,
  fields: z.array(Field),
  counters: z.array(Counter),
  priorityGroups: z.array(PriorityGroup),
  settings: Settings,
  /** The face decisions in force: the model kiosks and counters must use, and its threshold and margin. */
  facePolicy: FacePolicyView,
  serverTime: z.iso.datetime(),
});
export type CentreInfo = z.infer<typeof CentreInfo>;

// ---------------------------------------------------------------------------------------------
// Tickets
// ---------------------------------------------------------------------------------------------

export const TicketView = z.object({
  id: Id,
  code: z.string(),
  serviceDay: Day,
  displayNumber: z.string(),
  fieldId: Id,
  status: TicketStatus,
  priorityGroupId: z.uuid().nullable(),
  /** A priority ticket (its group's weight counts when ranking). */
  priority: z.boolean(),
  issuedAt: z.iso.datetime(),
  queueSince: z.iso.datetime(),
  counterId: z.uuid().nullable(),
  targetCounterId: z.uuid().nullable(),
  callCount: z.number().int(),
  calledAt: z.iso.datetime().nullable(),
  startedAt: z.iso.datetime().nullable(),
  noShowAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

/** A face template computed in the kiosk's browser (never an image), base64 of float32 little-endian values. */
export const FaceCapture = z.object({
  model: z.string().min(1).max(60),
  template: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64').max(16_384),
  /**
   * How many camera frames were averaged into the template (the kiosk averages 5). Giving a held
   * number back needs a multi-frame template; absent: a single frame.
   */
  frames: z.number().int().min(1).max(30).optional(),
  /**
   * The face was live: at a kiosk, its active check (blink or head turn, plus the flat-picture
   * test) passed; at a counter, the officer sees the citizen in front of them.
   */
  live: z.literal(true),
});
export type FaceCapture = z.infer<typeof FaceCapture>;

export const FaceConsentScope = z.enum(['declined', 'today', 'remember']);

/** Opaque token of one "you already have a number" answer, for the citizen's confirmation. */
export const ReuseToken = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

export const IssueTicketInput = z.object({
  fieldId: Id,
  priorityGroupId: Id.nullable().default(null),
  lang: z.enum(['vi', 'en']).default('vi'),
  /** Taking the number with the face: the consent given and, unless declined, the capture. */
  face: z
    .object({
      consent: FaceConsentScope,
      capture: FaceCapture.optional(),
      /** For "remember me": the last digits of a phone, asked again before anything personal is shown. */
      phoneHint: z.string().regex(/^\d{4}$/, '4 digits').optional(),
      /**
       * The citizen said the number given back was not theirs (the reuseCheck token of that answer):
       * a new number is issued and the false match is recorded.
       */
      notMine: ReuseToken.optional(),
    })
    .optional(),
});
export type IssueTicketInput = z.infer<typeof IssueTicketInput>;

export const PrintOutcome = z.object({
  status: z.enum(['printed', 'failed', 'no-printer']),
  printer: z.string().nullable(),
  message: z.string().nullable(),
});

export const IssuedTicket = z.object({
  ticket: TicketView,
  /** The same person already held an active number for this field: that one is given back. */
  reused: z.boolean(),
  /** Whether a face template was kept for this visit (false when declined). */
  faceStored: z.boolean(),
  /**
   * When a number was given back because the face matched: the kiosk asks the citizen to confirm it
   * is theirs (POST /kiosk/reuse/:token/confirm), or to say it is not (a new POST /tickets with
   * face.notMine = token). Null otherwise.
   */
  reuseCheck: z.object({ token: ReuseToken, expiresAt: z.iso.datetime() }).nullable(),
  fieldName: z.string(),
  counterNumbers: z.array(z.number().int()),
  peopleAhead: z.number().int(),
  estimatedWaitSeconds: z.number().int().nullable(),
  trackUrl: z.string(),
  print: PrintOutcome,
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

/** What the citizen's phone shows at /t/<code>. Nothing personal. */
export const PublicTicket = z.object({
  code: z.string(),
  displayNumber: z.string(),
  fieldId: Id,
  fieldNameVi: z.string(),
  fieldNameEn: z.string(),
  status: TicketStatus,
  priority: z.boolean(),
  peopleAhead: z.number().int(),
  estimatedWaitSeconds: z.number().int().nullable(),
  counterNumber: z.number().int().nullable(),
  issuedAt: z.iso.datetime(),
  calledAt: z.iso.datetime().nullable(),
  serviceDay: Day,
  centreName: z.string(),
});
export type PublicTicket = z.infer<typeof PublicTicket>;

export const TransferInput = z
  .object({
    fieldId: Id.optional(),
    counterId: Id.optional(),
  })
  .refine((v) => v.fieldId !== undefined || v.counterId !== undefined, {
    message: 'fieldId or counterId',
  });
export type TransferInput = z.infer<typeof TransferInput>;

export const CallTicketInput = z.object({ ticketId: Id });

export const PauseInput = z.object({ reason: z.string().trim().min(1).max(200) });

export const CounterWork = z.object({
  counter: Counter,
  current: TicketView.nullable(),
  parked: z.array(TicketView),
  /** Recent no-shows that can still be re-activated. */
  noShows: z.array(TicketView),
  waitingByField: z.record(z.string(), z.number().int()),
  servedToday: z.number().int(),
  /** Whether the ticket in hand was taken with the face (so a counter camera check can compare). */
  currentHasFace: z.boolean(),
});
export type CounterWork = z.infer<typeof CounterWork>;

export const CallNextResult = z.object({
  ticket: TicketView.nullable(),
});

// ---------------------------------------------------------------------------------------------
// Board
// ---------------------------------------------------------------------------------------------

export const BoardCall = z.object({
  eventId: z.string(),
  ticketId: Id,
  displayNumber: z.string(),
  fieldId: Id,
  counterId: Id,
  counterNumber: z.number().int(),
  priority: z.boolean(),
  recall: z.boolean(),
  at: z.iso.datetime(),
  text: z.string(),
  speech: z.string(),
});
export type BoardCall = z.infer<typeof BoardCall>;

export const BoardState = z.object({
  /** Cursor of the newest event included; the live stream continues after it. */
  cursor: z.string(),
  recentCalls: z.array(BoardCall),
  waitingByField: z.record(z.string(), z.number().int()),
  counters: z.array(Counter),
});
export type BoardState = z.infer<typeof BoardState>;

// ---------------------------------------------------------------------------------------------
// Ratings
// ---------------------------------------------------------------------------------------------

export const PendingRating = z.object({
  ticketId: Id,
  serveNo: z.number().int(),
  displayNumber: z.string(),
  officerName: z.string().nullable(),
  counterNumber: z.number().int(),
  finishedAt: z.iso.datetime(),
  scale: z.array(RatingOption),
  expiresAt: z.iso.datetime(),
});
export type PendingRating = z.infer<typeof PendingRating>;

export const RatingInput = z.object({
  ticketId: Id,
  serveNo: z.number().int().min(1).max(100),
  value: z.number().int().min(1).max(5),
});

export const Rating = z.object({
  id: Id,
  ticketId: Id,
  serveNo: z.number().int(),
  value: z.number().int(),
  reportsAs: z.enum(['very-satisfied', 'satisfied', 'dissatisfied']),
  officerId: z.uuid().nullable(),
  counterId: Id,
  at: z.iso.datetime(),
});

// ---------------------------------------------------------------------------------------------
// People and devices
// ---------------------------------------------------------------------------------------------

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});

export const Session = z.object({ user: User });

export const PairingStart = z.object({
  kind: z.enum(['kiosk', 'display', 'rating']),
  name: z.string().trim().max(MAX_NAME).optional(),
});

export const PairingTicket = z.object({
  pairingId: Id,
  code: z.string(),
  secret: z.string(),
  expiresAt: z.iso.datetime(),
});

export const PairingClaim = z.object({ secret: z.string().min(10).max(200) });

export const Device = z.object({
  id: Id,
  kind: DeviceKind,
  name: z.string(),
  counterId: z.uuid().nullable(),
  printerId: z.uuid().nullable(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]).nullable(),
  pairedAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
  revoked: z.boolean(),
});
export type Device = z.infer<typeof Device>;

export const PairingClaimResult = z.object({
  status: z.enum(['pending', 'paired']),
  device: Device.nullable(),
});

export const ConfirmPairingInput = z.object({
  code: z.string().trim().regex(/^\d{6}$/, '6 digits'),
  name: z.string().trim().min(1).max(MAX_NAME).optional(),
  counterId: Id.nullable().optional(),
  printerId: Id.nullable().optional(),
});

export type ConfirmPairingInput = z.infer<typeof ConfirmPairingInput>;

const PrinterHost = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]{1,253}$/, 'host name or IPv4 address');

export const DeviceUpdate = z.object({
  name: z.string().trim().min(1).max(MAX_NAME).optional(),
  counterId: Id.nullable().optional(),
  printerId: Id.nullable().optional(),
  /** Printers only: where and on what paper they print. */
  host: PrinterHost.optional(),
  port: z.number().int().min(1).max(65535).optional(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]).optional(),
});
export type DeviceUpdate = z.infer<typeof DeviceUpdate>;

/** What a manager sees of a screen waiting to be paired, before confirming its code. */
export const PendingPairing = z.object({
  kind: z.enum(['kiosk', 'display', 'rating']),
  name: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type PendingPairing = z.infer<typeof PendingPairing>;

export const PrinterInput = z.object({
  name: NameText,
  host: PrinterHost,
  port: z.number().int().min(1).max(65535).default(9100),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
});
export type PrinterInput = z.infer<typeof PrinterInput>;

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

export const Distribution = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
});

export const QueueKpiRow = z.object({
  key: z.string(),
  label: z.string(),
  issued: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  waitSeconds: Distribution,
  walkSeconds: Distribution,
  serviceSeconds: Distribution,
  ratings: z.object({
    count: z.number().int(),
    verySatisfied: z.number().int(),
    satisfied: z.number().int(),
    dissatisfied: z.number().int(),
    satisfiedPercent: z.number().nullable(),
  }),
});

export const QueueKpis = z.object({
  from: Day,
  to: Day,
  total: QueueKpiRow,
  byField: z.array(QueueKpiRow),
  byCounter: z.array(QueueKpiRow),
  byOfficer: z.array(QueueKpiRow),
  waitPrediction: z.object({
    count: z.number().int(),
    meanAbsoluteErrorSeconds: z.number().nullable(),
  }),
});
export type QueueKpis = z.infer<typeof QueueKpis>;

// ---------------------------------------------------------------------------------------------
// Face data
// ---------------------------------------------------------------------------------------------

/** A recognition model as the manage screen shows it: whether this site has it, and what it holds. */
export const FaceModelStatus = z.object({
  id: z.enum(FACE_MODEL_IDS),
  source: z.enum(['npm', 'installed']),
  available: z.boolean(),
  inUse: z.boolean(),
  templateLength: z.number().int(),
  licence: z.string(),
  /** Templates of this model the centre holds (those of a model not in use are never compared). */
  templates: z.object({ walkIn: z.number().int(), remembered: z.number().int() }),
});
export type FaceModelStatus = z.infer<typeof FaceModelStatus>;

export const FaceRecord = z.object({
  enabled: z.boolean(),
  rememberEnabled: z.boolean(),
  model: z.string(),
  templateLength: z.number().int(),
  matchThreshold: z.number(),
  matchMargin: z.number(),
  secondFactorAttempts: z.number().int(),
  recognitionsPerHour: z.number().int(),
  policy: FacePolicyView,
  /** The model 'auto' stands for on this site now (the preferred one once installed, else the fallback). */
  automaticModel: z.enum(FACE_MODEL_IDS),
  models: z.array(FaceModelStatus),
  /**
   * Numbers given back on a face match in the last 30 days and what citizens answered: "not mine"
   * is a false match measured in the hall (rate = rejected / answered).
   */
  reuseChecksLast30Days: z.object({
    offered: z.number().int(),
    confirmed: z.number().int(),
    rejected: z.number().int(),
    unanswered: z.number().int(),
    falseMatchRate: z.number().nullable(),
  }),
  /** When each kind of template is deleted. */
  retention: z.object({ walkIn: z.literal('end-of-service-day'), remembered: z.literal('until-withdrawn-or-erased') }),
  held: z.array(
    z.object({
      kind: z.enum(['walk-in', 'remembered']),
      count: z.number().int(),
      oldest: z.iso.datetime().nullable(),
      newest: z.iso.datetime().nullable(),
      nextExpiry: z.iso.datetime().nullable(),
    }),
  ),
  consentsLast30Days: z.object({ declined: z.number().int(), today: z.number().int(), remember: z.number().int() }),
  accessLast30Days: z.array(z.object({ action: z.string(), entries: z.number().int(), templates: z.number().int() })),
  /** Every 1:N search, by kind and outcome (`reused`: walk-in searches only), and how many templates they covered. */
  searchesLast30Days: z.array(
    z.object({
      kind: z.enum(FACE_SEARCH_KINDS),
      outcome: z.enum(['match', 'no-match', 'ambiguous']),
      reused: z.boolean().nullable(),
      searches: z.number().int(),
      templates: z.number().int(),
    }),
  ),
  /** Templates are sealed (AES-256-GCM, one key per template); keys kept in files apart from the database, or in memory. */
  keyStore: z.enum(['file', 'memory']),
  /**
   * The sealed snapshot of large galleries' search index on this server (DATA_DIR/face-index): how
   * many templates it holds (0: none kept).
   */
  indexSnapshotTemplates: z.number().int(),
});
export type FaceRecord = z.infer<typeof FaceRecord>;

export const Recognition = z.object({
  /** Opaque; nothing personal until the citizen confirms the second factor. */
  candidate: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});

export const ConfirmRecognitionInput = z.object({ phoneHint: z.string().regex(/^\d{4}$/, '4 digits') });

export const ConfirmedCitizen = z.object({
  /** Results ready for this citizen, and where to collect them. */
  results: z.array(z.object({ dossierCode: z.string(), counterNumber: z.number().int().nullable() })),
});

export const FaceCheckResult = z.object({
  result: z.enum(['match', 'mismatch', 'no-template']),
  score: z.number().nullable(),
});

export const FaceEraseResult = z.object({ remembered: z.number().int(), walkIns: z.number().int() });

/** An admin deletes the templates of a model the centre no longer uses (never the model in use). */
export const RetireFaceModelInput = z.object({ model: z.enum(FACE_MODEL_IDS) });
export type RetireFaceModelInput = z.infer<typeof RetireFaceModelInput>;
export const RetireFaceModelResult = z.object({
  model: z.enum(FACE_MODEL_IDS),
  walkIns: z.number().int(),
  remembered: z.number().int(),
});
export type RetireFaceModelResult = z.infer<typeof RetireFaceModelResult>;

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});

export const Ok = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------------------------
// Dossier ratings (issue 10, part 3): a rating bound to the dossier, asked at the return counter's
// rating screen or later from the QR on Form 01 / the rating slip (code + signed token).
// ---------------------------------------------------------------------------------------------

export const ReportsAsValue = z.enum(['very-satisfied', 'satisfied', 'dissatisfied']);

export const RatingCriterionView = z.object({ key: z.string(), labelVi: z.string(), labelEn: z.string() });

/** What a citizen answers: the overall level, any of the criteria (each optional), a comment. */
export const DossierRatingAnswer = z.object({
  value: z.number().int().min(1).max(5),
  criteria: z
    .array(z.object({ key: z.string().max(40), value: z.number().int().min(1).max(5) }))
    .max(12)
    .default([]),
  comment: z.string().max(1000, 'ý kiến tối đa 1000 ký tự').nullable().default(null),
});
export type DossierRatingAnswer = z.infer<typeof DossierRatingAnswer>;

/** The counter's rating screen rates the dossier it was just asked about. */
export const DeviceDossierRatingInput = DossierRatingAnswer.extend({ dossierId: Id });
export type DeviceDossierRatingInput = z.infer<typeof DeviceDossierRatingInput>;

/** The public page proves it holds the paper with the token printed in its QR code. */
export const PublicDossierRatingInput = DossierRatingAnswer.extend({
  token: z.string().trim().min(1).max(100),
  /** How the citizen came: the QR straight to the rating page, or the lookup page's button. */
  via: z.enum(['qr', 'lookup']).default('qr'),
});
export type PublicDossierRatingInput = z.infer<typeof PublicDossierRatingInput>;

export const DossierRatingView = z.object({
  code: z.string(),
  procedureName: z.string(),
  value: z.number().int(),
  scaleSize: z.number().int(),
  reportsAs: ReportsAsValue,
  criteria: z.array(z.object({ key: z.string(), value: z.number().int(), reportsAs: ReportsAsValue })),
  comment: z.string().nullable(),
  source: z.enum(['counter', 'qr', 'kiosk', 'lookup']),
  at: z.iso.datetime(),
});
export type DossierRatingView = z.infer<typeof DossierRatingView>;

/** A returned dossier the rating screen at the return counter asks about. */
export const PendingDossierRating = z.object({
  dossierId: Id,
  code: z.string(),
  procedureName: z.string(),
  returnedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  scale: z.array(RatingOption),
  criteria: z.array(RatingCriterionView),
});
export type PendingDossierRating = z.infer<typeof PendingDossierRating>;

/** The public rating page: the dossier (nothing personal), whether it can be rated, and the rating once given. */
export const PublicDossierRating = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  returnedAt: z.iso.datetime().nullable(),
  /** Returned and not rated yet. */
  ratable: z.boolean(),
  scale: z.array(RatingOption),
  criteria: z.array(RatingCriterionView),
  rating: DossierRatingView.nullable(),
});
export type PublicDossierRating = z.infer<typeof PublicDossierRating>;

// ---------------------------------------------------------------------------------------------
// Quarterly 9-indicator evaluation (issue 10, part 2; DOMAIN-VN §1.5): computed points per unit,
// officer or the centre, the citizens' answers, the self-score and appraisal columns, totals, grades.
// ---------------------------------------------------------------------------------------------

export const EvaluationBy = z.enum(['unit', 'officer', 'centre']);
export type EvaluationBy = z.infer<typeof EvaluationBy>;
export const QuarterId = z.string().regex(/^\d{4}-Q[1-4]$/, 'quý ghi theo dạng NĂM-Qn, ví dụ 2026-Q4');
export const EvaluationGrade = z.enum(['excellent', 'good', 'fair', 'average', 'weak']);

export const EvaluationQuery = z.object({ quarter: QuarterId, by: EvaluationBy.default('unit') });

export const EvaluationIndicatorCell = z.object({
  indicator: z.number().int(),
  /** Mean computed points over the subject's dossiers (2 decimals); null when none could be scored. */
  computed: z.number().nullable(),
  scored: z.number().int(),
  /** Of the scored dossiers, those completed by the citizen's answer. */
  fromCitizen: z.number().int(),
  selfScore: z.number().nullable(),
  appraisalScore: z.number().nullable(),
  note: z.string(),
});
export type EvaluationIndicatorCell = z.infer<typeof EvaluationIndicatorCell>;

const EvaluationManualTotal = z.object({ total: z.number().nullable(), complete: z.boolean(), grade: EvaluationGrade.nullable(), gradeLabel: z.string().nullable() });

export const EvaluationRow = z.object({
  /** Unit name, officer's user id, or '' for the centre. */
  subject: z.string(),
  label: z.string(),
  dossiers: z.number().int(),
  indicators: z.array(EvaluationIndicatorCell),
  computed: z.object({ total: z.number(), max: z.number(), outOf18: z.number(), grade: EvaluationGrade, gradeLabel: z.string() }).nullable(),
  self: EvaluationManualTotal,
  appraisal: EvaluationManualTotal,
  satisfaction: z.object({
    ratings: z.number().int(),
    dissatisfied: z.number().int(),
    satisfied: z.number().int(),
    verySatisfied: z.number().int(),
    percent: z.object({ dissatisfied: z.number(), satisfied: z.number(), verySatisfied: z.number() }).nullable(),
  }),
  /** The citizens' answers per rating criterion: mean points (2, 1, 0). */
  criteria: z.array(z.object({ key: z.string(), label: z.string(), answers: z.number().int(), average: z.number().nullable() })),
});
export type EvaluationRow = z.infer<typeof EvaluationRow>;

export const EvaluationReport = z.object({
  quarter: QuarterId,
  by: EvaluationBy,
  /** "Quý IV năm 2026" */
  title: z.string(),
  centreName: z.string(),
  from: z.string(),
  to: z.string(),
  /** The instant the quarter was judged at: its end, or now while it runs. */
  asOf: z.iso.datetime(),
  indicators: z.array(z.object({ id: z.number().int(), name: z.string() })),
  rows: z.array(EvaluationRow),
  /** The whole centre. */
  total: EvaluationRow,
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;

export const EvaluationScoresInput = z.object({
  quarter: QuarterId,
  by: EvaluationBy,
  subject: z.string().max(200),
  scores: z
    .array(
      z.object({
        indicator: z.number().int(),
        selfScore: z.number().nullable(),
        appraisalScore: z.number().nullable(),
        note: z.string().max(1000).optional(),
      }),
    )
    .min(1)
    .max(9),
});
export type EvaluationScoresInput = z.infer<typeof EvaluationScoresInput>;

export const EvaluationDossiersQuery = z.object({
  by: EvaluationBy.default('centre'),
  subject: z.string().max(200).default(''),
  indicator: z.coerce.number().int().min(1).max(9).optional(),
});

export const EvaluationDossier = z.object({
  id: z.string(),
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  channel: z.string(),
  receivedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  indicators: z.array(
    z.object({ indicator: z.number().int(), points: z.number().int().nullable(), source: z.enum(['data', 'citizen']).nullable(), reason: z.string(), reasonText: z.string() }),
  ),
  rating: z.object({ reportsAs: z.enum(['very-satisfied', 'satisfied', 'dissatisfied']), comment: z.string().nullable() }).nullable(),
  pakns: z.array(z.object({ code: z.string(), status: z.string() })),
});
export type EvaluationDossier = z.infer<typeof EvaluationDossier>;

export const EvaluationDossierList = z.object({
  quarter: QuarterId,
  by: EvaluationBy,
  subject: z.string(),
  label: z.string(),
  dossiers: z.array(EvaluationDossier),
});
export type EvaluationDossierList = z.infer<typeof EvaluationDossierList>;
