/**
 * The quarterly 9-indicator evaluation, for managers: the table by unit, officer or the centre, the
 * self-score and appraisal columns, the dossiers behind a row, and the workbook.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EvaluationDossierList,
  EvaluationDossiersQuery,
  EvaluationQuery,
  EvaluationReport,
  EvaluationScoresInput,
  QuarterId,
} from '../../contracts/api';
import { requestLang } from '../http/errors';
import { exportEvaluationXlsx, getEvaluation, listEvaluationDossiers, saveEvaluationScores } from '../services/evaluation';
import { actorOf, guard, MANAGERS } from './guard';
import { errors } from './schemas';

export async function evaluationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/manage/evaluation',
    { preHandler: guard(MANAGERS), schema: { querystring: EvaluationQuery, response: { 200: EvaluationReport, ...errors } } },
    async (request) => getEvaluation(app.deps.ctx, actorOf(request), request.query, requestLang(request)),
  );

  app.put(
    '/manage/evaluation/scores',
    { preHandler: guard(MANAGERS), schema: { body: EvaluationScoresInput, response: { 200: EvaluationReport, ...errors } } },
    async (request) => saveEvaluationScores(app.deps.ctx, actorOf(request), request.body, requestLang(request)),
  );

  app.get(
    '/manage/evaluation/:quarter/dossiers',
    {
      preHandler: guard(MANAGERS),
      schema: { params: z.object({ quarter: QuarterId }), querystring: EvaluationDossiersQuery, response: { 200: EvaluationDossierList, ...errors } },
    },
    async (request) => listEvaluationDossiers(app.deps.ctx, actorOf(request), request.params.quarter, request.query, requestLang(request)),
  );

  app.get('/manage/evaluation.xlsx', { preHandler: guard(MANAGERS), schema: { querystring: EvaluationQuery } }, async (request, reply) => {
    const { file, filename } = await exportEvaluationXlsx(app.deps.ctx, actorOf(request), request.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(file);
  });
}
