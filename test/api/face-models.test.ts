/**
 * The application serves the recognition model installed under its data directory (AppOptions.dataDir):
 * the kiosk finds it in the face-asset manifest and loads it from there, without signing in.
 * The model is installed from ../shared/models, read in place.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest } from '../../src/contracts/face';
import { installFaceModel } from '../../src/server/face/models/install-model';
import { MODEL_ID, SHARED_MODEL_DIR } from '../support/face-model-files';
import { createTestApp, type TestApp } from '../support/test-app';

let dataDir: string;
let t: TestApp;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-api-models-'));
  t = await createTestApp({ dataDir });
});

afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('installed face model through the application', () => {
  it('appears in the manifest once installed and is served at its URL', async () => {
    const before = (await t.request('GET', FACE_ASSET_MANIFEST_URL, null)).json() as FaceAssetManifest;
    expect(before.installedModels).toEqual([]);

    const installed = await installFaceModel({ dataDir, modelId: MODEL_ID, from: SHARED_MODEL_DIR });
    const after = (await t.request('GET', FACE_ASSET_MANIFEST_URL, null)).json() as FaceAssetManifest;
    expect(after.installedModels).toEqual([{ id: MODEL_ID, url: expect.stringMatching(/^\/vendor\/models\/face-reidentification-retail-0095\/[0-9a-f]{16}\/model\.onnx$/), sha256: installed.sha256, bytes: installed.bytes }]);

    const response = await t.request('GET', after.installedModels[0]!.url, null);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(installed.sha256);
  }, 30_000);
});
