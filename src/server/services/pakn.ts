/**
 * Complaints and suggestions (phản ánh, kiến nghị). Citizens file them without signing in — from the
 * public page, the kiosk's QR or a return slip — and follow them by an unguessable code; managers
 * assign, ask for information, reject, answer and publish within the 766 deadlines (core/pakn).
 *
 * Each command loads the PAKN, applies one domain action, and saves it with its history rows
 * (`pakn_event`: pakn.received, pakn.assigned, pakn.info-requested, pakn.info-supplied, pakn.rejected,
 * pakn.answered, pakn.published, pakn.verdict) in one transaction.
 */
import type { Lang } from '../../contracts/lang';
import {
  PAKN_CATEGORY_LABELS,
  PAKN_DEADLINE_LABELS,
  PAKN_KIND_LABELS,
  PAKN_REJECT_REASON_LABELS,
  PAKN_STATUS_LABELS,
  PAKN_SUBJECT_LABELS,
  type FilePaknInput,
  type PaknActionInput,
  type PaknDetail,
  type PaknFormOptions,
  type PaknListItem,
  type PaknListQuery,
  type PublicPakn,
} from '../../contracts/pakn';
import { paknTimeliness, type PaknTimeliness } from '../../core/pakn/deadlines';
import {
  answerPakn,
  assignPakn,
  filePakn,
  paknActions,
  paknClockOf,
  paknCodeOf,
  publishPakn,
  recordPaknVerdict,
  rejectPakn,
  requestPaknInfo,
  supplyPaknInfo,
  type Pakn,
  type PaknPerson,
  type PaknResult,
  type PaknSubject,
} from '../../core/pakn/pakn';
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import { findDossierByCode } from '../../db/repositories/dossier.repository';
import type { Executor } from '../../db/repositories/executor';
import {
  appendPaknEvents,
  countPaknSince,
  findCounterByNumber,
  findPakn,
  findPaknByCode,
  findRecentSameContent,
  findUserName,
  insertPakn,
  listPakn,
  listPaknAssignees,
  listPaknEvents,
  listPublicOfficers,
  paknCodeTaken,
  savePakn,
} from '../../db/repositories/pakn.repository';
import { findFirstCentre, listCounters } from '../../db/repositories/reference.repository';
import { inTransaction, randomTicketCode, type Actor, type ServiceContext } from './context';
import { loadCalendar } from './working-calendar';

type User = Extract<Actor, { kind: 'user' }>;

const HOUR_MS = 3_600_000;
/** One address may file this many PAKN in a sliding window; a family at one kiosk stays well below. */
export const PAKN_PER_ADDRESS = { max: 10, windowMs: HOUR_MS };
/** Above this many filings an hour for a whole centre, the form pauses: a flood, not citizens. */
const PAKN_PER_CENTRE_HOUR = 300;
/** The same text twice within this time is a double submit. */
const SAME_CONTENT_MS = 24 * HOUR_MS;

const isManager = (actor: User) => actor.role === 'manager' || actor.role === 'admin';

function assertUser(actor: Actor): asserts actor is User {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
}

function assertManagerUser(actor: Actor): asserts actor is User {
  assertUser(actor);
  if (!isManager(actor)) throw new AppError('FORBIDDEN');
}

/** Filings per address, in memory on this instance (a restart forgets, which is harmless). */
class AddressLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  /** Refuses (RATE_LIMITED) when the address has used its filings; otherwise counts one. */
  take(address: string, now: Date): void {
    const since = now.getTime() - this.windowMs;
    const recent = (this.hits.get(address) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.hits.set(address, recent);
      throw new AppError('RATE_LIMITED');
    }
    recent.push(now.getTime());
    this.hits.set(address, recent);
    if (this.hits.size > 10_000) this.hits.clear();
  }
}

const limiters = new WeakMap<ServiceContext, AddressLimiter>();
function limiterOf(ctx: ServiceContext): AddressLimiter {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = new AddressLimiter(PAKN_PER_ADDRESS.max, PAKN_PER_ADDRESS.windowMs);
    limiters.set(ctx, limiter);
  }
  return limiter;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

