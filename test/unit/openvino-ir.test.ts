/**
 * Reading OpenVINO IR and converting it: small hand-written IR graphs whose ONNX result must compute
 * what OpenVINO's operators define (per-channel PReLU, depthwise GroupConvolution, AvgPool that
 * excludes padding), and an IR that is wrong in any way we can think of — an unknown layer type,
 * attribute or value, a constant outside the .bin, a shape the IR declares differently — refused
 * with an error that names what is wrong. The real IR is read in place from ../shared/models.
 */
import { describe, expect, it } from 'vitest';
import { convertIrToOnnx } from '../../src/server/face/models/ir-to-onnx';
import { FaceModelError } from '../../src/server/face/models/model-error';
import { halfToFloat, parseIrXml } from '../../src/server/face/models/openvino-ir';
import { BIN_NAME, XML_NAME, openSession, runSession, sharedModelFile } from '../support/face-model-files';

interface TinyLayer {
  id: number;
  type: string;
  data?: Record<string, string>;
  inputs?: number[][];
  outputs?: number[][];
  version?: string;
}

/** IR v11 XML; a layer's input ports are numbered from 0, its output ports after them. */
function irXml(layers: TinyLayer[], edges: [number, number, number, number][]): string {
  const port = (id: number, dims: number[]) => `<port id="${id}" precision="FP32">${dims.map((d) => `<dim>${d}</dim>`).join('')}</port>`;
  const body = layers
    .map((l) => {
      const data = l.data ? `<data ${Object.entries(l.data).map(([k, v]) => `${k}="${v}"`).join(' ')} />` : '';
      const inputs = l.inputs?.length ? `<input>${l.inputs.map((d, i) => port(i, d)).join('')}</input>` : '';
      const outputs = l.outputs?.length ? `<output>${l.outputs.map((d, i) => port((l.inputs?.length ?? 0) + i, d)).join('')}</output>` : '';
      return `<layer id="${l.id}" name="L${l.id}" type="${l.type}" version="${l.version ?? 'opset1'}">${data}${inputs}${outputs}</layer>`;
    })
    .join('\n');
  const edgeXml = edges.map(([a, b, c, d]) => `<edge from-layer="${a}" from-port="${b}" to-layer="${c}" to-port="${d}" />`).join('\n');
  return `<?xml version="1.0"?>\n<net name="tiny" version="11">\n<layers>\n${body}\n</layers>\n<edges>\n${edgeXml}\n</edges>\n</net>\n`;
}

/** float → IEEE half bits, for the exactly representable values these tests use. */
function half(value: number): number {
  if (value === 0) return Object.is(value, -0) ? 0x8000 : 0;
  const sign = value < 0 ? 0x8000 : 0;
  const exponent = Math.floor(Math.log2(Math.abs(value)));
  const fraction = Math.abs(value) / 2 ** exponent - 1;
  const bits = sign | ((exponent + 15) << 10) | Math.round(fraction * 1024);
  if (halfToFloat(bits) !== value) throw new Error(`${value} is not exact in f16`);
  return bits;
}

function f16Bin(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setUint16(i * 2, half(v), true));
  return bytes;
}

/** A Const (f16 at `offset`) and its Convert to f32, as Intel's IR stores weights. */
function weight(constId: number, dims: number[], offset: number): TinyLayer[] {
  const count = dims.reduce((n, d) => n * d, 1);
  return [
    { id: constId, type: 'Const', data: { element_type: 'f16', shape: dims.join(', '), offset: String(offset), size: String(count * 2) }, outputs: [dims] },
    { id: constId + 1, type: 'Convert', data: { destination_type: 'f32' }, inputs: [dims], outputs: [dims] },
  ];
}

const options = { graphName: 'tiny', inputName: 'x', outputName: 'y' };

async function runConverted(xml: string, bin: Uint8Array, x: number[], dims: number[]) {
  const converted = convertIrToOnnx(xml, bin, options);
  const session = await openSession(converted.bytes);
  const out = await runSession(session, { x: { data: Float32Array.from(x), dims } });
  return { data: Array.from(out['y']!.data), dims: [...out['y']!.dims] };
}

function expectRefusal(run: () => unknown, ...patterns: RegExp[]): FaceModelError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FaceModelError);
  const error = caught as FaceModelError;
  for (const pattern of patterns) expect(error.en).toMatch(pattern);
  expect(error.vi).toMatch(/^(Mô hình OpenVINO IR không hợp lệ|Tệp XML không hợp lệ)/);
  return error;
}

