/**
 * The life of a complaint or suggestion (phản ánh, kiến nghị), pure: each action takes the PAKN, the
 * command and the time, and returns the new PAKN with its events, or throws an AppError.
 *
 *                    ┌──────────── reject (reason) ────────────┐
 *                    │                                         ▼
 *   received ──assign──▶ assigned ──answer──▶ answered ──publish──▶ published
 *      │  ▲              │   ▲                  ▲
 *      │  └─supply──┐    │   └──── supply ──┐   │ answer (with what the office has)
 *      └─request-info──▶ info-requested ────┴───┘
 *
 * - A manager assigns a PAKN to an officer (or to themself); reassigning is allowed until it is answered.
 * - Asking the citizen for more information pauses the answer clock (see deadlines.ts); the citizen adds
 *   it with the PAKN's code, and the PAKN returns to where it was.
 * - Rejection (with a reason) is possible until there is an answer; "no-information" is the way to close
 *   one whose citizen never added what was asked.
 * - The citizen's verdict (satisfied or not, 766 indicator 5.3) is given once, after the answer.
 */
import type {
  PaknCategory,
  PaknKind,
  PaknRejectReason,
  PaknSource,
  PaknStatus,
  PaknSubjectKind,
} from '../../contracts/pakn';
import { AppError } from '../shared/app-error';
import type { PaknClock } from './deadlines';

export interface PaknPerson {
  id: string;
  name: string;
}

export interface PaknSubject {
  kind: PaknSubjectKind;
  dossierId: string | null;
  dossierCode: string | null;
  counterId: string | null;
  counterNumber: number | null;
  officerId: string | null;
  officerName: string | null;
}

export interface PaknContact {
  name: string;
  phone: string;
  email: string;
}

export interface PaknInfoRequestRecord {
  question: string;
  requestedAt: Date;
  requestedBy: PaknPerson;
  reply: string | null;
  suppliedAt: Date | null;
}

export interface Pakn {
  id: string;
  code: string;
  kind: PaknKind;
  category: PaknCategory;
  subject: PaknSubject;
  content: string;
  anonymous: boolean;
  contact: PaknContact | null;
  source: PaknSource;
  status: PaknStatus;
  assignedTo: PaknPerson | null;
  receivedAt: Date;
  infoRequests: PaknInfoRequestRecord[];
  answer: { text: string; at: Date; by: PaknPerson } | null;
  rejection: { reason: PaknRejectReason; note: string; at: Date; by: PaknPerson } | null;
  publishedAt: Date | null;
  publishedBy: PaknPerson | null;
  citizenSatisfied: boolean | null;
  verdictAt: Date | null;
}

export interface PaknEvent {
  type: `pakn.${string}`;
  at: Date;
  data: Record<string, unknown>;
}

export interface PaknResult {
  pakn: Pakn;
  events: PaknEvent[];
}

export type PaknAction = 'assign' | 'request-info' | 'supply-info' | 'reject' | 'answer' | 'publish' | 'verdict';

const ALLOWED: Record<PaknAction, readonly PaknStatus[]> = {
  assign: ['received', 'assigned', 'info-requested'],
  'request-info': ['received', 'assigned'],
  'supply-info': ['info-requested'],
  reject: ['received', 'assigned', 'info-requested'],
  answer: ['received', 'assigned', 'info-requested'],
  publish: ['answered'],
  verdict: ['answered', 'published'],
};


/** The actions a PAKN in this status allows (the citizen's included). */
export function paknActions(p: Pakn): PaknAction[] {
  return (Object.keys(ALLOWED) as PaknAction[]).filter((a) => ALLOWED[a].includes(p.status) && (a !== 'verdict' || p.citizenSatisfied === null));
}

function assertAllowed(p: Pakn, action: PaknAction): void {
  if (!ALLOWED[action].includes(p.status)) {
    throw new AppError('PAKN_TRANSITION', { paknAction: action, code: p.code, paknStatus: p.status });
  }
}

