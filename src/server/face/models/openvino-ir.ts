/**
 * OpenVINO's intermediate representation (IR v10/v11): the graph in an `.xml` (layers with typed
 * ports and `<data>` attributes, and the edges between ports) and the constants in a `.bin` that the
 * `Const` layers point into by offset and size. This module reads both strictly — every edge must
 * join an output port to an input port with the same dimensions, every input port must be fed
 * exactly once, every constant must lie inside the `.bin` with exactly the size its shape needs —
 * and says nothing about what the layers compute (that is ir-to-onnx.ts).
 */
import { FaceModelError } from './model-error';
import { parseXml, type XmlElement } from './strict-xml';

export interface IrPort {
  id: number;
  dims: number[];
  /** Tensor names the framework gave this output (`names="657"`), if any. */
  names: string[];
}

export interface IrLayer {
  id: number;
  name: string;
  type: string;
  /** Operation set the layer's semantics come from, e.g. `opset1`. */
  version: string;
  /** The attributes of `<data>`, as written. */
  data: Record<string, string>;
  inputs: IrPort[];
  outputs: IrPort[];
}

export interface IrEdge {
  fromLayer: number;
  fromPort: number;
  toLayer: number;
  toPort: number;
}

export interface IrGraph {
  name: string;
  irVersion: number;
  /** In topological order: every layer comes after the layers that feed it. */
  layers: IrLayer[];
  edges: IrEdge[];
  /** `${layerId}:${inputPortId}` → the output port that feeds it. */
  sourceOf: Map<string, { layer: IrLayer; port: IrPort }>;
}

const SUPPORTED_IR_VERSIONS = [10, 11];
/** Elements that only carry metadata (runtime hints, conversion parameters): read past. */
const METADATA_ELEMENTS = ['rt_info', 'meta_data'];

export function irError(vi: string, en: string): FaceModelError {
  return new FaceModelError(`Mô hình OpenVINO IR không hợp lệ: ${vi}`, `Invalid OpenVINO IR: ${en}`);
}

function onlyChildren(element: XmlElement, allowed: readonly string[], where: string): void {
  for (const child of element.children) {
    if (!allowed.includes(child.name) && !METADATA_ELEMENTS.includes(child.name)) {
      throw irError(`phần tử <${child.name}> không được hỗ trợ trong ${where} (dòng ${child.line})`, `unsupported element <${child.name}> in ${where} (line ${child.line})`);
    }
  }
}

function integer(text: string | undefined, what: string, line?: number): number {
  if (text === undefined || !/^\d{1,15}$/.test(text.trim())) {
    const at = line === undefined ? { vi: '', en: '' } : { vi: ` (dòng ${line})`, en: ` (line ${line})` };
    throw irError(`${what} phải là số nguyên không âm, nhận được "${text ?? ''}"${at.vi}`, `${what} must be a non-negative integer, got "${text ?? ''}"${at.en}`);
  }
  return Number(text.trim());
}

function parsePort(element: XmlElement, layerLabel: string): IrPort {
  onlyChildren(element, ['dim'], `${layerLabel}`);
  return {
    id: integer(element.attributes['id'], `port id (${layerLabel})`, element.line),
    dims: element.children.filter((c) => c.name === 'dim').map((d) => integer(d.text, `<dim> (${layerLabel})`, d.line)),
    names: (element.attributes['names'] ?? '').split(',').map((n) => n.trim()).filter(Boolean),
  };
}

function portsOf(layer: XmlElement, kind: 'input' | 'output', label: string): IrPort[] {
  const groups = layer.children.filter((c) => c.name === kind);
  if (groups.length > 1) throw irError(`${label} có nhiều hơn một <${kind}>`, `${label} has more than one <${kind}>`);
  if (groups.length === 0) return [];
  onlyChildren(groups[0]!, ['port'], label);
  const ports = groups[0]!.children.filter((c) => c.name === 'port').map((p) => parsePort(p, label));
  return ports;
}

/** A layer as people find it in the .xml: `layer 684 "658" (Convolution)`. */
export function describeLayer(layer: Pick<IrLayer, 'id' | 'name' | 'type'>): string {
  return `layer ${layer.id} "${layer.name}" (${layer.type})`;
}

