import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as ort from 'onnxruntime-node';
import { BEST_CLASS, BEST_PROBABILITY, bestClassOutputs } from '../../lib/adapters/ocr/paddle/graph/best-class-outputs.ts';
import { closeGraph, openGraph } from '../../lib/adapters/ocr/paddle/graph/editable-graph.ts';
import { fasterModel, fasterRecognizer } from '../../lib/adapters/ocr/paddle/graph/faster-models.ts';
import { foldElementwise } from '../../lib/adapters/ocr/paddle/graph/fold-elementwise.ts';
import {
  AttributeType,
  DataType,
  decodeModel,
  encodeModel,
  type ModelProto,
  type NodeProto,
} from '../../lib/adapters/ocr/paddle/graph/onnx-model.ts';
import { scalarOpsAsConvs } from '../../lib/adapters/ocr/paddle/graph/scalar-ops-as-convs.ts';
import { floatTensor, writeTensor } from '../../lib/adapters/ocr/paddle/graph/tensors.ts';
import { DETECTION_FILE, modelDirectory, RECOGNITION_FILE } from '../../lib/adapters/ocr/paddle/paddle-models.ts';

/** The folded networks must read as the shipped ones: the same outputs up to float rounding. */
const TOLERANCE = 1e-4;
const SESSION = { intraOpNumThreads: 1, graphOptimizationLevel: 'all' } as const;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function outputs(model: Uint8Array | string, inputs: ort.Tensor[], output = 0): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(model as Uint8Array, SESSION);
  const out: Float32Array[] = [];
  for (const input of inputs)
    out.push((await session.run({ [session.inputNames[0]!]: input }))[session.outputNames[output]!]!.data as Float32Array);
  await session.release();
  return out;
}

const tensorInfo = (name: string, dims: number[]) => ({
  name,
  type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: dims.map((dimValue) => ({ dimValue })) } } },
});

/** A model's bytes after the given rewrites. */
function rewrite(bytes: Uint8Array, ...steps: ((graph: ReturnType<typeof openGraph>) => unknown)[]): Uint8Array {
  const graph = openGraph(decodeModel(bytes));
  for (const step of steps) step(graph);
  return encodeModel(closeGraph(graph));
}

function largestDifference(a: Float32Array[], b: Float32Array[]): number {
  let max = 0;
  a.forEach((values, k) => {
    assert.equal(values.length, b[k]!.length);
    for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]! - b[k]![i]!));
  });
  return max;
}

/** Line crops as the recogniser sees them: 48 px high, widths from a lone digit to a long line, values in [-1, 1]. */
function lineInputs(seed: number): ort.Tensor[] {
  const next = random(seed);
  return [16, 48, 136, 320, 904].map((width) => {
    const data = new Float32Array(3 * 48 * width).map(() => next() * 2 - 1);
    return new ort.Tensor('float32', data, [1, 3, 48, width]);
  });
}

const scalarInitializer = (name: string, value: number) => writeTensor(name, floatTensor([], Float32Array.of(value)));

/** A square 2-D convolution node without bias. */
function convNode(name: string, input: string, weight: string, kernel: number, pad: number): NodeProto {
  return {
    input: [input, weight],
    output: [name],
    name,
    opType: 'Conv',
    attribute: [
      { name: 'pads', type: AttributeType.INTS, ints: [pad, pad, pad, pad] },
      { name: 'kernel_shape', type: AttributeType.INTS, ints: [kernel, kernel] },
    ],
  };
}

/** A small page as the detector sees it, values in [-1, 1]. */
function pageInputs(seed: number): ort.Tensor[] {
  const next = random(seed);
  return [
    new ort.Tensor(
      'float32',
      new Float32Array(3 * 320 * 256).map(() => next() * 2 - 1),
      [1, 3, 320, 256],
    ),
  ];
}