function invalid(detail: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail });
}

const PHONE = /^(\+84|0)\d{8,10}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
/** Content that says nothing: the same character over and over, or no letters at all. */
const MEANINGFUL = /\p{L}.*\p{L}.*\p{L}/su;

export interface PaknIntake {
  id: string;
  code: string;
  kind: PaknKind;
  category: PaknCategory;
  subject: PaknSubject;
  content: string;
  anonymous: boolean;
  contact: PaknContact | null;
  source: PaknSource;
}

/** Normalises a Vietnamese phone number as people type it: spaces, dots and dashes go. */
export function normalisePhone(phone: string): string {
  return phone.replace(/[\s.()-]/g, '');
}

/**
 * A new PAKN. Anonymous ones carry no contact details at all (even if some were typed before the
 * box was ticked); named ones need a name and a way to reach the person.
 */
export function filePakn(intake: PaknIntake, now: Date): PaknResult {
  const content = intake.content.trim();
  if (content.length < 10 || !MEANINGFUL.test(content)) throw invalid('nội dung phản ánh, kiến nghị cần nêu rõ sự việc (ít nhất 10 ký tự)');
  let contact: PaknContact | null = null;
  if (!intake.anonymous) {
    const name = intake.contact?.name.trim() ?? '';
    const phone = normalisePhone(intake.contact?.phone ?? '');
    const email = (intake.contact?.email ?? '').trim();
    if (name.length < 2) throw invalid('hãy nhập họ tên người gửi, hoặc chọn gửi ẩn danh');
    if (!phone && !email) throw invalid('hãy nhập số điện thoại hoặc thư điện tử để Trung tâm liên hệ, hoặc chọn gửi ẩn danh');
    if (phone && !PHONE.test(phone)) throw invalid(`số điện thoại "${intake.contact?.phone ?? ''}" không hợp lệ (ví dụ 0912345678)`);
    if (email && !EMAIL.test(email)) throw invalid(`thư điện tử "${email}" không hợp lệ`);
    contact = { name, phone, email };
  }
  const pakn: Pakn = {
    id: intake.id,
    code: intake.code,
    kind: intake.kind,
    category: intake.category,
    subject: intake.subject,
    content,
    anonymous: intake.anonymous,
    contact,
    source: intake.source,
    status: 'received',
    assignedTo: null,
    receivedAt: now,
    infoRequests: [],
    answer: null,
    rejection: null,
    publishedAt: null,
    publishedBy: null,
    citizenSatisfied: null,
    verdictAt: null,
  };
  return {
    pakn,
    events: [
      {
        type: 'pakn.received',
        at: now,
        data: { code: intake.code, kind: intake.kind, category: intake.category, subject: intake.subject.kind, source: intake.source, anonymous: intake.anonymous },
      },
    ],
  };
}

export function assignPakn(p: Pakn, assignee: PaknPerson, now: Date): PaknResult {
  assertAllowed(p, 'assign');
  const status: PaknStatus = p.status === 'info-requested' ? 'info-requested' : 'assigned';
  return {
    pakn: { ...p, status, assignedTo: assignee },
    events: [{ type: 'pakn.assigned', at: now, data: { code: p.code, to: assignee.id, toName: assignee.name, previous: p.assignedTo?.id ?? null } }],
  };
}

export function requestPaknInfo(p: Pakn, question: string, by: PaknPerson, now: Date): PaknResult {
  assertAllowed(p, 'request-info');
  const text = question.trim();
  if (text.length < 5) throw invalid('hãy nêu thông tin cần bổ sung');
  return {
    pakn: {
      ...p,
      status: 'info-requested',
      infoRequests: [...p.infoRequests, { question: text, requestedAt: now, requestedBy: by, reply: null, suppliedAt: null }],
    },
    events: [{ type: 'pakn.info-requested', at: now, data: { code: p.code, question: text } }],
  };
}

