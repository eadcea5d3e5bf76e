/**
 * Procedure reviews (rà soát TTHC): rounds over chosen procedures, proposals, decisions. Adopting a
 * shortening adds the procedure's next catalogue version with the new committed time, in the same
 * transaction as the decision, so the appointments given from then on, the public list of shortened
 * procedures and its share all follow from the decision. Admins and the centre's managers write;
 * inspectors and unit heads read.
 */
import { processingTimeText } from '../../contracts/dossier-text';
import type { Lang } from '../../contracts/lang';
import {
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  type DecisionInput,
  type ProposalInput,
  type ReviewProcedure,
  type ReviewRoundDetail,
  type ReviewRoundInput,
  type ReviewRoundSummary,
  type ShortenedShare,
} from '../../contracts/procedure-reviews';
import type { ProcessingRule } from '../../core/catalogue/procedure';
import { hasShortenableTime, procedureReduction } from '../../core/catalogue/public-procedure';
import { committedHours } from '../../core/process-documents/process-document';
import { assertClosable, assertReviewOpen, checkProposal, countProposals, decide, fitSteps, shortenRules } from '../../core/procedure-reviews/procedure-review';
import { AppError } from '../../core/shared/app-error';
import { listProceduresWithCurrent, listVersionHeads, type ProcedureListRow } from '../../db/repositories/catalogue.repository';
import type { Executor } from '../../db/repositories/executor';
import {
  findProposalForUpdate,
  findReviewRound,
  insertProposal,
  insertReviewRound,
  listAdoptedShortenings,
  listProposals,
  listReviewRoundRows,
  listRoundProcedureIds,
  setReviewRoundStatus,
  updateProposal,
  type ReviewRoundRecord,
} from '../../db/repositories/procedure-review.repository';
import { addProcedureVersion } from './catalogue';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { assertOversight, unitScope } from './oversight-access';

function assertReviewWriter(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  assertOversight(actor);
  if (actor.role === 'inspector' || unitScope(actor) !== null) throw new AppError('FORBIDDEN');
}

const ENTITY = 'review-round';

/** "3 ngày làm việc (quy định 5)" for the counter channel, or the first channel stated. */
function timeTextOf(rules: ProcessingRule[], lang: Lang): string {
  const rule = rules.find((r) => r.channel === 'direct') ?? rules[0];
  if (!rule) return '';
  const applies = rule.committedAmount ?? rule.amount;
  const text = processingTimeText(applies, rule.unit, null, lang);
  if (rule.committedAmount != null && rule.amount != null && rule.committedAmount !== rule.amount) {
    return `${text} (${lang === 'vi' ? 'quy định' : 'legal'} ${rule.amount})`;
  }
  return text;
}

function reviewProcedureOf(p: ProcedureListRow, lang: Lang): ReviewProcedure {
  return { id: p.id, code: p.code, name: p.version.name, fieldName: p.fieldName, version: p.version.version, timeText: timeTextOf(p.version.rules, lang) };
}

export async function listReviewableProcedures(ctx: ServiceContext, actor: Actor, lang: Lang): Promise<ReviewProcedure[]> {
  assertOversight(actor);
  const rows = await listProceduresWithCurrent(ctx.db, actor.centreId);
  return rows.filter((r) => r.active).map((r) => reviewProcedureOf(r, lang));
}

async function summaries(ex: Executor, rounds: ReviewRoundRecord[]): Promise<ReviewRoundSummary[]> {
  const ids = rounds.map((r) => r.id);
  const [links, proposals] = await Promise.all([listRoundProcedureIds(ex, ids), listProposals(ex, ids)]);
  return rounds.map((r) => {
    const mine = proposals.filter((p) => p.roundId === r.id);
    return {
      id: r.id,
      name: r.name,
      year: r.year,
      decisionRef: r.decisionRef,
      status: r.status,
      procedures: links.filter((l) => l.roundId === r.id).length,
      proposals: mine.length,
      adopted: mine.filter((p) => p.status === 'adopted').length,
      pending: mine.filter((p) => p.status === 'proposed' || p.status === 'deferred').length,
    };
  });
}

