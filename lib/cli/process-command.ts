import { availableParallelism } from 'node:os';
import { FsDocumentStore } from '../adapters/fs-document-store.ts';
import { loadCorrections } from '../archive/load-corrections.ts';
import { updateArchive } from '../archive/update-archive.ts';
import type { Config } from '../config.ts';
import type { Result } from '../model/result.ts';
import { collectInputs, outputNames, UsageError } from './collect-inputs.ts';
import { runPool } from './document-pool.ts';
import type { DocumentTask } from './document-task.ts';
import { writeStoppedResult } from './stopped-document.ts';
import { printSummaryTable } from './summary-table.ts';

export interface ProcessCommand {
  paths: string[];
  out: string;
  config: Config;
  /** local: the PaddleOCR engine in each worker, loaded on its first scanned page */
  ocr: 'local' | 'none';
  /** documents processed at once, each in its own worker thread (default: the cores available) */
  jobs?: number;
  force: boolean;
  quiet: boolean;
  /** a folder of reviewers' `<name>.corrections.json` to apply (matched by the document's sha256) */
  corrections?: string;
}

export interface BatchEntry {
  file: string;
  /** output key without extension, below --out */
  stem: string;
  result: Result;
  skipped: boolean;
}

/**
 * `gouji process`: every input through the same use case the Lambda runs, in a pool of worker
 * threads, results under `--out` mirroring the input folders, then the archive step over every
 * result under `--out` (rules across years, summary.csv, index.html). A document that cannot be read — or whose worker had to be stopped —
 * is a result; only a failure to read inputs or write outputs stops the batch.
 */
export async function runProcess(command: ProcessCommand, log: (line: string) => void): Promise<BatchEntry[]> {
  // the corrections are read first: a folder that is not there stops the run before any work
  const corrections = command.corrections === undefined ? undefined : await readCorrections(command.corrections);
  const inputs = await collectInputs(command.paths, command.out);
  const target = new FsDocumentStore(command.out);
  const jobs = Math.max(1, command.jobs ?? availableParallelism());
  // Pages of one document are OCR'd in parallel only with the cores the other workers leave.
  const config: Config = { ...command.config, ocrConcurrency: Math.max(1, Math.floor(command.config.ocrConcurrency / jobs)) };
  const { names, renamed } = outputNames(inputs);
  for (const clash of renamed) {
    log(`注意：${clash.display} 与 ${clash.clashesWith} 输出同名，其结果写为 ${clash.name}.json`);
  }
  const tasks: DocumentTask[] = inputs.map((input, id) => ({
    id,
    root: input.root,
    key: input.key,
    stem: names[id]!,
    out: target.root,
    config,
    force: command.force,
    ocr: command.ocr,
  }));
  const entries: BatchEntry[] = new Array(tasks.length);
  const started = Date.now();
  const startedAt = new Map<number, number>();
  let done = 0;
  await runPool(
    tasks,
    { size: jobs, timeoutMs: config.timeoutMs, memoryMb: config.memoryMb },
    async (task, outcome) => {
      const input = inputs[task.id]!;
      const result =
        outcome.kind === 'done'
          ? outcome.result
          : await writeStoppedResult(new FsDocumentStore(task.root), task.key, target, task.stem, outcome, config);
      const skipped = outcome.kind === 'done' && outcome.skipped;
      entries[task.id] = { file: input.display, stem: task.stem, result, skipped };
      done++;
      if (command.quiet) return;
      const seconds = ((Date.now() - (startedAt.get(task.id) ?? started)) / 1000).toFixed(1);
      const spent = (Date.now() - started) / 1000;
      const left = ((spent / done) * (tasks.length - done)).toFixed(0);
      const eta = tasks.length > 1 ? ` · 已用 ${spent.toFixed(0)}s，预计还需 ${left}s` : '';
      log(`[${done}/${tasks.length}] ${input.display} → ${result.status}${skipped ? '（已是最新，跳过）' : ` (${seconds}s)`}${eta}`);
    },
    (task) => startedAt.set(task.id, Date.now()),
  );
  // The archive step runs after the batch: rules across years, summary.csv and index.html over
  // every result under --out, this run's and earlier ones.
  if (inputs.length > 0) {
    for (const r of corrections?.rejected ?? []) log(`更正文件无法使用，已跳过：${r.file}（${r.reason}）`);
    const archive = await updateArchive(target, {
      names: new Map(entries.map((e) => [e.stem, e.file])),
      written: new Map(entries.map((e) => [e.stem, e.result])),
      ...(corrections === undefined ? {} : { corrections: corrections.files }),
    });
    for (const f of archive.unmatched) log(`更正文件对应的文档不在 --out 下的结果中，未应用：${f.document.uri}`);
    const final = new Map(archive.entries.map((e) => [e.outputKey, e.result]));
    for (const entry of entries) entry.result = final.get(entry.stem) ?? entry.result;
  }
  if (!command.quiet) printSummaryTable(entries, target.root);
  return entries;
}

/** The reviewers' corrections under `dir`; a folder that is missing or not a folder is a usage error. */
async function readCorrections(dir: string): ReturnType<typeof loadCorrections> {
  try {
    return await loadCorrections(dir);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new UsageError(`--corrections 指定的文件夹不存在：${dir}`);
    if (code === 'ENOTDIR') throw new UsageError(`--corrections 需要一个文件夹（其中放 <文件名>.corrections.json），而 ${dir} 不是文件夹`);
    throw error;
  }
}
