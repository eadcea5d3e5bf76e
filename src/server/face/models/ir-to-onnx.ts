/**
 * OpenVINO IR → ONNX (opset 13), for the layer types a face-embedding CNN of Intel's Open Model Zoo
 * uses: Parameter, Const (f16/f32) and its Convert to f32, Convolution, GroupConvolution, Add,
 * Multiply, PReLU, AvgPool, Sigmoid and Result. Weights keep their values (f16 widened exactly to
 * float32 initializers).
 *
 * Strict on purpose: a layer type, operation set, attribute or attribute value not listed here is
 * refused with an error naming it, because a converter that silently computes something slightly
 * different is the worst outcome — the kiosk would match the wrong people without anyone noticing.
 * Every node's output shape is also recomputed by ONNX's rules and compared with the shape the IR
 * declares, which catches a mis-mapped padding, stride or broadcast before the file is written.
 *
 * Mapping notes (why, where the two formats differ):
 * - GroupConvolution's weights are 5-D [G, Cout/G, Cin/G, kH, kW]; ONNX's Conv takes the same bytes
 *   as 4-D [Cout, Cin/G, kH, kW] with `group = G`.
 * - PReLU: OpenVINO applies a 1-D slope of C values per channel (axis 1); ONNX broadcasts from the
 *   last axis, so such a slope is stored as [C, 1, 1] or it would scale the image columns instead.
 * - AvgPool `exclude-pad` is ONNX's `count_include_pad = 0`; `rounding_type = floor` is
 *   `ceil_mode = 0` (ceil rounds differently at the border in the two formats: refused).
 * - The IR's Result is [N, C, 1, 1]; the ONNX output is flattened to [N, C·1·1] (an embedding).
 */
import { elementCount, constantToFloat32, describeLayer, irError, parseIrXml, parseShape, readIrConstant, type IrConstant, type IrGraph, type IrLayer } from './openvino-ir';
import { encodeOnnxModel, type OnnxAttribute, type OnnxNode, type OnnxTensor } from './onnx-writer';

/** Recorded in model.json: a new version means installed models are converted again. */
export const IR_TO_ONNX_CONVERTER_VERSION = '1';
export const ONNX_OPSET = 13;
/** The ONNX file-format version that goes with opset 13. */
export const ONNX_IR_VERSION = 7;

export interface IrToOnnxOptions {
  graphName: string;
  /** Name of the graph input in the ONNX file (the IR's Parameter). */
  inputName: string;
  /** Name of the graph output in the ONNX file (the IR's Result, flattened). */
  outputName: string;
  docString?: string;
  metadata?: Record<string, string>;
}

export interface OnnxConversion {
  bytes: Uint8Array;
  input: { name: string; dims: number[] };
  output: { name: string; dims: number[] };
  nodeCount: number;
  /** Weights and other constants stored in the file. */
  parameterCount: number;
  /** IR layer types converted, with their counts. */
  layerTypes: Record<string, number>;
}

type Value =
  | { kind: 'tensor'; name: string; dims: number[] }
  | { kind: 'constant'; name: string; dims: number[]; constant: IrConstant; widened: boolean; layer: IrLayer };

/** The operation set each supported layer type is understood in. */
const SUPPORTED: Record<string, readonly string[]> = {
  Parameter: ['opset1'],
  Const: ['opset1'],
  Convert: ['opset1'],
  Convolution: ['opset1'],
  GroupConvolution: ['opset1'],
  Add: ['opset1'],
  Multiply: ['opset1'],
  PReLU: ['opset1'],
  AvgPool: ['opset1'],
  Sigmoid: ['opset1'],
  Result: ['opset1'],
};

export function convertIrToOnnx(xml: string, bin: Uint8Array, options: IrToOnnxOptions): OnnxConversion {
  const graph = parseIrXml(xml);
  const converter = new Converter(graph, bin, options);
  return converter.run();
}

