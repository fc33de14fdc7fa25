import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Layout } from '../../lib/model/layout.ts';
import { readDoc } from '../../lib/read/doc/read-doc.ts';
import { readDocx } from '../../lib/read/docx/read-docx.ts';
import { oleFile, oleGeometry, oleStreams, setUint32 } from '../support/ole-file.ts';
import { generatedBytes, generatedFiles } from '../support/samples.ts';
import { type WordParagraph, wordFile } from '../support/word-file.ts';

const rows = (layout: Layout) => layout.lines.map((l) => ({ table: l.table, cells: l.cells.map((c) => c.text) }));

function outcomeOf(bytes: Uint8Array) {
  const out = readDoc(bytes);
  return out.ok ? { ok: true as const, layout: out.layout } : out;
}

/** h005.doc's streams, to rebuild altered copies from. */
const sample = () => oleStreams(generatedBytes('doc/h005.doc'));

describe('readDoc on the generated Word 97–2003 files', () => {
  for (const file of generatedFiles('doc')) {
    it(`${file.name}: the same lines, cells and tables as its DOCX twin`, () => {
      const doc = outcomeOf(generatedBytes(`doc/${file.name}`));
      const docx = readDocx(generatedBytes(`docx/${file.name.replace(/\.doc$/, '.docx')}`));
      assert.ok(doc.ok && docx.ok, doc.ok ? '' : doc.message);
      assert.deepEqual(rows(doc.layout), rows(docx.layout));
      assert.ok(doc.layout.lines.filter((l) => l.table !== undefined).length > 40, 'tables read as cells');
    });
  }

  it('reads a file whose streams were rewritten by another writer (cfb) the same', () => {
    const again = outcomeOf(oleFile(sample()));
    const original = outcomeOf(generatedBytes('doc/h005.doc'));
    assert.ok(again.ok && original.ok);
    assert.deepEqual(rows(again.layout), rows(original.layout));
  });

  it('follows a legal chain that runs backwards through the file', () => {
    const streams = sample();
    const word = streams.WordDocument!;
    const bytes = oleFile(streams);
    const geo = oleGeometry(bytes);
    const start = geo.streamStart('WordDocument');
    const count = Math.ceil(word.length / geo.sectorSize);
    assert.ok(start + count < geo.sectorSize / 4, 'the stream lies in the first FAT sector');
    // reverse the sectors' places: the stream's k-th sector now lives at start + count - 1 - k
    const copy = bytes.slice();
    for (let k = 0; k < count; k++) {
      const from = (start + k + 1) * geo.sectorSize;
      const to = (start + count - k) * geo.sectorSize;
      copy.set(bytes.subarray(from, from + geo.sectorSize), to);
      setUint32(copy, geo.fatEntry(start + count - 1 - k), k === count - 1 ? 0xfffffffe : start + count - 2 - k);
    }
    setUint32(copy, geo.directoryEntry('WordDocument') + 116, start + count - 1);
    const out = outcomeOf(copy);
    assert.ok(out.ok, out.ok ? '' : out.message);
    assert.match(out.layout.lines[0]!.cells[0]!.text, /年度报告$/);
  });
});

describe('readDoc on files it must refuse, in plain words', () => {
  it('a password-protected .doc is encrypted', () => {
    const streams = sample();
    const word = streams.WordDocument!.slice();
    word[0x0b]! |= 0x01; // fEncrypted
    const out = outcomeOf(oleFile({ ...streams, WordDocument: word }));
    assert.ok(!out.ok && out.reason === 'encrypted', JSON.stringify(out));
    assert.match(out.message, /密码|加密/);
  });

  it('a password-protected .docx (an OLE container with an encrypted package) is encrypted', () => {
    const out = outcomeOf(oleFile({ EncryptionInfo: new Uint8Array(200).fill(4), EncryptedPackage: new Uint8Array(9000).fill(7) }));
    assert.ok(!out.ok && out.reason === 'encrypted');
  });

  it('an Excel workbook renamed .doc is unsupported, and says it is Excel', () => {
    const out = outcomeOf(oleFile({ Workbook: new Uint8Array(5000).fill(9) }));
    assert.ok(!out.ok && out.reason === 'unsupported' && /Excel/.test(out.message), JSON.stringify(out));
  });

  it('any other compound file is unsupported', () => {
    const out = outcomeOf(oleFile({ Contents: new Uint8Array(100) }));
    assert.ok(!out.ok && out.reason === 'unsupported' && /WordDocument/.test(out.message));
  });

  it('a Word 6.0/95 file is unsupported, and says which version', () => {
    const streams = sample();
    const word = streams.WordDocument!.slice();
    word[2] = 0x65;
    word[3] = 0x00;
    const out = outcomeOf(oleFile({ ...streams, WordDocument: word }));
    assert.ok(!out.ok && out.reason === 'unsupported' && /Word 6\.0\/95/.test(out.message));
  });
});

