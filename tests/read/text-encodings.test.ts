import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { processDocument } from '../../lib/process-document.ts';
import { cellDifferences, GENERATED, truthOf } from '../support/samples.ts';

async function run(name: string, bytes: Uint8Array) {
  return processDocument({ name, uri: `file:///${name}`, bytes }, { config: DEFAULT_CONFIG });
}

describe('plain text in the encodings agencies publish', () => {
  it('GB18030/GBK (h003 saved by iconv, as many agency files are)', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/text/h003-gb18030.txt', import.meta.url)));
    const result = await run('h003.txt', bytes);
    assert.equal(result.extraction.encoding, 'gb18030');
    assert.deepEqual(cellDifferences(result.tables, truthOf('h003').tables), []);
    assert.equal(result.report.agency, truthOf('h003').report.agency);
  });

  for (const [encoding, bom] of [
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const) {
    it(`${encoding} with a BOM`, async () => {
      const text = readFileSync(join(GENERATED, 'src', 'h010.txt'), 'utf8');
      const le = Buffer.from(text, 'utf16le');
      const body = encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
      const result = await run('h010.txt', new Uint8Array([...bom, ...body]));
      assert.equal(result.extraction.encoding, encoding);
      assert.deepEqual(cellDifferences(result.tables, truthOf('h010').tables), []);
    });
  }

  it('UTF-8 with a BOM and CRLF line ends (Windows Notepad)', async () => {
    const text = readFileSync(join(GENERATED, 'src', 'h006.txt'), 'utf8').replace(/\n/g, '\r\n');
    const result = await run('h006.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]));
    assert.deepEqual(cellDifferences(result.tables, truthOf('h006').tables), []);
  });
});
