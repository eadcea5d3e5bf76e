/**
 * Our ONNX protobuf writer, read back by onnxruntime (the kiosk's runtime): small hand-built graphs
 * must load and compute the numbers their operators define — which they only do when every field
 * number, wire type and attribute type was written right.
 */
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel, type OnnxAttribute, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from '../../src/server/face/models/onnx-writer';
import { openSession, runSession } from '../support/face-model-files';

function model(nodes: OnnxNode[], inputs: OnnxValueInfo[], outputs: OnnxValueInfo[], initializers: OnnxTensor[] = []): Uint8Array {
  return encodeOnnxModel({
    irVersion: 7,
    opsetVersion: 13,
    producerName: 'motcua-test',
    producerVersion: '0',
    metadata: { purpose: 'test', 'tên': 'mô hình thử' },
    graph: { name: 'g', nodes, initializers, inputs, outputs },
  });
}

const f32 = (name: string, dims: number[]): OnnxValueInfo => ({ name, dataType: 'float32', dims });

async function run(bytes: Uint8Array, feeds: Record<string, { data: number[]; dims: number[] }>, output = 'y') {
  const session = await openSession(bytes);
  const out = await runSession(session, Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, { data: Float32Array.from(v.data), dims: v.dims }])));
  return { data: Array.from(out[output]!.data), dims: [...out[output]!.dims] };
}

/** Plain 2-D convolution (NCHW, grouped), the definition ONNX's Conv implements. */
function naiveConv(x: number[], [n, c, h, w]: number[], weights: number[], [m, cg, kh, kw]: number[], o: { group: number; pads: number[]; strides: number[]; dilations: number[] }) {
  const oh = Math.floor((h + o.pads[0]! + o.pads[2]! - ((kh - 1) * o.dilations[0]! + 1)) / o.strides[0]!) + 1;
  const ow = Math.floor((w + o.pads[1]! + o.pads[3]! - ((kw - 1) * o.dilations[1]! + 1)) / o.strides[1]!) + 1;
  const out: number[] = [];
  const perGroup = m / o.group;
  for (let b = 0; b < n; b += 1)
    for (let f = 0; f < m; f += 1)
      for (let i = 0; i < oh; i += 1)
        for (let j = 0; j < ow; j += 1) {
          let sum = 0;
          const g = Math.floor(f / perGroup);
          for (let k = 0; k < cg; k += 1)
            for (let p = 0; p < kh; p += 1)
              for (let q = 0; q < kw; q += 1) {
                const y = i * o.strides[0]! - o.pads[0]! + p * o.dilations[0]!;
                const xx = j * o.strides[1]! - o.pads[1]! + q * o.dilations[1]!;
                if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
                sum += x[((b * c + g * cg + k) * h + y) * w + xx]! * weights[((f * cg + k) * kh + p) * kw + q]!;
              }
          out.push(sum);
        }
  return { data: out, dims: [n, m, oh, ow] };
}

describe('ONNX writer, read back by onnxruntime', () => {
  it('Add with a broadcast initializer', async () => {
    const bytes = model(
      [{ opType: 'Add', name: 'add', inputs: ['x', 'b'], outputs: ['y'] }],
      [f32('x', [2, 3])],
      [f32('y', [2, 3])],
      [{ name: 'b', dims: [3], dataType: 'float32', data: Float32Array.from([10, -20, 0.5]) }],
    );
    expect(await run(bytes, { x: { data: [1, 2, 3, 4, 5, 6], dims: [2, 3] } })).toEqual({ data: [11, -18, 3.5, 14, -15, 6.5], dims: [2, 3] });
  });

  it('a grouped, strided, padded, dilated Conv gives the textbook convolution', async () => {
    const xDims = [1, 4, 7, 6];
    const wDims = [6, 2, 3, 3];
    const x = Array.from({ length: 4 * 7 * 6 }, (_, i) => ((i * 37) % 23) - 11);
    const w = Array.from({ length: 6 * 2 * 3 * 3 }, (_, i) => (((i * 13) % 17) - 8) / 4);
    const options = { group: 2, pads: [1, 2, 0, 1], strides: [2, 1], dilations: [1, 2] };
    const expected = naiveConv(x, xDims, w, wDims, options);
    const attributes: OnnxAttribute[] = [
      { name: 'group', type: 'int', value: options.group },
      { name: 'kernel_shape', type: 'ints', value: [3, 3] },
      { name: 'pads', type: 'ints', value: options.pads },
      { name: 'strides', type: 'ints', value: options.strides },
      { name: 'dilations', type: 'ints', value: options.dilations },
    ];
    const bytes = model(
      [{ opType: 'Conv', name: 'conv', inputs: ['x', 'w'], outputs: ['y'], attributes }],
      [f32('x', xDims)],
      [f32('y', expected.dims)],
      [{ name: 'w', dims: wDims, dataType: 'float32', data: Float32Array.from(w) }],
    );
    const got = await run(bytes, { x: { data: x, dims: xDims } });
    expect(got.dims).toEqual(expected.dims);
    got.data.forEach((v, i) => expect(v).toBeCloseTo(expected.data[i]!, 4));
  });

  it('float, string and negative int attributes, and an int64 initializer with negative values', async () => {
    const bytes = model(
      [
        { opType: 'LeakyRelu', name: 'leaky', inputs: ['x'], outputs: ['l'], attributes: [{ name: 'alpha', type: 'float', value: 0.25 }] },
        { opType: 'Reshape', name: 'reshape', inputs: ['l', 'shape'], outputs: ['r'] },
        { opType: 'Concat', name: 'concat', inputs: ['r', 'r'], outputs: ['c'], attributes: [{ name: 'axis', type: 'int', value: -1 }] },
        {
          opType: 'AveragePool',
          name: 'pool',
          inputs: ['c'],
          outputs: ['y'],
          attributes: [
            { name: 'auto_pad', type: 'string', value: 'SAME_UPPER' },
            { name: 'kernel_shape', type: 'ints', value: [1, 2] },
          ],
        },
      ],
      [f32('x', [4])],
      [f32('y', [1, 1, 2, 4])],
      [{ name: 'shape', dims: [4], dataType: 'int64', data: BigInt64Array.from([1n, 1n, -1n, 2n]) }],
    );
    // LeakyRelu → [-1, 2, -3, 4]; reshaped [[[-1, 2], [-3, 4]]]; concatenated on the last axis;
    // averaged over windows of 2 along the last axis, the window past the end padded (SAME_UPPER)
    // and the padding not counted.
    const got = await run(bytes, { x: { data: [-4, 2, -12, 4], dims: [4] } });
    expect(got.dims).toEqual([1, 1, 2, 4]);
    expect(got.data).toEqual([0.5, 0.5, 0.5, 2, 0.5, 0.5, 0.5, 4]);
  });

  it('writes the same bytes for the same model (installed files can be compared by hash)', () => {
    const build = () =>
      model([{ opType: 'Sigmoid', name: 's', inputs: ['x'], outputs: ['y'] }], [f32('x', [1, 300])], [f32('y', [1, 300])]);
    expect(Buffer.from(build()).equals(Buffer.from(build()))).toBe(true);
  });

  it('refuses a tensor whose values do not fill its dimensions', () => {
    expect(() =>
      model([], [f32('x', [1])], [f32('x', [1])], [{ name: 'b', dims: [2, 2], dataType: 'float32', data: new Float32Array(3) }]),
    ).toThrow(/tensor b: 3 values for dims \[2,2\]/);
  });
});
