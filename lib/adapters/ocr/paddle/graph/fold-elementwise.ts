import { type EditableGraph, freshName, otherInput, readers, replaceNodes, scalarInput, soleReader } from './editable-graph.ts';
import { AttributeType, attribute, floatAttribute, intsAttribute, type NodeProto } from './onnx-model.ts';
import { type Constant, floatTensor } from './tensors.ts';

/**
 * PP-OCRv4's networks (PPLCNetV3) run a scalar affine after every convolution and after every
 * activation, and spell hard-swish as four ops: eight passes over each feature map where the
 * arithmetic needs about two. These rewrites fold them into the convolutions and one fused
 * activation; the results equal the original's up to float rounding (outputs within ~1e-5).
 */
export interface FoldCounts {
  convAffines: number;
  hardSwishes: number;
  activationAffines: number;
}

export function foldElementwise(graph: EditableGraph): FoldCounts {
  return {
    convAffines: repeat(() => foldConvAffine(graph)),
    hardSwishes: repeat(() => fuseHardSwish(graph)),
    activationAffines: repeat(() => foldActivationAffine(graph)),
  };
}

function repeat(step: () => boolean): number {
  let count = 0;
  while (step()) count++;
  return count;
}

interface ConvParts {
  weights: Constant;
  bias: Float32Array;
}

function convParts(graph: EditableGraph, conv: NodeProto): ConvParts | undefined {
  const weights = graph.constants.get(conv.input[1] ?? '');
  if (!weights || !(weights.data instanceof Float32Array) || weights.dims.length !== 4) return undefined;
  const outputs = weights.dims[0]!;
  const biasName = conv.input[2];
  if (!biasName) return { weights, bias: new Float32Array(outputs) };
  const bias = graph.constants.get(biasName);
  if (!bias || !(bias.data instanceof Float32Array) || bias.data.length !== outputs) return undefined;
  return { weights, bias: bias.data };
}

/** A copy of `conv` reading `input`, with new weights and bias, writing `output`. */
function rebuiltConv(
  graph: EditableGraph,
  conv: NodeProto,
  input: string,
  weights: Constant,
  bias: Float32Array,
  output: string,
): NodeProto {
  const weightName = freshName(graph, conv.input[1]!);
  const biasName = freshName(graph, `${conv.name ?? 'conv'}.bias`);
  graph.constants.set(weightName, weights);
  graph.constants.set(biasName, floatTensor([bias.length], bias));
  return { ...conv, input: [input, weightName, biasName], output: [output] };
}

const isConv = (node: NodeProto): boolean => node.opType === 'Conv' && !node.domain;

/** Conv → Mul(s) → Add(a)  ⇒  Conv with weights·s and bias·s + a. */
function foldConvAffine(graph: EditableGraph): boolean {
  const map = readers(graph);
  for (const conv of graph.nodes) {
    if (!isConv(conv)) continue;
    const parts = convParts(graph, conv);
    const mul = soleReader(map, conv.output[0]!, 'Mul');
    if (!parts || !mul) continue;
    const s = scalarInput(graph, otherInput(mul, conv.output[0]!));
    if (s === undefined) continue;
    const add = soleReader(map, mul.output[0]!, 'Add');
    const a = add ? scalarInput(graph, otherInput(add, mul.output[0]!)) : undefined;
    const last = add && a !== undefined ? add : mul;
    const weights = floatTensor(
      parts.weights.dims,
      (parts.weights.data as Float32Array).map((w) => w * s),
    );
    const bias = parts.bias.map((b) => b * s + (last === add ? (a ?? 0) : 0));
    const folded = rebuiltConv(graph, conv, conv.input[0]!, weights, bias, last.output[0]!);
    replaceNodes(graph, last === mul ? [conv, mul] : [conv, mul, last], [folded]);
    return true;
  }
  return false;
}

const HARD_SWISH_SHIFT = 3;
const HARD_SWISH_CEILING = 6;

