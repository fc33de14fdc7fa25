import { writeFileSync } from 'node:fs';
import { renderReportHtml } from '../lib/render/outputs.ts';
import { result2019, result2021, resultUnreadable } from '../tests/render/result-fixtures.ts';
writeFileSync('/tmp/r2021.html', renderReportHtml(result2021()));
writeFileSync('/tmp/r2019.html', renderReportHtml(result2019()));
writeFileSync('/tmp/runread.html', renderReportHtml(resultUnreadable()));
