/**
 * The kiosk with the recommended recognition model installed as a site installs it (`motcua models
 * install --from` the official files): the page loads the converted ONNX graph from our own server
 * and runs it with onnxruntime-web (WASM) in headless Chromium; the templates it sends are that
 * model's (256 values), the same person gets their number back and another person does not, and the
 * counter's camera check uses the same model. Fake webcam videos as in kiosk-face.test.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreInfo, FaceRecord } from '../src/contracts/api';
import { FACE_MODELS, PREFERRED_FACE_MODEL_ID } from '../src/contracts/face';
import { KIOSK_VIDEOS, makeFaceVideos } from './support/face-video';
import { call, login, openCameraKiosk, pairKiosk, waitForCamera, waitForState, type CameraKiosk, type HallApi } from './support/kiosk-camera';
import { ADMIN_PASSWORD, E2eServer } from './support/server';

const FACES = process.env.FACES_DIR ?? resolve(import.meta.dirname, '../../shared/data/faces/dev');
const VIEWPORT = { width: 1080, height: 1920 };
const LENGTH = FACE_MODELS[PREFERRED_FACE_MODEL_ID].templateLength;

describe('the kiosk with the installed recognition model', () => {
  let server: E2eServer;
  let hall: HallApi;
  let token: string;
  let videoDir: string;
  let videos: Record<string, string>;
  const open: CameraKiosk[] = [];

  beforeAll(async () => {
    if (!existsSync(FACES)) throw new Error(`the development face photos are not at ${FACES} (set FACES_DIR)`);
    server = await E2eServer.start({}, { installModel: true });
    hall = { url: server.url, admin: await login(server.url, 'admin', ADMIN_PASSWORD) };
    videoDir = mkdtempSync(join(tmpdir(), 'motcua-kiosk-model-videos-'));
    videos = await makeFaceVideos(server.url, FACES, videoDir, [KIOSK_VIDEOS.personA, KIOSK_VIDEOS.personB]);
    token = await pairKiosk(hall, 'Kiosk (mô hình đã cài)');
  });

  afterAll(async () => {
    for (const k of open) await k.close().catch(() => undefined);
    await server?.dispose();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  async function visit(video: string): Promise<{ page: Page; ticketBodies: Record<string, unknown>[]; close(): Promise<string[]> }> {
    const k = await openCameraKiosk(server.url, token, videos[video]!, VIEWPORT);
    open.push(k);
    const ticketBodies: Record<string, unknown>[] = [];
    k.page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/tickets') ticketBodies.push((r.postDataJSON() ?? {}) as Record<string, unknown>);
    });
    await waitForCamera(k);
    const page = k.page;
    await waitForState(page, 'consent', 20_000);
    for (const key of ['1', 'Enter']) await page.keyboard.press(key);
    await waitForState(page, 'choosing-field');
    for (const key of ['1', 'Enter']) await page.keyboard.press(key);
    return {
      page,
      ticketBodies,
      close: async () => {
        const errors = [...k.errors];
        await k.close();
        open.splice(open.indexOf(k), 1);
        return errors;
      },
    };
  }

  const record = () => call<FaceRecord>(hall, 'GET', '/api/v1/manage/face/record');

  it('decides with the installed model: the centre says so and the manage record too', async () => {
    const centre = await call<CentreInfo>(hall, 'GET', '/api/v1/centre');
    expect(centre.facePolicy).toMatchObject({ model: PREFERRED_FACE_MODEL_ID, templateLength: LENGTH, requestedModelMissing: false });
    expect((await record()).model).toBe(PREFERRED_FACE_MODEL_ID);
  });

  let numberA = '';

  it('person A gets a number bound to a template of that model (256 values, never an image)', async () => {
    const v = await visit('person-a');
    await waitForState(v.page, 'showing-ticket', 40_000);
    numberA = (await v.page.getByTestId('ticket-number').textContent())!.trim();
    const capture = (v.ticketBodies[0]!.face as { capture: Record<string, unknown> }).capture;
    expect(Object.keys(capture).sort()).toEqual(['frames', 'live', 'model', 'template']);
    expect(capture.model).toBe(PREFERRED_FACE_MODEL_ID);
    const bytes = Buffer.from(capture.template as string, 'base64');
    expect(bytes.length).toBe(LENGTH * 4);
    const values = Array.from({ length: LENGTH }, (_, i) => bytes.readFloatLE(i * 4));
    expect(Math.hypot(...values)).toBeCloseTo(1, 3);
    expect(await v.close()).toEqual([]);
    const held = (await record()).models.find((m) => m.id === PREFERRED_FACE_MODEL_ID)!;
    expect(held.templates.walkIn).toBe(1);
  });

  it('person B gets a new number; person A, back again, is given theirs', async () => {
    const b = await visit('person-b');
    await waitForState(b.page, 'showing-ticket', 40_000);
    expect((await b.page.getByTestId('ticket-number').textContent())!.trim()).not.toBe(numberA);
    expect(await b.page.getByTestId('kiosk-ticket').getAttribute('data-reused')).toBe('false');
    expect(await b.close()).toEqual([]);

    const a = await visit('person-a');
    // Given back on a face match: the kiosk first asks whether the number is theirs.
    await waitForState(a.page, 'reuse-confirm', 40_000);
    expect((await a.page.getByTestId('reuse-number').textContent())!.trim()).toBe(numberA);
    for (const key of ['1', 'Enter']) await a.page.keyboard.press(key);
    await waitForState(a.page, 'showing-ticket');
    expect(await a.page.getByTestId('kiosk-ticket').getAttribute('data-reused')).toBe('true');
    expect((await a.page.getByTestId('ticket-number').textContent())!.trim()).toBe(numberA);
    expect(await a.close()).toEqual([]);
  });
});
