import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hongzeSeries } from '../support/agency-series.ts';
import { GENERATED, SEEDS } from '../support/samples.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function gouji(args: string[], cwd = ROOT) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** Every file below a folder with its size and mtime: to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p] = `${statSync(p).size}:${statSync(p).mtimeMs}:${readFileSync(p).toString('base64').slice(0, 64)}`;
    }
  };
  walk(dir);
  return out;
}

describe('gouji process', () => {
  it('mirrors a folder tree into --out, writes summary.csv and index.html, and leaves the inputs untouched', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    const input = join(work, 'in');
    mkdirSync(join(input, '2023', '商务局'), { recursive: true });
    cpSync(join(SEEDS, 'seed-jinshui-2023.txt'), join(input, '2023', '商务局', 'jinshui.txt'));
    cpSync(join(GENERATED, 'src', 'h002.html'), join(input, 'h002.html'));
    cpSync(join(GENERATED, 'src', 'h006.txt'), join(input, 'h006.txt'));
    // Word 97–2003 and WPS files are collected too
    mkdirSync(join(input, 'wps'));
    cpSync(join(GENERATED, 'doc', 'h005.doc'), join(input, 'h005.doc'));
    cpSync(join(GENERATED, 'doc', 'h008.doc'), join(input, 'wps', 'h008.wps'));
    writeFileSync(join(input, 'notes.rtf'), 'not a report format gouji reads');
    writeFileSync(join(input, 'empty.txt'), '');
    const before = snapshot(input);
    const out = join(work, 'out');

    const run = gouji(['process', input, '--out', out, '--ocr', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(snapshot(input), before, 'inputs unchanged');

    const result = JSON.parse(readFileSync(join(out, '2023', '商务局', 'jinshui.txt.json'), 'utf8'));
    assert.equal(result.report.agency, '金水区商务局');
    assert.equal(result.status, 'valid');
    assert.ok(readFileSync(join(out, '2023', '商务局', 'jinshui.txt.report.html'), 'utf8').includes('金水区商务局'));
    assert.equal(JSON.parse(readFileSync(join(out, 'h002.html.json'), 'utf8')).status, 'invalid');
    assert.equal(JSON.parse(readFileSync(join(out, 'empty.txt.json'), 'utf8')).status, 'unreadable');
    assert.equal(JSON.parse(readFileSync(join(out, 'h005.doc.json'), 'utf8')).status, 'valid');
    assert.equal(JSON.parse(readFileSync(join(out, 'wps', 'h008.wps.json'), 'utf8')).extraction.reader, 'doc');
    assert.throws(() => statSync(join(out, 'notes.md.json')), 'unsupported extensions are not read');

    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'CSV has a BOM for Excel');
    assert.equal(csv.trim().split(/\r?\n/).length, 1 + 6);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    assert.ok(index.includes('2023/商务局/jinshui.txt.report.html') || index.includes(encodeURI('2023/商务局/jinshui.txt.report.html')));

    // the terminal summary names each file with its status; progress goes to stderr
    assert.match(run.stdout, /jinshui\.txt.*金水区商务局.*2023.*valid/);
    assert.match(run.stderr, /\[6\/6\]/);
    for (const path of Object.keys(snapshot(work))) assert.ok(path.startsWith(input) || path.startsWith(out), `wrote ${path}`);
  });

  it('skips a result that is already current, and redoes it with --force', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    cpSync(join(GENERATED, 'src', 'h007.txt'), join(work, 'h007.txt'));
    const out = join(work, 'out');
    assert.equal(gouji(['process', join(work, 'h007.txt'), '--out', out, '--ocr', 'none']).status, 0);
    const first = statSync(join(out, 'h007.txt.json')).mtimeMs;
    const again = gouji(['process', join(work, 'h007.txt'), '--out', out, '--ocr', 'none']);
    assert.match(again.stderr, /已是最新/);
    assert.equal(statSync(join(out, 'h007.txt.json')).mtimeMs, first);
    gouji(['process', join(work, 'h007.txt'), '--out', out, '--ocr', 'none', '--force']);
    assert.notEqual(statSync(join(out, 'h007.txt.json')).mtimeMs, first);
  });

  it('gives x.txt and x.html their own results, in one run or in two (the same rule as the bucket)', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    mkdirSync(join(work, 'a'));
    cpSync(join(GENERATED, 'src', 'h007.txt'), join(work, 'a', 'x.txt'));
    cpSync(join(GENERATED, 'src', 'h002.html'), join(work, 'a', 'x.html'));
    const out = join(work, 'out');
    assert.equal(gouji(['process', join(work, 'a', 'x.txt'), '--out', out, '--ocr', 'none']).status, 0);
    assert.equal(gouji(['process', join(work, 'a', 'x.html'), '--out', out, '--ocr', 'none']).status, 0);
    const sources = ['x.txt', 'x.html'].map((name) => JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')).source.uri);
    assert.deepEqual(
      sources.map((uri: string) => uri.slice(uri.lastIndexOf('/') + 1)),
      ['x.txt', 'x.html'],
    );
    const together = join(work, 'together');
    assert.equal(gouji(['process', join(work, 'a'), '--out', together, '--ocr', 'none']).status, 0);
    assert.deepEqual(
      readdirSync(together)
        .filter((f) => f.endsWith('.json'))
        .sort(),
      ['x.html.json', 'x.txt.json'],
    );
  });

  it('keeps apart two folders of one run that both hold x.txt: the second is named by its path as given, and the user is told', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    for (const [folder, id] of [
      ['a', 'h007'],
      ['b', 'h006'],
    ] as const) {
      mkdirSync(join(work, folder));
      cpSync(join(GENERATED, 'src', `${id}.txt`), join(work, folder, 'x.txt'));
    }
    const out = join(work, 'out');
    const run = gouji(['process', join(work, 'a'), join(work, 'b'), '--out', out, '--ocr', 'none', '--jobs', '1']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /b\/x\.txt 与 .*a\/x\.txt 输出同名，其结果写为 b\/x\.txt\.json/);
    const uriOf = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8')).source.uri as string;
    assert.ok(uriOf('x.txt.json').endsWith('/a/x.txt'));
    assert.ok(uriOf(join('b', 'x.txt.json')).endsWith('/b/x.txt'));
  });

  it('says which corrections file matched no result under --out, and applies nothing', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    mkdirSync(join(work, 'in'));
    mkdirSync(join(work, 'reviewed'));
    cpSync(join(SEEDS, 'seed-jinshui-2023.txt'), join(work, 'in', 'jinshui.txt'));
    const stray = { schemaVersion: 1, document: { sha256: 'a'.repeat(64), uri: 'file:///elsewhere/other.pdf' }, corrections: [] };
    writeFileSync(join(work, 'reviewed', 'other.pdf.corrections.json'), JSON.stringify(stray));
    const run = gouji(['process', join(work, 'in'), '--out', join(work, 'out'), '--corrections', join(work, 'reviewed'), '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /更正文件对应的文档不在 --out 下的结果中，未应用：file:\/\/\/elsewhere\/other\.pdf/);
    const result = JSON.parse(readFileSync(join(work, 'out', 'jinshui.txt.json'), 'utf8'));
    assert.equal(result.version, 1);
    assert.deepEqual(result.corrections, []);
  });

  it('exits 2 with a clear message on a usage error, and documents itself in --help', () => {
    const missing = gouji(['process', 'samples']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--out/);
    assert.equal(gouji(['process', '/nonexistent/path', '--out', join(tmpdir(), 'x')]).status, 2);
    assert.equal(gouji(['frobnicate']).status, 2);
    // a corrections folder that is not there stops the run before any document is read
    const noCorrections = join(tmpdir(), `gouji-no-such-folder-${process.pid}`);
    const out = join(mkdtempSync(join(tmpdir(), 'gouji-cli-')), 'out');
    const corrections = gouji(['process', 'samples/seeds', '--out', out, '--corrections', noCorrections]);
    assert.equal(corrections.status, 2);
    assert.match(corrections.stderr, new RegExp(`--corrections 指定的文件夹不存在：${noCorrections}`));
    assert.equal(existsSync(out), false, 'nothing was written');
    const notAFolder = gouji(['process', 'samples/seeds', '--out', out, '--corrections', 'package.json']);
    assert.equal(notAFolder.status, 2);
    assert.match(notAFolder.stderr, /不是文件夹/);
    const help = gouji(['--help']);
    assert.equal(help.status, 0);
    for (const word of ['process', 'enqueue', '--out', '--ocr', '--corrections', 'summary.csv', 'index.html', 'unreadable'])
      assert.ok(help.stdout.includes(word), word);
  });
});

