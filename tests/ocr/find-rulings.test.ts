import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findRulings } from '../../lib/read/image/find-rulings.ts';
import { readImageFile } from '../../lib/read/image/read-image-file.ts';
import { GENERATED } from './scan-images.ts';

describe('findRulings', () => {
  it('finds every column border of table 3 on a 200-dpi page and no stroke of the bold heading', async () => {
    const page = await readImageFile(readFileSync(join(GENERATED, 'png', 'h008.png')));
    const rulings = findRulings(page);
    const verticals = rulings.filter(([x0, , x1]) => x0 === x1);
    // row 一、本年新收… lies at about y = 1725: label | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
    const crossing = verticals.filter(([, y0, , y1]) => y0 < 1725 && y1 > 1725).map(([x]) => x);
    assert.equal(crossing.length, 9, `borders at ${crossing.join(', ')}`);
    // the heading 三、收到和处理政府信息公开申请情况 (y 1469–1514) is text, not a table
    assert.deepEqual(
      rulings.filter(([, y0, , y1]) => y0 > 1460 && y1 < 1520),
      [],
    );
    const horizontals = rulings.filter(([, y0, , y1]) => y0 === y1);
    assert.ok(horizontals.length >= 25, `${horizontals.length} horizontal rulings`);
  });
});
