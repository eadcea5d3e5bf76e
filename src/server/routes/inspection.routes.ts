/**
 * Administrative-reform inspection (/manage/inspection…): plans, rounds, verdicts, findings, frozen
 * evidence, corrective actions, the minutes and the year summary. Who may do what is decided in the
 * services (core/inspection/access.ts); the guard only admits the oversight roles.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { StoredFileMeta } from '../../contracts/files';
import {
  ActionListQuery,
  ActionUpdateInput,
  ActionView,
  ConcludeInput,
  FindingInput,
  InspectionOptions,
  NewActionInput,
  PlanDetail,
  PlanInput,
  PlanListItem,
  RoundDetail,
  RoundInput,
  SnapshotInput,
  VerdictInput,
} from '../../contracts/inspection';
import { requestLang } from '../http/errors';
import { takeEvidenceSnapshot } from '../services/evidence-snapshots';
import { getCorrectiveAction, listCorrectiveActions, updateCorrectiveAction } from '../services/inspection-actions';
import { minutesDocument, yearSummaryDocument, type RenderedDocument } from '../services/inspection-documents';
import { createInspectionPlan, getInspectionPlan, inspectionOptions, listInspectionPlans, updateInspectionPlan } from '../services/inspection-plans';
import { addCorrectiveAction, addFinding, concludeRound, createInspectionRound, getInspectionRound, recordVerdict } from '../services/inspection-rounds';
import { contentDisposition } from './files.routes';
import { actorOf, guard, OVERSIGHT } from './guard';
import { errors, IdParams } from './schemas';

const BASE = '/manage/inspection';
const DocumentQuery = z.object({ format: z.enum(['html', 'doc', 'xlsx']).default('html') });

function sendDocument(reply: FastifyReply, doc: RenderedDocument) {
  reply.header('cache-control', 'no-store').type(doc.mediaType);
  // The page to print opens in the browser; Word and Excel files download.
  if (!doc.mediaType.startsWith('text/html')) reply.header('content-disposition', contentDisposition(doc.filename));
  return reply.send(doc.bytes);
}

export async function inspectionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pre = { preHandler: guard(OVERSIGHT) };
  const ctx = () => app.deps.ctx;

  app.get(`${BASE}/options`, { ...pre, schema: { response: { 200: InspectionOptions, ...errors } } }, async (request) => inspectionOptions(ctx(), actorOf(request)));

  // --- plans ---------------------------------------------------------------------------------
  app.get(
    `${BASE}/plans`,
    { ...pre, schema: { querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: z.array(PlanListItem), ...errors } } },
    async (request) => listInspectionPlans(ctx(), actorOf(request), request.query),
  );
  app.post(`${BASE}/plans`, { ...pre, schema: { body: PlanInput, response: { 201: PlanDetail, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await createInspectionPlan(ctx(), actorOf(request), request.body, requestLang(request))),
  );
  app.get(`${BASE}/plans/:id`, { ...pre, schema: { params: IdParams, response: { 200: PlanDetail, ...errors } } }, async (request) =>
    getInspectionPlan(ctx(), actorOf(request), request.params.id, requestLang(request)),
  );
  app.put(`${BASE}/plans/:id`, { ...pre, schema: { params: IdParams, body: PlanInput, response: { 200: PlanDetail, ...errors } } }, async (request) =>
    updateInspectionPlan(ctx(), actorOf(request), request.params.id, request.body, requestLang(request)),
  );
  app.post(`${BASE}/plans/:id/rounds`, { ...pre, schema: { params: IdParams, body: RoundInput, response: { 201: RoundDetail, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await createInspectionRound(ctx(), actorOf(request), request.params.id, request.body, requestLang(request))),
  );
  app.get(`${BASE}/summary`, { ...pre, schema: { querystring: DocumentQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) }) } }, async (request, reply) =>
    sendDocument(reply, await yearSummaryDocument(ctx(), actorOf(request), request.query.year, request.query.format)),
  );

  // --- rounds --------------------------------------------------------------------------------
  app.get(`${BASE}/rounds/:id`, { ...pre, schema: { params: IdParams, response: { 200: RoundDetail, ...errors } } }, async (request) =>
    getInspectionRound(ctx(), actorOf(request), request.params.id, requestLang(request)),
  );
  app.put(`${BASE}/rounds/:id/verdicts`, { ...pre, schema: { params: IdParams, body: VerdictInput, response: { 200: RoundDetail, ...errors } } }, async (request) =>
    recordVerdict(ctx(), actorOf(request), request.params.id, request.body, requestLang(request)),
  );
  app.post(`${BASE}/rounds/:id/findings`, { ...pre, schema: { params: IdParams, body: FindingInput, response: { 201: RoundDetail, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await addFinding(ctx(), actorOf(request), request.params.id, request.body, requestLang(request))),
  );
  app.post(
    `${BASE}/rounds/:id/findings/:findingId/actions`,
    { ...pre, schema: { params: IdParams.extend({ findingId: z.uuid() }), body: NewActionInput, response: { 201: RoundDetail, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await addCorrectiveAction(ctx(), actorOf(request), request.params.id, request.params.findingId, request.body, requestLang(request))),
  );
  app.post(`${BASE}/rounds/:id/snapshots`, { ...pre, schema: { params: IdParams, body: SnapshotInput, response: { 201: StoredFileMeta, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await takeEvidenceSnapshot(ctx(), actorOf(request), request.params.id, request.body)),
  );
  app.post(`${BASE}/rounds/:id/conclude`, { ...pre, schema: { params: IdParams, body: ConcludeInput, response: { 200: RoundDetail, ...errors } } }, async (request) =>
    concludeRound(ctx(), actorOf(request), request.params.id, request.body.conclusion, requestLang(request)),
  );
  app.get(`${BASE}/rounds/:id/minutes`, { ...pre, schema: { params: IdParams, querystring: DocumentQuery } }, async (request, reply) =>
    sendDocument(reply, await minutesDocument(ctx(), actorOf(request), request.params.id, request.query.format)),
  );

  // --- corrective actions --------------------------------------------------------------------
  app.get(`${BASE}/actions`, { ...pre, schema: { querystring: ActionListQuery, response: { 200: z.array(ActionView), ...errors } } }, async (request) =>
    listCorrectiveActions(ctx(), actorOf(request), request.query, requestLang(request)),
  );
  app.get(`${BASE}/actions/:id`, { ...pre, schema: { params: IdParams, response: { 200: ActionView, ...errors } } }, async (request) =>
    getCorrectiveAction(ctx(), actorOf(request), request.params.id, requestLang(request)),
  );
  app.post(`${BASE}/actions/:id`, { ...pre, schema: { params: IdParams, body: ActionUpdateInput, response: { 200: ActionView, ...errors } } }, async (request) =>
    updateCorrectiveAction(ctx(), actorOf(request), request.params.id, request.body, requestLang(request)),
  );
}