export async function listReviewRounds(ctx: ServiceContext, actor: Actor): Promise<ReviewRoundSummary[]> {
  assertOversight(actor);
  return summaries(ctx.db, await listReviewRoundRows(ctx.db, actor.centreId));
}

export async function getReviewRound(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<ReviewRoundDetail> {
  assertOversight(actor);
  const round = await findReviewRound(ctx.db, actor.centreId, id);
  if (!round) throw new AppError('NOT_FOUND', { entity: ENTITY });
  const [summary] = await summaries(ctx.db, [round]);
  const [links, proposals, procedures] = await Promise.all([
    listRoundProcedureIds(ctx.db, [id]),
    listProposals(ctx.db, [id]),
    listProceduresWithCurrent(ctx.db, actor.centreId),
  ]);
  const byId = new Map(procedures.map((p) => [p.id, p]));
  const versionNumbers = new Map<string, number>();
  for (const p of proposals.filter((x) => x.resultVersionId)) {
    const heads = await listVersionHeads(ctx.db, p.procedureId);
    const head = heads.find((h) => h.id === p.resultVersionId);
    if (head) versionNumbers.set(p.resultVersionId!, head.version);
  }
  const counts = countProposals(proposals);
  return {
    ...summary!,
    procedureList: links
      .map((l) => byId.get(l.procedureId))
      .filter((p): p is ProcedureListRow => !!p)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => reviewProcedureOf(p, lang)),
    proposalList: proposals.map((p) => {
      const procedure = byId.get(p.procedureId);
      return {
        id: p.id,
        procedureId: p.procedureId,
        procedureCode: procedure?.code ?? '',
        procedureName: procedure?.version.name ?? '',
        kind: p.kind,
        kindLabel: PROPOSAL_KIND_LABELS[p.kind][lang],
        rationale: p.rationale,
        channel: p.channel,
        newCommittedAmount: p.newCommittedAmount,
        status: p.status,
        statusLabel: PROPOSAL_STATUS_LABELS[p.status][lang],
        decidedOn: p.decidedOn,
        decisionRef: p.decisionRef,
        decisionNote: p.decisionNote,
        decidedByName: p.decidedByName,
        resultVersion: p.resultVersionId ? (versionNumbers.get(p.resultVersionId) ?? null) : null,
        createdAt: p.createdAt.toISOString(),
      };
    }),
    byKind: counts.byKind,
    byStatus: counts.byStatus,
  };
}

export async function createReviewRound(ctx: ServiceContext, actor: Actor, input: ReviewRoundInput, lang: Lang): Promise<ReviewRoundDetail> {
  assertReviewWriter(actor);
  const now = ctx.clock();
  const id = ctx.newId();
  const procedureIds = [...new Set(input.procedureIds)];
  await inTransaction(ctx, async (tx) => {
    const known = new Set((await listProceduresWithCurrent(tx, actor.centreId)).map((p) => p.id));
    const unknown = procedureIds.find((p) => !known.has(p));
    if (unknown) throw new AppError('NOT_FOUND', { entity: 'procedure' });
    await insertReviewRound(
      tx,
      { id, centreId: actor.centreId, name: input.name, year: input.year, decisionRef: input.decisionRef, status: 'open', createdBy: actor.id, createdAt: now, updatedAt: now },
      procedureIds,
    );
  });
  return getReviewRound(ctx, actor, id, lang);
}