async function installationCentre(ex: Executor): Promise<{ id: string; name: string }> {
  const centre = await findFirstCentre(ex);
  if (!centre) throw new AppError('NOT_FOUND', { entity: 'centre' });
  return { id: centre.id, name: centre.name };
}

// ---------------------------------------------------------------------------------------------
// Citizens (no sign-in)
// ---------------------------------------------------------------------------------------------

/** What the public form offers to pick from. One installation serves one centre. */
export async function paknFormOptions(ctx: ServiceContext): Promise<PaknFormOptions> {
  const centre = await installationCentre(ctx.db);
  const [counters, officers] = await Promise.all([listCounters(ctx.db, centre.id), listPublicOfficers(ctx.db, centre.id)]);
  return {
    centreName: centre.name,
    counters: counters.filter((c) => c.active).map((c) => ({ number: c.number, name: c.name })),
    officers: officers.map((o) => ({ id: o.id, name: o.fullName })),
  };
}

async function resolveSubject(
  ex: Executor,
  fallbackCentreId: string,
  subject: FilePaknInput['subject'],
): Promise<{ centreId: string; subject: PaknSubject }> {
  const empty: PaknSubject = {
    kind: subject.kind,
    dossierId: null,
    dossierCode: null,
    counterId: null,
    counterNumber: null,
    officerId: null,
    officerName: null,
  };
  switch (subject.kind) {
    case 'dossier': {
      const code = subject.dossierCode ?? '';
      if (!code) throw new AppError('VALIDATION_FAILED', { detail: 'hãy nhập mã hồ sơ (trên Giấy tiếp nhận hoặc phiếu trả kết quả)' });
      const record = await findDossierByCode(ex, code);
      if (!record) throw new AppError('VALIDATION_FAILED', { detail: `không tìm thấy hồ sơ mã "${code}"; hãy kiểm tra lại mã trên Giấy tiếp nhận` });
      return { centreId: record.centreId, subject: { ...empty, dossierId: record.dossier.id, dossierCode: record.dossier.code } };
    }
    case 'counter': {
      if (subject.counterNumber === undefined) throw new AppError('VALIDATION_FAILED', { detail: 'hãy chọn quầy' });
      const counter = await findCounterByNumber(ex, fallbackCentreId, subject.counterNumber);
      if (!counter) throw new AppError('VALIDATION_FAILED', { detail: `không có quầy số ${subject.counterNumber}` });
      return { centreId: fallbackCentreId, subject: { ...empty, counterId: counter.id, counterNumber: counter.number } };
    }
    case 'officer': {
      const officer = subject.officerId ? await findUserName(ex, fallbackCentreId, subject.officerId) : undefined;
      if (!officer || !officer.active) throw new AppError('VALIDATION_FAILED', { detail: 'hãy chọn cán bộ trong danh sách' });
      return { centreId: fallbackCentreId, subject: { ...empty, officerId: officer.id, officerName: officer.fullName } };
    }
    case 'centre':
      return { centreId: fallbackCentreId, subject: empty };
  }
}

/**
 * A citizen files a PAKN. Refused with nothing stored: a filled honeypot, too many filings from the
 * address (or the whole centre), the same text again, an unknown dossier/counter/officer, or content
 * and contact details the domain rejects.
 */
export async function filePublicPakn(ctx: ServiceContext, input: FilePaknInput, address: string): Promise<{ code: string }> {
  if (input.website) throw new AppError('VALIDATION_FAILED', { detail: 'biểu mẫu không hợp lệ, hãy tải lại trang' });
  const now = ctx.clock();
  const centre = await installationCentre(ctx.db);
  const code = await inTransaction(ctx, async (tx) => {
    const { centreId, subject } = await resolveSubject(tx, centre.id, input.subject);
    if ((await countPaknSince(tx, centreId, new Date(now.getTime() - HOUR_MS))) >= PAKN_PER_CENTRE_HOUR) throw new AppError('RATE_LIMITED');
    if (await findRecentSameContent(tx, centreId, input.content.trim(), new Date(now.getTime() - SAME_CONTENT_MS))) {
      throw new AppError('VALIDATION_FAILED', { detail: 'nội dung này đã được gửi; hãy dùng mã phản ánh đã nhận để theo dõi' });
    }
    let code = '';
    for (let attempt = 0; attempt < 5 && !code; attempt += 1) {
      const candidate = paknCodeOf(serviceDayOf(now), randomTicketCode(8));
      if (!(await paknCodeTaken(tx, candidate))) code = candidate;
    }
    if (!code) throw new AppError('DATABASE_BUSY');
    const result = filePakn(
      {
        id: ctx.newId(),
        code,
        kind: input.kind,
        category: input.category,
        subject,
        content: input.content,
        anonymous: input.anonymous,
        contact: input.anonymous || !input.contact ? null : input.contact,
        source: input.source,
      },
      now,
    );
    // Counted only once the filing is valid: a citizen correcting a typo is not flooding.
    limiterOf(ctx).take(address, now);
    await insertPakn(tx, centreId, result.pakn, now);
    await appendPaknEvents(tx, result.pakn.id, null, result.events);
    return code;
  });
  return { code };
}