class Converter {
  private readonly values = new Map<string, Value>();
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: OnnxTensor[] = [];
  private readonly initializerByKey = new Map<string, string>();
  private readonly usedNames = new Set<string>();
  private input: { name: string; dims: number[] } | null = null;
  private output: { name: string; dims: number[] } | null = null;
  private readonly layerTypes: Record<string, number> = {};

  constructor(
    private readonly graph: IrGraph,
    private readonly bin: Uint8Array,
    private readonly options: IrToOnnxOptions,
  ) {}

  run(): OnnxConversion {
    for (const layer of this.graph.layers) {
      const versions = SUPPORTED[layer.type];
      if (!versions) {
        throw irError(
          `${describeLayer(layer)}: loại lớp "${layer.type}" không được hỗ trợ (chỉ hỗ trợ: ${Object.keys(SUPPORTED).join(', ')})`,
          `${describeLayer(layer)}: layer type "${layer.type}" is not supported (supported: ${Object.keys(SUPPORTED).join(', ')})`,
        );
      }
      if (!versions.includes(layer.version)) {
        throw irError(
          `${describeLayer(layer)}: tập phép toán "${layer.version}" không được hỗ trợ (chỉ ${versions.join(', ')})`,
          `${describeLayer(layer)}: operation set "${layer.version}" is not supported (only ${versions.join(', ')})`,
        );
      }
      this.layerTypes[layer.type] = (this.layerTypes[layer.type] ?? 0) + 1;
      this.convertLayer(layer);
    }
    if (!this.input) throw irError('không có lớp Parameter (đầu vào)', 'there is no Parameter layer (input)');
    if (!this.output) throw irError('không có lớp Result (đầu ra)', 'there is no Result layer (output)');
    const bytes = encodeOnnxModel({
      irVersion: ONNX_IR_VERSION,
      opsetVersion: ONNX_OPSET,
      producerName: 'motcua',
      producerVersion: IR_TO_ONNX_CONVERTER_VERSION,
      ...(this.options.docString ? { docString: this.options.docString } : {}),
      ...(this.options.metadata ? { metadata: this.options.metadata } : {}),
      graph: {
        name: this.options.graphName,
        nodes: this.nodes,
        initializers: this.initializers,
        inputs: [{ name: this.input.name, dataType: 'float32', dims: this.input.dims }],
        outputs: [{ name: this.output.name, dataType: 'float32', dims: this.output.dims }],
      },
    });
    return {
      bytes,
      input: this.input,
      output: this.output,
      nodeCount: this.nodes.length,
      parameterCount: this.initializers.reduce((n, t) => n + t.data.length, 0),
      layerTypes: this.layerTypes,
    };
  }

  private convertLayer(layer: IrLayer): void {
    switch (layer.type) {
      case 'Parameter':
        return this.parameter(layer);
      case 'Const':
        return this.constant(layer);
      case 'Convert':
        return this.convert(layer);
      case 'Convolution':
        return this.convolution(layer, false);
      case 'GroupConvolution':
        return this.convolution(layer, true);
      case 'Add':
        return this.elementwise(layer, 'Add');
      case 'Multiply':
        return this.elementwise(layer, 'Mul');
      case 'PReLU':
        return this.prelu(layer);
      case 'AvgPool':
        return this.avgPool(layer);
      case 'Sigmoid':
        return this.sigmoid(layer);
      case 'Result':
        return this.result(layer);
    }
  }

  // ── layers ────────────────────────────────────────────────────────────────────────────────

  private parameter(layer: IrLayer): void {
    this.attributes(layer, ['element_type', 'shape']);
    this.oneOf(layer, 'element_type', ['f32']);
    const dims = parseShape(layer.data['shape'], `shape of ${describeLayer(layer)}`);
    const port = this.singleOutput(layer);
    if (port.dims.join(',') !== dims.join(',')) this.shapeMismatch(layer, dims, port.dims);
    if (this.input) throw irError('có nhiều hơn một lớp Parameter (đầu vào)', 'there is more than one Parameter layer (input)');
    this.input = { name: this.claimName(this.options.inputName), dims };
    this.values.set(`${layer.id}:${port.id}`, { kind: 'tensor', name: this.input.name, dims });
  }

