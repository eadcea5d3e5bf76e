/**
 * The IR → ONNX converter against its oracle: Intel's official IR files converted by our code and
 * the reference ONNX conversion (both from ../shared/models, read in place) must compute the same
 * embeddings — on random inputs and on real face photos — in onnxruntime-web, the runtime the
 * kiosk uses. The installer refuses any conversion result but the one proved here (its sha256).
 */
import { createHash } from 'node:crypto';
import type * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OnnxConversion } from '../../src/server/face/models/ir-to-onnx';
import { convertModelFiles } from '../../src/server/face/models/install-model';
import { INSTALLABLE_FACE_MODELS } from '../../src/server/face/models/model-sources';
import {
  BIN_NAME,
  MODEL_ID,
  XML_NAME,
  cosine,
  embed,
  facePhotos,
  maxAbsDifference,
  openSession,
  photoInput,
  randomInput,
  sharedModelFile,
} from '../support/face-model-files';

const source = INSTALLABLE_FACE_MODELS[MODEL_ID]!;
let converted: OnnxConversion;
let ours: ort.InferenceSession;
let reference: ort.InferenceSession;

beforeAll(async () => {
  // Exactly as the installer converts, so these bytes (and their sha256) are the installed file's.
  converted = convertModelFiles(source, sharedModelFile(XML_NAME), sharedModelFile(BIN_NAME));
  ours = await openSession(converted.bytes);
  reference = await openSession(sharedModelFile(`${MODEL_ID}.onnx`));
}, 60_000);

describe('face-reidentification-retail-0095: OpenVINO IR converted by our code', () => {
  it('converts every layer of the IR into a graph with the reference interface', () => {
    expect(converted.layerTypes).toEqual({
      Parameter: 1, Const: 209, Convert: 209, Convolution: 63, GroupConvolution: 17, Add: 92, Multiply: 16,
      PReLU: 48, AvgPool: 15, Sigmoid: 15, Result: 1,
    });
    expect(converted.input).toEqual({ name: 't0_0', dims: [1, 3, 128, 128] });
    expect(converted.output).toEqual({ name: 'embedding', dims: [1, 256] });
    expect(ours.inputNames).toEqual(reference.inputNames);
    expect(ours.outputNames).toEqual(reference.outputNames);
    // 1.1 M weights, as Intel publishes for this model; the reference has the same 267 nodes.
    expect(converted.parameterCount).toBe(1_106_814);
    expect(converted.nodeCount).toBe(267);
  });

  it('computes the reference embeddings on random inputs and on real faces', async () => {
    const inputs: [string, Float32Array][] = [
      ...[1, 2, 3].map((seed): [string, Float32Array] => [`random ${seed}`, randomInput(seed)]),
      ...(await Promise.all(
        facePhotos(['dev/deepface-07', 'dev/tv-amy', 'east-asian-dev/BTS_JIMIN', 'east-asian-dev/ITZY_LIA']).map(async (p): Promise<[string, Float32Array]> => [p, await photoInput(p)]),
      )),
    ];
    let worstCosine = 1;
    let worstDifference = 0;
    const embeddings: Float32Array[] = [];
    for (const [name, input] of inputs) {
      const a = await embed(ours, input);
      const b = await embed(reference, input);
      expect(a.length, name).toBe(256);
      expect(cosine(a, b), name).toBeGreaterThanOrEqual(0.99999);
      expect(maxAbsDifference(a, b), name).toBeLessThan(1e-4);
      worstCosine = Math.min(worstCosine, cosine(a, b));
      worstDifference = Math.max(worstDifference, maxAbsDifference(a, b));
      embeddings.push(a);
    }
    // Not a constant output: different faces give clearly different embeddings.
    expect(cosine(embeddings[3]!, embeddings[5]!)).toBeLessThan(0.9);
    console.info(`oracle over ${inputs.length} inputs: lowest cosine ${worstCosine}, largest |difference| ${worstDifference}`);
  }, 60_000);

  it('makes exactly the file the installer accepts', () => {
    expect(createHash('sha256').update(converted.bytes).digest('hex')).toBe(source.convertedSha256);
  });
});
