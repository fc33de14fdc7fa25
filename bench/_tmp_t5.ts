import { readFileSync } from 'node:fs';
import { createLocalOcrEngine } from '../lib/adapters/ocr/paddle/local-ocr-engine.ts';
const engine = createLocalOcrEngine({ detectionMaxSide: Number(process.env.SIDE ?? 1280) });
for (const f of process.argv.slice(2)) {
  const page = await engine.recognize({ kind: 'encoded', bytes: readFileSync(f) });
  console.log(page.words.map(w => `${w.text}@${w.bbox.map(Math.round).join(',')}:${w.confidence}`).join('\n'));
}