function deadlinesView(t: PaknTimeliness) {
  const d = t.deadlines;
  return {
    rejectBy: d.rejectBy.toISOString(),
    requestInfoBy: d.requestInfoBy.toISOString(),
    answerBy: iso(d.answerBy),
    publishBy: iso(d.publishBy),
  };
}

function currentView(t: PaknTimeliness, lang: Lang) {
  return t.current ? { kind: t.current.kind, due: t.current.due.toISOString(), label: PAKN_DEADLINE_LABELS[t.current.kind][lang] } : null;
}

function subjectLabel(p: Pakn, lang: Lang): string {
  const s = p.subject;
  const kind = PAKN_SUBJECT_LABELS[s.kind][lang];
  switch (s.kind) {
    case 'dossier':
      return `${kind} ${s.dossierCode ?? ''}`.trim();
    case 'counter':
      return lang === 'vi' ? `Quầy số ${s.counterNumber ?? ''}` : `Counter ${s.counterNumber ?? ''}`;
    case 'officer':
      // The name was picked from the public list of officers; the follow page repeats it to the code's holder.
      return s.officerName ? `${kind}: ${s.officerName}` : kind;
    case 'centre':
      return kind;
  }
}

async function loadByCode(ex: Executor, code: string, forUpdate = false) {
  const record = await findPaknByCode(ex, code, forUpdate);
  if (!record) throw new AppError('PAKN_NOT_FOUND', { code });
  return record;
}

function publicView(p: Pakn, t: PaknTimeliness, lang: Lang): PublicPakn {
  const pending = p.status === 'info-requested' ? p.infoRequests[p.infoRequests.length - 1] : undefined;
  const actions = paknActions(p);
  return {
    code: p.code,
    kind: p.kind,
    kindLabel: PAKN_KIND_LABELS[p.kind][lang],
    category: p.category,
    categoryLabel: PAKN_CATEGORY_LABELS[p.category][lang],
    subjectLabel: subjectLabel(p, lang),
    content: p.content,
    status: p.status,
    statusLabel: PAKN_STATUS_LABELS[p.status][lang],
    receivedAt: p.receivedAt.toISOString(),
    answeredAt: iso(p.answer?.at),
    rejectedAt: iso(p.rejection?.at),
    publishedAt: iso(p.publishedAt),
    deadlines: deadlinesView(t),
    current: currentView(t, lang),
    infoRequest: pending ? { question: pending.question, requestedAt: pending.requestedAt.toISOString() } : null,
    // The answer is addressed to the citizen: they see it as soon as it is given, published or not.
    answer: p.answer ? { text: p.answer.text, at: p.answer.at.toISOString() } : null,
    rejection: p.rejection
      ? { reason: p.rejection.reason, reasonLabel: PAKN_REJECT_REASON_LABELS[p.rejection.reason][lang], note: p.rejection.note, at: p.rejection.at.toISOString() }
      : null,
    canAddInfo: actions.includes('supply-info'),
    canGiveVerdict: actions.includes('verdict'),
    citizenSatisfied: p.citizenSatisfied,
  };
}

/** Following a PAKN by its code: its own status, dates, deadlines and answer — nothing else. */
export async function getPublicPakn(ctx: ServiceContext, code: string, lang: Lang): Promise<PublicPakn> {
  const { pakn } = await loadByCode(ctx.db, code);
  const calendar = await loadCalendar(ctx.db);
  return publicView(pakn, paknTimeliness(paknClockOf(pakn), ctx.clock(), calendar.deadlines), lang);
}

