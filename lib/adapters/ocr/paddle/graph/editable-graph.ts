import type { ModelProto, NodeProto, TensorProto } from './onnx-model.ts';
import { type Constant, readTensor, scalarOf, writeTensor } from './tensors.ts';

/**
 * A model's graph opened for rewriting: its nodes in order and its constants (initializers and
 * Constant nodes alike) by name.
 */
export interface EditableGraph {
  model: ModelProto;
  nodes: NodeProto[];
  constants: Map<string, Constant>;
  /** initializers of a type the rewrites do not read, written back as they came */
  opaque: TensorProto[];
  /** names made so far, for fresh ones */
  made: number;
}

export function openGraph(model: ModelProto): EditableGraph {
  const constants = new Map<string, Constant>();
  const opaque: TensorProto[] = [];
  for (const tensor of model.graph.initializer ?? []) {
    const constant = readTensor(tensor);
    if (constant) constants.set(tensor.name ?? '', constant);
    else opaque.push(tensor);
  }
  const nodes: NodeProto[] = [];
  for (const node of model.graph.node) {
    const value = node.opType === 'Constant' && !node.domain ? node.attribute?.find((a) => a.name === 'value')?.t : undefined;
    const constant = value && node.output[0] ? readTensor(value) : undefined;
    if (constant) constants.set(node.output[0]!, constant);
    else nodes.push(node);
  }
  return { model, nodes, constants, opaque, made: 0 };
}

/** Writes the graph back: nodes in topological order, only the constants a node uses, as initializers. */
export function closeGraph(graph: EditableGraph): ModelProto {
  const nodes = topologicalOrder(graph);
  const used = new Set(nodes.flatMap((n) => n.input));
  for (const output of graph.model.graph.output ?? []) used.add(output.name);
  const initializer = [
    ...[...graph.constants].filter(([name]) => used.has(name)).map(([name, c]) => writeTensor(name, c)),
    ...graph.opaque,
  ];
  // shapes recorded for the old intermediate tensors may no longer hold: the runtime infers them again
  return { ...graph.model, graph: { ...graph.model.graph, node: nodes, initializer, valueInfo: [] } };
}

function topologicalOrder(graph: EditableGraph): NodeProto[] {
  const ready = new Set<string>([
    '',
    ...graph.constants.keys(),
    ...graph.opaque.map((t) => t.name ?? ''),
    ...(graph.model.graph.input ?? []).map((i) => i.name),
  ]);
  const order: NodeProto[] = [];
  let pending = graph.nodes;
  while (pending.length > 0) {
    const rest: NodeProto[] = [];
    for (const node of pending) {
      if (node.input.every((name) => ready.has(name))) {
        order.push(node);
        for (const name of node.output) ready.add(name);
      } else rest.push(node);
    }
    if (rest.length === pending.length) {
      const missing = rest[0]!.input.filter((name) => !ready.has(name));
      throw new Error(`graph rewrite left ${rest[0]!.opType} ${rest[0]!.name ?? ''} without its input ${missing.join(', ')}`);
    }
    pending = rest;
  }
  return order;
}

/** Who reads each tensor; a graph output counts as a reader no rewrite may remove. */
export function readers(graph: EditableGraph): Map<string, (NodeProto | 'output')[]> {
  const map = new Map<string, (NodeProto | 'output')[]>();
  const add = (name: string, reader: NodeProto | 'output') => {
    const list = map.get(name);
    if (list) list.push(reader);
    else map.set(name, [reader]);
  };
  for (const node of graph.nodes) for (const name of node.input) add(name, node);
  for (const output of graph.model.graph.output ?? []) add(output.name, 'output');
  return map;
}

/** The one node that reads `name`, if exactly one does and it is of `opType`. */
export function soleReader(map: Map<string, (NodeProto | 'output')[]>, name: string, opType: string): NodeProto | undefined {
  const list = map.get(name);
  if (list?.length !== 1) return undefined;
  const node = list[0]!;
  return node !== 'output' && node.opType === opType && !node.domain ? node : undefined;
}

/** The operand of a binary node other than `name`. */
export const otherInput = (node: NodeProto, name: string): string => (node.input[0] === name ? node.input[1]! : node.input[0]!);

export const scalarInput = (graph: EditableGraph, name: string): number | undefined => scalarOf(graph.constants.get(name));

/** Replaces `old` nodes by `replacement` at the place of the first. */
export function replaceNodes(graph: EditableGraph, old: readonly NodeProto[], replacement: readonly NodeProto[]): void {
  const gone = new Set(old);
  const at = graph.nodes.findIndex((n) => gone.has(n));
  graph.nodes = graph.nodes.filter((n) => !gone.has(n));
  graph.nodes.splice(Math.max(0, Math.min(at, graph.nodes.length)), 0, ...replacement);
}

/** A tensor or node name the graph does not use (exporters do not emit '#'). */
export const freshName = (graph: EditableGraph, base: string): string => `${base}#${++graph.made}`;
