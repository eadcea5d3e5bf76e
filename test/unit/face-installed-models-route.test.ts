/**
 * The face-assets route serves the recognition models installed under the data directory: listed in
 * the manifest with a URL that carries the file's hash, picked up without a restart, served with a
 * year of caching and only at that exact URL; a model whose file no longer matches its record is
 * dropped (and the log says why). Models are installed from ../shared/models, read in place.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest } from '../../src/contracts/face';
import { isAppError } from '../../src/core/shared/app-error';
import { installFaceModel } from '../../src/server/face/models/install-model';
import { INSTALLABLE_FACE_MODELS } from '../../src/server/face/models/model-sources';
import { faceAssetsRoutes } from '../../src/server/routes/face-assets.routes';
import { MODEL_ID, SHARED_MODEL_DIR } from '../support/face-model-files';

const sha256 = INSTALLABLE_FACE_MODELS[MODEL_ID]!.convertedSha256;
const url = `/vendor/models/${MODEL_ID}/${sha256.slice(0, 16)}/model.onnx`;

let dataDir: string;
let app: FastifyInstance;
const logLines: { level: number; msg: string; model?: string; reason?: string }[] = [];

async function buildRouteApp(options: { dataDir?: string | null }): Promise<FastifyInstance> {
  const instance = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void logLines.push(JSON.parse(line)) } } });
  instance.setErrorHandler((error, _request, reply) => {
    void reply.status(isAppError(error) && error.code === 'ROUTE_NOT_FOUND' ? 404 : 500).send({ error: 'x' });
  });
  await instance.register(faceAssetsRoutes, options);
  return instance;
}

const manifest = async (instance = app) => (await instance.inject({ url: FACE_ASSET_MANIFEST_URL })).json() as FaceAssetManifest;
const install = () => installFaceModel({ dataDir, modelId: MODEL_ID, from: SHARED_MODEL_DIR });
const modelFile = () => join(dataDir, 'models', MODEL_ID, 'model.onnx');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-model-route-'));
  app = await buildRouteApp({ dataDir });
});

afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('installed recognition models on the face-assets route', () => {
  it('lists none before an install, and onnxruntime-web is still named', async () => {
    const before = await manifest();
    expect(before.installedModels).toEqual([]);
    expect(before.onnxRuntime.script).toMatch(/^\/vendor\/onnxruntime-web\/[\d.]+\/ort\.wasm\.min\.mjs$/);
    expect((await app.inject({ url })).statusCode).toBe(404);
  });

  it('picks up a model installed while the server runs, and serves it at its hashed URL for a year', async () => {
    const result = await install();
    expect(result.sha256).toBe(sha256);
    expect((await manifest()).installedModels).toEqual([{ id: MODEL_ID, url, sha256, bytes: result.bytes }]);
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'face model installed', model: MODEL_ID }));

    const response = await app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(response.headers['content-length'])).toBe(result.bytes);
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(sha256);

    const head = await app.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it.each([
    `/vendor/models/${MODEL_ID}/${sha256.slice(0, 16)}/model.json`,
    `/vendor/models/${MODEL_ID}/${sha256}/model.onnx`,
    `/vendor/models/${MODEL_ID}/0000000000000000/model.onnx`,
    `/vendor/models/${MODEL_ID}/model.onnx`,
    `/vendor/models/${MODEL_ID.toUpperCase()}/${sha256.slice(0, 16)}/model.onnx`,
    `/vendor/models/${MODEL_ID}/${sha256.slice(0, 16)}/../model.json`,
    `/vendor/models/${MODEL_ID}/${sha256.slice(0, 16)}/%2e%2e/model.json`,
    `/vendor/models/${MODEL_ID}/${sha256.slice(0, 16)}/model.onnx/`,
    `/vendor/models/..%2f..%2fmodels/${MODEL_ID}/model.json`,
    `/vendor/models/.staging-${MODEL_ID}-1-aa/model.onnx`,
    '/vendor/models/',
  ])('refuses %s (the exact URL only)', async (path) => {
    expect((await app.inject({ url: path })).statusCode).toBe(404);
  });

  it('is read-only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE'] as const) expect((await app.inject({ method, url })).statusCode).toBe(404);
  });

  it('drops a model whose file changed (logging why) and serves it again once reinstalled', async () => {
    const bytes = readFileSync(modelFile());
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(modelFile(), bytes);
    expect((await app.inject({ url })).statusCode).toBe(404);
    expect((await manifest()).installedModels).toEqual([]);
    expect(logLines).toContainEqual(expect.objectContaining({ level: 40, msg: 'face model skipped', model: MODEL_ID, reason: expect.stringMatching(/model\.onnx has sha256 [0-9a-f]{64}, [0-9a-f]{64} recorded/) }));

    expect((await install()).alreadyInstalled).toBe(false);
    expect((await manifest()).installedModels.map((m) => m.url)).toEqual([url]);
    expect((await app.inject({ url })).statusCode).toBe(200);
  });

  it('skips a folder that is not an installable model, and serves nothing without a data directory', async () => {
    mkdirSync(join(dataDir, 'models', 'face-api-128-aligned'));
    writeFileSync(join(dataDir, 'models', 'face-api-128-aligned', 'model.json'), '{}');
    expect((await manifest()).installedModels.map((m) => m.id)).toEqual([MODEL_ID]);
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'face model skipped', model: 'face-api-128-aligned', reason: '"face-api-128-aligned" is not an installable model id' }));

    const bare = await buildRouteApp({ dataDir: null });
    expect((await manifest(bare)).installedModels).toEqual([]);
    expect((await bare.inject({ url })).statusCode).toBe(404);
    await bare.close();
  });
});
