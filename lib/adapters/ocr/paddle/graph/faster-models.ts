import { bestClassOutputs } from './best-class-outputs.ts';
import { closeGraph, type EditableGraph, openGraph } from './editable-graph.ts';
import { foldElementwise } from './fold-elementwise.ts';
import { decodeModel, encodeModel } from './onnx-model.ts';
import { scalarOpsAsConvs } from './scalar-ops-as-convs.ts';

/**
 * A PaddleOCR model as the local engine runs it: its elementwise chains folded into the
 * convolutions (graph/fold-elementwise.ts), the same network up to float rounding, and the scalar
 * ops left between convolutions written as convolutions (graph/scalar-ops-as-convs.ts), exactly
 * the same values. Pure: model bytes in, model bytes out.
 */
export function fasterModel(bytes: Uint8Array): Uint8Array {
  return rewritten(bytes, [foldElementwise, scalarOpsAsConvs]);
}

/** The recogniser as the local engine runs it: as fasterModel, outputting only each step's best class (graph/best-class-outputs.ts). */
export function fasterRecognizer(bytes: Uint8Array): Uint8Array {
  return rewritten(bytes, [foldElementwise, scalarOpsAsConvs, bestClassOutputs]);
}

function rewritten(bytes: Uint8Array, rewrites: readonly ((graph: EditableGraph) => unknown)[]): Uint8Array {
  const graph = openGraph(decodeModel(bytes));
  for (const rewrite of rewrites) rewrite(graph);
  return encodeModel(closeGraph(graph));
}