/** Add(x, 3) → Clip(0, 6) → Mul(x) → Div(6)  ⇒  Mul(x, HardSigmoid(x; 1/6, ½)), which the runtime fuses. */
function fuseHardSwish(graph: EditableGraph): boolean {
  const map = readers(graph);
  for (const add of graph.nodes) {
    if (add.opType !== 'Add' || add.domain) continue;
    const x = add.input.find((name) => scalarInput(graph, otherInput(add, name)) === HARD_SWISH_SHIFT && !graph.constants.has(name));
    if (x === undefined) continue;
    const clip = soleReader(map, add.output[0]!, 'Clip');
    if (!clip) continue;
    const low = clip.input[1] ? scalarInput(graph, clip.input[1]) : floatAttribute(clip, 'min');
    const high = clip.input[2] ? scalarInput(graph, clip.input[2]) : floatAttribute(clip, 'max');
    if (low !== 0 || high !== HARD_SWISH_CEILING) continue;
    const mul = soleReader(map, clip.output[0]!, 'Mul');
    if (!mul || otherInput(mul, clip.output[0]!) !== x) continue;
    const div = soleReader(map, mul.output[0]!, 'Div');
    if (!div || div.input[0] !== mul.output[0] || scalarInput(graph, div.input[1]!) !== HARD_SWISH_CEILING) continue;
    const gate = freshName(graph, `${x}.gate`);
    replaceNodes(
      graph,
      [add, clip, mul, div],
      [
        {
          input: [x],
          output: [gate],
          name: gate,
          opType: 'HardSigmoid',
          attribute: [
            { name: 'alpha', type: AttributeType.FLOAT, f: 1 / HARD_SWISH_CEILING },
            { name: 'beta', type: AttributeType.FLOAT, f: 0.5 },
          ],
        },
        { input: [x, gate], output: [div.output[0]!], name: freshName(graph, `${x}.hardswish`), opType: 'Mul' },
      ],
    );
    return true;
  }
  return false;
}

/** Whether a conv reads no padding, so that a constant added to its input is a constant on its output. */
function padsNothing(conv: NodeProto): boolean {
  const autoPad = attribute(conv, 'auto_pad')?.s;
  const mode = autoPad ? new TextDecoder().decode(autoPad as Uint8Array) : 'NOTSET';
  return (mode === 'NOTSET' || mode === 'VALID') && (intsAttribute(conv, 'pads') ?? []).every((p) => p === 0);
}

/**
 * Mul(x, s) → Add(a) read only by a Conv  ⇒  s folded into the conv's weights; a into its bias when
 * the conv pads nothing, else one Add(x, a/s) (zero padding scales with s, so it stays exact).
 */
function foldActivationAffine(graph: EditableGraph): boolean {
  const map = readers(graph);
  for (const mul of graph.nodes) {
    if (mul.opType !== 'Mul' || mul.domain) continue;
    const x = mul.input.find((name) => !graph.constants.has(name) && scalarInput(graph, otherInput(mul, name)) !== undefined);
    if (x === undefined) continue;
    const s = scalarInput(graph, otherInput(mul, x))!;
    const add = soleReader(map, mul.output[0]!, 'Add');
    const a = add ? scalarInput(graph, otherInput(add, mul.output[0]!)) : undefined;
    if (!add || a === undefined || s === 0) continue;
    const conv = soleReader(map, add.output[0]!, 'Conv');
    const parts = conv && conv.input[0] === add.output[0] ? convParts(graph, conv) : undefined;
    if (!conv || !parts) continue;
    const original = parts.weights.data as Float32Array;
    const weights = floatTensor(
      parts.weights.dims,
      original.map((w) => w * s),
    );
    if (padsNothing(conv)) {
      const perOutput = original.length / parts.bias.length;
      const bias = parts.bias.map((b, o) => {
        let sum = 0;
        for (let k = o * perOutput; k < (o + 1) * perOutput; k++) sum += original[k]!;
        return b + a * sum;
      });
      replaceNodes(graph, [mul, add, conv], [rebuiltConv(graph, conv, x, weights, bias, conv.output[0]!)]);
    } else {
      const shiftName = freshName(graph, `${x}.shift`);
      graph.constants.set(shiftName, floatTensor([], Float32Array.of(a / s)));
      const shift: NodeProto = { input: [x, shiftName], output: [add.output[0]!], name: shiftName, opType: 'Add' };
      replaceNodes(graph, [mul, add, conv], [shift, rebuiltConv(graph, conv, add.output[0]!, weights, parts.bias, conv.output[0]!)]);
    }
    return true;
  }
  return false;
}
