import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { readImageFile } from '../lib/read/image/read-image-file.ts';
import { findRulings } from '../lib/read/image/find-rulings.ts';
for (const f of process.argv.slice(2)) {
  const p = await readImageFile(readFileSync(f));
  const t = Date.now();
  const r = findRulings(p);
  console.log(f, r.length, 'h', r.filter(s=>s[1]===s[3]).length, 'v', r.filter(s=>s[0]===s[2]).length, Date.now() - t, 'ms');
  const k = 800 / p.width;
  const small = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } }).resize(800).toColourspace('srgb').png().toBuffer();
  const meta = await sharp(small).metadata();
  const svg = `<svg width="800" height="${meta.height}" xmlns="http://www.w3.org/2000/svg">${r.map(s=>`<line x1="${s[0]*k}" y1="${s[1]*k}" x2="${s[2]*k}" y2="${s[3]*k}" stroke="red" stroke-width="1.5"/>`).join('')}</svg>`;
  await sharp(small).composite([{ input: Buffer.from(svg), top: 0, left: 0 }]).png().toFile('/tmp/ocr/r-' + f.split('/').pop() + '.png');
}
