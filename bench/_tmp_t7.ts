import * as ort from 'onnxruntime-node';
import { loadPaddleModels } from '../lib/adapters/ocr/paddle/paddle-models.ts';
const m = await loadPaddleModels({ threads: 1 });
for (const [n, w] of [[1, 320], [8, 320], [1, 1920], [4, 1920], [16, 160], [1,160],[32,160]] as const) {
  const x = new ort.Tensor('float32', new Float32Array(n * 3 * 48 * w), [n, 3, 48, w]);
  await m.recognition.run({ x });
  const t = Date.now();
  for (let i = 0; i < 3; i++) await m.recognition.run({ x });
  console.log(n, w, (Date.now() - t) / 3, 'ms', ((Date.now() - t) / 3 / (n * w) * 1000).toFixed(1), 'us/col');
}
