/**
 * `motcua models install` through the real command line (a child process with DATA_DIR set), the
 * way a site installs the recognition model: from a folder (the shared copies of Intel's files, read
 * in place), from a mirror URL (a 127.0.0.1 server handing out those files), and every way it must
 * refuse — a changed byte, a truncated file, no network — installing nothing and keeping the model
 * installed before. stdout is one JSON object; messages go to stderr in Vietnamese and English.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runModelsCommand } from '../../src/cli/models-command';
import { INSTALLABLE_FACE_MODELS } from '../../src/server/face/models/model-sources';
import { listInstalledFaceModels, type InstalledModelRecord } from '../../src/server/face/models/model-store';
import { BIN_NAME, MODEL_ID, SHARED_MODEL_DIR, XML_NAME, cosine, embed, facePhotos, openSession, photoInput, sharedModelFile } from '../support/face-model-files';

const ROOT = new URL('../..', import.meta.url).pathname;
const source = INSTALLABLE_FACE_MODELS[MODEL_ID]!;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const { MOTCUA_MODEL_BASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `motcua-${prefix}-`));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const modelDir = (dataDir: string) => join(dataDir, 'models', MODEL_ID);
const readRecord = (dataDir: string) => JSON.parse(readFileSync(join(modelDir(dataDir), 'model.json'), 'utf8')) as InstalledModelRecord;

/** A folder with the official files, one of them altered by `change`. */
function copyOfficialFiles(change?: { file: string; edit: (bytes: Uint8Array) => Uint8Array }): string {
  const dir = tempDir('model-files');
  for (const name of [XML_NAME, BIN_NAME]) {
    const bytes = sharedModelFile(name);
    writeFileSync(join(dir, name), change?.file === name ? change.edit(bytes) : bytes);
  }
  return dir;
}

async function installGood(dataDir: string): Promise<CliRun> {
  const run = await cli(['models', 'install', '--from', SHARED_MODEL_DIR], { DATA_DIR: dataDir });
  expect(run.code, run.stderr).toBe(0);
  return run;
}

describe('models install --from <folder>', () => {
  it('installs model.onnx and model.json that give the reference embeddings, then says it is already installed', async () => {
    const dataDir = tempDir('data');
    const run = await installGood(dataDir);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(result).toMatchObject({ installed: MODEL_ID, alreadyInstalled: false, sha256: source.convertedSha256, source: SHARED_MODEL_DIR, path: modelDir(dataDir) });
    expect(run.stderr).toContain(`Đã cài mô hình ${MODEL_ID}`);
    expect(run.stderr).toContain(`Installed model ${MODEL_ID}`);

    const onnx = new Uint8Array(readFileSync(join(modelDir(dataDir), 'model.onnx')));
    expect(result['bytes']).toBe(onnx.byteLength);
    const record = readRecord(dataDir);
    expect(record).toMatchObject({
      id: MODEL_ID,
      bytes: onnx.byteLength,
      sha256: source.convertedSha256,
      source: SHARED_MODEL_DIR,
      sourceKind: 'folder',
      converter: { name: 'motcua ir-to-onnx', version: '1' },
      licence: '© Intel Corporation, Apache-2.0; converted from OpenVINO IR FP16 to ONNX by motcua, weights unchanged',
      onnx: { opset: 13, input: { name: 't0_0', dims: [1, 3, 128, 128], channels: 'BGR' }, output: { name: 'embedding', dims: [1, 256] } },
    });
    expect(record.inputs.map((i) => [i.name, i.sha384, i.location])).toEqual([
      [XML_NAME, source.xml.sha384, join(SHARED_MODEL_DIR, XML_NAME)],
      [BIN_NAME, source.bin.sha384, join(SHARED_MODEL_DIR, BIN_NAME)],
    ]);
    expect(Date.now() - Date.parse(record.installedAt)).toBeLessThan(120_000);
    // Nothing but the model folder is left behind.
    expect(readdirSync(join(dataDir, 'models'))).toEqual([MODEL_ID]);

    const [photo] = facePhotos(['east-asian-dev/BTS_RM']);
    const input = await photoInput(photo!);
    const installed = await embed(await openSession(onnx), input);
    const reference = await embed(await openSession(sharedModelFile(`${MODEL_ID}.onnx`)), input);
    expect(cosine(installed, reference)).toBeGreaterThanOrEqual(0.99999);

    const again = await cli(['models', 'install', '--from', SHARED_MODEL_DIR], { DATA_DIR: dataDir });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ installed: MODEL_ID, alreadyInstalled: true, sha256: source.convertedSha256 });
    expect(again.stderr).toContain('đã được cài đặt');
    expect(again.stderr).toContain('already installed');
    expect(readRecord(dataDir).installedAt).toBe(record.installedAt);
    console.info(`models install --from: ${result['seconds']} s in the command (${run.seconds.toFixed(2)} s with process start); model.onnx ${onnx.byteLength} bytes, sha256 ${record.sha256}`);
  }, 60_000);

  it('finds the FP16 files by name and hash in the model downloader\'s folder layout', async () => {
    const usb = tempDir('usb');
    // FP32 and FP16-INT8 folders hold files of the same names, which are not ours.
    for (const [folder, file] of [['FP32', XML_NAME], ['FP16-INT8', BIN_NAME]] as const) {
      mkdirSync(join(usb, 'intel', MODEL_ID, folder), { recursive: true });
      writeFileSync(join(usb, 'intel', MODEL_ID, folder, file), 'not the FP16 file');
    }
    mkdirSync(join(usb, 'intel', MODEL_ID, 'FP16'));
    for (const name of [XML_NAME, BIN_NAME]) copyFileSync(join(SHARED_MODEL_DIR, name), join(usb, 'intel', MODEL_ID, 'FP16', name));
    const dataDir = tempDir('data');
    const run = await cli(['models', 'install', '--from', usb], { DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(readRecord(dataDir).inputs.map((i) => i.location)).toEqual([XML_NAME, BIN_NAME].map((n) => join(usb, 'intel', MODEL_ID, 'FP16', n)));
  }, 60_000);
});

