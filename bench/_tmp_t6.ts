import { readFileSync } from 'node:fs';
import { readImageFile } from '../lib/read/image/read-image-file.ts';
import { findRulings } from '../lib/read/image/find-rulings.ts';
import { loadPaddleModels } from '../lib/adapters/ocr/paddle/paddle-models.ts';
import { detectText } from '../lib/adapters/ocr/paddle/detect-text.ts';
import { recognizeText } from '../lib/adapters/ocr/paddle/recognize-text.ts';
import { eraseRulings, splitAtRulings } from '../lib/adapters/ocr/paddle/split-at-rulings.ts';
let t = Date.now();
const lap = (s: string) => { console.log(s, Date.now() - t); t = Date.now(); };
const m = await loadPaddleModels({ threads: Number(process.env.THREADS ?? 1) }); lap('load');
for (const f of process.argv.slice(2)) {
  const p = await readImageFile(readFileSync(f)); lap('read');
  const r = findRulings(p); lap('rulings');
  const clean = { ...p, data: eraseRulings(p, r, 4) }; lap('erase');
  for (const side of [960, 1280, 1600, 2240]) {
    const boxes = (await detectText(m.detection, clean, { maxSide: side })).flatMap(b => splitAtRulings(b, r)); lap('det ' + side + ' ' + boxes.length);
    if (side === 1600 || side === 2240) { const rec = await recognizeText(m.recognition, m.characters, clean, boxes); lap('rec'); }
  }
}
