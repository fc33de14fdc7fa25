// predemo: `npm run demo` on a fresh clone installs the dependencies first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = ['node_modules/tsx', 'node_modules/zod', 'node_modules/@embedpdf/pdfium', 'node_modules/onnxruntime-node'];
if (needed.every((path) => existsSync(path))) process.exit(0);
console.error('gouji: installing dependencies (npm install)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['install', '--no-audit', '--no-fund'], {
  stdio: 'inherit',
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' },
});
process.exit(result.status ?? 1);