export function parseIrXml(xml: string): IrGraph {
  const root = parseXml(xml);
  if (root.name !== 'net') throw irError(`phần tử gốc là <${root.name}>, không phải <net>`, `the root element is <${root.name}>, not <net>`);
  const irVersion = Number(root.attributes['version']);
  if (!SUPPORTED_IR_VERSIONS.includes(irVersion)) {
    throw irError(
      `phiên bản IR "${root.attributes['version'] ?? ''}" không được hỗ trợ (chỉ ${SUPPORTED_IR_VERSIONS.join(', ')})`,
      `IR version "${root.attributes['version'] ?? ''}" is not supported (only ${SUPPORTED_IR_VERSIONS.join(', ')})`,
    );
  }
  onlyChildren(root, ['layers', 'edges'], '<net>');
  const layersElement = root.children.find((c) => c.name === 'layers');
  const edgesElement = root.children.find((c) => c.name === 'edges');
  if (!layersElement || !edgesElement) throw irError('thiếu <layers> hoặc <edges>', '<layers> or <edges> is missing');
  onlyChildren(layersElement, ['layer'], '<layers>');
  onlyChildren(edgesElement, ['edge'], '<edges>');

  const byId = new Map<number, IrLayer>();
  for (const element of layersElement.children.filter((c) => c.name === 'layer')) {
    const id = integer(element.attributes['id'], 'layer id', element.line);
    const label = `layer ${id}`;
    onlyChildren(element, ['data', 'input', 'output'], label);
    const dataElements = element.children.filter((c) => c.name === 'data');
    if (dataElements.length > 1) throw irError(`${label} có nhiều hơn một <data>`, `${label} has more than one <data>`);
    const type = element.attributes['type'];
    if (!type) throw irError(`${label} không có thuộc tính type (dòng ${element.line})`, `${label} has no type (line ${element.line})`);
    const layer: IrLayer = {
      id,
      name: element.attributes['name'] ?? String(id),
      type,
      version: element.attributes['version'] ?? '',
      data: { ...(dataElements[0]?.attributes ?? {}) },
      inputs: portsOf(element, 'input', label),
      outputs: portsOf(element, 'output', label),
    };
    if (byId.has(id)) throw irError(`id lớp ${id} lặp lại`, `layer id ${id} is repeated`);
    const portIds = [...layer.inputs, ...layer.outputs].map((p) => p.id);
    if (new Set(portIds).size !== portIds.length) throw irError(`${describeLayer(layer)} có id cổng lặp lại`, `${describeLayer(layer)} repeats a port id`);
    byId.set(id, layer);
  }

  const edges: IrEdge[] = [];
  const sourceOf = new Map<string, { layer: IrLayer; port: IrPort }>();
  for (const element of edgesElement.children) {
    const edge: IrEdge = {
      fromLayer: integer(element.attributes['from-layer'], 'from-layer', element.line),
      fromPort: integer(element.attributes['from-port'], 'from-port', element.line),
      toLayer: integer(element.attributes['to-layer'], 'to-layer', element.line),
      toPort: integer(element.attributes['to-port'], 'to-port', element.line),
    };
    const from = byId.get(edge.fromLayer);
    const to = byId.get(edge.toLayer);
    const fromPort = from?.outputs.find((p) => p.id === edge.fromPort);
    const toPort = to?.inputs.find((p) => p.id === edge.toPort);
    if (!from || !to || !fromPort || !toPort) {
      throw irError(
        `cạnh ${edge.fromLayer}:${edge.fromPort} → ${edge.toLayer}:${edge.toPort} trỏ tới cổng không tồn tại (dòng ${element.line})`,
        `edge ${edge.fromLayer}:${edge.fromPort} → ${edge.toLayer}:${edge.toPort} names a port that does not exist (line ${element.line})`,
      );
    }
    const key = `${edge.toLayer}:${edge.toPort}`;
    if (sourceOf.has(key)) throw irError(`cổng vào ${key} được nối hai lần`, `input port ${key} is fed twice`);
    if (fromPort.dims.join(',') !== toPort.dims.join(',')) {
      throw irError(
        `cạnh ${edge.fromLayer}:${edge.fromPort} → ${key} nối [${fromPort.dims.join(',')}] với [${toPort.dims.join(',')}]`,
        `edge ${edge.fromLayer}:${edge.fromPort} → ${key} joins [${fromPort.dims.join(',')}] to [${toPort.dims.join(',')}]`,
      );
    }
    sourceOf.set(key, { layer: from, port: fromPort });
    edges.push(edge);
  }
  for (const layer of byId.values()) {
    for (const port of layer.inputs) {
      if (!sourceOf.has(`${layer.id}:${port.id}`)) {
        throw irError(`cổng vào ${port.id} của ${describeLayer(layer)} không được nối`, `input port ${port.id} of ${describeLayer(layer)} is not connected`);
      }
    }
  }
  return { name: root.attributes['name'] ?? '', irVersion, layers: topologicalOrder(byId, edges), edges, sourceOf };
}

