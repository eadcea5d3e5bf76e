/**
 * ISO process documents (/manage/process-documents…) and procedure reviews (/manage/procedure-reviews…).
 * Managers, admins and inspectors read; the services decide who writes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateProcessDocumentInput,
  IssueProcessInput,
  ProcessChecklist,
  ProcessDocumentDetail,
  ProcessDocumentSummary,
  ReviseProcessInput,
  UpdateDraftInput,
} from '../../contracts/process-documents';
import {
  DecisionInput,
  ProposalInput,
  ReviewProcedure,
  ReviewRoundDetail,
  ReviewRoundInput,
  ReviewRoundSummary,
  ShortenedShare,
} from '../../contracts/procedure-reviews';
import { requestLang } from '../http/errors';
import {
  addProposal,
  createReviewRound,
  closeReviewRound,
  decideProposal,
  getReviewRound,
  listReviewableProcedures,
  listReviewRounds,
  shortenedShare,
} from '../services/procedure-reviews';
import {
  createProcessDocument,
  discardProcessDraft,
  getProcessChecklist,
  getProcessDocument,
  issueProcessDocument,
  listProcessDocumentSummaries,
  renderProcessIssue,
  reviseProcessDocument,
  updateProcessDraft,
} from '../services/process-documents';
import { actorOf, guard, OVERSIGHT } from './guard';
import { errors, IdParams } from './schemas';

const IssueParams = z.object({ id: z.uuid(), issueId: z.uuid() });
const ProposalParams = z.object({ id: z.uuid(), proposalId: z.uuid() });

export async function processDocumentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.deps.ctx;

  // --- process documents --------------------------------------------------------------------------
  app.get(
    '/manage/process-documents',
    { preHandler: guard(OVERSIGHT), schema: { response: { 200: z.array(ProcessDocumentSummary), ...errors } } },
    async (request) => listProcessDocumentSummaries(ctx(), actorOf(request)),
  );

  app.post(
    '/manage/process-documents',
    { preHandler: guard(OVERSIGHT), schema: { body: CreateProcessDocumentInput, response: { 201: ProcessDocumentDetail, ...errors } } },
    async (request, reply) => reply.status(201).send(await createProcessDocument(ctx(), actorOf(request), request.body, requestLang(request))),
  );

  app.get(
    '/manage/process-documents/:id',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: ProcessDocumentDetail, ...errors } } },
    async (request) => getProcessDocument(ctx(), actorOf(request), request.params.id, requestLang(request)),
  );

  app.put(
    '/manage/process-documents/:id/draft',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, body: UpdateDraftInput, response: { 200: ProcessDocumentDetail, ...errors } } },
    async (request) => updateProcessDraft(ctx(), actorOf(request), request.params.id, request.body, requestLang(request)),
  );

  app.delete(
    '/manage/process-documents/:id/draft',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: ProcessDocumentDetail, ...errors } } },
    async (request) => discardProcessDraft(ctx(), actorOf(request), request.params.id, requestLang(request)),
  );

  app.post(
    '/manage/process-documents/:id/issue',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, body: IssueProcessInput, response: { 200: ProcessDocumentDetail, ...errors } } },
    async (request) => issueProcessDocument(ctx(), actorOf(request), request.params.id, request.body, requestLang(request)),
  );

  app.post(
    '/manage/process-documents/:id/revise',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, body: ReviseProcessInput, response: { 200: ProcessDocumentDetail, ...errors } } },
    async (request) => reviseProcessDocument(ctx(), actorOf(request), request.params.id, request.body, requestLang(request)),
  );

  app.get(
    '/manage/process-documents/:id/checklist',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: ProcessChecklist, ...errors } } },
    async (request) => getProcessChecklist(ctx(), actorOf(request), request.params.id),
  );

  // The print view opens in the browser; ?format=doc downloads the same page for Word.
  app.get(
    '/manage/process-documents/:id/issues/:issueId/print',
    { preHandler: guard(OVERSIGHT), schema: { params: IssueParams, querystring: z.object({ format: z.enum(['html', 'doc']).default('html'), print: z.string().optional() }) } },
    async (request, reply) => {
      const forWord = request.query.format === 'doc';
      const { html, fileName } = await renderProcessIssue(ctx(), actorOf(request), request.params.id, request.params.issueId, forWord);
      reply.header('cache-control', 'no-store');
      if (forWord) {
        return reply.type('application/msword').header('content-disposition', `attachment; filename="${fileName}"`).send(`\ufeff${html}`);
      }
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  // --- procedure reviews --------------------------------------------------------------------------
  app.get(
    '/manage/procedure-reviews',
    { preHandler: guard(OVERSIGHT), schema: { response: { 200: z.array(ReviewRoundSummary), ...errors } } },
    async (request) => listReviewRounds(ctx(), actorOf(request)),
  );

  app.get(
    '/manage/procedure-reviews/procedures',
    { preHandler: guard(OVERSIGHT), schema: { response: { 200: z.array(ReviewProcedure), ...errors } } },
    async (request) => listReviewableProcedures(ctx(), actorOf(request), requestLang(request)),
  );

  app.get(
    '/manage/procedure-reviews/shortened-share',
    { preHandler: guard(OVERSIGHT), schema: { response: { 200: ShortenedShare, ...errors } } },
    async (request) => shortenedShare(ctx(), actorOf(request)),
  );

  app.post(
    '/manage/procedure-reviews',
    { preHandler: guard(OVERSIGHT), schema: { body: ReviewRoundInput, response: { 201: ReviewRoundDetail, ...errors } } },
    async (request, reply) => reply.status(201).send(await createReviewRound(ctx(), actorOf(request), request.body, requestLang(request))),
  );

  app.get(
    '/manage/procedure-reviews/:id',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: ReviewRoundDetail, ...errors } } },
    async (request) => getReviewRound(ctx(), actorOf(request), request.params.id, requestLang(request)),
  );

  app.post(
    '/manage/procedure-reviews/:id/proposals',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, body: ProposalInput, response: { 201: ReviewRoundDetail, ...errors } } },
    async (request, reply) => reply.status(201).send(await addProposal(ctx(), actorOf(request), request.params.id, request.body, requestLang(request))),
  );

  app.post(
    '/manage/procedure-reviews/:id/proposals/:proposalId/decision',
    { preHandler: guard(OVERSIGHT), schema: { params: ProposalParams, body: DecisionInput, response: { 200: ReviewRoundDetail, ...errors } } },
    async (request) => decideProposal(ctx(), actorOf(request), request.params.id, request.params.proposalId, request.body, requestLang(request)),
  );

  app.post(
    '/manage/procedure-reviews/:id/close',
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: ReviewRoundDetail, ...errors } } },
    async (request) => closeReviewRound(ctx(), actorOf(request), request.params.id, requestLang(request)),
  );
}