describe('the PaddleOCR models with their elementwise chains folded', () => {
  const recognizer = readFileSync(join(modelDirectory(), RECOGNITION_FILE));
  const detector = readFileSync(join(modelDirectory(), DETECTION_FILE));

  it('reads and writes the ONNX format without changing the network', async () => {
    const again = encodeModel(decodeModel(recognizer));
    const inputs = lineInputs(1);
    assert.equal(largestDifference(await outputs(again, inputs), await outputs(new Uint8Array(recognizer), inputs)), 0);
  });

  it('folds every affine and hard-swish of PPLCNetV3 in the recogniser, outputs within rounding', async () => {
    const graph = openGraph(decodeModel(recognizer));
    // 28 conv+affine blocks, each with a hard-swish; 25 activation affines feed a conv (3 feed a squeeze-excite or the neck)
    assert.deepEqual(foldElementwise(graph), { convAffines: 28, hardSwishes: 28, activationAffines: 25 });
    const folded = encodeModel(closeGraph(graph));
    assert.ok(folded.length < recognizer.length);
    const inputs = lineInputs(2);
    const difference = largestDifference(await outputs(folded, inputs), await outputs(new Uint8Array(recognizer), inputs));
    assert.ok(difference < TOLERANCE, `largest difference ${difference}`);
  });

  it('folds the detector the same way, its probability map within rounding', async () => {
    const inputs = pageInputs(3);
    const difference = largestDifference(await outputs(fasterModel(detector), inputs), await outputs(new Uint8Array(detector), inputs));
    assert.ok(difference < TOLERANCE, `largest difference ${difference}`);
  });
});

describe("the recogniser giving out each step's best class", () => {
  const recognizer = readFileSync(join(modelDirectory(), RECOGNITION_FILE));

  it('gives exactly the class and probability greedy decoding took from the full softmax', async () => {
    const full = await ort.InferenceSession.create(fasterModel(recognizer), SESSION);
    const best = await ort.InferenceSession.create(fasterRecognizer(recognizer), SESSION);
    assert.deepEqual(best.outputNames, [BEST_CLASS, BEST_PROBABILITY]);
    const inputs = lineInputs(4);
    // a batch of two lines of one width as well: each line's steps stay its own
    const pair = new Float32Array(2 * inputs[2]!.data.length);
    pair.set(inputs[2]!.data as Float32Array);
    pair.set(lineInputs(5)[2]!.data as Float32Array, inputs[2]!.data.length);
    inputs.push(new ort.Tensor('float32', pair, [2, 3, 48, 136]));
    let steps = 0;
    for (const input of inputs) {
      const probabilities = (await full.run({ [full.inputNames[0]!]: input }))[full.outputNames[0]!]!;
      const out = await best.run({ [best.inputNames[0]!]: input });
      const [batch, length, classes] = probabilities.dims as [number, number, number];
      assert.deepEqual(out[BEST_CLASS]!.dims, [batch, length]);
      const p = probabilities.data as Float32Array;
      const bestClass = out[BEST_CLASS]!.data as BigInt64Array;
      const bestProbability = out[BEST_PROBABILITY]!.data as Float32Array;
      for (let t = 0; t < batch * length; t++) {
        let argmax = 0;
        for (let c = 1; c < classes; c++) if (p[t * classes + c]! > p[t * classes + argmax]!) argmax = c;
        assert.equal(Number(bestClass[t]), argmax, `step ${t}`);
        assert.equal(bestProbability[t], p[t * classes + argmax], `step ${t}`);
        steps++;
      }
    }
    assert.ok(steps > 200, `${steps} steps compared`);
    await full.release();
    await best.release();
  });

  it('refuses a model that does not end in a softmax over its classes', () => {
    const graph = openGraph(decodeModel(readFileSync(join(modelDirectory(), DETECTION_FILE))));
    assert.throws(() => bestClassOutputs(graph), /does not end in one softmax/);
  });
});

