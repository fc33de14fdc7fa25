// Hand-built results for the render tests: tables as printed in two generated samples, with the
// findings, OCR cell sources and hostile strings a renderer must cope with.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Result, ResultSchema } from '../../lib/model/result.ts';
import { GOUJI_VERSION } from '../../lib/version.ts';

const TRUTH = join(dirname(fileURLToPath(import.meta.url)), '../../samples/generated/truth');

function truthTables(id: string): unknown {
  return (JSON.parse(readFileSync(join(TRUTH, `${id}.json`), 'utf8')) as { tables: unknown }).tables;
}

export const HOSTILE_AGENCY = '<script>alert(1)</script>商务局';
export const HOSTILE_MESSAGE =
  '自然人列："onload="alert(2)" 第一项加第二项之和（5）不等于第三项加第四项之和（4）<img src=x onerror=alert(3)>';

/** Format 2021, OCR'd, invalid: a balance error, a blank-cell warning, a suspect and a low-confidence cell, one unreadable cell. */
export function result2021(): Result {
  const tables = truthTables('h005') as { applications: { carriedForward: { total: number | null } } };
  tables.applications.carriedForward.total = null;
  return ResultSchema.parse({
    schemaVersion: 1,
    goujiVersion: GOUJI_VERSION,
    status: 'invalid',
    source: {
      uri: 's3://reports/incoming/2024/"onload=alert(1)".pdf',
      sha256: 'a'.repeat(64),
      bytes: 412842,
      mediaType: 'application/pdf',
      etag: '"9b2cf535f27731c974343645a3985328"',
    },
    report: { agency: HOSTILE_AGENCY, year: 2024, formatVersion: '2021', title: `${HOSTILE_AGENCY}2024年政府信息公开工作年度报告` },
    extraction: {
      method: 'ocr',
      reader: 'pdf',
      ocrEngine: 'tesseract',
      pages: 6,
      ocrPages: [1, 2, 3, 4, 5, 6],
      meanConfidence: 0.91,
      durationMs: 8123.4,
    },
    tables,
    cells: {
      'applications.newlyReceived.naturalPerson': { method: 'ocr', page: 4, bbox: [412.1, 233, 431.5, 245.2], text: '2', confidence: 0.62 },
      'applications.newlyReceived.total': { method: 'ocr', page: 4, bbox: [500, 233, 520, 245.2], text: '4', confidence: 0.97 },
      'applications.carriedForward.total': { method: 'ocr', page: 4, text: '<b>?</b>', confidence: 0.2 },
    },
    findings: [
      { rule: 'structure.nonStandardLabel', severity: 'warning', message: '表二列名“本年度止件数”应为“本年废止件数”', cells: [] },
      {
        rule: 'applications.balance',
        severity: 'error',
        message: HOSTILE_MESSAGE,
        cells: [
          'applications.newlyReceived.naturalPerson',
          'applications.carriedOver.naturalPerson',
          'applications.results.total.naturalPerson',
          'applications.carriedForward.naturalPerson',
        ],
        suspectCells: ['applications.newlyReceived.naturalPerson'],
      },
      { rule: 'value.blankCell', severity: 'warning', message: '空白单元格按 0 计', cells: ['reviewLitigation.litigationDirect.pending'] },
      { rule: 'value.unreadable', severity: 'error', message: '单元格无法识别', cells: ['applications.carriedForward.total'] },
      {
        rule: 'ocr.lowConfidence',
        severity: 'warning',
        message: 'OCR 置信度 0.62 低于 0.8',
        cells: ['applications.newlyReceived.naturalPerson'],
      },
    ],
  });
}

/** Format 2019, from text, invalid by a row total; table 2 missing. */
export function result2019(): Result {
  const tables = truthTables('h002') as Record<string, unknown>;
  return ResultSchema.parse({
    schemaVersion: 1,
    goujiVersion: GOUJI_VERSION,
    status: 'invalid',
    source: { uri: 'file:///data/泉州市统计局 2020.html', sha256: 'b'.repeat(64), bytes: 5641, mediaType: 'text/html' },
    report: { agency: '泉州市统计局', year: 2020, formatVersion: '2019', title: null },
    extraction: { method: 'text', reader: 'html', encoding: 'utf-8' },
    tables: { ...tables, proactive: null },
    cells: {},
    findings: [
      {
        rule: 'applications.rowTotal',
        severity: 'error',
        message: '一、本年新收政府信息公开申请数量：各列之和（263）不等于总计（264）',
        cells: ['applications.newlyReceived'],
      },
      { rule: 'structure.missingTable', severity: 'error', message: '未找到表二', cells: ['proactive'] },
      {
        rule: 'applications.resultTotal',
        severity: 'info',
        message: '（六）其他处理只有一行',
        cells: ['applications.results.otherHandling.total'],
      },
    ],
  });
}

/** A file that could not be read at all. */
export function resultUnreadable(): Result {
  return ResultSchema.parse({
    schemaVersion: 1,
    goujiVersion: GOUJI_VERSION,
    status: 'unreadable',
    source: {
      uri: 'file:///data/scan.docx',
      sha256: 'c'.repeat(64),
      bytes: 1024,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    report: { agency: null, year: null, formatVersion: null, title: null },
    extraction: { method: 'none', reader: 'docx' },
    tables: { proactive: null, applications: null, reviewLitigation: null },
    cells: {},
    findings: [{ rule: 'document.encrypted', severity: 'error', message: 'Word 文档设有打开密码（已加密），无法读取。', cells: [] }],
  });
}
