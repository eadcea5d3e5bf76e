/**
 * Dossiers and the catalogue for officers; the catalogue, calendar and reports for managers; the
 * working calendar for anyone (it is public information).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Day, Id } from '../../contracts/api';
import {
  CalendarAdjustment,
  CalendarAdjustmentInput,
  CalendarDay,
  CatalogueImportRecord,
  DossierActionInput,
  DossierKpis,
  DossierListItem,
  DossierListQuery,
  DossierView,
  ImportReport,
  ImportUpload,
  KpiGroupBy,
  ProcedureDetail,
  ProcedureSummary,
  ProcedureUpdate,
  ReceiveDossierInput,
  TrackingBookQuery,
  TrackingBookRowView,
} from '../../contracts/dossier';
import { writeTrackingBookXlsx, renderTrackingBookHtml } from '../printing/tracking-book';
import { DOSSIER_FORM_CODES } from '../printing/dossier-forms.html';
import { requestLang } from '../http/errors';
import { getProcedure, listCatalogueImports, listProcedures, updateProcedure } from '../services/catalogue';
import { importUploadedCatalogue } from '../services/catalogue-upload';
import { dossierKpis, renderDossierFormPage, trackingBook, trackingBookDocument } from '../services/dossier-reports';
import { actOnDossier, getDossierView, listDossierItems, receiveDossierAtCounter } from '../services/dossiers';
import { dueMoment, holidaysForYear, removeCalendarAdjustment, setCalendarAdjustment, yearCalendar } from '../services/working-calendar';
import { actorOf, guard, MANAGERS, OFFICERS } from './guard';
import { errors } from './schemas';

const IdParams = z.object({ id: Id });
const YearCalendar = z.object({ year: z.number().int(), days: z.array(CalendarDay), adjustments: z.array(CalendarAdjustment) });

/** The address printed in QR codes: the configured public address, or the one the browser used. */
async function publicBase(request: FastifyRequest, centreId: string): Promise<string> {
  const { ctx } = request.server.deps;
  const { settings } = await ctx.hall.get(ctx.db, centreId);
  return settings.publicBaseUrl || `${request.protocol}://${request.host}`;
}

