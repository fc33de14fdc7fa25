import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

describe('loading pdf.js', () => {
  it('leaves the process its native Array.prototype.push, JSON.parse and JSON.stringify', () => {
    // a fresh process: the test runner itself may have loaded pdf.js already
    const script = `
      const natives = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
      const { loadPdfJs } = await import(${JSON.stringify(fileURLToPath(new URL('../../lib/read/pdf/pdfjs.ts', import.meta.url)))});
      const pdfjs = await loadPdfJs();
      const after = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
      console.log(JSON.stringify({ same: natives.map((f, i) => f === after[i]), loaded: typeof pdfjs.getDocument }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').pop()!), { same: [true, true, true, true], loaded: 'function' });
  });
});
