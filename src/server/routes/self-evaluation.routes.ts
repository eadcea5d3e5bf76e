/**
 * Unit self-evaluation and appraisal (/manage/self-evaluation…) and reform reports
 * (/manage/reform-reports…), for the oversight roles; each service decides what a role may see.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppraisalInput,
  FigureKey,
  CreateFrameInput,
  Evaluation,
  EvaluationListItem,
  Frame,
  FrameImportInput,
  FrameInput,
  FrameStatusInput,
  FrameSummary,
  Ranking,
  SelfScoreInput,
  YearOverYear,
} from '../../contracts/self-evaluation';
import { CreateReportScheduleInput, ReformReport, ReportRollup, ReportSubmission, SubmissionInput } from '../../contracts/reform-reports';
import { EXAMPLE_FRAME } from '../../core/self-evaluation/default-frame';
import {
  createEvaluationFrame,
  exportEvaluationFrameXlsx,
  getEvaluationFrame,
  importEvaluationFrame,
  listEvaluationFrames,
  setEvaluationFrameStatus,
  updateEvaluationFrame,
} from '../services/self-evaluation-frames';
import {
  appraiseEvaluation,
  evaluationFigureRecords,
  getEvaluation,
  listEvaluations,
  rankingOfYear,
  returnSelfEvaluation,
  saveSelfEvaluation,
  unitYearOverYear,
} from '../services/self-evaluation';
import {
  createReportSchedule,
  getReformReport,
  getReportSubmission,
  listReformReports,
  reportFigureRecords,
  saveReportSubmission,
} from '../services/reform-reports';
import { reportRollup, rollupHtml, rollupXlsx } from '../services/reform-report-rollup';
import { printEvaluation, rankingXlsx } from '../services/self-evaluation-print';
import { actorOf, guard, OVERSIGHT } from './guard';
import { errors, IdParams } from './schemas';

const UnitParams = z.object({ id: z.uuid(), unitId: z.uuid() });
const FigureParams = UnitParams.extend({ key: FigureKey });
const html = 'text/html; charset=utf-8';
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function selfEvaluationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.deps.ctx;
  const base = '/manage/self-evaluation';

  // --- frames ----------------------------------------------------------------------------------
  app.get(`${base}/frames`, { preHandler: guard(OVERSIGHT), schema: { response: { 200: z.array(FrameSummary), ...errors } } }, async (request) =>
    listEvaluationFrames(ctx(), actorOf(request)),
  );

  app.get(`${base}/example-frame`, { preHandler: guard(OVERSIGHT), schema: { response: { 200: FrameInput, ...errors } } }, async (_request, reply) =>
    reply.header('content-disposition', 'attachment; filename="bo-tieu-chi-mau.json"').send(EXAMPLE_FRAME),
  );

  app.post(
    `${base}/frames`,
    { preHandler: guard(OVERSIGHT), schema: { body: CreateFrameInput, response: { 201: Frame, ...errors } } },
    async (request, reply) => reply.status(201).send(await createEvaluationFrame(ctx(), actorOf(request), request.body)),
  );

  app.get(`${base}/frames/:id`, { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: Frame, ...errors } } }, async (request) =>
    getEvaluationFrame(ctx(), actorOf(request), request.params.id),
  );

  app.put(
    `${base}/frames/:id`,
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, body: FrameInput, response: { 200: Frame, ...errors } } },
    async (request) => updateEvaluationFrame(ctx(), actorOf(request), request.params.id, request.body),
  );

  app.post(
    `${base}/frames/:id/status`,
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, body: FrameStatusInput, response: { 200: Frame, ...errors } } },
    async (request) => setEvaluationFrameStatus(ctx(), actorOf(request), request.params.id, request.body.status),
  );

  app.post(
    `${base}/frames/:id/import`,
    { preHandler: guard(OVERSIGHT), bodyLimit: 16 * 1024 * 1024, schema: { params: IdParams, body: FrameImportInput, response: { 200: Frame, ...errors } } },
    async (request) => importEvaluationFrame(ctx(), actorOf(request), request.params.id, request.body),
  );

  app.get(`${base}/frames/:id/export.xlsx`, { preHandler: guard(OVERSIGHT), schema: { params: IdParams } }, async (request, reply) => {
    const { file, filename } = await exportEvaluationFrameXlsx(ctx(), actorOf(request), request.params.id);
    return reply.type(xlsxType).header('content-disposition', `attachment; filename="${filename}"`).send(file);
  });

  // --- evaluations -----------------------------------------------------------------------------
  app.get(
    `${base}/frames/:id/units`,
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: z.array(EvaluationListItem), ...errors } } },
    async (request) => listEvaluations(ctx(), actorOf(request), request.params.id),
  );

  app.get(
    `${base}/frames/:id/units/:unitId`,
    { preHandler: guard(OVERSIGHT), schema: { params: UnitParams, response: { 200: Evaluation, ...errors } } },
    async (request) => getEvaluation(ctx(), actorOf(request), request.params.id, request.params.unitId),
  );

  app.put(
    `${base}/frames/:id/units/:unitId`,
    {
      preHandler: guard(OVERSIGHT),
      schema: { params: UnitParams, body: SelfScoreInput.extend({ submit: z.boolean().default(false) }), response: { 200: Evaluation, ...errors } },
    },
    async (request) => saveSelfEvaluation(ctx(), actorOf(request), request.params.id, request.params.unitId, request.body),
  );

  app.post(
    `${base}/frames/:id/units/:unitId/appraisal`,
    { preHandler: guard(OVERSIGHT), schema: { params: UnitParams, body: AppraisalInput, response: { 200: Evaluation, ...errors } } },
    async (request) => appraiseEvaluation(ctx(), actorOf(request), request.params.id, request.params.unitId, request.body),
  );

  app.post(
    `${base}/frames/:id/units/:unitId/return`,
    { preHandler: guard(OVERSIGHT), schema: { params: UnitParams, response: { 200: Evaluation, ...errors } } },
    async (request) => returnSelfEvaluation(ctx(), actorOf(request), request.params.id, request.params.unitId),
  );

  app.get(`${base}/frames/:id/units/:unitId/figures/:key`, { preHandler: guard(OVERSIGHT), schema: { params: FigureParams } }, async (request, reply) => {
    const { id, unitId, key } = request.params;
    return reply.type(html).header('cache-control', 'no-store').send(await evaluationFigureRecords(ctx(), actorOf(request), id, unitId, key));
  });

  app.get(
    `${base}/frames/:id/units/:unitId/print`,
    { preHandler: guard(OVERSIGHT), schema: { params: UnitParams, querystring: z.object({ format: z.enum(['html', 'doc']).default('html') }) } },
    async (request, reply) => {
      const page = await printEvaluation(ctx(), actorOf(request), request.params.id, request.params.unitId);
      if (request.query.format === 'doc') {
        return reply.type('application/msword; charset=utf-8').header('content-disposition', 'attachment; filename="ket-qua-tu-danh-gia.doc"').send(page);
      }
      return reply.type(html).header('cache-control', 'no-store').send(page);
    },
  );

  app.get(`${base}/ranking.xlsx`, { preHandler: guard(OVERSIGHT), schema: { querystring: YearQuery } }, async (request, reply) => {
    const { file, filename } = await rankingXlsx(ctx(), actorOf(request), request.query.year);
    return reply.type(xlsxType).header('content-disposition', `attachment; filename="${filename}"`).send(file);
  });

  app.get(`${base}/ranking`, { preHandler: guard(OVERSIGHT), schema: { querystring: YearQuery, response: { 200: Ranking, ...errors } } }, async (request) =>
    rankingOfYear(ctx(), actorOf(request), request.query.year),
  );

  app.get(
    `${base}/units/:id/history`,
    { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: YearOverYear, ...errors } } },
    async (request) => unitYearOverYear(ctx(), actorOf(request), request.params.id),
  );

  // --- reform reports --------------------------------------------------------------------------
  const reports = '/manage/reform-reports';
  app.get(
    reports,
    { preHandler: guard(OVERSIGHT), schema: { querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: z.array(ReformReport), ...errors } } },
    async (request) => listReformReports(ctx(), actorOf(request), request.query.year),
  );

  app.post(
    reports,
    { preHandler: guard(OVERSIGHT), schema: { body: CreateReportScheduleInput, response: { 201: z.array(ReformReport), ...errors } } },
    async (request, reply) => reply.status(201).send(await createReportSchedule(ctx(), actorOf(request), request.body)),
  );

  app.get(`${reports}/:id`, { preHandler: guard(OVERSIGHT), schema: { params: IdParams, response: { 200: ReformReport, ...errors } } }, async (request) =>
    getReformReport(ctx(), actorOf(request), request.params.id),
  );

  app.get(
    `${reports}/:id/units/:unitId`,
    { preHandler: guard(OVERSIGHT), schema: { params: UnitParams, response: { 200: ReportSubmission, ...errors } } },
    async (request) => getReportSubmission(ctx(), actorOf(request), request.params.id, request.params.unitId),
  );

  app.put(
    `${reports}/:id/units/:unitId`,
    { preHandler: guard(OVERSIGHT), schema: { params: UnitParams, body: SubmissionInput, response: { 200: ReportSubmission, ...errors } } },
    async (request) => saveReportSubmission(ctx(), actorOf(request), request.params.id, request.params.unitId, request.body),
  );

  app.get(`${reports}/:id/units/:unitId/figures/:key`, { preHandler: guard(OVERSIGHT), schema: { params: FigureParams } }, async (request, reply) => {
    const { id, unitId, key } = request.params;
    return reply.type(html).header('cache-control', 'no-store').send(await reportFigureRecords(ctx(), actorOf(request), id, unitId, key));
  });

  app.get(
    `${reports}/:id/rollup`,
    {
      preHandler: guard(OVERSIGHT),
      schema: { params: IdParams, querystring: z.object({ format: z.enum(['json', 'html', 'doc', 'xlsx']).default('json') }) },
    },
    async (request, reply) => {
      const rollup = await reportRollup(ctx(), actorOf(request), request.params.id);
      const format = request.query.format;
      if (format === 'json') return reply.send(ReportRollup.parse(rollup));
      if (format === 'xlsx') {
        return reply.type(xlsxType).header('content-disposition', `attachment; filename="bao-cao-tong-hop-${rollup.reportId.slice(0, 8)}.xlsx"`).send(await rollupXlsx(rollup));
      }
      const page = rollupHtml(rollup);
      if (format === 'doc') {
        return reply
          .type('application/msword; charset=utf-8')
          .header('content-disposition', `attachment; filename="bao-cao-tong-hop-${rollup.reportId.slice(0, 8)}.doc"`)
          .send(page);
      }
      return reply.type(html).header('cache-control', 'no-store').send(page);
    },
  );
}