describe('IR layers compute what OpenVINO defines', () => {
  it('PReLU with one slope per channel scales channels, not columns (C = W here, so a wrong broadcast shows)', async () => {
    const xml = irXml(
      [
        { id: 0, type: 'Parameter', data: { element_type: 'f32', shape: '1,2,1,2' }, outputs: [[1, 2, 1, 2]] },
        ...weight(1, [2], 0),
        { id: 3, type: 'PReLU', inputs: [[1, 2, 1, 2], [2]], outputs: [[1, 2, 1, 2]] },
        { id: 4, type: 'Result', inputs: [[1, 2, 1, 2]] },
      ],
      [[0, 0, 3, 0], [1, 0, 2, 0], [2, 1, 3, 1], [3, 2, 4, 0]],
    );
    const got = await runConverted(xml, f16Bin([0.5, 2]), [-4, -8, -4, 8], [1, 2, 1, 2]);
    // Channel 0 (slope 0.5): -4, -8 → -2, -4; channel 1 (slope 2): -4 → -8, and 8 stays.
    expect(got).toEqual({ data: [-2, -4, -8, 8], dims: [1, 4] });
  });

  it('GroupConvolution with 5-D weights is a depthwise convolution', async () => {
    const xml = irXml(
      [
        { id: 0, type: 'Parameter', data: { element_type: 'f32', shape: '1,2,3,3' }, outputs: [[1, 2, 3, 3]] },
        ...weight(1, [2, 1, 1, 2, 2], 0),
        {
          id: 3,
          type: 'GroupConvolution',
          data: { strides: '1, 1', dilations: '1, 1', pads_begin: '0, 0', pads_end: '0, 0', auto_pad: 'explicit' },
          inputs: [[1, 2, 3, 3], [2, 1, 1, 2, 2]],
          outputs: [[1, 2, 2, 2]],
        },
        { id: 4, type: 'Result', inputs: [[1, 2, 2, 2]] },
      ],
      [[0, 0, 3, 0], [1, 0, 2, 0], [2, 1, 3, 1], [3, 2, 4, 0]],
    );
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90];
    // Channel 0 kernel [[1, 0], [0, -1]], channel 1 kernel [[0.5, 0.5], [0, 0]].
    const got = await runConverted(xml, f16Bin([1, 0, 0, -1, 0.5, 0.5, 0, 0]), x, [1, 2, 3, 3]);
    expect(got).toEqual({ data: [-4, -4, -4, -4, 15, 25, 45, 55], dims: [1, 8] });
  });

  it('AvgPool with exclude-pad averages only the pixels inside the image', async () => {
    const xml = irXml(
      [
        { id: 0, type: 'Parameter', data: { element_type: 'f32', shape: '1,1,3,3' }, outputs: [[1, 1, 3, 3]] },
        {
          id: 1,
          type: 'AvgPool',
          data: { kernel: '2, 2', strides: '2, 2', pads_begin: '1, 1', pads_end: '0, 0', 'exclude-pad': 'true', rounding_type: 'floor', auto_pad: 'explicit' },
          inputs: [[1, 1, 3, 3]],
          outputs: [[1, 1, 2, 2]],
        },
        { id: 2, type: 'Result', inputs: [[1, 1, 2, 2]] },
      ],
      [[0, 0, 1, 0], [1, 1, 2, 0]],
    );
    const got = await runConverted(xml, new Uint8Array(0), [1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]);
    // Windows: {1}, {2,3}, {4,7}, {5,6,8,9} — padding not counted.
    expect(got).toEqual({ data: [1, 2.5, 5.5, 7], dims: [1, 4] });
  });

  it('widens f16 exactly, subnormals and limits included', () => {
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x03ff)).toBe(1023 * 2 ** -24);
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(Object.is(halfToFloat(0x8000), -0)).toBe(true);
    expect(halfToFloat(0xfc00)).toBe(Number.NEGATIVE_INFINITY);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });
});

