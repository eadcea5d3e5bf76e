/** Face recognition at the kiosk and the counter, erasure, the processing record, and retiring a model. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConfirmedCitizen,
  ConfirmRecognitionInput,
  FaceCapture,
  FaceCheckResult,
  FaceEraseResult,
  FaceRecord,
  Ok,
  Recognition,
  RetireFaceModelInput,
  RetireFaceModelResult,
  ReuseToken,
} from '../../contracts/api';
import { readyResultsFromDossiers } from '../services/dossiers';
import { checkFaceAtCounter, confirmCitizen, confirmReuse, eraseFaceData, recogniseCitizen } from '../services/face-services';
import { getFaceRecord } from '../services/face-record';
import { retireFaceModel } from '../services/retire-face-model';
import { actorOf, ADMINS, guard, MANAGERS, OFFICERS } from './guard';
import { errors, IdParams } from './schemas';

const KIOSK = { devices: ['kiosk'] } as const;

export async function faceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/kiosk/recognise',
    { preHandler: guard(KIOSK), schema: { body: z.object({ capture: FaceCapture }), response: { 200: Recognition, ...errors } } },
    async (request) => recogniseCitizen(app.deps.ctx, actorOf(request), request.body.capture),
  );

  app.post(
    '/kiosk/recognise/:token/confirm',
    {
      preHandler: guard(KIOSK),
      schema: {
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }),
        body: ConfirmRecognitionInput,
        response: { 200: ConfirmedCitizen, ...errors },
      },
    },
    async (request) => confirmCitizen(app.deps.ctx, actorOf(request), request.params.token, request.body.phoneHint, readyResultsFromDossiers),
  );

  app.post(
    '/kiosk/reuse/:token/confirm',
    {
      preHandler: guard(KIOSK),
      schema: { params: z.object({ token: ReuseToken }), response: { 200: Ok, ...errors } },
    },
    async (request) => confirmReuse(app.deps.ctx, actorOf(request), request.params.token),
  );

  app.post(
    '/tickets/:id/face-check',
    {
      preHandler: guard(OFFICERS),
      schema: { params: IdParams, body: z.object({ capture: FaceCapture }), response: { 200: FaceCheckResult, ...errors } },
    },
    async (request) => checkFaceAtCounter(app.deps.ctx, actorOf(request), request.params.id, request.body.capture),
  );

  app.post(
    '/face/erase',
    { preHandler: guard(OFFICERS), schema: { body: z.object({ capture: FaceCapture }), response: { 200: FaceEraseResult, ...errors } } },
    async (request) => eraseFaceData(app.deps.ctx, actorOf(request), request.body.capture),
  );

  app.get(
    '/manage/face/record',
    { preHandler: guard(MANAGERS), schema: { response: { 200: FaceRecord, ...errors } } },
    async (request) => getFaceRecord(app.deps.ctx, actorOf(request).centreId),
  );

  app.post(
    '/manage/face/retire-model',
    { preHandler: guard(ADMINS), schema: { body: RetireFaceModelInput, response: { 200: RetireFaceModelResult, ...errors } } },
    async (request) => retireFaceModel(app.deps.ctx, actorOf(request), request.body.model),
  );
}
