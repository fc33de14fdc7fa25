import { type EditableGraph, freshName, otherInput, readers, replaceNodes, scalarInput } from './editable-graph.ts';
import { AttributeType, type NodeProto } from './onnx-model.ts';
import { floatTensor } from './tensors.ts';

/** Ops that keep their input's channels (and rank) whatever else they read. */
const CHANNEL_KEEPING = new Set(['Add', 'Mul', 'Sub', 'Div', 'HardSigmoid', 'HardSwish', 'Sigmoid', 'Relu', 'Clip', 'Identity']);

/**
 * onnxruntime runs a convolution network's feature maps in a blocked channel layout (NCHWc), but
 * an Add or Mul of a scalar only in plain NCHW: each one between two convolutions costs a reorder
 * out of the blocked layout, the op, and a reorder back — in PP-OCRv4 the shifts the folding
 * leaves before padded convolutions (fold-elementwise.ts), with their reorders about an eighth of
 * the recogniser's time in onnxruntime's profile. Written as
 * a depthwise 1×1 convolution the op stays in the blocked layout.
 *
 * The values stay exactly the same: the convolution works out x·s + 0 for a Mul (x·s rounded
 * once, as Mul rounds it) and x·1 + a for an Add (x + a rounded once, as Add rounds it), with or
 * without a fused multiply-add. Only a zero's sign may differ (−0 + 0 is +0), and −0 equals 0.
 * Rewrites only ops read by convolutions alone, which run blocked either way: an op read by
 * another kind would move that one into the blocked layout too, and a GlobalAveragePool there
 * sums in another order (the squeeze-excite affines: 2 % more speed, not the same values).
 *
 * Rewrites only ops whose other input is a feature map of known channels, i.e. one a 2-D
 * convolution made, through ops that keep its channels. Returns how many it rewrote.
 */
export function scalarOpsAsConvs(graph: EditableGraph): number {
  const channels = featureChannels(graph);
  const map = readers(graph);
  const rewrites: [NodeProto, NodeProto][] = [];
  for (const node of graph.nodes) {
    if ((node.opType !== 'Add' && node.opType !== 'Mul') || node.domain) continue;
    if (!map.get(node.output[0]!)?.every((reader) => reader !== 'output' && reader.opType === 'Conv' && !reader.domain)) continue;
    const x = node.input.find((name) => channels.has(name) && scalarInput(graph, otherInput(node, name)) !== undefined);
    if (x === undefined) continue;
    const value = scalarInput(graph, otherInput(node, x))!;
    const count = channels.get(x)!;
    const isAdd = node.opType === 'Add';
    const weights = freshName(graph, `${node.name ?? x}.weights`);
    const bias = freshName(graph, `${node.name ?? x}.bias`);
    graph.constants.set(weights, floatTensor([count, 1, 1, 1], new Float32Array(count).fill(isAdd ? 1 : value)));
    graph.constants.set(bias, floatTensor([count], new Float32Array(count).fill(isAdd ? value : 0)));
    rewrites.push([
      node,
      {
        input: [x, weights, bias],
        output: [node.output[0]!],
        name: freshName(graph, `${node.name ?? x}.conv`),
        opType: 'Conv',
        attribute: [
          { name: 'group', type: AttributeType.INT, i: count },
          { name: 'kernel_shape', type: AttributeType.INTS, ints: [1, 1] },
        ],
      },
    ]);
  }
  for (const [node, conv] of rewrites) replaceNodes(graph, [node], [conv]);
  return rewrites.length;
}

/** Channel counts of the 4-D feature maps made by 2-D convolutions and carried through channel-keeping ops. */
function featureChannels(graph: EditableGraph): Map<string, number> {
  const channels = new Map<string, number>();
  // nodes come in topological order from the model, but rewrites may have moved some: settle by repeating
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of graph.nodes) {
      const output = node.output[0];
      if (node.domain || output === undefined || channels.has(output)) continue;
      const count = node.opType === 'Conv' ? convOutputs(graph, node) : kept(graph, node, channels);
      if (count === undefined) continue;
      channels.set(output, count);
      changed = true;
    }
  }
  return channels;
}

function convOutputs(graph: EditableGraph, conv: NodeProto): number | undefined {
  const weights = graph.constants.get(conv.input[1] ?? '');
  return weights?.dims.length === 4 ? weights.dims[0] : undefined;
}

/** The channels an elementwise op keeps: every non-constant input a feature map of the same channels, the rest scalars. */
function kept(graph: EditableGraph, node: NodeProto, channels: Map<string, number>): number | undefined {
  if (!CHANNEL_KEEPING.has(node.opType) || node.output.length !== 1) return undefined;
  let count: number | undefined;
  for (const name of node.input) {
    if (name === '') continue;
    if (graph.constants.has(name)) {
      if (scalarInput(graph, name) === undefined) return undefined;
      continue;
    }
    const c = channels.get(name);
    if (c === undefined || (count !== undefined && c !== count)) return undefined;
    count = c;
  }
  return count;
}