/** Kahn's algorithm, ties broken by layer id so the result (and the ONNX file) is reproducible. */
function topologicalOrder(byId: Map<number, IrLayer>, edges: IrEdge[]): IrLayer[] {
  const pending = new Map<number, number>([...byId.keys()].map((id) => [id, 0]));
  const next = new Map<number, number[]>();
  for (const edge of edges) {
    pending.set(edge.toLayer, pending.get(edge.toLayer)! + 1);
    next.set(edge.fromLayer, [...(next.get(edge.fromLayer) ?? []), edge.toLayer]);
  }
  const ready = [...pending].filter(([, n]) => n === 0).map(([id]) => id).sort((a, b) => a - b);
  const order: IrLayer[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(byId.get(id)!);
    for (const to of next.get(id) ?? []) {
      const left = pending.get(to)! - 1;
      pending.set(to, left);
      if (left === 0) {
        const at = ready.findIndex((r) => r > to);
        ready.splice(at < 0 ? ready.length : at, 0, to);
      }
    }
  }
  if (order.length !== byId.size) throw irError('đồ thị có chu trình', 'the graph has a cycle');
  return order;
}

/** "1, 3, 1, 1" → [1, 3, 1, 1]; "" is a scalar. */
export function parseShape(text: string | undefined, what: string): number[] {
  if (text === undefined) throw irError(`thiếu ${what}`, `${what} is missing`);
  if (text.trim() === '') return [];
  return text.split(',').map((part) => integer(part, what));
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}

const BYTES_PER_ELEMENT: Record<string, number> = { f16: 2, f32: 4 };

export interface IrConstant {
  elementType: 'f16' | 'f32';
  dims: number[];
  /** Exactly the constant's bytes, little-endian as IR stores them. */
  bytes: Uint8Array;
}

/** The bytes of a `Const` layer, checked against its shape and the size of the .bin. */
export function readIrConstant(layer: IrLayer, bin: Uint8Array): IrConstant {
  const label = describeLayer(layer);
  const elementType = layer.data['element_type'];
  if (elementType !== 'f16' && elementType !== 'f32') {
    throw irError(`${label}: kiểu phần tử "${elementType ?? ''}" không được hỗ trợ (chỉ f16, f32)`, `${label}: element type "${elementType ?? ''}" is not supported (only f16, f32)`);
  }
  const dims = parseShape(layer.data['shape'], `shape of ${label}`);
  const offset = integer(layer.data['offset'], `offset of ${label}`);
  const size = integer(layer.data['size'], `size of ${label}`);
  const expected = elementCount(dims) * BYTES_PER_ELEMENT[elementType]!;
  if (size !== expected) {
    throw irError(`${label}: size ${size} không khớp hình dạng [${dims.join(',')}] (${expected} byte)`, `${label}: size ${size} does not match shape [${dims.join(',')}] (${expected} bytes)`);
  }
  if (offset + size > bin.byteLength) {
    throw irError(
      `${label}: dữ liệu ở ${offset}…${offset + size} vượt quá tệp .bin (${bin.byteLength} byte) — tệp .bin bị cắt cụt hoặc không đúng`,
      `${label}: data at ${offset}…${offset + size} lies beyond the .bin (${bin.byteLength} bytes) — the .bin is truncated or not the right one`,
    );
  }
  const output = layer.outputs[0];
  if (layer.outputs.length !== 1 || output!.dims.join(',') !== dims.join(',')) {
    throw irError(`${label}: cổng ra không khớp hình dạng [${dims.join(',')}]`, `${label}: its output port does not match shape [${dims.join(',')}]`);
  }
  return { elementType, dims, bytes: bin.subarray(offset, offset + size) };
}

/** IEEE 754 half → single precision. Every half value is exactly representable as a float32. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** A constant's values as float32: f16 widened exactly, f32 copied. */
export function constantToFloat32(constant: IrConstant): Float32Array {
  const view = new DataView(constant.bytes.buffer, constant.bytes.byteOffset, constant.bytes.byteLength);
  const count = elementCount(constant.dims);
  const values = new Float32Array(count);
  if (constant.elementType === 'f16') for (let i = 0; i < count; i += 1) values[i] = halfToFloat(view.getUint16(i * 2, true));
  else for (let i = 0; i < count; i += 1) values[i] = view.getFloat32(i * 4, true);
  return values;
}
