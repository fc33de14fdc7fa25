// False OCR alarms: on the generated scans (8 scanned PDFs, 4 PNG photos), how many cells read
// below the confidence threshold are right and how many wrong, and which of them gouji flags as
// a warning (no sum confirms them) or only notes (every crossing sum holds). A wrong figure must
// never be among the noted-only ones.
// Usage: npx tsx bench/ocr-alarms.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalOcrEngine } from '../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG } from '../lib/config.ts';
import { processDocument } from '../lib/process-document.ts';
import { flatten, GENERATED, truthOf } from '../tests/support/samples.ts';

const engine = createLocalOcrEngine();
const files = [
  ...readdirSync(join(GENERATED, 'scan')).map((f) => join('scan', f)),
  ...readdirSync(join(GENERATED, 'png')).map((f) => join('png', f)),
].sort();
const tally = { low: 0, lowRight: 0, lowWrong: 0, warnedRight: 0, warnedWrong: 0, notedRight: 0, notedWrong: 0, misreadValid: 0 };
for (const file of files) {
  const path = join(GENERATED, file);
  const result = await processDocument(
    { name: file, uri: `file://${path}`, bytes: new Uint8Array(readFileSync(path)) },
    { config: DEFAULT_CONFIG, ocr: engine },
  );
  const truth = flatten(truthOf(file.split('/')[1]!.slice(0, 4)).tables);
  const got = flatten(result.tables);
  const warned = new Set(result.findings.filter((f) => f.rule === 'ocr.lowConfidence' && f.severity === 'warning').flatMap((f) => f.cells));
  const noted = new Set(result.findings.filter((f) => f.rule === 'ocr.lowConfidence' && f.severity === 'info').flatMap((f) => f.cells));
  let misread = false;
  for (const [path, want] of Object.entries(truth)) if (path in got && got[path] !== want && got[path] !== null) misread = true;
  if (misread && result.status === 'valid') tally.misreadValid++;
  for (const [path, source] of Object.entries(result.cells)) {
    if (source.confidence === undefined || source.confidence >= DEFAULT_CONFIG.ocrConfidenceThreshold || !(path in truth)) continue;
    const right = got[path] === truth[path];
    tally.low++;
    if (right) tally.lowRight++;
    else tally.lowWrong++;
    if (warned.has(path)) right ? tally.warnedRight++ : tally.warnedWrong++;
    if (noted.has(path)) right ? tally.notedRight++ : tally.notedWrong++;
  }
}
const rate = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(0)} %`);
console.log(
  `ocr alarms over ${files.length} scanned documents: ${tally.low} cells below ${DEFAULT_CONFIG.ocrConfidenceThreshold} (${tally.lowRight} right, ${tally.lowWrong} wrong)`,
);
console.log(`  before (every low cell a warning): false alarms ${tally.lowRight}/${tally.low} = ${rate(tally.lowRight, tally.low)}`);
console.log(
  `  after  (warning only where no sum confirms): warnings ${tally.warnedRight + tally.warnedWrong}, false alarms ${tally.warnedRight} = ${rate(tally.warnedRight, tally.warnedRight + tally.warnedWrong)}; wrong cells warned ${tally.warnedWrong}/${tally.lowWrong}`,
);
console.log(
  `  noted as confirmed by the sums: ${tally.notedRight} right, ${tally.notedWrong} wrong (must be 0); misread documents valid: ${tally.misreadValid} (must be 0)`,
);
