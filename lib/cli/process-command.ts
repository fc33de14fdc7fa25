import { FsDocumentStore } from '../adapters/fs-document-store.ts';
import type { Config } from '../config.ts';
import type { Result } from '../model/result.ts';
import type { OcrEngine } from '../ports/ocr-engine.ts';
import { processStoredDocument, writeOutputs } from '../process-stored-document.ts';
import { renderIndexHtml, renderSummaryCsv, type SummaryRow, summaryRowFromResult } from '../render/outputs.ts';
import { htmlKeyOf, jsonKeyOf } from '../result-keys.ts';
import { batchContinuity } from '../rules/continuity.ts';
import { statusOf } from '../rules/validate.ts';
import { collectInputs, outputStem } from './collect-inputs.ts';
import { printSummaryTable } from './summary-table.ts';

export interface ProcessCommand {
  paths: string[];
  out: string;
  config: Config;
  ocr?: OcrEngine;
  force: boolean;
  quiet: boolean;
}

export interface BatchEntry {
  file: string;
  /** output key without extension, below --out */
  stem: string;
  result: Result;
  skipped: boolean;
}

/**
 * `gouji process`: every input through the same use case the Lambda runs, results under `--out`
 * mirroring the input folders, then summary.csv and index.html for the batch. A document that
 * cannot be read is a result; only a failure to write the outputs stops the batch.
 */
export async function runProcess(command: ProcessCommand, log: (line: string) => void): Promise<BatchEntry[]> {
  const inputs = await collectInputs(command.paths, command.out);
  const target = new FsDocumentStore(command.out);
  const entries: BatchEntry[] = [];
  const rows: SummaryRow[] = [];
  const started = Date.now();
  const stems = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    let stem = outputStem(input.key);
    // two inputs named a.pdf and a.docx in one folder would share a.json: keep both
    if (stems.has(stem)) stem = `${stem}.${input.key.slice(input.key.lastIndexOf('.') + 1)}`;
    stems.add(stem);
    const fileStarted = Date.now();
    const outcome = await processStoredDocument(new FsDocumentStore(input.root), input.key, {
      outputKey: stem,
      outputStore: target,
      config: command.config,
      force: command.force,
      ...(command.ocr ? { ocr: command.ocr } : {}),
    });
    if (outcome.outcome === 'deferred') throw new Error(`unexpected outcome ${outcome.outcome} for ${input.display}`);
    const { result } = outcome;
    const skipped = outcome.outcome === 'current';
    entries.push({ file: input.display, stem, result, skipped });
    rows.push(summaryRowFromResult(result, { file: input.display, json: jsonKeyOf(stem), html: htmlKeyOf(stem) }));
    if (!command.quiet) {
      const seconds = ((Date.now() - fileStarted) / 1000).toFixed(1);
      const spent = (Date.now() - started) / 1000;
      const left = ((spent / (index + 1)) * (inputs.length - index - 1)).toFixed(0);
      const eta = inputs.length > 1 ? ` · 已用 ${spent.toFixed(0)}s，预计还需 ${left}s` : '';
      log(`[${index + 1}/${inputs.length}] ${input.display} → ${result.status}${skipped ? '（已是最新，跳过）' : ` (${seconds}s)`}${eta}`);
    }
  }
  await addContinuityFindings(entries, target, rows);
  if (inputs.length > 0) {
    await target.put('summary.csv', renderSummaryCsv(rows), 'text/csv; charset=utf-8');
    await target.put('index.html', renderIndexHtml(rows), 'text/html; charset=utf-8');
  }
  if (!command.quiet) printSummaryTable(entries, target.root);
  return entries;
}

/**
 * Rules that need two reports: the same agency's consecutive years in one batch are checked
 * against each other (上年结转 = last year's 结转下年度; 现行有效件数 carried on), and the later
 * report's outputs are rewritten with what was found.
 */
async function addContinuityFindings(entries: BatchEntry[], target: FsDocumentStore, rows: SummaryRow[]): Promise<void> {
  const found = batchContinuity(entries.map((e) => e.result));
  for (const [index, entry] of entries.entries()) {
    const extra = found.get(entry.result);
    if (!extra) continue;
    const known = new Set(entry.result.findings.map((f) => `${f.rule}|${f.message}`));
    const fresh = extra.filter((f) => !known.has(`${f.rule}|${f.message}`));
    if (fresh.length === 0) continue;
    const findings = [...entry.result.findings, ...fresh];
    const result: Result = { ...entry.result, findings, status: statusOf(entry.result.tables, findings) };
    await writeOutputs(target, entry.stem, result);
    entry.result = result;
    rows[index] = summaryRowFromResult(result, { file: entry.file, json: jsonKeyOf(entry.stem), html: htmlKeyOf(entry.stem) });
  }
}
