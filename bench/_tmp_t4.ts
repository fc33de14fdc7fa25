import { readFileSync } from 'node:fs';
import { readImageFile } from '../lib/read/image/read-image-file.ts';
import { findRulings } from '../lib/read/image/find-rulings.ts';
const p = await readImageFile(readFileSync('/work/shared/samples/generated/png/h008.png'));
const r = findRulings(p);
console.log(p.width, r.filter(s => s[0] === s[2]).map(s => s.join(',')).join('\n'));