describe('folding on a small graph', () => {
  // x → Conv(3×3, padded) → Mul(s) → Add(a) → hard-swish → Mul(s2) → Add(a2) → Conv → output
  function smallModel(padded: boolean, seed: number): ModelProto {
    const next = random(seed);
    const channels = 4;
    const weights = (dims: number[]) =>
      floatTensor(
        dims,
        new Float32Array(dims.reduce((a, b) => a * b)).map(() => next() - 0.5),
      );
    const scalar = scalarInitializer;
    const conv = (name: string, input: string, weight: string, pad: number) => convNode(name, input, weight, 2 * pad + 1, pad);
    const op = (opType: string, input: string[], output: string, attribute: NodeProto['attribute'] = []): NodeProto => ({
      input,
      output: [output],
      name: output,
      opType,
      attribute,
    });
    const second = padded ? 1 : 0;
    return {
      irVersion: 8,
      opsetImport: [{ domain: '', version: 9 }],
      graph: {
        node: [
          conv('c1', 'x', 'w1', 1),
          op('Mul', ['c1', 's1'], 'm1'),
          op('Add', ['m1', 'a1'], 'y1'),
          op('Add', ['y1', 'three'], 'h1'),
          op('Clip', ['h1'], 'h2', [
            { name: 'min', type: AttributeType.FLOAT, f: 0 },
            { name: 'max', type: AttributeType.FLOAT, f: 6 },
          ]),
          op('Mul', ['y1', 'h2'], 'h3'),
          op('Div', ['h3', 'six'], 'h4'),
          op('Mul', ['h4', 's2'], 'm2'),
          op('Add', ['m2', 'a2'], 'y2'),
          conv('out', 'y2', 'w2', second),
        ],
        initializer: [
          writeTensor('w1', weights([channels, 3, 3, 3])),
          writeTensor('w2', weights([channels, channels, 2 * second + 1, 2 * second + 1])),
          scalar('s1', 1.7),
          scalar('a1', 0.4),
          scalar('three', 3),
          scalar('six', 6),
          scalar('s2', -2.3),
          scalar('a2', 0.9),
        ],
        input: [tensorInfo('x', [1, 3, 9, 11])],
        output: [tensorInfo('out', [1, channels, 9, 11])],
      },
    };
  }

  for (const padded of [false, true]) {
    it(`leaves two convolutions and one fused activation, the same output (next conv ${padded ? 'padded' : '1×1'})`, async () => {
      for (const seed of [11, 12, 13]) {
        const model = smallModel(padded, seed);
        const original = encodeModel(model);
        const graph = openGraph(decodeModel(original));
        assert.deepEqual(foldElementwise(graph), { convAffines: 1, hardSwishes: 1, activationAffines: 1 });
        const folded = closeGraph(graph);
        const ops = folded.graph.node.map((n) => n.opType);
        // a padded conv keeps the shift as one Add (zero padding must stay zero); a 1×1 takes it in its bias
        assert.deepEqual(ops, padded ? ['Conv', 'HardSigmoid', 'Mul', 'Add', 'Conv'] : ['Conv', 'HardSigmoid', 'Mul', 'Conv']);
        const next = random(seed);
        const inputs = [
          new ort.Tensor(
            'float32',
            new Float32Array(3 * 9 * 11).map(() => next() * 8 - 4),
            [1, 3, 9, 11],
          ),
        ];
        const difference = largestDifference(await outputs(encodeModel(folded), inputs), await outputs(original, inputs));
        assert.ok(difference < TOLERANCE, `seed ${seed}: largest difference ${difference}`);
      }
    });
  }

  it('leaves a chain alone when another node reads its middle', () => {
    const model = smallModel(true, 14);
    // the first conv's own output is also a graph output: its scale cannot fold into it
    model.graph.output!.push(tensorInfo('c1', [1, 4, 9, 11]));
    const graph = openGraph(decodeModel(encodeModel(model)));
    assert.equal(foldElementwise(graph).convAffines, 0);
  });
});