  private constant(layer: IrLayer): void {
    this.attributes(layer, ['element_type', 'shape', 'offset', 'size']);
    const constant = readIrConstant(layer, this.bin);
    const port = this.singleOutput(layer);
    this.values.set(`${layer.id}:${port.id}`, { kind: 'constant', name: layer.name, dims: constant.dims, constant, widened: constant.elementType === 'f32', layer });
  }

  private convert(layer: IrLayer): void {
    this.attributes(layer, ['destination_type']);
    this.oneOf(layer, 'destination_type', ['f32']);
    const [source] = this.inputs(layer, 1);
    if (source!.kind !== 'constant') {
      throw irError(`${describeLayer(layer)}: chỉ hỗ trợ Convert một hằng số (giải nén trọng số)`, `${describeLayer(layer)}: only a Convert of a constant (weight decompression) is supported`);
    }
    const port = this.singleOutput(layer, source!.dims);
    this.values.set(`${layer.id}:${port.id}`, { ...source!, name: layer.name, widened: true, layer });
  }

  private convolution(layer: IrLayer, grouped: boolean): void {
    this.attributes(layer, ['strides', 'dilations', 'pads_begin', 'pads_end', 'auto_pad']);
    const [x, w] = this.inputs(layer, 2);
    const data = this.tensor(layer, x!);
    const weights = this.weights(layer, w!);
    const spatial = data.dims.length - 2;
    const weightRank = spatial + (grouped ? 3 : 2);
    if (spatial < 1 || weights.dims.length !== weightRank) {
      throw irError(`${describeLayer(layer)}: trọng số [${weights.dims.join(',')}] không khớp đầu vào [${data.dims.join(',')}]`, `${describeLayer(layer)}: weights [${weights.dims.join(',')}] do not fit input [${data.dims.join(',')}]`);
    }
    const groups = grouped ? weights.dims[0]! : 1;
    const outChannels = grouped ? weights.dims[0]! * weights.dims[1]! : weights.dims[0]!;
    const inPerGroup = grouped ? weights.dims[2]! : weights.dims[1]!;
    const kernel = weights.dims.slice(-spatial);
    if (inPerGroup * groups !== data.dims[1]) {
      throw irError(`${describeLayer(layer)}: ${groups} nhóm × ${inPerGroup} kênh ≠ ${data.dims[1]} kênh vào`, `${describeLayer(layer)}: ${groups} groups × ${inPerGroup} channels ≠ ${data.dims[1]} input channels`);
    }
    const strides = this.ints(layer, 'strides', spatial, 1);
    const dilations = this.ints(layer, 'dilations', spatial, 1);
    const pads = this.pads(layer, spatial);
    const onnxWeights = this.initializer(weights, [outChannels, inPerGroup, ...kernel]);
    const dims = [data.dims[0]!, outChannels, ...data.dims.slice(2).map((size, i) => windows(size, pads.begin[i]! + pads.end[i]!, kernel[i]!, strides[i]!, dilations[i]!))];
    this.emit(layer, 'Conv', [data.name, onnxWeights], dims, [
      { name: 'dilations', type: 'ints', value: dilations },
      { name: 'group', type: 'int', value: groups },
      { name: 'kernel_shape', type: 'ints', value: kernel },
      { name: 'pads', type: 'ints', value: [...pads.begin, ...pads.end] },
      { name: 'strides', type: 'ints', value: strides },
    ]);
  }

