// `npm run drill [-- --documents N] [--engine local|textract]`: drops N documents (default 320) at
// once into a local bucket and runs them through the real handlers, with both engines unless one
// is named; the last line is the drill's verdict.
import { parseArgs } from 'node:util';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'CRITICAL';
process.env['POWERTOOLS_METRICS_DISABLED'] = 'true';
process.env['AWS_REGION'] ??= 'us-east-1';
process.env['AWS_ACCESS_KEY_ID'] ??= 'S3RVER';
process.env['AWS_SECRET_ACCESS_KEY'] ??= 'S3RVER';
const { runDrill } = await import('./local-aws/drill.ts');

const { values } = parseArgs({ options: { documents: { type: 'string', default: '320' }, engine: { type: 'string' } } });
const engines = values.engine === undefined ? (['local', 'textract'] as const) : [values.engine as 'local' | 'textract'];
let ok = true;
const lines: string[] = [];
for (const engine of engines) {
  const report = await runDrill({ engine, documents: Number(values.documents), log: (line) => console.log(line) });
  console.log(`${engine}: ${report.line}`);
  lines.push(report.line);
  ok &&= report.withResult === report.documents && report.inDlq === 0 && report.duplicates === 0 && report.maxOpenJobs <= report.limit;
}
for (const line of lines) console.log(line);
process.exitCode = ok ? 0 : 1;
