import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest } from '../../src/contracts/face';
import { isAppError } from '../../src/core/shared/app-error';
import { faceAssetsRoutes } from '../../src/server/routes/face-assets.routes';

let app: FastifyInstance;
let manifest: FaceAssetManifest;

beforeAll(async () => {
  app = Fastify({ logger: false });
  app.setErrorHandler((error, _request, reply) => {
    void reply.status(isAppError(error) && error.code === 'ROUTE_NOT_FOUND' ? 404 : 500).send({ error: 'x' });
  });
  await app.register(faceAssetsRoutes);
  manifest = (await app.inject({ url: FACE_ASSET_MANIFEST_URL })).json();
});

afterAll(async () => {
  await app.close();
});

describe('face assets served from node_modules', () => {
  it('lists versioned URLs for the libraries, their models and the WASM binaries', async () => {
    const response = await app.inject({ url: FACE_ASSET_MANIFEST_URL });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(manifest.human).toEqual({ version: '3.3.6', script: '/vendor/human/3.3.6/human.esm.js', modelBase: '/vendor/human/3.3.6/models/' });
    expect(manifest.faceApi.script).toBe('/vendor/face-api/1.7.15/face-api.esm.js');
    expect(manifest.tfjsWasm.base).toBe('/vendor/tfjs-wasm/4.22.0/');
  });

  it.each([
    ['human', () => manifest.human.script, 'text/javascript'],
    ['a human model graph', () => `${manifest.human.modelBase}facemesh.json`, 'application/json'],
    ['a human model weights file', () => `${manifest.human.modelBase}faceres.bin`, 'application/octet-stream'],
    ['face-api', () => manifest.faceApi.script, 'text/javascript'],
    ['a face-api weights manifest', () => `${manifest.faceApi.modelBase}face_recognition_model-weights_manifest.json`, 'application/json'],
    ['the SIMD WASM binary', () => `${manifest.tfjsWasm.base}tfjs-backend-wasm-simd.wasm`, 'application/wasm'],
  ])('serves %s with a year of caching', async (_name, url, type) => {
    const response = await app.inject({ url: url() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(type);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(response.headers['content-length'])).toBeGreaterThan(100);
    expect(response.rawPayload.length).toBe(Number(response.headers['content-length']));
  });

  it('answers HEAD without a body (browsers and proxies probe)', async () => {
    const response = await app.inject({ method: 'HEAD', url: `${manifest.tfjsWasm.base}tfjs-backend-wasm.wasm` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });

  it.each([
    '/vendor/human/3.3.6/../../../package.json',
    '/vendor/human/3.3.6/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/vendor/human/3.3.6/..%2f..%2f..%2fpackage.json',
    '/vendor/human/3.3.6/models/..%2f..%2f..%2f..%2f..%2fpackage.json',
    '/vendor/human/3.3.6/models/%2e%2e%2fREADME.md',
    '/vendor/human/3.3.6/models/README.md',
    '/vendor/human/3.3.6/human.js',
    '/vendor/human/3.3.6/human.esm.js.map',
    '/vendor/human/3.3.6/models/',
    '/vendor/human/0.0.1/human.esm.js',
    '/vendor/tfjs-wasm/4.22.0/tf-backend-wasm.node.js',
    '/vendor/tfjs-wasm/4.22.0//etc/passwd',
    '/vendor//etc/passwd',
    '/vendor/human/3.3.6/models\\..\\..\\package.json',
    '/vendor/face-api/1.7.15/model/../../../../../src/server/config.ts',
  ])('refuses %s (only whitelisted files, no traversal)', async (url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('"name"');
  });

  it('is read-only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      const response = await app.inject({ method, url: manifest.human.script });
      expect(response.statusCode).toBe(404);
    }
  });
});