export async function addProposal(ctx: ServiceContext, actor: Actor, roundId: string, input: ProposalInput, lang: Lang): Promise<ReviewRoundDetail> {
  assertReviewWriter(actor);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const round = await findReviewRound(tx, actor.centreId, roundId);
    if (!round) throw new AppError('NOT_FOUND', { entity: ENTITY });
    assertReviewOpen(round);
    const inRound = (await listRoundProcedureIds(tx, [roundId])).some((l) => l.procedureId === input.procedureId);
    if (!inRound) throw new AppError('VALIDATION_FAILED', { detail: 'thủ tục không thuộc đợt rà soát này' });
    const procedure = (await listProceduresWithCurrent(tx, actor.centreId)).find((p) => p.id === input.procedureId);
    if (!procedure) throw new AppError('NOT_FOUND', { entity: 'procedure' });
    const checked = checkProposal(
      { kind: input.kind, rationale: input.rationale, channel: input.channel, newCommittedAmount: input.newCommittedAmount },
      procedure.version.rules,
    );
    await insertProposal(tx, {
      id: ctx.newId(),
      roundId,
      procedureId: input.procedureId,
      kind: checked.kind,
      rationale: checked.rationale,
      channel: checked.channel,
      newCommittedAmount: checked.newCommittedAmount,
      status: 'proposed',
      decidedOn: null,
      decisionRef: null,
      decisionNote: null,
      decidedBy: null,
      resultVersionId: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
  });
  return getReviewRound(ctx, actor, roundId, lang);
}

export async function decideProposal(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  proposalId: string,
  input: DecisionInput,
  lang: Lang,
): Promise<ReviewRoundDetail> {
  assertReviewWriter(actor);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const round = await findReviewRound(tx, actor.centreId, roundId);
    if (!round) throw new AppError('NOT_FOUND', { entity: ENTITY });
    assertReviewOpen(round);
    const proposal = await findProposalForUpdate(tx, roundId, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND', { entity: 'review-proposal' });
    const status = decide(proposal.status, input);
    let resultVersionId: string | null = null;
    if (status === 'adopted' && proposal.kind === 'shorten') {
      const version = await addProcedureVersion(ctx, tx, actor, proposal.procedureId, (current) => {
        const rules = shortenRules(current.rules, proposal.channel, proposal.newCommittedAmount!);
        const hours = committedHours(rules);
        return { rules, steps: hours === null ? current.steps : fitSteps(current.steps, hours) };
      });
      resultVersionId = version.id;
    }
    await updateProposal(tx, proposalId, {
      status,
      decidedOn: input.decidedOn,
      decisionRef: input.decisionRef || null,
      decisionNote: input.note || null,
      decidedBy: actor.id,
      resultVersionId,
      updatedAt: now,
    });
  });
  return getReviewRound(ctx, actor, roundId, lang);
}

/** Ends a review round once every proposal has its decision; nothing is proposed or decided in it afterwards. */
export async function closeReviewRound(ctx: ServiceContext, actor: Actor, roundId: string, lang: Lang): Promise<ReviewRoundDetail> {
  assertReviewWriter(actor);
  await inTransaction(ctx, async (tx) => {
    const round = await findReviewRound(tx, actor.centreId, roundId);
    if (!round) throw new AppError('NOT_FOUND', { entity: ENTITY });
    assertReviewOpen(round);
    assertClosable(await listProposals(tx, [roundId]));
    await setReviewRoundStatus(tx, roundId, 'closed', ctx.clock());
  });
  return getReviewRound(ctx, actor, roundId, lang);
}

/**
 * The share of procedures in force with a shortened time, counted the way the public results page counts
 * it (core/catalogue/public-procedure), and how many of them a review decision shortened.
 */
export async function shortenedShare(ctx: ServiceContext, actor: Actor): Promise<ShortenedShare> {
  assertOversight(actor);
  const rows = (await listProceduresWithCurrent(ctx.db, actor.centreId)).filter((r) => r.active && hasShortenableTime(r.version.rules));
  const shortened = rows.filter((r) => procedureReduction(r.version.rules) !== null);
  const decided = new Set((await listAdoptedShortenings(ctx.db, actor.centreId)).map((s) => s.procedureId));
  return {
    procedures: rows.length,
    shortened: shortened.length,
    sharePercent: rows.length === 0 ? null : Math.round((shortened.length / rows.length) * 1000) / 10,
    byDecision: shortened.filter((r) => decided.has(r.id)).length,
  };
}
