/**
 * Writes small ONNX models (the protobuf of onnx/onnx.proto, IR version 8) without any dependency: the
 * tests' tiny embedding models and the benchmark's synthetic encoder are built with it, so that neither
 * needs a downloaded model. Supports what those need: float32 initializers, int64/float32 inputs and
 * outputs with named or fixed dimensions, and nodes without attributes in the default domain.
 *
 * @example
 *   const bytes = writeOnnxModel({
 *     name: "lookup",
 *     inputs: [{ name: "input_ids", type: "int64", dims: ["batch", "sequence"] }],
 *     outputs: [{ name: "last_hidden_state", type: "float32", dims: ["batch", "sequence", 8] }],
 *     initializers: [{ name: "table", dims: [100, 8], data: new Float32Array(800) }],
 *     nodes: [{ op: "Gather", inputs: ["table", "input_ids"], output: "last_hidden_state" }],
 *   });
 *   fs.writeFileSync("model.onnx", bytes);
 */

export interface OnnxValue {
  name: string;
  type: "int64" | "float32";
  /** Fixed sizes as numbers, symbolic ones (batch, sequence) as names. */
  dims: (number | string)[];
}

export interface OnnxInitializer {
  name: string;
  dims: number[];
  data: Float32Array;
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  output: string;
}

export interface OnnxGraph {
  name: string;
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  initializers: OnnxInitializer[];
  nodes: OnnxNode[];
  /** Default opset 13. */
  opset?: number;
}

const ELEM_TYPE = { float32: 1, int64: 7 } as const; // TensorProto.DataType

/** A protobuf message under construction: a list of byte chunks (large tensors are not copied). */
class Message {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  private add(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }

  private varint(value: number | bigint): void {
    const out: number[] = [];
    let x = BigInt.asUintN(64, BigInt(value));
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x) b |= 0x80;
      out.push(b);
    } while (x);
    this.add(Uint8Array.from(out));
  }

  /** A varint field (wire type 0). */
  int(field: number, value: number | bigint): this {
    this.varint(field << 3);
    this.varint(value);
    return this;
  }

  /** A length-delimited field (wire type 2). */
  bytes(field: number, data: Uint8Array): this {
    this.varint((field << 3) | 2);
    this.varint(data.length);
    this.add(data);
    return this;
  }

  str(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  msg(field: number, m: Message): this {
    this.varint((field << 3) | 2);
    this.varint(m.length);
    for (const p of m.parts) this.add(p);
    return this;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/** ValueInfoProto{name=1, type=2: TypeProto{tensor_type=1: {elem_type=1, shape=2: {dim=1: {dim_value=1 | dim_param=2}}}}} */
function valueInfo(v: OnnxValue): Message {
  const shape = new Message();
  for (const d of v.dims) {
    shape.msg(1, typeof d === "number" ? new Message().int(1, d) : new Message().str(2, d));
  }
  const tensorType = new Message().int(1, ELEM_TYPE[v.type]).msg(2, shape);
  return new Message().str(1, v.name).msg(2, new Message().msg(1, tensorType));
}

/** The serialised ModelProto. */
export function writeOnnxModel(g: OnnxGraph): Uint8Array {
  // GraphProto{node=1, name=2, initializer=5, input=11, output=12}
  const graph = new Message();
  g.nodes.forEach((n, i) => {
    // NodeProto{input=1, output=2, name=3, op_type=4}
    const node = new Message();
    for (const input of n.inputs) node.str(1, input);
    node.str(2, n.output).str(3, `${n.op.toLowerCase()}_${i}`).str(4, n.op);
    graph.msg(1, node);
  });
  graph.str(2, g.name);
  for (const t of g.initializers) {
    const expected = t.dims.reduce((a, b) => a * b, 1);
    if (t.data.length !== expected) {
      throw new Error(`initializer ${t.name}: ${t.data.length} values for dims [${t.dims.join(", ")}]`);
    }
    // TensorProto{dims=1, data_type=2, name=8, raw_data=9 (little-endian)}
    const tensor = new Message();
    for (const d of t.dims) tensor.int(1, d);
    tensor.int(2, ELEM_TYPE.float32).str(8, t.name);
    tensor.bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    graph.msg(5, tensor);
  }
  for (const v of g.inputs) graph.msg(11, valueInfo(v));
  for (const v of g.outputs) graph.msg(12, valueInfo(v));
  // ModelProto{ir_version=1, producer_name=2, graph=7, opset_import=8: OperatorSetIdProto{domain=1, version=2}}
  return new Message()
    .int(1, 8)
    .str(2, "kyoso")
    .msg(7, graph)
    .msg(8, new Message().str(1, "").int(2, g.opset ?? 13))
    .toBytes();
}