describe('an IR that is not exactly what we understand is refused, naming what is wrong', () => {
  const realXml = () => new TextDecoder().decode(sharedModelFile(XML_NAME));
  const realBin = () => sharedModelFile(BIN_NAME);

  it('an unknown layer type', () => {
    const xml = realXml().replace('type="Sigmoid"', 'type="Swish"');
    const error = expectRefusal(() => convertIrToOnnx(xml, realBin(), options), /layer \d+ "[^"]+" \(Swish\)/, /layer type "Swish" is not supported/);
    expect(error.vi).toMatch(/loại lớp "Swish" không được hỗ trợ/);
  });

  it('an attribute value with other semantics (ceil rounding, same-padding)', () => {
    expectRefusal(() => convertIrToOnnx(realXml().replace('rounding_type="floor"', 'rounding_type="ceil"'), realBin(), options), /\(AvgPool\): rounding_type="ceil" is not supported \(only floor\)/);
    expectRefusal(() => convertIrToOnnx(realXml().replace('auto_pad="explicit"', 'auto_pad="same_upper"'), realBin(), options), /auto_pad="same_upper" is not supported/);
    expectRefusal(() => convertIrToOnnx(realXml().replace('destination_type="f32"', 'destination_type="i64"'), realBin(), options), /destination_type="i64"/);
  });

  it('an attribute we do not know, and an operation set we have not checked', () => {
    expectRefusal(() => convertIrToOnnx(realXml().replace('<data strides="1, 1"', '<data groups="2" strides="1, 1"'), realBin(), options), /attribute "groups" is not supported/);
    expectRefusal(() => convertIrToOnnx(realXml().replace('type="AvgPool" version="opset1"', 'type="AvgPool" version="opset14"'), realBin(), options), /operation set "opset14" is not supported/);
  });

  it('a truncated .bin, and a constant whose size does not fit its shape', () => {
    const bin = realBin();
    expectRefusal(() => convertIrToOnnx(realXml(), bin.subarray(0, bin.byteLength - 1000), options), /beyond the \.bin \(2212628 bytes\)/, /truncated/);
    expectRefusal(() => convertIrToOnnx(realXml().replace('offset="0" size="6"', 'offset="0" size="8"'), bin, options), /size 8 does not match shape \[1,3,1,1\] \(6 bytes\)/);
    expectRefusal(() => convertIrToOnnx(realXml().replace('offset="0" size="6"', 'offset="-6" size="6"'), bin, options), /offset .* must be a non-negative integer, got "-6"/);
  });

  it('a shape the IR declares differently from what ONNX will compute', () => {
    // The stem convolution's padding changed: its output would be 63×63, the IR still says 64×64.
    const xml = realXml().replace('strides="2, 2" dilations="1, 1" pads_begin="1, 1" pads_end="1, 1"', 'strides="2, 2" dilations="1, 1" pads_begin="0, 0" pads_end="0, 0"');
    expect(xml).not.toBe(realXml());
    expectRefusal(() => convertIrToOnnx(xml, realBin(), options), /by ONNX's rules the output is \[1,\d+,63,63\], the IR declares \[1,\d+,64,64\]/);
  });

  it('an f16 constant used without its Convert', () => {
    const xml = irXml(
      [
        { id: 0, type: 'Parameter', data: { element_type: 'f32', shape: '1,2' }, outputs: [[1, 2]] },
        { id: 1, type: 'Const', data: { element_type: 'f16', shape: '2', offset: '0', size: '4' }, outputs: [[2]] },
        { id: 2, type: 'Add', data: { auto_broadcast: 'numpy' }, inputs: [[1, 2], [2]], outputs: [[1, 2]] },
        { id: 3, type: 'Result', inputs: [[1, 2]] },
      ],
      [[0, 0, 2, 0], [1, 0, 2, 1], [2, 2, 3, 0]],
    );
    expectRefusal(() => convertIrToOnnx(xml, f16Bin([1, 2]), options), /layer 1 "L1" \(Const\): an f16 constant is used directly, without a Convert to f32/);
  });

  it('a broken graph: an edge to a missing port, an unconnected input, a cycle', () => {
    const layers: TinyLayer[] = [
      { id: 0, type: 'Parameter', data: { element_type: 'f32', shape: '1,2' }, outputs: [[1, 2]] },
      { id: 1, type: 'Sigmoid', inputs: [[1, 2]], outputs: [[1, 2]] },
      { id: 2, type: 'Result', inputs: [[1, 2]] },
    ];
    expectRefusal(() => parseIrXml(irXml(layers, [[0, 0, 1, 0], [1, 5, 2, 0]])), /edge 1:5 → 2:0 names a port that does not exist/);
    expectRefusal(() => parseIrXml(irXml(layers, [[0, 0, 1, 0]])), /input port 0 of layer 2 "L2" \(Result\) is not connected/);
    const loop: TinyLayer[] = [
      { id: 0, type: 'Add', inputs: [[1], [1]], outputs: [[1]] },
      { id: 1, type: 'Sigmoid', inputs: [[1]], outputs: [[1]] },
      { id: 2, type: 'Parameter', data: { element_type: 'f32', shape: '1' }, outputs: [[1]] },
    ];
    expectRefusal(() => parseIrXml(irXml(loop, [[2, 0, 0, 0], [1, 1, 0, 1], [0, 2, 1, 0]])), /the graph has a cycle/);
  });

  it('XML outside the plain subset IR uses, and IR versions we do not read', () => {
    expectRefusal(() => parseIrXml('<?xml version="1.0"?><!DOCTYPE net [<!ENTITY x SYSTEM "file:///etc/passwd">]><net version="11"/>'), /a DOCTYPE is not accepted/);
    expectRefusal(() => parseIrXml('<net version="11">\n<layers>\n</edges>\n</net>'), /line 3.*closing tag <\/edges> does not match <layers>/);
    expectRefusal(() => parseIrXml('<net version="11"><layers/><edges/></net><net/>'), /content after the root element/);
    expectRefusal(() => parseIrXml('<net version="7"><layers/><edges/></net>'), /IR version "7" is not supported/);
    expectRefusal(() => parseIrXml('<net version="11"><layers/><edges/><statistics/></net>'), /unsupported element <statistics>/);
  });

  it('accepts the real IR as it is', () => {
    const graph = parseIrXml(realXml());
    expect(graph.irVersion).toBe(11);
    expect(graph.layers).toHaveLength(686);
    expect(graph.layers[0]!.type).toBe('Parameter');
    expect(graph.layers.at(-1)!.type).toBe('Result');
  });
});
