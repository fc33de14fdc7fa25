import { readFileSync } from 'node:fs';
import { readImageFile } from '../lib/read/image/read-image-file.ts';
import { estimateSkewDegrees } from '../lib/read/image/deskew.ts';
import { resizeGray } from '../lib/read/image/read-image-file.ts';
import sharp from 'sharp';
for (const f of process.argv.slice(2)) {
  const t = Date.now();
  const p = await readImageFile(readFileSync(f));
  const after = estimateSkewDegrees(await resizeGray(p, 1000));
  console.log(f, p.width, p.height, p.skewDegrees, 'after', after, Date.now() - t, 'ms');
  if (f.includes('h002-000')) await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } }).extract({left:200,top:1500,width:1200,height:600}).png().toFile('/tmp/ocr/v3.png');
}
