import { type EditableGraph, freshName } from './editable-graph.ts';
import { AttributeType, DataType, type NodeProto, type ValueInfoProto } from './onnx-model.ts';

/** Output names of a recogniser rewritten by bestClassOutputs. */
export const BEST_CLASS = 'best_class';
export const BEST_PROBABILITY = 'best_probability';

/** The opset from which ReduceMax takes its axes as an input rather than an attribute. */
const AXES_AS_INPUT = 18;

/**
 * Makes a CTC recogniser output, per step, only what greedy decoding reads: the index of the most
 * probable class (ArgMax, first index on a tie) and its probability (ReduceMax), both taken from
 * the softmax itself, so the readings are exactly the same. The full [batch, steps, 6625]
 * distribution (26 KB a step, about 77 MB for a scanned page) is no longer copied out to
 * JavaScript and scanned there.
 *
 * Expects the graph's only output to be a Softmax over the last axis of a rank-3 tensor; throws
 * otherwise (a different model needs its own decoding).
 */
export function bestClassOutputs(graph: EditableGraph): void {
  const outputs = graph.model.graph.output ?? [];
  const softmax = graph.nodes.find((node) => node.output[0] === outputs[0]?.name);
  const axis = softmax?.attribute?.find((a) => a.name === 'axis')?.i;
  if (outputs.length !== 1 || !softmax || softmax.opType !== 'Softmax' || softmax.domain || !(axis === 2 || axis === -1)) {
    throw new Error('the recogniser does not end in one softmax over its classes');
  }
  const probabilities = softmax.output[0]!;
  const keepdims = { name: 'keepdims', type: AttributeType.INT, i: 0 };
  const argMax: NodeProto = {
    opType: 'ArgMax',
    name: BEST_CLASS,
    input: [probabilities],
    output: [BEST_CLASS],
    attribute: [{ name: 'axis', type: AttributeType.INT, i: 2 }, keepdims],
  };
  const reduceMax: NodeProto = {
    opType: 'ReduceMax',
    name: BEST_PROBABILITY,
    input: [probabilities],
    output: [BEST_PROBABILITY],
    attribute: [keepdims],
  };
  const opset = graph.model.opsetImport?.find((o) => !o.domain)?.version ?? 1;
  if (opset >= AXES_AS_INPUT) {
    const axes = freshName(graph, 'class_axis');
    graph.constants.set(axes, { dims: [1], dataType: DataType.INT64, data: BigInt64Array.of(2n) });
    reduceMax.input.push(axes);
  } else reduceMax.attribute!.push({ name: 'axes', type: AttributeType.INTS, ints: [2] });
  graph.nodes.push(argMax, reduceMax);
  graph.model.graph.output = [stepsOutput(BEST_CLASS, DataType.INT64), stepsOutput(BEST_PROBABILITY, DataType.FLOAT)];
}

function stepsOutput(name: string, elemType: number): ValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'steps' }] } } } };
}
