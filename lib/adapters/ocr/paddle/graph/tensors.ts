import { DataType, type TensorProto } from './onnx-model.ts';

/** A constant tensor of the graph as numbers, whatever way the model stored it. */
export interface Constant {
  dims: number[];
  dataType: number;
  data: Float32Array | Int32Array | Int8Array | Uint8Array | BigInt64Array;
}

/** The values of a TensorProto (raw little-endian bytes or the typed repeated field); undefined for a type not handled here. */
export function readTensor(tensor: TensorProto): Constant | undefined {
  const dims = tensor.dims ?? [];
  const dataType = tensor.dataType ?? 0;
  if (tensor.externalData?.length) throw new Error(`tensor ${tensor.name} keeps its data outside the model`);
  const raw = tensor.rawData && tensor.rawData.length > 0 ? tensor.rawData : undefined;
  // copy raw bytes: they may sit at an odd offset of the model's buffer
  const bytes = raw ? new Uint8Array(raw).buffer : undefined;
  switch (dataType) {
    case DataType.FLOAT:
      return { dims, dataType, data: bytes ? new Float32Array(bytes) : Float32Array.from(tensor.floatData ?? []) };
    case DataType.INT32:
      return { dims, dataType, data: bytes ? new Int32Array(bytes) : Int32Array.from(tensor.int32Data ?? []) };
    case DataType.INT8:
      return { dims, dataType, data: bytes ? new Int8Array(bytes) : Int8Array.from(tensor.int32Data ?? []) };
    case DataType.UINT8:
      return { dims, dataType, data: bytes ? new Uint8Array(bytes) : Uint8Array.from(tensor.int32Data ?? []) };
    case DataType.INT64:
      return {
        dims,
        dataType,
        data: bytes ? new BigInt64Array(bytes) : BigInt64Array.from((tensor.int64Data ?? []).map(toInt64)),
      };
    default:
      return undefined;
  }
}

export function writeTensor(name: string, constant: Constant): TensorProto {
  const { data } = constant;
  return {
    name,
    dims: [...constant.dims],
    dataType: constant.dataType,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

export const floatTensor = (dims: number[], data: Float32Array): Constant => ({ dims, dataType: DataType.FLOAT, data });
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
/** int64 read as a JS number: beyond ±2^63 it stands for the int64 limit (exporters write INT64_MAX for "to the end"). */
const toInt64 = (value: number): bigint => (value >= 2 ** 63 ? INT64_MAX : value <= -(2 ** 63) ? INT64_MIN : BigInt(Math.trunc(value)));

/** The single value of a one-element float tensor, else undefined. */
export function scalarOf(constant: Constant | undefined): number | undefined {
  if (!constant || constant.dataType !== DataType.FLOAT || constant.data.length !== 1) return undefined;
  return Number(constant.data[0]);
}