describe('readDoc on corrupt and hostile compound files', () => {
  const streams = sample();
  const bytes = oleFile(streams);
  const geo = oleGeometry(bytes);
  const start = geo.streamStart('WordDocument');
  const damaged = (change: (copy: Uint8Array) => void) => {
    const copy = bytes.slice();
    change(copy);
    return outcomeOf(copy);
  };

  it('a FAT chain that loops back on itself', () => {
    const out = damaged((copy) => setUint32(copy, geo.fatEntry(start + 3), start));
    assert.ok(!out.ok && out.reason === 'corrupt' && /成环/.test(out.message), JSON.stringify(out));
  });

  it('a sector that points at itself', () => {
    const out = damaged((copy) => setUint32(copy, geo.fatEntry(start), start));
    assert.ok(!out.ok && out.reason === 'corrupt');
  });

  it('a stream declaring 2 GB', () => {
    const out = damaged((copy) => setUint32(copy, geo.directoryEntry('WordDocument') + 120, 0x7fffffff));
    assert.ok(!out.ok && out.reason === 'corrupt' && /声明长度/.test(out.message));
  });

  it('a header declaring two billion FAT sectors', () => {
    const out = damaged((copy) => setUint32(copy, 0x2c, 0x7fffffff));
    assert.ok(!out.ok && out.reason === 'corrupt');
  });

  it('a chain pointing past the end of the file', () => {
    const out = damaged((copy) => setUint32(copy, geo.fatEntry(start + 1), 0x00ffffff));
    assert.ok(!out.ok && out.reason === 'corrupt' && /文件之外/.test(out.message));
  });

  it('a directory whose entries point back at the root', () => {
    const out = damaged((copy) => {
      const at = geo.directoryEntry('WordDocument');
      setUint32(copy, at + 68, 0);
      setUint32(copy, at + 72, 0);
      setUint32(copy, at + 76, 0);
    });
    assert.ok(out.ok || out.reason === 'corrupt' || out.reason === 'unsupported', JSON.stringify(out));
  });

  it('truncated files and 400 random byte changes: always an outcome, never an exception', () => {
    let seed = 20240607;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const outcomes = new Map<string, number>();
    for (let trial = 0; trial < 400; trial++) {
      const copy = trial % 4 === 0 ? bytes.slice(0, 512 + Math.floor(random() * (bytes.length - 512))) : bytes.slice();
      for (let k = 0; k < 1 + Math.floor(random() * 8); k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      const out = readDoc(copy);
      const key = out.ok ? 'ok' : out.reason;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    console.log(`400 damaged copies of h005.doc: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    assert.ok((outcomes.get('corrupt') ?? 0) > 0);
  });
});

describe('readDoc on Word files written from their parts', () => {
  const cell = (text: string, extra: Partial<WordParagraph> = {}): WordParagraph => ({ text, mark: '\u0007', depth: 1, ...extra });
  const rowEnd = (edges: number[], extra: Partial<NonNullable<WordParagraph['row']>> = {}): WordParagraph => ({
    text: '',
    mark: '\u0007',
    depth: 1,
    row: { edges, ...extra },
  });
  const body = (text: string): WordParagraph => ({ text, mark: '\r' });

  it('puts rows of different cell widths on one grid; merged cells are blank', () => {
    const out = outcomeOf(
      wordFile([
        body('表一'),
        cell('合并'),
        cell('乙'),
        rowEnd([0, 1000, 2000]),
        cell('甲'),
        cell('1'),
        cell('2'),
        rowEnd([0, 500, 1000, 2000]),
        cell('续'),
        cell('隐'),
        cell('3'),
        rowEnd([0, 500, 1000, 2000], { mergedUp: [0], mergedLeft: [1] }),
        body('完'),
      ]),
    );
    assert.ok(out.ok, out.ok ? '' : out.message);
    assert.deepEqual(rows(out.layout), [
      { table: undefined, cells: ['表一'] },
      { table: 0, cells: ['合并', '', '乙'] },
      { table: 0, cells: ['甲', '1', '2'] },
      { table: 0, cells: ['', '', '3'] },
      { table: undefined, cells: ['完'] },
    ]);
  });

  it('skips deleted revisions and field codes, keeps field results', () => {
    const out = outcomeOf(
      wordFile([body('第\u0013 PAGE \u00145\u0015页'), cell('本年新收'), { ...cell('1215'), deleted: '12' }, rowEnd([0, 1000, 2000])]),
    );
    assert.ok(out.ok, out.ok ? '' : out.message);
    assert.deepEqual(rows(out.layout), [
      { table: undefined, cells: ['第5页'] },
      { table: 0, cells: ['本年新收', '15'] },
    ]);
  });

  it('reads a table whose cell holds a table as page layout: the inner table is the table', () => {
    const inner = (text: string): WordParagraph => ({ text, mark: '\r', depth: 2, innerCell: true });
    const out = outcomeOf(
      wordFile([
        inner('规章'),
        inner('0'),
        { text: '', mark: '\r', depth: 2, row: { edges: [0, 500, 1000] } },
        cell(''),
        cell('页边栏'),
        rowEnd([0, 1000, 2000]),
      ]),
    );
    assert.ok(out.ok, out.ok ? '' : out.message);
    assert.deepEqual(rows(out.layout), [
      { table: 0, cells: ['规章', '0'] },
      { table: undefined, cells: ['页边栏'] },
    ]);
  });

  it('reads 8-bit (compressed) text', () => {
    const out = outcomeOf(wordFile([body('Report 2023'), cell('A'), cell('12'), rowEnd([0, 700, 1400])], { compressed: true }));
    assert.ok(out.ok, out.ok ? '' : out.message);
    assert.deepEqual(rows(out.layout), [
      { table: undefined, cells: ['Report 2023'] },
      { table: 0, cells: ['A', '12'] },
    ]);
  });
});