describe('scalar ops between convolutions written as depthwise 1×1 convolutions', () => {
  const recognizer = readFileSync(join(modelDirectory(), RECOGNITION_FILE));
  const detector = readFileSync(join(modelDirectory(), DETECTION_FILE));

  it('gives the recogniser exactly the outputs it had folded', async () => {
    const folded = rewrite(recognizer, foldElementwise);
    const graph = openGraph(decodeModel(folded));
    // the shifts the folding left before the padded depthwise convolutions (and three in the neck)
    assert.equal(scalarOpsAsConvs(graph), 13);
    const rewritten = encodeModel(closeGraph(graph));
    const inputs = lineInputs(6);
    assert.deepEqual(await outputs(rewritten, inputs), await outputs(folded, inputs));
  });

  it('gives the detector exactly its folded probability map', async () => {
    const inputs = pageInputs(7);
    const folded = rewrite(detector, foldElementwise);
    assert.deepEqual(await outputs(fasterModel(detector), inputs), await outputs(folded, inputs));
  });

  // x → Conv(3×3) → Add(a) → Conv(3×3, padded) → Mul(s) → Conv(1×1) → out, and the padded conv's
  // output times s2 read by a GlobalAveragePool → pooled
  function smallModel(seed: number): ModelProto {
    const next = random(seed);
    const channels = 8;
    const weights = (dims: number[]) =>
      writeTensor(
        `w${dims.join('x')}`,
        floatTensor(
          dims,
          new Float32Array(dims.reduce((a, b) => a * b)).map(() => next() - 0.5),
        ),
      );
    const scalar = scalarInitializer;
    const conv = convNode;
    const op = (opType: string, input: string[], output: string): NodeProto => ({ input, output: [output], name: output, opType });
    return {
      irVersion: 8,
      opsetImport: [{ domain: '', version: 9 }],
      graph: {
        node: [
          conv('c1', 'x', 'w8x3x3x3', 3, 1),
          op('Add', ['c1', 'a'], 'shifted'),
          conv('c2', 'shifted', 'w8x8x3x3', 3, 1),
          op('Mul', ['s', 'c2'], 'scaled'),
          conv('out', 'scaled', 'w8x8x1x1', 1, 0),
          op('Mul', ['c2', 's2'], 'scaled2'),
          op('GlobalAveragePool', ['scaled2'], 'pooled'),
          op('Add', ['x', 'a'], 'input_shifted'),
          op('GlobalAveragePool', ['input_shifted'], 'input_pooled'),
        ],
        initializer: [
          weights([channels, 3, 3, 3]),
          weights([channels, channels, 3, 3]),
          weights([channels, channels, 1, 1]),
          scalar('a', 0.37 + next()),
          scalar('s', -1.3 - next()),
          scalar('s2', 0.7),
        ],
        input: [tensorInfo('x', [1, 3, 13, 17])],
        output: [
          tensorInfo('out', [1, channels, 13, 17]),
          tensorInfo('pooled', [1, channels, 1, 1]),
          tensorInfo('input_pooled', [1, 3, 1, 1]),
        ],
      },
    };
  }

  it('rewrites a scalar Add and Mul read by convolutions, exactly the same outputs; leaves the rest', async () => {
    for (const seed of [21, 22, 23]) {
      const original = encodeModel(smallModel(seed));
      const graph = openGraph(decodeModel(original));
      assert.equal(scalarOpsAsConvs(graph), 2);
      const ops = closeGraph(graph).graph.node.map((n) => n.opType);
      // the Mul a pooling reads and the Add on the input (channels unknown to the rewrite) stay
      assert.deepEqual(
        ops.filter((op) => op === 'Add' || op === 'Mul'),
        ['Mul', 'Add'],
      );
      assert.equal(ops.filter((op) => op === 'Conv').length, 5);
      const rewritten = encodeModel(closeGraph(graph));
      const next = random(seed);
      // magnitudes from tiny to large, both signs, and exact zeros
      const data = new Float32Array(3 * 13 * 17).map((_, i) => (i % 11 === 0 ? 0 : (next() - 0.5) * 10 ** Math.floor(next() * 8 - 4)));
      const inputs = [new ort.Tensor('float32', data, [1, 3, 13, 17])];
      for (const output of [0, 1, 2])
        assert.deepEqual(
          await outputs(rewritten, inputs, output),
          await outputs(original, inputs, output),
          `seed ${seed} output ${output}`,
        );
    }
  });
});
