import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { ERASED, FORGED, forgedH005Scan } from '../support/forged-scan.ts';
import { flatten, truthOf } from '../support/samples.ts';

/**
 * Issue 3, confidence you can act on. A consistent report (h005) scanned after two forgeries on
 * its page images (tests/support/forged-scan.ts): a “4” covered with a “2”, a “3” erased.
 * The rules must fire and `suspectCells` must put the forged cell in its top two.
 */
const engine = createLocalOcrEngine();

describe('suspect cells on a scan with a forged and an erased figure', () => {
  const truth = flatten(truthOf('h005').tables);
  let born: Result;
  let result: Result;

  before(async () => {
    const scan = await forgedH005Scan();
    born = scan.born;
    result = await processDocument(
      { name: 'h005-forged.scan.pdf', uri: 'memory://h005-forged.scan.pdf', bytes: scan.pdf },
      { config: DEFAULT_CONFIG, ocr: engine },
    );
  });

  it('reads what is printed: the forged “2”, the erased blank as 0, every other cell as the truth', () => {
    assert.equal(born.status, 'valid', 'the original is consistent');
    assert.equal(result.extraction.method, 'ocr');
    const got = flatten(result.tables);
    assert.equal(truth[FORGED], 4);
    assert.equal(got[FORGED], 2);
    assert.equal(truth[ERASED], 3);
    assert.equal(got[ERASED], 0);
    const others = Object.keys(truth).filter((k) => k !== FORGED && k !== ERASED && got[k] !== truth[k]);
    assert.deepEqual(others, []);
    assert.equal(result.status, 'invalid');
  });

  it('gives every OCR’d value cell a box, and every figure read a confidence', () => {
    const values = Object.entries(flatten(result.tables)).filter(([, v]) => v !== null);
    assert.ok(values.length >= 190);
    const missing = values
      .map(([key]) => key)
      .filter((key) => {
        const cell = result.cells[key];
        const read = cell !== undefined && cell.text.trim() !== '';
        return cell?.bbox === undefined || (read && cell.confidence === undefined);
      });
    assert.deepEqual(missing, [], 'cells without a box, or figures without a confidence');
  });

  for (const [cell, rules] of [
    [FORGED, ['applications.rowTotal', 'applications.balance']],
    [ERASED, ['reviewLitigation.total']],
  ] as const) {
    it(`names ${cell} among the top two suspects of ${rules.join(' and ')}`, (t) => {
      for (const rule of rules) {
        const finding = result.findings.find((f) => f.rule === rule && f.cells.includes(cell));
        assert.ok(finding, `${rule} fires on ${cell}`);
        const confidences = finding.cells.map((c) => `${c}=${result.cells[c]?.confidence ?? '—'}`).join(', ');
        t.diagnostic(`${rule}: suspects ${JSON.stringify(finding.suspectCells)}; confidences ${confidences}`);
        assert.ok(finding.suspectCells && finding.suspectCells.length <= 2);
        assert.ok(finding.suspectCells.includes(cell), `${cell} not in ${JSON.stringify(finding.suspectCells)}`);
      }
    });
  }
});