export async function dossierRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // --- the working calendar (public) ---------------------------------------------------------
  app.get(
    '/calendar/holidays',
    { schema: { querystring: z.object({ year: z.coerce.number().int() }), response: { 200: z.object({ days: z.array(CalendarDay) }), ...errors } } },
    async (request) => ({ days: await holidaysForYear(app.deps.ctx, request.query.year) }),
  );

  app.get(
    '/calendar/due',
    {
      schema: {
        querystring: z.object({
          received: z.string().max(64),
          amount: z.coerce.number().int().min(0).max(3650),
          unit: z.string().max(32),
          cutoff: z.string().max(5).optional(),
        }),
        response: { 200: z.object({ due: z.string() }), ...errors },
      },
    },
    async (request) => ({ due: await dueMoment(app.deps.ctx, request.query) }),
  );

  // --- catalogue ---------------------------------------------------------------------------
  app.get(
    '/procedures',
    {
      preHandler: guard(OFFICERS),
      schema: {
        querystring: z.object({ q: z.string().max(200).optional(), fieldId: Id.optional(), all: z.enum(['0', '1']).optional() }),
        response: { 200: z.object({ procedures: z.array(ProcedureSummary) }), ...errors },
      },
    },
    async (request) => ({
      procedures: await listProcedures(app.deps.ctx, actorOf(request), {
        q: request.query.q,
        fieldId: request.query.fieldId,
        activeOnly: request.query.all !== '1',
      }),
    }),
  );

  app.get(
    '/procedures/:id',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, response: { 200: ProcedureDetail, ...errors } } },
    async (request) => getProcedure(app.deps.ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/manage/procedures/:id',
    { preHandler: guard(MANAGERS), schema: { params: IdParams, body: ProcedureUpdate, response: { 200: ProcedureDetail, ...errors } } },
    async (request) => updateProcedure(app.deps.ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/manage/catalogue/import',
    { preHandler: guard(MANAGERS), bodyLimit: 64 * 1024 * 1024, schema: { body: ImportUpload, response: { 200: ImportReport, ...errors } } },
    async (request) => importUploadedCatalogue(app.deps.ctx, actorOf(request), request.body.files),
  );

  app.get(
    '/manage/catalogue/imports',
    { preHandler: guard(MANAGERS), schema: { response: { 200: z.object({ imports: z.array(CatalogueImportRecord) }), ...errors } } },
    async (request) => ({ imports: await listCatalogueImports(app.deps.ctx, actorOf(request)) }),
  );

  // --- calendar editing ----------------------------------------------------------------------
  app.get(
    '/manage/calendar',
    { preHandler: guard(MANAGERS), schema: { querystring: z.object({ year: z.coerce.number().int() }), response: { 200: YearCalendar, ...errors } } },
    async (request) => yearCalendar(app.deps.ctx, request.query.year),
  );

  app.put(
    '/manage/calendar/adjustments/:date',
    { preHandler: guard(MANAGERS), schema: { params: z.object({ date: Day }), body: CalendarAdjustmentInput, response: { 200: YearCalendar, ...errors } } },
    async (request) => setCalendarAdjustment(app.deps.ctx, actorOf(request), { date: request.params.date, ...request.body }),
  );

  app.delete(
    '/manage/calendar/adjustments/:date',
    { preHandler: guard(MANAGERS), schema: { params: z.object({ date: Day }), response: { 200: YearCalendar, ...errors } } },
    async (request) => removeCalendarAdjustment(app.deps.ctx, actorOf(request), request.params.date),
  );

  // --- dossiers ------------------------------------------------------------------------------
  app.post(
    '/dossiers',
    { preHandler: guard(OFFICERS), schema: { body: ReceiveDossierInput, response: { 201: DossierView, ...errors } } },
    async (request, reply) => {
      const view = await receiveDossierAtCounter(app.deps.ctx, actorOf(request), request.body);
      reply.status(201);
      return view;
    },
  );

  app.get(
    '/dossiers',
    { preHandler: guard(OFFICERS), schema: { querystring: DossierListQuery, response: { 200: z.object({ dossiers: z.array(DossierListItem) }), ...errors } } },
    async (request) => ({ dossiers: await listDossierItems(app.deps.ctx, actorOf(request), request.query, requestLang(request)) }),
  );

  app.get(
    '/dossiers/:id',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, response: { 200: DossierView, ...errors } } },
    async (request) => getDossierView(app.deps.ctx, actorOf(request), request.params.id, requestLang(request)),
  );

  app.post(
    '/dossiers/:id/actions',
    { preHandler: guard(OFFICERS), schema: { params: IdParams, body: DossierActionInput, response: { 200: DossierView, ...errors } } },
    async (request) => actOnDossier(app.deps.ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/dossiers/:id/forms/:form',
    {
      preHandler: guard(OFFICERS),
      schema: { params: z.object({ id: Id, form: z.enum(DOSSIER_FORM_CODES as ['01', '02', '03', '04', '05', '06']) }), querystring: z.object({ print: z.enum(['0', '1']).optional() }) },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const html = await renderDossierFormPage(app.deps.ctx, actor, request.params.id, request.params.form, await publicBase(request, actor.centreId));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );

  // --- reports -------------------------------------------------------------------------------
  app.get(
    '/manage/reports/tracking-book',
    { preHandler: guard(MANAGERS), schema: { querystring: TrackingBookQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, ...query } = request.query;
      if (format === 'json') {
        const rows = await trackingBook(app.deps.ctx, actor, query, requestLang(request));
        return reply.send(z.object({ rows: z.array(TrackingBookRowView) }).parse({ rows }));
      }
      const { rows: bookRows, title } = await trackingBookDocument(app.deps.ctx, actor, query, requestLang(request));
      if (format === 'html') {
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderTrackingBookHtml(bookRows, title));
      }
      const file = await writeTrackingBookXlsx(bookRows, title);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="so-theo-doi-ho-so-${query.from}-${query.to}.xlsx"`)
        .send(file);
    },
  );

  app.get(
    '/manage/reports/dossier-kpis',
    {
      preHandler: guard(MANAGERS),
      schema: { querystring: z.object({ from: Day, to: Day, groupBy: KpiGroupBy.default('field') }), response: { 200: DossierKpis, ...errors } },
    },
    async (request) => dossierKpis(app.deps.ctx, actorOf(request), request.query, requestLang(request)),
  );
}