describe('gouji process over two years of one agency', () => {
  it('checks 上年结转 against last year’s 结转下年度继续办理 and rewrites the later result', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    const y2023 = readFileSync(join(SEEDS, 'seed-jinshui-2023.txt'), 'utf8');
    // 2024: one application carried over (and carried forward again, so the year itself balances)
    const y2024 = y2023
      .replace(/2023/g, '2024')
      .replace(/^(二、上年结转政府信息公开申请数量\t\t)0\t0\t0\t0\t0\t0\t0/m, '$11\t0\t0\t0\t0\t0\t1')
      .replace(/^(四、结转下年度继续办理\t\t)0\t0\t0\t0\t0\t0\t0/m, '$11\t0\t0\t0\t0\t0\t1');
    assert.notEqual(y2024, y2023.replace(/2023/g, '2024'), 'fixture edited');
    writeFileSync(join(work, 'jinshui-2023.txt'), y2023);
    writeFileSync(join(work, 'jinshui-2024.txt'), y2024);
    const out = join(work, 'out');
    assert.equal(gouji(['process', work, '--out', out, '--ocr', 'none']).status, 0);
    const later = JSON.parse(readFileSync(join(out, 'jinshui-2024.txt.json'), 'utf8'));
    const continuity = later.findings.filter((f: { rule: string }) => f.rule === 'applications.carryOverContinuity');
    assert.deepEqual(continuity.map((f: { cells: string[] }) => f.cells[0]).sort(), [
      'applications.carriedOver.naturalPerson',
      'applications.carriedOver.total',
    ]);
    assert.equal(later.status, 'invalid');
    assert.equal(JSON.parse(readFileSync(join(out, 'jinshui-2023.txt.json'), 'utf8')).status, 'valid');
    assert.match(readFileSync(join(out, 'summary.csv'), 'utf8'), /jinshui-2024\.txt.*invalid/);
  });
});

