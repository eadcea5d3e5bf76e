/**
 * Writes an ONNX model file: the few protobuf messages a plain feed-forward graph needs
 * (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto and the type and
 * shape messages under it), with field numbers from onnx/onnx.proto. Protobuf's wire format is
 * small enough to write by hand, which keeps a converter dependency (and its install scripts) out of
 * the product. Repeated numbers are written unpacked, as proto2 writers (onnx.proto is proto2) do;
 * tensor values go in `raw_data`, little-endian.
 */

export type OnnxDataType = 'float32' | 'int64';

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: OnnxDataType;
  data: Float32Array | BigInt64Array;
}

export type OnnxAttribute =
  | { name: string; type: 'int'; value: number }
  | { name: string; type: 'ints'; value: number[] }
  | { name: string; type: 'float'; value: number }
  | { name: string; type: 'floats'; value: number[] }
  | { name: string; type: 'string'; value: string };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes?: OnnxAttribute[];
}

export interface OnnxValueInfo {
  name: string;
  dataType: OnnxDataType;
  dims: number[];
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}

export interface OnnxModel {
  /** ONNX IR version of the file format (7 goes with opset 13). */
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  docString?: string;
  /** Key/value pairs stored in the file (provenance, licence). */
  metadata?: Record<string, string>;
  graph: OnnxGraph;
}

// onnx.proto: TensorProto.DataType and AttributeProto.AttributeType.
const DATA_TYPE_CODES: Record<OnnxDataType, number> = { float32: 1, int64: 7 };
const ATTRIBUTE_TYPE_CODES = { float: 1, int: 2, string: 3, floats: 6, ints: 7 } as const;

const WIRE_VARINT = 0;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextEncoder();

/** One message being written: a list of byte chunks, concatenated once at the end. */
class MessageWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
  }

  private key(field: number, wire: number): void {
    this.push(varint(BigInt(field * 8 + wire)));
  }

  int(field: number, value: number | bigint): this {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    this.key(field, WIRE_VARINT);
    this.push(varint(BigInt.asUintN(64, BigInt(value))));
    return this;
  }

  float(field: number, value: number): this {
    this.key(field, WIRE_FIXED32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.key(field, WIRE_LENGTH);
    this.push(varint(BigInt(value.byteLength)));
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  message(field: number, body: MessageWriter): this {
    return this.bytes(field, body.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}

function varint(value: bigint): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0n);
  return Uint8Array.from(bytes);
}

function tensorBytes(tensor: OnnxTensor): Uint8Array {
  const count = tensor.dims.reduce((n, d) => n * d, 1);
  if (tensor.data.length !== count) throw new Error(`tensor ${tensor.name}: ${tensor.data.length} values for dims [${tensor.dims.join(',')}]`);
  const bytes = new Uint8Array(count * (tensor.dataType === 'float32' ? 4 : 8));
  const view = new DataView(bytes.buffer);
  if (tensor.dataType === 'float32') {
    const data = tensor.data as Float32Array;
    for (let i = 0; i < count; i += 1) view.setFloat32(i * 4, data[i]!, true);
  } else {
    const data = tensor.data as BigInt64Array;
    for (let i = 0; i < count; i += 1) view.setBigInt64(i * 8, data[i]!, true);
  }
  return bytes;
}

function writeTensor(tensor: OnnxTensor): MessageWriter {
  const w = new MessageWriter();
  for (const d of tensor.dims) w.int(1, d); // dims
  w.int(2, DATA_TYPE_CODES[tensor.dataType]); // data_type
  w.string(8, tensor.name); // name
  w.bytes(9, tensorBytes(tensor)); // raw_data
  return w;
}

function writeAttribute(attribute: OnnxAttribute): MessageWriter {
  const w = new MessageWriter().string(1, attribute.name); // name
  switch (attribute.type) {
    case 'float':
      w.float(2, attribute.value); // f
      break;
    case 'int':
      w.int(3, attribute.value); // i
      break;
    case 'string':
      w.string(4, attribute.value); // s
      break;
    case 'floats':
      for (const v of attribute.value) w.float(7, v); // floats
      break;
    case 'ints':
      for (const v of attribute.value) w.int(8, v); // ints
      break;
  }
  w.int(20, ATTRIBUTE_TYPE_CODES[attribute.type]); // type
  return w;
}

function writeNode(node: OnnxNode): MessageWriter {
  const w = new MessageWriter();
  for (const input of node.inputs) w.string(1, input); // input
  for (const output of node.outputs) w.string(2, output); // output
  w.string(3, node.name); // name
  w.string(4, node.opType); // op_type
  for (const attribute of node.attributes ?? []) w.message(5, writeAttribute(attribute)); // attribute
  return w;
}

function writeValueInfo(value: OnnxValueInfo): MessageWriter {
  const shape = new MessageWriter();
  for (const d of value.dims) shape.message(1, new MessageWriter().int(1, d)); // TensorShapeProto.dim { dim_value }
  const tensorType = new MessageWriter().int(1, DATA_TYPE_CODES[value.dataType]).message(2, shape); // elem_type, shape
  const type = new MessageWriter().message(1, tensorType); // TypeProto.tensor_type
  return new MessageWriter().string(1, value.name).message(2, type); // name, type
}

function writeGraph(graph: OnnxGraph): MessageWriter {
  const w = new MessageWriter();
  for (const node of graph.nodes) w.message(1, writeNode(node)); // node
  w.string(2, graph.name); // name
  for (const tensor of graph.initializers) w.message(5, writeTensor(tensor)); // initializer
  for (const input of graph.inputs) w.message(11, writeValueInfo(input)); // input
  for (const output of graph.outputs) w.message(12, writeValueInfo(output)); // output
  return w;
}

export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new MessageWriter();
  w.int(1, model.irVersion); // ir_version
  w.string(2, model.producerName); // producer_name
  w.string(3, model.producerVersion); // producer_version
  if (model.docString) w.string(6, model.docString); // doc_string
  w.message(7, writeGraph(model.graph)); // graph
  w.message(8, new MessageWriter().string(1, '').int(2, model.opsetVersion)); // opset_import { domain, version }
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    w.message(14, new MessageWriter().string(1, key).string(2, value)); // metadata_props
  }
  return w.finish();
}