async function actByCode(ctx: ServiceContext, code: string, act: (p: Pakn, now: Date) => PaknResult): Promise<void> {
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const { pakn } = await loadByCode(tx, code, true);
    const result = act(pakn, now);
    await savePakn(tx, result.pakn, now);
    await appendPaknEvents(tx, pakn.id, null, result.events);
  });
}

/** The citizen adds the information the centre asked for; the answer clock runs again. */
export async function supplyPaknInfoByCode(ctx: ServiceContext, code: string, text: string, website: string | undefined, lang: Lang): Promise<PublicPakn> {
  if (website) throw new AppError('VALIDATION_FAILED', { detail: 'biểu mẫu không hợp lệ, hãy tải lại trang' });
  await actByCode(ctx, code, (p, now) => supplyPaknInfo(p, text, now));
  return getPublicPakn(ctx, code, lang);
}

/** Satisfied with the handling or not (766 indicator 5.3), once, after the answer. */
export async function recordPaknVerdictByCode(ctx: ServiceContext, code: string, satisfied: boolean, lang: Lang): Promise<PublicPakn> {
  await actByCode(ctx, code, (p, now) => recordPaknVerdict(p, satisfied, now));
  return getPublicPakn(ctx, code, lang);
}

// ---------------------------------------------------------------------------------------------
// Managers and the officers PAKN are assigned to
// ---------------------------------------------------------------------------------------------

function listItemOf(p: Pakn, t: PaknTimeliness, lang: Lang): PaknListItem {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    category: p.category,
    categoryLabel: PAKN_CATEGORY_LABELS[p.category][lang],
    subjectLabel: subjectLabel(p, lang),
    excerpt: p.content.length > 140 ? `${p.content.slice(0, 139)}…` : p.content,
    status: p.status,
    statusLabel: PAKN_STATUS_LABELS[p.status][lang],
    source: p.source,
    assignedToName: p.assignedTo?.name ?? null,
    receivedAt: p.receivedAt.toISOString(),
    current: currentView(t, lang),
    overdue: t.overdue,
    paused: t.paused,
    onTime: t.onTime,
    citizenSatisfied: p.citizenSatisfied,
  };
}

const OPEN: Pakn['status'][] = ['received', 'assigned', 'info-requested', 'answered'];

export async function listPaknItems(ctx: ServiceContext, actor: Actor, query: PaknListQuery, lang: Lang): Promise<PaknListItem[]> {
  assertUser(actor);
  const statuses = query.status === 'all' ? undefined : query.status === 'open' ? OPEN : [query.status];
  const rows = await listPakn(ctx.db, actor.centreId, {
    ...(statuses ? { statuses } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.from ? { receivedFrom: startOfServiceDay(query.from) } : {}),
    ...(query.to ? { receivedBefore: new Date(startOfServiceDay(query.to).getTime() + 86_400_000) } : {}),
    // Officers see the PAKN assigned to them; managers see all.
    ...(isManager(actor) ? {} : { assignedTo: actor.id }),
    limit: query.overdue ? 5000 : query.limit,
  });
  const calendar = await loadCalendar(ctx.db);
  const now = ctx.clock();
  let items = rows.map((p) => listItemOf(p, paknTimeliness(paknClockOf(p), now, calendar.deadlines), lang));
  if (query.overdue) items = items.filter((i) => i.overdue === (query.overdue === '1')).slice(0, query.limit);
  // Overdue first, then the nearest deadline, then the newest.
  return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.current?.due ?? '~').localeCompare(b.current?.due ?? '~') || b.receivedAt.localeCompare(a.receivedAt));
}

async function loadForUser(ex: Executor, actor: User, id: string, forUpdate = false): Promise<Pakn> {
  const record = await findPakn(ex, actor.centreId, id, forUpdate);
  if (!record || (!isManager(actor) && record.pakn.assignedTo?.id !== actor.id)) throw new AppError('NOT_FOUND', { entity: 'pakn' });
  return record.pakn;
}