describe('gouji process --jobs', () => {
  it('gives the same results, summary and order with one worker as with three', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    const input = join(work, 'in');
    mkdirSync(join(input, 'b'), { recursive: true });
    cpSync(join(GENERATED, 'src', 'h002.html'), join(input, 'a-h002.html'));
    cpSync(join(GENERATED, 'pdf', 'h005.pdf'), join(input, 'b', 'h005.pdf'));
    cpSync(join(GENERATED, 'docx', 'h008.docx'), join(input, 'b', 'h008.docx'));
    cpSync(join(GENERATED, 'src', 'h007.txt'), join(input, 'c-h007.txt'));
    writeFileSync(join(input, 'd-empty.pdf'), '');
    const runs = ['1', '3'].map((jobs) => {
      const out = join(work, `out-${jobs}`);
      const run = gouji(['process', input, '--out', out, '--ocr', 'none', '--jobs', jobs]);
      assert.equal(run.status, 0, run.stderr);
      const results = ['a-h002.html', 'b/h005.pdf', 'b/h008.docx', 'c-h007.txt', 'd-empty.pdf'].map((stem) => {
        const { extraction, ...result } = JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8'));
        return { ...result, extraction: { ...extraction, durationMs: 0 } };
      });
      return {
        stdout: run.stdout.replaceAll(out, 'OUT'),
        stderr: run.stderr,
        csv: readFileSync(join(out, 'summary.csv'), 'utf8'),
        results,
      };
    });
    assert.deepEqual(runs[1]!.results, runs[0]!.results);
    assert.equal(runs[1]!.csv, runs[0]!.csv);
    assert.equal(runs[1]!.stdout, runs[0]!.stdout, 'the summary table lists the files in input order');
    const order = runs[0]!.csv
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[0]);
    assert.deepEqual(
      order,
      ['in/a-h002.html', 'in/b/h005.pdf', 'in/b/h008.docx', 'in/c-h007.txt', 'in/d-empty.pdf'].map((f) => join(input, f.slice(3))),
    );
    for (const { stderr } of runs) {
      assert.equal(stderr.match(/^\[\d\/5\]/gm)?.length, 5, 'one progress line per document');
      assert.match(stderr, /^\[5\/5\]/m);
    }
    assert.equal(gouji(['process', input, '--out', join(work, 'x'), '--jobs', '0']).status, 2);
  });
});

describe('gouji process over an archive that grows year by year', () => {
  it('covers every result under --out in summary.csv and index.html, and pairs a new year with last year’s result', () => {
    const work = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    const series = hongzeSeries();
    mkdirSync(join(work, 'first'));
    for (const y of series) writeFileSync(join(y.year <= 2022 ? join(work, 'first') : work, y.name), y.text);
    const out = join(work, 'out');
    assert.equal(gouji(['process', join(work, 'first'), '--out', out, '--ocr', 'none', '--quiet']).status, 0);
    // a later run over one new file
    const run = gouji(['process', join(work, 'hongze-2023.txt'), '--out', out, '--ocr', 'none']);
    assert.equal(run.status, 0, run.stderr);
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split(/\r?\n/);
    assert.equal(csv.length, 1 + 4, 'summary.csv holds the earlier results too');
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const y of [2020, 2021, 2022, 2023]) assert.ok(index.includes(`hongze-${y}`), `index links ${y}`);
    const y2023 = JSON.parse(readFileSync(join(out, 'hongze-2023.txt.json'), 'utf8'));
    const carry = y2023.checks.find((c: { rule: string }) => c.rule === 'applications.carryOverContinuity');
    assert.equal(carry.outcome, 'fail');
    assert.equal(carry.against, pathToFileURL(join(work, 'first', 'hongze-2022.txt')).href);
    assert.equal(y2023.status, 'invalid');
  });
});