  private elementwise(layer: IrLayer, opType: 'Add' | 'Mul'): void {
    this.attributes(layer, ['auto_broadcast']);
    const mode = this.oneOf(layer, 'auto_broadcast', ['numpy', 'none'], 'numpy');
    const [a, b] = this.inputs(layer, 2);
    if (a!.kind === 'constant' && b!.kind === 'constant') {
      throw irError(`${describeLayer(layer)}: phép toán giữa hai hằng số không được hỗ trợ`, `${describeLayer(layer)}: an operation on two constants is not supported`);
    }
    if (mode === 'none' && a!.dims.join(',') !== b!.dims.join(',')) {
      throw irError(`${describeLayer(layer)}: auto_broadcast="none" với hai hình dạng khác nhau`, `${describeLayer(layer)}: auto_broadcast="none" with two different shapes`);
    }
    const dims = broadcast(a!.dims, b!.dims);
    if (!dims) throw irError(`${describeLayer(layer)}: không thể broadcast [${a!.dims.join(',')}] với [${b!.dims.join(',')}]`, `${describeLayer(layer)}: [${a!.dims.join(',')}] and [${b!.dims.join(',')}] do not broadcast`);
    this.emit(layer, opType, [this.operand(layer, a!), this.operand(layer, b!)], dims);
  }

  private prelu(layer: IrLayer): void {
    this.attributes(layer, []);
    const [x, s] = this.inputs(layer, 2);
    const data = this.tensor(layer, x!);
    const slope = this.weights(layer, s!);
    const channels = data.dims[1];
    let slopeDims: number[];
    if (slope.dims.length === 0 || (slope.dims.length === 1 && slope.dims[0] === 1)) slopeDims = slope.dims;
    else if (slope.dims.length === 1 && slope.dims[0] === channels && data.dims.length >= 2) slopeDims = [channels, ...data.dims.slice(2).map(() => 1)];
    else {
      throw irError(
        `${describeLayer(layer)}: hệ số dốc [${slope.dims.join(',')}] không phải một giá trị hay một giá trị mỗi kênh (${channels ?? '?'})`,
        `${describeLayer(layer)}: slope [${slope.dims.join(',')}] is neither one value nor one per channel (${channels ?? '?'})`,
      );
    }
    this.emit(layer, 'PRelu', [data.name, this.initializer(slope, slopeDims)], data.dims);
  }

  private avgPool(layer: IrLayer): void {
    this.attributes(layer, ['kernel', 'strides', 'pads_begin', 'pads_end', 'exclude-pad', 'rounding_type', 'auto_pad']);
    const [x] = this.inputs(layer, 1);
    const data = this.tensor(layer, x!);
    const spatial = data.dims.length - 2;
    const kernel = this.ints(layer, 'kernel', spatial);
    const strides = this.ints(layer, 'strides', spatial);
    const pads = this.pads(layer, spatial);
    const excludePad = this.oneOf(layer, 'exclude-pad', ['true', 'false']);
    this.oneOf(layer, 'rounding_type', ['floor'], 'floor');
    const dims = [data.dims[0]!, data.dims[1]!, ...data.dims.slice(2).map((size, i) => windows(size, pads.begin[i]! + pads.end[i]!, kernel[i]!, strides[i]!, 1))];
    this.emit(layer, 'AveragePool', [data.name], dims, [
      { name: 'ceil_mode', type: 'int', value: 0 },
      { name: 'count_include_pad', type: 'int', value: excludePad === 'true' ? 0 : 1 },
      { name: 'kernel_shape', type: 'ints', value: kernel },
      { name: 'pads', type: 'ints', value: [...pads.begin, ...pads.end] },
      { name: 'strides', type: 'ints', value: strides },
    ]);
  }

  private sigmoid(layer: IrLayer): void {
    this.attributes(layer, []);
    const [x] = this.inputs(layer, 1);
    const data = this.tensor(layer, x!);
    this.emit(layer, 'Sigmoid', [data.name], data.dims);
  }