describe('models install from a URL (MOTCUA_MODEL_BASE_URL)', () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];

  beforeAll(async () => {
    // A mirror with Intel's layout: <base>/<id>/FP16/<file>.
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      const name = [XML_NAME, BIN_NAME].find((n) => request.url === `/omz/${MODEL_ID}/FP16/${n}`);
      if (!name) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(sharedModelFile(name));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/omz`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads both files, checks them and installs', async () => {
    const dataDir = tempDir('data');
    const run = await cli(['models', 'install'], { DATA_DIR: dataDir, MOTCUA_MODEL_BASE_URL: base });
    expect(run.code, run.stderr).toBe(0);
    expect(requested).toEqual([`/omz/${MODEL_ID}/FP16/${XML_NAME}`, `/omz/${MODEL_ID}/FP16/${BIN_NAME}`]);
    expect(JSON.parse(run.stdout)).toMatchObject({ installed: MODEL_ID, alreadyInstalled: false, sha256: source.convertedSha256, source: `${base}/${MODEL_ID}/FP16/` });
    expect(readRecord(dataDir)).toMatchObject({ sourceKind: 'url', source: `${base}/${MODEL_ID}/FP16/` });
    expect(run.stderr).toContain(`Đang tải ${base}/${MODEL_ID}/FP16/${XML_NAME}`);
  }, 60_000);

  it('a mirror without the files: exit 2, the HTTP status and the offline way named', async () => {
    const dataDir = tempDir('data');
    const run = await cli(['models', 'install'], { DATA_DIR: dataDir, MOTCUA_MODEL_BASE_URL: `${base}/missing` });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Không tải được .*\(HTTP 404\)/);
    expect(run.stderr).toMatch(/Could not download .*\(HTTP 404\)/);
    expect(existsSync(join(dataDir, 'models'))).toBe(false);
  }, 60_000);

  it('no network (a closed port): exit 2 at once, saying that --from <folder> works offline, in both languages', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const dataDir = tempDir('data');
    const run = await cli(['models', 'install'], { DATA_DIR: dataDir, MOTCUA_MODEL_BASE_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toMatch(/Không tải được[^\n]*models install --from <thư mục>/);
    expect(run.stderr).toMatch(/Could not download[^\n]*no internet access[^\n]*models install --from <folder>/);
    expect(run.seconds).toBeLessThan(20);
    expect(existsSync(join(dataDir, 'models'))).toBe(false);
  }, 60_000);
});

describe('models install refuses wrong files and keeps what was installed', () => {
  const flipOneByte = (bytes: Uint8Array) => {
    const copy = new Uint8Array(bytes);
    copy[1_000_000] = copy[1_000_000]! ^ 0x01;
    return copy;
  };

  it('one changed byte in the .bin: exit 2, sha384 named, nothing installed', async () => {
    const dataDir = tempDir('data');
    const run = await cli(['models', 'install', '--from', copyOfficialFiles({ file: BIN_NAME, edit: flipOneByte })], { DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`có sha384 [0-9a-f]{96}, khác với tệp chính thức ${BIN_NAME.replace(/\./g, '\\.')}`));
    expect(run.stderr).toMatch(/has sha384 [0-9a-f]{96}, not the official .*Nothing installed\./);
    expect(existsSync(join(dataDir, 'models'))).toBe(false);
  }, 60_000);

  it('a failed reinstall (changed .xml, truncated .bin, missing file) leaves the installed model exactly as it was', async () => {
    const dataDir = tempDir('data');
    await installGood(dataDir);
    const before = { record: readFileSync(join(modelDir(dataDir), 'model.json')), onnx: readFileSync(join(modelDir(dataDir), 'model.onnx')) };

    const changedXml = copyOfficialFiles({ file: XML_NAME, edit: (b) => new TextEncoder().encode(new TextDecoder().decode(b).replace('strides="2, 2"', 'strides="1, 1"')) });
    const truncatedBin = copyOfficialFiles({ file: BIN_NAME, edit: (b) => b.subarray(0, 1_000_000) });
    const missingBin = copyOfficialFiles();
    rmSync(join(missingBin, BIN_NAME));
    const refusals: [string, RegExp][] = [
      [changedXml, /has sha384 .* not the official face-reidentification-retail-0095\.xml/],
      [truncatedBin, /has 1000000 bytes; the official face-reidentification-retail-0095\.bin has 2213628 \(truncated/],
      [missingBin, /face-reidentification-retail-0095\.bin was not found in/],
    ];
    for (const [folder, message] of refusals) {
      const run = await cli(['models', 'install', '--from', folder], { DATA_DIR: dataDir });
      expect(run.code, folder).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain(`Mô hình ${MODEL_ID} đã cài trước đó vẫn được giữ nguyên.`);
      expect(run.stderr).toContain(`The ${MODEL_ID} installed earlier is kept as it was.`);
    }
    expect(readFileSync(join(modelDir(dataDir), 'model.json')).equals(before.record)).toBe(true);
    expect(readFileSync(join(modelDir(dataDir), 'model.onnx')).equals(before.onnx)).toBe(true);
    expect(listInstalledFaceModels(dataDir).map((m) => m.id)).toEqual([MODEL_ID]);
  }, 90_000);

  it('a damaged installed model.onnx is replaced by a fresh install, not reported as installed', async () => {
    const dataDir = tempDir('data');
    await installGood(dataDir);
    writeFileSync(join(modelDir(dataDir), 'model.onnx'), 'half a model');
    const skipped: string[] = [];
    expect(listInstalledFaceModels(dataDir, (_folder, reason) => skipped.push(reason))).toEqual([]);
    expect(skipped).toEqual([expect.stringMatching(/model\.onnx has 12 bytes, \d+ recorded/)]);
    const run = await installGood(dataDir);
    expect(JSON.parse(run.stdout)).toMatchObject({ alreadyInstalled: false, sha256: source.convertedSha256 });
    expect(listInstalledFaceModels(dataDir).map((m) => m.sha256)).toEqual([source.convertedSha256]);
    expect(readdirSync(join(dataDir, 'models'))).toEqual([MODEL_ID]);
  }, 60_000);
});

describe('models command, in process', () => {
  const run = async (args: string[], dataDir: string, env: NodeJS.ProcessEnv = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runModelsCommand(args, { dataDir, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };
  let dataDir: string;
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [['install', '--model', 'face-api-128-aligned'], /ships with motcua; there is nothing to install/],
    [['install', '--model', 'arcface'], /Unknown model "arcface"\. Installable: face-reidentification-retail-0095\./],
    [['install', '--frm', '/tmp'], /Unknown option "--frm"/],
    [['install', '--from'], /Option --from needs a value/],
    [['install', '--from', '/nonexistent/usb'], /Folder "\/nonexistent\/usb" not found/],
    [['uninstall'], /Unknown subcommand "uninstall"/],
  ])('%j → exit 2, nothing on stdout, both languages on stderr', async (args, message) => {
    dataDir = tempDir('data');
    const result = await run(args, dataDir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    expect(existsSync(join(dataDir, 'models'))).toBe(false);
  });

  it('a MOTCUA_MODEL_BASE_URL that is not an http(s) address → exit 2 before any download', async () => {
    dataDir = tempDir('data');
    const result = await run(['install'], dataDir, { MOTCUA_MODEL_BASE_URL: 'storage.example/models' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'MOTCUA_MODEL_BASE_URL "storage.example/models" không phải địa chỉ http(s)://.\nMOTCUA_MODEL_BASE_URL "storage.example/models" is not an http(s):// address.\n',
    });
  });

  it('an install interrupted mid-way is invisible, and the next install repairs it', async () => {
    dataDir = tempDir('data');
    expect((await run(['install', '--from', SHARED_MODEL_DIR], dataDir)).code).toBe(0);
    const installedAt = readRecord(dataDir).installedAt;
    // Interrupted between its two renames: the model is aside, a half-written staging folder beside it.
    const models = join(dataDir, 'models');
    renameSync(modelDir(dataDir), join(models, `.replaced-${MODEL_ID}-1-aa`));
    mkdirSync(join(models, `.staging-${MODEL_ID}-2-bb`));
    writeFileSync(join(models, `.staging-${MODEL_ID}-2-bb`, 'model.onnx'), 'half');
    expect(listInstalledFaceModels(dataDir)).toEqual([]);
    expect(JSON.parse((await run(['list'], dataDir)).stdout)).toEqual([]);

    const repaired = await run(['install', '--from', SHARED_MODEL_DIR], dataDir);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(JSON.parse(repaired.stdout)).toMatchObject({ alreadyInstalled: true });
    expect(readdirSync(models)).toEqual([MODEL_ID]);
    expect(readRecord(dataDir).installedAt).toBe(installedAt);
    const listed = JSON.parse((await run(['list'], dataDir)).stdout) as { id: string; sha256: string; source: string; installedAt: string }[];
    expect(listed).toEqual([expect.objectContaining({ id: MODEL_ID, sha256: source.convertedSha256, source: SHARED_MODEL_DIR, installedAt })]);
  });
});
