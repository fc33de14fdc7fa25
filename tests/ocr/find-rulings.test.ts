import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findRulings, inkRuns, type Run } from '../../lib/read/image/find-rulings.ts';
import { readImageFile } from '../../lib/read/image/read-image-file.ts';
import { Random } from '../support/random.ts';
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

describe('inkRuns', () => {
  /** Runs of one line read pixel by pixel: ink at or below the threshold, gaps of up to 3 px bridged, at least minLength long. */
  function lineRuns(length: number, isInk: (i: number) => boolean, minLength: number): Run[] {
    const runs: Run[] = [];
    let run: Run | undefined;
    for (let i = 0; i < length; i++) {
      if (!isInk(i)) continue;
      if (run && i - run[1] <= 3) run[1] = i;
      else {
        if (run && run[1] - run[0] + 1 >= minLength) runs.push(run);
        run = [i, i];
      }
    }
    if (run && run[1] - run[0] + 1 >= minLength) runs.push(run);
    return runs;
  }

  it('finds every row’s and every column’s runs in one pass, as reading each line on its own does (random pages)', () => {
    let found = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const random = new Random(seed);
      const width = random.int(5, 90);
      const height = random.int(5, 90);
      const data = new Uint8Array(width * height).map(() => (random.next() < 0.05 ? random.int(0, 255) : 250));
      for (let rule = random.int(0, 12); rule > 0; rule--) {
        const horizontal = random.next() < 0.5;
        const at = random.int(0, (horizontal ? height : width) - 1);
        const from = random.int(0, (horizontal ? width : height) - 1);
        const length = random.int(1, 60);
        for (let k = from; k < from + length && k < (horizontal ? width : height); k++) {
          // rules broken by a pixel or two of paper now and then
          if (random.next() < 0.1) continue;
          data[horizontal ? at * width + k : k * width + at] = random.int(0, 120);
        }
      }
      const threshold = random.int(100, 200);
      const minLength = random.int(1, 20);
      const image = { data, width, height };
      const rows = Array.from({ length: height }, (_, y) => lineRuns(width, (x) => data[y * width + x]! <= threshold, minLength));
      const columns = Array.from({ length: width }, (_, x) => lineRuns(height, (y) => data[y * width + x]! <= threshold, minLength));
      assert.deepEqual(inkRuns(image, threshold, minLength), { rows, columns }, `seed ${seed}`);
      found += rows.flat().length + columns.flat().length;
    }
    assert.ok(found > 1000, `${found} runs compared`);
  });
});
