/** Administration of the centre: reference data, people, devices, settings, KPIs. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CentreInput,
  CounterInput,
  Day,
  Device,
  DeviceUpdate,
  FieldInput,
  Ok,
  PrinterInput,
  PriorityGroupInput,
  QueueKpis,
  Settings,
  SettingsPatch,
  User,
  UserInput,
} from '../../contracts/api';
import { serviceDayOf } from '../../core/shared/local-time';
import { findDevice } from '../../db/repositories/device.repository';
import { buildTicketSlipEscPos } from '../printing/escpos';
import { sendToNetworkPrinter } from '../printing/network-printer';
import { AppError } from '../../core/shared/app-error';
import { addPrinter, assertDeviceManager, changeDevice, listCentreDevices, revokeDevice } from '../services/devices';
import {
  changeCentre,
  changeSettings,
  createCounter,
  createField,
  createPerson,
  deleteCounter,
  deleteField,
  listPeople,
  savePriorityGroup,
  updateCounter,
  updateField,
  updatePerson,
} from '../services/manage-reference';
import { getQueueKpis } from '../services/queue-kpis';
import { requestLang } from '../http/errors';
import { actorOf, guard, MANAGERS } from './guard';
import { errors, IdParams } from './schemas';

const Created = z.object({ id: z.uuid() });

export async function manageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.deps.ctx;
  // Admin-only operations check the role inside their service.
  const managers = { preHandler: guard(MANAGERS) };

  app.post('/fields', { ...managers, schema: { body: FieldInput, response: { 201: Created, ...errors } } }, async (request, reply) => {
    reply.status(201);
    return { id: await createField(ctx(), actorOf(request), request.body) };
  });
  app.put('/fields/:id', { ...managers, schema: { params: IdParams, body: FieldInput, response: { 200: Ok, ...errors } } }, async (request) => {
    await updateField(ctx(), actorOf(request), request.params.id, request.body);
    return { ok: true as const };
  });
  app.delete('/fields/:id', { ...managers, schema: { params: IdParams, response: { 200: Ok, ...errors } } }, async (request) => {
    await deleteField(ctx(), actorOf(request), request.params.id);
    return { ok: true as const };
  });

  app.post('/counters', { ...managers, schema: { body: CounterInput, response: { 201: Created, ...errors } } }, async (request, reply) => {
    reply.status(201);
    return { id: await createCounter(ctx(), actorOf(request), request.body) };
  });
  app.put('/counters/:id', { ...managers, schema: { params: IdParams, body: CounterInput, response: { 200: Ok, ...errors } } }, async (request) => {
    await updateCounter(ctx(), actorOf(request), request.params.id, request.body);
    return { ok: true as const };
  });
  app.delete('/counters/:id', { ...managers, schema: { params: IdParams, response: { 200: Ok, ...errors } } }, async (request) => {
    await deleteCounter(ctx(), actorOf(request), request.params.id);
    return { ok: true as const };
  });

  app.post('/priority-groups', { ...managers, schema: { body: PriorityGroupInput, response: { 201: Created, ...errors } } }, async (request, reply) => {
    reply.status(201);
    return { id: await savePriorityGroup(ctx(), actorOf(request), null, request.body) };
  });
  app.put(
    '/priority-groups/:id',
    { ...managers, schema: { params: IdParams, body: PriorityGroupInput, response: { 200: Ok, ...errors } } },
    async (request) => {
      await savePriorityGroup(ctx(), actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.get('/users', { ...managers, schema: { response: { 200: z.object({ users: z.array(User) }), ...errors } } }, async (request) => {
    const users = await listPeople(ctx(), actorOf(request));
    return { users: users.map(({ centreId: _c, ...u }) => u) };
  });
  app.post('/users', { ...managers, schema: { body: UserInput, response: { 201: Created, ...errors } } }, async (request, reply) => {
    reply.status(201);
    return { id: await createPerson(ctx(), actorOf(request), request.body) };
  });
  app.put('/users/:id', { ...managers, schema: { params: IdParams, body: UserInput, response: { 200: Ok, ...errors } } }, async (request) => {
    await updatePerson(ctx(), actorOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  app.get('/devices', { ...managers, schema: { response: { 200: z.object({ devices: z.array(Device) }), ...errors } } }, async (request) => ({
    devices: await listCentreDevices(ctx(), actorOf(request)),
  }));
  app.patch('/devices/:id', { ...managers, schema: { params: IdParams, body: DeviceUpdate, response: { 200: Device, ...errors } } }, async (request) =>
    changeDevice(ctx(), actorOf(request), request.params.id, request.body),
  );
  app.post('/devices/:id/revoke', { ...managers, schema: { params: IdParams, response: { 200: Device, ...errors } } }, async (request) =>
    revokeDevice(ctx(), actorOf(request), request.params.id),
  );
  app.post('/printers', { ...managers, schema: { body: PrinterInput, response: { 201: Device, ...errors } } }, async (request, reply) => {
    reply.status(201);
    return addPrinter(ctx(), actorOf(request), request.body);
  });
  app.post('/printers/:id/test', { ...managers, schema: { params: IdParams, response: { 200: Ok, ...errors } } }, async (request) => {
    const actor = actorOf(request);
    assertDeviceManager(actor);
    const printer = await findDevice(ctx().db, actor.centreId, request.params.id);
    if (!printer || printer.kind !== 'printer' || !printer.host) throw new AppError('NOT_FOUND', { entity: 'printer' });
    const data = await buildTicketSlipEscPos(
      {
        centreName: 'IN THỬ / TEST PRINT',
        centreAddress: null,
        displayNumber: '0000',
        fieldName: 'Kiểm tra máy in – Tiếng Việt có dấu',
        counterNumbers: [],
        priorityLabel: null,
        issuedAt: ctx().clock(),
        peopleAhead: 0,
        estimatedWaitMinutes: null,
        trackUrl: 'motcua-test-print',
        footerLines: ['Ắ Ặ Ẫ Ễ Ộ Ợ Ữ Ỹ đ Đ'],
        lang: 'vi',
      },
      { paperWidthMm: printer.paperWidthMm === 58 ? 58 : 80 },
    );
    try {
      await sendToNetworkPrinter(printer.host, printer.port ?? 9100, data, { timeoutMs: 4000 });
    } catch {
      throw new AppError('PRINTER_UNREACHABLE', { printer: printer.name });
    }
    return { ok: true as const };
  });

  app.put('/settings', { ...managers, schema: { body: SettingsPatch, response: { 200: Settings, ...errors } } }, async (request) =>
    changeSettings(ctx(), actorOf(request), request.body),
  );
  app.put('/centre', { ...managers, schema: { body: CentreInput, response: { 200: Ok, ...errors } } }, async (request) => {
    await changeCentre(ctx(), actorOf(request), request.body);
    return { ok: true as const };
  });

  app.get(
    '/kpis/queue',
    {
      ...managers,
      schema: { querystring: z.object({ from: Day.optional(), to: Day.optional() }), response: { 200: QueueKpis, ...errors } },
    },
    async (request) => {
      const today = serviceDayOf(ctx().clock());
      const from = request.query.from ?? today;
      const to = request.query.to ?? from;
      if (to < from || Date.parse(to) - Date.parse(from) > 366 * 24 * 3600_000 || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
        throw new AppError('VALIDATION_FAILED', { detail: 'from/to' });
      }
      return getQueueKpis(ctx(), actorOf(request).centreId, from, to, requestLang(request));
    },
  );
}