export function supplyPaknInfo(p: Pakn, reply: string, now: Date): PaknResult {
  assertAllowed(p, 'supply-info');
  const text = reply.trim();
  if (text.length < 2) throw invalid('hãy nhập thông tin bổ sung');
  const requests = p.infoRequests.map((r, i) => (i === p.infoRequests.length - 1 ? { ...r, reply: text, suppliedAt: now } : r));
  return {
    pakn: { ...p, status: p.assignedTo ? 'assigned' : 'received', infoRequests: requests },
    events: [{ type: 'pakn.info-supplied', at: now, data: { code: p.code } }],
  };
}

export function rejectPakn(p: Pakn, reason: PaknRejectReason, note: string, by: PaknPerson, now: Date): PaknResult {
  assertAllowed(p, 'reject');
  const text = note.trim();
  if ((reason === 'other' || reason === 'not-competent' || reason === 'duplicate') && text.length < 3) {
    const need =
      reason === 'not-competent'
        ? 'hãy ghi cơ quan có thẩm quyền để người gửi biết nơi gửi'
        : reason === 'duplicate'
          ? 'hãy ghi mã phản ánh, kiến nghị bị trùng'
          : 'hãy ghi rõ lý do từ chối';
    throw invalid(need);
  }
  if (reason === 'no-information' && p.infoRequests.length === 0) {
    throw invalid('chỉ từ chối vì không bổ sung thông tin sau khi đã yêu cầu bổ sung');
  }
  return {
    pakn: { ...p, status: 'rejected', rejection: { reason, note: text, at: now, by } },
    events: [{ type: 'pakn.rejected', at: now, data: { code: p.code, reason, note: text } }],
  };
}

export function answerPakn(p: Pakn, text: string, by: PaknPerson, now: Date): PaknResult {
  assertAllowed(p, 'answer');
  const answer = text.trim();
  if (answer.length < 10) throw invalid('câu trả lời cần ít nhất 10 ký tự');
  return {
    pakn: { ...p, status: 'answered', answer: { text: answer, at: now, by } },
    events: [{ type: 'pakn.answered', at: now, data: { code: p.code, length: answer.length } }],
  };
}

export function publishPakn(p: Pakn, by: PaknPerson, now: Date): PaknResult {
  assertAllowed(p, 'publish');
  return {
    pakn: { ...p, status: 'published', publishedAt: now, publishedBy: by },
    events: [{ type: 'pakn.published', at: now, data: { code: p.code } }],
  };
}

/** The citizen says whether the handling satisfied them (766 indicator 5.3); once. */
export function recordPaknVerdict(p: Pakn, satisfied: boolean, now: Date): PaknResult {
  assertAllowed(p, 'verdict');
  if (p.citizenSatisfied !== null) throw new AppError('PAKN_VERDICT_GIVEN', { code: p.code });
  return {
    pakn: { ...p, citizenSatisfied: satisfied, verdictAt: now },
    events: [{ type: 'pakn.verdict', at: now, data: { code: p.code, satisfied } }],
  };
}

/** The moments the 766 deadlines are computed from. */
export function paknClockOf(p: Pakn): PaknClock {
  return {
    receivedAt: p.receivedAt,
    infoRequests: p.infoRequests.map((r) => ({ requestedAt: r.requestedAt, suppliedAt: r.suppliedAt })),
    answeredAt: p.answer?.at ?? null,
    rejectedAt: p.rejection?.at ?? null,
    publishedAt: p.publishedAt,
  };
}

/**
 * The code a citizen follows their PAKN with: "PA-" + the local date of receipt (YYMMDD) + eight
 * random base32 characters (40 bits) — never derived from another PAKN. The randomness is passed in.
 */
export function paknCodeOf(receivedOn: string, random: string): string {
  return `PA-${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}${receivedOn.slice(8, 10)}-${random}`;
}