export async function getPaknDetail(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<PaknDetail> {
  assertUser(actor);
  const pakn = await loadForUser(ctx.db, actor, id);
  const [calendar, events] = await Promise.all([loadCalendar(ctx.db), listPaknEvents(ctx.db, id)]);
  const t = paknTimeliness(paknClockOf(pakn), ctx.clock(), calendar.deadlines);
  const allowed = paknActions(pakn);
  const mine = pakn.assignedTo?.id === actor.id;
  const actions = (['assign', 'request-info', 'reject', 'answer', 'publish'] as const).filter(
    (a) => allowed.includes(a) && (isManager(actor) || (mine && (a === 'request-info' || a === 'answer'))),
  );
  return {
    ...listItemOf(pakn, t, lang),
    content: pakn.content,
    anonymous: pakn.anonymous,
    contact: pakn.contact,
    subject: {
      kind: pakn.subject.kind,
      dossierId: pakn.subject.dossierId,
      dossierCode: pakn.subject.dossierCode,
      counterNumber: pakn.subject.counterNumber,
      officerId: pakn.subject.officerId,
      officerName: pakn.subject.officerName,
    },
    assignedTo: pakn.assignedTo?.id ?? null,
    deadlines: deadlinesView(t),
    missed: t.missed,
    infoRequests: pakn.infoRequests.map((r) => ({
      question: r.question,
      requestedAt: r.requestedAt.toISOString(),
      requestedByName: r.requestedBy.name,
      reply: r.reply,
      suppliedAt: iso(r.suppliedAt),
    })),
    answer: pakn.answer ? { text: pakn.answer.text, at: pakn.answer.at.toISOString(), byName: pakn.answer.by.name } : null,
    rejection: pakn.rejection
      ? {
          reason: pakn.rejection.reason,
          reasonLabel: PAKN_REJECT_REASON_LABELS[pakn.rejection.reason][lang],
          note: pakn.rejection.note,
          at: pakn.rejection.at.toISOString(),
          byName: pakn.rejection.by.name,
        }
      : null,
    answeredAt: iso(pakn.answer?.at),
    rejectedAt: iso(pakn.rejection?.at),
    publishedAt: iso(pakn.publishedAt),
    actions,
    history: events.map((e) => ({ type: e.type, at: new Date(e.at).toISOString(), actorName: e.actorName, data: e.data as Record<string, unknown> })),
  };
}

/**
 * One action by a manager, or by the officer the PAKN is assigned to (who may ask for information and
 * answer; assigning, rejecting and publishing stay with managers).
 */
export async function actOnPakn(ctx: ServiceContext, actor: Actor, id: string, input: PaknActionInput, lang: Lang): Promise<PaknDetail> {
  assertUser(actor);
  const now = ctx.clock();
  const me: PaknPerson = { id: actor.id, name: actor.name };
  await inTransaction(ctx, async (tx) => {
    const pakn = await loadForUser(tx, actor, id, true);
    if (!isManager(actor) && input.action !== 'request-info' && input.action !== 'answer') throw new AppError('FORBIDDEN');
    let result: PaknResult;
    switch (input.action) {
      case 'assign': {
        const user = await findUserName(tx, actor.centreId, input.userId);
        if (!user || !user.active) throw new AppError('NOT_FOUND', { entity: 'user' });
        result = assignPakn(pakn, { id: user.id, name: user.fullName }, now);
        break;
      }
      case 'request-info':
        result = requestPaknInfo(pakn, input.question, me, now);
        break;
      case 'reject':
        result = rejectPakn(pakn, input.reason, input.note, me, now);
        break;
      case 'answer':
        result = answerPakn(pakn, input.text, me, now);
        break;
      case 'publish':
        result = publishPakn(pakn, me, now);
        break;
    }
    await savePakn(tx, result.pakn, now);
    await appendPaknEvents(tx, id, actor.id, result.events);
  });
  return getPaknDetail(ctx, actor, id, lang);
}

/** The people a manager may assign a PAKN to. */
export async function paknAssignees(ctx: ServiceContext, actor: Actor): Promise<{ id: string; name: string; role: string }[]> {
  assertManagerUser(actor);
  const users = await listPaknAssignees(ctx.db, actor.centreId);
  return users.map((u) => ({ id: u.id, name: u.fullName, role: u.role }));
}
