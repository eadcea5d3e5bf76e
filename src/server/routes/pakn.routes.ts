/**
 * Complaints and suggestions (phản ánh, kiến nghị): filing and following by code without signing in
 * (/public/pakn…), handling by managers and the officers they assign (/manage/pakn…).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FiledPakn,
  FilePaknInput,
  PaknActionInput,
  PaknAssignees,
  PaknCode,
  PaknDetail,
  PaknFormOptions,
  PaknListItem,
  PaknListQuery,
  PaknVerdictInput,
  PublicPakn,
  SupplyPaknInfoInput,
} from '../../contracts/pakn';
import { requestLang } from '../http/errors';
import {
  actOnPakn,
  filePublicPakn,
  getPaknDetail,
  getPublicPakn,
  listPaknItems,
  paknAssignees,
  paknFormOptions,
  recordPaknVerdictByCode,
  supplyPaknInfoByCode,
} from '../services/pakn';
import { actorOf, guard, OFFICERS, MANAGERS } from './guard';
import { ErrorBody, errors, IdParams } from './schemas';

const CodeParams = z.object({ code: PaknCode });
const publicErrors = { ...errors, 429: ErrorBody };
/** A PAKN is a few paragraphs; nothing a citizen writes comes near this. */
const PUBLIC_BODY_LIMIT = 32 * 1024;

export async function paknRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // --- citizens, no sign-in -----------------------------------------------------------------
  app.get(
    '/public/pakn/options',
    { schema: { response: { 200: PaknFormOptions, ...errors } } },
    async () => paknFormOptions(app.deps.ctx),
  );

  app.post(
    '/public/pakn',
    { bodyLimit: PUBLIC_BODY_LIMIT, schema: { body: FilePaknInput, response: { 201: FiledPakn, ...publicErrors } } },
    async (request, reply) => {
      const filed = await filePublicPakn(app.deps.ctx, request.body, request.ip);
      return reply.status(201).send(filed);
    },
  );

  app.get(
    '/public/pakn/:code',
    { schema: { params: CodeParams, querystring: z.object({ lang: z.enum(['vi', 'en']).optional() }), response: { 200: PublicPakn, ...errors } } },
    async (request) => {
      const view = await getPublicPakn(app.deps.ctx, request.params.code, requestLang(request));
      return view;
    },
  );

  app.post(
    '/public/pakn/:code/info',
    { bodyLimit: PUBLIC_BODY_LIMIT, schema: { params: CodeParams, body: SupplyPaknInfoInput, response: { 200: PublicPakn, ...publicErrors } } },
    async (request) => supplyPaknInfoByCode(app.deps.ctx, request.params.code, request.body.text, request.body.website, requestLang(request)),
  );

  app.post(
    '/public/pakn/:code/verdict',
    { bodyLimit: 1024, schema: { params: CodeParams, body: PaknVerdictInput, response: { 200: PublicPakn, ...publicErrors } } },
    async (request) => recordPaknVerdictByCode(app.deps.ctx, request.params.code, request.body.satisfied, requestLang(request)),
  );

  // --- managers, and officers for what is assigned to them -------------------------------------
  app.get(
    '/manage/pakn',
    { preHandler: guard(OFFICERS), schema: { querystring: PaknListQuery, response: { 200: z.array(PaknListItem), ...errors } } },
    async (request) => listPaknItems(app.deps.ctx, actorOf(request), request.query, requestLang(request)),
  );

  app.get(
    '/manage/pakn/assignees',
    { preHandler: guard(MANAGERS), schema: { response: { 200: PaknAssignees, ...errors } } },
    async (request) => paknAssignees(app.deps.ctx, actorOf(request)),
  );

  app.get(
    '/manage/pakn/:id',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, response: { 200: PaknDetail, ...errors } } },
    async (request) => getPaknDetail(app.deps.ctx, actorOf(request), request.params.id, requestLang(request)),
  );

  app.post(
    '/manage/pakn/:id/actions',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, body: PaknActionInput, response: { 200: PaknDetail, ...errors } } },
    async (request) => actOnPakn(app.deps.ctx, actorOf(request), request.params.id, request.body, requestLang(request)),
  );
}