  private result(layer: IrLayer): void {
    this.attributes(layer, []);
    if (layer.outputs.length !== 0) throw irError(`${describeLayer(layer)} có cổng ra`, `${describeLayer(layer)} has an output port`);
    const [x] = this.inputs(layer, 1);
    const data = this.tensor(layer, x!);
    if (this.output) throw irError('có nhiều hơn một lớp Result (đầu ra)', 'there is more than one Result layer (output)');
    if (data.dims.length < 2) throw irError(`${describeLayer(layer)}: đầu ra [${data.dims.join(',')}] không có chiều lô`, `${describeLayer(layer)}: output [${data.dims.join(',')}] has no batch axis`);
    const dims = [data.dims[0]!, elementCount(data.dims.slice(1))];
    const name = this.claimName(this.options.outputName);
    this.nodes.push({ opType: 'Flatten', name: `${layer.name}/flatten`, inputs: [data.name], outputs: [name], attributes: [{ name: 'axis', type: 'int', value: 1 }] });
    this.output = { name, dims };
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  /** The layer's inputs in port order, exactly `count` of them. */
  private inputs(layer: IrLayer, count: number): Value[] {
    if (layer.inputs.length !== count) {
      throw irError(`${describeLayer(layer)} có ${layer.inputs.length} đầu vào, cần ${count}`, `${describeLayer(layer)} has ${layer.inputs.length} inputs, ${count} expected`);
    }
    return [...layer.inputs]
      .sort((a, b) => a.id - b.id)
      .map((port) => {
        const source = this.graph.sourceOf.get(`${layer.id}:${port.id}`)!;
        const value = this.values.get(`${source.layer.id}:${source.port.id}`);
        if (!value) {
          throw irError(`${describeLayer(layer)} nhận đầu vào từ ${describeLayer(source.layer)}, lớp không tạo ra giá trị`, `${describeLayer(layer)} reads from ${describeLayer(source.layer)}, which produces no value`);
        }
        return value;
      });
  }

  private tensor(layer: IrLayer, value: Value): Extract<Value, { kind: 'tensor' }> {
    if (value.kind !== 'tensor') {
      throw irError(`${describeLayer(layer)}: đầu vào dữ liệu là hằng số "${value.name}"`, `${describeLayer(layer)}: its data input is the constant "${value.name}"`);
    }
    return value;
  }

  private weights(layer: IrLayer, value: Value): Extract<Value, { kind: 'constant' }> {
    if (value.kind !== 'constant') {
      throw irError(`${describeLayer(layer)}: trọng số phải là hằng số`, `${describeLayer(layer)}: its weights must be a constant`);
    }
    return value;
  }

  /** A tensor's name, or a constant's as an initializer with its own shape. */
  private operand(layer: IrLayer, value: Value): string {
    return value.kind === 'tensor' ? value.name : this.initializer(this.weights(layer, value), value.dims);
  }

  /** A float32 initializer for a constant, once per shape it is used with. */
  private initializer(value: Extract<Value, { kind: 'constant' }>, dims: number[]): string {
    if (!value.widened) {
      throw irError(`${describeLayer(value.layer)}: hằng số f16 được dùng trực tiếp, không qua Convert sang f32`, `${describeLayer(value.layer)}: an f16 constant is used directly, without a Convert to f32`);
    }
    if (elementCount(dims) !== elementCount(value.dims)) throw new Error(`reshape of ${value.name} to [${dims.join(',')}]`);
    const key = `${value.layer.id}|${dims.join(',')}`;
    const known = this.initializerByKey.get(key);
    if (known) return known;
    const name = this.claimName(value.name);
    this.initializers.push({ name, dims, dataType: 'float32', data: constantToFloat32(value.constant) });
    this.initializerByKey.set(key, name);
    return name;
  }

  private emit(layer: IrLayer, opType: string, inputs: string[], dims: number[], attributes: OnnxAttribute[] = []): void {
    const port = this.singleOutput(layer, dims);
    const name = this.claimName(port.names[0] ?? layer.name);
    this.nodes.push({ opType, name: layer.name, inputs, outputs: [name], attributes });
    this.values.set(`${layer.id}:${port.id}`, { kind: 'tensor', name, dims });
  }

  /** The layer's one output port; its declared shape must be the one ONNX will compute. */
  private singleOutput(layer: IrLayer, dims?: number[]) {
    if (layer.outputs.length !== 1) throw irError(`${describeLayer(layer)} có ${layer.outputs.length} cổng ra, cần 1`, `${describeLayer(layer)} has ${layer.outputs.length} output ports, 1 expected`);
    const port = layer.outputs[0]!;
    if (dims && port.dims.join(',') !== dims.join(',')) this.shapeMismatch(layer, dims, port.dims);
    return port;
  }

  private shapeMismatch(layer: IrLayer, computed: number[], declared: number[]): never {
    throw irError(
      `${describeLayer(layer)}: theo quy tắc ONNX đầu ra là [${computed.join(',')}], IR khai báo [${declared.join(',')}]`,
      `${describeLayer(layer)}: by ONNX's rules the output is [${computed.join(',')}], the IR declares [${declared.join(',')}]`,
    );
  }

  private claimName(wanted: string): string {
    let name = wanted || 'value';
    for (let n = 2; this.usedNames.has(name); n += 1) name = `${wanted}_${n}`;
    this.usedNames.add(name);
    return name;
  }

  /** Refuses any `<data>` attribute not in `allowed`. */
  private attributes(layer: IrLayer, allowed: readonly string[]): void {
    for (const key of Object.keys(layer.data)) {
      if (!allowed.includes(key)) {
        throw irError(
          `${describeLayer(layer)}: thuộc tính "${key}" không được hỗ trợ${allowed.length ? ` (chỉ ${allowed.join(', ')})` : ''}`,
          `${describeLayer(layer)}: attribute "${key}" is not supported${allowed.length ? ` (only ${allowed.join(', ')})` : ''}`,
        );
      }
    }
  }

  private oneOf<T extends string>(layer: IrLayer, key: string, values: readonly T[], fallback?: T): T {
    const value = layer.data[key] ?? fallback;
    if (value === undefined || !values.includes(value as T)) {
      throw irError(
        `${describeLayer(layer)}: ${key}="${value ?? ''}" không được hỗ trợ (chỉ ${values.join(', ')})`,
        `${describeLayer(layer)}: ${key}="${value ?? ''}" is not supported (only ${values.join(', ')})`,
      );
    }
    return value as T;
  }

  private ints(layer: IrLayer, key: string, length: number, minimum = 0): number[] {
    const values = parseShape(layer.data[key], `${key} of ${describeLayer(layer)}`);
    if (values.length !== length || values.some((v) => v < minimum)) {
      throw irError(`${describeLayer(layer)}: ${key}="${layer.data[key]}" cần ${length} số ≥ ${minimum}`, `${describeLayer(layer)}: ${key}="${layer.data[key]}" needs ${length} numbers ≥ ${minimum}`);
    }
    return values;
  }

  private pads(layer: IrLayer, spatial: number): { begin: number[]; end: number[] } {
    const autoPad = this.oneOf(layer, 'auto_pad', ['explicit', 'valid'], 'explicit');
    const begin = this.ints(layer, 'pads_begin', spatial);
    const end = this.ints(layer, 'pads_end', spatial);
    // OpenVINO ignores the explicit pads when auto_pad is "valid".
    return autoPad === 'valid' ? { begin: begin.map(() => 0), end: end.map(() => 0) } : { begin, end };
  }
}

/** Output length of a sliding window (floor rounding), as ONNX's Conv and AveragePool compute it. */
function windows(size: number, padding: number, kernel: number, stride: number, dilation: number): number {
  return Math.floor((size + padding - ((kernel - 1) * dilation + 1)) / stride) + 1;
}

/** NumPy broadcasting, or null when the shapes do not broadcast. */
function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i += 1) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}
